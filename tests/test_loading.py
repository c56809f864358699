"""Loading council exports (contract section 2): formats, encodings, dates and bad input.

Every problem must name the file, the row as a spreadsheet user sees it (header = row 1),
the reference, the column and the offending value.
"""

import sys
from datetime import date

import numpy as np
import pandas as pd
import pytest

from complaints_report import paths
from complaints_report.loading import (
    check_inputs,
    find_files,
    load_inputs,
    parse_date,
    parse_money,
    services_with_complaints,
)
from complaints_report.loading.values import Formula, parse_dates
from complaints_report.metrics import compute_metrics
from complaints_report.problems import InputError, Problem
from complaints_report.years import ReportingYear


def problems_in(data_dir) -> list[Problem]:
    inputs, problems = check_inputs(data_dir)
    assert (inputs is None) == bool(problems)
    return problems


def the_problem(data_dir) -> Problem:
    """The single problem a data folder has."""
    problems = problems_in(data_dir)
    assert len(problems) == 1, "\n".join(str(p) for p in problems)
    return problems[0]


def assert_names(
    problem: Problem,
    file: str,
    row: int | None = None,
    reference: str | None = None,
    column: str | None = None,
    value: str | None = None,
) -> None:
    """The analyst's message locates the problem: file, spreadsheet row, reference, column, value."""
    message = str(problem)
    assert message.startswith(file), message
    assert problem.row == row, message
    if row is not None:
        assert f"row {row}" in message
    if reference is not None:
        assert problem.reference == reference
        assert f"reference {reference}" in message
    if column is not None:
        assert problem.column == column
        assert f"column '{column}'" in message
    if value is not None:
        assert problem.value == value
        assert f"value '{value}'" in message


# --------------------------------------------------------------------------- a clean export


def test_a_clean_export_loads_with_typed_values(data_dir, write_csv, complaint):
    write_csv(
        "complaints.csv",
        [
            complaint(
                "C1",
                received="03/04/2022",
                acknowledged="2022-04-05",
                responded="11/04/2022",
                extension="Yes",
                outcome="Partially Upheld",
            ),
        ],
    )

    row = load_inputs(data_dir).complaints.iloc[0]

    assert row["reference"] == "C1"
    assert row["service"] == "asc"
    assert row["stage"] == 1
    assert row["received"] == pd.Timestamp(2022, 4, 3)
    assert row["acknowledged"] == pd.Timestamp(2022, 4, 5)
    assert row["responded"] == pd.Timestamp(2022, 4, 11)
    assert row["extension"]
    assert row["outcome"] == "partly_upheld"
    assert (row["source_file"], row["source_row"]) == ("complaints.csv", 2)


def test_03_04_2022_is_3_april_never_4_march(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", received="03/04/2022")])

    assert load_inputs(data_dir).complaints.iloc[0]["received"] == pd.Timestamp(2022, 4, 3)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2022-04-03", date(2022, 4, 3)),
        ("03/04/2022", date(2022, 4, 3)),
        ("3/4/2022", date(2022, 4, 3)),
        ("03/04/2022 14:30", date(2022, 4, 3)),
        ("2022-04-03 00:00:00", date(2022, 4, 3)),
        ("3 April 2022", date(2022, 4, 3)),
        ("03-Apr-2022", date(2022, 4, 3)),
        ("13/04/2022", date(2022, 4, 13)),
    ],
)
def test_dates_are_read_iso_or_day_first(text, day):
    assert parse_date(text) == day


COMMON_AND_AWKWARD_DATES = [
    "03/04/2022",
    "2022-04-03",
    "29/02/2020",
    "1990-01-01",  # common forms, read as a column
    "31/04/2022",
    "29/02/2021",
    "13/25/2020",
    "00/01/2020",
    "1989-12-31",
    "2999-01-01",
    "12/31/2020",
    " 03/04/2022",
    "03-04-2022",
    "3/4/2022",
    "2022-04-03 10:00",
    "\u0661\u0662/04/2022",
    "3 April 2022",
    Formula("=TODAY()"),
    date(2020, 1, 1),
    None,
    "",
]


def test_dates_read_as_a_column_are_the_dates_parse_date_reads_one_by_one():
    days, read = parse_dates(np.array(COMMON_AND_AWKWARD_DATES, dtype=object))

    assert read[:4].all() and not read[4:].any()  # a bad or unusual one is left to parse_date
    assert days[:4].astype("datetime64[D]").tolist() == [
        parse_date(text) for text in COMMON_AND_AWKWARD_DATES[:4]
    ]
    assert np.isnat(days[4:]).all()


@pytest.mark.parametrize(
    ("text", "pounds"),
    [("£800", 800.0), ("800", 800.0), ("800.00", 800.0), ("£1,200.50", 1200.5), (250, 250.0)],
)
def test_remedy_amounts_are_pounds_with_or_without_the_sign(text, pounds):
    assert parse_money(text) == pounds


