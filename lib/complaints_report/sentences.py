"""The report's computed sentences: one function per report section, words only.

Each section function takes the year's :class:`Facts` and returns the section's sentences
in order, as plain text; a sentence that points at a figure or table holds a
:class:`~complaints_report.markup.Ref` where the cross-reference goes, a
:class:`~complaints_report.markup.Bullets` is a bulleted list and
:data:`~complaints_report.markup.NEW_PARAGRAPH` starts a new paragraph. Nothing here is
Markdown: ``fragments.py`` turns the sentences into Markdown through ``markup.py``, which
escapes every character, so a team called ``*Team* @home`` prints as written.

The sentences follow the house style (docs/style.md): no sentence opens with a numeral
(``wording.opening_count``), zero is "no" or "none" and an outcome that did not happen is left
out, a share comes with its count and its whole (``wording.share_of``: counts alone below 10),
a change names both ends ("up from 5 in 2020/21") and a change in a percentage is in
percentage points. Each figure is stated once: a chart's title states the finding its chart
shows (``charts.py``), so the sentence beside it gives what the chart does not.

To reword a section, change its function here; ``report.qmd`` includes the result as
``_fragments/<section>.md``. The sentences compare this year with last year from
``figures["previous_year"]`` and never repeat a number typed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from complaints_report import wording
from complaints_report.markup import NEW_PARAGRAPH, Bullets, Ref, Sentence
from complaints_report.rounding import percent
from complaints_report.suppression import shown as suppressed
from complaints_report.working_days import MEMBER_ENQUIRY_DAYS, STAGE1_DAYS, STAGE1_EXTENDED_DAYS
from complaints_report.years import ReportingYear

OUTCOME_WORDS = {
    "upheld": "upheld",
    "partly_upheld": "partly upheld",
    "not_upheld": "not upheld",
    "withdrawn": "withdrawn",
}
DECIDED = ("upheld", "partly_upheld", "not_upheld")
DEFAULT_TEAM = "complaints team"
# A name ending in one of these words is a body, so running text gives it "the" ("the North
# Complex Team received ..."); a name such as "Reablement" or "Early Help" stands alone.
_BODY_WORDS = frozenset({"team", "service", "services", "hub", "unit", "panel", "board", "centre"})

SectionPart = Sentence | Bullets | object  # a sentence, a bulleted list, or NEW_PARAGRAPH


@dataclass(frozen=True)
class Facts:
    """What the sentences are made from: one service's figures for one year."""

    service: str
    year: ReportingYear
    figures: dict  # as metrics.json holds them, with "previous_year"
    team: str = DEFAULT_TEAM  # the team's name in running text, after "the"
    chart_data: Mapping[str, list[dict]] = field(default_factory=dict)  # chart name -> its data rows
    tables_shown: frozenset[str] = frozenset()  # tables that have rows
    quotes: int = 0  # compliment quotes cleared for publication

    @property
    def prev(self) -> dict:
        return self.figures.get("previous_year", {})


def team_in_text(name: object) -> str:
    """The team's name for running text after 'the' ('team_short: the Team' does not give 'the the Team')."""
    text = str(name or "").strip() or DEFAULT_TEAM
    return text[4:].lstrip() if text.lower().startswith("the ") else text


# ----------------------------------------------------------------------------- labels in running text


def in_sentence(text: str) -> str:
    """A label inside a sentence: 'Duplicate complaint' -> 'duplicate complaint', 'Assessment & care
    planning' -> 'assessment and care planning'. A label that starts with an acronym ('SEN') or holds a
    proper noun ('Access and Assessment', 'Not about Children's Services') keeps its capitals: a capital in
    mid-sentence is better than a council's or team's name in lower case. An ampersand is written 'and'
    (GOV.UK style: use 'and' rather than '&')."""
    text = _and(str(text))
    words = text.split()
    if not words:
        return text
    acronym = len(words[0]) > 1 and words[0][1].isupper()
    proper = any(word[:1].isupper() for word in words[1:])
    return text if acronym or proper else text[:1].lower() + text[1:]


# A label of plain words (letters, digits, spaces, apostrophes, hyphens, commas, full stops, brackets
# and slashes) may have its '&' written 'and'; any other label prints exactly as recorded, because text
# from an export is data that prints as written (markup.py).
_PLAIN_WORDS = re.compile(r"[\w\s'’\-,./()&]*")


def _and(text: str) -> str:
    """'Assessment & care planning' -> 'Assessment and care planning' (GOV.UK: 'and' rather than '&'),
    for a label of plain words only."""
    return re.sub(r"\s+&\s+", " and ", text) if _PLAIN_WORDS.fullmatch(text) else text


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def body_name(name: object, *, start: bool = False) -> str:
    """A team's name in running text, with 'the' where the name is a body ('the North Complex Team',
    'The Adult Safeguarding Hub' at the start of a sentence); other names as recorded, '&' as 'and'."""
    text = _and(str(name)).strip()
    last = re.sub(r"\([^()]*\)", "", text).split()
    if last and last[-1].lower() in _BODY_WORDS and not text.lower().startswith("the "):
        return ("The " if start else "the ") + text
    return capitalised(text) if start else text


def _listed(items: list[str]) -> str:
    return wording.join(items)


# ----------------------------------------------------------------------------- figure helpers


def shown(f: Facts, value) -> str:
    """A count as published: 'fewer than N' where small-number suppression hid it."""
    return suppressed(value, f.figures.get("suppressed_below"))


def period(year: ReportingYear) -> str:
    """'1 April 2020 and 31 March 2021' (after 'between')."""
    return f"{year.first_day:%-d %B %Y} and {year.last_day:%-d %B %Y}"


def since(f: Facts, key: str, *, prev_value=None) -> str:
    """How a count compares with last year's, to follow it: 'up from 5 in 2020/21', 'down from 89 in
    2019/20', 'the same as in 2019/20'; '' when last year is not known. Numerals throughout, zero as
    'zero' (docs/style.md, "Changes and comparisons")."""
    before = f.prev.get(key) if prev_value is None else prev_value
    return change_from(f.figures.get(key), before, f.prev.get("year_display", "last year"))


