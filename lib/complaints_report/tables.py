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
            " and ".join(f"{shown(n, threshold)} {team}" for team, n in teams.items())
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


def stages_table(figures: dict) -> Table:
    rows = []
    threshold = figures.get("suppressed_below")
    for row in figures["stage_table"]:
        row = {k: (shown(v, threshold) if v is None else v) for k, v in row.items()}
        rows.append(
            {
                "Stage": row["stage"],
                "Received": row["received"],
                "Statutory": row["statutory"],
                "Non-statutory": row["corporate"],
                "Upheld": row["upheld"],
                "Partly upheld": row["partly_upheld"],
                "Not upheld": row["not_upheld"],
                "Withdrawn": row["withdrawn"],
                "Open": row["open"],
            }
        )
    return Table(
        "table_stages",
        f"Complaints by stage, procedure and outcome in {figures['year_display']}",
        pd.DataFrame(rows),
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
    return Table(
        "table_ombudsman",
        f"Complaints investigated by the Ombudsman, received in {figures['year_display']}",
        data,
    )


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
