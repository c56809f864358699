"""Every input row accounted for: counted in this year's figures, or excluded with its reason.

``rows read = rows counted + rows excluded``, per file, so an analyst can show that nothing
was lost or double-counted. Written as ``rows.csv`` (case-level: it holds references, so it
belongs outside the published folder) and summarised in the reviewer's note beside it
(``review_note.py``).

A row is *counted* when some figure of the build uses it: this year's figures, last year's
(``previous_year``), the charts of recent years, or the five-year complaints trend
(``complaints_trend``, and last year's). Each file's rows are sorted into a reason at once,
over whole columns, so an export of a million rows takes well under a second.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from complaints_report import artefacts
from complaints_report.loading import Inputs
from complaints_report.metrics import TREND_YEARS as COMPLAINTS_TREND_YEARS
from complaints_report.vocabulary import KINDS
from complaints_report.years import ReportingYear

COUNTED = "counted"
EXCLUDED = "excluded"
COLUMNS = ["file", "row", "kind", "reference", "result", "reason"]

TREND_YEARS = 3  # the report's charts show this year and the two before it (metrics.trend)

# Every (result, reason) a row can have; each kind picks one per row.
OTHER_SERVICE = (EXCLUDED, "other service")
OTHER_YEAR = (EXCLUDED, "other year")
LATER_YEAR = (EXCLUDED, "later year")
REJECTED_LATER_STAGE = {stage: (EXCLUDED, f"rejected at stage {stage}") for stage in (2, 3)}
REJECTED = (COUNTED, "rejected (counted in complaints received and rejected only)")
LATER_STAGE = {stage: (COUNTED, f"stage {stage} (counted in stage {stage} figures)") for stage in (2, 3)}
STILL_OPEN = (COUNTED, "still open (counted as open)")
STAGE_1 = (COUNTED, "stage 1")
IN_YEAR = (COUNTED, "in year")
LAST_YEAR = (COUNTED, "last year (used only for comparisons with last year)")
CHART_YEARS = (COUNTED, "earlier year (used only in the charts of recent years)")
COMPLAINTS_TREND = (COUNTED, "earlier year (used only in the five-year complaints trend)")
PUBLISHED = (COUNTED, "published figure (used only where case data does not give it)")
PUBLISHED_TREND = (
    COUNTED,
    "published figure (used only in the five-year complaints trend, where case data does not give it)",
)
TOO_EARLY = (EXCLUDED, "too early for this report")
THIS_YEARS_FIGURE = (COUNTED, "figure for this year")
LAST_YEARS_FIGURE = (COUNTED, "figure for last year (used only for comparisons with last year)")


def _years_back(received: pd.Series, year: ReportingYear) -> np.ndarray:
    """How many reporting years before ``year`` each date falls (0 = in it, -1 = the year after; NaN if blank)."""
    dates = pd.to_datetime(received)
    starts = dates.dt.year - (dates.dt.month < 4)
    return (year.start - starts).to_numpy(dtype=np.float64, na_value=np.nan)


def _labels_back(labels: pd.Series, year: ReportingYear) -> np.ndarray:
    """The same for reporting-year labels such as ``2020-21``."""
    starts = pd.to_numeric(labels.astype(str).str[:4], errors="coerce")
    return (year.start - starts).to_numpy(dtype=np.float64, na_value=np.nan)


def _pick(choices: list[tuple[np.ndarray, tuple[str, str]]], default: tuple[str, str], size: int):
    """The (result, reason) of each row: the first choice whose condition holds, else the default."""
    outcomes = [outcome for _, outcome in choices] + [default]
    chosen = np.select(
        [np.asarray(c, dtype=bool) for c, _ in choices], list(range(len(choices))), len(choices)
    )
    chosen = np.broadcast_to(chosen, (size,))
    results = np.array([result for result, _ in outcomes], dtype=object)[chosen]
    reasons = np.array([reason for _, reason in outcomes], dtype=object)[chosen]
    return results, reasons


def _complaint_status(frame: pd.DataFrame, service: str, year: ReportingYear):
    other = (frame["service"] != service).to_numpy(dtype=bool)
    back = _years_back(frame["received"], year)
    stage = frame["stage"].to_numpy(dtype=np.float64, na_value=np.nan)
    rejected = (frame["status"] == "rejected").to_numpy(dtype=bool)
    still_open = (frame["outcome"].isna() & frame["responded"].isna()).to_numpy(dtype=bool)
    this_year, last_year = back == 0, back == 1
    choices = [(other, OTHER_SERVICE)]
    for n in (2, 3):  # a rejected escalation counts nowhere, this year or last
        choices.append(((this_year | last_year) & rejected & (stage == n), REJECTED_LATER_STAGE[n]))
    choices.append((this_year & rejected, REJECTED))
    choices += [(this_year & (stage == n), LATER_STAGE[n]) for n in (2, 3)]
    choices += [
        (this_year & still_open, STILL_OPEN),
        (this_year, STAGE_1),
        (last_year, LAST_YEAR),  # every figure has last year's beside it (previous_year)
        ((back >= 2) & (back < TREND_YEARS) & ~rejected, CHART_YEARS),
        # complaints_trend: stage 1 complaints received, this year's four before and last year's
        ((back >= 2) & (back <= COMPLAINTS_TREND_YEARS) & (stage == 1), COMPLAINTS_TREND),
    ]
    return _pick(choices, OTHER_YEAR, len(frame))


def _simple_status(frame: pd.DataFrame, service: str, year: ReportingYear):
    back = _years_back(frame["received"], year)
    choices = [
        ((frame["service"] != service).to_numpy(dtype=bool), OTHER_SERVICE),
        (back == 0, IN_YEAR),
        (back == 1, LAST_YEAR),
        ((back >= 2) & (back < TREND_YEARS), CHART_YEARS),
    ]
    return _pick(choices, OTHER_YEAR, len(frame))


def _history_status(frame: pd.DataFrame, service: str, year: ReportingYear):
    back = _labels_back(frame["year"], year)
    choices = [
        ((frame["service"] != service).to_numpy(dtype=bool), OTHER_SERVICE),
        (back < 0, LATER_YEAR),
        (back < TREND_YEARS, PUBLISHED),
        (
            (back <= COMPLAINTS_TREND_YEARS)
            & (frame["measure"] == "complaints_received").to_numpy(dtype=bool),
            PUBLISHED_TREND,
        ),
    ]
    return _pick(choices, TOO_EARLY, len(frame))


def _year_figure_status(frame: pd.DataFrame, service: str, year: ReportingYear):
    """Context and comparator figures: this year's and last year's, for this service, are used."""
    back = _labels_back(frame["year"], year)
    choices = [
        ((frame["service"] != service).to_numpy(dtype=bool), OTHER_SERVICE),
        (back == 0, THIS_YEARS_FIGURE),
        (back == 1, LAST_YEARS_FIGURE),
    ]
    return _pick(choices, OTHER_YEAR, len(frame))


_STATUS = {
    "complaints": _complaint_status,
    "history": _history_status,
    "context": _year_figure_status,
    "comparators": _year_figure_status,
}


def _left_out_status(left: pd.DataFrame, service: str):
    """Rows ``loading.for_report`` left out: of another service, or received outside the years the
    report reads (older than last year's trend, or later than the year), which is "other year"
    for every kind (``for_report`` keeps every history, context and comparator row of the service)."""
    other = (left["service"] != service).to_numpy(dtype=bool)
    return _pick([(other, OTHER_SERVICE)], OTHER_YEAR, len(left))


def _column(frame: pd.DataFrame, column: str, dtype) -> np.ndarray:
    if column not in frame:
        return np.full(len(frame), "", dtype=object)
    values = frame[column]
    return values.to_numpy(dtype=object, na_value="") if dtype is object else values.to_numpy(dtype=dtype)


def _in_order(kept: np.ndarray, left: np.ndarray, left_positions: np.ndarray) -> np.ndarray:
    """The values of the rows kept and of the rows left out, in the order the rows were read."""
    values = np.empty(len(kept) + len(left), dtype=kept.dtype if kept.dtype == left.dtype else object)
    is_left = np.zeros(len(values), dtype=bool)
    is_left[left_positions] = True
    values[is_left] = left
    values[~is_left] = kept
    return values


def row_accounts(inputs: Inputs, service: str, year: ReportingYear) -> pd.DataFrame:
    """One line per input row: file, row, reference, kind, counted/excluded and why.

    Inputs cut to the report (``loading.for_report``) give the same lines: the rows left out of
    their frames are listed, in their places, as excluded (other service or other year).
    """
    inputs.check_scope(service, year)
    if inputs.rows_accounted is not None:
        raise ValueError(
            "These inputs no longer hold the rows left out of the report: the build has accounted for them"
        )
    parts = []
    for kind in KINDS:
        frame = inputs.frame(kind)
        left = inputs.left_out.get(kind)
        if frame.empty and left is None:
            continue
        columns = {
            "file": _column(frame, "source_file", object),
            "row": _column(frame, "source_row", np.int64),
            "reference": _column(frame, "reference", object),
        }
        if len(frame):
            results, reasons = _STATUS.get(kind, _simple_status)(frame, service, year)
        else:
            results = reasons = np.empty(0, dtype=object)
        if left is not None and len(left):
            positions = left["position"].to_numpy()
            columns = {
                name: _in_order(values, _column(left, source, values.dtype), positions)
                for (name, values), source in zip(
                    columns.items(), ("source_file", "source_row", "reference"), strict=True
                )
            }
            left_results, left_reasons = _left_out_status(left, service)
            results = _in_order(results, left_results, positions)
            reasons = _in_order(reasons, left_reasons, positions)
        parts.append(
            pd.DataFrame(
                {
                    "file": columns["file"],
                    "row": columns["row"],
                    "kind": kind,
                    "reference": columns["reference"],
                    "result": results,
                    "reason": reasons,
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(parts, ignore_index=True)[COLUMNS]


def account_for_rows(inputs: Inputs, service: str, year: ReportingYear, out_dir: Path) -> dict:
    """Every row accounted for: rows.csv written in ``out_dir``, and its summary.

    In a build, the build has done both while the inputs were handed over (``build.py``,
    ``loading.accounted``): its summary is returned, and rows.csv is left to the build."""
    if inputs.rows_accounted is not None:
        inputs.check_scope(service, year)
        return inputs.rows_accounted
    accounts = row_accounts(inputs, service, year)
    artefacts.save_rows(accounts, out_dir)
    return summary(accounts)


def summary(accounts: pd.DataFrame) -> dict:
    """Rows read, counted and excluded (with reasons, in the order first met), per kind and overall."""
    kinds = accounts["kind"].to_numpy(dtype=object)
    results = accounts["result"].to_numpy(dtype=object)
    reasons = accounts["reason"].to_numpy(dtype=object)
    counted = results == COUNTED
    excluded = results == EXCLUDED
    result = {
        "rows_read": len(accounts),
        "rows_counted": int(counted.sum()),
        "rows_excluded": int(excluded.sum()),
        "by_kind": {},
    }
    kind_codes, kind_names = pd.factorize(kinds)  # in the order first met
    for code, kind in enumerate(kind_names):
        mine = kind_codes == code
        result["by_kind"][str(kind)] = {
            "read": int(mine.sum()),
            "counted": int((mine & counted).sum()),
            "excluded": _in_order_met(reasons[mine & excluded]),
            "counted_as": _in_order_met(reasons[mine & counted]),  # what each counted row is used for
        }
    assert result["rows_read"] == result["rows_counted"] + result["rows_excluded"]
    return result


def _in_order_met(reasons: np.ndarray) -> dict[str, int]:
    """Reason -> how many rows give it, in the order first met."""
    codes, names = pd.factorize(reasons)
    return {
        str(name): int(n)
        for name, n in zip(names, np.bincount(codes[codes >= 0], minlength=len(names)), strict=True)
    }


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
