"""Markdown snippets: captioned tables, figures with alt text and their data, the headline figures."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from complaints_report import charts, presentation
from complaints_report.charts import Chart
from complaints_report.tables import Table

pytestmark = pytest.mark.usefixtures("close_figures")


def shown(markdown: str) -> str:
    """Markdown as a reader sees its characters: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


# --------------------------------------------------------------------------- tables


def test_table_markdown_has_a_caption_line_with_a_cross_reference_label():
    table = Table(
        "table_areas",
        "Complaints by area in 2021/22",
        pd.DataFrame({"Area": ["Home care", "Finance"], "Complaints": [33, 8]}),
    )
    text = presentation.table_markdown(table)
    lines = text.rstrip("\n").split("\n")
    assert lines[-1] == ": Complaints by area in 2021\\/22 {#tbl-areas}"
    assert lines[-2] == ""  # the caption is its own paragraph after the table
    assert lines[0].startswith("|") and "Area" in lines[0] and "Complaints" in lines[0]
    assert "Home care" in text and "Finance" in text


def test_table_markdown_label_uses_hyphens():
    table = Table(
        "table_compliment_quotes", "Quotes", pd.DataFrame({"Team": ["A"], "Compliment": ["Thanks"]})
    )
    assert "{#tbl-compliment-quotes}" in presentation.table_markdown(table)


def test_markdown_table_formats_numbers_and_blanks():
    data = pd.DataFrame({"Measure": ["Received", "Remedies", "Median"], "2021/22": [1200, None, 7.5]})
    text = shown(presentation.markdown_table(data))
    assert "1,200" in text
    assert "–" in text  # an en dash for a blank
    assert "7.5" in text
    assert "nan" not in text.lower() and "None" not in text


def test_markdown_table_keeps_text_as_written():
    data = pd.DataFrame({"Code": ["007", "1e3"]})
    text = presentation.markdown_table(data)
    assert "007" in text and "1e3" in text  # not parsed as numbers


# --------------------------------------------------------------------------- figures


def bar_chart(
    alt: str = "Horizontal bar chart. Top issue. Complaints: A: 3; B: 1.", names=("A", "B")
) -> Chart:
    chart = charts.horizontal_bars(
        "response_times", dict(zip(names, (3, 1), strict=True)), "T", "complaints", "x"
    )
    return Chart(chart.name, "72% answered within 10 working days", alt, chart.data, chart.figure)


def test_figure_markdown_image_label_and_alt():
    text = presentation.figure_markdown(bar_chart(), "charts/response_times.png")
    assert text.startswith("![72\\% answered within 10 working days](charts/response_times.png)")
    alt = "Horizontal bar chart\\. Top issue\\. Complaints\\: A\\: 3\\; B\\: 1\\."
    assert '{#fig-response-times fig-alt="' + alt + '"}' in text


def test_figure_markdown_escapes_quotes_in_alt_text():
    text = presentation.figure_markdown(
        bar_chart(alt='Chart of the "Quality of service" category \\ more'), "a.png"
    )
    match = re.search(r'fig-alt="((?:[^"\\]|\\.)*)"\}', text)
    assert match, text
    assert shown(match.group(1)) == 'Chart of the "Quality of service" category \\ more'
    # the attribute ends where it should: nothing of the alt text spills out after it
    assert text.split("\n")[0].endswith('"}')


def test_figure_markdown_data_table_in_html_only_details():
    text = presentation.figure_markdown(bar_chart(), "charts/response_times.png")
    start = text.index('::: {.content-visible when-format="html"}')
    details_open = text.index("<details>")
    details_close = text.index("</details>")
    block_end = text.index(":::", details_close)
    assert start < details_open < details_close < block_end
    inside = text[details_open:details_close]
    assert "<summary>Data for this chart</summary>" in inside
    assert "| X" in inside and "| A" in inside and "| 3" in inside
    assert ": 72\\% answered within 10 working days \\(data\\)" in inside


def test_figure_caption_states_the_finding_then_what_the_chart_counts():
    chart = bar_chart()
    chart.note = "Complaints answered in 2021/22."
    text = presentation.figure_markdown(chart, "charts/response_times.svg")
    assert text.startswith(
        "![72\\% answered within 10 working days\\. [Complaints answered in 2021\\/22\\.]{.figure-note}]"
        "(charts/response_times.svg)"
    )
    assert ": 72\\% answered within 10 working days \\(data\\)" in text  # the data table: the title alone


def test_figure_data_comes_from_the_chart_not_from_its_csv():
    # the CSV of a chart carries a protective apostrophe before a formula; the report shows the value
    text = presentation.figure_markdown(bar_chart(names=("=SUM(A1)", "B")), "a.png")
    assert "\\=SUM\\(A1\\)" in text and "'=SUM" not in text


def test_chart_summary_escapes_the_title():
    chart = bar_chart()
    chart.title = "# <b>Team</b>"
    assert presentation.chart_summary(chart).startswith("### \\# \\<b\\>Team\\<\\/b\\>")


# --------------------------------------------------------------------------- headline figures


def figures_with_previous() -> dict:
    return {
        "year": "2021-22",
        "year_display": "2021/22",
        "service": "childrens",
        "complaints_received": 75,
        "complaints_accepted": 63,
        "upheld_or_partly_pct": 36,
        "ombudsman_remedy_total": 1100,
        "previous_year": {
            "year": "2020-21",
            "year_display": "2020/21",
            "complaints_received": 62,
            "complaints_accepted": 58,
            "upheld_or_partly_pct": 34,
            "member_enquiries": 12,
        },
    }


def test_headline_frame_this_year_and_last():
    frame = presentation.headline_frame(figures_with_previous())
    assert frame.columns.tolist() == ["Measure", "2021/22", "2020/21"]
    rows = frame.set_index("Measure")
    received = rows.loc["Complaints received (stage 1, rejected included)"]
    assert received["2021/22"] == 75 and received["2020/21"] == 62
    assert rows.loc["Accepted", "2021/22"] == 63
    assert rows.loc["Accepted", "2020/21"] == 58


def test_headline_frame_only_known_measures_in_contract_order():
    frame = presentation.headline_frame(figures_with_previous())
    assert frame["Measure"].tolist() == [
        "Complaints received (stage 1, rejected included)",
        "Accepted",
        "Upheld or partly upheld (% of decided)",
        "Member enquiries",
        "Remedies (£)",
    ]
    rows = frame.set_index("Measure")
    assert pd.isna(rows.loc["Member enquiries", "2021/22"])  # known only last year
    assert rows.loc["Member enquiries", "2020/21"] == 12


def test_headline_frame_without_previous_year():
    figures = figures_with_previous()
    del figures["previous_year"]
    frame = presentation.headline_frame(figures)
    assert frame.columns.tolist() == ["Measure", "2021/22", "Previous year"]
    assert frame["Previous year"].isna().all()


def test_headline_frame_as_markdown_shows_blanks_as_dashes():
    text = shown(presentation.markdown_table(presentation.headline_frame(figures_with_previous())))
    assert "1,100" in text
    member_line = next(line for line in text.split("\n") if "Member enquiries" in line)
    assert "–" in member_line and "12" in member_line
