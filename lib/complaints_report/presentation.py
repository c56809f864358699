"""Markdown for one figure or one table, in the syntax Quarto and the built-in engine share.

A figure is ``![Title. [Note]{.figure-note}](charts/x.svg){#fig-x fig-alt="..."}`` followed
(in HTML only) by the data behind it under a disclosure: the caption states the chart's finding
(its title) and then what it counts (its note), which the page and the PDF set on a line of
its own; a table is a pipe table followed by its caption line
``: Caption {#tbl-x}``. Every title, alt text, heading and cell passes through
``markup.py``, so whatever an export holds prints as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from complaints_report import markup

if TYPE_CHECKING:  # pandas and the chart module are only needed where figures are made
    import pandas as pd

    from complaints_report.charts import Chart
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
COLUMN_HEADINGS = {"name": "Category", "count": "Number", "percent": "Per cent", "year": "Year"}


def cell(value) -> str:
    """A table cell's text: numbers with thousands separators, blanks as en dashes."""
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return "–"
    if hasattr(value, "item") and not isinstance(value, str):  # a numpy scalar
        value = value.item()
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a count in a column that also holds blanks
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def headline_frame(figures: dict) -> pd.DataFrame:
    """Key figures this year and last, for the notebook's summary."""
    import pandas as pd

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
    """A pipe table of a frame (without its index), every heading and cell escaped."""
    import pandas as pd

    def blank_or(value):
        return None if not isinstance(value, list | tuple | dict) and pd.isna(value) else value

    return markup.pipe_table(
        [str(column) for column in data.columns],
        [[cell(blank_or(value)) for value in row] for row in data.itertuples(index=False, name=None)],
    )


def table_label(name: str) -> str:
    """``table_areas`` -> ``tbl-areas``: the label ``@tbl-areas`` refers to."""
    return "tbl-" + name.removeprefix("table_").replace("_", "-")


def figure_label(name: str) -> str:
    """``response_times`` -> ``fig-response-times``: the label ``@fig-response-times`` refers to."""
    return "fig-" + name.replace("_", "-")


def table_markdown(table: Table) -> str:
    """A captioned, cross-referenceable table (``@tbl-<name>``)."""
    return f"{markdown_table(table.data)}\n\n{markup.caption_line(table.caption, table_label(table.name))}\n"


def column_heading(column: str) -> str:
    """A chart data column as a reader should see it: 'percent_within_timescale' -> 'Percent within timescale'."""
    return COLUMN_HEADINGS.get(column, column.replace("_", " ").capitalize())


def figure_markdown(chart: Chart, image: str) -> str:
    """A numbered figure with alt text, and (in HTML) the data behind it under a disclosure.

    ``image`` is the chart's path relative to the folder ``report.qmd`` is rendered in (Quarto's
    project root): Typst reads images only under its ``--root``, so an absolute path fails under
    Quarto (quarto-cli issue 7354).
    """
    data = chart.data.copy()
    data.columns = [column_heading(str(c)) for c in data.columns]
    title = markup.text(chart.title).strip()
    note = markup.text(chart.note).strip()
    caption = f"{title}\\. [{note}]{{.figure-note}}" if note else title
    return (
        f'![{caption}]({image}){{#{figure_label(chart.name)} fig-alt="{markup.attribute(chart.alt)}"}}\n\n'
        '::: {.content-visible when-format="html"}\n'
        "<details><summary>Data for this chart</summary>\n\n"
        f"{markdown_table(data)}\n\n"
        f": {markup.text(chart.title + ' (data)').strip()}\n\n"
        "</details>\n:::\n"
    )


def chart_summary(chart: Chart) -> str:
    """The chart's title and alt text, as the notebook shows them above the image."""
    note = f"{markup.text(chart.note).strip()}\n\n" if chart.note else ""
    return f"{markup.heading(3, chart.title)}\n\n{note}*Alt text:* {markup.text(chart.alt).strip()}"
