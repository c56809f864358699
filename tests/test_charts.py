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
    asc, childrens = with_committee_figures(asc_figures()), with_committee_figures(childrens_figures())
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


def test_committee_charts_join_each_report_in_their_places():
    asc = with_committee_figures(asc_figures())
    assert names(charts.asc_charts(asc, asc_history(asc))) == [
        "trend",  # in place of the three-year volume chart
        "quarters",
        "nature",
        "areas",
        "outcomes",
        "response_times",
        "ombudsman",
        "member_enquiries",
        "compliments",
        "comparators",
    ]
    childrens = with_committee_figures(childrens_figures())
    assert names(charts.childrens_charts(childrens, childrens_history(childrens))) == [
        "received",
        "trend",
        "quarters",
        "departments",
        "stages",
        "escalation",
        "nature",
        "timeliness",
        "compliments",
        "ombudsman",
        "comparators",
    ]


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


# --------------------------------------------------------------------------- the committee's charts


def with_committee_figures(figures: dict) -> dict:
    """The figures with the keys of the committee's charts: trend, quarters, escalation, comparators."""
    childrens = figures["service"] == "childrens"
    extra = {
        "complaints_trend": {"2017-18": 71, "2018-19": 66, "2019-20": 68, "2020-21": 62, "2021-22": 75},
        "quarterly_received": {"Q1": 9, "Q2": 12, "Q3": 26, "Q4": 16},
        "stage1_within_timescale": 51,
        "comparator_medians": {
            "complaints_per_1000_service_users": 41.1,
            "stage1_within_timescale_pct": 72.5,
        },
        "comparator_ranges": {
            "complaints_per_1000_service_users": {"lowest": 31.2, "highest": 55.0, "councils": 6},
            "stage1_within_timescale_pct": {"lowest": 62.0, "highest": 84.0, "councils": 6},
        },
        "complaints_per_1000_service_users": 36.8,
    }
    if childrens:
        extra["escalation_pct"] = 19
        extra["stage2_received"] = 12
        extra["stage3_received"] = 1
    return {**figures, **extra}


@pytest.mark.parametrize(
    ("values", "title"),
    [
        ([111, 104, 97, 89, 85], "Complaints received fell each year, from 111 in 2016/17 to 85 in 2020/21"),
        ([80, 85, 97, 99, 111], "Complaints received rose each year, from 80 in 2016/17 to 111 in 2020/21"),
        ([7, 7, 7, 7, 7], "Complaints received stayed at 7 a year from 2016/17 to 2020/21"),
        (
            [71, 66, 68, 62, 75],
            "More complaints were received in 2020/21 (75) than in any of the four years before",
        ),
        (
            [71, 66, 68, 62, 60],
            "Fewer complaints were received in 2020/21 (60) than in any of the four years before",
        ),
        (
            [71, 66, 68, 62, 70],
            "70 complaints received in 2020/21, within the range of the four years before (62 to 71)",
        ),
        (
            [71, 66, 71, 62, 71],
            "71 complaints received in 2020/21, within the range of the four years before (62 to 71)",
        ),
    ],
)
def test_trend_title_states_how_five_years_moved(values, title):
    years = ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21"]
    assert charts.trend_title(years, values) == title


@pytest.mark.parametrize(
    ("values", "title"),
    [
        ([0, 2, 4], "Complaints received rose each year, from zero in 2018/19 to 4 in 2020/21"),
        ([0, 5, 3], "3 complaints received in 2020/21, within the range of the two years before (zero to 5)"),
    ],
)
def test_trend_title_says_zero_in_words(values, title):
    assert charts.trend_title(["2018/19", "2019/20", "2020/21"], values) == title


def test_trend_of_two_years_is_a_change_not_a_trend():
    assert charts.trend_title(["2019/20", "2020/21"], [0, 3]) == (
        "Complaints received rose from zero to 3 between 2019/20 and 2020/21"
    )
    assert charts.trend_title(["2019/20", "2020/21"], [5, 5]) == (
        "Complaints received stayed at 5 between 2019/20 and 2020/21"
    )


def test_trend_chart_shows_the_years_known_oldest_first_this_year_picked_out():
    figures = {"year_display": "2021/22", "complaints_trend": {"2019-20": 68, "2020-21": 62, "2021-22": 75}}
    chart = charts.trend_chart(figures)
    assert chart.name == "trend"
    assert chart.data.to_dict("list") == {
        "year": ["2019/20", "2020/21", "2021/22"],
        "complaints_received": [68, 62, 75],
    }
    assert bar_colours(chart) == [charts.EARLIER.upper(), charts.EARLIER.upper(), charts.MAIN.upper()]
    assert "Complaints received by year: 2019/20: 68; 2020/21: 62; 2021/22: 75." in chart.alt


