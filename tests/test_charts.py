"""Charts: findings as titles, alt text with every number, the data behind them, accessible colours."""

from __future__ import annotations

import copy

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from builders import asc_figures, childrens_figures
from matplotlib.colors import to_hex

from complaints_report import charts

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
    # chart text is 13.5pt (not "large"), so hold it to the 4.5:1 of body text, above the 3:1 floor
    assert contrast(charts.TEXT, WHITE) >= 4.5


def test_chart_text_is_drawn_in_the_text_colour():
    chart = charts.category_chart(asc_figures())
    texts = chart.figure.axes[0].texts
    assert texts
    for label in texts:  # names and value labels
        assert to_hex(label.get_color()).upper() == charts.TEXT.upper()


# --------------------------------------------------------------------------- size, so text reads on a phone


BODY_PX_ON_A_PHONE = 17  # report.css: 1.0625rem below 40rem
BODY_PX_ON_A_LARGE_SCREEN = 18
PHONE_COLUMN_PX = 375 - 2 * 16 - 2  # the page's side padding and the chart's 1px frame


def test_chart_text_is_at_least_body_text_at_its_own_size_and_on_a_phone():
    natural_px = charts.WIDTH * 96
    font_px = charts.FONT_SIZE * charts.PX_PER_POINT
    assert font_px >= BODY_PX_ON_A_LARGE_SCREEN  # shown at its own size, never enlarged
    assert font_px * min(1, PHONE_COLUMN_PX / natural_px) >= BODY_PX_ON_A_PHONE


def all_charts() -> list[charts.Chart]:
    """Every chart of both reports, the committee's included (trend, quarters, escalation, comparators)."""
    asc, childrens = with_committee_figures(asc_figures()), with_committee_figures(childrens_figures())
    return charts.asc_charts(asc, asc_history(asc)) + charts.childrens_charts(
        childrens, childrens_history(childrens)
    )


def test_every_chart_is_the_same_width_with_all_its_text_at_one_size_inside_the_image():
    made = all_charts() + [long_names_chart()]
    for chart in made:
        width, _ = chart.figure.get_size_inches()
        assert width == pytest.approx(charts.WIDTH), chart.name
        chart.figure.canvas.draw()
        renderer = chart.figure.canvas.get_renderer()
        box = chart.figure.bbox
        for text in chart.figure.findobj(matplotlib.text.Text):
            if not text.get_text() or not text.get_visible():
                continue
            assert text.get_fontsize() == pytest.approx(charts.FONT_SIZE), (chart.name, text.get_text())
            extent = text.get_window_extent(renderer)
            assert extent.x0 >= box.x0 - 0.5 and extent.x1 <= box.x1 + 0.5, (chart.name, text.get_text())
            assert extent.y0 >= box.y0 - 0.5 and extent.y1 <= box.y1 + 0.5, (chart.name, text.get_text())


def long_names_chart() -> charts.Chart:
    counts = {
        "Hospital Discharge and Community Reablement Team": 12,
        "Assessment and care planning": 9,
        "Supercalifragilisticexpialidociousandmoreandmoreandmore": 1,
        "Safeguarding": 3,
    }
    return charts.horizontal_bars("nature", counts, "T", "complaints", "team")


def test_long_names_wrap_across_the_chart_and_never_over_its_bars():
    chart = long_names_chart()
    headings = [t.get_text() for t in chart.figure.axes[0].texts if t.get_horizontalalignment() == "left"]
    width = charts.WIDTH * 72 - 2 * charts.MARGIN
    assert "Hospital Discharge and Community" in headings[0]
    assert all(charts.text_width(line) <= width for line in headings)
    assert any(line.startswith("Supercalifragilistic") for line in headings)


def test_wrap_breaks_between_words_and_inside_a_word_too_long_for_a_line():
    assert charts.wrap("Assessment and care planning", 1000) == ["Assessment and care planning"]
    lines = charts.wrap("A " + "x" * 80, 100)
    assert (
        all(charts.text_width(line) <= 100 for line in lines)
        and "".join(lines).replace(" ", "") == "A" + "x" * 80
    )


