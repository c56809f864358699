"""The boundary where values become markup: whatever an export holds prints as written.

Each target is checked where it ends up: pandoc's HTML (no element or attribute from the
data), pandoc's Typst (the text as written), a pandoc metadata string, a Markdown attribute,
a pipe table cell, and raw Typst strings.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from bs4 import BeautifulSoup

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