def test_a_single_year_has_no_trend_chart_and_asc_keeps_its_volume_chart():
    assert charts.trend_chart({"year_display": "2021/22", "complaints_trend": {"2021-22": 5}}) is None
    assert charts.trend_chart({"year_display": "2021/22"}) is None
    figures = asc_figures() | {"complaints_trend": {"2021-22": 90}}
    assert names(charts.asc_charts(figures, [figures]))[0] == "volume"


def test_quarters_chart_names_the_busiest_and_quietest_quarters_in_the_order_of_the_year():
    chart = charts.quarters_chart(
        {"year_display": "2021/22", "quarterly_received": {"Q1": 9, "Q2": 12, "Q3": 26, "Q4": 16}}
    )
    assert chart.title == "October to December had the most complaints (26), April to June the fewest (9)"
    assert chart.data["quarter"].tolist() == [
        "April to June",
        "July to September",
        "October to December",
        "January to March",
    ]
    assert bar_heights(chart) == [9, 12, 26, 16]
    assert (
        "April to June: 9; July to September: 12; October to December: 26; January to March: 16." in chart.alt
    )


def test_quarters_chart_ties_and_a_quarter_with_none():
    chart = charts.quarters_chart(
        {"year_display": "2020/21", "quarterly_received": {"Q1": 24, "Q2": 24, "Q3": 0, "Q4": 0}}
    )
    assert chart.title == (
        "April to June and July to September had the most complaints (24 each), "
        "and there were none in October to December and January to March"
    )
    assert "October to December: 0" in chart.alt


def test_quarters_chart_even_spread_single_case_and_none():
    even = charts.quarters_chart(
        {"year_display": "2020/21", "quarterly_received": {"Q1": 2, "Q2": 2, "Q3": 2, "Q4": 2}}
    )
    assert even.title == "Complaints came in evenly through the year: 2 in each quarter"
    single = charts.quarters_chart(
        {"year_display": "2020/21", "quarterly_received": {"Q1": 0, "Q2": 1, "Q3": 0, "Q4": 0}}
    )
    assert single.title.startswith("July to September had the most complaints (1), ")
    assert (
        charts.quarters_chart(
            {"year_display": "2020/21", "quarterly_received": dict.fromkeys(("Q1", "Q2", "Q3", "Q4"), 0)}
        )
        is None
    )
    assert charts.quarters_chart({"year_display": "2020/21"}) is None


def escalation_figures(**changes) -> dict:
    figures = {
        "year_display": "2021/22",
        "complaints_accepted": 63,
        "stage2_received": 12,
        "stage3_received": 1,
        "ombudsman_received": 6,
        "escalation_pct": 19,
        "previous_year": {"year_display": "2020/21", "escalation_pct": 9},
    }
    return {**figures, **changes}


def test_escalation_chart_follows_complaints_from_stage_1_to_the_ombudsman():
    chart = charts.escalation_chart(escalation_figures())
    assert chart.title == "19% of stage 1 complaints went on to stage 2 in 2021/22, up from 9% in 2020/21"
    assert chart.data["stage"].tolist() == ["Stage 1", "Stage 2", "Stage 3", "Ombudsman"]
    assert bar_widths(chart) == [63, 12, 1, 6]
    assert "Stage 1: 63; Stage 2: 12 (19%); Stage 3: 1 (2%); Ombudsman: 6 (10%)." in chart.alt


@pytest.mark.parametrize(
    ("previous", "ending"), [(25, ", down from 25% in 2020/21"), (19, ", the same as in 2020/21")]
)
def test_escalation_title_compares_with_last_year(previous, ending):
    figures = escalation_figures(previous_year={"year_display": "2020/21", "escalation_pct": previous})
    assert charts.escalation_title(figures).endswith(ending)


def test_escalation_of_none_is_said_in_words():
    none = escalation_figures(stage2_received=0, escalation_pct=0)
    assert charts.escalation_title(none) == (
        "None of the 63 stage 1 complaints went on to stage 2 in 2021/22, down from 9% in 2020/21"
    )
    one = escalation_figures(complaints_accepted=1, stage2_received=0, escalation_pct=0)
    assert charts.escalation_title(one) == "The one stage 1 complaint did not go on to stage 2 in 2021/22"


def test_no_escalation_chart_when_nothing_went_beyond_stage_1():
    figures = escalation_figures(stage2_received=0, stage3_received=0, ombudsman_received=0, escalation_pct=0)
    assert charts.escalation_chart(figures) is None


