"""Numbers put into words, so comparisons in the prose are computed, never typed.

"slightly lower than last year's 89", "a 9% increase from 58", "7 percentage points higher
than 74% in 2020/21", "just over half": each phrase comes from the figures it describes.
"""

from __future__ import annotations

import re

from complaints_report.rounding import percent

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """GOV.UK style: words for one to nine, numerals from 10 ('no' for zero)."""
    return _SMALL[n] if 0 <= n < 10 else f"{n:,}"


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 complaint', '85 complaints'."""
    return f"{n:,} {singular if n == 1 else (plural_form or singular + 's')}"


def pounds(amount: float) -> str:
    return f"£{amount:,.0f}" if float(amount).is_integer() else f"£{amount:,.2f}"


def share_phrase(pct: int) -> str:
    """A percentage as a reader says it: 'just over half' for 51 to 55, and so on."""
    bands = [
        (0, 0, "none"),
        (1, 9, "very few"),
        (10, 22, "a small share"),
        (23, 27, "about a quarter"),
        (28, 31, "under a third"),
        (32, 35, "about a third"),
        (36, 45, "under half"),
        (46, 49, "just under half"),
        (50, 50, "exactly half"),
        (51, 55, "just over half"),
        (56, 64, "more than half"),
        (65, 70, "about two thirds"),
        (71, 79, "about three quarters"),
        (80, 94, "most"),
        (95, 99, "almost all"),
        (100, 100, "all"),
    ]
    for low, high, words in bands:
        if low <= pct <= high:
            return words
    raise ValueError(f"not a percentage: {pct}")


def count_change(current: int, previous: int, noun: str = "figure") -> str:
    """Compare a count with last year's in words: 'slightly lower than last year's figure of 89'."""
    if previous == 0:
        return "up from none last year" if current else "the same as last year"
    change = (current - previous) / previous
    if current == previous:
        return f"the same as last year's {noun} of {previous:,}"
    direction = "higher" if current > previous else "lower"
    size = abs(change)
    degree = "slightly " if size < 0.10 else ("much " if size >= 0.30 else "")
    return f"{degree}{direction} than last year's {noun} of {previous:,}"


def percent_change(current: int, previous: int) -> str:
    """'a 9% increase from 58' - the change as a whole-number percentage of last year's count."""
    if previous == 0:
        return "up from none the year before"
    if current == previous:
        return f"unchanged from {previous:,}"
    pct = percent(abs(current - previous), previous)
    return f"a {pct}% {'increase' if current > previous else 'decrease'} from {previous:,}"


def points_change(current: int, previous: int, previous_label: str, better_when_higher: bool = True) -> str:
    """'7 percentage points better than 74% in 2020/21'."""
    diff = current - previous
    if diff == 0:
        return f"the same as {previous}% in {previous_label}"
    improved = (diff > 0) == better_when_higher
    quality = "better" if improved else "worse"
    points = abs(diff)
    return f"{points} percentage point{'s' if points != 1 else ''} {quality} than {previous}% in {previous_label}"


def trend_phrase(values: list[int]) -> str:
    """How a series of yearly counts moved: 'falling each year', 'rising each year', or 'mixed'."""
    if len(values) < 2:
        return "no trend yet"
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    if all(s < 0 for s in steps):
        return "falling each year"
    if all(s > 0 for s in steps):
        return "rising each year"
    if all(s == 0 for s in steps):
        return "unchanged"
    return "up and down"


