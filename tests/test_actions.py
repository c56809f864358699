"""Actions followed up: the actions file read in every encoding Excel writes, every mistake named
where it is, the report's table and sentence, and last year's open actions carried forward."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from complaints_report import actions, content, paths, privacy, prose_style
from complaints_report.actions import Action, Due, carry_forward, check_actions, read_actions
from complaints_report.problems import InputError
from complaints_report.years import ReportingYear

YEAR = ReportingYear(2021)  # 2021-22
LAST_YEAR = ReportingYear(2020)
HEADER = "agreed,kind,learned,action,owner,due,status,progress"


def write_file(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    """An actions file as an analyst's spreadsheet saves it: the header, then one line a row."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def row(
    agreed="2021-22",
    kind="learning",
    learned="Letters were unclear",
    action="Rewrite the letters",
    owner="Customer Relationship Team",
    due="31/03/2022",
    status="done",
    progress="",
) -> str:
    cells = [agreed, kind, learned, action, owner, due, status, progress]
    return ",".join(f'"{c}"' if ("," in c or '"' in c or "\n" in c) else c for c in cells)


def action(status: str = "done", agreed: ReportingYear = YEAR, kind: str = "learning", **fields) -> Action:
    fields.setdefault("action", f"Action {status} {agreed.label} {kind} {len(fields)}")
    return Action(agreed=agreed, kind=kind, status=status, **fields)


@pytest.fixture
def actions_file(tmp_path) -> Path:
    return tmp_path / "2021-22" / "childrens" / "actions.csv"


def only_problem(path: Path, year: ReportingYear | None = YEAR):
    found, problems = check_actions(path, year)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_a_file_saved_by_excel_in_any_of_its_encodings_reads_the_same(actions_file, encoding):
    write_file(
        actions_file,
        [
            HEADER,
            row(learned="A payment of £800 wasn’t explained – the letter was unclear", status="in progress"),
        ],
        encoding=encoding,
    )
    [read] = read_actions(actions_file, YEAR)
    assert read.learned == "A payment of £800 wasn’t explained – the letter was unclear"
    assert read.status == "in_progress"
    assert read.agreed == YEAR


def test_a_row_is_read_with_every_field_typed(actions_file):
    write_file(actions_file, [HEADER, row(owner="", due="", progress="Letters rewritten in May")])
    [read] = read_actions(actions_file, YEAR)
    assert read == Action(
        agreed=YEAR,
        kind="learning",
        action="Rewrite the letters",
        status="done",
        learned="Letters were unclear",
        owner=None,
        due=None,
        progress="Letters rewritten in May",
    )
    assert read.row == 2
    assert not read.is_open


def test_column_names_match_as_a_resident_would_write_them(actions_file):
    write_file(
        actions_file,
        [
            "Year agreed,Type,What we learned,What we are doing,Who,By when,STATUS,What has been done",
            row(status="Ongoing"),
        ],
    )
    [read] = read_actions(actions_file, YEAR)
    assert (read.owner, read.due, read.status) == (
        "Customer Relationship Team",
        Due(date(2022, 3, 31)),
        "in_progress",
    )


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("planned", "planned"),
        ("Not started", "planned"),
        ("in progress", "in_progress"),
        ("In-progress", "in_progress"),
        ("ongoing", "in_progress"),
        ("Done", "done"),
        ("completed", "done"),
        ("Achieved", "done"),
        ("dropped", "dropped"),
        ("Cancelled", "dropped"),
        ("not recorded", "not_recorded"),
        ("Unknown", "not_recorded"),
    ],
)
def test_statuses_are_read_in_the_spellings_people_use(actions_file, written, status):
    write_file(actions_file, [HEADER, row(status=written)])
    assert read_actions(actions_file, YEAR)[0].status == status


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("31/03/2023", "31 March 2023"),
        ("1/4/2023", "1 April 2023"),
        ("2023-03-31", "31 March 2023"),
        ("31/03/2023 00:00", "31 March 2023"),
        ("31 March 2023", "31 March 2023"),
        ("31-Mar-23", "31 March 2023"),
        ("March 2023", "March 2023"),
        ("Sept 2023", "September 2023"),
        ("Mar-23", "March 2023"),  # how Excel re-saves a cell typed as "March 2023"
        ("03/2023", "March 2023"),
        ("2023-03", "March 2023"),
    ],
)
def test_due_dates_are_read_as_a_day_or_a_month(written, shown):
    assert actions.parse_due(written).shown == shown