def change_from(now, before, label: str) -> str:
    """'up from 5 in 2020/21' for a count ``now`` against ``before`` in the year ``label``; '' if either is unknown."""
    if not _is_count(before) or not _is_count(now):
        return ""
    if now == before:
        return f"the same as in {label}"
    return f"{'up' if now > before else 'down'} from {_change_figure(before)} in {label}"


def _change_figure(value: int) -> str:
    return "zero" if value == 0 else f"{value:,}"


def _is_count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _with_since(text: str, change: str) -> str:
    return f"{text}, {change}" if change else text


def _points_moved(f: Facts, key: str, whole_key: str) -> tuple[int, int, str] | None:
    """Last year's and this year's percentage and last year's label, or None when the change cannot
    be said: last year not known, or either year's percentage of fewer than 10 cases (a percentage of a
    handful overstates the evidence, docs/style.md)."""
    before, now = f.prev.get(key), f.figures.get(key)
    if not _is_count(before) or not _is_count(now):
        return None
    wholes = (f.figures.get(whole_key), f.prev.get(whole_key))
    if any(_is_count(whole) and whole < wording.SMALL_BASE for whole in wholes):
        return None
    return before, now, f.prev["year_display"]


def _points(before: int, now: int) -> str:
    points = abs(now - before)
    return f"{points} percentage point{'' if points == 1 else 's'}"


def points_since(f: Facts, key: str, subject: str, whole_key: str) -> str:
    """How a percentage moved since last year, in percentage points, to follow the sentence that gives
    this year's: 'The share within 10 working days rose by 17 percentage points, from 48% in 2019/20.'
    (this year's is not said twice); '' when it cannot be said (see _points_moved). The subject names
    the share without the verb of the sentence before it, so the two do not say the same words twice."""
    moved = _points_moved(f, key, whole_key)
    if moved is None:
        return ""
    before, now, label = moved
    if now == before:
        return f"{subject} was the same in {label}."
    moved_by = f"{'rose' if now > before else 'fell'} by {_points(before, now)}"
    return f"{subject} {moved_by}, from {_percent_words(before)} in {label}."


def points_phrase(f: Facts, key: str, whole_key: str) -> str:
    """How a percentage moved since last year, to follow a sentence's count: 'up 3 percentage points from
    93% in 2019/20', 'the same share as in 2019/20'; '' when it cannot be said (see _points_moved)."""
    moved = _points_moved(f, key, whole_key)
    if moved is None:
        return ""
    before, now, label = moved
    if now == before:
        return f"the same share as in {label}"
    return (
        f"{'up' if now > before else 'down'} {_points(before, now)} from {_percent_words(before)} in {label}"
    )


def _percent_words(value: int) -> str:
    """A percentage in a sentence: 'none' for zero (docs/style.md: no bare 0%)."""
    return "none" if value == 0 else f"{value}%"


def of_whole(count: int, whole: int) -> str:
    """A part after 'Of the N ...,': '44 (52%)', or the count alone below SMALL_BASE."""
    if whole < wording.SMALL_BASE:
        return f"{count:,}"
    return f"{count:,} ({percent(count, whole)}%)"


def part_of(count: int, whole: int) -> str:
    """A part of a whole after a verb: 'all 5', 'both', 'none of them', '3 of the 6', '12 of the 58 (21%)'."""
    if count == whole or whole <= 0:
        return wording.share_of(count, whole)
    if count == 0:
        return "none of them"
    number = "one" if count == 1 else f"{count:,}"
    return f"{number} of the {whole:,}" + (
        f" ({percent(count, whole)}%)" if whole >= wording.SMALL_BASE else ""
    )


def _count_parts(f: Facts, counts: dict[str, int | None], whole: int, limit: int) -> list[tuple[str, str]]:
    """The largest entries of a count object as (label in running text, '27 (32%)')."""
    parts = []
    for name, value in list(counts.items())[:limit]:
        parts.append((in_sentence(name), shown(f, value) if value is None else of_whole(value, whole)))
    return parts


# ----------------------------------------------------------------------------- complaints received


def volume_sentence(f: Facts) -> list[SectionPart]:
    """ASC: the complaints recorded and investigated, with last year's; those not accepted and why."""
    m = f.figures
    accepted, rejected = m["complaints_accepted"], m.get("complaints_rejected", 0)
    # the volume or the five-year trend chart's title gives the change
    change = "" if {"volume", "trend"} & set(f.chart_data) else since(f, "complaints_accepted")
    if not rejected:
        return [
            _with_since(
                f"The {f.team} recorded and investigated "
                f"{wording.no_or_count(accepted, 'complaint')} in {m['year_display']}",
                change,
            )
            + "."
        ]
    first = (
        f"The {f.team} received {wording.no_or_count(m['complaints_received'], 'complaint')} in "
        f"{m['year_display']} and accepted {_accepted_share(accepted, m['complaints_received'])} for "
        "investigation"
    )
    return [_with_since(first, change) + ".", *_rejections(f)]


def _accepted_share(accepted: int, received: int) -> str:
    if accepted == received:
        return {1: "it", 2: "both"}.get(received, f"all {received:,}")
    return "none" if accepted == 0 else f"{accepted:,}"


def _rejections(f: Facts) -> list[SectionPart]:
    """Why complaints were not accepted, as a list of the reasons recorded with their counts."""
    m = f.figures
    rejected = m.get("complaints_rejected", 0)
    if not rejected:
        return []
    reasons = {k: v for k, v in (m.get("rejection_reasons") or {}).items() if v}
    lead = (
        "It did not accept one complaint"
        if rejected == 1
        else f"It did not accept the other {rejected:,}"
        if m["complaints_accepted"]
        else f"It did not accept {rejected:,}"
    )
    if not reasons:
        return [f"{lead}."]
    if len(reasons) == 1:
        (reason,) = reasons
        return [f"{lead}. The reason recorded was: {in_sentence(reason)}."]
    return [
        NEW_PARAGRAPH,
        f"{lead}, for these reasons:",
        Bullets(tuple(f"{capitalised(in_sentence(reason))}: {n:,}" for reason, n in reasons.items())),
    ]


