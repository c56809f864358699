"""The reviewer's note: the row accounting, the checks, the warnings and the manifest, for the council only."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from complaints_report import review_note, row_accounting

TOTALS = {
    "rows_read": 12,
    "rows_counted": 9,
    "rows_excluded": 3,
    "by_kind": {
        "complaints": {
            "read": 10,
            "counted": 8,
            "excluded": {"other service": 2},
            "counted_as": {"stage 1": 6, "last year (used only for comparisons with last year)": 2},
        },
        "compliments": {"read": 2, "counted": 1, "excluded": {"other year": 1}, "counted_as": {"in year": 1}},
    },
}
FIGURES = {
    "complaints_received": 8,
    "complaints_accepted": 6,
    "complaints_rejected": 2,
    "upheld": 1,
    "partly_upheld": 1,
    "not_upheld": 2,
    "withdrawn": 1,
    "open": 1,
    "outcome_not_recorded": 0,
    "stage1_responded": 5,
    "within_10": 3,
    "within_20": 1,
    "over_20": 1,
    "input_rows": TOTALS,
}
MANIFEST = {
    "year": "2021-22",
    "service": "asc",
    "engine": "builtin",
    "formats": ["html", "pdf"],
    "options": {"suppress_below": 0, "strict": False},
    "inputs": [{"file": "complaints.csv", "sha256": "ab" * 32}],
    "narrative": [{"file": "volume.md", "sha256": "cd" * 32}],
    "build": {"analysis": {"key": "k", "ran": True}, "render": {"key": "r", "ran": True}},
    "files": {"report.html": "ef" * 32},
    "versions": {"python": "3.11.2", "pandas": "2.2.3"},
    "git_commit": "0123abc",
}


def note(warnings=(), figures=FIGURES) -> BeautifulSoup:
    page = review_note.html(
        service="asc", year_display="2021/22", figures=figures, manifest=MANIFEST, warnings=list(warnings)
    )
    return BeautifulSoup(page, "html.parser")


def test_every_reason_a_row_can_have_is_explained():
    reasons = set()
    for value in vars(row_accounting).values():
        candidates = value.values() if isinstance(value, dict) else [value]
        for candidate in candidates:
            if (
                isinstance(candidate, tuple)
                and len(candidate) == 2
                and candidate[0] in (row_accounting.COUNTED, row_accounting.EXCLUDED)
            ):
                reasons.add(candidate[1])
    assert reasons, "no reasons found in row_accounting"
    assert reasons <= set(review_note.REASONS), reasons - set(review_note.REASONS)


def test_the_note_accounts_for_every_row_by_input_and_reason_and_links_the_row_list():
    soup = note()
    assert soup.html["lang"] == "en-GB" and soup.title.get_text().startswith(
        "Reviewer's note: Adult Social Care"
    )
    tables = {table.caption.get_text(): table for table in soup.find_all("table")}
    by_input = [[cell.get_text() for cell in row.find_all("td")] for row in tables[
        "Rows read, counted and excluded, by input"
    ].tbody.find_all("tr")]  # fmt: skip
    assert by_input == [
        ["Complaints", "10", "8", "2"],
        ["Compliments", "2", "1", "1"],
        ["All inputs", "12", "9", "3"],
    ]
    reasons = [[cell.get_text() for cell in row.find_all("td")][:4] for row in tables[
        "Why each row was counted or excluded"
    ].tbody.find_all("tr")]  # fmt: skip
    assert reasons[:3] == [
        ["Complaints", "counted", "stage 1", "6"],
        ["Complaints", "counted", "last year (used only for comparisons with last year)", "2"],
        ["Complaints", "excluded", "other service", "2"],
    ]
    assert all(
        row.find_all("td")[4].get_text()
        for row in tables["Why each row was counted or excluded"].tbody.find_all("tr")
    )
    assert soup.find("a", href="rows.csv") is not None
    assert soup.find("a", href="../asc/report.html") is not None
    assert "must not be published" in soup.get_text()


def test_the_note_checks_that_the_figures_add_up():
    items = [li.get_text() for li in note().find_all("li") if " = " in li.get_text()]
    assert items == [
        "Complaints received (8) = accepted (6) + not accepted (2): adds up",
        "Complaints accepted (6) = upheld (1) + partly upheld (1) + not upheld (2) + withdrawn (1) + open (1) + "
        "outcome not recorded (0): adds up",
        "Complaints with a response (5) = within 10 working days (3) + 11 to 20 (1) + over 20 (1): adds up",
        "Rows read (12) = counted (9) + excluded (3): adds up",
    ]
    wrong = note(figures={**FIGURES, "within_10": 4})
    assert "over 20 (1): does not add up" in wrong.get_text()


def test_the_note_lists_the_warnings_as_text():
    soup = note(warnings=["asc: no narrative for 'Outcomes' <script>x</script>"])
    assert "asc: no narrative for 'Outcomes' <script>x</script>" in [
        li.get_text() for li in soup.find_all("li")
    ]
    assert soup.find("script") is None
    assert "The build gave no warnings." in note().get_text()


def test_the_note_gives_the_manifests_facts():
    text = note().get_text()
    for fact in (
        "builtin",
        "html, pdf",
        "0123abc",
        "complaints.csv",
        "ab" * 32,
        "volume.md",
        "pandas",
        "2.2.3",
    ):
        assert fact in text, fact
    assert "run by this build" in text


def test_write_replaces_a_file_shared_with_a_previous_build(tmp_path):
    previous = tmp_path / "previous.html"
    previous.write_text("old", encoding="utf-8")
    os.link(previous, tmp_path / review_note.REVIEW_FILE)
    path = review_note.write(
        tmp_path, service="asc", year_display="2021/22", figures=FIGURES, manifest=MANIFEST, warnings=[]
    )
    assert path.name == "review.html" and "<h1>Reviewer&#x27;s note" in path.read_text(encoding="utf-8")
    assert previous.read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize("missing", ["input_rows", "within_10"])
def test_the_note_is_written_when_a_figure_is_missing(missing):
    figures = {k: v for k, v in FIGURES.items() if k != missing}
    assert note(figures=figures).h1


def test_the_note_says_what_adding_each_missing_optional_input_would_show_in_the_contracts_names():
    """The public report says only "This report cannot yet show ..."; the analyst reads here what to add."""
    soup = note()  # FIGURES has none of the optional inputs
    heading = soup.find("h2", string="What adding optional inputs would show")
    items = [" ".join(li.get_text().split()) for li in heading.find_next("ul").find_all("li")]
    assert len(items) == 4
    assert items[0].startswith("To show how many people complained more than once, add a complainant column")
    assert "age_band, sex, ethnicity and disability columns" in items[1]
    assert "a context file" in items[2] and "service_users" in items[2] and "population" in items[2]
    assert "To show how the council compares with similar councils, add a comparators file" in items[3]
    codes = {code.get_text() for code in heading.find_next("ul").find_all("code")}
    assert {"complainant", "age_band", "context", "service_users", "population", "comparators"} <= codes


def test_only_the_missing_optional_inputs_are_listed_and_none_when_all_are_given():
    some = FIGURES | {"repeat_complainants": 0, "equality_counts": {}, "complaints_per_100k_population": 1.0}
    items = note(figures=some).find("h2", string="What adding optional inputs would show").find_next("ul")
    assert [li.get_text() for li in items.find_all("li")] == [
        "To show how the council compares with similar councils, add a comparators file (comparators….csv or "
        ".xlsx, columns council, year, service, measure, value) with similar councils' published figures, "
        "measures named as in metrics.json (such as complaints_per_1000_service_users, ombudsman_upheld_pct, "
        "stage1_within_timescale_pct)."
    ]
    complete = some | {"comparator_medians": {"ombudsman_upheld_pct": 50.0}}
    section = (
        note(figures=complete).find("h2", string="What adding optional inputs would show").find_next("p")
    )
    assert "Every optional input was given" in section.get_text()
