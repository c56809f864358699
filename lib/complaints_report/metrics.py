"""The figures of an annual complaints report, for one service and one reporting year.

Definitions follow the contract (sections 3 and 4):

- Cohort: a complaint belongs to the reporting year in which that stage was received.
- Unless a key says otherwise it counts accepted stage 1 complaints received in the year.
- Timeliness and outcome figures are over that year's accepted complaints that have a
  response; open ones are counted separately.
- Percentages come from exact counts, each rounded half up to a whole number on its own
  (so a set of percentages may not add to 100).

A year with case-level data is computed from it; published figures in ``history`` fill
only what cannot be computed (e.g. years before the case-management system).
"""

from __future__ import annotations

from collections import Counter
from statistics import median

import pandas as pd

from complaints_report import working_days as wd
from complaints_report.loading import Inputs
from complaints_report.vocabulary import SERVICE_NAMES
from complaints_report.years import ReportingYear

OUTCOME_KEYS = ("upheld", "partly_upheld", "not_upheld", "withdrawn")
COMPLAINT_KEYS = (
    "complaints_received",
    "complaints_rejected",
    "complaints_accepted",
    "statutory",
    "corporate",
    "stage2_received",
    "stage3_received",
    *OUTCOME_KEYS,
    "open",
    "upheld_or_partly_pct",
    "within_10",
    "within_20",
    "over_20",
    "within_10_pct",
    "within_20_pct",
    "over_20_pct",
    "stage1_within_timescale_pct",
    "acknowledged_within_3_pct",
    "median_working_days",
)
ENQUIRY_KEYS = ("member_enquiries", "member_enquiries_within_5_pct")
COMPLIMENT_KEYS = ("compliments",)
OMBUDSMAN_KEYS = (
    "ombudsman_received",
    "ombudsman_investigated",
    "ombudsman_fault_found",
    "ombudsman_remedy_total",
)
# Scalar measures a history file may hold for years without case-level data.
HISTORY_MEASURES = frozenset(COMPLAINT_KEYS + ENQUIRY_KEYS + COMPLIMENT_KEYS + OMBUDSMAN_KEYS)
# Measures a comparators file may give for other councils: the section 4 scalar metric names.
COMPARATOR_MEASURES = HISTORY_MEASURES | {
    "complaints_per_1000_service_users",
    "complaints_per_100k_population",
    "ombudsman_upheld_pct",
    "escalation_pct",
    "stage2_within_timescale_pct",
    "stage3_within_timescale_pct",
    "mean_working_days",
}