# --------------------------------------------------------------------------- building blocks


def test_horizontal_bars_data_alt_and_bars():
    counts = {"Quality of service": 40, "Communication": 25, "Charging": 20}
    chart = charts.horizontal_bars("nature", counts, "A title", "complaints", "nature of issue")
    assert chart.data["nature of issue"].tolist() == list(counts)
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
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert labels == ["Quality of service", "40 (47%)", "Communication", "25 (29%)", "Charging", "20 (24%)"]


def test_horizontal_bars_without_percent_and_for_a_handful():
    chart = charts.horizontal_bars("x", {"A": 3, "B": 1}, "T", "compliments", "team", with_percent=False)
    assert "percent" not in chart.data.columns
    assert "A: 3; B: 1." in chart.alt
    assert "%" not in chart.alt
    handful = charts.horizontal_bars("x", {"A": 2, "B": 1}, "T", "complaints", "issue")
    assert "percent" not in handful.data.columns and "%" not in handful.alt  # 3 cases: counts alone


def test_yearly_bars_picks_out_the_latest_year():
    chart = charts.yearly_bars("volume", ["2019/20", "2020/21", "2021/22"], [99, 89, 85], "T", "complaints")
    assert chart.data.columns.tolist() == ["year", "complaints"]
    assert chart.data["complaints"].tolist() == [99, 89, 85]
    assert bar_widths(chart) == [99, 89, 85]
    assert bar_colours(chart) == [charts.EARLIER.upper(), charts.EARLIER.upper(), charts.MAIN.upper()]
    assert "2019/20: 99; 2020/21: 89; 2021/22: 85." in chart.alt


def test_yearly_bars_with_a_unit():
    chart = charts.yearly_bars(
        "t", ["2020/21", "2021/22"], [74, 81], "T", "percent_within_timescale", unit="%"
    )
    assert "2020/21: 74%; 2021/22: 81%." in chart.alt


def test_grouped_counts_heads_each_measure_and_labels_each_group():
    table = pd.DataFrame({"Outcome": ["Upheld", "Not upheld"], "Stage 1": [12, 39], "Stage 2": [1, None]})
    chart = charts.grouped_counts("stages", table, "T", "complaints", threshold=5)
    assert bar_widths(chart) == [12, 1, 39]  # a suppressed cell has no bar
    assert "Upheld: Stage 1: 12; Stage 2: 1. Not upheld: Stage 1: 39; Stage 2: fewer than 5." in chart.alt


@pytest.mark.parametrize(
    ("values", "title"),
    [
        ([97, 89, 85], "Complaints fell each year, from 97 in 2018/19 to 85 in 2020/21"),
        ([80, 89, 95], "Complaints rose each year, from 80 in 2018/19 to 95 in 2020/21"),
        ([97, 89, 95], "Complaints: 97 in 2018/19, 89 in 2019/20 and 95 in 2020/21"),
        ([85, 85, 85], "Complaints stayed at 85 from 2018/19 to 2020/21"),
    ],
)
def test_yearly_title_states_the_trend_with_both_ends(values, title):
    assert charts.yearly_title("Complaints", ["2018/19", "2019/20", "2020/21"], values) == title


def test_yearly_title_with_two_years_is_a_change():
    assert charts.yearly_title("Complaints", ["2020/21", "2021/22"], [5, 12]) == (
        "Complaints rose from 5 in 2020/21 to 12 in 2021/22"
    )


# --------------------------------------------------------------------------- ASC charts


def test_volume_chart_title_states_the_trend():
    figures = asc_figures()
    chart = charts.volume_chart(figures, asc_history(figures))
    assert chart.name == "volume"
    # 2019/20 is known only as a published "received" figure, so every year is shown as received
    assert chart.title == "Complaints fell each year, from 99 in 2019/20 to 90 in 2021/22"
    assert chart.note == "Stage 1 complaints received in each reporting year, from 1 April to 31 March."
    assert chart.data["complaints"].tolist() == [99, 95, 90]
    for year, value in [("2019/20", 99), ("2020/21", 95), ("2021/22", 90)]:
        assert f"{year}: {value}" in chart.alt


