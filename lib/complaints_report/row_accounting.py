"""Every input row accounted for: counted in this year's figures, or excluded with its reason.

``rows read = rows counted + rows excluded``, per file, so an analyst can show that nothing
was lost or double-counted. Written as ``rows.csv`` beside the outputs and summarised in
the report's "About the figures" section.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from complaints_report.loading import Inputs
from complaints_report.vocabulary import KINDS
from complaints_report.years import ReportingYear

COUNTED = "counted"
EXCLUDED = "excluded"


TREND_YEARS = 3  # the report's charts show this year and the two before it (metrics.trend)


def _earlier_year(received, year: ReportingYear) -> tuple[str, str] | None:
    """Rows of the years before: last year's feed the comparisons, the one before the trend charts."""
    if received in year.previous:
        return COUNTED, "last year (used only for comparisons with last year)"
    if any(received in ReportingYear(year.start - back) for back in range(2, TREND_YEARS)):
        return COUNTED, "earlier year (used only in the charts of recent years)"
    return None


def _complaint_status(row, service: str, year: ReportingYear) -> tuple[str, str]:
    if row.service != service:
        return EXCLUDED, "other service"
    if row.received not in year:
        if row.stage == 1 and row.status == "accepted" and (earlier := _earlier_year(row.received, year)):
            return earlier
        return EXCLUDED, "other year"
    if row.status == "rejected":
        if row.stage != 1:
            return EXCLUDED, f"rejected at stage {row.stage}"
        return COUNTED, "rejected (counted in complaints received and rejected only)"
    if row.stage != 1:
        return COUNTED, f"stage {row.stage} (counted in stage {row.stage} figures)"
    if pd.isna(row.outcome) and (row.responded is None or pd.isna(row.responded)):
        return COUNTED, "still open (counted as open)"
    return COUNTED, "stage 1"


def _simple_status(row, service: str, year: ReportingYear) -> tuple[str, str]:
    if row.service != service:
        return EXCLUDED, "other service"
    if row.received not in year:
        return _earlier_year(row.received, year) or (EXCLUDED, "other year")
    return COUNTED, "in year"


def _history_status(row, service: str, year: ReportingYear) -> tuple[str, str]:
    if row.service != service:
        return EXCLUDED, "other service"
    published = ReportingYear.parse(row.year)
    if published > year:
        return EXCLUDED, "later year"
    if published.start <= year.start - TREND_YEARS:
        return EXCLUDED, "too early for this report's charts"
    return COUNTED, "published figure (used only where case data does not give it)"


def _year_figure_status(row, service: str, year: ReportingYear) -> tuple[str, str]:
    """Context and comparator figures: only this year's, for this service, are used."""
    if row.service != service:
        return EXCLUDED, "other service"
    if row.year != year.label:
        return EXCLUDED, "other year"
    return COUNTED, "figure for this year"


_STATUS = {
    "complaints": _complaint_status,
    "history": _history_status,
    "context": _year_figure_status,
    "comparators": _year_figure_status,
}


def row_accounts(inputs: Inputs, service: str, year: ReportingYear) -> pd.DataFrame:
    """One line per input row: file, row, reference, kind, counted/excluded and why."""
    lines = []
    for kind in KINDS:
        frame = inputs.frame(kind)
        status = _STATUS.get(kind, _simple_status)
        for row in frame.itertuples(index=False):
            result, reason = status(row, service, year)
            lines.append(
                {
                    "file": row.source_file,
                    "row": row.source_row,
                    "kind": kind,
                    "reference": getattr(row, "reference", "") or "",
                    "result": result,
                    "reason": reason,
                }
            )
    return pd.DataFrame(lines, columns=["file", "row", "kind", "reference", "result", "reason"])


def summary(accounts: pd.DataFrame) -> dict:
    """Rows read, counted and excluded (with reasons), per kind and overall."""
    result = {
        "rows_read": len(accounts),
        "rows_counted": int((accounts["result"] == COUNTED).sum()),
        "rows_excluded": int((accounts["result"] == EXCLUDED).sum()),
        "by_kind": {},
    }
    for kind, part in accounts.groupby("kind", sort=False):
        result["by_kind"][kind] = {
            "read": len(part),
            "counted": int((part["result"] == COUNTED).sum()),
            "excluded": dict(Counter(part[part["result"] == EXCLUDED]["reason"])),
        }
    assert result["rows_read"] == result["rows_counted"] + result["rows_excluded"]
    return result


def summary_frame(totals: dict) -> pd.DataFrame:
    """The summary as a table: one line per input kind."""
    rows = []
    for kind, part in totals["by_kind"].items():
        excluded = sum(part["excluded"].values())
        reasons = "; ".join(f"{reason}: {n}" for reason, n in part["excluded"].items())
        rows.append(
            {
                "Input": kind,
                "Rows read": part["read"],
                "Counted": part["counted"],
                "Excluded": excluded,
                "Why excluded": reasons or "–",
            }
        )
    rows.append(
        {
            "Input": "All",
            "Rows read": totals["rows_read"],
            "Counted": totals["rows_counted"],
            "Excluded": totals["rows_excluded"],
            "Why excluded": "",
        }
    )
    return pd.DataFrame(rows)