def received_sentence(f: Facts) -> list[SectionPart]:
    """Children's: complaints received and accepted, why some were not, and the procedures."""
    m = f.figures
    received, accepted = m["complaints_received"], m["complaints_accepted"]
    first = (
        f"In {m['year_display']} the {f.team} received {wording.no_or_count(received, 'complaint')} about "
        "Children's Services"
    )
    if not received:
        return [first + "."]
    first += f" and accepted {_accepted_share(accepted, received)}"
    # every complaint accepted: the trend chart's title gives the change in complaints received
    said_by_chart = "trend" in f.chart_data and accepted == received
    change = "" if said_by_chart else since(f, "complaints_accepted")
    parts: list[SectionPart] = [_with_since(first, change) + ".", *_rejections(f)]
    if accepted:
        if m.get("complaints_rejected"):
            parts.append(NEW_PARAGRAPH)
        parts.append(_procedures(m["statutory"], m["corporate"], accepted))
    return parts


def _procedures(statutory: int | None, corporate: int | None, accepted: int) -> str:
    """Under which procedure the accepted complaints were considered; a procedure with none is left out."""
    statutory_text = "under the statutory procedure"
    corporate_text = "under the non-statutory (corporate) procedure"
    for only, text in ((corporate, statutory_text), (statutory, corporate_text)):
        if only == 0:
            if accepted == 1:
                return f"It was considered {text}."
            return f"{capitalised(wording.share_of(accepted, accepted))} were considered {text}."
    return f"Of the accepted complaints, {statutory:,} were considered {statutory_text} and {corporate:,} {corporate_text}."


# ----------------------------------------------------------------------------- what complaints were about


TIE_NAMED = 6  # a tie for second place is named whole up to this many entries


def breakdown_sentences(
    f: Facts, counts: dict[str, int | None], whole: int, limit: int, noun: str, qualifier: str = ""
) -> list[SectionPart]:
    """The largest entries of a breakdown, each with its count (and share from 10 complaints), at most
    ``limit`` of them. Ties are named together and never split: 'Of the 11 complaints accepted, 3 (27%)
    were about quality of service. Next came assessment, charging and delay, with 2 each (18%).'
    ``noun`` names the whole in the plural ('complaints'), ``qualifier`` follows it ('accepted')."""
    whole_words = f"{noun} {qualifier}".strip()
    if len(counts) == 1:
        (name,) = counts
        if whole == 1:
            return [f"The one {noun[:-1]} {qualifier} was about {in_sentence(name)}.".replace("  ", " ")]
        return [
            f"{capitalised(wording.share_of(whole, whole))} {whole_words} were about {in_sentence(name)}."
        ]
    groups: list[tuple[int | None, list[str]]] = []
    for name, value in counts.items():
        if groups and value is not None and groups[-1][0] == value:
            groups[-1][1].append(in_sentence(name))
        else:
            groups.append((value, [in_sentence(name)]))
    named, entries = [], 0
    for group in groups:
        # the first two groups are always named (a tie of up to TIE_NAMED); after them, up to the limit
        second = len(named) == 1 and len(group[1]) <= TIE_NAMED
        if named and entries + len(group[1]) > limit and not second:
            break
        named.append(group)
        entries += len(group[1])

    def amount(value: int | None) -> str:
        if value is None:
            return shown(f, value)
        return "one" if value == 1 and whole < wording.SMALL_BASE else of_whole(value, whole)

    def about(value: int | None, label: str, first: bool) -> str:
        verb = f"{wording.verb_for(value if value is not None else 2)} " if first else ""
        return f"{amount(value)} {verb}about {label}"

    def tied(value: int | None, labels: list[str]) -> str:
        count = shown(f, value) if value is None else f"{value:,}"
        share = f" ({percent(value, whole)}%)" if value is not None and whole >= wording.SMALL_BASE else ""
        return f"{_listed(labels)}, with {count} each{share}"

    opening = f"Of the {wording.no_or_count(whole, noun[:-1], noun)}{' ' + qualifier if qualifier else ''}"
    first_value, first_labels = named[0]
    if len(first_labels) > 1 and len(named) == 1:  # an even spread: each named with its count
        listed = [about(first_value, label, i == 0) for i, label in enumerate(first_labels)]
        return [f"{opening}, {_listed(listed)}."]
    if len(first_labels) > 1:  # a tie at the top
        sentences = [f"{opening}, {_listed(first_labels)} had {amount(first_value)} each."]
        rest = named[1:]
    else:
        take = 2 if len(named) > 1 and len(named[1][1]) == 1 else 1
        listed = [about(value, labels[0], i == 0) for i, (value, labels) in enumerate(named[:take])]
        sentences = [f"{opening}, {_listed(listed)}."]
        rest = named[take:]
    if rest:
        parts = [
            f"{labels[0]} with {amount(value)}" if len(labels) == 1 else tied(value, labels)
            for value, labels in rest
        ]
        sentences.append(f"Next came {_listed(parts)}.")
    return sentences


def category_sentence(f: Facts, count: int = 5) -> list[SectionPart]:
    """The most common issues, each with its count and share of the complaints accepted."""
    m = f.figures
    counts = m.get("category_counts", {})
    whole = m.get("complaints_accepted", 0)
    if not counts or not whole:
        return ["No complaints were accepted, so there are no issues to report."]
    return breakdown_sentences(f, counts, whole, count, "complaints", "accepted")


def area_sentence(f: Facts) -> list[SectionPart]:
    """ASC: the areas with the most complaints, with counts and shares, and Table 1's Ombudsman column."""
    m = f.figures
    counts = m.get("area_counts", {})
    whole = m.get("complaints_accepted", 0)
    if not counts or not whole:
        return []
    sentences: list[SectionPart] = breakdown_sentences(f, counts, whole, 2, "complaints")
    if "table_areas" in f.tables_shown:
        sentences.append(
            (Ref("tbl-areas"), " lists every area, with the teams in it and its Ombudsman (LGSCO) cases.")
        )
        sentences.append(_ombudsman_areas(m.get("ombudsman_area_counts") or {}))
    return sentences


NOT_RECORDED = frozenset({"", "not recorded", "other or not recorded", "unknown"})


