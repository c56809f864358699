"""Narrative at render time: Markdown kept, anything that runs or loads refused with file, line and what to do."""

from __future__ import annotations

import shutil

import pytest

from complaints_report import content, markup, narrative, narrative_safety, paths
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
    assert set(written) == set(narrative.section_keys()) | {
        "contact",
        "contact-section",
        "accessibility-contact",
        "regulations",
    } | set(narrative.action_keys())
    assert written["volume"] == "We accepted 85.\n"
    assert written["stage2"] == ""  # a Children's section, empty in the ASC report
    assert "Narrative needed" in written["learning"]
    assert written["who_complained"] == ""  # optional: no placeholder without narrative
    assert "Who complained" not in missing
    assert all(written[key] == "" for key in narrative.action_keys())  # no actions file: no actions
    assert written["contact"] == "CE \\*Team\\*  \nEmail: <team@example.gov.uk>  \nTelephone: 020 0000 0000\n"
    assert written["contact-section"] == "## Contact us {#contact-us}\n\n" + written["contact"]
    assert written["accessibility-contact"] == (
        "If you cannot use any part of this report, or need it in another format, please contact the CE "
        "\\*Team\\*, whose email address and telephone number are given under Final comments.\n"
    )
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


WESTMINSTER = {"council": "Westminster City Council", "team": "Customer Relationship Team"}
ASKING = "If you cannot use any part of this report, or need it in another format, please contact "


@pytest.mark.parametrize(
    ("meta", "service", "sentence"),
    [
        (
            {**WESTMINSTER, "contact": {"email": None, "phone": None}},
            "childrens",
            "Westminster City Council.",
        ),
        ({"council": "Westminster City Council"}, "asc", "Westminster City Council."),
        ({}, "childrens", "the council."),
        (
            {**WESTMINSTER, "contact": {"email": "complaints@example.gov.uk"}},
            "childrens",
            "the Customer Relationship Team, whose email address is given under Contact us.",
        ),
        (
            {**WESTMINSTER, "contact": {"phone": "020 7641 6000"}},
            "asc",
            "the Customer Relationship Team, whose telephone number is given under Final comments.",
        ),
        (
            {"council": "Westminster City Council", "contact": {"phone": "020 7641 6000"}},
            "childrens",
            "Westminster City Council, whose telephone number is given under Contact us.",
        ),
        (
            {
                "team": "The Complaints Team",
                "contact": {"email": "a@example.gov.uk", "phone": "020 7641 6000"},
            },
            "childrens",
            "the Complaints Team, whose email address and telephone number are given under Contact us.",
        ),
    ],
)
def test_the_accessibility_sentence_names_a_team_only_with_its_contact_details(meta, service, sentence):
    """A reader who cannot use the report is sent to someone they can reach: the team, with where its
    published email or telephone is given, and without either the council, never 'the team named in the
    report'."""
    assert narrative.accessibility_contact_markdown(meta, service) == ASKING + sentence


def test_the_accessibility_sentence_points_to_the_contact_details_without_repeating_them():
    meta = {**WESTMINSTER, "contact": {"email": "complaints@example.gov.uk", "phone": "020 7641 6000"}}
    sentence = narrative.accessibility_contact_markdown(meta, "asc")
    assert "complaints@example" not in sentence and "020 7641 6000" not in sentence


def test_a_report_without_contact_details_has_no_contact_heading():
    assert (
        narrative.contact_section_markdown({**WESTMINSTER, "contact": {"email": None, "phone": None}}) == ""
    )
    assert narrative.contact_section_markdown({}) == ""


def test_contact_details_sit_under_a_heading_of_their_own():
    meta = {**WESTMINSTER, "contact": {"email": "complaints@example.gov.uk", "phone": "020 7641 6000"}}
    assert narrative.contact_section_markdown(meta) == (
        "## Contact us {#contact-us}\n\nCustomer Relationship Team  \nEmail: <complaints@example.gov.uk>  \n"
        "Telephone: 020 7641 6000"
    )