def test_a_month_is_due_by_its_last_day():
    assert actions.parse_due("February 2024") == Due(date(2024, 2, 29), month_only=True)


def test_blank_rows_are_skipped_and_rows_are_numbered_as_the_spreadsheet_shows_them(actions_file):
    multi_line = row(learned="First line\nsecond line", action="Write a leaflet")
    write_file(actions_file, [HEADER, "", multi_line, ",,,,,,,", row(action="Train staff")])
    read = read_actions(actions_file, YEAR)
    assert [(a.row, a.action) for a in read] == [(3, "Write a leaflet"), (5, "Train staff")]
    assert read[0].learned == "First line\nsecond line"


def test_a_file_with_a_header_and_no_rows_holds_no_actions(actions_file):
    write_file(actions_file, [HEADER])
    assert read_actions(actions_file, YEAR) == []


def test_text_is_data_kept_exactly_as_written(actions_file):
    write_file(actions_file, [HEADER, row(action="Review | *all* <b>letters</b> =SUM(A1)")])
    [read] = read_actions(actions_file, YEAR)
    assert read.action == "Review | *all* <b>letters</b> =SUM(A1)"


# --------------------------------------------------------------------------- every mistake, located


def test_an_unknown_status_is_named_with_its_file_row_column_value_and_what_to_use(actions_file):
    write_file(actions_file, [HEADER, row(), row(action="Train staff", status="Open")])
    problem = only_problem(actions_file)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        str(actions_file),
        3,
        "status",
        "Open",
    )
    assert problem.message == "is not a known status"
    assert "planned, in progress, done, dropped or not recorded" in problem.hint
    assert str(problem).startswith(
        f"{actions_file}, row 3, column 'status', value 'Open': is not a known status."
    )


def test_an_unreadable_due_date_is_named_with_how_to_write_one(actions_file):
    write_file(actions_file, [HEADER, row(due="end of spring")])
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.value, problem.message) == (
        2,
        "due",
        "end of spring",
        "is not a date",
    )
    assert "DD/MM/YYYY" in problem.hint and "leave it blank" in problem.hint


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("31/02/2023", "is not a real calendar date"),
        ("03/31/2023", "looks like a month-first (US) date; dates are read day first"),
        ("31/03/1923", "has the year 1923, outside 2000 to 2099"),
        ("45016", "is not a date"),
    ],
)
def test_impossible_due_dates_are_named(actions_file, due, message):
    write_file(actions_file, [HEADER, row(due=due)])
    problem = only_problem(actions_file)
    assert (problem.column, problem.value, problem.message) == ("due", due, message)


def test_an_excel_date_serial_is_explained(actions_file):
    write_file(actions_file, [HEADER, row(due="45016")])
    assert "Excel date serial" in only_problem(actions_file).hint


def test_a_blank_action_is_named_and_the_fix_is_said(actions_file):
    write_file(actions_file, [HEADER, row(), row(action="  ")])
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.value) == (3, "action", "")
    assert problem.message == "is blank but this column is required"
    assert "delete the row" in problem.hint


@pytest.mark.parametrize(
    ("fields", "column", "message"),
    [
        ({"status": ""}, "status", "is blank but this column is required"),
        ({"kind": ""}, "kind", "is blank but this column is required"),
        ({"kind": "complaint"}, "kind", "is not a known kind of action"),
        ({"agreed": ""}, "agreed", "is blank but this column is required"),
        ({"agreed": "2021"}, "agreed", "is not a reporting year"),
        ({"agreed": "2021-23"}, "agreed", "is not a reporting year"),
        ({"agreed": "2022-23"}, "agreed", "is later than the year of this file (2021-22)"),
    ],
)
def test_every_required_field_is_checked_where_it_is(actions_file, fields, column, message):
    write_file(actions_file, [HEADER, row(**fields)])
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.message) == (2, column, message)
    assert problem.hint


def test_a_reporting_year_problem_says_how_to_write_one(actions_file):
    write_file(actions_file, [HEADER, row(agreed="2021-23")])
    assert "the year after the first" in only_problem(actions_file).hint