def _ombudsman_areas(counts: dict[str, int]) -> str:
    """Which areas the Ombudsman's cases were about; nothing when no case has an area recorded."""
    known = {area: n for area, n in counts.items() if n and str(area).strip().lower() not in NOT_RECORDED}
    unknown = sum(n for area, n in counts.items() if n and str(area).strip().lower() in NOT_RECORDED)
    total = sum(known.values()) + unknown
    if not known:
        return ""
    if len(known) == 1 and not unknown:
        (area,) = known
        cases = {1: "The one Ombudsman case was", 2: "Both Ombudsman cases were"}.get(
            total, f"All {total:,} Ombudsman cases were"
        )
        return f"{cases} about {in_sentence(area)}."
    listed = [f"{in_sentence(area)} ({n:,})" for area, n in known.items()]
    if not unknown:
        return f"The {total:,} Ombudsman cases were about {_listed(listed)}."
    recorded = sum(known.values())
    text = (
        f"Of the {total:,} Ombudsman cases, {recorded:,} {wording.verb_for(recorded)} about {_listed(listed)}"
    )
    return text + f"; the area of the other {wording.none_or_count(unknown)} was not recorded."


# ----------------------------------------------------------------------------- outcomes and response times


def outcome_sentence(f: Facts) -> list[SectionPart]:
    """Outcomes of the complaints decided, then those withdrawn and those still open."""
    m = f.figures
    decided = sum(m.get(k) or 0 for k in DECIDED)
    sentences: list[SectionPart] = []
    if not decided:
        sentences.append("No complaints had been decided by the end of the year.")
    elif decided == 1:
        (outcome,) = [k for k in DECIDED if m.get(k)]
        sentences.append(f"The one complaint decided was {OUTCOME_WORDS[outcome]}.")
    else:
        upheld = (m.get("upheld") or 0) + (m.get("partly_upheld") or 0)
        if not upheld:
            sentences.append(f"None of the {decided:,} complaints decided was upheld, in full or in part.")
        else:
            listed = _listed([f"{m[k]:,} {OUTCOME_WORDS[k]}" for k in DECIDED if m.get(k)])
            if upheld < decided:
                head = f"Of the {decided:,} complaints decided, {of_whole(upheld, decided)} {wording.verb_for(upheld)}"
            else:
                head = f"{capitalised(wording.share_of(decided, decided))} complaints decided were"
            sentences.append(f"{head} upheld or partly upheld: {listed}.")
    if decided and (m.get("withdrawn") or m.get("open")):  # the rest of the complaints accepted
        counts = [(m.get("withdrawn"), "withdrawn"), (m.get("open"), "still open at the end of the year")]
        counts = [(n, words) for n, words in counts if n]
        # one count in words ('Another one was withdrawn'); two, a list of counts, in numerals
        shown_as = wording.none_or_count if len(counts) == 1 else (lambda n: f"{n:,}")
        rest = [f"{shown_as(n)} {wording.verb_for(n)} {words}" for n, words in counts]
        sentences.append(f"Another {_listed(rest)}.")
        return sentences
    others = []
    if m.get("withdrawn"):
        others.append(
            f"{wording.opening_count(m['withdrawn'], 'complaint')} {wording.verb_for(m['withdrawn'])} withdrawn"
        )
    if m.get("open"):
        open_ = m["open"]
        phrase = f"{wording.no_or_count(open_, 'complaint')} {wording.verb_for(open_)} still open at the end of the year"
        others.append(capitalised(phrase) if not others else phrase)
    if others:
        sentences.append(" and ".join(others) + ".")
    return sentences


def outcomes_comparison(f: Facts) -> Sentence:
    """Points to the outcomes chart when it compares this year with earlier ones, naming them."""
    data = f.chart_data.get("outcomes")
    years = list(dict.fromkeys(row["year"] for row in data)) if data else []
    if len(years) < 2:
        return ""
    return (Ref("fig-outcomes"), f" compares them with {_listed(years[:-1])}.")


def bands_sentence(f: Facts) -> list[SectionPart]:
    """ASC: the complaints answered in each response band (empty bands left out), and the change in the
    share answered within 10 working days."""
    m = f.figures
    answered = m.get("stage1_responded") or 0
    if not answered:
        return ["No complaints had been answered by the end of the year."]
    bands = [
        (m.get("within_10"), "within 10 working days"),
        (m.get("within_20"), "in 11 to 20 working days"),
        (m.get("over_20"), "in more than 20 working days"),
    ]
    bands = [(n, words) for n, words in bands if n]
    if len(bands) == 1:
        n, words = bands[0]
        who = (
            "The one complaint with a response was"
            if answered == 1
            else (f"{capitalised(wording.share_of(answered, answered))} complaints with a response were")
        )
        text = f"{who} answered {words}."
    else:
        listed = [
            f"{of_whole(n, answered)} {'were answered ' if i == 0 else ''}{words}"
            for i, (n, words) in enumerate(bands)
        ]
        text = f"Of the {answered:,} complaints with a response, {_listed(listed)}."
    change = points_since(f, "within_10_pct", "The share within 10 working days", "stage1_responded")
    return [text, change]


def timeliness_sentence(f: Facts) -> list[SectionPart]:
    """Children's: stage 1 complaints answered within the timescale (the change is in the chart's title)."""
    m = f.figures
    answered = m.get("stage1_responded") or 0
    if not answered or "stage1_within_timescale_pct" not in m:
        return ["No stage 1 complaints had been answered by the end of the year."]
    within = m.get("stage1_within_timescale")
    timescale = f"the timescale of {STAGE1_DAYS} working days, or {STAGE1_EXTENDED_DAYS} where an extension was agreed"
    if answered == 1:
        verb = "was" if within else "was not"
        return [f"The one stage 1 complaint with a response {verb} answered within {timescale}."]
    if _is_count(within) and within in (0, answered):
        subject = f"{capitalised(wording.share_of(answered, answered))} stage 1 complaints with a response"
        text = f"{subject} were{' not' if within == 0 else ''} answered within {timescale}."
    else:
        share = of_whole(within, answered) if _is_count(within) else f"{m['stage1_within_timescale_pct']}%"
        text = f"Of the {answered:,} stage 1 complaints with a response, {share} were answered within {timescale}."
    if "timeliness" not in f.chart_data:  # else the chart's title gives the change
        return [
            text,
            points_since(
                f, "stage1_within_timescale_pct", "The share within the timescale", "stage1_responded"
            ),
        ]
    return [text]


