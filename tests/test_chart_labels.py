"""The chart's side of the escaping boundary: text from an export is drawn as written.

Matplotlib reads text between ``$`` signs as mathtext unless told not to (``charts.apply_style``);
labels go through ``markup.chart_text`` (one line, shortened when longer than a chart can show).
The drawn text is read back from an SVG written with text kept as text.
"""

from __future__ import annotations

import io
import re
from html import unescape

import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_report import charts, markup

pytestmark = pytest.mark.usefixtures("close_figures")

LONG = ("Very long team name " * 260)[:5000]


def drawn_text(chart: charts.Chart) -> list[str]:
    """Every piece of text the chart draws, as the SVG holds it."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        chart.figure.savefig(buffer, format="svg")
    return [unescape(text) for text in re.findall(r"<text[^>]*>(.*?)</text>", buffer.getvalue(), flags=re.S)]


def bars(names: list[str], title: str = "Complaints by team") -> charts.Chart:
    return charts.horizontal_bars(
        "teams", {name: len(names) - n for n, name in enumerate(names)}, title, "complaints", "team"
    )


def names_drawn(chart: charts.Chart) -> list[str]:
    """The names written above the bars (left-aligned texts), each name's wrapped lines joined."""
    lines = [t for t in chart.figure.axes[0].texts if t.get_horizontalalignment() == "left" and t.get_text()]
    names, last_y = [], None
    for text in lines:
        if text.get_text() in {label for label in _labels(chart)}:
            continue
        y = text.get_position()[1]
        if names and last_y is not None and y - last_y <= 1.01:  # the next line of the same name
            names[-1] += " " + text.get_text()
        else:
            names.append(text.get_text())
        last_y = y
    return names


def _labels(chart: charts.Chart) -> list[str]:
    return [str(v) for v in chart.data["count"]]


def test_dollar_signs_are_drawn_as_written_never_as_mathtext():
    chart = bars(
        ["Fee $5 and $10", "$$x$$", "$\\alpha$ and \\frac{1}{2}"], title="Fee $5 and $10 had the most"
    )
    drawn = drawn_text(chart)
    assert {"Fee $5 and $10", "$$x$$", "$\\alpha$ and \\frac{1}{2}"} <= set(drawn)
    # the title is the figure's caption, never drawn in the image (docs/style.md)
    assert "Fee $5 and $10 had the most" not in drawn and chart.figure._suptitle is None


def test_a_label_is_one_line_and_a_long_one_is_shortened():
    chart = bars(["line one\nline two", "bell\x07 and escape\x1b", LONG])
    assert names_drawn(chart) == ["line one line two", "bell and escape", markup.chart_text(LONG)]
    assert len(markup.chart_text(LONG)) == 60 and markup.chart_text(LONG).endswith("…")
    assert not any("\n" in text or "\x07" in text for text in drawn_text(chart))
    # the chart's data and alt text keep the names whole
    assert list(chart.data["team"]) == ["line one\nline two", "bell\x07 and escape\x1b", LONG]
    assert LONG in chart.alt


def test_names_that_shorten_alike_keep_a_bar_each():
    names = [LONG + " one", LONG + " two", "Homecare"]
    chart = bars(names)
    assert len(chart.figure.axes[0].patches) == 3
    assert names_drawn(chart)[2] == "Homecare"


def test_a_title_of_any_length_is_the_caption_and_never_grows_the_image():
    short = bars(["Homecare"], title="Homecare had the most complaints")
    chart = bars(["Homecare"], title=f"{LONG} had the most complaints")
    assert chart.figure._suptitle is None and LONG[:20] not in " ".join(drawn_text(chart))
    assert chart.figure.get_size_inches().tolist() == short.figure.get_size_inches().tolist()
    assert chart.title.startswith(LONG), "the figure's caption keeps the whole title"


@settings(max_examples=25, deadline=None, derandomize=True)
@given(
    st.lists(
        st.text(alphabet="$\\{}^_ab %&#<>\n", min_size=1, max_size=12), min_size=1, max_size=4, unique=True
    )
)
def test_any_label_is_drawn_as_its_text(names):
    chart = bars(names)
    drawn = drawn_text(chart)
    for name in names:
        if markup.chart_text(name):
            assert markup.chart_text(name) in drawn
    matplotlib.pyplot.close(chart.figure)
