"""Markdown for the notebooks and the report: figures with alt text and data, tables with captions.

The notebooks and ``report.qmd`` print these snippets; the Quarto-compatible syntax
(``{#fig-x fig-alt="..."}``, ``: caption {#tbl-x}``, ``.content-visible``) is understood by
Quarto and by the built-in engine alike.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from complaints_report.tables import Table

HEADLINE_KEYS = (
    ("complaints_received", "Complaints received (stage 1, rejected included)"),
    ("complaints_rejected", "Rejected"),
    ("complaints_accepted", "Accepted"),
    ("statutory", "Statutory procedure"),
    ("corporate", "Corporate (non-statutory) procedure"),
    ("stage2_received", "Stage 2 complaints received"),
    ("stage3_received", "Stage 3 complaints received"),
    ("upheld", "Upheld"),
    ("partly_upheld", "Partly upheld"),
    ("not_upheld", "Not upheld"),
    ("withdrawn", "Withdrawn"),
    ("open", "Open (no outcome yet)"),
    ("upheld_or_partly_pct", "Upheld or partly upheld (% of decided)"),
    ("within_10_pct", "Answered within 10 working days (%)"),
    ("within_20_pct", "Answered in 11 to 20 working days (%)"),
    ("over_20_pct", "Answered in over 20 working days (%)"),
    ("stage1_within_timescale_pct", "Stage 1 answered within timescale (%)"),
    ("acknowledged_within_3_pct", "Acknowledged within 3 working days (%)"),
    ("median_working_days", "Median working days to respond"),
    ("member_enquiries", "Member enquiries"),
    ("member_enquiries_within_5_pct", "Member enquiries answered within 5 working days (%)"),
    ("compliments", "Compliments"),
    ("ombudsman_received", "Ombudsman complaints received"),
    ("ombudsman_investigated", "Investigated by the Ombudsman"),
    ("ombudsman_fault_found", "Fault found"),
    ("ombudsman_remedy_total", "Remedies (£)"),
)


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a count in a column that also holds blanks
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def headline_frame(figures: dict) -> pd.DataFrame:
    """Key figures this year and last, for the notebook's summary and the report's appendix."""
    previous = figures.get("previous_year", {})
    rows = [
        {
            "Measure": label,
            figures["year_display"]: figures.get(key),
            previous.get("year_display", "Previous year"): previous.get(key),
        }
        for key, label in HEADLINE_KEYS
        if key in figures or key in previous
    ]
    return pd.DataFrame(rows)


def markdown_table(data: pd.DataFrame) -> str:
    """A pipe table; numbers with thousands separators, blanks as en dashes."""
    shown = data.copy()
    for column in shown.columns:
        shown[column] = [_cell(v) for v in shown[column]]
    return shown.to_markdown(index=False, disable_numparse=True)


def table_markdown(table: Table) -> str:
    """A captioned, cross-referenceable table (``@tbl-<name>``)."""
    return f"{markdown_table(table.data)}\n\n: {table.caption} {{#tbl-{_label(table.name)}}}\n"


def _label(name: str) -> str:
    return name.removeprefix("table_").replace("_", "-")


def _attribute(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "'")


COLUMN_HEADINGS = {"name": "Category", "count": "Number", "percent": "Per cent", "year": "Year"}


def column_heading(column: str) -> str:
    """A chart data column as a reader should see it: 'percent_within_timescale' -> 'Percent within timescale'."""
    return COLUMN_HEADINGS.get(column, column.replace("_", " ").capitalize())


def figure_markdown(entry: dict, base: Path | str = ".") -> str:
    """A numbered figure with alt text, and (in HTML) the data behind it under a disclosure."""
    image = Path(base) / entry["image"]
    data = pd.read_csv(Path(base) / entry["data"], keep_default_na=False)
    data.columns = [column_heading(c) for c in data.columns]
    label = entry["name"].replace("_", "-")
    return (
        f'![{entry["title"]}]({image.as_posix()}){{#fig-{label} fig-alt="{_attribute(entry["alt"])}"}}\n\n'
        f'::: {{.content-visible when-format="html"}}\n'
        f"<details><summary>Data for this chart</summary>\n\n"
        f"{markdown_table(data)}\n\n"
        f": {entry['title']} (data)\n\n"
        f"</details>\n:::\n"
    )