def test_blank_optional_columns_take_the_contracts_defaults(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", team="Reablement", area=None, extension=None, status=None)])

    row = load_inputs(data_dir).complaints.iloc[0]

    assert row["area"] == "Reablement"  # blank area = team
    assert not row["extension"]  # blank extension = no
    assert row["status"] == "accepted"  # blank status = accepted
    assert row["procedure"] == "statutory"  # ASC is statutory


def test_the_optional_kinds_may_be_absent(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1")])

    inputs = load_inputs(data_dir)

    for kind in ("enquiries", "compliments", "ombudsman", "history"):
        assert inputs.frame(kind).empty


def test_every_input_kind_loads(
    data_dir, write_csv, complaint, enquiry, compliment, ombudsman_case, published_figure
):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv("enquiries.csv", [enquiry("E1", responded="2021-05-06")])
    write_csv("compliments.csv", [compliment("K1", quote="Thank you", publish="yes")])
    write_csv(
        "ombudsman.csv",
        [ombudsman_case("L1", investigated="yes", finding="fault found", remedy_amount="£800")],
    )
    write_csv("history.csv", [published_figure("2019-20", "complaints_received", "120")])

    inputs = load_inputs(data_dir)

    assert inputs.enquiries.iloc[0]["responded"] == pd.Timestamp(2021, 5, 6)
    assert bool(inputs.compliments.iloc[0]["publish"]) is True
    assert inputs.ombudsman.iloc[0]["remedy_amount"] == 800.0
    assert inputs.history.iloc[0]["year"] == "2019-20"
    assert inputs.history.iloc[0]["value"] == 120
    assert [p.name for p in inputs.files] == [
        "complaints.csv",
        "enquiries.csv",
        "compliments.csv",
        "ombudsman.csv",
        "history.csv",
    ]


def test_services_with_complaints_in_a_year_are_listed_in_the_contracts_order(data_dir, write_csv, complaint):
    write_csv(
        "complaints.csv",
        [
            complaint("C1", service="Children's Services", procedure="statutory", received="2021-06-01"),
            complaint("C2", service="Adults", received="2021-06-01"),
            complaint("C3", service="Adults", received="2020-06-01"),
        ],
    )
    inputs = load_inputs(data_dir)

    assert services_with_complaints(inputs, ReportingYear(2021)) == ["asc", "childrens"]
    assert services_with_complaints(inputs, ReportingYear(2020)) == ["asc"]
    assert services_with_complaints(inputs, ReportingYear(2019)) == []


# --------------------------------------------------------------------------- files and columns


def test_several_complaints_files_are_stacked(data_dir, write_csv, write_xlsx, complaint):
    write_csv("complaints_asc.csv", [complaint("A1"), complaint("A2")])
    write_xlsx(
        "complaints_childrens.xlsx",
        [
            complaint("K1", service="childrens", procedure="statutory", received=date(2021, 6, 1)),
        ],
    )

    complaints = load_inputs(data_dir).complaints

    assert sorted(complaints["reference"]) == ["A1", "A2", "K1"]
    assert set(complaints["source_file"]) == {"complaints_asc.csv", "complaints_childrens.xlsx"}


def test_only_files_named_for_their_kind_are_read_and_excel_lock_files_are_skipped(
    data_dir, write_csv, complaint
):
    write_csv("Complaints 2021.CSV", [complaint("C1")])
    (data_dir / "~$complaints.xlsx").write_bytes(b"lock")
    (data_dir / "complaints notes.txt").write_text("not an export")
    (data_dir / "readme.csv").write_text("anything")

    assert [p.name for p in find_files(data_dir, "complaints")] == ["Complaints 2021.CSV"]
    assert list(load_inputs(data_dir).complaints["reference"]) == ["C1"]


def test_column_names_match_ignoring_case_spaces_hyphens_and_underscores(data_dir, write_csv, complaint):
    columns = {
        "reference": "REFERENCE",
        "service": "Service",
        "stage": " stage ",
        "received": "Received",
        "responded": "Responded",
        "team": "TEAM",
        "category": "category",
        "status": "Status",
        "rejection_reason": "Rejection-Reason",
    }
    record = complaint("C1", responded="2021-05-10", status="rejected", rejection_reason="Duplicate")
    write_csv(
        "complaints.csv",
        [{columns[c]: v for c, v in record.items() if c in columns}],
        columns=list(columns.values()),
    )

    row = load_inputs(data_dir).complaints.iloc[0]

    assert row["reference"] == "C1"
    assert row["responded"] == pd.Timestamp(2021, 5, 10)
    assert row["status"] == "rejected"
    assert row["rejection_reason"] == "Duplicate"


def test_a_councils_own_column_names_come_from_mapping_yaml(data_dir, write_csv, complaint):
    (data_dir / "mapping.yaml").write_text(
        "columns:\n  Case Ref: Reference\n  Date Received: received\n"
        "values:\n  outcome:\n    Founded: upheld\n",
        encoding="utf-8",
    )
    record = complaint("C1", outcome="Founded")
    record["Case Ref"] = record.pop("reference")
    record["Date Received"] = record.pop("received")
    write_csv("complaints.csv", [record], columns=list(record))

    row = load_inputs(data_dir).complaints.iloc[0]

    assert row["reference"] == "C1"
    assert row["received"] == pd.Timestamp(2021, 5, 4)
    assert row["outcome"] == "upheld"


def test_an_unreadable_mapping_file_is_a_problem_naming_it(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1")])
    (data_dir / "mapping.yaml").write_text("values:\n  outcome:\n    Founded: proven\n", encoding="utf-8")

    problem = the_problem(data_dir)

    assert_names(problem, "mapping.yaml")
    assert "'proven'" in str(problem)


# --------------------------------------------------------------------------- formats and encodings


@pytest.fixture
def records_with_pound_and_curly_apostrophe(complaint):
    """Complaints whose team names need more than ASCII: '£' and the curly apostrophe '’'."""
    return [
        complaint(
            "C1",
            received=date(2021, 4, 6),
            acknowledged=date(2021, 4, 7),
            responded=date(2021, 4, 20),
            team="Carers\u2019 Support",
            category="Charging",
            outcome="upheld",
        ),
        complaint(
            "C2",
            received=date(2021, 5, 4),
            responded=date(2021, 6, 30),
            extension="yes",
            team="Charging (£ fees)",
            area="Finance",
            outcome="Part upheld",
        ),
        complaint(
            "C3",
            service="Children\u2019s Services",
            procedure="non-statutory",
            received=date(2021, 7, 1),
            team="Children\u2019s Homes",
            category="Communication",
            status="rejected",
            rejection_reason="Not about this service",
        ),
        complaint(
            "C3",
            service="childrens",
            stage=2,
            procedure="corporate",
            received=date(2021, 8, 2),
            responded=date(2021, 8, 20),
            team="Children\u2019s Homes",
            category="Communication",
            outcome="not upheld",
        ),
    ]


def loaded_as(data_dir, writer, records, name, **options):
    writer(name, records, **options)
    inputs = load_inputs(data_dir)
    (data_dir / name).unlink()
    return inputs


def test_csv_xlsx_windows_1252_and_bom_copies_give_identical_records_and_figures(
    data_dir, write_csv, write_xlsx, records_with_pound_and_curly_apostrophe
):
    records = records_with_pound_and_curly_apostrophe
    copies = {
        "utf-8 csv": loaded_as(data_dir, write_csv, records, "complaints.csv"),
        "excel workbook": loaded_as(data_dir, write_xlsx, records, "complaints.xlsx"),
        "windows-1252 csv": loaded_as(data_dir, write_csv, records, "complaints.csv", encoding="cp1252"),
        "utf-8 csv with BOM": loaded_as(data_dir, write_csv, records, "complaints.csv", encoding="utf-8-sig"),
    }
    expected = copies["utf-8 csv"]
    assert list(expected.complaints["team"])[:2] == ["Carers\u2019 Support", "Charging (£ fees)"]

    for name, inputs in copies.items():
        pd.testing.assert_frame_equal(
            inputs.complaints.drop(columns="source_file"),
            expected.complaints.drop(columns="source_file"),
            obj=name,
        )
        for service in ("asc", "childrens"):
            assert compute_metrics(inputs, service, ReportingYear(2021)) == compute_metrics(
                expected, service, ReportingYear(2021)
            ), name


def test_a_windows_1252_csv_keeps_its_pound_sign_and_curly_apostrophe(data_dir, write_csv, complaint):
    path = write_csv("complaints.csv", [complaint("C1", team="Carers\u2019 £ Support")], encoding="cp1252")
    assert b"\x92" in path.read_bytes() and b"\xa3" in path.read_bytes()  # really cp1252, not UTF-8

    assert load_inputs(data_dir).complaints.iloc[0]["team"] == "Carers\u2019 £ Support"


def test_a_bom_does_not_hide_the_first_column(data_dir, write_csv, complaint):
    path = write_csv("complaints.csv", [complaint("C1")], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfreference")

    assert list(load_inputs(data_dir).complaints["reference"]) == ["C1"]


def test_real_excel_dates_are_read_as_dates(data_dir, write_xlsx, complaint):
    write_xlsx("complaints.xlsx", [complaint("C1", received=date(2022, 4, 3), responded=date(2022, 4, 11))])

    row = load_inputs(data_dir).complaints.iloc[0]

    assert (row["received"], row["responded"]) == (pd.Timestamp(2022, 4, 3), pd.Timestamp(2022, 4, 11))


def test_dates_typed_as_text_in_a_workbook_are_read_day_first(data_dir, write_xlsx, complaint):
    write_xlsx("complaints.xlsx", [complaint("C1", received="03/04/2022", responded="2022-04-11")])

    row = load_inputs(data_dir).complaints.iloc[0]

    assert (row["received"], row["responded"]) == (pd.Timestamp(2022, 4, 3), pd.Timestamp(2022, 4, 11))


def test_an_xlsx_table_on_the_second_sheet_is_found(data_dir, write_xlsx, complaint):
    write_xlsx(
        "complaints.xlsx",
        [complaint("C1"), complaint("C2")],
        sheet="Complaints",
        sheets_before={"Notes": [["Exported from the case management system"], ["Do not edit"]]},
    )

    assert list(load_inputs(data_dir).complaints["reference"]) == ["C1", "C2"]


@pytest.fixture
def xlsx_with_title_rows_above_the_header(data_dir, write_xlsx, complaint):
    """Two merged title rows, a blank row, the header on row 4 and data from row 5."""
    return write_xlsx(
        "complaints.xlsx",
        [complaint("C1"), complaint("C2", received="31/02/2021")],
        title_rows=["Complaints received 2021-22", "Adult Social Care - exported 1 April 2022"],
    )


def test_an_xlsx_table_under_merged_title_rows_is_found(data_dir, xlsx_with_title_rows_above_the_header):
    problems = problems_in(data_dir)

    assert len(problems) == 1
    assert_names(problems[0], "complaints.xlsx", row=6, reference="C2", column="received", value="31/02/2021")


def test_rows_under_title_rows_are_loaded_with_their_spreadsheet_row(data_dir, write_xlsx, complaint):
    write_xlsx("complaints.xlsx", [complaint("C1"), complaint("C2")], title_rows=["Complaints 2021-22"])

    complaints = load_inputs(data_dir).complaints

    assert list(complaints["reference"]) == ["C1", "C2"]
    assert list(complaints["source_row"]) == [4, 5]  # title, blank, header on 3


# --------------------------------------------------------------------------- bad input, one kind at a time


def test_a_missing_complaints_file_is_reported(data_dir, write_csv, enquiry):
    write_csv("enquiries.csv", [enquiry("E1")])

    problem = the_problem(data_dir)

    assert_names(problem, str(data_dir))
    assert "no complaints file" in str(problem)


def test_a_data_folder_that_does_not_exist_is_reported(tmp_path):
    problem = the_problem(tmp_path / "nowhere")

    assert "is not a folder" in str(problem)


def test_a_missing_required_column_names_the_header_row_and_the_column(data_dir, write_csv, complaint):
    columns = [c for c in ("reference", "service", "stage", "received", "team")]  # no 'category'
    write_csv("complaints.csv", [complaint("C1")], columns=columns)

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=1, column="category")
    assert "required column is missing" in str(problem)


def test_an_empty_file_is_reported(data_dir):
    (data_dir / "complaints.csv").write_bytes(b"")

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv")
    assert "empty" in str(problem)


def test_a_file_with_a_header_but_no_rows_is_reported(data_dir, write_csv):
    write_csv("complaints.csv", [], columns=["reference", "service", "stage", "received", "team", "category"])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv")
    assert "no data rows" in str(problem)


def test_a_file_that_is_not_really_a_workbook_is_reported(data_dir):
    (data_dir / "complaints.xlsx").write_text("reference,service\nC1,asc\n")

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.xlsx")
    assert "could not be read" in str(problem)


def test_an_unreadable_date_is_reported(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1"), complaint("C2", received="next Tuesday")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=3, reference="C2", column="received", value="next Tuesday")
    assert "is not a date" in str(problem)
    assert "DD/MM/YYYY" in str(problem)


def test_an_impossible_date_is_reported(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", received="31/02/2021")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="received", value="31/02/2021")
    assert "not a real calendar date" in str(problem)


def test_a_month_first_date_is_refused_not_guessed(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", received="04/13/2022")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="received", value="04/13/2022")
    assert "month-first" in str(problem)
    assert "13/04/2022" in str(problem)  # how to write it day first


def test_a_date_in_the_future_is_reported(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", responded="2099-01-01")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="responded", value="2099-01-01")
    assert "outside the possible range" in str(problem)


def test_a_response_dated_before_its_receipt_is_reported_as_written(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", received="2022-04-11", responded="2022-04-04")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="responded", value="2022-04-04")
    assert "before the 'received' date 11/04/2022" in str(problem)


def test_a_duplicate_reference_at_the_same_stage_is_reported_with_both_rows(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1"), complaint("C2"), complaint("C1")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=4, reference="C1", column="reference", value="C1")
    assert "duplicates reference C1 at stage 1" in str(problem)
    assert "complaints.csv row 2" in str(problem)  # where the first one is


def test_a_duplicate_across_two_stacked_files_names_both_files(data_dir, write_csv, complaint):
    write_csv("complaints_a.csv", [complaint("C1")])
    write_csv("complaints_b.csv", [complaint("C1")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints_b.csv", row=2, reference="C1", column="reference", value="C1")
    assert "complaints_a.csv row 2" in str(problem)


def test_the_same_reference_at_stages_1_and_2_is_not_a_duplicate(data_dir, write_csv, complaint):
    write_csv(
        "complaints.csv",
        [
            complaint("C1", service="childrens", procedure="statutory"),
            complaint("C1", service="childrens", procedure="statutory", stage=2, received="2021-07-01"),
        ],
    )

    assert problems_in(data_dir) == []


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("service", "Housing", "is not a known service"),
        ("stage", "4", "is not a known stage"),
        ("outcome", "resolved", "is not a known outcome"),
        ("status", "pending", "is not a known status"),
        ("extension", "maybe", "is not a known yes/no"),
    ],
)
def test_an_unknown_label_is_reported_with_the_accepted_ones(
    data_dir, write_csv, complaint, column, value, message
):
    write_csv("complaints.csv", [complaint("C1", **{column: value})])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column=column, value=value)
    assert message in str(problem)
    assert "Use one of:" in str(problem)


def test_an_unknown_procedure_childrens_is_reported(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", service="childrens", procedure="childrens")])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="procedure", value="childrens")
    assert "is not a known procedure" in str(problem)
    assert "statutory, corporate" in str(problem)


def test_a_childrens_complaint_needs_a_procedure(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", service="childrens", procedure=None)])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="procedure", value="")
    assert "required" in str(problem)


def test_a_blank_required_value_is_reported(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", team=None)])

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=2, reference="C1", column="team", value="")
    assert "is blank but this column is required" in str(problem)


def test_a_stage_2_complaint_with_no_stage_1_row_is_reported(data_dir, write_csv, complaint):
    write_csv(
        "complaints.csv",
        [
            complaint("C1"),
            complaint("C2", service="childrens", procedure="statutory", stage=2),
        ],
    )

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=3, reference="C2", column="stage", value="2")
    assert "no stage 1 row" in str(problem)


def test_a_non_numeric_remedy_amount_is_reported(data_dir, write_csv, complaint, ombudsman_case):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv(
        "ombudsman.csv",
        [
            ombudsman_case(
                "L1", investigated="yes", finding="fault found", remedy_amount="eight hundred pounds"
            )
        ],
    )

    problem = the_problem(data_dir)

    assert_names(
        problem, "ombudsman.csv", row=2, reference="L1", column="remedy_amount", value="eight hundred pounds"
    )
    assert "is not an amount of money" in str(problem)


@pytest.mark.parametrize("amount", ["nan", "inf", "-£50"])
def test_a_remedy_amount_that_is_not_a_real_positive_sum_is_reported(
    data_dir, write_csv, complaint, amount, ombudsman_case
):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv("ombudsman.csv", [ombudsman_case("L1", remedy_amount=amount)])

    assert_names(
        the_problem(data_dir), "ombudsman.csv", row=2, reference="L1", column="remedy_amount", value=amount
    )


def test_a_history_measure_that_is_not_a_metric_is_reported(data_dir, write_csv, complaint, published_figure):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv(
        "history.csv",
        [published_figure("2019-20", "complaints", "120"), published_figure("2019-2020", "upheld", "12")],
    )

    problems = problems_in(data_dir)

    assert len(problems) == 2
    assert_names(problems[0], "history.csv", row=2, column="measure", value="complaints")
    assert_names(problems[1], "history.csv", row=3, column="year", value="2019-2020")


@pytest.mark.parametrize("value", ["nan", "about 40", "inf"])
def test_a_published_figure_that_is_not_a_number_is_reported(
    data_dir, write_csv, complaint, published_figure, value
):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv("history.csv", [published_figure("2019-20", "complaints_received", value)])

    problem = the_problem(data_dir)

    assert_names(problem, "history.csv", row=2, column="value", value=value)
    assert "is not a number" in str(problem)


def test_rows_keep_their_spreadsheet_numbers_past_a_blank_line(data_dir, complaint):
    (data_dir / "complaints.csv").write_text(
        "reference,service,stage,received,team,category\n"
        "C1,asc,1,2021-05-04,Reablement,Delay\n"
        "\n"
        "C2,asc,1,soon,Reablement,Delay\n",
        encoding="utf-8",
    )

    assert_names(
        the_problem(data_dir), "complaints.csv", row=4, reference="C2", column="received", value="soon"
    )


def test_rows_keep_their_spreadsheet_numbers_past_a_cell_with_a_line_break(data_dir, write_csv, complaint):
    write_csv(
        "complaints.csv",
        [
            complaint(
                "C1", status="rejected", rejection_reason="Duplicate of C0.\nClosed by the team manager."
            ),
            complaint("C2", received="soon"),
        ],
    )

    # Excel shows the two-line cell in one row, so C2 is on row 3
    assert_names(
        the_problem(data_dir), "complaints.csv", row=3, reference="C2", column="received", value="soon"
    )


# --------------------------------------------------------------------------- every problem at once


def test_every_problem_is_reported_together_not_just_the_first(
    data_dir, write_csv, complaint, enquiry, ombudsman_case
):
    write_csv(
        "complaints.csv",
        [
            complaint("C1", received="31/02/2021"),
            complaint("C2", service="Housing", outcome="resolved"),
            complaint("C3", received="2022-04-11", responded="2022-04-04"),
            complaint("C4"),
            complaint("C4"),
            complaint("C5", service="childrens", procedure="childrens"),
            complaint("C6", service="childrens", procedure="statutory", stage=3),
        ],
    )
    write_csv("ombudsman.csv", [ombudsman_case("L1", remedy_amount="lots")])
    write_csv("enquiries.csv", [enquiry("E1", received="04/13/2022")])

    with pytest.raises(InputError) as error:
        load_inputs(data_dir)

    found = {(p.file, p.row, p.reference, p.column, p.value) for p in error.value.problems}
    assert found == {
        ("complaints.csv", 2, "C1", "received", "31/02/2021"),
        ("complaints.csv", 3, "C2", "service", "Housing"),
        ("complaints.csv", 3, "C2", "outcome", "resolved"),
        ("complaints.csv", 4, "C3", "responded", "2022-04-04"),
        ("complaints.csv", 6, "C4", "reference", "C4"),
        ("complaints.csv", 7, "C5", "procedure", "childrens"),
        ("complaints.csv", 8, "C6", "stage", "3"),
        ("ombudsman.csv", 2, "L1", "remedy_amount", "lots"),
        ("enquiries.csv", 2, "E1", "received", "04/13/2022"),
    }
    message = str(error.value)
    assert message.startswith("9 problems found in the input files:")
    assert all(f"  - {p}" in message for p in error.value.problems)


def test_a_missing_column_in_one_file_does_not_hide_problems_in_another(data_dir, write_csv, complaint):
    write_csv(
        "complaints_asc.csv", [complaint("C1")], columns=["reference", "service", "stage", "received", "team"]
    )
    write_csv("complaints_childrens.csv", [complaint("C2", received="soon")])

    problems = problems_in(data_dir)

    assert {(p.file, p.column) for p in problems} == {
        ("complaints_asc.csv", "category"),
        ("complaints_childrens.csv", "received"),
    }


# ----------------------------------------------------------------------------- fuzzing
# Whatever lands in the data folder, the loaders answer with problems for the analyst,
# never a Python traceback.

from pathlib import Path  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from complaints_report import paths as _paths  # noqa: E402

EXAMPLE_CSV = (_paths.DATA_DIR / "complaints_asc.csv").read_bytes()[:4000]


def _loads_cleanly(folder: Path, name: str, content: bytes) -> None:
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_bytes(content)
    inputs, problems = check_inputs(folder)
    assert (inputs is None) == bool(problems)
    for problem in problems:
        assert problem.file and problem.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=len(EXAMPLE_CSV)))
def test_a_truncated_export_gives_problems_not_a_crash(tmp_path, cut):
    _loads_cleanly(tmp_path, "complaints.csv", EXAMPLE_CSV[:cut])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=600), name=st.sampled_from(["complaints.csv", "complaints.xlsx"]))
def test_random_bytes_give_problems_not_a_crash(tmp_path, content, name):
    _loads_cleanly(tmp_path, name, content)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=16), min_size=1, max_size=6))
def test_random_cells_under_the_real_header_give_problems_not_a_crash(tmp_path, cells):
    header = EXAMPLE_CSV.split(b"\n")[0]
    import csv as _csv
    import io as _io

    buffer = _io.StringIO()
    _csv.writer(buffer).writerows(cells)
    _loads_cleanly(tmp_path, "complaints.csv", header + b"\n" + buffer.getvalue().encode("utf-8", "replace"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=3000))
def test_a_truncated_workbook_gives_problems_not_a_crash(tmp_path, cut):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in EXAMPLE_CSV.decode("utf-8").splitlines()[:20]:
        sheet.append(row.split(","))
    whole = tmp_path / "whole.xlsx"
    workbook.save(whole)
    content = whole.read_bytes()
    whole.unlink()
    _loads_cleanly(tmp_path, "complaints.xlsx", content[: cut * len(content) // 3000])


def test_a_childrens_file_without_a_procedure_column_is_one_problem_not_one_per_row(
    data_dir, write_csv, complaint
):
    from conftest import COMPLAINT_COLUMNS

    columns = [c for c in COMPLAINT_COLUMNS if c != "procedure"]
    write_csv(
        "complaints.csv",
        [complaint(f"C{n}", service="childrens", procedure="statutory") for n in range(5)],
        columns=columns,
    )
    _, problems = check_inputs(data_dir)
    about_procedure = [p for p in problems if p.column == "procedure"]
    assert len(about_procedure) == 1
    assert about_procedure[0].row == 1 and "Children's Services" in about_procedure[0].message


def test_notes_point_out_a_response_without_an_outcome_and_an_adult_escalation(load_cases, complaint):
    from complaints_report.loading import notes

    inputs = load_cases(
        complaints=[
            complaint("C1", received=date(2021, 5, 3), responded=date(2021, 5, 10), outcome=""),
            complaint("C2", received=date(2021, 5, 3), responded=date(2021, 5, 10), outcome="upheld"),
            complaint("C2", stage=2, received=date(2021, 6, 1)),
        ]
    )
    found = notes(inputs)
    assert len(found) == 2
    assert "row 2, reference C1: has a response date but no outcome" in found[0]
    assert "reference C2: an Adult Social Care complaint at stage 2" in found[1]


# ----------------------------------------------------------------------------- the interface (schema.py)


def test_the_checked_frames_keep_the_interface_the_metrics_rely_on(
    data_dir, write_csv, write_xlsx, complaint
):
    from complaints_report.loading.schema import validate

    write_csv(
        "complaints_a.csv", [complaint("C1", outcome="Part upheld", responded="2021-05-20", extension="Y")]
    )
    write_xlsx("complaints_b.xlsx", [complaint("C2", service="Children", procedure="Non-statutory")])

    inputs = load_inputs(data_dir)

    validate(inputs)  # pandera: columns in order, dtypes, canonical values
    assert (
        list(inputs.complaints["outcome"]) == ["partly_upheld", None]
        or inputs.complaints["outcome"].iloc[1] != inputs.complaints["outcome"].iloc[1]
    )
    assert inputs.complaints["received"].dtype == "datetime64[s]"
    assert pd.isna(inputs.complaints["responded"].iloc[1])


def test_the_example_data_and_northfield_keep_the_interface():
    from complaints_report import paths
    from complaints_report.loading.schema import validate

    for folder in (paths.DATA_DIR, paths.PROJECT_ROOT / "examples" / "northfield" / "data"):
        validate(load_inputs(folder))


# ----------------------------------------------------------------------------- mapping.yaml per file kind (issue 12)


def write_mapping(data_dir, text: str) -> None:
    (data_dir / "mapping.yaml").write_text(text, encoding="utf-8")


def test_one_header_may_mean_the_service_in_complaints_and_the_sub_area_in_enquiries(
    data_dir, write_csv, complaint, enquiry
):
    write_mapping(data_dir, "complaints:\n  columns:\n    Service Area: service\n")
    record = complaint("C1", service="Adult Social Care")
    record["Service Area"] = record.pop("service")
    write_csv("complaints.csv", [record], columns=list(record))
    write_csv(
        "enquiries.csv",
        [{"reference": "E1", "service": "asc", "received": "2021-05-04", "Service Area": "Home Care"}],
        columns=["reference", "service", "received", "Service Area"],
    )

    inputs = load_inputs(data_dir)

    assert inputs.complaints.iloc[0]["service"] == "asc"
    assert inputs.enquiries.iloc[0]["service_area"] == "Home Care"


def test_an_ombudsman_mapping_does_not_rename_the_complaints_own_column(
    data_dir, write_csv, complaint, ombudsman_case
):
    write_mapping(data_dir, "ombudsman:\n  columns:\n    Category: service\n")
    write_csv("complaints.csv", [complaint("C1", category="Delay")])
    case = ombudsman_case("L1")
    case["Category"] = case.pop("service")
    write_csv("ombudsman.csv", [case], columns=list(case))

    inputs = load_inputs(data_dir)

    assert inputs.complaints.iloc[0]["category"] == "Delay"
    assert inputs.ombudsman.iloc[0]["service"] == "asc"


def test_two_headers_for_one_column_are_a_problem_naming_the_file_and_both_headers(
    data_dir, write_csv, complaint
):
    write_mapping(data_dir, "enquiries:\n  columns:\n    Team: service_area\n")
    write_csv("complaints.csv", [complaint("C1")])
    write_csv(
        "enquiries.csv",
        [
            {
                "reference": "E1",
                "service": "asc",
                "received": "2021-05-04",
                "Service Area": "Home Care",
                "Team": "X",
            }
        ],
        columns=["reference", "service", "received", "Service Area", "Team"],
    )

    problem = the_problem(data_dir)

    assert_names(problem, "enquiries.csv", row=1, column="service_area", value="Team")
    assert (
        "two headers for the column 'service_area': 'Service Area' (column D) and 'Team' (column E)"
        in str(problem)
    )


def test_a_header_that_appears_twice_is_a_problem_not_a_dropped_column(data_dir):
    (data_dir / "complaints.csv").write_text(
        "reference,service,stage,received,team,category,Team\nC1,asc,1,2021-05-04,Reablement,Delay,Finance\n",
        encoding="utf-8",
    )

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=1, column="team", value="Team")
    assert "has the header 'Team' twice, in columns E and G" in str(problem)


def test_a_mapping_entry_that_matches_no_header_is_a_problem_with_the_likely_header(
    data_dir, write_csv, complaint
):
    write_mapping(data_dir, "complaints:\n  columns:\n    Outcome Descripton: outcome\n")
    record = complaint("C1", responded="2021-05-10", outcome="upheld")
    record["Outcome Description"] = record.pop("outcome")
    write_csv("complaints.csv", [record], columns=list(record))

    problem = the_problem(data_dir)

    assert problem.file == "mapping.yaml" and problem.line == 3
    assert problem.key == "complaints: columns: Outcome Descripton"
    assert "matches no header in any complaints file (complaints.csv)" in str(problem)
    assert "Did you mean 'Outcome Description'?" in str(problem)


def test_a_shared_mapping_entry_still_applies_to_every_kind(data_dir, write_csv, complaint, enquiry):
    write_mapping(data_dir, "columns:\n  Date Received: received\n")
    for name, record in (("complaints.csv", complaint("C1")), ("enquiries.csv", enquiry("E1"))):
        record["Date Received"] = record.pop("received")
        write_csv(name, [record], columns=list(record))

    inputs = load_inputs(data_dir)

    assert (
        inputs.complaints.iloc[0]["received"]
        == inputs.enquiries.iloc[0]["received"]
        == pd.Timestamp(2021, 5, 4)
    )


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("complaint:\n  columns:\n    Case Ref: reference\n", "complaint", "Did you mean 'complaints'?"),
        (
            "complaints:\n  colums:\n    Case Ref: reference\n",
            "complaints: colums",
            "holds 'columns:' and 'values:'",
        ),
        ("complaints:\n  columns: Case Ref\n", "complaints: columns", "'name: value' lines"),
        ("complaints:\n  columns:\n    Case Ref: [reference]\n", "complaints: columns: Case Ref", "one name"),
        (
            "complaints:\n  columns:\n    Case Ref: referenc\n",
            "complaints: columns: Case Ref",
            "Did you mean 'reference'?",
        ),
        (
            "complaints:\n  values:\n    outcome:\n      Founded: proven\n",
            "complaints: values: outcome: Founded",
            "partly upheld",
        ),
        (
            "complaints:\n  values:\n    finding:\n      Advice: no fault\n",
            "complaints: values: finding: Advice",
            "'ombudsman: values: finding:'",
        ),
        ("values:\n  outcomes:\n    Founded: upheld\n", "values: outcomes: Founded", "validate --explain"),
        (
            "complaints:\n  columns:\n    Case Ref: reference\n    case_ref: reference\n",
            "complaints: columns: case_ref",
            "already on line 3",
        ),
    ],
)
def test_every_mistake_in_mapping_yaml_names_the_line_the_key_and_what_is_expected(
    data_dir, write_csv, complaint, text, key, expected
):
    write_mapping(data_dir, text)
    record = complaint("C1")
    record["Case Ref"] = record.pop("reference")
    write_csv("complaints.csv", [record], columns=list(record))

    problems = [p for p in problems_in(data_dir) if p.file == "mapping.yaml"]

    assert any(p.key == key and expected in str(p) and p.line for p in problems), "\n".join(
        map(str, problems)
    )


def test_yes_and_no_in_mapping_yaml_stay_words(data_dir, write_csv, compliment, complaint):
    write_mapping(data_dir, "compliments:\n  values:\n    publish:\n      OK: yes\n      No thanks: no\n")
    write_csv("complaints.csv", [complaint("C1")])
    write_csv("compliments.csv", [compliment("K1", publish="OK"), compliment("K2", publish="No thanks")])

    assert list(load_inputs(data_dir).compliments["publish"]) == [True, False]


# ----------------------------------------------------------------------------- values in the analyst's words (issue 12)


@pytest.mark.parametrize(
    ("kind", "column", "value", "words", "internal"),
    [
        (
            "complaints",
            "outcome",
            "resolved",
            "upheld, partly upheld, not upheld, withdrawn",
            "partly_upheld",
        ),
        ("compliments", "publish", "perhaps", "Use one of: yes, no", "True, False"),
    ],
)
def test_a_hint_uses_the_words_an_analyst_writes(
    data_dir, write_csv, complaint, compliment, kind, column, value, words, internal
):
    write_csv("complaints.csv", [complaint("C1", **({column: value} if kind == "complaints" else {}))])
    if kind == "compliments":
        write_csv("compliments.csv", [compliment("K1", **{column: value})])

    message = str(the_problem(data_dir))

    assert words in message and internal not in message
    assert f"under '{kind}: values:" in message


def test_unknown_ombudsman_wording_is_refused_with_the_findings_and_where_to_map_it(
    data_dir, write_csv, complaint, ombudsman_case
):
    write_csv("complaints.csv", [complaint("C1")])
    write_csv("ombudsman.csv", [ombudsman_case("L1", investigated="no", finding="Advice given")])

    problem = the_problem(data_dir)

    assert_names(problem, "ombudsman.csv", row=2, reference="L1", column="finding", value="Advice given")
    assert "is not a known Ombudsman finding" in str(problem)
    assert "fault found, no fault, closed after initial enquiries" in str(problem)
    assert "'ombudsman: values: finding:'" in str(problem)


def test_the_ombudsmans_wording_maps_per_file_kind(data_dir, write_csv, complaint, ombudsman_case):
    write_mapping(
        data_dir, "ombudsman:\n  values:\n    finding:\n      Advice given: closed after initial enquiries\n"
    )
    write_csv("complaints.csv", [complaint("C1")])
    write_csv(
        "ombudsman.csv",
        [
            ombudsman_case("L1", finding="Advice given"),
            ombudsman_case("L2", investigated="yes", finding="Not upheld: no fault"),
            ombudsman_case("L3", finding="Closed after initial enquiries - no fault"),
            ombudsman_case("L4", investigated="yes", finding="Upheld: maladministration and injustice"),
        ],
    )

    findings = list(load_inputs(data_dir).ombudsman["finding"])

    assert findings == [
        "closed_after_initial_enquiries",
        "no_fault",
        "closed_after_initial_enquiries",
        "fault_found",
    ]


# ----------------------------------------------------------------------------- the edges (issue 12)


def test_a_bom_in_front_of_windows_1252_text_is_read_as_windows_1252(data_dir, complaint):
    text = "reference,service,stage,received,team,category\nC1,asc,1,04/05/2021,Carers\u2019 £ team,Delay\n"
    (data_dir / "complaints.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("cp1252"))

    row = load_inputs(data_dir).complaints.iloc[0]

    assert (row["reference"], row["team"]) == ("C1", "Carers\u2019 £ team")


def test_a_file_mixing_utf8_and_windows_1252_is_refused_with_the_line(data_dir):
    header = b"reference,service,stage,received,team,category\n"
    good = "C1,asc,1,04/05/2021,Carers\u2019 team,Delay\n".encode()
    bad = "C2,asc,1,04/05/2021,Carers\u2019 team,Delay\n".encode("cp1252")
    (data_dir / "complaints.csv").write_bytes(header + good + bad)

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv")
    assert "mixes two text encodings" in str(problem) and "line 3" in str(problem)
    assert "CSV UTF-8" in str(problem)


def test_nul_bytes_are_refused_and_never_printed(data_dir):
    (data_dir / "complaints.csv").write_bytes(
        b"reference,service,stage,received,team,category\nC1,asc,1,04/05/2021,Re\x00ablement,Delay\n"
    )

    problem = the_problem(data_dir)

    assert "NUL" in str(problem) and "line 2" in str(problem)
    assert "\x00" not in str(problem)


def test_a_utf16_file_is_refused_with_what_to_do(data_dir):
    (data_dir / "complaints.csv").write_bytes("reference,service\nC1,asc\n".encode("utf-16"))

    problem = the_problem(data_dir)

    assert "UTF-16" in str(problem) and "CSV UTF-8" in str(problem)


def test_control_characters_in_a_value_are_printed_as_escapes():
    problem = Problem(
        "complaints.csv", "is not a date", row=2, column="received", value="soon\x00\x1b[31m\nlater"
    )

    assert str(problem).startswith(
        "complaints.csv, row 2, column 'received', value 'soon\\x00\\x1b[31m\\nlater'"
    )


def test_a_formula_with_no_saved_value_is_refused_not_read_as_blank(data_dir, write_xlsx, complaint):
    from openpyxl import load_workbook

    path = write_xlsx("complaints.xlsx", [complaint("C1", responded=date(2021, 5, 10), outcome="upheld")])
    workbook = load_workbook(path)
    sheet = workbook.active
    column = [c.value for c in sheet[1]].index("responded") + 1
    sheet.cell(row=2, column=column, value="=B2+7")  # saved by a program, not Excel: no cached result
    workbook.save(path)

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.xlsx", row=2, reference="C1", column="responded", value="=B2+7")
    assert "formula" in str(problem) and "save it" in str(problem)


def test_the_missing_column_message_lists_the_exports_real_headers(data_dir, write_csv, complaint):
    record = complaint("C1")
    record["Nature of Complaint"] = record.pop("category")
    write_csv("complaints.csv", [record], columns=list(record))

    problem = the_problem(data_dir)

    assert_names(problem, "complaints.csv", row=1, column="category")
    assert "'Nature of Complaint'" in str(problem) and "'reference'" in str(problem)
    assert "under 'complaints: columns:'" in str(problem)


def test_a_row_longer_than_its_header_is_a_problem_and_later_rows_keep_their_numbers(data_dir):
    (data_dir / "complaints.csv").write_text(
        "reference,service,stage,received,team,category\n"
        "C1,asc,1,2021-05-04,Reablement, Finance,Delay\n"
        "C2,asc,1,soon,Reablement,Delay\n",
        encoding="utf-8",
    )

    problems = problems_in(data_dir)

    assert [(p.row, p.column) for p in problems] == [(2, None), (3, "received")]
    assert "more cells than the header row" in str(problems[0])


def test_title_rows_above_a_csv_header_are_skipped(data_dir):
    (data_dir / "complaints.csv").write_text(
        "Complaints case list\nExported 04/04/2023\n\n"
        "reference,service,stage,received,team,category\nC1,asc,1,2021-05-04,Reablement,Delay\n",
        encoding="utf-8",
    )

    complaints = load_inputs(data_dir).complaints

    assert (complaints.iloc[0]["reference"], complaints.iloc[0]["source_row"]) == ("C1", 5)


def test_a_row_of_spaces_is_a_blank_row(data_dir):
    (data_dir / "complaints.csv").write_text(
        "reference,service,stage,received,team,category\n  , ,,, ,\nC1,asc,1,2021-05-04,Reablement,Delay\n",
        encoding="utf-8",
    )

    assert list(load_inputs(data_dir).complaints["source_row"]) == [3]


# ----------------------------------------------------------------------------- a build's inputs (for_report)


def test_for_report_keeps_the_years_a_report_reads_and_counts_the_rest(data_dir, write_csv, complaint):
    from complaints_report.loading import for_report

    write_csv(
        "complaints.csv",
        [
            complaint("OLD", received="2005-06-01"),
            complaint("C2014", received="2014-06-01"),
            complaint("C2016", received="2016-06-01"),
            complaint("C2021", received="2021-06-01"),
            complaint("K2021", service="childrens", procedure="statutory", received="2021-06-01"),
        ],
    )
    inputs = load_inputs(data_dir)

    trimmed = for_report(inputs, ReportingYear(2021), ["asc"])

    # the earliest row of each service is kept (so is "OLD", though years too early)
    assert list(trimmed.complaints["reference"]) == ["OLD", "C2016", "C2021", "K2021"]
    assert trimmed.rows_left_out["complaints"] == 1
    assert list(trimmed.left_out["complaints"]["reference"]) == ["C2014"]
    assert list(trimmed.left_out["complaints"]["position"]) == [1]  # its place among the rows read
    assert compute_metrics(trimmed, "asc", ReportingYear(2021)) == compute_metrics(
        inputs, "asc", ReportingYear(2021)
    )


def test_an_export_with_no_rows_of_the_service_still_gives_true_zeros_when_cut(
    data_dir, write_csv, complaint, enquiry
):
    from complaints_report.loading import for_report

    write_csv(
        "complaints.csv",
        [
            complaint("C1", received="2020-06-01"),
            complaint("K1", service="childrens", procedure="statutory", received="2020-06-01"),
            complaint("K2", service="childrens", procedure="statutory", received="2021-06-01"),
        ],
    )
    write_csv("enquiries.csv", [enquiry("E1", received="2021-06-01")])  # Adult Social Care only
    inputs = load_inputs(data_dir)
    year = ReportingYear(2021)

    trimmed = for_report(inputs, year, ["childrens"])

    figures = compute_metrics(trimmed, "childrens", year)
    assert figures["member_enquiries"] == 0  # the export is there: none for Children's is a true zero
    assert figures == compute_metrics(inputs, "childrens", year)


def test_inputs_cut_to_a_report_refuse_figures_of_another(data_dir, write_csv, complaint):
    from complaints_report.loading import for_report

    write_csv("complaints.csv", [complaint("C1", received="2021-06-01")])
    trimmed = for_report(load_inputs(data_dir), ReportingYear(2021), ["asc"])

    with pytest.raises(ValueError, match="cut to the 2021/22 report of asc"):
        compute_metrics(trimmed, "asc", ReportingYear(2022))
    with pytest.raises(ValueError, match="load the exports again for childrens"):
        compute_metrics(trimmed, "childrens", ReportingYear(2021))
    with pytest.raises(ValueError, match="not inputs already cut"):
        for_report(trimmed, ReportingYear(2021), ["asc"])


@pytest.mark.parametrize("year", ["2019-20", "2020-21", "2021-22", "2022-23"])
@pytest.mark.parametrize("service", ["asc", "childrens"])
def test_the_example_cut_to_a_report_gives_the_same_figures_and_row_accounts(year, service):
    from complaints_report import row_accounting
    from complaints_report.loading import for_report
    from complaints_report.metrics import trend

    inputs = load_inputs(paths.DATA_DIR)
    reporting_year = ReportingYear.parse(year)

    trimmed = for_report(inputs, reporting_year, [service])

    assert sum(trimmed.rows_left_out.values()) > 0
    assert compute_metrics(trimmed, service, reporting_year) == compute_metrics(
        inputs, service, reporting_year
    )
    assert trend(trimmed, service, reporting_year) == trend(inputs, service, reporting_year)
    pd.testing.assert_frame_equal(
        row_accounting.row_accounts(trimmed, service, reporting_year),
        row_accounting.row_accounts(inputs, service, reporting_year),
    )


def test_the_build_hands_over_the_checked_inputs_through_a_file(data_dir, write_csv, complaint, tmp_path):
    from complaints_report.loading import for_report, handover, inputs_for_report

    write_csv("complaints.csv", [complaint("C1", received="2021-06-01")])
    year = ReportingYear(2021)
    file = handover.Handover(tmp_path / "results" / handover.FILE_NAME)
    file.write(for_report(load_inputs(data_dir), year, ["asc"]))

    handed = inputs_for_report(tmp_path / "elsewhere", year, "asc", tmp_path / "results" / handover.FILE_NAME)

    pd.testing.assert_frame_equal(
        handed.complaints, load_inputs(data_dir, year=year, services=["asc"]).complaints
    )
    with pytest.raises(ValueError, match="load the exports again for childrens"):
        inputs_for_report(data_dir, year, "childrens", tmp_path / "results" / handover.FILE_NAME)


@pytest.mark.skipif(not sys.platform.startswith(("linux", "darwin")), reason="flock")
def test_a_notebook_started_early_waits_for_its_inputs_to_be_written(
    data_dir, write_csv, complaint, tmp_path
):
    import fcntl

    from complaints_report.loading import for_report, handover

    write_csv("complaints.csv", [complaint("C1", received="2021-06-01")])
    file = handover.Handover(tmp_path / handover.FILE_NAME)

    def reader_may_read() -> bool:  # the lock read() waits for, tried without waiting
        with open(tmp_path / handover.FILE_NAME, "rb") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

    assert handover.CAN_WAIT and not reader_may_read()
    file.write(for_report(load_inputs(data_dir), ReportingYear(2021), ["asc"]))
    assert reader_may_read()
    assert list(handover.read(tmp_path / handover.FILE_NAME).complaints["reference"]) == ["C1"]


def test_a_handover_the_build_never_wrote_is_an_error_not_empty_inputs(tmp_path):
    from complaints_report.loading import handover

    file = handover.Handover(tmp_path / handover.FILE_NAME)
    file.close()  # the build stopped before the exports were checked

    with pytest.raises(handover.HandoverError, match="the build stopped before it had checked the exports"):
        handover.read(tmp_path / handover.FILE_NAME)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc is what is tuned")
def test_freed_memory_is_kept_for_reuse_on_linux():
    from complaints_report.loading.allocator import keep_freed_memory

    assert keep_freed_memory() is True