def test_the_agreed_year_is_not_checked_against_a_year_that_is_not_given(actions_file):
    write_file(actions_file, [HEADER, row(agreed="2026-27")])
    assert check_actions(actions_file)[1] == []


def test_every_mistake_in_a_file_is_reported_at_once(actions_file):
    write_file(
        actions_file,
        [HEADER, row(status="sort of"), row(action="", due="soon"), row(action="Train staff", kind="")],
    )
    found, problems = check_actions(actions_file, YEAR)
    assert found == []
    assert [(p.row, p.column) for p in problems] == [(2, "status"), (3, "action"), (3, "due"), (4, "kind")]


def test_a_missing_required_column_is_named_on_the_header_row(actions_file):
    write_file(
        actions_file, ["agreed,kind,learned,action,owner,due,progress", "2021-22,learning,,Train staff,,,"]
    )
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.message) == (1, "status", "a required column is missing")
    assert "Add a column named 'status'" in problem.hint


def test_a_misspelt_column_is_named_rather_than_ignored(actions_file):
    write_file(
        actions_file, ["agreed,kind,action,status,progres", "2021-22,learning,Train staff,done,Trained"]
    )
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.message) == (
        1,
        "progres",
        "is not a column of the actions file",
    )
    assert "progress" in problem.hint


def test_two_columns_for_the_same_field_are_named(actions_file):
    write_file(actions_file, ["agreed,kind,action,status,Who,owner", "2021-22,learning,Train staff,done,A,B"])
    problem = only_problem(actions_file)
    assert (problem.row, problem.column) == (1, "owner")
    assert problem.message == "names the same column as column E ('Who')"


def test_a_value_under_no_heading_is_named_once_with_its_column_letter(actions_file):
    write_file(actions_file, [HEADER, row() + ",stray note", row(action="Train staff") + ",another"])
    problem = only_problem(actions_file)
    assert (problem.row, problem.value) == (2, "stray note")
    assert problem.message == "has a value in column I, which has no heading"


def test_the_same_action_twice_is_named_on_its_second_row(actions_file):
    write_file(actions_file, [HEADER, row(), row(action="rewrite  the letters")])
    problem = only_problem(actions_file)
    assert (problem.row, problem.column, problem.message) == (3, "action", "repeats the action on row 2")


def test_an_empty_file_is_named(actions_file):
    write_file(actions_file, [""])
    problem = only_problem(actions_file)
    assert problem.message == "is empty: it has no header row"
    assert "agreed, kind, learned, action" in problem.hint


def test_read_actions_raises_every_problem_for_the_analyst(actions_file):
    write_file(actions_file, [HEADER, row(status="sort of"), row(action="")])
    with pytest.raises(InputError) as raised:
        read_actions(actions_file, YEAR)
    assert len(raised.value.problems) == 2
    assert f"{actions_file}, row 2, column 'status', value 'sort of'" in raised.value.summary()


def test_a_problem_names_the_file_as_the_analyst_would_type_it(tmp_path, monkeypatch):
    path = write_file(tmp_path / "content" / "2021-22" / "asc" / "actions.csv", [HEADER, row(status="?")])
    monkeypatch.chdir(tmp_path)
    assert only_problem(path).file == "content/2021-22/asc/actions.csv"


# --------------------------------------------------------------------------- the year's folder


def test_a_folder_without_an_actions_file_has_none(tmp_path):
    assert actions.year_actions(tmp_path, YEAR, "childrens") is None


def test_the_years_actions_are_read_from_its_folder(tmp_path):
    write_file(actions.actions_path(tmp_path, YEAR, "childrens"), [HEADER, row()])
    assert [a.action for a in actions.year_actions(tmp_path, YEAR, "childrens")] == ["Rewrite the letters"]


def test_the_years_actions_are_checked_against_its_year(tmp_path):
    write_file(actions.actions_path(tmp_path, YEAR, "childrens"), [HEADER, row(agreed="2022-23")])
    with pytest.raises(InputError, match="is later than the year of this file"):
        actions.year_actions(tmp_path, YEAR, "childrens")