# ----------------------------------------------------------------------------- the Ombudsman


LGSCO = "The Local Government and Social Care Ombudsman (LGSCO)"


def ombudsman_sentence(f: Facts) -> list[SectionPart]:
    """New Ombudsman complaints, what it investigated and found, remedies, and why it did not
    investigate the others."""
    m = f.figures
    if "ombudsman_received" not in m:
        return ["Figures for Ombudsman cases were not available for this report."]
    received = m["ombudsman_received"]
    first = _with_since(
        f"{LGSCO} told the council about {wording.no_or_count(received, 'new complaint')} in {m['year_display']}",
        ""
        if "ombudsman" in f.chart_data
        else since(f, "ombudsman_received"),  # else the chart's title says it
    )
    sentences: list[SectionPart] = [first + "."]
    if not received:
        return sentences
    investigated, fault = m.get("ombudsman_investigated", 0), m.get("ombudsman_fault_found", 0)
    if not investigated:
        sentences.append("It did not investigate it." if received == 1 else "It investigated none of them.")
    else:
        if received == 1:
            what = "It investigated the complaint"
        else:
            what = f"It investigated {part_of(investigated, received)}"
        if not fault:
            found = "found no fault" if investigated == 1 else "found no fault in any of them"
        elif investigated == 1:
            found = "found fault"
        else:
            found = f"found fault in {part_of(fault, investigated)}"
        sentences.append(f"{what} and {found}.")
        if m.get("ombudsman_remedy_total"):
            sentences.append(
                f"The remedies it asked for included payments totalling {wording.pounds(m['ombudsman_remedy_total'])}."
            )
    not_investigated = received - investigated
    reasons = list(dict.fromkeys(m.get("ombudsman_reasons_not_investigated") or []))
    if investigated and not_investigated and reasons:
        lead = (
            "It did not investigate the other one. The reason recorded was:"
            if not_investigated == 1
            else f"It did not investigate the other {not_investigated:,}. The reasons recorded were:"
        )
        sentences += [NEW_PARAGRAPH, lead, Bullets(tuple(capitalised(r) for r in reasons))]
    elif not investigated and reasons:
        lead = "The reason recorded was:" if len(reasons) == 1 else "The reasons recorded were:"
        sentences += [NEW_PARAGRAPH, lead, Bullets(tuple(capitalised(r) for r in reasons))]
    return sentences


# ----------------------------------------------------------------------------- Member enquiries and compliments


def enquiries_sentence(f: Facts) -> list[SectionPart]:
    m = f.figures
    if "member_enquiries" not in m:
        return ["Figures for Member enquiries were not available for this report."]
    count = m["member_enquiries"]
    sentences: list[SectionPart] = [
        "Member enquiries come from elected councillors and Members of Parliament acting for their "
        "constituents.",
        _with_since(
            f"The {f.team} handled {wording.no_or_count(count, 'Member enquiry', 'Member enquiries')} in "
            f"{m['year_display']}",
            since(f, "member_enquiries"),
        )
        + ".",
    ]
    if "member_enquiries_within_5_pct" not in m:
        return sentences
    answered, within = m.get("member_enquiries_responded"), m.get("member_enquiries_within_5")
    standard = f"the council-wide standard of {MEMBER_ENQUIRY_DAYS} working days"
    if not _is_count(answered) or not _is_count(within):
        text = f"It answered {m['member_enquiries_within_5_pct']}% of them within {standard}"
    elif answered == 1:
        text = f"It answered the enquiry {'within' if within else 'outside'} {standard}"
    elif answered == count:
        share = (
            wording.share_of(within, answered)
            if within in (0, answered)
            else f"{of_whole(within, answered)} of them"
        )
        text = f"It answered {share} within {standard}"
    else:
        text = (
            f"Of the {answered:,} with a response by the end of the year, {of_whole(within, answered)} "
            f"were answered within {standard}"
        )
    # the change follows the share it is of: 'up 5 percentage points from 90% in 2019/20'
    change = points_phrase(f, "member_enquiries_within_5_pct", "member_enquiries_responded")
    sentences.append(_with_since(text, change) + ".")
    return sentences


def compliments_sentence(f: Facts) -> list[SectionPart]:
    """The compliments recorded, with last year's, and how many teams they were for (the chart's
    title names the teams with the most)."""
    m = f.figures
    if "compliments" not in m:
        return ["Figures for compliments were not available for this report."]
    count = m["compliments"]
    first = _with_since(
        f"{wording.opening_count(count, 'compliment')} {wording.verb_for(count)} recorded in {m['year_display']}",
        since(f, "compliments"),
    )
    sentences: list[SectionPart] = [first + "."]
    teams = [team for team, n in (m.get("compliments_by_team") or {}).items() if n != 0]
    if count and len(teams) == 1:
        subject = "It was" if count == 1 else "They were all"
        sentences.append(f"{subject} for {body_name(teams[0])}.")
    elif count and teams:
        sentences.append(f"They were for {wording.number_word(len(teams))} different teams.")
    return sentences


def quotes_pointer(f: Facts) -> str:
    return "Appendix C quotes some of them." if f.quotes else ""


# ----------------------------------------------------------------------------- stages 2 and 3


