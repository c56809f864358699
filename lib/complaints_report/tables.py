"""The tables of the annual report, built from the metrics (never typed in).

ASC: Table 1, complaints by LGSCO-style area with Ombudsman cases. Children's: complaints
by department; complaints by stage with procedure and outcome; Ombudsman cases with
decisions and remedies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from complaints_report import wording
from complaints_report import working_days as wd
from complaints_report.rounding import percent
from complaints_report.suppression import shown


@dataclass
class Table:
    """A report table: a file name, a caption that says what it holds, and its data.

    A table with ``parts`` is published as one CSV (``data``, the file an analyst filters) but shown in
    the report as its parts, each a small table with its own caption (fragments.write): the equality
    table, one part a characteristic, reads on a phone without 21 stacked blocks.
    """

    name: str
    caption: str
    data: pd.DataFrame
    parts: tuple[Table, ...] = ()


def areas_table(figures: dict) -> Table:
    """ASC Table 1: complaints by area, the teams behind each, and LGSCO cases."""
    lgsco = dict(figures.get("ombudsman_area_counts", {}))
    rows = []
    for area, count in figures["area_counts"].items():
        teams = figures.get("area_team_counts", {}).get(area, {})
        threshold = figures.get("suppressed_below")
        split = (
            wording.join([f"{shown(n, threshold)} {team}" for team, n in teams.items()])
            if len(teams) > 1
            else ""
        )
        rows.append(
            {
                "Area": area,
                "Complaints": shown(count, threshold) if count is None else count,
                "Teams": split,
                "LGSCO cases": lgsco.pop(area, 0),
            }
        )
    unmatched = sum(lgsco.values())
    if unmatched:  # Ombudsman cases whose area is not one of this year's complaint areas
        rows.append({"Area": "Other or not recorded", "Complaints": 0, "Teams": "", "LGSCO cases": unmatched})
    data = pd.DataFrame(rows, columns=["Area", "Complaints", "Teams", "LGSCO cases"])
    if not data["Teams"].astype(bool).any():
        data = data.drop(columns="Teams")
    return Table("table_areas", f"Complaints by area (LGSCO categories) in {figures['year_display']}", data)


def departments_table(figures: dict) -> Table:
    total = figures["complaints_accepted"]
    data = pd.DataFrame(
        [
            {
                "Department": team,
                "Complaints": shown(n, figures.get("suppressed_below")) if n is None else n,
                "Share": "–" if n is None else f"{percent(n, total)}%",
            }
            for team, n in figures["team_counts"].items()
        ],
        columns=["Department", "Complaints", "Share"],
    )
    return Table("table_departments", f"Complaints accepted by department in {figures['year_display']}", data)


STAGE_MEASURES = (
    ("received", "Received"),
    ("statutory", "Statutory"),
    ("corporate", "Non-statutory"),
    ("upheld", "Upheld"),
    ("partly_upheld", "Partly upheld"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
    ("open", "Not concluded yet"),
)


def stages_table(figures: dict) -> Table:
    """Complaints by stage: one column a stage, one row a measure (received, by procedure, by outcome),
    so the table is four columns wide and fits a page and a screen (the seed's table, turned)."""
    threshold = figures.get("suppressed_below")
    stages = figures["stage_table"]
    data = pd.DataFrame(
        [
            {
                "Complaints": label,
                **{
                    f"Stage {row['stage']}": (shown(row[key], threshold) if row[key] is None else row[key])
                    for row in stages
                },
            }
            for key, label in STAGE_MEASURES
        ]
    )
    return Table(
        "table_stages",
        f"Complaints by stage, procedure and outcome in {figures['year_display']}",
        data,
    )


def _text(value, default: str) -> str:
    """A text field of a case; blank cells arrive as None or NaN and show as ``default``."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
        return default
    return str(value)


def _capitalised(text: str) -> str:
    """The first letter in capitals, the rest as recorded ('fault found, LGSCO' -> 'Fault found, LGSCO')."""
    return text[:1].upper() + text[1:]


def _amount(value) -> float | None:
    return None if value is None or pd.isna(value) or not value else value


def ombudsman_table(figures: dict) -> Table:
    """The complaints the Ombudsman investigated: what each was about, its decision and the remedy.
    Where every decision reads the same, the caption says it once instead of a column repeating it."""
    rows = [
        {
            "Complaint": _text(case.get("summary"), "Not recorded"),
            "Ombudsman decision": _capitalised(_text(case.get("decision"), "Not recorded")),
            "Remedy": _text(case.get("remedy"), "None")
            + (f" ({wording.pounds(case['remedy_amount'])})" if _amount(case.get("remedy_amount")) else ""),
        }
        for case in figures.get("ombudsman_cases", [])
    ]
    data = pd.DataFrame(rows, columns=["Complaint", "Ombudsman decision", "Remedy"])
    caption = f"Complaints investigated by the Ombudsman, received in {figures['year_display']}"
    decisions = set(data["Ombudsman decision"])
    if len(data) > 1 and len(decisions) == 1:
        caption += f". The decision in each: {next(iter(decisions)).lower()}"
        data = data.drop(columns="Ombudsman decision")
    return Table("table_ombudsman", caption, data)


def _in_time(count: int, whole: int) -> str:
    """'81%' of a stage's answers, the counts alone for fewer than 10 ('1 of 1'), 'none of 12' for none."""
    if count == 0:
        return f"none of {whole:,}"
    return f"{count:,} of {whole:,}" if whole < wording.SMALL_BASE else f"{percent(count, whole)}%"


# Each stage's timescale in words (contract section 3; the sources are in working_days.py), short
# enough for the table to fit a phone's width.
STAGE_TIMESCALES = {
    1: f"{wd.STAGE1_DAYS} working days ({wd.STAGE1_EXTENDED_DAYS} if extended)",
    2: (
        f"Statutory {wd.STATUTORY_STAGE2_DAYS} working days ({wd.STATUTORY_STAGE2_EXTENDED_DAYS} if extended); "
        f"non-statutory {wd.CORPORATE_STAGE2_DAYS}"
    ),
    3: f"{wd.STAGE3_PANEL_DAYS} working days (review panel)",
}


def stage_timeliness_table(figures: dict) -> Table:
    """Children's: each stage's complaints answered, and how many within that stage's own timescale.

    Over the accepted complaints received at the stage in the year that have a response (contract
    section 3); a stage with none answered is left out. 'In time' gives the count with its share,
    or the counts alone where a stage answered fewer than 10 ('1 of 1'); the caption states the
    finding the same way.
    """
    rows, found = [], []
    for stage in (1, 2, 3):
        answered = figures.get(f"stage{stage}_responded")
        within = figures.get(f"stage{stage}_within_timescale")
        if not answered or within is None:
            continue
        in_time = (
            f"{within:,} of {answered:,}"
            if answered < wording.SMALL_BASE
            else f"{within:,} ({percent(within, answered)}%)"
        )
        rows.append(
            {
                "Stage": f"Stage {stage}",
                "Timescale": STAGE_TIMESCALES[stage],
                "Answered": answered,
                "In time": in_time,
            }
        )
        found.append(f"{_in_time(within, answered)} at stage {stage}")
    data = pd.DataFrame(rows, columns=["Stage", "Timescale", "Answered", "In time"])
    caption = (
        f"How promptly each stage was answered in {figures['year_display']}: {wording.join(found)} on time"
        if found
        else f"How promptly each stage was answered in {figures['year_display']}"
    )
    return Table("table_stage_timeliness", caption, data)


# Equality characteristics (the contract's optional complaint columns) as the report names them.
CHARACTERISTICS = {"age_band": "Age", "sex": "Sex", "ethnicity": "Ethnic group", "disability": "Disability"}
# Answers that are not a group: listed after the groups, "Not recorded" last.
NO_ANSWER = ("prefer not to say", "not stated", "not known", "unknown", "declined", "refused")
_AGE = re.compile(r"^\s*(?:(?P<under>under|below|less than)\s+)?(?P<age>\d+)\b", re.I)


def characteristic_name(column: str) -> str:
    return CHARACTERISTICS.get(column, column.replace("_", " ").capitalize())


def _age_order(label: str) -> float | None:
    """Where an age band starts ('Under 18' before '18-24' before '85+'); None if it is not one."""
    match = _AGE.match(label)
    if not match:
        return None
    return int(match["age"]) - (0.5 if match["under"] else 0)


def equality_order(column: str, labels: list[str]) -> list[str]:
    """The order a reader expects: age bands by age, other groups largest first (as counted), then
    answers that are not a group, then 'Not recorded'."""
    from complaints_report.metrics import NOT_RECORDED

    groups = [label for label in labels if label != NOT_RECORDED and label.strip().lower() not in NO_ANSWER]
    others = [label for label in labels if label != NOT_RECORDED and label not in groups]
    if column == "age_band" and groups and all(_age_order(label) is not None for label in groups):
        groups = sorted(groups, key=_age_order)
    return groups + others + [label for label in labels if label == NOT_RECORDED]


def _equality_rows(figures: dict, column: str, counts: dict) -> list[dict]:
    """A characteristic's groups in reading order, each with its count ('fewer than N' where small-number
    suppression hid it) and its share of the complaints accepted (none for a hidden count)."""
    threshold = figures.get("suppressed_below")
    total = figures.get("complaints_accepted", 0)
    return [
        {
            "Group": label,
            "Complaints": shown(counts[label], threshold) if counts[label] is None else counts[label],
            "Per cent": "–" if counts[label] is None or not total else f"{percent(counts[label], total)}%",
        }
        for label in equality_order(column, list(counts))
    ]


def characteristic_table(figures: dict, column: str, counts: dict) -> Table:
    """One characteristic's small table: its groups, the complaints and their share, headed by the
    characteristic's name ('Ethnic group') so that each table reads on its own."""
    name = characteristic_name(column)
    data = pd.DataFrame(_equality_rows(figures, column, counts), columns=["Group", "Complaints", "Per cent"])
    data = data.rename(columns={"Group": name})
    slug = re.sub(r"[^a-z0-9]+", "_", column.lower()).strip("_") or "other"
    return Table(
        f"table_equality_{slug}",
        f"Complaints accepted in {figures['year_display']} by {in_sentence_name(name)}",
        data,
    )


def in_sentence_name(name: str) -> str:
    """A characteristic's name inside a caption: 'Ethnic group' -> 'ethnic group'."""
    return name[:1].lower() + name[1:]


def equality_table(figures: dict) -> Table:
    """Complaints accepted by each equality characteristic recorded, each characteristic on its own
    (never a cross-tabulation of two: small groups could identify people). A count hidden by
    small-number suppression (None) reads 'fewer than N' and has no percentage.

    Published as one CSV (``table_equality.csv``, a row a group, with its characteristic) and shown in
    the report as one small table a characteristic (``parts``)."""
    rows, parts = [], []
    for column, counts in (figures.get("equality_counts") or {}).items():
        rows += [
            {"Characteristic": characteristic_name(column), **row}
            for row in _equality_rows(figures, column, counts)
        ]
        parts.append(characteristic_table(figures, column, counts))
    data = pd.DataFrame(rows, columns=["Characteristic", "Group", "Complaints", "Per cent"])
    total = figures.get("complaints_accepted", 0)
    caption = (
        f"Equality information recorded with the {wording.no_or_count(total, 'complaint')} accepted in "
        f"{figures['year_display']}, each characteristic counted on its own"
    )
    return Table("table_equality", caption, data, tuple(parts))


def tables_for(service: str, figures: dict) -> list[Table]:
    if service == "asc":
        tables = [areas_table(figures)]
    else:
        tables = [departments_table(figures), stages_table(figures), stage_timeliness_table(figures)]
    if figures.get("ombudsman_cases"):
        tables.append(ombudsman_table(figures))
    if figures.get("equality_counts"):
        tables.append(equality_table(figures))
    return tables


def quotes_table(compliments: pd.DataFrame, service: str, year) -> Table:
    """Compliment quotes cleared for publication (``publish = yes``) received in the year, by team.

    A quote without ``publish = yes`` never leaves this function.
    """
    rows = compliments[
        (compliments["service"] == service)
        & year.mask(compliments["received"])
        & (compliments["publish"] == True)  # noqa: E712 - a boolean column
        & compliments["quote"].notna()
    ].sort_values(["team", "received", "reference"])
    data = pd.DataFrame(
        {"Team": rows["team"].tolist(), "Compliment": rows["quote"].tolist()}, columns=["Team", "Compliment"]
    )
    return Table(
        "table_compliment_quotes", f"Compliments received in {year.display}, cleared for publication", data
    )