@pytest.mark.parametrize("with_csv", [False, True])
def test_an_excel_workbook_of_actions_is_named_with_how_to_save_it_as_csv(tmp_path, with_csv):
    folder = tmp_path / YEAR.label / "asc"
    folder.mkdir(parents=True)
    (folder / "actions.xlsx").write_bytes(b"PK")
    if with_csv:
        write_file(folder / "actions.csv", [HEADER, row()])
    with pytest.raises(InputError) as raised:
        actions.year_actions(tmp_path, YEAR, "asc")
    [problem] = raised.value.problems
    assert problem.file.endswith("actions.xlsx")
    assert "CSV UTF-8" in problem.hint


# --------------------------------------------------------------------------- the report's table


def test_this_years_table_has_a_residents_columns_and_the_status_in_words(actions_file):
    write_file(
        actions_file,
        [
            HEADER,
            row(status="ongoing"),
            row(learned="", action="Train staff", owner="", due="", status="planned"),
            row(action="Old action", agreed="2020-21"),
            row(action="A team priority", kind="priority"),
        ],
    )
    table = actions.report_table(read_actions(actions_file, YEAR), YEAR, kind="learning")
    assert table.name == "table_learning_agreed"
    assert table.caption == "Actions agreed in 2021/22 and their status"
    assert table.data.to_dict("records") == [
        {
            "What we learned": "Letters were unclear",
            "What we are doing": "Rewrite the letters",
            "Who": "Customer Relationship Team",
            "By when": "31 March 2022",
            "Status": "In progress",
        },
        {
            "What we learned": None,
            "What we are doing": "Train staff",
            "Who": "Not recorded",
            "By when": "No date set",
            "Status": "Planned",
        },
    ]


def test_the_follow_up_table_shows_earlier_actions_and_what_has_been_done():
    earlier = [
        action(
            "done",
            LAST_YEAR,
            action="Write a leaflet",
            learned="Assessments were unclear",
            owner="Assessment team",
            progress="Leaflet out",
        ),
        action("dropped", ReportingYear(2019), action="Buy a system", learned="Records were split"),
        action("planned", YEAR, action="This year's action"),
    ]
    table = actions.report_table(earlier, YEAR, kind="learning", followed_up=True)
    assert table.name == "table_learning_followed_up"
    assert table.caption == "Actions agreed before 2021/22 and what has been done"
    assert list(table.data.columns) == [
        "What we learned",
        "What we said we would do",
        "Who",
        "Status",
        "What has been done",
    ]
    assert table.data["What we said we would do"].tolist() == ["Write a leaflet", "Buy a system"]
    assert table.data["Status"].tolist() == ["Done", "Dropped"]
    assert table.data["What has been done"].tolist() == ["Leaflet out", "Not recorded"]


def test_a_list_of_priorities_has_no_empty_learning_column():
    priorities = [
        action(
            "planned",
            YEAR,
            kind="priority",
            action="Acknowledge within 3 working days",
            owner="Customer Relationship Team",
            due=Due(date(2023, 3, 31)),
        ),
        action(
            "done",
            LAST_YEAR,
            kind="priority",
            action="Review the process",
            owner="Customer Relationship Team",
            progress="Every new complaint follows the maturity model",
        ),
    ]
    table = actions.report_table(priorities, YEAR, kind="priority")
    assert list(table.data.columns) == ["Priority", "Who", "By when", "Status"]
    assert table.caption == "Priorities set in 2021/22 for 2022/23"
    followed = actions.report_table(priorities, YEAR, kind="priority", followed_up=True)
    assert list(followed.data.columns) == ["Priority", "Who", "Status", "What has been done"]
    assert followed.data["Priority"].tolist() == ["Review the process"]


def test_a_column_no_action_fills_is_left_out_of_the_table(actions_file):
    """Who, By when and Status each read 'Not recorded' (or 'No date set') all the way down when the
    file records them for none of the table's actions: such a column tells a resident nothing."""
    write_file(
        actions_file,
        [
            HEADER,
            row(action="Remind staff", owner="", due="", status="not recorded"),
            row(action="Pay compensation", owner="", due="", status="not recorded"),
            row(action="Earlier action", agreed="2020-21", owner="", due="", status="not recorded"),
        ],
    )
    found = read_actions(actions_file, YEAR)
    table = actions.report_table(found, YEAR, kind="learning")
    assert list(table.data.columns) == ["What we learned", "What we are doing"]
    followed = actions.report_table(found, YEAR, kind="learning", followed_up=True)
    assert list(followed.data.columns) == ["What we learned", "What we said we would do"]


