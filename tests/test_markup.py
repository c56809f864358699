"""The boundary where values become markup: whatever an export holds prints as written.

Each target is checked where it ends up: pandoc's HTML (no element or attribute from the
data), pandoc's Typst (the text as written), a pandoc metadata string, a Markdown attribute,
a pipe table cell, and raw Typst strings.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import subprocess

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_report import markup
from complaints_report.rendering.pandoc import pandoc_path

HOSTILE = [
    "<img src=x onerror=\"document.title='PWNED'\"> Quality of service",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "Team @home",
    "Fee $5 and $10",
    "$$x$$",
    "{{< include other.qmd >}}",
    "{{< meta title >}}",
    "`{python} 1 + 1`",
    '#read("/etc/passwd")',
    "a | b",
    "# Heading",
    "1. item",
    "- item",
    "+ item",
    '=HYPERLINK("http://x","y")',
    "C:\\temp\\",
    "<!-- a comment -->",
    "&amp; &lt;",
    "~sub~ ^sup^ *em* _x_ [^1]",
    "::: {.callout-note}",
    ":smile:",
    "line one\n\n    indented code",
    "ends with a backslash\\",
    "<https://example.com>",
    "[@fig-volume]",
    "\"quoted\" and 'single'",
    "x" * 5000,
]


def pandoc(markdown: str, to: str) -> str:
    result = subprocess.run(
        [pandoc_path(), "--from=markdown", f"--to={to}"],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def pandoc_json(markdown: str) -> dict:
    return json.loads(pandoc(markdown, "json"))


def only_text(node) -> str:
    """The text of pandoc's AST, failing on any element other than text, spaces and paragraphs."""
    kind = node.get("t")
    if kind == "Str":
        return node["c"]
    if kind == "Space":
        return " "
    if kind == "Para":
        return "".join(only_text(child) for child in node["c"])
    raise AssertionError(f"the value became a {kind} element, not text: {node}")


@pytest.mark.parametrize("value", HOSTILE)
def test_text_reads_back_as_exactly_the_text_and_nothing_else(value):
    blocks = pandoc_json(markup.text(value))["blocks"]
    assert len(blocks) == 1, blocks
    assert only_text(blocks[0]) == markup.one_line(value).strip()


def test_html_of_hostile_text_has_no_element_from_the_data():
    html = pandoc("\n\n".join(markup.text(value) for value in HOSTILE), "html")
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"p"}
    assert all(not tag.attrs for tag in soup.find_all(True))
    text = soup.get_text()
    assert (
        "<img src=x onerror=" in text
        and "[x](javascript:alert(1))" in text
        and "{{< include other.qmd >}}" in text
    )


def test_typst_of_hostile_text_prints_it_literally():
    typst = pandoc("\n\n".join(markup.text(value) for value in HOSTILE[:12]), "typst")
    assert "#read(" not in typst.replace("\\#read(", "")
    assert "$" not in typst.replace("\\$", "")
    assert "@home" not in typst.replace("\\@home", "")


def test_one_line_values_never_start_a_block():
    assert markup.text("a\n\n# b\n- c") == "a \\# b \\- c"
    assert "\n" not in markup.text("x\r\ny\tz")


def test_sentences_keep_cross_references_and_escape_the_rest():
    sentence = ("Complaints fell (", markup.Ref("fig-volume"), ") at *Team* @home.")
    text = markup.sentence(sentence)
    assert text == "Complaints fell \\(@fig-volume\\) at \\*Team\\* \\@home\\."
    cites = [block for block in pandoc_json(text)["blocks"][0]["c"] if block["t"] == "Cite"]
    assert [cite["c"][0][0]["citationId"] for cite in cites] == ["fig-volume"]


def test_a_ref_is_only_a_figure_or_table_label():
    with pytest.raises(ValueError):
        markup.Ref("sec-intro")
    with pytest.raises(ValueError):
        markup.Ref("fig-x} onerror")


def test_paragraph_leaves_out_empty_sentences():
    assert (
        markup.paragraph(["One.", "", ("Two ", markup.Ref("tbl-areas"), ".")]) == "One\\. Two @tbl-areas\\."
    )
    assert markup.paragraph(["", ""]) == ""


