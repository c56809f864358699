"""Charts of the annual report, in one accessible style.

- Colours: the Government Analysis Function accessible categorical palette
  (https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-colours-in-charts/).
  Bars use the first colour; the reporting year is picked out in the same dark blue with
  earlier years in grey-blue, and every bar carries its value and its category name on the
  axis, so colour is never the only cue.
- Titles state the finding ("85 complaints in 2020/21, slightly lower than last year's
  figure of 89"), values are labelled directly, there are no legends.
- Alt text is generated from the data: what the chart shows, with its numbers.
- Each chart keeps the table it was drawn from, saved as CSV beside the image.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from complaints_report import markup, wording  # noqa: E402
from complaints_report.rounding import percent  # noqa: E402
from complaints_report.vocabulary import OUTCOME_LABELS  # noqa: E402
from complaints_report.working_days import BAND_LABELS, BANDS  # noqa: E402

# Analysis Function accessible categorical palette, in its published order.
PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
MAIN = PALETTE[0]
# Earlier years: a tint of MAIN with at least 3:1 contrast both against the white background and
# against MAIN beside it (WCAG 1.4.11; Analysis Function guidance on adjacent colours).
EARLIER = "#7692AA"
TEXT = "#0B0C0C"
FONT_SIZE = 12  # close to the report's body text at the size images are shown
WIDTH = 8.0  # inches; images are shown at most about 45rem wide


@dataclass
class Chart:
    """One chart: its file name, the finding it states, alt text, data and figure."""

    name: str
    title: str
    alt: str
    data: pd.DataFrame
    figure: plt.Figure


def apply_style() -> None:
    """One look for every chart: plain background, dark text, no top/right spines.

    Chart text is never read as mathtext: labels come from exports, and a category such as
    ``Fee $5 and $10`` or ``$$x$$`` must print as written (the chart's side of the boundary in
    markup.py; https://matplotlib.org/stable/users/explain/text/mathtext.html).
    """
    sns.set_theme(
        style="white",
        rc={
            "font.family": "DejaVu Sans",
            "font.size": FONT_SIZE,
            "axes.titlesize": FONT_SIZE + 1,
            "axes.labelsize": FONT_SIZE,
            "xtick.labelsize": FONT_SIZE,
            "ytick.labelsize": FONT_SIZE,
            "text.color": TEXT,
            "axes.labelcolor": TEXT,
            "xtick.color": TEXT,
            "ytick.color": TEXT,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "complaints-report",
            "text.parse_math": False,
        },
    )


def _wrap(title: str) -> str:
    """Titles wrap rather than run off the image; beyond four lines they end with an ellipsis (the
    figure's caption holds the whole title)."""
    return textwrap.fill(markup.one_line(title), width=70, max_lines=4, placeholder=" …")


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
) -> Chart:
    """Categories as horizontal bars, largest at the top, each labelled with count and share.

    A count suppressed for publication (None, see suppression.py) has no bar and reads
    "fewer than N"; ``total`` is then the published total the shares are of.
    """
    apply_style()
    known = [c for c in counts.values() if c is not None]
    total = total if total is not None else sum(known)
    hidden = f"fewer than {threshold}" if threshold else "not shown"
    data = pd.DataFrame(
        {"name": list(counts), "count": [hidden if c is None else c for c in counts.values()]}
    )
    if with_percent:
        data["percent"] = [None if c is None else percent(c, total) for c in counts.values()]
    labels = [hidden if c is None else _label(c, total if with_percent else None) for c in counts.values()]
    lengths = pd.DataFrame({"name": list(counts), "count": [c or 0 for c in counts.values()]})
    height = max(2.2, 0.45 * len(data) + 1.2)
    figure, axes = plt.subplots(figsize=(WIDTH, height), layout="constrained")
    sns.barplot(data=lengths, y="name", x="count", color=MAIN, ax=axes, orient="h", saturation=1)
    # Names from an export, as a chart can show them (markup.chart_text); the bars stay one per name.
    axes.set_yticks(axes.get_yticks(), labels=[markup.chart_text(name) for name in counts])
    axes.bar_label(axes.containers[0], labels=labels, padding=4, fontsize=FONT_SIZE)
    axes.set(xlabel=f"Number of {subject}", ylabel="")
    axes.set_xlim(0, max(max(known, default=0) * 1.3, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Horizontal bar chart. {title}. {subject.capitalize()} by {by}: "
        + _alt_list(data["name"], labels)
        + "."
    )
    return Chart(name, title, alt, data, figure)


def yearly_bars(
    name: str, years: list[str], values: list[int | float], title: str, value_name: str, unit: str = ""
) -> Chart:
    """One bar a year, oldest first, the latest in dark blue, each labelled with its value."""
    apply_style()
    data = pd.DataFrame({"year": years, value_name: values})
    figure, axes = plt.subplots(figsize=(WIDTH, 3.6), layout="constrained")
    colours = [EARLIER] * (len(years) - 1) + [MAIN]
    sns.barplot(
        data=data, x="year", y=value_name, hue="year", palette=colours, legend=False, ax=axes, saturation=1
    )
    labels = [f"{v:,}{unit}" for v in values]
    for container, label in zip(axes.containers, labels, strict=True):
        axes.bar_label(container, labels=[label], padding=3, fontsize=FONT_SIZE)
    axes.set(xlabel="Reporting year", ylabel=value_name.replace("_", " ").capitalize())
    axes.set_ylim(0, max(max(values) * 1.2, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Vertical bar chart. {title}. {value_name.replace('_', ' ').capitalize()} by year: "
        + _alt_list(years, labels)
        + "."
    )
    return Chart(name, title, alt, data, figure)


def _outcome_label(count: int, share: int | None) -> str:
    return f"{count:,}" if share is None or pd.isna(share) else f"{count:,} ({int(share)}%)"


def outcomes_by_year(name: str, rows: list[dict], title: str) -> Chart:
    """Outcomes in small multiples, one panel a year, so years are told apart by position and label.

    Shares are of the complaints decided (upheld, partly upheld, not upheld), as the title's
    percentage is; withdrawn complaints are shown as a count.
    """
    apply_style()
    records = []
    for figures in rows:
        decided = sum(figures.get(k, 0) for k in ("upheld", "partly_upheld", "not_upheld"))
        for outcome in ("upheld", "partly_upheld", "not_upheld", "withdrawn"):
            if outcome in figures:
                records.append(
                    {
                        "year": figures["year_display"],
                        "outcome": OUTCOME_LABELS[outcome],
                        "count": figures[outcome],
                        "percent_of_decided": None
                        if outcome == "withdrawn"
                        else percent(figures[outcome], decided),
                    }
                )
    data = pd.DataFrame(records)
    years = list(dict.fromkeys(data["year"]))
    figure, axes_list = plt.subplots(
        1, len(years), figsize=(WIDTH, 3.4), sharey=True, layout="constrained", squeeze=False
    )
    labels = {}
    for axes, year in zip(axes_list[0], years, strict=True):
        part = data[data["year"] == year]
        labels[year] = [
            _outcome_label(c, p) for c, p in zip(part["count"], part["percent_of_decided"], strict=True)
        ]
        sns.barplot(
            data=part,
            y="outcome",
            x="count",
            color=MAIN if year == years[-1] else EARLIER,
            ax=axes,
            orient="h",
            saturation=1,
        )
        axes.bar_label(axes.containers[0], labels=labels[year], padding=3, fontsize=FONT_SIZE - 1)
        axes.set(title=year, xlabel="Complaints", ylabel="")
        axes.set_xlim(0, max(data["count"].max() * 1.7, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Bar charts side by side, one a year. {title}. Percentages are of the complaints decided. "
        + " ".join(
            f"{year}: " + _alt_list(data[data["year"] == year]["outcome"], labels[year]) + "."
            for year in years
        )
    )
    return Chart(name, title, alt, data, figure)


def response_bands(name: str, metrics: dict, title: str) -> Chart:
    counts = {BAND_LABELS[band]: metrics[band] for band in BANDS}
    return horizontal_bars(name, counts, title, "complaints", "working days taken to respond")


def grouped_counts(
    name: str, table: pd.DataFrame, title: str, subject: str, threshold: int | None = None
) -> Chart:
    """Several measures for a few groups (e.g. stages), as small multiples with direct labels.

    Cells suppressed for publication (None) have no bar and read "fewer than N".
    """
    apply_style()
    groups = list(table.columns[1:])
    hidden = f"<{threshold}" if threshold else "–"
    figure, axes_list = plt.subplots(
        1, len(groups), figsize=(WIDTH, 3.2), sharey=True, layout="constrained", squeeze=False
    )
    label_column = table.columns[0]
    lengths = table.copy()
    for group in groups:
        lengths[group] = [0 if pd.isna(v) else v for v in table[group]]
    published = table.copy()
    for group in groups:
        published[group] = [hidden if pd.isna(v) else int(v) for v in table[group]]
    largest = max((v for group in groups for v in lengths[group]), default=0)
    for axes, group in zip(axes_list[0], groups, strict=True):
        sns.barplot(data=lengths, y=label_column, x=group, color=MAIN, ax=axes, orient="h", saturation=1)
        axes.bar_label(
            axes.containers[0],
            labels=[v if isinstance(v, str) else f"{v:,}" for v in published[group]],
            padding=3,
            fontsize=FONT_SIZE - 1,
        )
        axes.set(title=group, xlabel=subject.capitalize(), ylabel="")
        axes.set_xlim(0, max(largest * 1.4, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = f"Bar charts side by side. {title}. " + " ".join(
        f"{group}: "
        + _alt_list(
            table[label_column],
            [v.replace("<", "fewer than ") if isinstance(v, str) else f"{v:,}" for v in published[group]],
        )
        + "."
        for group in groups
    )
    return Chart(name, title, alt, published, figure)


# --------------------------------------------------------------------------- the report's charts


def _top(counts: dict[str, int | None]) -> tuple[str, int | None]:
    """The largest entry (counts arrive largest first); its count is None if suppressed."""
    name = next(iter(counts))
    return name, counts[name]


def _threshold(figures: dict) -> int | None:
    return figures.get("suppressed_below")


def _with_trend(figures: dict, history: list[dict], key: str) -> tuple[list[str], list[int]]:
    known = [f for f in history if key in f]
    return [f["year_display"] for f in known], [f[key] for f in known]


def _count_with_change(values: list[int], title: str) -> str:
    """A yearly chart's title, with this year's count compared with last year's when known."""
    return title + (", " + wording.count_change(values[-1], values[-2]) if len(values) > 1 else "")


def volume_chart(figures: dict, history: list[dict]) -> Chart:
    years, values = _with_trend(figures, history, "complaints_accepted")
    if len(values) < len([f for f in history if "complaints_received" in f]):
        years, values = _with_trend(figures, history, "complaints_received")
    title = _count_with_change(
        values, f"{wording.plural(values[-1], 'complaint')} in {figures['year_display']}"
    )
    return yearly_bars("volume", years, values, title, "complaints")


def category_chart(figures: dict) -> Chart:
    names, count = wording.leaders(figures["category_counts"])
    share = f"{percent(count, figures['complaints_accepted'])}%" if names else ""
    if len(names) == 1:
        title = f"{names[0]} was the most common issue ({share})"
    elif names:
        title = f"{wording.join(names)} were the most common issues ({share} each)"
    else:
        title = "Complaints by nature of issue"
    return horizontal_bars(
        "nature",
        figures["category_counts"],
        title,
        "complaints",
        "nature of issue",
        total=figures["complaints_accepted"],
        threshold=_threshold(figures),
    )


def area_chart(figures: dict, key: str = "area_counts", name: str = "areas", by: str = "area") -> Chart:
    names, count = wording.leaders(figures[key])
    share = f"{percent(count, figures['complaints_accepted'])}%" if names else ""
    if len(names) == 1:
        title = f"{names[0]} had the most complaints ({count}, {share})"
    elif names:
        title = f"{wording.join(names)} had the most complaints ({count} each, {share} each)"
    else:
        title = f"Complaints by {by}"
    return horizontal_bars(
        name,
        figures[key],
        title,
        "complaints",
        by,
        total=figures["complaints_accepted"],
        threshold=_threshold(figures),
    )


def outcomes_chart(figures: dict, history: list[dict]) -> Chart:
    rows = [f for f in history if "upheld" in f]
    pct = figures.get("upheld_or_partly_pct")
    title = (
        f"{wording.share_phrase(pct).capitalize()} of the complaints decided in {figures['year_display']} "
        f"were upheld or partly upheld ({pct}%)"
    )
    return outcomes_by_year("outcomes", rows, title)


def bands_chart(figures: dict) -> Chart:
    title = f"{figures['within_10_pct']}% of responses were sent within 10 working days"
    return response_bands("response_times", figures, title)


def ombudsman_chart(figures: dict, history: list[dict]) -> Chart:
    years, values = _with_trend(figures, history, "ombudsman_received")
    title = _count_with_change(
        values,
        f"{wording.plural(values[-1], 'complaint')} referred to the Ombudsman in {figures['year_display']}",
    )
    return yearly_bars("ombudsman", years, values, title, "cases")


def enquiries_chart(figures: dict) -> Chart:
    title = wording.most_phrase(figures["member_enquiries_by_area"], "accounted for") or "Member enquiries"
    title = title.replace("the most (", "the most Member enquiries (") if "the most (" in title else title
    return horizontal_bars(
        "member_enquiries",
        figures["member_enquiries_by_area"],
        title,
        "enquiries",
        "service area",
        total=figures.get("member_enquiries"),
        threshold=_threshold(figures),
    )


def compliments_chart(figures: dict) -> Chart:
    title = wording.most_phrase(figures["compliments_by_team"], "received") or "Compliments by team"
    title = title.replace("the most (", "the most compliments (")
    return horizontal_bars(
        "compliments",
        figures["compliments_by_team"],
        title,
        "compliments",
        "team",
        with_percent=False,
        threshold=_threshold(figures),
    )


def received_chart(figures: dict) -> Chart:
    counts = {
        "Received": figures["complaints_received"],
        "Rejected": figures["complaints_rejected"],
        "Accepted": figures["complaints_accepted"],
    }
    title = (
        f"{figures['complaints_accepted']:,} of {wording.plural(figures['complaints_received'], 'complaint')} "
        f"{'was' if figures['complaints_accepted'] == 1 else 'were'} accepted, "
        f"{figures['complaints_rejected']:,} {'was' if figures['complaints_rejected'] == 1 else 'were'} rejected"
    )
    return horizontal_bars("received", counts, title, "complaints", "whether accepted", with_percent=False)


def stages_chart(figures: dict) -> Chart:
    rows = figures["stage_table"]
    table = pd.DataFrame(
        {
            "Outcome": [
                OUTCOME_LABELS[k] for k in ("upheld", "partly_upheld", "not_upheld", "withdrawn", "open")
            ],
            **{
                f"Stage {r['stage']}": [
                    r[k] for k in ("upheld", "partly_upheld", "not_upheld", "withdrawn", "open")
                ]
                for r in rows
            },
        }
    )
    stage1 = rows[0]
    most = max(("upheld", "partly_upheld", "not_upheld"), key=lambda k: stage1[k] or 0)
    title = (
        f"{OUTCOME_LABELS[most]} was the most common outcome at stage 1 ({stage1[most]} of "
        f"{stage1['received']})"
        if stage1[most]
        else "Outcomes by stage"
    )
    return grouped_counts("stages", table, title, "complaints", threshold=_threshold(figures))


def timeliness_chart(figures: dict, history: list[dict]) -> Chart:
    years, values = _with_trend(figures, history, "stage1_within_timescale_pct")
    title = f"{values[-1]}% of stage 1 responses were within the timescale in {figures['year_display']}"
    if len(values) > 1:
        title += (
            f", up from {values[-2]}%"
            if values[-1] > values[-2]
            else (f", down from {values[-2]}%" if values[-1] < values[-2] else ", the same as last year")
        )
    return yearly_bars("timeliness", years, values, title, "percent_within_timescale", unit="%")


def ombudsman_outcomes_chart(figures: dict) -> Chart:
    previous = figures.get("previous_year", {})
    rows = {
        "Received": "ombudsman_received",
        "Investigated": "ombudsman_investigated",
        "Fault found": "ombudsman_fault_found",
    }
    columns = {figures["year_display"]: [figures.get(k, 0) for k in rows.values()]}
    if "ombudsman_received" in previous:
        columns = {previous["year_display"]: [previous.get(k, 0) for k in rows.values()], **columns}
    table = pd.DataFrame({"Ombudsman cases": list(rows), **columns})
    title = (
        f"{wording.plural(figures['ombudsman_received'], 'Ombudsman complaint')} received, "
        f"{figures['ombudsman_fault_found']} with fault found; remedies totalled "
        f"{wording.pounds(figures['ombudsman_remedy_total'])}"
    )
    return grouped_counts("ombudsman", table, title, "cases")


def asc_charts(figures: dict, history: list[dict]) -> list[Chart]:
    """Adult Social Care: the seed report's six graphs plus the Table 1 areas, with the committee's
    charts: the five-year trend (in place of the seed's three-year volume graph, which is kept only
    when fewer than two years are known), the quarters and the comparison with similar councils."""
    trend = trend_chart(figures)
    charts = [trend if trend is not None else volume_chart(figures, history)]
    charts += _present(quarters_chart(figures))
    if figures.get("category_counts"):  # none when every complaint was rejected
        charts.append(category_chart(figures))
    if figures.get("area_counts"):
        charts.append(area_chart(figures))
    if figures.get("upheld_or_partly_pct") is not None:  # absent while no complaint has been decided
        charts.append(outcomes_chart(figures, history))
    if figures.get("stage1_responded"):
        charts.append(bands_chart(figures))
    if "ombudsman_received" in figures:
        charts.append(ombudsman_chart(figures, history))
    if figures.get("member_enquiries_by_area"):
        charts.append(enquiries_chart(figures))
    if figures.get("compliments_by_team"):
        charts.append(compliments_chart(figures))
    return charts + _present(comparators_chart(figures))


def _present(chart: Chart | None) -> list[Chart]:
    return [] if chart is None else [chart]


def childrens_charts(figures: dict, history: list[dict]) -> list[Chart]:
    """Children's Services: received/accepted, the five-year trend, quarters, departments, stages, how far
    complaints went, reasons, timeliness, compliments, Ombudsman, and the comparison with similar councils."""
    charts = [received_chart(figures), *_present(trend_chart(figures)), *_present(quarters_chart(figures))]
    if figures.get("team_counts"):  # none when every complaint was rejected
        charts.append(area_chart(figures, "team_counts", "departments", "department"))
    charts.append(stages_chart(figures))
    charts += _present(escalation_chart(figures))
    if figures.get("category_counts"):
        charts.append(category_chart(figures))
    if figures.get("stage1_responded"):
        charts.append(timeliness_chart(figures, history))
    if figures.get("compliments_by_team"):
        charts.append(compliments_chart(figures))
    if "ombudsman_received" in figures:
        charts.append(ombudsman_outcomes_chart(figures))
    return charts + _present(comparators_chart(figures))


# --------------------------------------------------------------------------- the committee's charts
# Five years of complaints, the quarters of the year, how far complaints went (Children's), and this
# council against similar councils. Each title states the finding; the alt text carries every number.

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
    "stage1_within_timescale_pct": "Stage 1 complaints answered in time",
    "stage2_within_timescale_pct": "Stage 2 complaints answered in time",
    "stage3_within_timescale_pct": "Stage 3 complaints answered in time",
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
    return yearly_bars("trend", years, values, trend_title(years, values), "complaints_received")


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
    order of the year; None when there were none."""
    quarterly = figures.get("quarterly_received") or {}
    if not sum(quarterly.values()):
        return None
    apply_style()
    counts = {QUARTER_NAMES.get(q, q): int(n) for q, n in quarterly.items()}
    title = quarters_title(counts)
    data = pd.DataFrame({"quarter": list(counts), "complaints": list(counts.values())})
    figure, axes = plt.subplots(figsize=(WIDTH, 3.6), layout="constrained")
    sns.barplot(data=data, x="quarter", y="complaints", color=MAIN, ax=axes, saturation=1)
    axes.bar_label(axes.containers[0], labels=[f"{n:,}" for n in counts.values()], padding=3)
    axes.set_xticks(range(len(counts)), [textwrap.fill(name, 12) for name in counts])
    axes.set(xlabel=f"Quarter of {figures['year_display']}", ylabel="Complaints")
    axes.set_ylim(0, max(max(counts.values()) * 1.2, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Vertical bar chart. {title}. Complaints accepted by quarter of {figures['year_display']}: "
        + _alt_list(counts, [f"{n:,}" for n in counts.values()])
        + "."
    )
    return Chart("quarters", title, alt, data, figure)


def _part_of(count: int, whole: int) -> str:
    """A count with its share of a whole, for a label: '12 (19%)', or counts alone below 10 ('2 of 4')."""
    if whole < wording.SMALL_BASE:
        return f"{count:,} of {whole:,}"
    return f"{count:,} ({percent(count, whole)}%)"


def escalation_title(figures: dict) -> str:
    """How many stage 1 complaints went on to stage 2: a percentage with last year's, or counts for a
    handful; 'none' rather than a bare zero."""
    stage1, stage2 = figures["complaints_accepted"], figures["stage2_received"]
    year = figures["year_display"]
    if stage2 == 0 and stage1 == 1:
        return f"The one stage 1 complaint did not go on to stage 2 in {year}"
    if stage2 == 0:
        title = f"None of the {stage1:,} stage 1 complaints went on to stage 2 in {year}"
    elif stage1 < wording.SMALL_BASE:
        return f"{stage2:,} of {wording.plural(stage1, 'stage 1 complaint')} went on to stage 2 in {year}"
    else:
        title = f"{percent(stage2, stage1)}% of stage 1 complaints went on to stage 2 in {year}"
    previous, current = figures.get("previous_year", {}), figures.get("escalation_pct")
    if stage1 >= wording.SMALL_BASE and previous.get("escalation_pct") is not None and current is not None:
        before, when = previous["escalation_pct"], previous["year_display"]
        if current > before:
            title += f", up from {before}% in {when}"
        elif current < before:
            title += f", down from {before}% in {when}"
        else:
            title += f", the same as in {when}"
    return title


def escalation_chart(figures: dict) -> Chart | None:
    """Children's: complaints received at stage 1 (accepted), stage 2, stage 3 and by the Ombudsman in
    the year, each later stage with its share of the stage 1 complaints; None without stage 1 ones."""
    stage1 = figures.get("complaints_accepted", 0)
    if not stage1 or "escalation_pct" not in figures:  # Children's only: ASC has one stage
        return None
    if not any(figures.get(key) for key in ("stage2_received", "stage3_received", "ombudsman_received")):
        return None  # nothing went beyond stage 1: the stages table says so, a chart would add nothing
    apply_style()
    rows = {
        "Stage 1": stage1,
        "Stage 2": figures["stage2_received"],
        "Stage 3": figures.get("stage3_received", 0),
    }
    if "ombudsman_received" in figures:
        rows["Ombudsman"] = figures["ombudsman_received"]
    labels = [f"{stage1:,}"] + [_part_of(n, stage1) for n in list(rows.values())[1:]]
    data = pd.DataFrame(
        {
            "stage": list(rows),
            "complaints": list(rows.values()),
            "percent_of_stage_1": [
                None if name == "Stage 1" else percent(n, stage1) for name, n in rows.items()
            ],
        }
    )
    title = escalation_title(figures)
    figure, axes = plt.subplots(figsize=(WIDTH, 0.5 * len(rows) + 1.4), layout="constrained")
    sns.barplot(data=data, y="stage", x="complaints", color=MAIN, ax=axes, orient="h", saturation=1)
    axes.bar_label(axes.containers[0], labels=labels, padding=4, fontsize=FONT_SIZE)
    axes.set(xlabel="Number of complaints received in the year", ylabel="")
    axes.set_xlim(0, max(stage1 * 1.3, 1))
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Horizontal bar chart. {title}. Complaints received in {figures['year_display']} at each stage, "
        "with the share of the stage 1 complaints: " + _alt_list(rows, labels) + "."
    )
    return Chart("escalation", title, alt, data, figure)


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


def measure_value(measure: str, value: float | int) -> str:
    """A value of a measure as printed: percentages with '%', rates and means to one decimal place."""
    if measure.endswith("_pct"):
        shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return f"{shown}%"
    if measure in wording.DECIMAL_METRICS:
        return f"{value:,.1f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _council_label(figures: dict, measure: str) -> str:
    """This council's value, with the counts behind a percentage of fewer than 10 cases."""
    value = figures[measure]
    label = measure_value(measure, value)
    part, whole = PERCENT_BASES.get(measure, (None, None))
    if whole in figures and part in figures and figures[whole] < wording.SMALL_BASE:
        label += f" ({figures[part]:,} of {figures[whole]:,})"
    return label


def comparators_title(figures: dict, measures: list[str]) -> str:
    ranges = figures.get("comparator_ranges", {})
    medians = figures["comparator_medians"]
    councils = {ranges[m]["councils"] for m in measures if m in ranges}
    who = f"{councils.pop()} similar councils" if len(councils) == 1 else "similar councils"
    compared = [m for m in measures if figures.get(m) is not None]
    above = sum(figures[m] > medians[m] for m in compared)
    below = sum(figures[m] < medians[m] for m in compared)
    level = len(compared) - above - below
    start = f"Compared with {who} in {figures['year_display']}"
    if not compared:
        return f"{start}: their median and range on each measure"
    whole = "every measure shown" if len(compared) > 1 else "the one measure shown"
    if above == len(compared):
        return f"{start}: above their median on {whole}"
    if below == len(compared):
        return f"{start}: below their median on {whole}"
    if level == len(compared):
        return f"{start}: level with their median on {whole}"
    first, n = next((word, n) for word, n in (("above", above), ("below", below), ("level with", level)) if n)
    rest = [
        f"{word.split()[0]} on {n}"
        for word, n in (("below", below), ("level with", level))
        if n and word != first
    ]
    return f"{start}: {first} their median on {n} of {len(compared)} measures" + "".join(
        f", {r}" for r in rest
    )


def comparators_chart(figures: dict) -> Chart | None:
    """This council's value on each comparator measure against the similar councils' median and range
    (``comparator_medians``, ``comparator_ranges``), one row a measure; None without comparators."""
    medians = figures.get("comparator_medians") or {}
    ranges = figures.get("comparator_ranges") or {}
    measures = [m for m in medians if m in ranges]
    if not measures:
        return None
    apply_style()
    title = comparators_title(figures, measures)
    records, alt_parts = [], []
    figure, axes_list = plt.subplots(
        len(measures), 1, figsize=(WIDTH, 1.35 * len(measures) + 1.0), layout="constrained", squeeze=False
    )
    for axes, measure in zip(axes_list[:, 0], measures, strict=True):
        low, high, councils = (
            ranges[measure]["lowest"],
            ranges[measure]["highest"],
            ranges[measure]["councils"],
        )
        median = medians[measure]
        own = figures.get(measure)
        own_label = _council_label(figures, measure) if own is not None else "no figure"
        records.append(
            {
                "measure": measure_name(measure),
                "this_council": own,
                "similar_councils_median": median,
                "similar_councils_lowest": low,
                "similar_councils_highest": high,
                "similar_councils": councils,
            }
        )
        span = (
            measure_value(measure, low)
            if low == high
            else f"{measure_value(measure, low)} to {measure_value(measure, high)}"
        )
        alt_parts.append(
            f"{measure_name(measure)}: this council {own_label}; {wording.plural(councils, 'similar council')} "
            f"{span}, median {measure_value(measure, median)}"
        )
        values = [low, high, median] + ([own] if own is not None else [])
        lowest, highest = min(values), max(values)
        pad = (highest - lowest) * 0.12 or max(abs(highest) * 0.1, 1)
        axes.barh(
            0,
            max(high - low, pad * 0.05),
            left=low if high > low else low - pad * 0.025,
            height=0.32,
            color=EARLIER,
        )
        axes.plot([median, median], [-0.3, 0.3], color=TEXT, linewidth=2.5, solid_capstyle="butt")
        axes.annotate(
            f"median {measure_value(measure, median)}",
            (median, 0.3),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=FONT_SIZE - 1,
        )
        ends = [(low, "right", -4)] if low == high else [(low, "right", -4), (high, "left", 4)]
        for value, align, offset in ends:
            axes.annotate(
                measure_value(measure, value),
                (value, 0),
                xytext=(offset, 0),
                textcoords="offset points",
                ha=align,
                va="center",
                fontsize=FONT_SIZE - 1,
            )
        if own is not None:
            axes.plot([own], [1], marker="o", markersize=11, color=MAIN, linestyle="none")
            axes.annotate(
                own_label,
                (own, 1),
                xytext=(9, 0),
                textcoords="offset points",
                va="center",
                fontsize=FONT_SIZE - 1,
            )
        else:
            axes.annotate("no figure", (lowest, 1), va="center", fontsize=FONT_SIZE - 1)
        axes.set_yticks([1, 0], ["This council", f"{wording.plural(councils, 'similar council')}"])
        axes.set_ylim(-0.6, 1.5)
        axes.set_xlim(lowest - 2.5 * pad, highest + 3.5 * pad)
        axes.set_xticks([])
        axes.spines[["left", "bottom"]].set_visible(False)
        axes.tick_params(axis="y", length=0)
        axes.set_title(measure_name(measure), loc="left", fontsize=FONT_SIZE, fontweight="bold")
    figure.suptitle(_wrap(title), x=0.01, ha="left", fontweight="bold", fontsize=FONT_SIZE + 1)
    alt = (
        f"Dot and range chart, one row a measure. {title}. Each row shows this council's value, and the "
        "lowest, highest and median of the similar councils. " + ". ".join(alt_parts) + "."
    )
    return Chart("comparators", title, alt, pd.DataFrame(records), figure)