def stage_sentence(f: Facts, stage: int) -> list[SectionPart]:
    """Children's stage 2 or 3: complaints that went on to the stage, with last year's; the procedures;
    the outcomes of those concluded, and those still open."""
    m = f.figures
    row = next(r for r in m["stage_table"] if r["stage"] == stage)
    prev_row = next((r for r in f.prev.get("stage_table") or [] if r["stage"] == stage), None)
    received = row["received"]
    before = prev_row["received"] if prev_row else f.prev.get(f"stage{stage}_received")
    change = change_from(received, before, f.prev.get("year_display", "last year"))
    if received is None or not _is_count(received):
        return [f"Complaints went on to stage {stage} in {m['year_display']}; their number is not shown."]
    where = "a stage 3 review panel" if stage == 3 else f"stage {stage}"
    if not received:
        return [_with_since(f"No complaints went on to {where} in {m['year_display']}", change) + "."]
    sentences: list[SectionPart] = [
        _with_since(
            f"{wording.opening_count(received, 'complaint')} went on to {where} in {m['year_display']}",
            change,
        )
        + "."
    ]
    statutory, corporate = row["statutory"], row["corporate"]
    concluded = {k: row[k] for k in (*DECIDED, "withdrawn")}
    if received == 1:
        procedure = "statutory" if statutory == 1 else "non-statutory" if corporate == 1 else None
        outcome = next((k for k, n in concluded.items() if n == 1), None)
        said = [f"was {procedure}"] if procedure else []
        if outcome:
            said.append(f"was {OUTCOME_WORDS[outcome]}")
        elif row["open"]:
            said.append(f"has not concluded yet and will be reported in the {f.year.next.display} report")
        if said:
            sentences.append(f"It {' and '.join(said)}.")
        return sentences
    if statutory == 0 or corporate == 0:
        kind = "non-statutory" if statutory == 0 else "statutory"
        sentences.append(f"{capitalised(wording.share_of(received, received))} were {kind}.")
    else:
        sentences.append(
            f"Of these, {shown(f, statutory)} were statutory and {shown(f, corporate)} non-statutory."
        )
    known = {k: n for k, n in concluded.items() if n}
    done = sum(n for n in known.values() if _is_count(n))
    listed = _listed(
        [f"{shown(f, n)} {'was' if n == 1 else 'were'} {OUTCOME_WORDS[k]}" for k, n in known.items()]
    )
    open_ = row["open"]
    if known and open_ == 0:
        sentences.append(f"Their outcomes: {listed}.")
    elif known:
        sentences.append(f"Of the {done:,} that have concluded, {listed}.")
    if open_ is None:
        sentences.append(
            f"Some have not concluded yet; they will be reported in the {f.year.next.display} report."
        )
    elif open_:
        if not known:
            sentences.append(
                f"None has concluded yet; they will be reported in the {f.year.next.display} report."
            )
        elif open_ == 1:
            sentences.append(
                f"The other one has not concluded yet; it will be reported in the {f.year.next.display} report."
            )
        else:
            sentences.append(
                f"The other {open_:,} have not concluded yet; they will be reported in the "
                f"{f.year.next.display} report."
            )
    return sentences


# ----------------------------------------------------------------------------- comparisons for other sections
# Helpers that sections may use to compare a figure with last year's; the sections above say a change
# with since() and points_since().


def share_of(f: Facts, count: int, whole_key: str = "complaints_accepted") -> str:
    return f"{percent(count, f.figures[whole_key])}%"


def count_change(f: Facts, key: str, noun: str = "figure") -> str:
    if key not in f.prev:
        return "the first year for which figures are available"
    return wording.count_change(f.figures[key], f.prev[key], noun)


def percent_change(f: Facts, key: str) -> str:
    if key not in f.prev:
        return "with no figure for last year to compare"
    return wording.percent_change(f.figures[key], f.prev[key])


def points_change(f: Facts, key: str) -> str:
    if key not in f.prev:
        return "with no figure for last year to compare"
    return wording.points_change(f.figures[key], f.prev[key], f.prev["year_display"])


def top(f: Facts, key: str, count: int = 2) -> list[tuple[str, int, str]]:
    """The largest entries of a count object: (name, count, share of accepted complaints)."""
    items = [(name, value) for name, value in f.figures.get(key, {}).items() if value is not None][:count]
    return [(name, value, share_of(f, value)) for name, value in items]


def number(n: int) -> str:
    """number_word, but 'none' where the sentence needs a pronoun ('It investigated none')."""
    return wording.none_or_count(n) if n < 2 else wording.number_word(n)


# ----------------------------------------------------------------------------- the committee's figures
# Time taken and acknowledgement (both services), and "Who complained": rates, repeat complainants and
# the equality information recorded. Written to docs/style.md like every section: lists of sentences,
# no sentence opens with a numeral, zero is "no" or "none", one is "one", fewer than 10 cases are
# given as counts without a percentage, and a change in a percentage is in percentage points.


def _days(value: float) -> str:
    """A number of working days as printed: '9 working days', '9.5 working days', 'one working day'."""
    if value == 0:
        return "less than one working day"  # answered the day it arrived
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return "one working day" if value == 1 else f"{shown} working days"


def _part(count: int, whole: int, noun: str, after: str = "") -> str:
    """'82 of the 85 complaints (96%)', with the counts alone below 10 ('2 of the 4 complaints'), 'all
    85 complaints', 'both complaints', 'the one complaint' and 'none of the 85 complaints'; ``after``
    follows the noun ('82 of the 85 complaints accepted (96%)')."""
    if whole == 1:
        return f"the one {noun}{after}"
    plural = f"{noun}s{after}"
    if count == whole:
        return f"both {plural}" if whole == 2 else f"all {whole:,} {plural}"
    if count == 0:
        return f"none of the {whole:,} {plural}"
    share = "" if whole < wording.SMALL_BASE else f" ({percent(count, whole)}%)"
    return f"{count:,} of the {whole:,} {plural}{share}"


def time_taken_sentence(f: Facts) -> list[SectionPart]:
    """The median and the mean working days to answer a stage 1 complaint, with last year's."""
    m = f.figures
    answered = m.get("stage1_responded") or 0
    median, mean = m.get("median_working_days"), m.get("mean_working_days")
    if not answered or median is None or mean is None:
        return []
    if answered == 1:
        return [f"The council took {_days(median)} to respond to the one complaint answered."]
    if mean == 0:
        text = "Every response was sent on the day the complaint arrived."
    elif median == 0:
        text = (
            "Half of the responses were sent on the day the complaint arrived; the average (mean) was "
            f"{mean:,.1f} working days."
        )
    else:
        text = (
            f"Half of the complaints took {_days(median)} or fewer to answer (the median), and the "
            f"average (mean) was {mean:,.1f} working days."
        )
    median_before, mean_before = f.prev.get("median_working_days"), f.prev.get("mean_working_days")
    year_before = f.prev.get("year_display")
    before = ""
    if year_before and mean_before == 0:
        before = f"In {year_before} every response was sent on the day the complaint arrived."
    elif year_before and median_before is not None and mean_before is not None:
        before = f"In {year_before} the median was {_days(median_before)} and the mean {mean_before:,.1f}."
    elif year_before and median_before is not None:
        before = f"In {year_before} the median was {_days(median_before)}."
    elif year_before and mean_before is not None:
        before = f"In {year_before} the mean was {mean_before:,.1f} working days."
    return [text, before]