def test_attribute_keeps_the_value_inside_its_quotes():
    value = 'Chart of "Quality" \\ <b onmouseover=x> } {#fig-y} {{< include x.md >}} `{python} 1`'
    markdown = f'![Caption](a.png){{#fig-x fig-alt="{markup.attribute(value)}"}}'
    assert "{{<" not in markdown and "`{python}" not in markdown, "nothing Quarto looks for in the raw text"
    figure = pandoc_json(markdown)["blocks"][0]
    assert figure["t"] == "Figure" and figure["c"][0][0] == "fig-x"
    image = figure["c"][2][0]["c"][0]
    assert dict(image["c"][0][2]) == {"fig-alt": value}


def test_pipe_table_cells_hold_pipes_and_markup_as_text():
    markdown = markup.pipe_table(["Team | name", "Count"], [["A | B", "=1"], ["<b>x</b>", "@y"]])
    markdown += "\n\n" + markup.caption_line("Cap | $x$", "tbl-x")
    soup = BeautifulSoup(pandoc(markdown, "html"), "html.parser")
    cells = [cell.get_text() for cell in soup.find_all(["th", "td"])]
    assert cells == ["Team | name", "Count", "A | B", "=1", "<b>x</b>", "@y"]
    assert soup.caption.get_text() == "Cap | $x$"
    assert soup.table["id"] == "tbl-x"


def test_metadata_strings_are_read_as_text(tmp_path):
    council = "Royal Borough: *Test* & Co <script>x</script> @cite $1"
    (tmp_path / "meta.yml").write_text(json.dumps({"title": markup.text(council)}), encoding="utf-8")
    result = subprocess.run(
        [pandoc_path(), "--from=markdown", "--to=json", f"--metadata-file={tmp_path / 'meta.yml'}"],
        input="",
        capture_output=True,
        text=True,
        check=True,
    )
    title = json.loads(result.stdout)["meta"]["title"]
    assert title["t"] == "MetaInlines"
    assert "".join(only_text(node) for node in title["c"]) == council


def test_heading_and_blockquote_are_text():
    markdown = markup.heading(3, "# *Team*", "team-1") + "\n\n" + markup.blockquote("> <i>hi</i>")
    soup = BeautifulSoup(pandoc(markdown, "html"), "html.parser")
    assert soup.h3.get_text() == "# *Team*"
    assert soup.blockquote.get_text(strip=True) == "> <i>hi</i>"