def percent(part: int, whole: int) -> int | None:
    """A whole-number percentage rounded half up from exact counts; None when there is no whole."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


def counts(values) -> dict[str, int]:
    """Name -> count, largest first, then by name (stable for charts and JSON)."""
    tally = Counter(v for v in values if v is not None and not (isinstance(v, float) and pd.isna(v)))
    return dict(sorted(tally.items(), key=lambda item: (-item[1], str(item[0]))))


def _in_year(frame: pd.DataFrame, service: str, year: ReportingYear) -> pd.DataFrame:
    if frame.empty:
        return frame
    mask = (frame["service"] == service) & year.mask(frame["received"])
    return frame[mask]


def with_timeliness(complaints: pd.DataFrame) -> pd.DataFrame:
    """Complaint rows with working days taken, band, timescale and whether it was met."""
    frame = complaints.copy()

    def days(row) -> int | None:
        return (
            None
            if row.responded is None or pd.isna(row.responded)
            else wd.working_days_taken(row.received, row.responded)
        )

    frame["working_days"] = pd.array([days(r) for r in frame.itertuples()], dtype="Int64")
    frame["band"] = [None if pd.isna(d) else wd.band(int(d)) for d in frame["working_days"]]
    frame["timescale_days"] = [
        wd.timescale(r.service, int(r.stage), r.procedure, bool(r.extension)) for r in frame.itertuples()
    ]
    frame["within_timescale"] = [
        None if pd.isna(d) else bool(d <= t)
        for d, t in zip(frame["working_days"], frame["timescale_days"], strict=True)
    ]
    frame["acknowledged_days"] = pd.array(
        [
            None
            if r.acknowledged is None or pd.isna(r.acknowledged)
            else wd.working_days_taken(r.received, r.acknowledged)
            for r in frame.itertuples()
        ],
        dtype="Int64",
    )
    return frame


def stage1_cohort(inputs: Inputs, service: str, year: ReportingYear) -> pd.DataFrame:
    """Accepted stage 1 complaints received in the year, with timeliness columns."""
    rows = _in_year(inputs.complaints, service, year)
    rows = rows[(rows["stage"] == 1) & (rows["status"] == "accepted")]
    return with_timeliness(rows)


def _complaint_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    rows = _in_year(inputs.complaints, service, year)
    stage1 = rows[rows["stage"] == 1]
    accepted = stage1_cohort(inputs, service, year)
    later = rows[rows["status"] == "accepted"]
    outcomes = Counter(accepted["outcome"].dropna())
    decided = outcomes["upheld"] + outcomes["partly_upheld"] + outcomes["not_upheld"]
    responded = accepted[accepted["working_days"].notna()]
    bands = Counter(responded["band"])
    acknowledged = accepted[accepted["acknowledged_days"].notna()]
    result = {
        "complaints_received": len(stage1),
        "complaints_rejected": int((stage1["status"] == "rejected").sum()),
        "complaints_accepted": len(accepted),
        "statutory": int((accepted["procedure"] == "statutory").sum()),
        "corporate": int((accepted["procedure"] == "corporate").sum()),
        "stage2_received": int((later["stage"] == 2).sum()),
        "stage3_received": int((later["stage"] == 3).sum()),
        **{outcome: outcomes[outcome] for outcome in OUTCOME_KEYS},
        "open": _open(accepted),
        "outcome_not_recorded": int((accepted["outcome"].isna() & accepted["responded"].notna()).sum()),
        "upheld_or_partly_pct": percent(outcomes["upheld"] + outcomes["partly_upheld"], decided),
        "category_counts": counts(accepted["category"]),
        "team_counts": counts(accepted["team"]),
        "area_counts": counts(accepted["area"]),
        "area_team_counts": {
            area: counts(accepted[accepted["area"] == area]["team"]) for area in counts(accepted["area"])
        },
        "stage1_responded": len(responded),
        **{band: bands[band] for band in wd.BANDS},
        **{f"{band}_pct": percent(bands[band], len(responded)) for band in wd.BANDS},
        "stage1_within_timescale": int(responded["within_timescale"].sum()),
        "stage1_within_timescale_pct": percent(int(responded["within_timescale"].sum()), len(responded)),
        "acknowledged_within_3_pct": percent(
            int((acknowledged["acknowledged_days"] <= wd.ACKNOWLEDGEMENT_DAYS).sum()), len(acknowledged)
        ),
        "median_working_days": _median(responded["working_days"]),
        "rejection_reasons": counts(
            stage1[stage1["status"] == "rejected"]["rejection_reason"].fillna("Not recorded")
        ),
        "stage_table": _stage_table(later),
    }
    for stage in (2, 3):
        timed = with_timeliness(later[later["stage"] == stage]) if len(later) else later
        answered = timed[timed["working_days"].notna()] if len(timed) else timed
        result[f"stage{stage}_within_timescale_pct"] = (
            percent(int(answered["within_timescale"].sum()), len(answered)) if len(answered) else None
        )
    return result


def _open(rows: pd.DataFrame) -> int:
    """Open: no outcome and no response yet (contract: both are blank while a complaint is open)."""
    return int((rows["outcome"].isna() & rows["responded"].isna()).sum())


def _median(values: pd.Series) -> int | float | None:
    numbers = [int(v) for v in values.dropna()]
    if not numbers:
        return None
    middle = median(numbers)
    return int(middle) if float(middle).is_integer() else float(middle)


def _stage_table(accepted: pd.DataFrame) -> list[dict]:
    """Per stage: received, by procedure, and by outcome (Children's report table 4.6)."""
    table = []
    for stage in (1, 2, 3):
        rows = accepted[accepted["stage"] == stage]
        outcomes = Counter(rows["outcome"].dropna())
        table.append(
            {
                "stage": stage,
                "received": len(rows),
                "statutory": int((rows["procedure"] == "statutory").sum()),
                "corporate": int((rows["procedure"] == "corporate").sum()),
                **{outcome: outcomes[outcome] for outcome in OUTCOME_KEYS},
                "open": _open(rows),
            }
        )
    return table


def _enquiry_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    rows = _in_year(inputs.enquiries, service, year)
    answered = rows[rows["responded"].notna()]
    within = sum(
        wd.working_days_taken(r.received, r.responded) <= wd.MEMBER_ENQUIRY_DAYS
        for r in answered.itertuples()
    )
    return {
        "member_enquiries": len(rows),
        "member_enquiries_responded": len(answered),
        "member_enquiries_within_5": int(within),
        "member_enquiries_within_5_pct": percent(int(within), len(answered)),
        "member_enquiries_by_area": counts(rows["service_area"]),
    }


def _compliment_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    rows = _in_year(inputs.compliments, service, year)
    return {"compliments": len(rows), "compliments_by_team": counts(rows["team"])}


def _text(value) -> str | None:
    """A free-text cell for JSON: blank cells (None or NaN) become None."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _ombudsman_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    rows = _in_year(inputs.ombudsman, service, year)
    investigated = rows[rows["investigated"] == True]  # noqa: E712 - a boolean column
    fault = rows[rows["finding"] == "fault_found"]  # read from the Ombudsman's wording by vocabulary.FINDINGS
    total = float(rows["remedy_amount"].fillna(0).sum())
    return {
        "ombudsman_received": len(rows),
        "ombudsman_investigated": len(investigated),
        "ombudsman_not_investigated": len(rows) - len(investigated),
        "ombudsman_fault_found": len(fault),
        "ombudsman_remedy_total": int(total) if total.is_integer() else round(total, 2),
        "ombudsman_area_counts": counts(rows["area"].fillna("Not recorded")),
        "ombudsman_reasons_not_investigated": [
            r
            for r in rows[rows["investigated"] == False]["reason_not_investigated"].fillna("Not recorded")  # noqa: E712
        ],
        "ombudsman_cases": [
            {
                "summary": _text(r.summary),
                "finding": _text(r.finding),
                "decision": _text(r.finding_wording),
                "remedy": _text(r.remedy),
                "remedy_amount": None if pd.isna(r.remedy_amount) else r.remedy_amount,
            }
            for r in investigated.itertuples()
        ],
    }


_GROUPS = (
    ("complaints", _complaint_metrics),
    ("enquiries", _enquiry_metrics),
    ("compliments", _compliment_metrics),
    ("ombudsman", _ombudsman_metrics),
)


def _history_values(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    rows = inputs.history
    if rows.empty:
        return {}
    rows = rows[(rows["service"] == service) & (rows["year"] == year.label)]
    return {r.measure: int(r.value) if float(r.value).is_integer() else r.value for r in rows.itertuples()}


def has_case_data(inputs: Inputs, kind: str, service: str, year: ReportingYear) -> bool:
    """Whether the case records give this kind's figures for the year.

    Complaints: when any were received. Enquiries, compliments and Ombudsman cases: also
    when none were, if their export is there and the year is one the complaints cover (from
    the first year that export has records for the service): then the figure is a true zero,
    not a gap for ``history`` to fill.
    """
    frame = inputs.frame(kind)
    if not _in_year(frame, service, year).empty:
        return True
    if kind == "complaints" or frame.empty:
        return False
    received = frame.loc[frame["service"] == service, "received"]
    if not received.empty and year < ReportingYear.containing(min(received)):
        return False
    return has_case_data(inputs, "complaints", service, year)


def year_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    """Every figure for one year without the previous-year comparison; unknown keys are absent."""
    result: dict = {"year": year.label, "service": service, "year_display": year.display}
    for kind, compute in _GROUPS:
        if has_case_data(inputs, kind, service, year):
            result.update({k: v for k, v in compute(inputs, service, year).items() if v is not None})
    for measure, value in _history_values(inputs, service, year).items():
        result.setdefault(measure, value)
    return result


IDENTITY_KEYS = ("year", "service", "year_display")


def is_known(figures: dict) -> bool:
    """Whether a year's figures hold anything beyond which year and service they are for."""
    return any(key not in IDENTITY_KEYS for key in figures)


def compute_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    """The contract's ``metrics.json`` for a service and year, with ``previous_year`` where known."""
    result = year_metrics(inputs, service, year)
    result["service_name"] = SERVICE_NAMES[service]
    previous = year_metrics(inputs, service, year.previous)
    if is_known(previous):
        result["previous_year"] = previous
    return result


def trend(inputs: Inputs, service: str, year: ReportingYear, years: int = 3) -> list[dict]:
    """The figures of this year and the years before it, oldest first (known years only)."""
    series = []
    for back in range(years - 1, -1, -1):
        figures = year_metrics(inputs, service, ReportingYear(year.start - back))
        if is_known(figures):
            series.append(figures)
    return series
