"""Every input row accounted for: rows read = rows counted + rows excluded, with reasons."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from complaints_report.loading import load_inputs
from complaints_report.metrics import compute_metrics
from complaints_report.row_accounting import row_accounts, summary, summary_frame
from complaints_report.years import ReportingYear

YEAR = ReportingYear.parse("2021-22")


def test_every_row_is_counted_or_excluded_with_its_reason(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("IN-YEAR", received=date(2021, 4, 1), outcome="upheld", responded=date(2021, 4, 8)),
            complaint("LAST-YEAR", received=date(2021, 3, 31), outcome="upheld", responded=date(2021, 4, 8)),
            complaint("OTHER-SERVICE", service="childrens", procedure="statutory", received=date(2021, 6, 1)),
            complaint("REJECTED", received=date(2021, 6, 1), status="rejected"),
            complaint("OPEN", received=date(2022, 3, 1), outcome="", responded=""),
        ]
    )
    accounts = row_accounts(inputs, "asc", YEAR).set_index("reference")
    assert accounts.loc["IN-YEAR", "result"] == "counted"
    assert accounts.loc["LAST-YEAR", "result"] == "counted"
    assert accounts.loc["LAST-YEAR", "reason"].startswith("last year"), (
        "last year's rows feed the comparisons"
    )
    assert accounts.loc["OTHER-SERVICE", "reason"] == "other service"
    assert accounts.loc["REJECTED", "reason"].startswith("rejected")
    assert accounts.loc["OPEN", "reason"].startswith("still open")
    assert accounts.loc["IN-YEAR", "row"] == 2  # the header is row 1, as Excel shows it


def test_rows_read_equal_rows_counted_plus_rows_excluded(load_cases, complaint):
    inputs = load_cases(complaints=[complaint(f"C{n}", received=date(2020 + n % 3, 5, 1)) for n in range(9)])
    totals = summary(row_accounts(inputs, "asc", YEAR))
    assert totals["rows_read"] == 9
    assert totals["rows_read"] == totals["rows_counted"] + totals["rows_excluded"]
    # 2020-21 rows are last year's (comparisons); 2022-23 rows are a later year, not used
    assert totals["by_kind"]["complaints"]["excluded"] == {"other year": 3}
    assert totals["by_kind"]["complaints"]["counted"] == 6
    table = summary_frame(totals)
    assert table.iloc[-1].to_dict()["Rows read"] == 9


def test_a_rejected_escalation_is_excluded_not_claimed_as_counted(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("C1", received=date(2021, 5, 3), outcome="upheld", responded=date(2021, 5, 10)),
            complaint("C1", stage=2, received=date(2021, 6, 1), status="rejected"),
        ]
    )
    accounts = row_accounts(inputs, "asc", YEAR).set_index(["reference", "row"])
    assert accounts.loc[("C1", 3), "result"] == "excluded"
    assert accounts.loc[("C1", 3), "reason"] == "rejected at stage 2"


def test_stage1_rows_of_the_five_year_trend_are_counted_and_older_ones_excluded(load_cases, complaint):
    # 2021-22 is this year; last year's five-year trend reaches back to 2016-17
    inputs = load_cases(
        complaints=[
            complaint("Y-2", received=date(2019, 6, 3)),
            complaint("Y-3", received=date(2018, 6, 4)),
            complaint("Y-3-REJECTED", received=date(2018, 6, 4), status="rejected"),
            complaint("Y-5", received=date(2016, 6, 6)),
            complaint("Y-6", received=date(2015, 6, 1)),
            complaint("Y-3", stage=2, received=date(2018, 9, 3)),
        ]
    )

    accounts = row_accounts(inputs, "asc", YEAR).set_index(["reference", "row"])

    assert accounts.loc[("Y-2", 2), "reason"].startswith("earlier year (used only in the charts")
    assert accounts.loc[("Y-3", 3), "reason"] == "earlier year (used only in the five-year complaints trend)"
    assert accounts.loc[("Y-3-REJECTED", 4), "result"] == "counted"  # trends count complaints received
    assert accounts.loc[("Y-5", 5), "result"] == "counted"  # in last year's trend
    assert accounts.loc[("Y-6", 6), "reason"] == "other year"
    assert accounts.loc[("Y-3", 7), "reason"] == "other year"  # a stage 2 is in no trend


def test_published_figures_are_counted_where_a_figure_or_trend_can_use_them(
    load_cases, complaint, published_figure
):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2021, 6, 1))],
        history=[
            published_figure("2020-21", "upheld", 4),
            published_figure("2018-19", "complaints_received", 90),
            published_figure("2018-19", "upheld", 20),
            published_figure("2015-16", "complaints_received", 99),
            published_figure("2022-23", "complaints_received", 80),
            published_figure("2020-21", "upheld", 4, service="childrens"),
        ],
    )

    accounts = row_accounts(inputs, "asc", YEAR)
    history = accounts[accounts["kind"] == "history"].set_index("row")["reason"]

    assert history[2].startswith("published figure (used only where")
    assert history[3].startswith("published figure (used only in the five-year complaints trend")
    assert history[4].startswith("too early")  # a 2018-19 outcome is in no figure of a 2021-22 report
    assert history[5].startswith("too early")
    assert history[6] == "later year"
    assert history[7] == "other service"


def test_context_and_comparator_figures_of_this_year_and_last_are_counted(data_dir, write_csv, complaint):
    write_csv("complaints.csv", [complaint("C1", received=date(2021, 6, 1))])
    write_csv(
        "context.csv",
        [
            {"service": "asc", "year": year, "measure": "population", "value": 1000}
            for year in ("2021-22", "2020-21", "2019-20")
        ]
        + [{"service": "childrens", "year": "2021-22", "measure": "population", "value": 1000}],
    )
    write_csv(
        "comparators.csv",
        [
            {
                "council": "Comparator council A",
                "year": "2020-21",
                "service": "asc",
                "measure": "upheld",
                "value": 3,
            }
        ],
    )

    accounts = row_accounts(load_inputs(data_dir), "asc", YEAR)
    context = accounts[accounts["kind"] == "context"]["reason"].tolist()

    assert context == [
        "figure for this year",
        "figure for last year (used only for comparisons with last year)",
        "other year",
        "other service",
    ]
    assert accounts[accounts["kind"] == "comparators"]["result"].tolist() == ["counted"]


def test_every_complaint_in_the_trend_is_a_counted_row(load_cases, complaint):
    inputs = load_cases(
        complaints=[complaint(f"C{n}", received=date(2014 + n % 9, 5 + n % 6, 3)) for n in range(60)]
        + [complaint(f"R{n}", received=date(2017 + n % 5, 7, 1), status="rejected") for n in range(10)]
    )

    trend_ = compute_metrics(inputs, "asc", YEAR)["complaints_trend"]
    accounts = row_accounts(inputs, "asc", YEAR)
    counted = accounts[(accounts["kind"] == "complaints") & (accounts["result"] == "counted")]

    received = inputs.complaints.set_index("source_row").loc[counted["row"], "received"]
    counted_per_year = Counter(ReportingYear.containing(day).label for day in received)
    assert list(trend_) == ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]
    assert {year: counted_per_year[year] for year in trend_} == trend_


def test_rows_left_out_of_inputs_cut_to_the_report_are_still_listed_in_their_places(load_cases, complaint):
    from complaints_report.loading import for_report

    inputs = load_cases(
        complaints=[
            complaint("FIRST", received=date(2010, 5, 3)),  # the earliest: kept to say where records start
            complaint("TOO-OLD", received=date(2012, 5, 3)),
            complaint("IN-YEAR", received=date(2021, 5, 3), outcome="upheld", responded=date(2021, 5, 10)),
            complaint("FIRST-CHILD", service="childrens", procedure="statutory", received=date(2019, 6, 1)),
            complaint("CHILD", service="childrens", procedure="statutory", received=date(2021, 6, 1)),
            complaint("LATER", received=date(2023, 5, 3)),
        ]
    )
    trimmed = for_report(inputs, YEAR, ["asc"])
    assert trimmed.rows_left_out["complaints"] == 3

    accounts = row_accounts(trimmed, "asc", YEAR)

    assert list(accounts["reference"]) == ["FIRST", "TOO-OLD", "IN-YEAR", "FIRST-CHILD", "CHILD", "LATER"]
    assert list(accounts["reason"]) == [
        "other year",
        "other year",
        "stage 1",
        "other service",
        "other service",
        "other year",
    ]
    assert accounts.equals(row_accounts(inputs, "asc", YEAR))
    assert summary(accounts)["rows_read"] == 6


def test_a_notebook_handed_rows_the_build_accounted_for_takes_its_summary_and_writes_no_rows_csv(
    load_cases, complaint, tmp_path
):
    from complaints_report.loading import accounted, for_report
    from complaints_report.row_accounting import account_for_rows

    inputs = load_cases(
        complaints=[
            complaint("TOO-OLD", received=date(2012, 5, 3)),
            complaint("IN-YEAR", received=date(2021, 5, 3), outcome="upheld", responded=date(2021, 5, 10)),
            complaint("CHILD", service="childrens", procedure="statutory", received=date(2021, 6, 1)),
        ]
    )
    cut = for_report(inputs, YEAR, ["asc"])
    alone = account_for_rows(cut, "asc", YEAR, tmp_path / "alone")  # a notebook run on its own
    handed = accounted(cut, summary(row_accounts(cut, "asc", YEAR)))  # what a build hands over

    assert account_for_rows(handed, "asc", YEAR, tmp_path / "built") == alone
    assert (tmp_path / "alone" / "rows.csv").is_file() and not (tmp_path / "built").exists()
    assert handed.left_out == {}, "the rows left out are no longer handed over"
    with pytest.raises(ValueError, match="the build has accounted for them"):
        row_accounts(handed, "asc", YEAR)