def acknowledgement_sentence(f: Facts) -> list[SectionPart]:
    """How many complaints were acknowledged within 3 working days (of those with a date recorded), and
    the change in the share in percentage points."""
    m = f.figures
    recorded, within = m.get("acknowledged_recorded"), m.get("acknowledged_within_3")
    if not recorded or within is None:
        return []
    after = "" if recorded == m.get("complaints_accepted") else " with a recorded acknowledgement date"
    if recorded == 1 and not within:
        return [f"The one complaint{after} was not acknowledged within 3 working days."]
    text = f"The council acknowledged {_part(within, recorded, 'complaint', after)} within 3 working days"
    # the change in the same sentence: a sentence of its own would read like the response times' one
    change = points_phrase(f, "acknowledged_within_3_pct", "acknowledged_recorded")
    return [_with_since(text, change) + "."]


def rates_sentence(f: Facts) -> list[SectionPart]:
    """The year's complaints set against the number of service users and residents (``context``)."""
    m = f.figures
    accepted = m.get("complaints_accepted") or 0
    rates = [
        (key, text)
        for key, text in (
            (
                "complaints_per_1000_service_users",
                f"for every 1,000 people who used {m.get('service_name', 'the service')}",
            ),
            ("complaints_per_100k_population", "for every 100,000 residents"),
        )
        if m.get(key) is not None
    ]
    if not rates or not accepted:
        return []
    subject = "The one complaint" if accepted == 1 else f"The {accepted:,} complaints"
    verb = "amounts" if accepted == 1 else "amount"
    text = (
        f"{subject} accepted in {m['year_display']} {verb} to "
        + wording.join([f"{m[key]:,.1f} {words}" for key, words in rates])
        + "."
    )
    if f.prev.get("year_display") and all(f.prev.get(key) is not None for key, _ in rates):
        values = wording.join([f"{f.prev[key]:,.1f}" for key, _ in rates])
        return [
            text,
            f"The {'rates were' if len(rates) > 1 else 'rate was'} {values} in {f.prev['year_display']}.",
        ]
    return [text]


def repeat_complainants_sentence(f: Facts) -> list[SectionPart]:
    """People who made more than one complaint in the year, as counts: no one is named or described."""
    m = f.figures
    if "repeat_complainants" not in m:
        return []
    people, complaints = m["repeat_complainants"], m.get("complaints_from_repeat_complainants")
    accepted = m.get("complaints_accepted") or 0
    if people is None or complaints is None:  # hidden by small-number suppression
        return [f"Fewer than {m.get('suppressed_below')} people made more than one complaint in the year."]
    if people == 0:
        return ["No one made more than one complaint in the year."]
    made = (
        _part(complaints, accepted, "complaint", " accepted")
        if accepted
        else wording.plural(complaints, "complaint")
    )
    if people == 1:
        return [f"One person made {made}; no one else made more than one complaint in the year."]
    who = wording.opening_count(people, "person", "people")
    return [f"{who} made more than one complaint in the year; between them they made {made}."]


def equality_sentence(f: Facts) -> list[SectionPart]:
    """Which equality characteristic was most often not recorded (the table gives every count)."""
    from complaints_report.tables import characteristic_name

    m = f.figures
    counts = m.get("equality_counts") or {}
    accepted = m.get("complaints_accepted") or 0
    if not counts or not accepted:
        return []
    if any("Not recorded" in labels and labels["Not recorded"] is None for labels in counts.values()):
        return []  # a count hidden by small-number suppression: which is largest cannot be said
    missing = {
        characteristic_name(column): labels.get("Not recorded") or 0 for column, labels in counts.items()
    }
    names, most = wording.leaders(missing)
    listed = wording.join([name if i == 0 else in_sentence(name) for i, name in enumerate(names)])
    if not most:
        every = wording.join([name if i == 0 else in_sentence(name) for i, name in enumerate(missing)])
        return [f"{every} {'was' if len(missing) == 1 else 'were'} recorded for every complaint."]
    noun = "the characteristic" if len(names) == 1 else "the characteristics"
    verb = "was" if len(names) == 1 else "were"
    each = " each" if len(names) > 1 else ""
    return [
        f"{listed} {verb} {noun} most often not recorded, for {_part(most, accepted, 'complaint')}{each}."
    ]


def who_complained_sentences(f: Facts) -> list[SectionPart]:
    """'Who complained': the rates, then repeat complainants and the equality information recorded."""
    rates = rates_sentence(f)
    people = [*repeat_complainants_sentence(f), *equality_sentence(f)]
    return [*rates, NEW_PARAGRAPH, *people] if rates and people else [*rates, *people]


def missing_inputs(f: Facts) -> list[tuple[str, str]]:
    """The optional inputs this year's figures lack: (what to add to the exports, in the contract's names;
    what it would show, in words that stand alone after "This report cannot yet show"). The public report
    gives only the second (fragments.missing_inputs_markdown), the reviewer's note both (optional_inputs)."""
    from complaints_report import optional_inputs

    return optional_inputs.missing(f.figures)


# ----------------------------------------------------------------------------- sections

# Each report section with computed sentences: section key (as in content.SECTIONS) -> its sentences.
SECTIONS: dict[str, dict[str, Callable[[Facts], list[SectionPart]]]] = {
    "asc": {
        "volume": lambda f: volume_sentence(f),  # the trend chart's title states the trend
        "nature": lambda f: category_sentence(f, 5),
        "teams": lambda f: area_sentence(f),
        "who_complained": lambda f: who_complained_sentences(f),
        "outcomes": lambda f: [*outcome_sentence(f), outcomes_comparison(f)],
        "response_times": lambda f: [
            *bands_sentence(f),
            NEW_PARAGRAPH,
            *time_taken_sentence(f),
            *acknowledgement_sentence(f),
        ],
        "lgsco": lambda f: ombudsman_sentence(f),
        "member_enquiries": lambda f: enquiries_sentence(f),
        "compliments": lambda f: compliments_sentence(f),
    },
    "childrens": {
        "complaints_received": lambda f: received_sentence(f),
        "performance": lambda f: category_sentence(f, 2),
        "who_complained": lambda f: who_complained_sentences(f),
        "response_times": lambda f: [
            *timeliness_sentence(f),
            *time_taken_sentence(f),
            *acknowledgement_sentence(f),
            NEW_PARAGRAPH,
            *outcome_sentence(f),
        ],
        "stage2": lambda f: stage_sentence(f, 2),
        "stage3": lambda f: stage_sentence(f, 3),
        "ombudsman": lambda f: ombudsman_sentence(f),
        "compliments": lambda f: [*compliments_sentence(f), quotes_pointer(f)],
    },
}