def test_escalation_of_a_handful_is_counts_and_there_is_none_for_asc():
    figures = escalation_figures(
        complaints_accepted=4, stage2_received=1, stage3_received=0, escalation_pct=25
    )
    del figures["ombudsman_received"]
    chart = charts.escalation_chart(figures)
    assert chart.title == "1 of 4 stage 1 complaints went on to stage 2 in 2021/22"
    assert "Stage 2: 1 of 4; Stage 3: 0 of 4." in chart.alt
    assert chart.data["stage"].tolist() == ["Stage 1", "Stage 2", "Stage 3"]
    asc = escalation_figures()
    del asc["escalation_pct"]
    assert charts.escalation_chart(asc) is None
    assert charts.escalation_chart(escalation_figures(complaints_accepted=0)) is None


def comparator_figures(**own) -> dict:
    return {
        "year_display": "2021/22",
        "comparator_medians": {
            "complaints_per_100k_population": 30.6,
            "ombudsman_upheld_pct": 72.5,
            "escalation_pct": 10.0,
        },
        "comparator_ranges": {
            "complaints_per_100k_population": {"lowest": 23.9, "highest": 40.6, "councils": 6},
            "ombudsman_upheld_pct": {"lowest": 55.0, "highest": 83.0, "councils": 6},
            "escalation_pct": {"lowest": 7.0, "highest": 16.0, "councils": 6},
        },
        **own,
    }


def test_comparators_chart_draws_this_council_against_the_median_and_range_of_each_measure():
    figures = comparator_figures(
        complaints_per_100k_population=30.7,
        ombudsman_upheld_pct=100,
        ombudsman_fault_found=3,
        ombudsman_investigated=3,
        escalation_pct=8,
    )
    chart = charts.comparators_chart(figures)
    assert chart.name == "comparators"
    assert (
        chart.title
        == "Compared with 6 similar councils in 2021/22: above their median on 2 of 3 measures, below on 1"
    )
    assert chart.data.to_dict("records")[1] == {
        "measure": "Ombudsman investigations with fault found",
        "this_council": 100,
        "similar_councils_median": 72.5,
        "similar_councils_lowest": 55.0,
        "similar_councils_highest": 83.0,
        "similar_councils": 6,
    }
    # a percentage of fewer than 10 cases is given with its counts
    assert (
        "Ombudsman investigations with fault found: this council 100% (3 of 3); 6 similar councils 55% to 83%, median 72.5%"
        in chart.alt
    )
    assert (
        "Complaints per 100,000 residents: this council 30.7; 6 similar councils 23.9 to 40.6, median 30.6"
        in chart.alt
    )
    assert len(chart.figure.axes) == 3
    assert set(bar_colours(chart)) == {charts.EARLIER.upper()}  # the ranges


@pytest.mark.parametrize(
    ("own", "ending"),
    [
        ({"escalation_pct": 12, "ombudsman_upheld_pct": 80}, "above their median on every measure shown"),
        ({"escalation_pct": 5}, "below their median on the one measure shown"),
        ({"escalation_pct": 10}, "level with their median on the one measure shown"),
        (
            {"escalation_pct": 5, "ombudsman_upheld_pct": 72.5},
            "below their median on 1 of 2 measures, level on 1",
        ),
        ({}, "their median and range on each measure"),
    ],
)
def test_comparators_title_counts_the_measures_above_and_below_the_median(own, ending):
    figures = comparator_figures(**own)
    assert charts.comparators_title(figures, list(figures["comparator_medians"])).endswith(ending)


def test_comparators_without_this_councils_figure_or_with_one_comparator():
    figures = comparator_figures()
    figures["comparator_ranges"]["escalation_pct"] = {"lowest": 9.0, "highest": 9.0, "councils": 1}
    figures["comparator_medians"]["escalation_pct"] = 9.0
    chart = charts.comparators_chart(figures)
    assert (
        "Complaints that went on to stage 2: this council no figure; 1 similar council 9%, median 9%"
        in chart.alt
    )
    assert chart.title.startswith(
        "Compared with similar councils in 2021/22"
    )  # 6 for some measures, 1 for another
    assert charts.comparators_chart({"year_display": "2021/22"}) is None


def test_measure_names_and_values_as_printed():
    assert charts.measure_name("complaints_per_1000_service_users") == "Complaints per 1,000 service users"
    assert (
        charts.measure_name("member_enquiries_within_5_pct")
        == "Member enquiries answered within 5 working days"
    )
    assert charts.measure_name("stage3_received") == "Stage 3 complaints received"
    assert charts.measure_name("repeat_complainants") == "Repeat complainants"
    assert charts.measure_value("ombudsman_upheld_pct", 72.5) == "72.5%"
    assert charts.measure_value("ombudsman_upheld_pct", 70.0) == "70%"
    assert charts.measure_value("complaints_per_1000_service_users", 30.0) == "30.0"
    assert charts.measure_value("complaints_received", 1200) == "1,200"