def test_volume_chart_uses_accepted_complaints_when_every_year_has_them():
    figures = asc_figures()
    chart = charts.volume_chart(figures, [figures["previous_year"], figures])
    assert chart.title == "Complaints fell from 89 in 2020/21 to 85 in 2021/22"
    assert chart.note.startswith("Stage 1 complaints accepted")
    assert bar_widths(chart) == [89, 85]


HALF = "made up more than half of complaints"
CATEGORY_TITLES = [
    (
        {"Quality of service": 50, "Communication": 25, "Charging": 10},
        f"Quality of service {HALF} (50 of 85)",
    ),
    (
        {"Quality of service": 40, "Communication": 25, "Charging": 20},
        f"Quality of service and communication {HALF} (65 of 85)",
    ),
    (
        {"Other": 20, "Delay": 18, "Charging": 17, "X": 15, "Y": 15},
        "Other was the most common issue (20 of 85)",
    ),
    (
        {"Quality of service": 27, "Service failure": 19, "Delay": 11, "Other": 9, "X": 9, "Y": 10},
        f"Quality of service and service failure {HALF} (46 of 85)",
    ),
    (
        {"Quality of service": 20, "Delay": 20, "Other": 15, "X": 15, "Y": 15},
        "Quality of service and delay were the most common issues (20 each)",
    ),
    (
        {"Quality of service": 30, "Delay": 20, "Other": 20, "X": 15},
        "Quality of service was the most common issue (30 of 85)",
    ),
    ({"Delay": 1, "Other": 1}, "Complaints were spread evenly across the 2 issues (1 each)"),
]


@pytest.mark.parametrize(("counts", "title"), CATEGORY_TITLES)
def test_category_chart_title_states_the_finding_from_the_counts(counts, title):
    chart = charts.category_chart({**asc_figures(), "category_counts": counts})
    assert chart.name == "nature"
    assert chart.title == title
    assert chart.title in chart.alt


def test_category_chart_labels_and_note():
    chart = charts.category_chart(asc_figures())
    for name, count in asc_figures()["category_counts"].items():
        assert f"{name}: {count} (" in chart.alt
    assert chart.note == (
        "Stage 1 complaints accepted in 2021/22, by the main issue each raised. Percentages are of all the "
        "complaints accepted."
    )


def test_outcomes_chart_labels_counts_and_its_title_takes_the_share_from_the_same_counts():
    figures = asc_figures()
    chart = charts.outcomes_chart(figures, asc_history(figures))
    assert chart.name == "outcomes"
    # 2020/21: 37 of 85 decided (44%); 2021/22: 30 of 80 (38%), from the counts each bar shows
    assert (
        chart.title
        == "The share of complaints upheld or partly upheld fell from 44% in 2020/21 to 38% in 2021/22"
    )
    assert chart.data.columns.tolist() == ["year", "outcome", "count"]
    this_year = chart.data[chart.data["year"] == "2021/22"]
    assert this_year["count"].tolist() == [20, 10, 50, 3]
    assert bar_widths(chart) == [25, 20, 12, 10, 48, 50, 4, 3]  # each outcome, one bar a year
    assert bar_colours(chart)[:2] == [charts.EARLIER.upper(), charts.MAIN.upper()]
    labels = [t.get_text() for t in chart.figure.axes[0].texts]
    assert "%" not in "".join(labels)
    assert "Upheld: 2020/21: 25; 2021/22: 20." in chart.alt