def test_typst_string_escapes_quotes_and_backslashes():
    assert markup.typst_string('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c d"'


def test_blocks_make_paragraphs_and_lists_of_escaped_text():
    parts = [
        "One sentence.",
        ("See ", markup.Ref("tbl-areas"), "."),
        markup.NEW_PARAGRAPH,
        "It did not accept 2, for these reasons:",
        markup.Bullets(("- Duplicate: 1", "Not about <b>us</b>: 1", "")),
        "",
        markup.NEW_PARAGRAPH,
    ]
    assert markup.blocks(parts).split("\n\n") == [
        "One sentence\\. See @tbl-areas\\.",
        "It did not accept 2\\, for these reasons\\:",
        "- \\- Duplicate\\: 1\n- Not about \\<b\\>us\\<\\/b\\>\\: 1",
    ]
    assert markup.blocks(["", markup.NEW_PARAGRAPH, markup.Bullets(())]) == ""


def test_blocks_read_back_as_a_paragraph_and_a_list_with_the_text_as_written():
    html = pandoc(markup.blocks(["Why:", markup.Bullets(("# not a heading", "[x](javascript:y)"))]), "html")
    soup = BeautifulSoup(html, "html.parser")
    assert [li.get_text() for li in soup.find_all("li")] == ["# not a heading", "[x](javascript:y)"]
    assert soup.find("a") is None and soup.find("h1") is None


@pytest.mark.parametrize("value", HOSTILE)
def test_html_text_is_text_in_an_element_and_in_an_attribute(value):
    soup = BeautifulSoup(f'<p title="{markup.html_text(value)}">{markup.html_text(value)}</p>', "html.parser")
    assert soup.p.get_text() == value and soup.p["title"] == value
    assert len(soup.find_all(True)) == 1


# --- any text at all: property-based, pandoc and Typst reading what markup.py wrote ----------------

# Text as exports hold it: every ASCII punctuation character, letters and digits, white space of
# every kind (line breaks inside a cell), control characters, and non-ASCII typography.
_SPECIAL = list(string.punctuation) + [" ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\u00a0", "\u2028"]
_OTHER = ["é", "£", "’", "‘", "“", "”", "–", "—", "…", "ß", "\u00ad", "\x07", "\x1b", "\x7f", "\x00"]
_PIECES = [
    *_SPECIAL,
    *_OTHER,
    "a",
    "Z",
    "0",
    "9",
    "-?",
    "...",
    "--",
    "{{<",
    ">}}",
    "`{python}",
    "@sec-x",
    "$$",
]
ANY_TEXT = st.lists(
    st.sampled_from(_PIECES) | st.text(alphabet=string.ascii_letters, max_size=4), max_size=16
).map("".join)
PRINTABLE_TEXT = ANY_TEXT.map(lambda s: "".join(c for c in s if c not in "\x00\x07\x1b\x7f\u00ad"))
# captions and alt text are never blank (the code writes them: a title, a chart's description)
SOME_TEXT = ANY_TEXT.map(lambda s: s + " x")
FEW = settings(max_examples=40, deadline=None, derandomize=True)  # each example runs pandoc (and Typst)


def literal(value: str) -> str:
    """What a reader must see: the value on one line, without control characters."""
    return markup.one_line(value).strip()


@FEW
@given(ANY_TEXT)
def test_any_text_reads_back_from_markdown_as_exactly_that_text(value):
    blocks = pandoc_json(markup.text(value))["blocks"]
    if not literal(value):
        assert blocks == []
    else:
        assert len(blocks) == 1 and only_text(blocks[0]) == literal(value)


@FEW
@given(value=ANY_TEXT)
def test_any_text_is_a_metadata_string_read_as_that_text(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("meta")
    # as the built-in engine writes its metadata file (rendering/builtin.py)
    (folder / "meta.yml").write_text(yaml.safe_dump({"subtitle": markup.text(value)}), encoding="utf-8")
    result = subprocess.run(
        [pandoc_path(), "--from=markdown", "--to=json", f"--metadata-file={folder / 'meta.yml'}"],
        input="",
        capture_output=True,
        text=True,
        check=True,
    )
    subtitle = json.loads(result.stdout)["meta"].get("subtitle", {"t": "MetaInlines", "c": []})
    text = subtitle["c"] if subtitle["t"] == "MetaString" else "".join(only_text(n) for n in subtitle["c"])
    assert text == literal(value)


@FEW
@given(ANY_TEXT)
def test_any_text_is_an_alt_text_attribute_read_as_that_text(value):
    markdown = f'![Caption](a.png){{#fig-x fig-alt="{markup.attribute(value)}"}}'
    assert "{{<" not in markdown and "`{python}" not in markdown
    figure = pandoc_json(markdown)["blocks"][0]
    assert figure["t"] == "Figure" and figure["c"][0][0] == "fig-x"
    image = figure["c"][2][0]["c"][0]
    assert dict(image["c"][0][2]) == {"fig-alt": literal(value)}


@FEW
@given(st.lists(st.tuples(ANY_TEXT, ANY_TEXT), min_size=1, max_size=3), SOME_TEXT)
def test_any_text_in_a_pipe_table_stays_in_its_cell(rows, caption):
    markdown = markup.pipe_table(["Team", "Area"], rows) + "\n\n" + markup.caption_line(caption, "tbl-x")
    soup = BeautifulSoup(pandoc(markdown, "html"), "html.parser")
    assert soup.table["id"] == "tbl-x"

    def text(element) -> str:  # pandoc wraps long lines of the HTML source
        return " ".join(element.get_text().split())

    assert [[text(cell) for cell in row.find_all("td")] for row in soup.tbody.find_all("tr")] == [
        [literal(team), literal(area)] for team, area in rows
    ]
    assert text(soup.caption) == literal(caption)
    assert {tag.name for tag in soup.table.find_all(True)} <= {
        "caption",
        "colgroup",
        "col",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }


@FEW
@given(ANY_TEXT)
def test_a_heading_from_data_has_the_id_it_was_given_and_the_text_as_written(value):
    soup = BeautifulSoup(pandoc(markup.heading(3, value, "quotes-team-1"), "html"), "html.parser")
    if literal(value):
        assert soup.h3["id"] == "quotes-team-1" and soup.h3.get_text() == literal(value)


def test_a_heading_id_is_an_identifier():
    with pytest.raises(ValueError):
        markup.heading(3, "Team", 'x" onclick="y')


def test_chart_text_is_one_line_and_shortened_with_an_ellipsis():
    assert markup.chart_text("Fee $5\nand $10\x07") == "Fee $5 and $10"
    long = markup.chart_text("Very long team name " * 250)
    assert len(long) == 60 and long.endswith("…") and "\n" not in long
    assert markup.chart_text("x" * 60) == "x" * 60


# --- the Typst target: what pandoc's Typst writer and the Lua filters make of it, compiled --------


def typst_pdf_text(typ: str, folder) -> str:
    """Compile Typst source and read the PDF's text back."""
    import typst

    source = folder / "t.typ"
    source.write_text(
        '#set page(width: 40cm, height: auto)\n#set text(font: "DejaVu Sans")\n'
        # the wrappers quarto_compat.lua puts round a table, as template.typ defines them
        "#let unbroken(body) = block(breakable: false, width: 100%, body)\n"
        "#let compact-table(body) = body\n" + typ,
        encoding="utf-8",
    )
    typst.compile(str(source), output=str(folder / "t.pdf"))
    return subprocess.run(
        ["pdftotext", str(folder / "t.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


def typst_of(markdown: str) -> str:
    """Markdown to Typst as the built-in engine converts it (its reader, filters and writer)."""
    from complaints_report.rendering import builtin

    result = subprocess.run(
        [
            pandoc_path(),
            f"--from={builtin.MARKDOWN}",
            "--to=typst",
            f"--lua-filter={builtin.TYPST_LITERAL_FILTER}",
            f"--lua-filter={builtin.LUA_FILTER}",
        ],
        input=markdown,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def marked(index: int, value: str) -> str:
    return f"QQ{index}Q {value} QEQ"


needs_pdftotext = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext missing (poppler-utils)"
)


@needs_pdftotext
def test_typst_prints_what_its_shorthands_and_markers_would_change(tmp_path):
    values = [
        "-2+3",
        "x -1 and -? and ... and ..... and 2020-21",
        "it’s ’quoted’ and \"straight\" and 'single'",
        "= heading",
        "+ item",
        "- item",
        "1. item",
        "/ term: x",
        "a // b /* c */",
        '#read("/etc/passwd") $x$ @sec-x <label> *b* _e_ `r` ~ \\',
    ]
    markdown = "\n\n".join(marked(n, markup.text(value)) for n, value in enumerate(values))
    # and the same values at the start of table cells, where pandoc does not escape a list marker
    markdown += "\n\n" + markup.pipe_table(
        ["Value"], [[marked(n + 100, "")[:-4] + value] for n, value in enumerate(values)]
    )
    text = typst_pdf_text(typst_of(markdown), tmp_path)
    for n, value in enumerate(values):
        assert f"QQ{n}Q {value} QEQ" in text, value
        assert f"QQ{n + 100}Q {value}" in text, value


@needs_pdftotext
@FEW
@given(values=st.lists(PRINTABLE_TEXT, min_size=1, max_size=5))
def test_any_text_prints_as_written_in_the_pdf(tmp_path_factory, values):
    folder = tmp_path_factory.mktemp("typst")
    markdown = "\n\n".join(marked(n, markup.text(value)) for n, value in enumerate(values))
    text = " ".join(typst_pdf_text(typst_of(markdown), folder).split())
    for n, value in enumerate(values):
        assert " ".join(marked(n, literal(value)).split()) in text


@needs_pdftotext
@FEW
@given(value=PRINTABLE_TEXT.map(lambda s: s + " x"))
def test_any_alt_text_is_a_typst_string_holding_that_text(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("alt")
    typ = typst_of(f'![Caption](chart.png){{#fig-x fig-alt="{markup.attribute(value)}"}}')
    alt = re.search(r'alt: ("(?:[^"\\]|\\.)*")', typ).group(1)  # the string the Lua filter wrote
    text = typst_pdf_text(f"QQ #{alt} QEQ", folder)
    assert " ".join(text.split()) == " ".join(f"QQ {literal(value)} QEQ".split())


@needs_pdftotext
@FEW
@given(value=PRINTABLE_TEXT)
def test_any_text_is_a_typst_string_literal(tmp_path_factory, value):
    folder = tmp_path_factory.mktemp("string")
    text = typst_pdf_text(f"QQ #{markup.typst_string(value)} QEQ", folder)
    assert " ".join(text.split()) == " ".join(f"QQ {literal(value)} QEQ".split())
