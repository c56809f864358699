"""The figures of an annual complaints report, for one service and one reporting year.

Definitions follow the contract (sections 3 and 4); ``docs/methodology.md`` explains each
figure in plain words:

- Cohort: a complaint belongs to the reporting year in which that stage was received.
- Unless a key says otherwise it counts accepted stage 1 complaints received in the year.
- Timeliness and outcome figures are over that year's accepted complaints that have a
  response; open ones are counted separately.
- Percentages come from exact counts, each rounded half up to a whole number on its own
  (so a set of percentages may not add to 100). Means, rates and medians are rounded half up
  to one decimal place from their exact value (:func:`one_decimal`), never from a float.
- A key that does not apply, or cannot be known from the inputs, is absent: never null,
  never guessed.

A year with case-level data is computed from it; published figures in ``history`` fill
only what cannot be computed (e.g. years before the case-management system).

Everything is worked out over whole columns at once (pandas and numpy), so one service's
figures from an export of a million rows take about a second.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from complaints_report import working_days as wd
from complaints_report.loading import Inputs
from complaints_report.rounding import exact, one_decimal, percent  # noqa: F401 - part of metrics' API
from complaints_report.vocabulary import EQUALITY_COLUMNS, SERVICE_NAMES
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
    "mean_working_days",
    "stage2_within_timescale_pct",
    "stage3_within_timescale_pct",
    "repeat_complainants",
    "complaints_from_repeat_complainants",
)
ENQUIRY_KEYS = ("member_enquiries", "member_enquiries_within_5_pct")
COMPLIMENT_KEYS = ("compliments",)
OMBUDSMAN_KEYS = (
    "ombudsman_received",
    "ombudsman_investigated",
    "ombudsman_fault_found",
    "ombudsman_remedy_total",
)
# Figures worked out from other figures of the same year (see _ratios), whatever their source.
RATIO_KEYS = (
    "escalation_pct",
    "ombudsman_upheld_pct",
    "complaints_per_1000_service_users",
    "complaints_per_100k_population",
)
# Scalar measures a history file may hold for years without case-level data.
HISTORY_MEASURES = frozenset(COMPLAINT_KEYS + ENQUIRY_KEYS + COMPLIMENT_KEYS + OMBUDSMAN_KEYS + RATIO_KEYS)
# Measures a comparators file may give for other councils: the section 4 scalar metric names.
COMPARATOR_MEASURES = HISTORY_MEASURES

QUARTERS = ("Q1", "Q2", "Q3", "Q4")  # April-June, July-September, October-December, January-March
TREND_YEARS = 5  # complaints_trend: the year and the four before it (contract section 4)
NOT_RECORDED = "Not recorded"  # an equality label left blank
# Keys about other years or other councils: on their own they say nothing about this council's year.
SURROUNDING_KEYS = ("complaints_trend", "comparator_medians", "comparator_ranges")
# Context measures (contract section 2) and the rate each gives: per how many of them.
RATES = {
    "complaints_per_1000_service_users": ("service_users", 1000),
    "complaints_per_100k_population": ("population", 100_000),
}


# --------------------------------------------------------------------------- rounding


def median_of(values) -> Fraction | None:
    """The exact median: the middle value, or the mean of the middle two of an even number."""
    ordered = sorted(exact(v) for v in values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _objects(values) -> np.ndarray:
    """A text column as a numpy object array (free for pandas' string columns); blanks stay None/NaN."""
    return (
        values.to_numpy(dtype=object) if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    )


def _codes(values) -> tuple[np.ndarray, np.ndarray]:
    """Each cell's position among the column's distinct values, -1 where it is blank (None, NaN or "")."""
    codes, names = pd.factorize(_objects(values), use_na_sentinel=True)
    names = np.asarray(names, dtype=object)
    empty = np.flatnonzero(names == "")
    if empty.size:
        codes = np.where(codes == empty[0], -1, codes)
    return codes, names


def _tally(values) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of a column (blanks left out) and how many times each occurs."""
    codes, names = _codes(values)
    return names, np.bincount(codes[codes >= 0], minlength=len(names))


def _ranked(names, tally) -> dict[str, int]:
    """Name -> count for the names counted at least once, largest first, then by name."""
    found = [(name, int(n)) for name, n in zip(names, tally, strict=True) if n]
    return dict(sorted(found, key=lambda item: (-item[1], str(item[0]))))


def counts(values) -> dict[str, int]:
    """Name -> count, largest first, then by name (stable for charts and JSON); blanks are left out."""
    return _ranked(*_tally(values))


# --------------------------------------------------------------------------- one service's rows


class _ServiceRows:
    """One service's rows of every input kind, picked out once, with each year's rows on demand.

    Input kinds with a ``received`` date select a year by it; ``history``, ``context`` and
    ``comparators`` by their ``year`` column.
    """

    def __init__(self, inputs: Inputs, service: str):
        self.inputs = inputs
        self.service = service
        self._frames: dict[str, pd.DataFrame] = {}
        self._years: dict[tuple[str, ReportingYear], pd.DataFrame] = {}

    def frame(self, kind: str) -> pd.DataFrame:
        if kind not in self._frames:
            frame = self.inputs.frame(kind)
            self._frames[kind] = frame if frame.empty else frame[frame["service"] == self.service]
        return self._frames[kind]

    def in_year(self, kind: str, year: ReportingYear) -> pd.DataFrame:
        if (kind, year) not in self._years:
            frame = self.frame(kind)
            if not frame.empty:
                mask = frame["year"] == year.label if "year" in frame else year.mask(frame["received"])
                frame = frame[mask]
            self._years[(kind, year)] = frame
        return self._years[(kind, year)]


# --------------------------------------------------------------------------- timeliness


def with_timeliness(complaints: pd.DataFrame) -> pd.DataFrame:
    """Complaint rows with working days taken, band, timescale and whether it was met.

    Added columns: ``working_days`` and ``acknowledged_days`` (Int64, NA while there is no
    date), ``band`` (categorical, :data:`working_days.BANDS`), ``timescale_days`` (int) and
    ``within_timescale`` (boolean, NA while open). The rows given are left as they were.
    """
    frame = complaints.copy(deep=False)  # copy-on-write: new columns never reach the caller's frame
    frame["working_days"] = wd.working_days_taken_array(frame["received"], frame["responded"])
    frame["band"] = wd.band_array(frame["working_days"])
    frame["timescale_days"] = wd.timescale_array(
        frame["service"], frame["stage"], frame["procedure"], frame["extension"]
    )
    frame["within_timescale"] = (frame["working_days"] <= frame["timescale_days"]).astype("boolean")
    frame["acknowledged_days"] = wd.working_days_taken_array(frame["received"], frame["acknowledged"])
    return frame


def _stage1_cohort(rows: _ServiceRows, year: ReportingYear) -> pd.DataFrame:
    complaints = rows.in_year("complaints", year)
    return with_timeliness(complaints[(complaints["stage"] == 1) & _accepted(complaints)])


def _accepted(complaints: pd.DataFrame) -> np.ndarray:
    return _objects(complaints["status"]) == "accepted"


def stage1_cohort(inputs: Inputs, service: str, year: ReportingYear) -> pd.DataFrame:
    """Accepted stage 1 complaints received in the year, with timeliness columns."""
    return _stage1_cohort(_ServiceRows(inputs, service), year)


def _within_timescale(timed: pd.DataFrame) -> tuple[int, int]:
    """The complaints with a response, and how many of them were answered within their stage's timescale."""
    answered = timed[timed["working_days"].notna()]
    return len(answered), int(answered["within_timescale"].sum())


# --------------------------------------------------------------------------- complaints


def _complaint_metrics(rows: _ServiceRows, year: ReportingYear) -> dict:
    in_year = rows.in_year("complaints", year)
    stage = in_year["stage"].to_numpy(dtype=np.int64, na_value=0)
    accepted_rows = _accepted(in_year)
    rejected = (stage == 1) & (_objects(in_year["status"]) == "rejected")
    accepted = with_timeliness(in_year[(stage == 1) & accepted_rows])
    later = {n: in_year[(stage == n) & accepted_rows] for n in (2, 3)}  # accepted escalations
    row1 = _stage_row(1, accepted)
    outcome = {key: row1[key] for key in OUTCOME_KEYS}
    decided = outcome["upheld"] + outcome["partly_upheld"] + outcome["not_upheld"]
    responded = accepted[accepted["working_days"].notna()]
    bands = responded["band"].value_counts()
    acknowledged = accepted["acknowledged_days"].dropna()
    within_timescale = int(responded["within_timescale"].sum())
    acknowledged_in_time = int((acknowledged <= wd.ACKNOWLEDGEMENT_DAYS).sum())
    result = {
        "complaints_received": int((stage == 1).sum()),
        "complaints_rejected": int(rejected.sum()),
        "complaints_accepted": len(accepted),
        "statutory": row1["statutory"],
        "corporate": row1["corporate"],
        "stage2_received": len(later[2]),
        "stage3_received": len(later[3]),
        **outcome,
        "open": row1["open"],
        "outcome_not_recorded": int((accepted["outcome"].isna() & accepted["responded"].notna()).sum()),
        "upheld_or_partly_pct": percent(outcome["upheld"] + outcome["partly_upheld"], decided),
        "category_counts": counts(accepted["category"]),
        "team_counts": counts(accepted["team"]),
        "area_counts": counts(accepted["area"]),
        "area_team_counts": _area_team_counts(accepted),
        "quarterly_received": _quarterly(accepted["received"]),
        "stage1_responded": len(responded),
        **{band: int(bands.get(band, 0)) for band in wd.BANDS},
        **{f"{band}_pct": percent(int(bands.get(band, 0)), len(responded)) for band in wd.BANDS},
        "stage1_within_timescale": within_timescale,
        "stage1_within_timescale_pct": percent(within_timescale, len(responded)),
        "acknowledged_recorded": len(acknowledged),
        "acknowledged_within_3": acknowledged_in_time,
        "acknowledged_within_3_pct": percent(acknowledged_in_time, len(acknowledged)),
        "median_working_days": _median(responded["working_days"]),
        "mean_working_days": _mean(responded["working_days"]),
        "rejection_reasons": counts(in_year.loc[rejected, "rejection_reason"].fillna(NOT_RECORDED)),
        "stage_table": [row1, _stage_row(2, later[2]), _stage_row(3, later[3])],
        **_repeat_complainants(accepted),
    }
    equality = _equality_counts(accepted)
    if equality:
        result["equality_counts"] = equality
    if rows.service == "childrens":
        # Each later stage against its own timescale (contract section 3): statutory stage 2 25
        # working days or 65 with an extension, corporate stage 2 20, stage 3 30. A stage belongs
        # to the year it was received, even when its response came after the year end.
        # The counts behind each percentage are kept too (stage<N>_responded, stage<N>_within_timescale),
        # so the report can give a handful of cases as counts rather than a percentage.
        for n in (2, 3):
            answered, within = _within_timescale(with_timeliness(later[n]))
            result[f"stage{n}_responded"] = answered
            result[f"stage{n}_within_timescale"] = within
            result[f"stage{n}_within_timescale_pct"] = percent(within, answered)
    return result


def _open(rows: pd.DataFrame) -> int:
    """Open: no outcome and no response yet (contract: both are blank while a complaint is open)."""
    return int((rows["outcome"].isna() & rows["responded"].isna()).sum())


def _median(values: pd.Series) -> int | float | None:
    """The median number of working days: a whole number, or a half between two."""
    numbers = values.dropna().to_numpy(dtype=np.int64)
    if not numbers.size:
        return None
    numbers.sort()
    middle = numbers.size // 2
    twice = 2 * int(numbers[middle]) if numbers.size % 2 else int(numbers[middle - 1]) + int(numbers[middle])
    return twice // 2 if twice % 2 == 0 else twice / 2


def _mean(values: pd.Series) -> float | None:
    """The mean number of working days, rounded half up to one decimal place from the exact mean."""
    numbers = values.dropna().to_numpy(dtype=np.int64)
    if not numbers.size:
        return None
    return one_decimal(Fraction(int(numbers.sum()), numbers.size))


def _quarterly(received: pd.Series) -> dict[str, int]:
    """Complaints by quarter of the reporting year, by the date received (Q1 = April to June)."""
    quarter = (received.dt.month.to_numpy(dtype=np.int64) - 4) % 12 // 3
    tally = np.bincount(quarter, minlength=4)
    return {name: int(n) for name, n in zip(QUARTERS, tally, strict=True)}


def _area_team_counts(accepted: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Area -> team -> count, areas largest first (as ``area_counts``), each area's teams likewise."""
    area_codes, areas = pd.factorize(_objects(accepted["area"]), use_na_sentinel=True)
    team_codes, teams = pd.factorize(_objects(accepted["team"]), use_na_sentinel=True)
    both = (area_codes >= 0) & (team_codes >= 0)
    pairs = np.bincount(
        area_codes[both] * len(teams) + team_codes[both], minlength=len(areas) * len(teams)
    ).reshape(len(areas), len(teams))
    by_area = _ranked(areas, pairs.sum(axis=1))
    position = {area: n for n, area in enumerate(areas)}
    return {area: _ranked(teams, pairs[position[area]]) for area in by_area}


def _stage_row(stage: int, rows: pd.DataFrame) -> dict:
    """One stage's accepted complaints: received, by procedure, by outcome (Children's table 4.6)."""
    procedures, outcomes = counts(rows["procedure"]), counts(rows["outcome"])
    return {
        "stage": stage,
        "received": len(rows),
        "statutory": procedures.get("statutory", 0),
        "corporate": procedures.get("corporate", 0),
        **{outcome: outcomes.get(outcome, 0) for outcome in OUTCOME_KEYS},
        "open": _open(rows),
    }


def _repeat_complainants(accepted: pd.DataFrame) -> dict:
    """Complainants with two or more of the year's accepted stage 1 complaints, and those complaints.

    Only when the year's complaints give ``complainant`` at all (one or more of them has a
    value); a blank is nobody, never one person. Complaints in other years do not count. The
    identifiers themselves never leave this function.
    """
    codes, _ = _codes(accepted["complainant"])
    if not (codes >= 0).any():
        return {}
    per_person = np.bincount(codes[codes >= 0])
    repeat = per_person[per_person >= 2]
    return {"repeat_complainants": int(repeat.size), "complaints_from_repeat_complainants": int(repeat.sum())}


def _equality_counts(accepted: pd.DataFrame) -> dict[str, dict[str, int]]:
    """Equality column -> label -> count of the year's accepted stage 1 complaints.

    A column is included when the year's complaints give it at all (one or more has a label);
    its blanks are then counted as ``Not recorded``. Labels are as recorded.
    """
    result = {}
    for column in EQUALITY_COLUMNS:
        codes, names = _codes(accepted[column])
        if (codes >= 0).any():
            labels = _ranked(names, np.bincount(codes[codes >= 0], minlength=len(names)))
            if blanks := int((codes < 0).sum()):
                labels[NOT_RECORDED] = labels.get(NOT_RECORDED, 0) + blanks
            result[column] = _ranked(list(labels), list(labels.values()))
    return result


# --------------------------------------------------------------------------- other kinds


def _enquiry_metrics(rows: _ServiceRows, year: ReportingYear) -> dict:
    in_year = rows.in_year("enquiries", year)
    taken = wd.working_days_taken_array(in_year["received"], in_year["responded"])
    answered = int((~taken.isna()).sum())
    within = int((taken <= wd.MEMBER_ENQUIRY_DAYS).sum())
    return {
        "member_enquiries": len(in_year),
        "member_enquiries_responded": answered,
        "member_enquiries_within_5": within,
        "member_enquiries_within_5_pct": percent(within, answered),
        "member_enquiries_by_area": counts(in_year["service_area"]),
    }


def _compliment_metrics(rows: _ServiceRows, year: ReportingYear) -> dict:
    in_year = rows.in_year("compliments", year)
    return {"compliments": len(in_year), "compliments_by_team": counts(in_year["team"])}


def _text(value) -> str | None:
    """A free-text cell for JSON: blank cells (None or NaN) become None."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _ombudsman_metrics(rows: _ServiceRows, year: ReportingYear) -> dict:
    in_year = rows.in_year("ombudsman", year)
    investigated = in_year[in_year["investigated"] == True]  # noqa: E712 - a boolean column
    not_investigated = in_year[in_year["investigated"] == False]  # noqa: E712
    fault = in_year["finding"] == "fault_found"  # read from the Ombudsman's wording by vocabulary.FINDINGS
    total = float(in_year["remedy_amount"].fillna(0).sum())
    return {
        "ombudsman_received": len(in_year),
        "ombudsman_investigated": len(investigated),
        "ombudsman_not_investigated": len(in_year) - len(investigated),
        "ombudsman_fault_found": int(fault.sum()),
        "ombudsman_remedy_total": int(total) if total.is_integer() else round(total, 2),
        "ombudsman_area_counts": counts(in_year["area"].fillna(NOT_RECORDED)),
        "ombudsman_reasons_not_investigated": [
            str(reason) for reason in not_investigated["reason_not_investigated"].fillna(NOT_RECORDED)
        ],
        # No case reference: metrics.json is published.
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


def _history_values(rows: _ServiceRows, year: ReportingYear) -> dict:
    published = rows.in_year("history", year)
    return {
        r.measure: int(r.value) if float(r.value).is_integer() else r.value
        for r in published[["measure", "value"]].itertuples()
    }


# --------------------------------------------------------------------------- figures from figures


def _one_value(values: pd.Series) -> Fraction | None:
    """The value several rows agree on; None when there is none or they disagree (never a guess)."""
    distinct = {exact(v) for v in values.dropna()}
    return distinct.pop() if len(distinct) == 1 else None


def _ratios(rows: _ServiceRows, year: ReportingYear, figures: dict) -> dict:
    """Figures worked out from the year's other figures (case data or history) and its context.

    - ``escalation_pct`` (Children's): stage 2 received / accepted stage 1 complaints;
    - ``ombudsman_upheld_pct``: fault found / investigated by the Ombudsman;
    - ``complaints_per_1000_service_users``, ``complaints_per_100k_population``: accepted
      stage 1 complaints per 1,000 service users / 100,000 residents, where ``context`` gives
      that measure for the service and year (one value, above zero), rounded half up to one
      decimal place.
    """
    result = {}
    if rows.service == "childrens" and "stage2_received" in figures and "complaints_accepted" in figures:
        result["escalation_pct"] = percent(figures["stage2_received"], figures["complaints_accepted"])
    if "ombudsman_fault_found" in figures and "ombudsman_investigated" in figures:
        result["ombudsman_upheld_pct"] = percent(
            figures["ombudsman_fault_found"], figures["ombudsman_investigated"]
        )
    context = rows.in_year("context", year)
    if "complaints_accepted" in figures and not context.empty:
        for key, (measure, per) in RATES.items():
            base = _one_value(context.loc[context["measure"] == measure, "value"])
            if base is not None and base > 0:
                result[key] = one_decimal(Fraction(figures["complaints_accepted"] * per) / base)
    return {key: value for key, value in result.items() if value is not None}


def _comparator_values(rows: _ServiceRows, year: ReportingYear) -> dict[str, list[Fraction]]:
    """Measure -> the comparator councils' values for the year and service, one per council.

    A council whose rows for a measure disagree is left out of that measure (never a guess).
    """
    given = rows.in_year("comparators", year)
    result = {}
    for measure in sorted(set(given["measure"].dropna())):
        per_council = given[given["measure"] == measure].groupby("council", sort=True)["value"]
        values = [value for _, group in per_council if (value := _one_value(group)) is not None]
        if values:
            result[measure] = values
    return result


def _comparator_medians(values: dict[str, list[Fraction]]) -> dict[str, float]:
    """Measure -> the median of the comparator councils' values: an even number of councils
    averages the middle two; rounded half up to one decimal place."""
    return {measure: one_decimal(median_of(given)) for measure, given in values.items()}


def _comparator_ranges(values: dict[str, list[Fraction]]) -> dict[str, dict]:
    """Measure -> the lowest and highest of the comparator councils' values (rounded half up to one
    decimal place, as the median is) and how many councils gave one: the range a chart draws the
    median in. The councils' names are not kept: only their published figures are needed."""
    return {
        measure: {
            "lowest": one_decimal(min(given)),
            "highest": one_decimal(max(given)),
            "councils": len(given),
        }
        for measure, given in values.items()
    }


def _complaints_trend(rows: _ServiceRows, year: ReportingYear) -> dict[str, int]:
    """Year -> complaints received, for the year and the four before it, oldest first, where known.

    Each year's figure is the one its own figures hold: from case data where the complaints
    cover that year, else a published ``history`` figure; a year with neither is left out.
    """
    result = {}
    for back in range(TREND_YEARS - 1, -1, -1):
        earlier = ReportingYear(year.start - back)
        complaints = rows.in_year("complaints", earlier)
        if not complaints.empty:
            result[earlier.label] = int((complaints["stage"] == 1).sum())
        elif "complaints_received" in (published := _history_values(rows, earlier)):
            result[earlier.label] = published["complaints_received"]
    return result


# --------------------------------------------------------------------------- a year's figures


def _has_case_data(rows: _ServiceRows, kind: str, year: ReportingYear) -> bool:
    if not rows.in_year(kind, year).empty:
        return True
    frame = rows.frame(kind)
    if kind == "complaints" or rows.inputs.frame(kind).empty:
        return False
    if not frame.empty and year < ReportingYear.containing(frame["received"].min()):
        return False
    return _has_case_data(rows, "complaints", year)


def has_case_data(inputs: Inputs, kind: str, service: str, year: ReportingYear) -> bool:
    """Whether the case records give this kind's figures for the year.

    Complaints: when any were received. Enquiries, compliments and Ombudsman cases: also
    when none were, if their export is there and the year is one the complaints cover (from
    the first year that export has records for the service): then the figure is a true zero,
    not a gap for ``history`` to fill.
    """
    return _has_case_data(_ServiceRows(inputs, service), kind, year)


def _year_metrics(rows: _ServiceRows, year: ReportingYear) -> dict:
    result: dict = {"year": year.label, "service": rows.service, "year_display": year.display}
    for kind, compute in _GROUPS:
        if _has_case_data(rows, kind, year):
            result.update({k: v for k, v in compute(rows, year).items() if v is not None})
    for measure, value in _history_values(rows, year).items():
        result.setdefault(measure, value)
    result.update(_ratios(rows, year, result))  # worked out from the year's figures: they win over history
    if trend := _complaints_trend(rows, year):
        result["complaints_trend"] = trend
    if comparators := _comparator_values(rows, year):
        result["comparator_medians"] = _comparator_medians(comparators)
        result["comparator_ranges"] = _comparator_ranges(comparators)
    return result


def year_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    """Every figure for one year without the previous-year comparison; unknown keys are absent."""
    return _year_metrics(_ServiceRows(inputs, service), year)


IDENTITY_KEYS = ("year", "service", "year_display")


def is_known(figures: dict) -> bool:
    """Whether a year's figures say anything about the council's own year.

    Beyond which year and service they are for, that is: the trend of earlier years and the
    comparators' medians alone do not make a year known.
    """
    return any(key not in IDENTITY_KEYS + SURROUNDING_KEYS for key in figures)


def compute_metrics(inputs: Inputs, service: str, year: ReportingYear) -> dict:
    """The contract's ``metrics.json`` for a service and year, with ``previous_year`` where known."""
    inputs.check_scope(service, year)
    rows = _ServiceRows(inputs, service)
    result = _year_metrics(rows, year)
    result["service_name"] = SERVICE_NAMES[service]
    previous = _year_metrics(rows, year.previous)
    if is_known(previous):
        result["previous_year"] = previous
    return result


def trend(
    inputs: Inputs, service: str, year: ReportingYear, years: int = 3, computed: dict | None = None
) -> list[dict]:
    """The figures of this year and the years before it, oldest first (known years only).

    ``computed``, this year's :func:`compute_metrics` (before suppression), gives this year's and the
    previous year's figures without working them out again."""
    inputs.check_scope(service, year)
    rows = _ServiceRows(inputs, service)
    known: dict[ReportingYear, dict | None] = {}
    if computed is not None:
        if (computed.get("year"), computed.get("service")) != (year.label, service):
            raise ValueError(
                f"computed holds the figures of {computed.get('service')} {computed.get('year')}"
            )
        known[year] = {k: v for k, v in computed.items() if k not in ("service_name", "previous_year")}
        known[year.previous] = computed.get("previous_year")  # absent: not known (compute_metrics)
    series = []
    for back in range(years - 1, -1, -1):
        when = ReportingYear(year.start - back)
        figures = known[when] if when in known else _year_metrics(rows, when)
        if figures is not None and is_known(figures):
            series.append(figures)
    return series