def test_outcomes_chart_with_a_handful_gives_counts_in_its_title():
    figures = {**asc_figures(), "upheld": 1, "partly_upheld": 1, "not_upheld": 1}
    previous = {**figures["previous_year"], "upheld": 1, "partly_upheld": 0, "not_upheld": 1}
    chart = charts.outcomes_chart(figures, [previous, figures])
    assert (
        chart.title
        == "Complaints decided that were upheld or partly upheld: 1 of 2 in 2020/21 and 2 of 3 in 2021/22"
    )


def test_ombudsman_chart():
    figures = asc_figures()
    chart = charts.ombudsman_chart(figures, asc_history(figures))
    assert chart.name == "ombudsman"
    assert chart.title == "New Ombudsman complaints fell from 6 in 2020/21 to 4 in 2021/22"
    assert chart.data["cases"].tolist() == [6, 4]
    assert "2020/21: 6; 2021/22: 4." in chart.alt


def test_enquiries_chart():
    chart = charts.enquiries_chart(asc_figures())
    assert chart.name == "member_enquiries"
    assert chart.title == "The largest group was home care: 18 of the 30 enquiries (60%)"
    assert "Home care: 18 (60%); Finance: 12 (40%)." in chart.alt
    tie = charts.enquiries_chart(
        {**asc_figures(), "member_enquiries": 2, "member_enquiries_by_area": {"A": 1, "B": 1}}
    )
    assert tie.title == "The largest groups were a and b, with one enquiry each"


def test_compliments_chart():
    chart = charts.compliments_chart(asc_figures())
    assert chart.name == "compliments"
    assert chart.title == "Reablement received the most compliments (25)"
    assert chart.data["count"].tolist() == [25, 16]
    assert "Reablement: 25; Complex care: 16." in chart.alt
    teams = {"North Complex Team": 5, "Reablement": 5, "Homecare": 3}
    tie = charts.compliments_chart({**asc_figures(), "compliments_by_team": teams})
    assert tie.title == "The North Complex Team and Reablement received the most compliments (5 each)"
    even = charts.compliments_chart({**asc_figures(), "compliments_by_team": {"A Team": 2, "B": 2}})
    assert even.title == "The A Team and B received 2 compliments each"


# --------------------------------------------------------------------------- Children's charts


def test_timeliness_chart():
    figures = childrens_figures()
    chart = charts.timeliness_chart(figures, childrens_history(figures))
    assert chart.name == "timeliness"
    assert (
        chart.title
        == "Stage 1 complaints answered within the timescale rose from 74% in 2020/21 to 81% in 2021/22"
    )
    assert chart.data["percent_within_timescale"].tolist() == [74, 81]
    assert "2020/21: 74%; 2021/22: 81%." in chart.alt


def test_timeliness_chart_down_and_same():
    figures = childrens_figures()
    figures["stage1_within_timescale_pct"] = 70
    assert (
        " fell from 74% in 2020/21 to 70% in 2021/22"
        in charts.timeliness_chart(figures, childrens_history(figures)).title
    )
    figures["stage1_within_timescale_pct"] = 74
    assert charts.timeliness_chart(figures, childrens_history(figures)).title.endswith(
        "stayed at 74% from 2020/21 to 2021/22"
    )


# --------------------------------------------------------------------------- every chart


def test_every_chart_has_title_note_alt_data_and_figure():
    for chart in all_charts():
        assert chart.title and chart.title in chart.alt, chart.name
        assert chart.note.endswith("."), chart.name
        assert chart.alt.endswith("."), chart.name
        assert not chart.data.empty, chart.name
        assert isinstance(chart.figure, plt.Figure), chart.name
        # bars are drawn in the palette's colours exactly
        drawn = {
            to_hex(patch.get_facecolor()).upper() for axes in chart.figure.axes for patch in axes.patches
        }
        assert drawn and drawn <= {charts.MAIN.upper(), charts.EARLIER.upper()}, (chart.name, drawn)
        # every number in the chart's data is in its alt text
        for value in chart.data.select_dtypes("number").to_numpy().ravel():
            if value != value:
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
        "outcomes",
        "ombudsman",
        "member_enquiries",
        "compliments",
        "comparators",
    ]
    childrens = with_committee_figures(childrens_figures())
    assert names(charts.childrens_charts(childrens, childrens_history(childrens))) == [
        "trend",
        "quarters",
        "escalation",
        "nature",
        "timeliness",
        "compliments",
        "comparators",
    ]


