"""Charts of the annual report, in one accessible style that reads on a phone and on paper.

- **Size.** Every chart is drawn :data:`WIDTH` (3.6 in, 346 CSS px) wide with its text at
  :data:`FONT_SIZE` (13.5 pt, 18 CSS px) and saved as SVG. The web page shows it at its own size,
  never wider, so its text is as large as the page's body text (18 px); on a 375 px phone, whose
  text column is 343 px (341 inside the chart's frame), it shrinks to 98.6% and its text, 17.7 px,
  stays above the phone's 17 px body text. In the PDF it is 259 pt wide with 13.5 pt text beside
  10.5 pt body text.
- **Layout.** Bars are horizontal, one a row, so a long name never squeezes the bars: a
  category's name is written above its bar across the chart's width (wrapped when long), a
  year's beside its bar; each bar carries its value at its end. There is no legend and no axis
  to read values from: the values are written on the bars.
- **Colours:** the Government Analysis Function accessible categorical palette
  (https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-colours-in-charts/).
  Bars use the first colour; the reporting year is picked out in the same dark blue with
  earlier years in grey-blue, and every bar carries its value and its name, so colour is never
  the only cue.
- **Words.** The title states the chart's finding; the note (``Chart.note``) says what is
  counted, over what period, and what a percentage is of. Both are the figure's caption in the
  report, not drawn in the image, so they are real text that wraps and scales with the page.
  A title's percentage is worked out from the same counts as the bar labels, by the same
  rounding (``rounding.percent``), and the report's sentences use the same counts, so a title,
  its labels and the text never disagree (docs/style.md, "Numbers").
- Alt text is generated from the data: what the chart shows, with its numbers.
- Each chart keeps the table it was drawn from, saved as CSV beside the image.

A chart that would only repeat a table or a sentence is not drawn: a breakdown with one
entry, a yearly chart with one year (``asc_charts``, ``childrens_charts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402
from matplotlib.transforms import blended_transform_factory  # noqa: E402

from complaints_report import markup, rounding, wording  # noqa: E402
from complaints_report.rounding import percent  # noqa: E402
from complaints_report.vocabulary import OUTCOME_LABELS  # noqa: E402
from complaints_report.working_days import BAND_LABELS, BANDS, STAGE1_DAYS, STAGE1_EXTENDED_DAYS  # noqa: E402

# Analysis Function accessible categorical palette, in its published order.
PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
MAIN = PALETTE[0]
# Earlier years: a tint of MAIN with at least 3:1 contrast both against the white background and
# against MAIN beside it (WCAG 1.4.11; Analysis Function guidance on adjacent colours).
EARLIER = "#7692AA"
TEXT = "#0B0C0C"
FONT = "DejaVu Sans"
FONT_SIZE = 13.5  # points: 18 CSS px at the chart's own size, the report's body text on a large screen
WIDTH = 3.6  # inches: 346 CSS px, so a 375 px phone (343 px of text column) shows it at 98.6%
POINTS_PER_INCH = 72
PX_PER_POINT = 96 / 72  # CSS pixels per point
MARGIN = 6.0  # points of white space around the chart's content
LINE = FONT_SIZE * 1.3  # points: one row (a line of text, or a bar and its label)
BAR = 0.72  # a bar's thickness, as a share of its row
LABEL_SLACK = 12.0  # points kept between a bar and the chart's right edge beside its label's measured width


@dataclass
class Chart:
    """One chart: its file name, the finding it states (title), what it counts (note), alt text, data, figure."""

    name: str
    title: str
    alt: str
    data: pd.DataFrame
    figure: plt.Figure
    note: str = ""


def apply_style() -> None:
    """One look for every chart: plain background, dark text, no spines.

    Chart text is never read as mathtext: labels come from exports, and a category such as
    ``Fee $5 and $10`` or ``$$x$$`` must print as written (the chart's side of the boundary in
    markup.py; https://matplotlib.org/stable/users/explain/text/mathtext.html). Text is drawn as
    outlines in the SVG (``svg.fonttype: path``), so it looks the same where DejaVu Sans is not
    installed; the fixed ``svg.hashsalt`` makes the file the same on every run.
    """
    sns.set_theme(
        style="white",
        rc={
            "font.family": FONT,
            "font.size": FONT_SIZE,
            "axes.titlesize": FONT_SIZE,
            "axes.labelsize": FONT_SIZE,
            "xtick.labelsize": FONT_SIZE,
            "ytick.labelsize": FONT_SIZE,
            "text.color": TEXT,
            "axes.labelcolor": TEXT,
            "axes.titlecolor": TEXT,
            "xtick.color": TEXT,
            "ytick.color": TEXT,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.spines.bottom": False,
            "axes.spines.left": False,
            "svg.fonttype": "path",
            "svg.hashsalt": "complaints-report",
            "text.parse_math": False,
        },
    )


# --------------------------------------------------------------------------- measuring and wrapping text


@cache
def text_width(text: str) -> float:
    """The width of ``text`` in points at the chart's font size (as drawn: same font, same size)."""
    from matplotlib.font_manager import FontProperties

    if not text:
        return 0.0
    # measured as drawn: never as mathtext (apply_style), whether or not a chart was drawn before
    with matplotlib.rc_context({"text.parse_math": False}):
        return TextPath((0, 0), text, size=FONT_SIZE, prop=FontProperties(family=FONT)).get_extents().width


def wrap(text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` points, broken between words (a word longer than the
    line is broken inside it)."""
    lines: list[str] = []
    for word in str(text).split():
        while text_width(word) > width and len(word) > 1:  # a word wider than the chart
            cut = max(1, int(len(word) * width / text_width(word)) - 1)
            if lines and text_width(f"{lines[-1]} {word[:cut]}") <= width:
                lines[-1] = f"{lines[-1]} {word[:cut]}"
            else:
                lines.append(word[:cut])
            word = word[cut:]
        if lines and text_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


# --------------------------------------------------------------------------- the one drawing routine


@dataclass(frozen=True)
class Row:
    """A row of a bar chart: a heading across the chart (``bar`` is None), or a bar with an optional
    short name beside it, its length, its colour and its value label (a bar of length 0 has no bar)."""

    heading: str = ""
    name: str = ""
    length: float | None = None
    colour: str = MAIN
    label: str = ""
    height: float = 1.0  # in lines; a gap between groups is a heading row of no text, less than a line

    @property
    def is_bar(self) -> bool:
        return self.length is not None


GAP = Row(height=0.4)  # white space between one group of bars and the next heading


def _heading_rows(text: str, width: float, *, first: bool = False) -> list[Row]:
    """A heading wrapped to the chart's width, after a gap unless it is the chart's first row. A name from
    an export is drawn as a chart can show it (``markup.chart_text``: control characters left out, a
    very long name shortened with an ellipsis; the caption, alt text and data keep it whole)."""
    return ([] if first else [GAP]) + [Row(heading=line) for line in wrap(markup.chart_text(text), width)]


def draw_rows(rows: list[Row]) -> plt.Figure:
    """Draw rows of headings and bars, top to bottom, :data:`WIDTH` wide: names beside bars right-aligned
    in a column as wide as the longest, bars scaled so the longest bar and its label fit the width."""
    apply_style()
    width_pt = WIDTH * POINTS_PER_INCH
    name_width = max((text_width(markup.chart_text(row.name)) for row in rows if row.is_bar), default=0.0)
    bars_left = MARGIN + (name_width + 6 if name_width else 0)
    available = width_pt - bars_left - MARGIN
    fits = [
        row.length / max(available - text_width(row.label) - LABEL_SLACK, 1)
        for row in rows
        if row.is_bar and row.length and row.length > 0
    ]
    scale = max(fits, default=0) or 1  # value units per point, so that the widest bar and label fit
    lines = sum(row.height for row in rows)
    height_pt = LINE * lines + 2 * MARGIN
    figure = plt.figure(figsize=(WIDTH, height_pt / POINTS_PER_INCH))
    axes = figure.add_axes(
        (bars_left / width_pt, MARGIN / height_pt, available / width_pt, (height_pt - 2 * MARGIN) / height_pt)
    )
    axes.set_xlim(0, available * scale)
    axes.set_ylim(lines, 0)
    axes.set_axis_off()
    left = blended_transform_factory(figure.transFigure, axes.transData)
    top = 0.0
    for row in rows:
        middle, top = top + row.height / 2, top + row.height
        if not row.is_bar:
            if not row.heading:
                continue
            axes.text(
                MARGIN / width_pt, middle, row.heading, transform=left, va="center", ha="left", color=TEXT
            )
            continue
        if row.length:
            axes.barh(middle, row.length, height=BAR, color=row.colour, linewidth=0)
        if row.name:
            axes.text(
                (bars_left - 6) / width_pt,
                middle,
                markup.chart_text(row.name),
                transform=left,
                va="center",
                ha="right",
                color=TEXT,
            )
        axes.text(
            (row.length or 0) + 4 * scale,
            middle,
            row.label,
            va="center",
            ha="left",
            color=TEXT,
            clip_on=False,
        )
    return figure


def _heading_width() -> float:
    return WIDTH * POINTS_PER_INCH - 2 * MARGIN


# --------------------------------------------------------------------------- kinds of chart


def _label(count: int, total: int | None) -> str:
    return f"{count:,} ({percent(count, total)}%)" if total else f"{count:,}"


def _alt_list(labels, values) -> str:
    return "; ".join(f"{label}: {value}" for label, value in zip(labels, values, strict=True))


def horizontal_bars(
    name: str,
    counts: dict[str, int | None],
    title: str,
    subject: str,
    by: str,
    with_percent: bool = True,
    total: int | None = None,
    threshold: int | None = None,
    note: str = "",
) -> Chart:
    """Categories as horizontal bars, largest at the top, each name above its bar and each bar labelled
    with its count and share (shares below 10 cases are left out: counts alone, as in the text).

    A count suppressed for publication (None, see suppression.py) has no bar and reads
    "fewer than N"; ``total`` is then the published total the shares are of.
    """
    known = [c for c in counts.values() if c is not None]
    total = total if total is not None else sum(known)
    with_percent = with_percent and total >= wording.SMALL_BASE
    hidden = f"fewer than {threshold}" if threshold else "not shown"
    data = pd.DataFrame({by: list(counts), "count": [hidden if c is None else c for c in counts.values()]})
    if with_percent:
        data["percent"] = [None if c is None else percent(c, total) for c in counts.values()]
    labels = [hidden if c is None else _label(c, total if with_percent else None) for c in counts.values()]
    rows: list[Row] = []
    for index, (category, count, label) in enumerate(zip(counts, counts.values(), labels, strict=True)):
        rows += _heading_rows(str(category), _heading_width(), first=index == 0)
        rows.append(Row(length=count or 0, label=label))
    figure = draw_rows(rows)
    alt = (
        f"Horizontal bar chart. {title}. {subject.capitalize()} by {by}: " + _alt_list(data[by], labels) + "."
    )
    return Chart(name, title, alt, data, figure, note)


def yearly_bars(
    name: str,
    years: list[str],
    values: list[int | float],
    title: str,
    value_name: str,
    unit: str = "",
    note: str = "",
) -> Chart:
    """One bar a year, oldest at the top, the latest in dark blue, each labelled with its value."""
    data = pd.DataFrame({"year": years, value_name: values})
    labels = [f"{v:,}{unit}" for v in values]
    colours = [EARLIER] * (len(years) - 1) + [MAIN]
    rows = [
        Row(name=year, length=value, colour=colour, label=label)
        for year, value, colour, label in zip(years, values, colours, labels, strict=True)
    ]
    figure = draw_rows(rows)
    alt = (
        f"Bar chart, one bar a year. {title}. {value_name.replace('_', ' ').capitalize()} by year: "
        + _alt_list(years, labels)
        + "."
    )
    return Chart(name, title, alt, data, figure, note)


def outcomes_by_year(name: str, rows: list[dict], title: str, note: str = "") -> Chart:
    """Outcomes compared across years: for each outcome a heading, then one bar a year (oldest first,
    this year in dark blue) with the year beside it and the count at its end."""
    records = []
    for figures in rows:
        for outcome in ("upheld", "partly_upheld", "not_upheld", "withdrawn"):
            if outcome in figures:
                records.append(
                    {
                        "year": figures["year_display"],
                        "outcome": OUTCOME_LABELS[outcome],
                        "count": figures[outcome],
                    }
                )
    data = pd.DataFrame(records, columns=["year", "outcome", "count"])
    years = list(dict.fromkeys(data["year"]))
    drawn: list[Row] = []
    for index, outcome in enumerate(dict.fromkeys(data["outcome"])):
        drawn += _heading_rows(outcome, _heading_width(), first=index == 0)
        part = data[data["outcome"] == outcome]
        for year, count in zip(part["year"], part["count"], strict=True):
            colour = MAIN if year == years[-1] else EARLIER
            drawn.append(Row(name=year, length=count, colour=colour, label=f"{count:,}"))
    figure = draw_rows(drawn)
    alt = f"Bar chart of outcomes, one bar a year for each outcome. {title}. " + " ".join(
        f"{outcome}: " + _alt_list(part["year"], [f"{c:,}" for c in part["count"]]) + "."
        for outcome, part in data.groupby("outcome", sort=False)
    )
    return Chart(name, title, alt, data, figure, note)


def response_bands(name: str, metrics: dict, title: str, note: str = "") -> Chart:
    counts = {BAND_LABELS[band]: metrics[band] for band in BANDS}
    return horizontal_bars(name, counts, title, "complaints", "working days taken to respond", note=note)


def grouped_counts(
    name: str, table: pd.DataFrame, title: str, subject: str, threshold: int | None = None, note: str = ""
) -> Chart:
    """Several measures for a few groups (the columns after the first: stages, years): for each measure
    (a row of ``table``) a heading, then one bar a group with the group's name beside it.

    Cells suppressed for publication (None) have no bar and read "fewer than N".
    """
    groups = list(table.columns[1:])
    hidden = f"fewer than {threshold}" if threshold else "not shown"
    label_column = table.columns[0]
    published = table.copy()
    for group in groups:
        published[group] = [hidden if pd.isna(v) else int(v) for v in table[group]]
    drawn: list[Row] = []
    for index, (_, row) in enumerate(published.iterrows()):
        drawn += _heading_rows(str(row[label_column]), _heading_width(), first=index == 0)
        for group in groups:
            value = row[group]
            known = not isinstance(value, str)
            drawn.append(
                Row(name=str(group), length=value if known else 0, label=f"{value:,}" if known else value)
            )
    figure = draw_rows(drawn)
    alt = f"Bar chart. {title}. " + " ".join(
        f"{row[label_column]}: "
        + _alt_list(groups, [v if isinstance(v, str) else f"{v:,}" for v in (row[g] for g in groups)])
        + "."
        for _, row in published.iterrows()
    )
    return Chart(name, title, alt, published, figure, note)


# --------------------------------------------------------------------------- wording of titles


def _in_title(label: str) -> str:
    """A category's name inside a title, as in a sentence ('quality of service'; 'SEN', 'Early Help')."""
    from complaints_report.sentences import in_sentence

    return in_sentence(label)


def _names(names: list[str], *, start: bool = False) -> str:
    text = wording.join([_in_title(n) for n in names])
    return text[:1].upper() + text[1:] if start else text


def _threshold(figures: dict) -> int | None:
    return figures.get("suppressed_below")


def _with_trend(figures: dict, history: list[dict], key: str) -> tuple[list[str], list[int]]:
    known = [f for f in history if key in f]
    return [f["year_display"] for f in known], [f[key] for f in known]


def counts_title(subject: str, years: list[str], parts: list[int], wholes: list[int]) -> str:
    """A yearly share's finding where a year has fewer than 10 cases: the counts, not percentages
    ('Complaints upheld or partly upheld: 1 of 2 in 2020/21 and 2 of 3 in 2021/22')."""
    listed = [
        f"{part:,} of {whole:,} in {year}" for year, part, whole in zip(years, parts, wholes, strict=True)
    ]
    return f"{subject}: {wording.join(listed)}"


def _small(wholes: list) -> bool:
    return any(isinstance(whole, int) and whole < wording.SMALL_BASE for whole in wholes)


def yearly_title(subject: str, years: list[str], values: list, unit: str = "") -> str:
    """A yearly chart's finding: 'Complaints fell each year, from 97 in 2018/19 to 85 in 2020/21';
    with two years 'Complaints rose from 74% in 2020/21 to 81% in 2021/22'; up and down, every year."""

    def at(i: int) -> str:
        return f"{values[i]:,}{unit} in {years[i]}"

    if len(values) < 2:
        return f"{subject}: {at(0)}"
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if all(s == 0 for s in steps):
        return f"{subject} stayed at {values[-1]:,}{unit} from {years[0]} to {years[-1]}"
    if len(values) == 2:
        return f"{subject} {'rose' if steps[0] > 0 else 'fell'} from {at(0)} to {at(1)}"
    if all(s < 0 for s in steps) or all(s > 0 for s in steps):
        return f"{subject} {'fell' if steps[0] < 0 else 'rose'} each year, from {at(0)} to {at(-1)}"
    return f"{subject}: {wording.join([at(i) for i in range(len(values))])}"


# --------------------------------------------------------------------------- the report's charts


def volume_chart(figures: dict, history: list[dict]) -> Chart:
    key = "complaints_accepted"
    years, values = _with_trend(figures, history, key)
    if len(values) < len([f for f in history if "complaints_received" in f]):
        key = "complaints_received"
        years, values = _with_trend(figures, history, key)
    counted = "accepted" if key == "complaints_accepted" else "received"
    note = f"Stage 1 complaints {counted} in each reporting year, from 1 April to 31 March."
    title = yearly_title("Complaints", years, values)
    return yearly_bars("volume", years, values, title, "complaints", note=note)


MOST_NAMED = 3  # a title names at most this many tied leaders; more are counted ("Four issues were ...")


def _leading_title(counts: dict, total: int, what: str, noun: str) -> str:
    """A breakdown's finding, from its counts: the one or two largest entries when they make up more than
    half of the total; else the largest (ties named together); an even spread as such."""
    known = sorted(((n, c) for n, c in counts.items() if c is not None), key=lambda item: -item[1])
    if not known or not total:
        return f"{what.capitalize()} by {noun}"
    values = [c for _, c in known]
    if len(known) > 1 and len(set(values)) == 1:
        return f"{what.capitalize()} were spread evenly across the {len(known)} {noun}s ({values[0]:,} each)"
    unique_first = len(known) == 1 or values[0] > values[1]
    if unique_first and 2 * values[0] > total:
        return f"{_names([known[0][0]], start=True)} made up more than half of {what} ({values[0]:,} of {total:,})"
    unique_pair = len(known) == 2 or (len(known) > 2 and values[1] > values[2])
    if len(known) > 1 and unique_pair and 2 * (values[0] + values[1]) > total:
        together = values[0] + values[1]
        pair = _names([known[0][0], known[1][0]], start=True)
        return f"{pair} made up more than half of {what} ({together:,} of {total:,})"
    names, largest = wording.leaders(dict(known))
    if len(names) == 1:
        return f"{_names(names, start=True)} was the most common {noun} ({largest:,} of {total:,})"
    if len(names) > MOST_NAMED:
        return (
            f"{wording.number_word(len(names)).capitalize()} {noun}s were the most common ({largest:,} each)"
        )
    return f"{_names(names, start=True)} were the most common {noun}s ({largest:,} each)"


def category_chart(figures: dict) -> Chart:
    total = figures["complaints_accepted"]
    title = _leading_title(figures["category_counts"], total, "complaints", "issue")
    shares = " Percentages are of all the complaints accepted." if total >= wording.SMALL_BASE else ""
    note = f"Stage 1 complaints accepted in {figures['year_display']}, by the main issue each raised.{shares}"
    return horizontal_bars(
        "nature",
        figures["category_counts"],
        title,
        "complaints",
        "nature of issue",
        total=total,
        threshold=_threshold(figures),
        note=note,
    )


def area_chart(figures: dict, key: str = "area_counts", name: str = "areas", by: str = "area") -> Chart:
    total = figures["complaints_accepted"]
    title = _leading_title(figures[key], total, "complaints", by)
    return horizontal_bars(
        name,
        figures[key],
        title,
        "complaints",
        by,
        total=total,
        threshold=_threshold(figures),
        note=f"Stage 1 complaints accepted in {figures['year_display']}, by {by}.",
    )


def upheld_share(figures: dict) -> int | None:
    """Upheld or partly upheld, as a percentage of the complaints decided, from the counts."""
    decided = sum(figures.get(k) or 0 for k in ("upheld", "partly_upheld", "not_upheld"))
    return percent((figures.get("upheld") or 0) + (figures.get("partly_upheld") or 0), decided)


def outcomes_chart(figures: dict, history: list[dict]) -> Chart:
    rows = [f for f in history if "upheld" in f]
    years = [f["year_display"] for f in rows]
    shares = [upheld_share(f) for f in rows]
    known = [(year, share) for year, share in zip(years, shares, strict=True) if share is not None]
    decided = [sum(f.get(k) or 0 for k in ("upheld", "partly_upheld", "not_upheld")) for f in rows]
    if _small(decided):
        upheld = [(f.get("upheld") or 0) + (f.get("partly_upheld") or 0) for f in rows]
        title = counts_title("Complaints decided that were upheld or partly upheld", years, upheld, decided)
    else:
        title = yearly_title(
            "The share of complaints upheld or partly upheld",
            [y for y, _ in known],
            [s for _, s in known],
            "%",
        )
    note = (
        "Stage 1 complaints accepted, by outcome and year. Percentages are of the complaints decided each "
        "year (upheld, partly upheld or not upheld)."
    )
    return outcomes_by_year("outcomes", rows, title, note=note)


def bands_chart(figures: dict) -> Chart:
    title = f"{figures['within_10_pct']}% of responses were sent within 10 working days"
    return response_bands(
        "response_times", figures, title, note=f"Stage 1 complaints answered, {figures['year_display']}."
    )


def ombudsman_chart(figures: dict, history: list[dict]) -> Chart:
    years, values = _with_trend(figures, history, "ombudsman_received")
    title = yearly_title("New Ombudsman complaints", years, values)
    note = "Complaints the Local Government and Social Care Ombudsman told the council about, by year."
    return yearly_bars("ombudsman", years, values, title, "cases", note=note)


def enquiries_chart(figures: dict) -> Chart:
    counts = figures["member_enquiries_by_area"]
    total = figures.get("member_enquiries") or sum(n for n in counts.values() if n is not None)
    names, largest = wording.leaders(counts)
    if not names:
        title = "Member enquiries by service area"
    elif len(names) == 1:
        share = f" ({percent(largest, total)}%)" if total >= wording.SMALL_BASE else ""
        title = f"The largest group was {_in_title(names[0])}: {largest:,} of the {total:,} enquiries{share}"
    elif len(names) > MOST_NAMED:
        each = wording.no_or_count(largest, "enquiry", "enquiries")
        title = f"{wording.number_word(len(names)).capitalize()} service areas had the most enquiries, {each} each"
    else:
        each = wording.no_or_count(largest, "enquiry", "enquiries")
        title = f"The largest groups were {_names(names)}, with {each} each"
    shares = " Percentages are of all the enquiries." if total >= wording.SMALL_BASE else ""
    return horizontal_bars(
        "member_enquiries",
        counts,
        title,
        "enquiries",
        "service area",
        total=total,
        threshold=_threshold(figures),
        note=f"Member enquiries received in {figures['year_display']}, by service area.{shares}",
    )


def compliments_chart(figures: dict) -> Chart:
    from complaints_report.sentences import body_name

    counts = figures["compliments_by_team"]
    names, largest = wording.leaders(counts)
    teams = wording.join([body_name(n) for n in names])
    teams = teams[:1].upper() + teams[1:]
    every = len(names) == len([n for n in counts.values() if n is not None])
    if not names:
        title = "Compliments by team"
    elif len(names) == 1:
        title = f"{teams} received the most compliments ({largest:,})"
    elif every and len(names) > MOST_NAMED:
        title = f"Each of the {len(names):,} teams received {wording.no_or_count(largest, 'compliment')}"
    elif every:
        title = f"{teams} received {wording.no_or_count(largest, 'compliment')} each"
    elif len(names) > MOST_NAMED:
        title = f"{wording.number_word(len(names)).capitalize()} teams received the most compliments ({largest:,} each)"
    else:
        title = f"{teams} received the most compliments ({largest:,} each)"
    return horizontal_bars(
        "compliments",
        counts,
        title,
        "compliments",
        "team",
        with_percent=False,
        threshold=_threshold(figures),
        note=f"Compliments recorded in {figures['year_display']}, by the team they were for.",
    )


def timeliness_chart(figures: dict, history: list[dict]) -> Chart:
    years, values = _with_trend(figures, history, "stage1_within_timescale_pct")
    subject = "Stage 1 complaints answered within the timescale"
    rows = [f for f in history if "stage1_within_timescale_pct" in f]
    wholes = [f.get("stage1_responded") for f in rows]
    parts = [f.get("stage1_within_timescale") for f in rows]
    if _small(wholes) and all(isinstance(n, int) for n in wholes + parts):
        title = counts_title(subject, years, parts, wholes)
    else:
        title = yearly_title(subject, years, values, "%")
    note = (
        f"Stage 1 complaints with a response, answered within {STAGE1_DAYS} working days, or "
        f"{STAGE1_EXTENDED_DAYS} where an extension was agreed, by year."
    )
    return yearly_bars("timeliness", years, values, title, "percent_within_timescale", unit="%", note=note)


def _breakdown(figures: dict, key: str) -> bool:
    """A breakdown worth a chart: two or more entries (one entry is a sentence, not a chart)."""
    return len(figures.get(key) or {}) >= 2


def _years(figures: dict, history: list[dict], key: str) -> bool:
    return len([f for f in history if key in f]) >= 2


def asc_charts(figures: dict, history: list[dict]) -> list[Chart]:
    """Adult Social Care: the seed report's graphs (complaints over the years, nature of issue, outcomes
    against two earlier years, Ombudsman cases over the years, Member enquiries, compliments), with the
    committee's quarters of the year and comparison with similar councils. The five-year trend takes
    the place of the seed's three-year volume graph when two or more years of complaints received are
    known. Complaints by area are in Table 1 and response times in a sentence, so neither is drawn
    again."""
    trend = trend_chart(figures)
    charts = []
    if trend is not None:
        charts.append(trend)
    elif _years(figures, history, "complaints_accepted") or _years(figures, history, "complaints_received"):
        charts.append(volume_chart(figures, history))
    charts += _present(quarters_chart(figures))
    if figures.get("complaints_accepted") and _breakdown(figures, "category_counts"):
        charts.append(category_chart(figures))
    # absent while no complaint has been decided; with one year, the outcomes are a sentence
    if figures.get("upheld_or_partly_pct") is not None and _years(figures, history, "upheld"):
        charts.append(outcomes_chart(figures, history))
    if "ombudsman_received" in figures and _years(figures, history, "ombudsman_received"):
        charts.append(ombudsman_chart(figures, history))
    if _breakdown(figures, "member_enquiries_by_area"):
        charts.append(enquiries_chart(figures))
    if _breakdown(figures, "compliments_by_team"):
        charts.append(compliments_chart(figures))
    return charts + _present(comparators_chart(figures))


def _present(chart: Chart | None) -> list[Chart]:
    return [] if chart is None else [chart]


def childrens_charts(figures: dict, history: list[dict]) -> list[Chart]:
    """Children's Services: the five-year trend, the quarters, how far complaints went, the reasons
    for complaints, stage 1 timeliness over the years (from 10 complaints answered a year),
    compliments by team and the comparison with similar councils. Complaints received and accepted
    are a sentence; departments, stages and Ombudsman cases are tables (Tables 1 to 3), so none of
    them is drawn again."""
    charts = [*_present(trend_chart(figures)), *_present(quarters_chart(figures))]
    charts += _present(escalation_chart(figures))
    if figures.get("complaints_accepted") and _breakdown(figures, "category_counts"):
        charts.append(category_chart(figures))
    # a chart of percentages of a handful would overstate them: below 10 answered, the sentence gives counts
    answered = [f.get("stage1_responded") for f in history if "stage1_within_timescale_pct" in f]
    if (
        figures.get("stage1_responded")
        and _years(figures, history, "stage1_within_timescale_pct")
        and not _small(answered)
    ):
        charts.append(timeliness_chart(figures, history))
    if _breakdown(figures, "compliments_by_team"):
        charts.append(compliments_chart(figures))
    return charts + _present(comparators_chart(figures))


# --------------------------------------------------------------------------- the committee's charts
# Five years of complaints, the quarters of the year, how far complaints went (Children's), and this
# council against similar councils. Each title states the finding, the note what is counted; the alt
# text carries every number. Drawn like every other chart (draw_rows): no title in the image.

QUARTER_NAMES = {  # metrics.QUARTERS: quarters of the reporting year, by the date received
    "Q1": "April to June",
    "Q2": "July to September",
    "Q3": "October to December",
    "Q4": "January to March",
}
# How the report names a comparator measure (the metric names of metrics.json), and the counts behind
# a percentage (part, whole), so that a handful of cases is shown as counts too (docs/style.md).
MEASURE_NAMES = {
    "complaints_per_1000_service_users": "Complaints per 1,000 service users",
    "complaints_per_100k_population": "Complaints per 100,000 residents",
    "ombudsman_upheld_pct": "Ombudsman investigations with fault found",
    # the timescale with its agreed extension (working_days), so that it does not read as the share
    # within 10 working days the text gives; short enough to draw whole (markup.chart_text)
    "stage1_within_timescale_pct": (
        f"Complaints answered within {STAGE1_DAYS} working days, or {STAGE1_EXTENDED_DAYS} if agreed"
    ),
    "stage2_within_timescale_pct": "Stage 2 complaints answered within the timescale",
    "stage3_within_timescale_pct": "Stage 3 complaints answered within the timescale",
    "escalation_pct": "Complaints that went on to stage 2",
    "acknowledged_within_3_pct": "Complaints acknowledged within 3 working days",
    "upheld_or_partly_pct": "Complaints upheld or partly upheld",
    "within_10_pct": "Complaints answered within 10 working days",
    "mean_working_days": "Average (mean) working days to answer",
    "median_working_days": "Median working days to answer",
}
PERCENT_BASES = {
    "stage1_within_timescale_pct": ("stage1_within_timescale", "stage1_responded"),
    "stage2_within_timescale_pct": ("stage2_within_timescale", "stage2_responded"),
    "stage3_within_timescale_pct": ("stage3_within_timescale", "stage3_responded"),
    "ombudsman_upheld_pct": ("ombudsman_fault_found", "ombudsman_investigated"),
    "escalation_pct": ("stage2_received", "complaints_accepted"),
    "acknowledged_within_3_pct": ("acknowledged_within_3", "acknowledged_recorded"),
    "within_10_pct": ("within_10", "stage1_responded"),
}


def _count(n: int) -> str:
    """A count in a title: zero is the word, as a point on a scale reads (docs/style.md)."""
    return "zero" if n == 0 else f"{n:,}"


def trend_title(years: list[str], values: list[int]) -> str:
    """The finding of a series of yearly counts of complaints received, oldest first."""
    first, last = values[0], values[-1]
    if len(values) == 2:
        return f"Complaints received {wording.change_phrase(last, first)} between {years[0]} and {years[-1]}"
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    span = f"from {_count(first)} in {years[0]} to {_count(last)} in {years[-1]}"
    if all(step < 0 for step in steps):
        return f"Complaints received fell each year, {span}"
    if all(step > 0 for step in steps):
        return f"Complaints received rose each year, {span}"
    if all(step == 0 for step in steps):
        return f"Complaints received stayed at {_count(last)} a year from {years[0]} to {years[-1]}"
    earlier = values[:-1]
    before = f"the {wording.number_word(len(earlier))} years before"
    if last > max(earlier):
        return f"More complaints were received in {years[-1]} ({last:,}) than in any of {before}"
    if last < min(earlier):
        if last == 0:
            return f"No complaints were received in {years[-1]}, fewer than in any of {before}"
        return f"Fewer complaints were received in {years[-1]} ({last:,}) than in any of {before}"
    return (
        f"{last:,} complaints received in {years[-1]}, within the range of {before} "
        f"({_count(min(earlier))} to {max(earlier):,})"
    )


def trend_chart(figures: dict) -> Chart | None:
    """Complaints received in the year and the four before it (``complaints_trend``); None with fewer
    than two years known, when there is no trend or change to show."""
    trend = figures.get("complaints_trend") or {}
    if len(trend) < 2:
        return None
    from complaints_report.years import ReportingYear

    years = [ReportingYear.parse(label).display for label in trend]
    values = [int(v) for v in trend.values()]
    note = (
        "Stage 1 complaints received in each reporting year, from 1 April to 31 March, including those "
        "not accepted as complaints."
    )
    return yearly_bars("trend", years, values, trend_title(years, values), "complaints_received", note=note)


def quarters_title(counts: dict[str, int]) -> str:
    """Which quarter had the most complaints, and which the fewest (ties named together)."""
    values = list(counts.values())
    if len(set(values)) == 1:
        return f"Complaints came in evenly through the year: {values[0]:,} in each quarter"
    most, top = wording.leaders(counts)
    fewest, bottom = wording.leaders({name: -n for name, n in counts.items()})
    each = " each" if len(most) > 1 else ""
    title = f"{wording.join(most)} had the most complaints ({top:,}{each})"
    if bottom == 0:
        return f"{title}, and there were none in {wording.join(fewest)}"
    fewest_each = " each" if len(fewest) > 1 else ""
    return f"{title}, {wording.join(fewest)} the fewest ({-bottom:,}{fewest_each})"


def quarters_chart(figures: dict) -> Chart | None:
    """Accepted stage 1 complaints by quarter of the reporting year (``quarterly_received``), in the
    order of the year, each quarter's name above its bar; None when there were none."""
    quarterly = figures.get("quarterly_received") or {}
    if not sum(quarterly.values()):
        return None
    counts = {QUARTER_NAMES.get(q, q): int(n) for q, n in quarterly.items()}
    title = quarters_title(counts)
    labels = [_zero_label(f"{n:,}") for n in counts.values()]
    rows: list[Row] = []
    for index, (quarter, count, label) in enumerate(zip(counts, counts.values(), labels, strict=True)):
        rows += _heading_rows(quarter, _heading_width(), first=index == 0)
        rows.append(Row(length=count, label=label))
    data = pd.DataFrame({"quarter": list(counts), "complaints": list(counts.values())})
    alt = (
        f"Horizontal bar chart. {title}. Complaints accepted by quarter of {figures['year_display']}: "
        + _alt_list(counts, [f"{n:,}" for n in counts.values()])
        + "."
    )
    note = f"Stage 1 complaints accepted, by the quarter of {figures['year_display']} in which they were received."
    return Chart("quarters", title, alt, data, draw_rows(rows), note)


def _zero_label(label: str) -> str:
    """A bar's label: 'none' where its count is nothing (docs/style.md: no bare zero)."""
    return "none" if label in {"0", "0 (0%)", "0 of 0"} or label.startswith("0 of ") else label


def _part_of(count: int, whole: int) -> str:
    """A count with its share of a whole, for a label: '12 (19%)', or counts alone below 10 ('2 of 4')."""
    if whole < wording.SMALL_BASE:
        return f"{count:,} of {whole:,}"
    return f"{count:,} ({percent(count, whole)}%)"


def escalation_title(figures: dict) -> str:
    """How many stage 1 complaints went on to stage 2: the share and how it moved from last year, or
    counts for a handful; 'none' rather than a bare zero, and never a numeral first (docs/style.md)."""
    stage1, stage2 = figures["complaints_accepted"], figures["stage2_received"]
    year = figures["year_display"]
    if stage1 == 1:
        return f"The one stage 1 complaint {'went' if stage2 else 'did not go'} on to stage 2 in {year}"
    if stage2 == 0:
        title = f"None of the {stage1:,} stage 1 complaints went on to stage 2 in {year}"
    elif stage1 < wording.SMALL_BASE:
        return f"Of the {stage1:,} stage 1 complaints, {stage2:,} went on to stage 2 in {year}"
    else:
        title = f"The share of stage 1 complaints that went on to stage 2 was {percent(stage2, stage1)}% in {year}"
    previous, current = figures.get("previous_year", {}), figures.get("escalation_pct")
    if stage1 >= wording.SMALL_BASE and previous.get("escalation_pct") is not None and current is not None:
        before, when = previous["escalation_pct"], previous["year_display"]
        if stage2 and current != before:
            direction = "rose" if current > before else "fell"
            return (
                f"The share of stage 1 complaints that went on to stage 2 {direction} from {before}% in "
                f"{when} to {percent(stage2, stage1)}% in {year}"
            )
        if current < before:
            title += f", down from {before}% in {when}"
        elif current == before:
            title += f", the same as in {when}"
    return title


def escalation_chart(figures: dict) -> Chart | None:
    """Children's: complaints received at stage 1 (accepted), stage 2, stage 3 and by the Ombudsman in
    the year, a bar each with the stage's name beside it, each later stage with its share of the
    stage 1 complaints; None without stage 1 ones, or when nothing went beyond stage 1."""
    stage1 = figures.get("complaints_accepted", 0)
    if not stage1 or "escalation_pct" not in figures:  # Children's only: ASC has one stage
        return None
    if not any(figures.get(key) for key in ("stage2_received", "stage3_received", "ombudsman_received")):
        return None  # nothing went beyond stage 1: the stages table says so, a chart would add nothing
    counts = {
        "Stage 1": stage1,
        "Stage 2": figures["stage2_received"],
        "Stage 3": figures.get("stage3_received", 0),
    }
    if "ombudsman_received" in figures:
        counts["Ombudsman"] = figures["ombudsman_received"]
    labels = [f"{stage1:,}"] + [_zero_label(_part_of(n, stage1)) for n in list(counts.values())[1:]]
    data = pd.DataFrame(
        {
            "stage": list(counts),
            "complaints": list(counts.values()),
            "percent_of_stage_1": [
                None if name == "Stage 1" else percent(n, stage1) for name, n in counts.items()
            ],
        }
    )
    title = escalation_title(figures)
    rows = [
        Row(name=stage, length=count, label=label)
        for stage, count, label in zip(counts, counts.values(), labels, strict=True)
    ]
    alt = (
        f"Horizontal bar chart. {title}. Complaints received in {figures['year_display']} at each stage, "
        "with the share of the stage 1 complaints: " + _alt_list(counts, labels) + "."
    )
    shares = " Percentages are of the stage 1 complaints accepted." if stage1 >= wording.SMALL_BASE else ""
    note = (
        f"Complaints received in {figures['year_display']} at each stage of the complaints procedure "
        f"and by the Ombudsman.{shares}"
    )
    return Chart("escalation", title, alt, data, draw_rows(rows), note)


def measure_name(measure: str) -> str:
    """A metric's name as a reader sees it: 'ombudsman_upheld_pct' -> 'Ombudsman investigations with fault found'."""
    if measure in MEASURE_NAMES:
        return MEASURE_NAMES[measure]
    from complaints_report.presentation import HEADLINE_KEYS

    labels = {key: label.removesuffix(" (%)") for key, label in HEADLINE_KEYS}
    if measure in labels:
        return labels[measure]
    words = measure.removesuffix("_pct").replace("_", " ")
    return words[:1].upper() + words[1:]


def shown_value(measure: str, value: float | int) -> float | int:
    """A value of a measure as the report shows it: a percentage as a whole number, rounded half up
    from the value given (docs/style.md, "Percentages"); other measures as given (rates and means
    come to one decimal place). The chart's labels, its title and its alt text all use this one
    rounding, so a title never calls a value higher than a median the labels show as the same."""
    return rounding.whole(value) if measure.endswith("_pct") else value


def measure_value(measure: str, value: float | int) -> str:
    """A value of a measure as printed: percentages whole, with '%'; rates and means to one decimal place."""
    if measure.endswith("_pct"):
        return f"{shown_value(measure, value):,}%"
    if measure in wording.DECIMAL_METRICS:
        return f"{value:,.1f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _small_base(figures: dict, measure: str) -> tuple[int, int] | None:
    """The counts behind this council's percentage on a measure, when they are fewer than 10 cases."""
    part, whole_key = PERCENT_BASES.get(measure, (None, None))
    if whole_key in figures and part in figures and figures[whole_key] < wording.SMALL_BASE:
        return figures[part], figures[whole_key]
    return None


def _council_label(figures: dict, measure: str) -> str:
    """This council's value; the counts alone for a percentage of fewer than 10 cases ('3 of 3'),
    where a percentage would overstate the evidence (docs/style.md)."""
    if counts := _small_base(figures, measure):
        return f"{counts[0]:,} of {counts[1]:,}"
    return measure_value(measure, figures[measure])


def comparators_title(figures: dict, measures: list[str]) -> str:
    """How many measures this council is higher than, lower than or the same as the similar councils'
    median on, compared as the chart shows them. Higher is not always better (more answered in time
    is, more complaints per 1,000 is not), so the title says higher and lower, never better or worse."""
    ranges = figures.get("comparator_ranges", {})
    medians = figures["comparator_medians"]
    councils = {ranges[m]["councils"] for m in measures if m in ranges}
    who = f"{councils.pop()} similar councils" if len(councils) == 1 else "similar councils"
    compared = [m for m in measures if figures.get(m) is not None]
    own = {m: shown_value(m, figures[m]) for m in compared}
    median = {m: shown_value(m, medians[m]) for m in compared}
    higher = sum(own[m] > median[m] for m in compared)
    lower = sum(own[m] < median[m] for m in compared)
    same = len(compared) - higher - lower
    start = f"Compared with {who} in {figures['year_display']}"
    if not compared:
        return f"{start}: their median and range on each measure"
    every = f"all {len(compared)} measures" if len(compared) > 1 else "the one measure shown"
    if higher == len(compared):
        return f"{start}: higher than their median on {every}"
    if lower == len(compared):
        return f"{start}: lower than their median on {every}"
    if same == len(compared):
        return f"{start}: the same as their median on {every}"
    tally = [("higher than", higher), ("lower than", lower), ("the same as", same)]
    (first, n), *others = [(words, n) for words, n in tally if n]
    rest = "".join(f", {words.removesuffix(' than').removesuffix(' as')} on {n}" for words, n in others)
    return f"{start}: {first} their median on {n} of {len(compared)} measures{rest}"


def comparators_chart(figures: dict) -> Chart | None:
    """This council's value on each comparator measure against the similar councils' median
    (``comparator_medians``, ``comparator_ranges``): for each measure its name across the chart, a bar
    for this council and one for the median, and the similar councils' range in words beneath; None
    without comparators. Bars are scaled within a measure (measures have different units), so each
    pair compares this council with the median of its own measure."""
    medians = figures.get("comparator_medians") or {}
    ranges = figures.get("comparator_ranges") or {}
    measures = [m for m in medians if m in ranges]
    if not measures:
        return None
    title = comparators_title(figures, measures)
    records, alt_parts = [], []
    rows: list[Row] = []
    for index, measure in enumerate(measures):
        low, high, councils = (
            ranges[measure]["lowest"],
            ranges[measure]["highest"],
            ranges[measure]["councils"],
        )
        median = medians[measure]
        own = figures.get(measure)
        own_label = _council_label(figures, measure) if own is not None else "no figure"
        counts = _small_base(figures, measure) if own is not None else None
        # the data table under the chart holds the figures as the chart shows them: whole percentages,
        # and this council's counts alone (no percentage) where it had fewer than 10 cases
        record = {
            "measure": measure_name(measure),
            "this_council": None if own is None or counts else shown_value(measure, own),
            "similar_councils_median": shown_value(measure, median),
            "similar_councils_lowest": shown_value(measure, low),
            "similar_councils_highest": shown_value(measure, high),
            "similar_councils": councils,
        }
        if counts:
            record["this_council_counts"] = own_label
        records.append(record)
        span = (
            measure_value(measure, low)
            if low == high
            else f"{measure_value(measure, low)} to {measure_value(measure, high)}"
        )
        alt_parts.append(
            f"{measure_name(measure)}: this council {own_label}; {wording.plural(councils, 'similar council')} "
            f"{span}, median {measure_value(measure, median)}"
        )
        # bars drawn to the values as labelled
        own, median, high = (shown_value(measure, v) if v is not None else None for v in (own, median, high))
        largest = max(abs(v) for v in (own or 0, median, high)) or 1
        rows += _heading_rows(measure_name(measure), _heading_width(), first=index == 0)
        rows.append(Row(name="This council", length=max(own or 0, 0) / largest, label=own_label))
        rows.append(
            Row(
                name="Median",
                length=max(median, 0) / largest,
                colour=EARLIER,
                label=measure_value(measure, median),
            )
        )
        # how many councils is in the title and the alt text; the range is short enough for one line
        councils_range = f"{'Similar council' if councils == 1 else 'Similar councils'}: {span}"
        rows += [Row(heading=line) for line in wrap(councils_range, _heading_width())]
    alt = (
        f"Bar chart, a pair of bars a measure. {title}. Each pair shows this council's value and the median "
        "of the similar councils, with the lowest and highest of them. " + ". ".join(alt_parts) + "."
    )
    # where the similar councils' figures come from is for the council to say in its narrative
    small = (
        " Where this council had fewer than 10 cases, its counts are shown instead of a percentage."
        if any("this_council_counts" in record for record in records)
        else ""
    )
    note = (
        f"Figures for {figures['year_display']}: this council's from its complaints, the similar councils' "
        f"as given for this comparison. The median is the middle value of the similar councils.{small}"
    )
    return Chart("comparators", title, alt, pd.DataFrame(records), draw_rows(rows), note)
