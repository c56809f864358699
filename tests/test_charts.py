"""Charts: findings as titles, alt text with every number, the data behind them, accessible colours."""

from __future__ import annotations

import copy

import matplotlib.pyplot as plt
import pytest
from builders import asc_figures, childrens_figures
from matplotlib.colors import to_hex

from complaints_report import charts
from complaints_report.working_days import BAND_LABELS

pytestmark = pytest.mark.usefixtures("close_figures")

# --------------------------------------------------------------------------- hand-made figures
# The figures come from tests/builders.py; these are the years a chart shows before them.


def asc_history(figures: dict) -> list[dict]:
    earlier = {"year": "2019-20", "service": "asc", "year_display": "2019/20", "complaints_received": 99}
    return [earlier, figures["previous_year"], figures]


def childrens_history(figures: dict) -> list[dict]:
    return [figures["previous_year"], figures]


def bar_widths(chart: charts.Chart, panel: int = 0) -> list[float]:
    return [patch.get_width() for patch in chart.figure.axes[panel].patches]


def bar_heights(chart: charts.Chart) -> list[float]:
    return [patch.get_height() for patch in chart.figure.axes[0].patches]


def bar_colours(chart: charts.Chart, panel: int = 0) -> list[str]:
    return [to_hex(patch.get_facecolor()).upper() for patch in chart.figure.axes[panel].patches]