def test_asc_charts_are_the_seed_reports_graphs_without_what_a_table_or_sentence_shows():
    figures = asc_figures()
    assert names(charts.asc_charts(figures, asc_history(figures))) == [
        "volume",
        "nature",
        "outcomes",
        "ombudsman",
        "member_enquiries",
        "compliments",
    ]


def test_asc_charts_skip_what_has_no_data():
    figures = asc_figures()
    for key in ("ombudsman_received", "member_enquiries_by_area", "compliments_by_team"):
        del figures[key]
    assert names(charts.asc_charts(figures, asc_history(figures))) == ["volume", "nature", "outcomes"]


def test_asc_charts_skip_outcomes_when_nothing_was_decided():
    figures = asc_figures()
    figures.update(upheld=0, partly_upheld=0, not_upheld=0, withdrawn=0, open=85, stage1_responded=0)
    del figures["upheld_or_partly_pct"]
    assert "outcomes" not in names(charts.asc_charts(figures, asc_history(figures)))


def test_a_chart_that_would_only_repeat_a_sentence_is_not_drawn():
    figures = asc_figures()
    figures.update(
        category_counts={"Delay": 85},  # one issue: a sentence
        compliments_by_team={"Reablement": 41},
        member_enquiries_by_area={"Home care": 30},
    )
    assert names(charts.asc_charts(figures, [figures])) == []  # one year: no yearly chart either


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
    result = names(charts.asc_charts(figures, asc_history(figures)))
    assert "nature" not in result and "outcomes" not in result
    assert result[0] == "volume"


def test_childrens_charts_leave_departments_stages_and_ombudsman_to_their_tables():
    figures = childrens_figures()
    assert names(charts.childrens_charts(figures, childrens_history(figures))) == [
        "nature",
        "timeliness",
        "compliments",
    ]


def test_childrens_charts_skip_what_has_no_data():
    figures = childrens_figures()
    figures["compliments_by_team"] = {}
    figures["stage1_responded"] = 0
    assert names(charts.childrens_charts(figures, childrens_history(figures))) == ["nature"]


def test_charts_do_not_change_the_figures():
    figures = asc_figures()
    before = copy.deepcopy(figures)
    charts.asc_charts(figures, asc_history(figures))
    assert figures == before


def test_a_title_counts_rather_than_names_many_tied_leaders():
    issues = {"A": 5, "B": 5, "C": 5, "D": 5, "E": 4}
    assert charts.category_chart({**asc_figures(), "category_counts": issues}).title == (
        "Four issues were the most common (5 each)"
    )
    teams = {f"Team {n}": 1 for n in range(10)}
    assert charts.compliments_chart({**asc_figures(), "compliments_by_team": teams}).title == (
        "Each of the 10 teams received one compliment"
    )


def test_no_chart_of_the_percentages_of_a_handful():
    figures = {**childrens_figures(), "stage1_responded": 3, "stage1_within_timescale": 3}
    history = [{**figures["previous_year"], "stage1_responded": 12}, figures]
    assert "timeliness" not in names(charts.childrens_charts(figures, history))


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
    assert names(charts.asc_charts(figures, asc_history(figures)))[0] == "volume"
    assert "volume" not in names(charts.asc_charts(figures, [figures]))  # one year: no yearly chart at all


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
    assert bar_widths(chart) == [9, 12, 26, 16]
    assert chart.note.startswith("Stage 1 complaints accepted, by the quarter of 2021/22")
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
    assert chart.title == (
        "The share of stage 1 complaints that went on to stage 2 rose from 9% in 2020/21 to 19% in 2021/22"
    )
    assert chart.data["stage"].tolist() == ["Stage 1", "Stage 2", "Stage 3", "Ombudsman"]
    assert bar_widths(chart) == [63, 12, 1, 6]
    assert "Stage 1: 63; Stage 2: 12 (19%); Stage 3: 1 (2%); Ombudsman: 6 (10%)." in chart.alt


