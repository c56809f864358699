"""Narrative at render time: Markdown kept, anything that runs or loads refused with file, line and what to do."""

from __future__ import annotations

import shutil

import pytest

from complaints_report import content, narrative, narrative_safety, paths
from complaints_report.loading import load_inputs
from complaints_report.metrics import compute_metrics
from complaints_report.years import ReportingYear

YEAR = ReportingYear.parse("2020-21")
FIGURES = {"complaints_accepted": 85, "year_display": "2020/21", "category_counts": {"A": 1}}
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


@pytest.fixture
def content_dir(tmp_path):
    folder = tmp_path / "content"
    (folder / "2020-21" / "asc").mkdir(parents=True)
    return folder


def problems_of(content_dir, text: str, key: str = "volume") -> list[str]:
    path = content.section_path(content_dir, YEAR, "asc", key)
    path.write_text(text, encoding="utf-8")
    return narrative.problems(content_dir, YEAR, "asc", FIGURES)


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with **bold**, a [link](https://www.gov.uk) and <abbr title='Local Government'>LG</abbr>.",
        "- a list\n- of items\n\n### A sub-heading\n\n::: {.callout-note}\nA note.\n:::\n",
        "We accepted {{ complaints_accepted }} complaints.<br>\nA line.",
        "Write to <complaints@example.gov.uk> or see <https://example.gov.uk>.",
        "Example code: `<script>` in a code span is text.\n\n```\n<script>alert(1)</script>\n```\n",
        "A rule:\n\n---\n\nAfter the rule.",
        "<!-- a comment the analyst left -->",
    ],
)
def test_ordinary_narrative_is_allowed(content_dir, text):
    assert problems_of(content_dir, text) == []


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("Fine.\n\n<script>alert(1)</script>", 3, "the HTML element <script>"),
        ("<style>body{}</style>", 1, "<style>"),
        ('<iframe src="https://x"></iframe>', 1, "<iframe>"),
        ('<object data="x.swf"></object>', 1, "<object>"),
        ('<embed src="x">', 1, "<embed>"),
        ('<span onclick="alert(1)">x</span>', 1, "the attribute onclick"),
        ('<p style="background:url(https://x)">x</p>', 1, "a style attribute"),
        ('<a href="javascript:alert(1)">x</a>', 1, "`javascript:` address"),
        ("[click](javascript:alert(1))", 1, "`javascript:` address"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 1, "`data:` address"),
        ("[x](file:///etc/passwd)", 1, "`file:` address"),
        ("[x]: javascript:alert(1)\n", 1, "`javascript:` address"),
        ("![A chart](https://example.com/chart.png)", 1, "not a file in the narrative folder"),
        ('<img src="http://example.com/x.png" alt="x">', 1, "not a file in the narrative folder"),
        ('<img src="/etc/hosts" alt="x">', 1, "not a file in the narrative folder"),
        ("![Secret](../../../secret.png)", 1, "outside the content folder"),
        ("![Missing](nowhere.png)", 1, "does not exist"),
        ("{{< include /etc/passwd >}}", 1, "shortcode"),
        ("Value `{python} 1 + 1` here.", 1, "an inline expression"),
        ("```{python}\nimport os\n```", 1, "a code cell"),
        ("```{=html}\n<b>x</b>\n```", 1, "a raw block"),
        ("Text.\n\n---\ntitle: Hacked\n---\n", 3, "a YAML metadata block"),
        ("::: {#fig-x}\n![a](b.png)\n:::", 1, "cross-reference div"),
        ("# A title", 1, "level-1 heading"),
        ("See @sec-intro.", 1, "cross-reference `@sec-intro`"),
    ],
)
def test_narrative_that_runs_or_loads_anything_is_refused_with_file_and_line(
    content_dir, text, line, expected
):
    found = problems_of(content_dir, text)
    assert any(f"volume.md, line {line}: " in problem and expected in problem for problem in found), found