def join(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def leaders(counts: dict[str, int | None]) -> tuple[list[str], int | None]:
    """The names sharing the largest count (ties kept together), and that count."""
    known = {name: n for name, n in counts.items() if n is not None}
    if not known:
        return [], None
    largest = max(known.values())
    return [name for name, n in known.items() if n == largest], largest


def most_phrase(counts: dict[str, int | None], verb: str) -> str:
    """'Homecare had the most (14)', or for a tie 'Reablement and Homecare had the most (5 each)'."""
    names, largest = leaders(counts)
    if not names:
        return ""
    if len(names) == 1:
        return f"{names[0]} {verb} the most ({largest:,})"
    return f"{join(names)} {verb} the most ({largest:,} each)"


# ----------------------------------------------------------------------------- style helpers
# The rules these follow are in docs/style.md (GOV.UK style and the Analysis Function's guidance
# on writing about statistics); lib/complaints_report/prose_style.py checks a built report for them.

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

# Below this many, a share is given as counts alone ("2 of 4"): a percentage of a handful of
# cases overstates what it can show (Analysis Function, "Writing about statistics": give the
# numbers behind a percentage, and take care with small numbers).
SMALL_BASE = 10


def spelled(n: int) -> str:
    """A whole number from 0 to 99 in words: 'zero', 'seven', 'twenty-two', 'eighty-five'.

    For a number that opens a sentence (GOV.UK: 'If a number starts a sentence, write it out in
    full'). Larger numbers read badly spelled out; :func:`opening_count` restructures instead.
    """
    if not 0 <= n <= 99:
        raise ValueError(f"spelled() writes 0 to 99 in words, not {n}")
    if n < 20:
        return _UNITS[n]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")


def no_or_count(n: int, singular: str, plural_form: str | None = None) -> str:
    """A count before its noun, as GOV.UK writes it: 'no complaints', 'one complaint', '12 complaints'.

    Never a bare '0' in prose: zero is 'no'. One is 'one' (GOV.UK: "Use 'one' unless ..."); other
    numbers are numerals with a thousands separator.
    """
    noun = singular if n == 1 else (plural_form or singular + "s")
    if n == 0:
        return f"no {noun}"
    if n == 1:
        return f"one {noun}"
    return f"{n:,} {noun}"


def none_or_count(n: int) -> str:
    """A count standing alone, as a pronoun: 'It investigated none', '... one', '... 12'."""
    return "none" if n == 0 else ("one" if n == 1 else f"{n:,}")


def verb_for(n: int, singular: str = "was", plural_form: str = "were") -> str:
    """The verb that agrees with a count: verb_for(1) -> 'was', verb_for(3) -> 'were'."""
    return singular if n == 1 else plural_form


def opening_count(n: int, singular: str, plural_form: str | None = None) -> str:
    """A count that can open a sentence: 'No complaints', 'One complaint', 'Twenty-two compliments',
    and from 100 'A total of 233 Member enquiries' (the sentence restructured, not 'Two hundred and
    thirty-three ...'). GOV.UK: a sentence never starts with a numeral."""
    noun = singular if n == 1 else (plural_form or singular + "s")
    if n == 0:
        return f"No {noun}"
    if n < 100:
        return f"{spelled(n).capitalize()} {noun}"
    return f"A total of {n:,} {noun}"


_LEADING_PERCENT = re.compile(r"(\d{1,3})%")
_LEADING_MONEY = re.compile(r"£[\d,]+(?:\.\d\d)?")
_LEADING_COUNT = re.compile(r"(\d{1,3}(?:,\d{3})*)(?![\d/.:%-])")
_MONTH = re.compile(
    r"\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def sentence_start(text: str) -> str:
    """Make ``text`` fit to open a sentence: a capital first letter, and no numeral first.

    A leading count becomes words below 100 ('22 compliments' -> 'Twenty-two compliments') and
    'A total of 233 ...' from 100; a leading percentage is spelled out ('95% of' -> 'Ninety-five
    per cent of'); a leading sum of money becomes 'A total of £1,100 ...'. Any other leading
    numeral (a year, a date, a stage number) raises ValueError: reword that sentence in the code.
    """
    if not text:
        return text
    if match := _LEADING_PERCENT.match(text):
        pct = int(match.group(1))
        words = "One hundred" if pct == 100 else spelled(pct).capitalize()
        return f"{words} per cent{text[match.end() :]}"
    if _LEADING_MONEY.match(text):
        return f"A total of {text}"
    match = _LEADING_COUNT.match(text)
    if match and not _MONTH.match(text[match.end() :]):
        n = int(match.group(1).replace(",", ""))
        rest = text[match.end() :]
        if n == 0:
            return "No" + rest if rest.startswith(" ") else f"None{rest}"
        return (spelled(n).capitalize() + rest) if n < 100 else f"A total of {text}"
    if text[0].isdigit():
        raise ValueError(f"a sentence cannot start with this numeral; reword it: {text!r}")
    return text[0].upper() + text[1:]


def _figure(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}" if decimals else f"{round(value):,}"


def change_phrase(current: float, previous: float, *, decimals: int = 0, money: bool = False) -> str:
    """How a count moved from last year, to follow its subject anywhere in a sentence:
    'rose from 5 to 12', 'fell from 89 to 85', 'stayed at 7'. Zero is the word 'zero' here ('rose
    from zero to 3'), as a value on a scale reads; money is in pounds ('fell from £500 to £300'),
    and no money is 'nothing' ('rose from nothing to £1,100')."""

    def shown(value: float) -> str:
        if value == 0:
            return "nothing" if money else "zero"
        return pounds(value) if money else _figure(value, decimals)

    if round(current, decimals) == round(previous, decimals):
        return "stayed at zero" if current == 0 else f"stayed at {shown(current)}"
    direction = "rose" if current > previous else "fell"
    return f"{direction} from {shown(previous)} to {shown(current)}"


def points_change_phrase(current: int, previous: int, *, with_previous: bool = False) -> str:
    """How a percentage moved, in percentage points (ONS: 'A percentage point is the difference
    between percentages'): 'rose by 4 percentage points to 65%', 'fell by 1 percentage point to
    85%', 'stayed at 65%'; with_previous adds where it started: 'rose by 7 percentage points, from
    74% to 81%'. The difference is taken between the percentages as published, so it always agrees
    with them."""
    if current == previous:
        return f"stayed at {current}%"
    points = abs(current - previous)
    direction = "rose" if current > previous else "fell"
    size = f"{points} percentage point{'' if points == 1 else 's'}"
    if with_previous:
        return f"{direction} by {size}, from {previous}% to {current}%"
    return f"{direction} by {size} to {current}%"


def share_of(count: int, whole: int) -> str:
    """A part with its whole, as the Analysis Function asks: '12 of 58 (21%)'.

    'none of the 58' for zero, 'all 58' / 'both' / 'the only one' for the whole, and counts alone
    ('2 of 4') when the whole is below SMALL_BASE, where a percentage would overstate the evidence.
    """
    if whole <= 0 or not 0 <= count <= whole:
        raise ValueError(f"not a part of a whole: {count} of {whole}")
    if count == 0:
        return f"none of the {whole:,}"
    if count == whole:
        return {1: "the only one", 2: "both"}.get(whole, f"all {whole:,}")
    if whole < SMALL_BASE:
        return f"{count:,} of {whole:,}"
    return f"{count:,} of {whole:,} ({percent(count, whole)}%)"


# ----------------------------------------------------------------------------- narrative fields
# Names an analyst may quote in the narrative beside the metrics themselves (content/README.md,
# "Figures in narrative"). For a metric K with a figure last year:
#   K_change     how it moved: 'rose from 5 to 12'; for a percentage (K ends _pct) in points:
#                'rose by 7 percentage points to 81%'
#   K_last_year  last year's figure as the report prints it: '5', '74%' for a percentage, 'none'
#                for a count of zero
# and previous_year_display ('2020/21'). From the table of complaints by stage (Children's):
#   stage<N>_<column> for statutory, corporate, upheld, partly_upheld, not_upheld, withdrawn, open
#   (e.g. stage2_withdrawn), with _change and _last_year too.

MONEY_METRICS = frozenset({"ombudsman_remedy_total"})
DECIMAL_METRICS = frozenset(
    {"mean_working_days", "complaints_per_1000_service_users", "complaints_per_100k_population"}
)
_NOT_FIGURES = frozenset({"suppressed_below"})  # a build option recorded in metrics.json, not a figure
STAGE_COLUMNS = ("statutory", "corporate", "upheld", "partly_upheld", "not_upheld", "withdrawn", "open")


def _stage_figures(stage_table) -> dict[str, int]:
    figures = {}
    for row in stage_table or []:
        for column in STAGE_COLUMNS:
            value = row.get(column)
            if isinstance(value, int) and not isinstance(value, bool):
                figures[f"stage{row['stage']}_{column}"] = value
    return figures


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _as_printed(key: str, value: float) -> str:
    if key.endswith("_pct"):
        return f"{value}%"
    if value == 0:
        return "none"
    if key in MONEY_METRICS:
        return pounds(value)
    return _figure(value, 1 if key in DECIMAL_METRICS else 0)


def narrative_fields(metrics: dict) -> dict[str, str]:
    """Phrases an analyst can quote as ``{{ name }}`` so the narrative's trends are computed:
    ``{{ stage2_received_change }}`` -> 'rose from 5 to 12', ``{{ stage1_within_timescale_pct_change }}``
    -> 'rose by 7 percentage points to 81%'. Only metrics with a figure in both years get a change;
    a name for a comparison that cannot be made is absent, so quoting it stops the build."""
    current = {k: v for k, v in metrics.items() if _is_number(v) and k not in _NOT_FIGURES}
    current.update({k: v for k, v in _stage_figures(metrics.get("stage_table")).items() if k not in current})
    previous_metrics = metrics.get("previous_year") or {}
    previous = {k: v for k, v in previous_metrics.items() if _is_number(v)}
    previous.update(
        {k: v for k, v in _stage_figures(previous_metrics.get("stage_table")).items() if k not in previous}
    )
    fields = {k: f"{v:,}" for k, v in _stage_figures(metrics.get("stage_table")).items() if k not in metrics}
    if previous_metrics.get("year_display"):
        fields["previous_year_display"] = str(previous_metrics["year_display"])
    for key, value in current.items():
        if key not in previous:
            continue
        before = previous[key]
        if key.endswith("_pct"):
            fields[f"{key}_change"] = points_change_phrase(int(value), int(before))
        else:
            fields[f"{key}_change"] = change_phrase(
                value,
                before,
                decimals=1 if key in DECIMAL_METRICS else 0,
                money=key in MONEY_METRICS,
            )
        fields[f"{key}_last_year"] = _as_printed(key, before)
    return fields