# --------------------------------------------------------------------------- colours


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB hex colour."""
    colour = colour.lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


WHITE = "#FFFFFF"


def test_contrast_helper_matches_known_values():
    assert contrast("#000000", WHITE) == pytest.approx(21.0)
    assert contrast(WHITE, WHITE) == pytest.approx(1.0)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)


def test_palette_is_the_analysis_function_categorical_palette():
    assert [c.upper() for c in charts.PALETTE] == [
        "#12436D",
        "#28A197",
        "#801650",
        "#F46A25",
        "#3D3D3D",
        "#A285D1",
    ]
    assert charts.MAIN.upper() == "#12436D"


def test_this_year_and_earlier_years_are_told_apart_by_3_to_1_contrast():
    assert contrast(charts.MAIN, charts.EARLIER) >= 3.0


@pytest.mark.parametrize("colour", [charts.MAIN, charts.EARLIER])
def test_bar_colours_stand_out_from_the_white_background(colour):
    assert contrast(colour, WHITE) >= 3.0


def test_text_colour_contrast_with_the_background():
    # chart text is 12pt (not "large"), so hold it to the 4.5:1 of body text, above the 3:1 floor
    assert contrast(charts.TEXT, WHITE) >= 4.5


def test_chart_text_is_drawn_in_the_text_colour():
    chart = charts.category_chart(asc_figures())
    axes = chart.figure.axes[0]
    assert to_hex(axes.title.get_color()).upper() == charts.TEXT.upper()
    for label in axes.texts:  # bar value labels
        assert to_hex(label.get_color()).upper() == charts.TEXT.upper()


# --------------------------------------------------------------------------- building blocks


def test_horizontal_bars_data_alt_and_bars():
    counts = {"Quality of service": 40, "Communication": 25, "Charging": 20}
    chart = charts.horizontal_bars("nature", counts, "A title", "complaints", "nature of issue")
    assert chart.data["name"].tolist() == list(counts)
    assert chart.data["count"].tolist() == [40, 25, 20]
    assert chart.data["percent"].tolist() == [47, 29, 24]
    assert bar_widths(chart) == [40, 25, 20]
    assert set(bar_colours(chart)) == {charts.MAIN.upper()}
    assert chart.alt.startswith("Horizontal bar chart. A title. Complaints by nature of issue: ")
    for name, label in [
        ("Quality of service", "40 (47%)"),
        ("Communication", "25 (29%)"),
        ("Charging", "20 (24%)"),
    ]:
        assert f"{name}: {label}" in chart.alt


def test_horizontal_bars_without_percent():
    chart = charts.horizontal_bars("x", {"A": 3, "B": 1}, "T", "compliments", "team", with_percent=False)
    assert "percent" not in chart.data.columns
    assert "A: 3; B: 1." in chart.alt
    assert "%" not in chart.alt


def test_yearly_bars_picks_out_the_latest_year():
    chart = charts.yearly_bars("volume", ["2019/20", "2020/21", "2021/22"], [99, 89, 85], "T", "complaints")
    assert chart.data.columns.tolist() == ["year", "complaints"]
    assert chart.data["complaints"].tolist() == [99, 89, 85]
    assert bar_heights(chart) == [99, 89, 85]
    assert bar_colours(chart) == [charts.EARLIER.upper(), charts.EARLIER.upper(), charts.MAIN.upper()]
    assert "2019/20: 99; 2020/21: 89; 2021/22: 85." in chart.alt


def test_yearly_bars_with_a_unit():
    chart = charts.yearly_bars(
        "t", ["2020/21", "2021/22"], [74, 81], "T", "percent_within_timescale", unit="%"
    )
    assert "2020/21: 74%; 2021/22: 81%." in chart.alt


# --------------------------------------------------------------------------- ASC charts


def test_volume_chart_title_states_the_change():
    figures = asc_figures()
    chart = charts.volume_chart(figures, asc_history(figures))
    assert chart.name == "volume"
    # 2019/20 is known only as a published "received" figure, so every year is shown as received
    assert chart.title == "90 complaints in 2021/22, slightly lower than last year's figure of 95"
    assert chart.data["complaints"].tolist() == [99, 95, 90]
    for year, value in [("2019/20", 99), ("2020/21", 95), ("2021/22", 90)]:
        assert f"{year}: {value}" in chart.alt


def test_volume_chart_uses_accepted_complaints_when_every_year_has_them():
    figures = asc_figures()
    chart = charts.volume_chart(figures, [figures["previous_year"], figures])
    assert chart.title == "85 complaints in 2021/22, slightly lower than last year's figure of 89"
    assert chart.data["complaints"].tolist() == [89, 85]
    assert bar_heights(chart) == [89, 85]


def test_volume_chart_first_year_has_no_comparison():
    figures = asc_figures()
    chart = charts.volume_chart(figures, [figures])
    assert chart.title == "85 complaints in 2021/22"


def test_category_chart_title_names_the_top_category_and_its_share():
    chart = charts.category_chart(asc_figures())
    assert chart.name == "nature"
    assert chart.title == "Quality of service was the most common issue (47%)"
    assert chart.title in chart.alt
    for name, count in asc_figures()["category_counts"].items():
        assert f"{name}: {count} (" in chart.alt


def test_area_chart():
    chart = charts.area_chart(asc_figures())
    assert chart.name == "areas"
    assert chart.title == "Assessment and care management had the most complaints (52, 61%)"
    assert chart.data["count"].tolist() == [52, 33]
    assert "Assessment and care management: 52 (61%); Home care: 33 (39%)." in chart.alt


def test_outcomes_chart_small_multiples():
    figures = asc_figures()
    chart = charts.outcomes_chart(figures, asc_history(figures))
    assert chart.name == "outcomes"
    assert chart.title == "Under half of the complaints decided in 2021/22 were upheld or partly upheld (38%)"
    assert len(chart.figure.axes) == 2  # one panel a year with outcomes
    assert chart.data["year"].unique().tolist() == ["2020/21", "2021/22"]
    this_year = chart.data[chart.data["year"] == "2021/22"]
    assert this_year["count"].tolist() == [20, 10, 50, 3]
    assert bar_widths(chart, panel=1) == [20, 10, 50, 3]
    assert set(bar_colours(chart, panel=0)) == {charts.EARLIER.upper()}
    assert set(bar_colours(chart, panel=1)) == {charts.MAIN.upper()}
    # percentages of those with an outcome (83 this year)
    assert (
        "2021/22: Upheld: 20 (25%); Partly upheld: 10 (13%); Not upheld: 50 (63%); Withdrawn: 3." in chart.alt
    )
    assert "2020/21: Upheld: 25 (29%)" in chart.alt  # 25 of 85 decided


def test_bands_chart():
    chart = charts.bands_chart(asc_figures())
    assert chart.name == "response_times"
    assert chart.title == "72% of responses were sent within 10 working days"
    assert chart.data["name"].tolist() == list(BAND_LABELS.values())
    assert chart.data["count"].tolist() == [60, 15, 8]
    for label, count in zip(BAND_LABELS.values(), [60, 15, 8], strict=True):
        assert f"{label}: {count} (" in chart.alt


def test_ombudsman_chart():
    figures = asc_figures()
    chart = charts.ombudsman_chart(figures, asc_history(figures))
    assert chart.name == "ombudsman"
    assert (
        chart.title
        == "4 complaints referred to the Ombudsman in 2021/22, much lower than last year's figure of 6"
    )
    assert chart.data["cases"].tolist() == [6, 4]
    assert "2020/21: 6; 2021/22: 4." in chart.alt


def test_enquiries_chart():
    chart = charts.enquiries_chart(asc_figures())
    assert chart.name == "member_enquiries"
    assert chart.title == "Home care accounted for the most Member enquiries (18)"
    assert "Home care: 18 (60%); Finance: 12 (40%)." in chart.alt


def test_compliments_chart():
    chart = charts.compliments_chart(asc_figures())
    assert chart.name == "compliments"
    assert chart.title == "Reablement received the most compliments (25)"
    assert chart.data["count"].tolist() == [25, 16]
    assert "Reablement: 25; Complex care: 16." in chart.alt


# --------------------------------------------------------------------------- Children's charts


def test_received_chart():
    chart = charts.received_chart(childrens_figures())
    assert chart.name == "received"
    assert chart.title == "63 of 75 complaints were accepted, 12 were rejected"
    assert chart.data["count"].tolist() == [75, 12, 63]
    assert "Received: 75; Rejected: 12; Accepted: 63." in chart.alt


def test_departments_chart():
    chart = charts.area_chart(childrens_figures(), "team_counts", "departments", "department")
    assert chart.name == "departments"
    assert chart.title == "Access and Assessment had the most complaints (12, 19%)"
    assert "Complaints by department:" in chart.alt


def test_stages_chart():
    chart = charts.stages_chart(childrens_figures())
    assert chart.name == "stages"
    assert chart.title == "Not upheld was the most common outcome at stage 1 (39 of 63)"
    assert chart.data.columns.tolist() == ["Outcome", "Stage 1", "Stage 2", "Stage 3"]
    assert chart.data["Stage 2"].tolist() == [1, 2, 1, 6, 2]
    assert len(chart.figure.axes) == 3
    assert bar_widths(chart, panel=1) == [1, 2, 1, 6, 2]
    assert "Stage 2: Upheld: 1; Partly upheld: 2; Not upheld: 1; Withdrawn: 6; Open: 2." in chart.alt


def test_timeliness_chart():
    figures = childrens_figures()
    chart = charts.timeliness_chart(figures, childrens_history(figures))
    assert chart.name == "timeliness"
    assert chart.title == "81% of stage 1 responses were within the timescale in 2021/22, up from 74%"
    assert chart.data["percent_within_timescale"].tolist() == [74, 81]
    assert "2020/21: 74%; 2021/22: 81%." in chart.alt


def test_timeliness_chart_down_and_same():
    figures = childrens_figures()
    figures["stage1_within_timescale_pct"] = 70
    assert charts.timeliness_chart(figures, childrens_history(figures)).title.endswith(", down from 74%")
    figures["stage1_within_timescale_pct"] = 74
    assert charts.timeliness_chart(figures, childrens_history(figures)).title.endswith(
        ", the same as last year"
    )


def test_ombudsman_outcomes_chart():
    chart = charts.ombudsman_outcomes_chart(childrens_figures())
    assert chart.name == "ombudsman"
    assert chart.title == ("6 Ombudsman complaints received, 3 with fault found; remedies totalled £1,100")
    assert chart.data.columns.tolist() == ["Ombudsman cases", "2020/21", "2021/22"]
    assert chart.data["2021/22"].tolist() == [6, 3, 3]
    assert chart.data["2020/21"].tolist() == [3, 1, 0]
    assert "2021/22: Received: 6; Investigated: 3; Fault found: 3." in chart.alt


def test_ombudsman_outcomes_chart_without_previous_year():
    figures = childrens_figures()
    del figures["previous_year"]
    chart = charts.ombudsman_outcomes_chart(figures)
    assert chart.data.columns.tolist() == ["Ombudsman cases", "2021/22"]


# --------------------------------------------------------------------------- every chart


def all_charts() -> list[charts.Chart]:
    asc, childrens = asc_figures(), childrens_figures()
    return charts.asc_charts(asc, asc_history(asc)) + charts.childrens_charts(
        childrens, childrens_history(childrens)
    )


def test_every_chart_has_title_alt_data_and_figure():
    for chart in all_charts():
        assert chart.title and chart.title in chart.alt, chart.name
        assert chart.alt.endswith("."), chart.name
        assert not chart.data.empty, chart.name
        assert isinstance(chart.figure, plt.Figure), chart.name
        # bars are drawn in the palette's colours exactly (no desaturation by the plotting library)
        drawn = {
            to_hex(patch.get_facecolor()).upper() for axes in chart.figure.axes for patch in axes.patches
        }
        assert drawn and drawn <= {charts.MAIN.upper(), charts.EARLIER.upper()}, (chart.name, drawn)
        # every number in the chart's data is in its alt text
        for value in chart.data.select_dtypes("number").to_numpy().ravel():
            if value != value:  # NaN: a share not given (withdrawn complaints have no share of those decided)
                continue
            assert f"{int(value):,}" in chart.alt, (chart.name, value)


# --------------------------------------------------------------------------- which charts


def names(chart_list) -> list[str]:
    return [chart.name for chart in chart_list]


def test_asc_charts_names():
    figures = asc_figures()
    assert names(charts.asc_charts(figures, asc_history(figures))) == [
        "volume",
        "nature",
        "areas",
        "outcomes",
        "response_times",
        "ombudsman",
        "member_enquiries",
        "compliments",
    ]


def test_asc_charts_skip_what_has_no_data():
    figures = asc_figures()
    for key in ("ombudsman_received", "member_enquiries_by_area", "compliments_by_team"):
        del figures[key]
    figures["stage1_responded"] = 0
    assert names(charts.asc_charts(figures, asc_history(figures))) == [
        "volume",
        "nature",
        "areas",
        "outcomes",
    ]


def test_asc_charts_skip_outcomes_when_nothing_was_decided():
    figures = asc_figures()
    # metrics leave out a percentage with no whole: every complaint still open
    figures.update(upheld=0, partly_upheld=0, not_upheld=0, withdrawn=0, open=85, stage1_responded=0)
    del figures["upheld_or_partly_pct"]
    assert "outcomes" not in names(charts.asc_charts(figures, asc_history(figures)))


def test_asc_charts_when_every_complaint_was_rejected():
    figures = asc_figures()
    figures.update(
        complaints_accepted=0,
        complaints_rejected=90,
        category_counts={},
        area_counts={},
        team_counts={},
        upheld=0,
        partly_upheld=0,
        not_upheld=0,
        withdrawn=0,
        open=0,
        stage1_responded=0,
    )
    del figures["upheld_or_partly_pct"]
    result = names(charts.asc_charts(figures, [figures]))
    assert "nature" not in result and "areas" not in result
    assert result[0] == "volume"


def test_childrens_charts_names():
    figures = childrens_figures()
    assert names(charts.childrens_charts(figures, childrens_history(figures))) == [
        "received",
        "departments",
        "stages",
        "nature",
        "timeliness",
        "compliments",
        "ombudsman",
    ]


def test_childrens_charts_skip_what_has_no_data():
    figures = childrens_figures()
    del figures["ombudsman_received"]
    figures["compliments_by_team"] = {}
    figures["stage1_responded"] = 0
    assert names(charts.childrens_charts(figures, childrens_history(figures))) == [
        "received",
        "departments",
        "stages",
        "nature",
    ]


def test_charts_for_dispatches_by_service():
    asc, childrens = asc_figures(), childrens_figures()
    assert names(charts.asc_charts(asc, asc_history(asc)))[0] == "volume"
    assert names(charts.childrens_charts(childrens, childrens_history(childrens)))[0] == "received"


def test_charts_do_not_change_the_figures():
    figures = asc_figures()
    before = copy.deepcopy(figures)
    charts.asc_charts(figures, asc_history(figures))
    assert figures == before
