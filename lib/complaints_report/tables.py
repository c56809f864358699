"""The tables of the annual report, built from the metrics (never typed in).

ASC: Table 1, complaints by LGSCO-style area with Ombudsman cases. Children's: complaints
by department; complaints by stage with procedure and outcome; Ombudsman cases with
decisions and remedies.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from complaints_report import wording
from complaints_report.rounding import percent
from complaints_report.suppression import shown


@dataclass
class Table:
    """A report table: a file name, a caption that says what it holds, and its data."""

    name: str
    caption: str
    data: pd.DataFrame


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


def tables_for(service: str, figures: dict) -> list[Table]:
    if service == "asc":
        tables = [areas_table(figures)]
    else:
        tables = [departments_table(figures), stages_table(figures)]
    if figures.get("ombudsman_cases"):
        tables.append(ombudsman_table(figures))
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