@pytest.mark.parametrize(
    ("previous", "title"),
    [
        (
            25,
            "The share of stage 1 complaints that went on to stage 2 fell from 25% in 2020/21 to 19% in 2021/22",
        ),
        (
            19,
            "The share of stage 1 complaints that went on to stage 2 was 19% in 2021/22, the same as in 2020/21",
        ),
    ],
)
def test_escalation_title_compares_with_last_year(previous, title):
    figures = escalation_figures(previous_year={"year_display": "2020/21", "escalation_pct": previous})
    assert charts.escalation_title(figures) == title


def test_escalation_of_none_is_said_in_words():
    none = escalation_figures(stage2_received=0, escalation_pct=0)
    assert charts.escalation_title(none) == (
        "None of the 63 stage 1 complaints went on to stage 2 in 2021/22, down from 9% in 2020/21"
    )
    one = escalation_figures(complaints_accepted=1, stage2_received=0, escalation_pct=0)
    assert charts.escalation_title(one) == "The one stage 1 complaint did not go on to stage 2 in 2021/22"
    went = escalation_figures(complaints_accepted=1, stage2_received=1, escalation_pct=100)
    assert charts.escalation_title(went) == "The one stage 1 complaint went on to stage 2 in 2021/22"


def test_no_escalation_chart_when_nothing_went_beyond_stage_1():
    figures = escalation_figures(stage2_received=0, stage3_received=0, ombudsman_received=0, escalation_pct=0)
    assert charts.escalation_chart(figures) is None


def test_escalation_of_a_handful_is_counts_and_there_is_none_for_asc():
    figures = escalation_figures(
        complaints_accepted=4, stage2_received=1, stage3_received=0, escalation_pct=25
    )
    del figures["ombudsman_received"]
    chart = charts.escalation_chart(figures)
    assert chart.title == "Of the 4 stage 1 complaints, 1 went on to stage 2 in 2021/22"
    assert "Stage 2: 1 of 4; Stage 3: none." in chart.alt  # no bare zero (docs/style.md)
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
        == "Compared with 6 similar councils in 2021/22: higher than their median on 2 of 3 measures, lower on 1"
    )
    # the data under the chart holds what the chart shows: counts alone for three investigations
    ombudsman = chart.data.set_index("measure").loc["Ombudsman investigations with fault found"]
    assert pd.isna(ombudsman["this_council"])
    assert ombudsman["this_council_counts"] == "3 of 3"
    assert ombudsman[
        ["similar_councils_median", "similar_councils_lowest", "similar_councils_highest"]
    ].tolist() == [
        73,
        55,
        83,
    ]
    assert ombudsman["similar_councils"] == 6
    assert chart.data.set_index("measure").loc["Complaints that went on to stage 2", "this_council"] == 8
    # three investigations are given as counts alone, the median as a whole percentage
    assert (
        "Ombudsman investigations with fault found: this council 3 of 3; 6 similar councils 55% to 83%, median 73%"
        in chart.alt
    )
    assert (
        "Complaints per 100,000 residents: this council 30.7; 6 similar councils 23.9 to 40.6, median 30.6"
        in chart.alt
    )
    # one chart, a heading a measure, this council's bar and the median's, the range in words
    assert len(chart.figure.axes) == 1
    drawn = [text.get_text() for text in chart.figure.axes[0].texts]
    together = " ".join(drawn)  # headings wrap across the chart's width
    assert "Ombudsman investigations with fault found" in together
    assert "Similar councils: 55% to 83%" in drawn  # the range, on one line
    assert "3 of 3" in drawn and "73%" in drawn
    assert not any("100%" in text or "72.5" in text for text in drawn)
    assert bar_colours(chart) == [charts.MAIN.upper(), charts.EARLIER.upper()] * 3


