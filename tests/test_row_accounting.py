"""Every input row accounted for: rows read = rows counted + rows excluded, with reasons."""

from __future__ import annotations

from datetime import date

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