def test_an_image_in_the_narrative_folder_with_alt_text_is_copied_beside_the_report(content_dir, tmp_path):
    folder = content_dir / "2020-21" / "asc"
    (folder / "team.png").write_bytes(PNG)
    assert problems_of(content_dir, "![The team at work](team.png)") == []
    assert any("no alt text" in p for p in problems_of(content_dir, "![](team.png)"))
    project = tmp_path / "project"
    project.mkdir()
    regulations = {"caption": "C", "rows": []}
    problems_of(content_dir, "![The team at work](team.png)")
    narrative.prepare(project, content_dir, YEAR, "asc", FIGURES, regulations)
    assert (project / "team.png").read_bytes() == PNG


def test_a_misspelt_field_is_refused_with_its_line(content_dir):
    found = problems_of(content_dir, "One.\n\nWe accepted {{ complaints_acepted }}.")
    assert any(
        "volume.md, line 3: '{{ complaints_acepted }}' is not a figure" in problem for problem in found
    )


def test_prepare_writes_every_section_for_both_services_and_placeholders(content_dir, tmp_path):
    (content_dir / "2020-21" / "asc" / "volume.md").write_text(
        "We accepted {{ complaints_accepted }}.", encoding="utf-8"
    )
    (content_dir / "2020-21" / "asc" / "meta.yml").write_text(
        "team: CE *Team*\ncontact:\n  email: team@example.gov.uk\n  phone: 020 0000 0000\n", encoding="utf-8"
    )
    regulations = {
        "caption": "What the 2009 regulations ask",
        "rows": [
            ["Received", "Volume", "85"],
            ["Learning", "Learning", {"described": ["learning", "volume"]}],
        ],
    }
    project = tmp_path / "project"
    project.mkdir()
    missing = narrative.prepare(project, content_dir, YEAR, "asc", FIGURES, regulations)
    assert "Learning from complaints" in missing and "Volume of complaints" not in missing
    written = {path.stem: path.read_text(encoding="utf-8") for path in (project / "_narrative").glob("*.md")}
    assert set(written) == set(narrative.section_keys()) | {"contact", "regulations"}
    assert written["volume"] == "We accepted 85.\n"
    assert written["stage2"] == ""  # a Children's section, empty in the ASC report
    assert "Narrative needed" in written["learning"]
    assert written["contact"] == "CE \\*Team\\*  \nEmail: <team@example.gov.uk>  \nTelephone: 020 0000 0000\n"
    assert (
        "| Learning                  | Learning\\: narrative needed\\: Learning from complaints |"
        in (written["regulations"])
    )
    assert "| Received                  | Volume\\: 85" in written["regulations"]
    assert "What the report must show" in written["regulations"] and "Described" not in written["regulations"]
    assert written["regulations"].rstrip().endswith("{#tbl-regulations}")


def test_prepare_refuses_unsafe_narrative_before_writing_anything(content_dir, tmp_path):
    (content_dir / "2020-21" / "asc" / "learning.md").write_text("<script>x</script>", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    with pytest.raises(content.ContentError, match=r"learning\.md, line 1: the HTML element <script>"):
        narrative.prepare(project, content_dir, YEAR, "asc", FIGURES, {"caption": "C", "rows": []})
    assert not (project / "_narrative").exists()


def test_a_contact_email_that_is_not_an_address_is_text():
    text = narrative.contact_markdown({"contact": {"email": "<x onerror=y>@a.b"}})
    assert text == "Email: \\<x onerror\\=y\\>\\@a\\.b"


def test_the_bundled_narrative_is_accepted():
    for service, year in (("asc", "2020-21"), ("childrens", "2021-22")):
        assert narrative.problems(paths.CONTENT_DIR, ReportingYear.parse(year), service, None) == []


def test_link_and_image_rules():
    assert narrative_safety.link_problem("https://www.gov.uk") is None
    assert narrative_safety.link_problem("mailto:team@example.gov.uk") is None
    assert narrative_safety.link_problem(" JaVaScRiPt:alert(1)") is not None
    assert narrative_safety.link_problem("java\tscript:alert(1)") is not None


def test_copy_of_bundled_content_can_be_prepared(tmp_path):
    content_dir = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content_dir)
    project = tmp_path / "project"
    project.mkdir()
    regulations = {"caption": "C", "rows": []}
    figures = compute_metrics(
        load_inputs(paths.DATA_DIR), "asc", YEAR
    )  # the narrative quotes last year's too
    missing = narrative.prepare(project, content_dir, YEAR, "asc", figures, regulations)
    assert missing == []