def test_the_westminster_childrens_accessibility_sentence_asks_readers_to_contact_the_council():
    meta = content.read_meta(paths.CONTENT_DIR, ReportingYear.parse("2021-22"), "childrens")
    assert narrative.accessibility_contact_markdown(meta, "childrens") == ASKING + "Westminster City Council."
    assert narrative.contact_section_markdown(meta) == ""


def test_actions_without_owner_due_date_or_status_are_build_warnings_naming_the_file_and_rows(content_dir):
    (content_dir / "2020-21" / "asc" / "actions.csv").write_text(
        "agreed,kind,learned,action,owner,due,status,progress\n"
        "2020-21,learning,Letters were unclear,Rewrite the letters,Letters team,31/03/2022,done,\n"
        "2020-21,learning,Calls went unanswered,Staff the phones,,,not recorded,\n",
        encoding="utf-8",
    )
    warnings = narrative.action_warnings(content_dir, YEAR, "asc")
    assert [w.split(":")[0] for w in warnings] == ["asc"] * 3
    assert all("actions.csv, row 3, column" in w for w in warnings)
    assert [w.split("column ")[1].split(":")[0] for w in warnings] == ["'owner'", "'due'", "'status'"]
    # an up-to-date build tells them from the warnings --strict refuses without reading the file again
    assert all(narrative.is_action_warning(w, "asc") for w in warnings)
    assert not narrative.is_action_warning(
        f"asc: no narrative for 'Volume of complaints' (write it in {content_dir}); the report shows a placeholder",
        "asc",
    )
    assert not narrative.is_action_warning(warnings[0], "childrens")


def test_an_actions_file_with_problems_gives_no_warnings_as_its_problems_stop_the_build(content_dir):
    (content_dir / "2020-21" / "asc" / "actions.csv").write_text(
        "agreed,kind,action,status\n2020-21,learning,Staff the phones,maybe\n", encoding="utf-8"
    )
    assert narrative.action_warnings(content_dir, YEAR, "asc") == []
    assert narrative.action_problems(content_dir, YEAR, "asc")


def test_no_actions_file_no_warnings(content_dir):
    assert narrative.action_warnings(content_dir, YEAR, "asc") == []


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


# --------------------------------------------------------------------------- the actions file

ACTIONS_HEADER = "agreed,kind,learned,action,owner,due,status,progress\n"


def escaped(sentence: str) -> str:
    """A sentence as the Markdown fragment holds it (markup.text escapes its punctuation)."""
    return markup.text(sentence)


def write_actions(content_dir, rows: str, year: str = "2020-21", service: str = "asc"):
    path = content_dir / year / service / "actions.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ACTIONS_HEADER + rows, encoding="utf-8")
    return path


def prepared(content_dir, tmp_path, service: str = "asc", year=YEAR) -> dict[str, str]:
    project = tmp_path / "project"
    project.mkdir(exist_ok=True)
    narrative.prepare(project, content_dir, year, service, FIGURES, {"caption": "C", "rows": []})
    return {path.stem: path.read_text(encoding="utf-8") for path in (project / "_narrative").glob("*.md")}


def test_the_action_names_match_the_actions_module():
    from complaints_report import actions

    assert narrative.ACTION_FILES == (actions.ACTIONS_FILE, actions.WORKBOOK_FILE)
    for service, tables in narrative.ACTION_TABLES.items():
        assert set(tables) <= {section.key for section in content.SECTIONS[service]}