def test_a_column_some_actions_fill_is_kept_with_the_blanks_said_in_words(actions_file):
    write_file(
        actions_file,
        [
            HEADER,
            row(action="Remind staff", owner="", due="", status="done"),
            row(action="Pay compensation", owner="Leaving care team", due="", status="not recorded"),
        ],
    )
    table = actions.report_table(read_actions(actions_file, YEAR), YEAR, kind="learning")
    assert list(table.data.columns) == ["What we learned", "What we are doing", "Who", "Status"]
    assert table.data["Who"].tolist() == ["Not recorded", "Leaving care team"]
    assert table.data["Status"].tolist() == ["Done", "Not recorded"]


def test_a_table_with_no_actions_has_its_columns_and_no_rows():
    table = actions.report_table([], YEAR, kind="learning", followed_up=True)
    assert table.data.empty
    assert "Status" in table.data.columns


def test_an_unknown_kind_is_a_programming_mistake():
    with pytest.raises(ValueError, match="kind"):
        actions.report_table([], YEAR, kind="lessons")


# --------------------------------------------------------------------------- what the analyst is asked to fill in


def test_actions_without_an_owner_a_due_date_or_a_status_are_named_by_file_row_and_column(actions_file):
    write_file(
        actions_file,
        [
            HEADER,
            row(action="Complete", owner="Assessment team", due="31/03/2022", status="done"),
            row(action="No owner", owner=""),
            row(action="No date", due=""),
            row(action="Nothing known", owner="", due="", status="not recorded"),
        ],
    )
    warnings = actions.missing_details(read_actions(actions_file, YEAR), actions_file)
    name = content.shown_path(actions_file)
    assert warnings[0].startswith(f"{name}, rows 3 and 5, column 'owner': no owner. Write the team")
    assert warnings[1].startswith(f"{name}, rows 4 and 5, column 'due': no due date. Write when")
    assert warnings[2].startswith(
        f"{name}, row 5, column 'status': no status ('not recorded'). Write planned"
    )
    assert len(warnings) == 3


def test_a_complete_actions_file_asks_for_nothing(actions_file):
    write_file(actions_file, [HEADER, row(), row(action="Train staff", kind="priority", status="planned")])
    assert actions.missing_details(read_actions(actions_file, YEAR), actions_file) == []


@pytest.mark.parametrize(
    ("rows", "shown"),
    [
        ([4], "row 4"),
        ([3, 2], "rows 2 and 3"),
        ([2, 3, 5], "rows 2, 3 and 5"),
        ([2, 8, 10, 11, 12, 16, 17, 18, 19, 20, 21], "rows 2, 8, 10 to 12 and 16 to 21"),
    ],
)
def test_rows_are_listed_as_an_analyst_reads_them(rows, shown):
    assert actions.row_ranges(rows) == shown


# --------------------------------------------------------------------------- counts and the sentence


def test_status_counts_list_every_status_done_first():
    counts = actions.status_counts([action("done"), action("dropped"), action("done", learned="x")])
    assert counts == {"done": 2, "in_progress": 0, "planned": 0, "dropped": 1, "not_recorded": 0}
    assert list(counts) == ["done", "in_progress", "planned", "dropped", "not_recorded"]


def test_status_counts_of_no_actions_are_all_zero():
    assert set(actions.status_counts([]).values()) == {0}


def many(*statuses: str, agreed: ReportingYear = LAST_YEAR, kind: str = "learning") -> list[Action]:
    return [action(status, agreed, kind, action=f"Action {n}") for n, status in enumerate(statuses)]


