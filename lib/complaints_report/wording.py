"""Numbers put into words, so comparisons in the prose are computed, never typed.

"slightly lower than last year's 89", "a 9% increase from 58", "7 percentage points higher
than 74% in 2020/21", "just over half": each phrase comes from the figures it describes.
"""

from __future__ import annotations

from complaints_report.metrics import percent

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