def test_comparators_note_does_not_say_where_the_similar_councils_figures_came_from():
    note = charts.comparators_chart(comparator_figures(escalation_pct=8)).note
    assert note == (
        "Figures for 2021/22: this council's from its complaints, the similar councils' as given for this "
        "comparison. The median is the middle value of the similar councils."
    )
    assert "published" not in note


def test_comparators_note_explains_counts_shown_for_a_handful_of_investigations():
    figures = comparator_figures(ombudsman_upheld_pct=50, ombudsman_fault_found=1, ombudsman_investigated=2)
    assert charts.comparators_chart(figures).note.endswith(
        "Where this council had fewer than 10 cases, its counts are shown instead of a percentage."
    )
    ten = comparator_figures(ombudsman_upheld_pct=50, ombudsman_fault_found=5, ombudsman_investigated=10)
    chart = charts.comparators_chart(ten)
    assert "fewer than 10 cases" not in chart.note
    assert "this council 50%;" in chart.alt


def test_stage1_timeliness_measure_says_it_includes_agreed_extensions():
    # the share within 10 working days is a different, lower figure in the Response times section
    figures = {
        "year_display": "2020/21",
        "stage1_within_timescale_pct": 86,
        "comparator_medians": {"stage1_within_timescale_pct": 70.0},
        "comparator_ranges": {
            "stage1_within_timescale_pct": {"lowest": 60.0, "highest": 83.0, "councils": 6}
        },
    }
    chart = charts.comparators_chart(figures)
    name = "Complaints answered within 10 working days, or 20 if agreed"
    assert chart.data["measure"].tolist() == [name]
    assert f"{name}: this council 86%;" in chart.alt
    drawn = [text.get_text() for text in chart.figure.axes[0].texts]
    assert " ".join(drawn).startswith(name)  # drawn whole, not cut short


@pytest.mark.parametrize(
    ("own", "ending"),
    [
        ({"escalation_pct": 12, "ombudsman_upheld_pct": 80}, "higher than their median on all 2 measures"),
        ({"escalation_pct": 5}, "lower than their median on the one measure shown"),
        ({"escalation_pct": 10}, "the same as their median on the one measure shown"),
        (
            {"escalation_pct": 5, "ombudsman_upheld_pct": 73},
            "lower than their median on 1 of 2 measures, the same on 1",
        ),
        (
            {"escalation_pct": 10, "ombudsman_upheld_pct": 72, "complaints_per_100k_population": 31.0},
            "higher than their median on 1 of 3 measures, lower on 1, the same on 1",
        ),
        ({}, "their median and range on each measure"),
    ],
)
def test_comparators_title_says_higher_or_lower_than_the_median_never_better_or_worse(own, ending):
    figures = comparator_figures(**own)
    title = charts.comparators_title(figures, list(figures["comparator_medians"]))
    assert title.endswith(ending)
    assert not any(word in title for word in ("better", "worse", "above", "below"))


def test_comparators_title_compares_percentages_as_the_labels_show_them():
    # a median of 72.5% is shown as 73%: this council's 73% is the same, not higher
    figures = comparator_figures(ombudsman_upheld_pct=73)
    del (
        figures["comparator_medians"]["escalation_pct"],
        figures["comparator_medians"]["complaints_per_100k_population"],
    )
    chart = charts.comparators_chart(figures)
    assert chart.title.endswith("the same as their median on the one measure shown")
    assert "this council 73%; 6 similar councils 55% to 83%, median 73%" in chart.alt


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
    assert charts.measure_value("ombudsman_upheld_pct", 72.5) == "73%"  # percentages whole, half up
    assert charts.measure_value("ombudsman_upheld_pct", 72.4) == "72%"
    assert charts.measure_value("ombudsman_upheld_pct", 70.0) == "70%"
    assert charts.measure_value("complaints_per_1000_service_users", 30.0) == "30.0"
    assert charts.measure_value("complaints_received", 1200) == "1,200"