@pytest.mark.parametrize(
    ("statuses", "sentence"),
    [
        ((), "There were no actions from earlier years to follow up."),
        (("done",), "The one action agreed last year is done."),
        (("in_progress",), "The one action agreed last year is in progress."),
        (("dropped",), "The one action agreed last year was dropped."),
        (("not_recorded",), "One action was agreed last year."),
        (("not_recorded",) * 11, "Eleven actions were agreed last year."),
        (("done", "done"), "Both actions agreed last year are done."),
        (("planned",) * 3, "All 3 actions agreed last year are planned."),
        (
            ("done",) * 4 + ("in_progress",) * 2,
            "Of the 6 actions agreed last year, 4 are done and 2 are in progress.",
        ),
        (
            ("in_progress", "in_progress", "planned"),
            "Of the 3 actions agreed last year, none are done yet: 2 are in progress and 1 is planned.",
        ),
        (
            ("dropped", "done", "not_recorded", "done", "planned", "in_progress"),
            "Of the 6 actions agreed last year, 2 are done, 1 is in progress, 1 is planned and 1 was dropped.",
        ),
        (("done",) + ("not_recorded",) * 2, "Of the 3 actions agreed last year, 1 is done."),
        (("in_progress", "not_recorded"), "Of the 2 actions agreed last year, 1 is in progress."),
    ],
)
def test_the_follow_up_sentence_for_none_one_and_many(statuses, sentence):
    assert actions.status_sentence(many(*statuses), YEAR, kind="learning", followed_up=True) == sentence


def test_actions_older_than_last_year_are_agreed_in_earlier_years():
    older = many("done", agreed=ReportingYear(2019)) + many("in_progress")
    assert actions.status_sentence(older, YEAR, followed_up=True) == (
        "Of the 2 actions agreed in earlier years, 1 is done and 1 is in progress."
    )


@pytest.mark.parametrize(
    ("kind", "statuses", "sentence"),
    [
        ("learning", (), "No actions were agreed this year."),
        ("learning", ("done",) * 4, "All 4 actions agreed this year are done."),
        ("learning", ("done", "not_recorded"), "Of the 2 actions agreed this year, 1 is done."),
        (
            "learning",
            ("done",) * 3 + ("not_recorded",) * 11,
            "Of the 14 actions agreed this year, 3 are done.",
        ),
        ("learning", ("not_recorded",) * 14, "Fourteen actions were agreed this year."),
        ("priority", ("not_recorded",), "One priority was set for next year."),
        ("priority", (), "No priorities were set for next year."),
        ("priority", ("planned",), "The one priority set for next year is planned."),
        (
            "priority",
            ("planned", "in_progress", "planned"),
            "Of the 3 priorities set for next year, 1 is in progress and 2 are planned.",
        ),
    ],
)
def test_this_years_sentence_for_none_one_and_many(kind, statuses, sentence):
    assert actions.status_sentence(many(*statuses, agreed=YEAR, kind=kind), YEAR, kind=kind) == sentence


def test_priorities_followed_up_were_set_last_year():
    priorities = many("done", "in_progress", "in_progress", "in_progress", kind="priority")
    assert actions.status_sentence(priorities, YEAR, kind="priority", followed_up=True) == (
        "Of the 4 priorities set last year, 1 is done and 3 are in progress."
    )


def test_large_counts_have_thousands_separators():
    counts = {"done": 1200, "planned": 34}
    assert actions.counts_sentence(counts, "action", "actions", "agreed this year") == (
        "Of the 1,234 actions agreed this year, 1,200 are done and 34 are planned."
    )


@pytest.mark.parametrize(
    "statuses",
    [
        (),
        ("done",),
        ("planned", "planned"),
        ("done", "in_progress", "planned"),
        ("not_recorded",) * 14,
        ("done", "not_recorded"),
    ],
)
@pytest.mark.parametrize("followed_up", [False, True])
def test_the_sentences_keep_the_house_style(statuses, followed_up):
    """No numeral opens a sentence and no bare zero stands for none (docs/style.md)."""
    agreed = LAST_YEAR if followed_up else YEAR
    sentence = actions.status_sentence(many(*statuses, agreed=agreed), YEAR, followed_up=followed_up)
    findings = prose_style.check([prose_style.Block(prose_style.PROSE, sentence, "Learning")])
    assert findings == [], sentence


# --------------------------------------------------------------------------- carrying forward

LAST_YEARS_FILE = [
    HEADER,
    row(agreed="2020-21", action="Write a leaflet", status="done"),
    row(agreed="2020-21", action="Train staff", status="Ongoing", progress="First sessions held"),
    row(agreed="2020-21", action="Buy a new system", status="dropped"),
    row(agreed="2019-20", action="Review letters", status="planned", due="March 2022"),
    row(agreed="2020-21", action="Apologise", status="not known", owner="", due=""),
    row(agreed="2020-21", action="Reduce escalations", kind="priority", status="completed"),
]