def section_sentences(f: Facts) -> dict[str, list[SectionPart]]:
    """Every section's sentences for the service: section key -> sentences (empty ones left in)."""
    return {key: make(f) for key, make in SECTIONS[f.service].items()}


# ----------------------------------------------------------------------------- regulations


@dataclass(frozen=True)
class Described:
    """A row of the regulations table answered by the narrative of these sections (whether they are
    written is known only when the report is rendered)."""

    sections: tuple[str, ...]


def _count(key: str, noun: str) -> Callable[[Facts], str]:
    def answer(f: Facts) -> str:
        if key not in f.figures:
            return "not available this year"
        return wording.no_or_count(f.figures[key], noun)

    return answer


def _issues(f: Facts) -> str:
    counts = f.figures.get("category_counts") or {}
    if not counts:
        return "no complaints accepted"
    names, largest = wording.leaders(counts)
    kinds = wording.no_or_count(len(counts), "kind of issue", "kinds of issue")
    if not names:
        return kinds
    most = _listed([in_sentence(n) for n in names])
    if len(counts) == 1:
        return f"{kinds}: {most} ({largest:,})"
    return f"{kinds}; most often {most} ({largest:,}{' each' if len(names) > 1 else ''})"


def _stages(f: Facts) -> str:
    rows = f.figures.get("stage_table") or []
    return _listed(
        [
            f"{'none' if row['received'] == 0 else shown(f, row['received'])} at stage {row['stage']}"
            for row in rows
        ]
    )


def _upheld(f: Facts) -> str:
    m = f.figures
    if "upheld" not in m:
        return "not available this year"
    return f"{m['upheld'] + m['partly_upheld']:,} upheld or partly upheld"


def _in_time(f: Facts) -> str:
    m = f.figures
    answered, within = m.get("stage1_responded"), m.get("stage1_within_timescale")
    if not _is_count(answered) or not _is_count(within) or not answered:
        return "no stage 1 complaints answered this year"
    return _of_which(within, answered, "stage 1 complaints with a response", "answered within the timescale")


def _decided(f: Facts) -> str:
    m = f.figures
    decided = sum(m.get(k) or 0 for k in DECIDED)
    if not decided:
        return "no stage 1 complaints decided this year"
    upheld = (m.get("upheld") or 0) + (m.get("partly_upheld") or 0)
    return _of_which(upheld, decided, "stage 1 complaints decided", "upheld or partly upheld")


def _of_which(count: int, whole: int, whole_words: str, what: str) -> str:
    """'of the 61 stage 1 complaints decided, 22 (36%) were upheld or partly upheld' (after the
    section's name and a colon); the one case in the singular, none in words, counts alone below 10
    (docs/style.md)."""
    if whole == 1:
        singular = whole_words.replace("complaints", "complaint", 1)
        return f"the one {singular} was {'' if count else 'not '}{what}"
    if count == 0:
        return f"none of the {whole:,} {whole_words} was {what}"
    share = f"{count:,} ({percent(count, whole)}%)" if whole >= wording.SMALL_BASE else f"{count:,}"
    return f"of the {whole:,} {whole_words}, {share} {'was' if count == 1 else 'were'} {what}"


# The annual report duties: ASC - reg. 18 of SI 2009/309; Children's - reg. 13(3) of SI 2006/1738
# and "Getting the Best from Complaints" (DfES 2006), section 6.
REGULATION_SOURCES = {
    "asc": "the 2009 regulations (regulation 18)",
    "childrens": "the 2006 regulations and 'Getting the Best from Complaints'",
}
REGULATION_ROWS: dict[str, list[tuple[str, str, Callable[[Facts], str | Described]]]] = {
    "asc": [
        ("Number of complaints received", "Volume of complaints", _count("complaints_received", "complaint")),
        (
            "Number of complaints the council decided were well-founded",
            "Outcomes",
            _upheld,
        ),
        (
            "Number of complaints referred to the Ombudsman",
            "Ombudsman (LGSCO) activity",
            _count("ombudsman_received", "complaint"),
        ),
        ("The subject matter of complaints", "Nature of issue; Complaints activity by team", _issues),
        (
            "Matters of general importance arising from complaints",
            "Learning from complaints",
            lambda f: Described(("learning",)),
        ),
        (
            "Action taken to improve services as a result of complaints",
            "Learning from complaints; Future development",
            lambda f: Described(("learning", "future")),
        ),
    ],
    "childrens": [
        ("Number of complaints at each stage", "Complaints received (table by stage)", _stages),
        ("Timescales met", "Response times and outcomes", lambda f: _in_time(f)),
        (
            "Outcomes of complaints",
            "Response times and outcomes; Complaints at stage 2 and 3",
            lambda f: _decided(f),
        ),
        (
            "Complaints considered by the Ombudsman",
            "Ombudsman cases",
            _count("ombudsman_received", "complaint"),
        ),
        ("Subject matter of complaints", "Performance overview", _issues),
        (
            "Learning and service improvement",
            "Learning from complaints",
            lambda f: Described(("learning", "previous_learning")),
        ),
        (
            "Advocacy provided",
            "Overview of the procedure; Appendix B",
            lambda f: Described(("procedure", "appendix_b")),
        ),
    ],
}


def regulations_caption(service: str) -> str:
    return f"What {REGULATION_SOURCES[service]} ask the report to show"


def regulation_rows(f: Facts) -> list[tuple[str, str, str | Described]]:
    """What the regulations require the annual report to show, where this report shows it, and this year's
    answer (a figure, or the narrative sections that answer it)."""
    return [(need, where, value(f)) for need, where, value in REGULATION_ROWS[f.service]]