def test_actions_show_their_status_sentence_then_their_table_with_data_escaped(content_dir, tmp_path):
    write_actions(
        content_dir,
        "2020-21,learning,Calls were *missed*,Answer | every call,Team <b>A</b>,31/03/2021,done,\n"
        "2020-21,learning,,Write {{< include x >}} a leaflet,,,in progress,\n"
        "2020-21,priority,,Train @staff,CE Team,March 2022,planned,\n"
        "2019-20,learning,Old lesson,Old action,,,done,Finished\n",
    )

    written = prepared(content_dir, tmp_path)

    learning = written["actions-learning"]
    assert learning.startswith("### What we are doing about it\n\n")
    assert escaped("Of the 2 actions agreed this year, 1 is done and 1 is in progress.") in learning
    assert "Calls were \\*missed\\*" in learning and "Answer \\| every call" in learning
    assert markup.text("Team <b>A</b>") in learning and markup.text("{{< include x >}}") in learning
    assert "{#tbl-learning-agreed}" in learning
    # the actions of earlier years, followed up (ASC shows them only when there are some)
    assert (
        escaped("The one action agreed last year is done.") in learning
        and "{#tbl-actions-followed-up}" in learning
    )
    future = written["actions-future"]
    assert "Train \\@staff" in future and "{#tbl-priority-agreed}" in future
    assert not future.startswith("Of the")  # next year's priorities: the table alone
    assert written["actions-delivery"] == ""  # a Children's section
    data = tmp_path / "project" / "_narrative" / "data"
    assert sorted(p.name for p in data.glob("*.csv")) == [
        "table_actions_followed_up.csv",
        "table_learning_agreed.csv",
        "table_priority_agreed.csv",
    ]


def test_asc_without_earlier_actions_shows_no_follow_up(content_dir, tmp_path):
    write_actions(content_dir, "2020-21,learning,L,A,,,done,\n")

    learning = prepared(content_dir, tmp_path)["actions-learning"]

    assert "follow" not in learning and "{#tbl-actions-followed-up}" not in learning
    assert escaped("The one action agreed this year is done.") in learning


def test_no_priorities_for_next_year_are_said_so(content_dir, tmp_path):
    write_actions(content_dir, "2020-21,learning,L,A,,,done,\n")

    assert (
        prepared(content_dir, tmp_path)["actions-future"]
        == escaped("No priorities were set for next year.") + "\n"
    )


def test_childrens_actions_go_to_their_four_sections(content_dir, tmp_path):
    year = ReportingYear.parse("2021-22")
    write_actions(
        content_dir,
        "2020-21,learning,L1,A1,,,done,Did it\n"
        "2020-21,priority,,P1,,,in progress,Going\n"
        "2021-22,learning,L2,A2,,,planned,\n"
        "2021-22,priority,,P2,,,planned,\n",
        year="2021-22",
        service="childrens",
    )

    written = prepared(content_dir, tmp_path, "childrens", year)

    assert "{#tbl-learning-agreed}" in written["actions-learning"]
    assert escaped("The one action agreed last year is done.") in written["actions-previous_learning"]
    assert "{#tbl-learning-followed-up}" in written["actions-previous_learning"]
    assert escaped("The one priority set last year is in progress.") in written["actions-delivery"]
    assert "{#tbl-priority-agreed}" in written["actions-priorities"]
    assert written["actions-future"] == ""  # an ASC section


def test_a_mistake_in_the_actions_file_stops_the_build_with_its_row(content_dir):
    write_actions(content_dir, "2020-21,learning,L,A,,,finished-ish,\n")

    found = narrative.problems(content_dir, YEAR, "asc", None)

    assert any("actions.csv, row 2, column 'status'" in problem for problem in found), found


def test_an_actions_workbook_is_refused(content_dir):
    (content_dir / "2020-21" / "asc" / "actions.xlsx").write_bytes(b"PK")

    found = narrative.problems(content_dir, YEAR, "asc", None)

    assert any("actions.xlsx" in problem and "CSV" in problem for problem in found), found


def test_without_an_actions_file_the_narrative_does_not_load_pandas(content_dir, tmp_path):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from complaints_report import narrative\n"
        "from complaints_report.years import ReportingYear\n"
        f"project = Path({str(tmp_path / 'p')!r}); project.mkdir()\n"
        f"narrative.prepare(project, Path({str(content_dir)!r}), ReportingYear.parse('2020-21'), 'asc', "
        "{'complaints_accepted': 1}, {'caption': 'C', 'rows': []})\n"
        "print('pandas' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