@pytest.fixture
def last_years_file(tmp_path) -> Path:
    return write_file(tmp_path / "2020-21" / "childrens" / "actions.csv", LAST_YEARS_FILE)


def test_open_actions_start_the_new_years_file_and_closed_ones_stay_behind(tmp_path, last_years_file):
    new_file = tmp_path / "2021-22" / "childrens" / "actions.csv"
    result = carry_forward(last_years_file, new_file)
    carried = read_actions(new_file, YEAR)
    assert [a.action for a in carried] == ["Train staff", "Review letters", "Apologise"]
    assert [a.status for a in carried] == ["in_progress", "planned", "not_recorded"]
    assert [a.agreed.label for a in carried] == ["2020-21", "2019-20", "2020-21"]
    assert (result.written, result.carried, result.left_behind) == (True, 3, 3)
    assert (
        result.what
        == f"3 open actions carried forward from {last_years_file}, 3 done or dropped actions left behind"
    )


def test_carried_rows_are_copied_exactly_as_written(tmp_path, last_years_file):
    new_file = tmp_path / "new.csv"
    carry_forward(last_years_file, new_file)
    assert new_file.read_text(encoding="utf-8-sig").splitlines() == [
        HEADER,
        "2020-21,learning,Letters were unclear,Train staff,Customer Relationship Team,31/03/2022,Ongoing,"
        "First sessions held",
        "2019-20,learning,Letters were unclear,Review letters,Customer Relationship Team,March 2022,planned,",
        "2020-21,learning,Letters were unclear,Apologise,,,not known,",
    ]
    assert new_file.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel shows every character


def test_a_carried_forward_file_is_the_next_years_follow_up(tmp_path, last_years_file):
    new_file = tmp_path / "2021-22" / "childrens" / "actions.csv"
    carry_forward(last_years_file, new_file)
    carried = read_actions(new_file, YEAR)
    assert actions.status_sentence(carried, YEAR, kind="learning", followed_up=True) == (
        "Of the 3 actions agreed in earlier years, 1 is in progress and 1 is planned."
    )
    assert actions.status_sentence(carried, YEAR, kind="learning") == "No actions were agreed this year."


def test_an_existing_file_is_never_overwritten(tmp_path, last_years_file):
    new_file = write_file(tmp_path / "2021-22" / "childrens" / "actions.csv", [HEADER, row(action="Mine")])
    before = new_file.read_bytes()
    result = carry_forward(last_years_file, new_file)
    assert new_file.read_bytes() == before
    assert (result.written, result.what) == (False, "kept (already exists)")


def test_carrying_forward_twice_changes_nothing(tmp_path, last_years_file):
    new_file = tmp_path / "2021-22" / "childrens" / "actions.csv"
    carry_forward(last_years_file, new_file)
    before = new_file.read_bytes()
    assert not carry_forward(last_years_file, new_file).written
    assert new_file.read_bytes() == before


@pytest.mark.parametrize("previous", [None, "missing.csv"])
def test_without_last_years_file_the_new_file_holds_the_header(tmp_path, previous):
    new_file = tmp_path / "2021-22" / "asc" / "actions.csv"
    result = carry_forward(None if previous is None else tmp_path / previous, new_file)
    assert new_file.read_text(encoding="utf-8-sig") == HEADER + "\n"
    assert result.what == "template written (no earlier actions file)"
    assert read_actions(new_file, YEAR) == []


def test_a_last_years_file_with_problems_stops_and_writes_nothing(tmp_path):
    previous = write_file(tmp_path / "old.csv", [HEADER, row(status="nearly")])
    new_file = tmp_path / "new" / "actions.csv"
    with pytest.raises(InputError) as raised:
        carry_forward(previous, new_file)
    assert raised.value.problems[0].value == "nearly"
    assert not new_file.exists()


def test_a_windows_1252_file_carries_forward_as_utf8(tmp_path):
    previous = write_file(
        tmp_path / "old.csv", [HEADER, row(action="Repay £300 – promptly", status="planned")], "cp1252"
    )
    new_file = tmp_path / "new.csv"
    carry_forward(previous, new_file)
    assert read_actions(new_file)[0].action == "Repay £300 – promptly"
    assert "Repay £300 – promptly" in new_file.read_text(encoding="utf-8-sig")


def test_header_names_are_written_in_the_standard_form(tmp_path):
    previous = write_file(
        tmp_path / "old.csv",
        [
            "Year agreed,Type,What we are doing,Status,Who",
            "2020-21,priority,Train staff,in progress,The Team",
        ],
    )
    new_file = tmp_path / "new.csv"
    carry_forward(previous, new_file)
    assert new_file.read_text(encoding="utf-8-sig").splitlines() == [
        HEADER,
        "2020-21,priority,,Train staff,The Team,,in progress,",
    ]


# --------------------------------------------------------------------------- the example files

EXAMPLES = [(ReportingYear(2020), "asc"), (ReportingYear(2021), "childrens")]


@pytest.mark.parametrize(("year", "service"), EXAMPLES)
def test_the_example_actions_files_load_cleanly(year, service):
    path = actions.actions_path(paths.CONTENT_DIR, year, service)
    found, problems = check_actions(path, year)
    assert problems == []
    assert found
    assert actions.year_actions(paths.CONTENT_DIR, year, service) == found


@pytest.mark.parametrize(("year", "service"), EXAMPLES)
def test_the_example_actions_hold_no_personal_data(year, service):
    path = actions.actions_path(paths.CONTENT_DIR, year, service)
    allowed = content.read_meta(paths.CONTENT_DIR, year, service).get("allowed_identifiers") or []
    texts = actions.privacy_texts(read_actions(path, year), path)
    assert len(texts) == len(read_actions(path, year))
    assert privacy.scan(texts, references=set(), allowed=[str(a) for a in allowed]) == []


def test_the_asc_example_holds_the_seeds_learning_and_future_development_work():
    year = ReportingYear(2020)
    asc = actions.year_actions(paths.CONTENT_DIR, year, "asc")
    assert actions.status_sentence(asc, year, kind="learning") == "All 4 actions agreed this year are done."
    assert actions.status_sentence(asc, year, kind="priority") == (
        "Of the 4 priorities set for next year, 1 is in progress and 3 are planned."
    )
    future = actions.report_table(asc, year, kind="priority").data
    assert set(future["Who"]) == {"Customer Engagement Team"}
    assert set(future["By when"]) == {"31 March 2022"}  # the seed's "Future development work for 21/22"


def test_the_childrens_example_follows_up_last_years_recommendations_and_priorities():
    year = ReportingYear(2021)
    childrens = actions.year_actions(paths.CONTENT_DIR, year, "childrens")
    assert actions.status_sentence(childrens, year, kind="learning", followed_up=True) == (
        "Both actions agreed last year are done."
    )
    assert actions.status_sentence(childrens, year, kind="priority", followed_up=True) == (
        "Of the 4 priorities set last year, 1 is done and 3 are in progress."
    )
    improvements = actions.report_table(childrens, year, kind="learning", followed_up=True).data
    assert improvements["What has been done"].str.contains("Safe and Together").any()
    assert improvements["What has been done"].str.contains("leaflet").any()


def test_the_childrens_example_says_where_the_seed_gives_no_status():
    """The seed lists this year's stage 2, stage 3 and Ombudsman recommendations without saying whether
    they were carried out: the file says 'not recorded' rather than guessing."""
    year = ReportingYear(2021)
    childrens = actions.year_actions(paths.CONTENT_DIR, year, "childrens")
    this_year = actions.select(childrens, year, kind="learning")
    recommendations = [a for a in this_year if a.learned and a.learned.startswith("Recommended by")]
    assert len(recommendations) == 10
    assert {a.status for a in recommendations} == {"not_recorded"}
    assert all(a.due is None for a in this_year)


def test_carrying_the_examples_forward_keeps_what_is_still_open(tmp_path):
    for year, service in EXAMPLES:
        previous = actions.actions_path(paths.CONTENT_DIR, year, service)
        new_file = actions.actions_path(tmp_path, year.next, service)
        result = carry_forward(previous, new_file)
        carried = read_actions(new_file, year.next)
        assert all(a.is_open for a in carried)
        assert result.carried + result.left_behind == len(read_actions(previous, year))
    asc = read_actions(actions.actions_path(tmp_path, ReportingYear(2021), "asc"))
    assert actions.status_sentence(asc, ReportingYear(2021), kind="priority", followed_up=True) == (
        "Of the 4 priorities set last year, none are done yet: 1 is in progress and 3 are planned."
    )
