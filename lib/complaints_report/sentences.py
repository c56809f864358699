"""The report's computed sentences: one function per report section, words only.

Each section function takes the year's :class:`Facts` and returns the section's sentences
in order, as plain text; a sentence that points at a figure or table holds a
:class:`~complaints_report.markup.Ref` where the cross-reference goes. Nothing here is
Markdown: ``fragments.py`` turns the sentences into Markdown through ``markup.py``, which
escapes every character, so a team called ``*Team* @home`` prints as written.

To reword a section, change its function here; ``report.qmd`` includes the result as
``_fragments/<section>.md``. The sentences compare this year with last year from
``figures["previous_year"]`` and never repeat a number typed by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from complaints_report import wording
from complaints_report.markup import Ref, Sentence
from complaints_report.rounding import percent
from complaints_report.suppression import shown as suppressed
from complaints_report.years import ReportingYear

OUTCOME_WORDS = {
    "upheld": "upheld",
    "partly_upheld": "partly upheld",
    "not_upheld": "not upheld",
    "withdrawn": "withdrawn",
}
DEFAULT_TEAM = "complaints team"


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


# ----------------------------------------------------------------------------- helpers


def in_sentence(text: str) -> str:
    """A label inside a sentence: 'Duplicate complaint' -> 'duplicate complaint'. A label that starts with
    an acronym ('SEN') or holds a proper noun ('Access and Assessment', 'Not about Children's Services')
    stays as written: a capital in mid-sentence is better than a council's or team's name in lower case."""
    words = str(text).split()
    if not words:
        return str(text)
    acronym = len(words[0]) > 1 and words[0][1].isupper()
    proper = any(word[:1].isupper() for word in words[1:])
    return str(text) if acronym or proper else text[:1].lower() + text[1:]


def number(n: int) -> str:
    """number_word, but 'none' where the sentence needs a pronoun ('It investigated none')."""
    return "none" if n == 0 else wording.number_word(n)


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


def shown(f: Facts, value) -> str:
    """A count as published: 'fewer than N' where small-number suppression hid it."""
    return suppressed(value, f.figures.get("suppressed_below"))


def period(year: ReportingYear) -> str:
    """'1 April 2020 and 31 March 2021' (after 'between')."""
    return f"{year.first_day:%-d %B %Y} and {year.last_day:%-d %B %Y}"


# ----------------------------------------------------------------------------- sentences


def category_sentence(f: Facts, count: int = 5) -> str:
    parts = [f"{share} about {in_sentence(name)}" for name, _, share in top(f, "category_counts", count)]
    if not parts:
        return "No complaints were accepted, so there are no categories to report."
    parts[0] = parts[0].replace(" about ", " were about ", 1)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Of the complaints accepted, {listed}."


def volume_sentence(f: Facts) -> str:
    m = f.figures
    return (
        f"The {f.team} recorded and investigated {wording.plural(m['complaints_accepted'], 'complaint')} "
        f"in {m['year_display']}, {count_change(f, 'complaints_accepted')}."
    )


def area_sentence(f: Facts) -> str:
    areas = top(f, "area_counts", 2)
    if not areas:
        return ""
    first = (
        f"{areas[0][2]} of complaints in {f.figures['year_display']} were about {in_sentence(areas[0][0])}"
    )
    if len(areas) > 1:
        return f"{first}, and {areas[1][2]} about {in_sentence(areas[1][0])}."
    return first + "."


def areas_table_sentence(f: Facts) -> Sentence:
    if "table_areas" not in f.tables_shown:
        return ""
    return (
        Ref("tbl-areas"),
        " shows every complaint by the Ombudsman's (LGSCO) categories, with the cases the "
        "Ombudsman told the council about.",
    )


def outcome_sentence(f: Facts) -> str:
    m = f.figures
    if "upheld_or_partly_pct" not in m:
        return "No complaints had been decided by the end of the year."
    text = (
        f"{wording.share_phrase(m['upheld_or_partly_pct']).capitalize()} of the complaints decided "
        f"({m['upheld_or_partly_pct']}%) were upheld or partly upheld: {m['upheld']:,} upheld, "
        f"{m['partly_upheld']:,} partly upheld and {m['not_upheld']:,} not upheld."
    )
    extra = []
    if m.get("withdrawn"):
        extra.append(f"{wording.plural(m['withdrawn'], 'complaint was', 'complaints were')} withdrawn")
    if m.get("open"):
        extra.append(
            f"{wording.plural(m['open'], 'complaint was', 'complaints were')} still open at the end of the year"
        )
    if extra:
        text += " " + " and ".join(extra).capitalize() + "."
    return text


def outcomes_comparison(f: Facts) -> Sentence:
    """Points to the outcomes chart when it compares this year with earlier ones."""
    data = f.chart_data.get("outcomes")
    years = len({row["year"] for row in data}) if data else 0
    if years < 2:
        return ""
    return (
        Ref("fig-outcomes"),
        f" compares the outcomes with the {wording.number_word(years - 1)} year{'s' if years > 2 else ''} before.",
    )


def bands_sentence(f: Facts) -> str:
    m = f.figures
    if not m.get("stage1_responded"):
        return "No complaints had been answered by the end of the year."
    text = (
        f"Of the {wording.plural(m['stage1_responded'], 'complaint')} answered, {m['within_10_pct']}% were "
        f"answered within 10 working days. A further {m['within_20_pct']}% took 11 to 20 working days and "
        f"{m['over_20_pct']}% took more than 20."
    )
    if "within_10_pct" in f.prev:
        text += f" Answers within 10 working days were {points_change(f, 'within_10_pct')}."
    return text


def ombudsman_sentence(f: Facts) -> str:
    m = f.figures
    if "ombudsman_received" not in m:
        return "There are no Ombudsman figures for this year."
    text = (
        f"The Local Government and Social Care Ombudsman (LGSCO) told the council about "
        f"{wording.plural(m['ombudsman_received'], 'new complaint')} in {m['year_display']}"
    )
    if "ombudsman_received" in f.prev:
        text += f", compared with {f.prev['ombudsman_received']:,} in {f.prev['year_display']}"
    text += f". It investigated {number(m['ombudsman_investigated'])}"
    reasons = m.get("ombudsman_reasons_not_investigated", [])
    if reasons:
        text += (
            f"; {wording.number_word(len(reasons))} {'was' if len(reasons) == 1 else 'were'} not "
            f"investigated ({'; '.join(in_sentence(r) for r in reasons)})"
        )
    text += "."
    if m.get("ombudsman_investigated"):
        text += f" It found fault in {number(m['ombudsman_fault_found'])} of the cases it investigated"
        if m.get("ombudsman_remedy_total"):
            text += f", and financial remedies totalled {wording.pounds(m['ombudsman_remedy_total'])}"
        text += "."
    return text


def enquiries_sentence(f: Facts) -> str:
    m = f.figures
    if "member_enquiries" not in m:
        return "There are no Member enquiry figures for this year."
    text = (
        f"The {f.team} handled {wording.plural(m['member_enquiries'], 'Member enquiry', 'Member enquiries')}"
        f" in {m['year_display']}."
    )
    if "member_enquiries_within_5_pct" in m:
        text += (
            f" {m['member_enquiries_within_5_pct']}% of those answered were answered within the "
            "council-wide standard of 5 working days"
        )
        if "member_enquiries_within_5_pct" in f.prev:
            text += f", {points_change(f, 'member_enquiries_within_5_pct')}"
        text += "."
    return text


def compliments_sentence(f: Facts) -> str:
    m = f.figures
    if "compliments" not in m:
        return "There are no compliment figures for this year."
    text = f"{wording.plural(m['compliments'], 'compliment was', 'compliments were')} recorded in {m['year_display']}."
    teams = m.get("compliments_by_team", {})
    names, _ = wording.leaders(teams)
    if len(teams) > 1 and names:
        text += f" {wording.most_phrase(teams, 'received')}"
        runners = wording.leaders({t: n for t, n in teams.items() if t not in names})
        text += f", followed by {wording.join(runners[0])} ({runners[1]:,})." if runners[0] else "."
    return text


def quotes_pointer(f: Facts) -> str:
    return "Appendix C gives examples." if f.quotes else ""


def received_sentence(f: Facts) -> str:
    m = f.figures
    text = (
        f"In {m['year_display']} the {f.team} received "
        f"{wording.plural(m['complaints_received'], 'complaint')} about Children's Services."
    )
    if not m["complaints_received"]:
        return text
    if m.get("complaints_rejected"):
        reasons = ", ".join(in_sentence(k) for k in m.get("rejection_reasons", {}))
        text += (
            f" Of these, {wording.plural(m['complaints_rejected'], 'was', 'were')} not accepted ({reasons}), "
            f"leaving {m['complaints_accepted']:,}"
        )
    else:
        text += (
            f" All {m['complaints_accepted']:,} were accepted"
            if m["complaints_accepted"] > 1
            else " It was accepted"
        )
    text += (
        f": {m['statutory']:,} under the statutory procedure and {m['corporate']:,} under the "
        f"non-statutory (corporate) procedure."
    )
    if "complaints_accepted" in f.prev:
        text += f" This is {percent_change(f, 'complaints_accepted')} in {f.prev['year_display']}."
    return text


def timeliness_sentence(f: Facts) -> str:
    if "stage1_within_timescale_pct" not in f.figures:
        return "No stage 1 complaints had been answered by the end of the year."
    text = (
        f"Of the {wording.plural(f.figures['stage1_responded'], 'stage 1 complaint')} answered, Children's "
        f"Services answered {f.figures['stage1_within_timescale_pct']}% within the timescale (10 working days, "
        "or 20 where an extension was agreed)"
    )
    if "stage1_within_timescale_pct" in f.prev:
        text += f", {points_change(f, 'stage1_within_timescale_pct')}"
    return text + "."


def stage_sentence(f: Facts, stage: int) -> str:
    year_display = f.figures["year_display"]
    row = next(r for r in f.figures["stage_table"] if r["stage"] == stage)
    if not row["received"]:
        return f"No complaints were considered at stage {stage} in {year_display}."
    text = (
        f"{wording.plural(row['received'], 'complaint was', 'complaints were')} received at stage {stage} "
        f"in {year_display}: {shown(f, row['statutory'])} statutory and {shown(f, row['corporate'])} non-statutory."
    )
    decided = [f"{shown(f, row[k])} {OUTCOME_WORDS[k]}" for k in OUTCOME_WORDS if row[k] != 0]
    if decided:
        text += " Outcomes: " + ", ".join(decided) + "."
    if row["open"] is None:
        text += f" Some complaints have not concluded yet; they will be reported in the {f.year.next.display} report."
    elif row["open"]:
        text += (
            f" {wording.plural(row['open'], 'complaint has', 'complaints have')} not concluded yet; "
            f"the outcome will be reported in the {f.year.next.display} report."
        )
    return text


# ----------------------------------------------------------------------------- the committee's figures
# Time taken and acknowledgement (both services), and "Who complained": rates, repeat complainants and
# the equality information recorded. Written to docs/style.md: no sentence opens with a numeral, zero is
# "no" or "none", one is "one", and fewer than 10 cases are given as counts without a percentage.


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


def time_taken_sentence(f: Facts) -> str:
    """The median and the mean working days to answer a stage 1 complaint, with last year's."""
    m = f.figures
    answered = m.get("stage1_responded") or 0
    median, mean = m.get("median_working_days"), m.get("mean_working_days")
    if not answered or median is None or mean is None:
        return ""
    if answered == 1:
        return f"The council took {_days(median)} to respond to the one complaint answered."
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
    if year_before and mean_before == 0:
        text += f" In {year_before} every response was sent on the day the complaint arrived."
    elif year_before and median_before is not None and mean_before is not None:
        text += f" In {year_before} the median was {_days(median_before)} and the mean {mean_before:,.1f}."
    elif year_before and median_before is not None:
        text += f" In {year_before} the median was {_days(median_before)}."
    elif year_before and mean_before is not None:
        text += f" In {year_before} the mean was {mean_before:,.1f} working days."
    return text


def acknowledgement_sentence(f: Facts) -> str:
    """How many complaints were acknowledged within 3 working days (of those with a date recorded)."""
    m = f.figures
    recorded, within = m.get("acknowledged_recorded"), m.get("acknowledged_within_3")
    if not recorded or within is None:
        return ""
    after = "" if recorded == m.get("complaints_accepted") else " with a recorded acknowledgement date"
    part = _part(within, recorded, "complaint", after)
    if recorded == 1:
        text = (
            f"The council acknowledged {part} within 3 working days."
            if within
            else f"The one complaint{after} was not acknowledged within 3 working days."
        )
    else:
        text = f"The council acknowledged {part} within 3 working days"
        previous = f.prev.get("acknowledged_within_3_pct")
        if previous is not None and f.prev.get("year_display"):
            text += f", compared with {f'{previous}%' if previous else 'none'} in {f.prev['year_display']}"
        text += "."
    return text


def rates_sentence(f: Facts) -> str:
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
        return ""
    subject = "The one complaint" if accepted == 1 else f"The {accepted:,} complaints"
    verb = "amounts" if accepted == 1 else "amount"
    text = (
        f"{subject} accepted in {m['year_display']} {verb} to "
        + wording.join([f"{m[key]:,.1f} {words}" for key, words in rates])
        + "."
    )
    if f.prev.get("year_display") and all(f.prev.get(key) is not None for key, _ in rates):
        values = wording.join([f"{f.prev[key]:,.1f}" for key, _ in rates])
        text += f" The {'rates were' if len(rates) > 1 else 'rate was'} {values} in {f.prev['year_display']}."
    return text


def repeat_complainants_sentence(f: Facts) -> str:
    """People who made more than one complaint in the year, as counts: no one is named or described."""
    m = f.figures
    if "repeat_complainants" not in m:
        return ""
    people, complaints = m["repeat_complainants"], m.get("complaints_from_repeat_complainants")
    accepted = m.get("complaints_accepted") or 0
    if people is None or complaints is None:  # hidden by small-number suppression
        return f"Fewer than {m.get('suppressed_below')} people made more than one complaint in the year."
    if people == 0:
        return "No one made more than one complaint in the year."
    made = (
        _part(complaints, accepted, "complaint", " accepted")
        if accepted
        else wording.plural(complaints, "complaint")
    )
    if people == 1:
        return f"One person made {made}; no one else made more than one complaint in the year."
    who = wording.opening_count(people, "person", "people")
    return f"{who} made more than one complaint in the year; between them they made {made}."


def equality_sentence(f: Facts) -> str:
    """Which equality characteristic was most often not recorded (the table gives every count)."""
    from complaints_report.tables import characteristic_name

    m = f.figures
    counts = m.get("equality_counts") or {}
    accepted = m.get("complaints_accepted") or 0
    if not counts or not accepted:
        return ""
    if any("Not recorded" in labels and labels["Not recorded"] is None for labels in counts.values()):
        return ""  # a count hidden by small-number suppression: which is largest cannot be said
    missing = {
        characteristic_name(column): labels.get("Not recorded") or 0 for column, labels in counts.items()
    }
    names, most = wording.leaders(missing)
    listed = wording.join([name if i == 0 else in_sentence(name) for i, name in enumerate(names)])
    if not most:
        every = wording.join([name if i == 0 else in_sentence(name) for i, name in enumerate(missing)])
        return f"{every} {'was' if len(missing) == 1 else 'were'} recorded for every complaint."
    noun = "the characteristic" if len(names) == 1 else "the characteristics"
    verb = "was" if len(names) == 1 else "were"
    each = " each" if len(names) > 1 else ""
    return f"{listed} {verb} {noun} most often not recorded, for {_part(most, accepted, 'complaint')}{each}."


# What each optional input would add to "Who complained" (contract section 2): the input, and what it shows.
MISSING_INPUTS = (
    ("repeat_complainants", "a complainant column", "how many people complained more than once"),
    (
        "equality_counts",
        "equality monitoring columns",
        "the age, sex, ethnic group and disability recorded with each complaint",
    ),
    (
        ("complaints_per_1000_service_users", "complaints_per_100k_population"),
        "the number of residents and of people using the service",
        "complaints per 1,000 service users and per 100,000 residents",
    ),
    ("comparator_medians", "similar councils' published figures", "how the council compares with them"),
)


def missing_inputs(f: Facts) -> list[tuple[str, str]]:
    """The optional inputs this year's figures lack: (what to add to the exports, what it would show)."""
    found = []
    for keys, what, shows in MISSING_INPUTS:
        keys = (keys,) if isinstance(keys, str) else keys
        if not any(key in f.figures for key in keys):
            found.append((what, shows))
    return found


# ----------------------------------------------------------------------------- sections

# Each report section with computed sentences: section key (as in content.SECTIONS) -> its sentences.
SECTIONS: dict[str, dict[str, Callable[[Facts], list[Sentence]]]] = {
    "asc": {
        "volume": lambda f: [volume_sentence(f)],  # the five-year trend chart's title states the trend
        "nature": lambda f: [category_sentence(f, 5)],
        "teams": lambda f: [area_sentence(f), areas_table_sentence(f)],
        "who_complained": lambda f: [
            rates_sentence(f),
            repeat_complainants_sentence(f),
            equality_sentence(f),
        ],
        "outcomes": lambda f: [outcome_sentence(f), outcomes_comparison(f)],
        "response_times": lambda f: [bands_sentence(f), time_taken_sentence(f), acknowledgement_sentence(f)],
        "lgsco": lambda f: [ombudsman_sentence(f)],
        "member_enquiries": lambda f: [enquiries_sentence(f)],
        "compliments": lambda f: [compliments_sentence(f)],
    },
    "childrens": {
        "complaints_received": lambda f: [received_sentence(f)],
        "performance": lambda f: [category_sentence(f, 2)],
        "who_complained": lambda f: [
            rates_sentence(f),
            repeat_complainants_sentence(f),
            equality_sentence(f),
        ],
        "response_times": lambda f: [
            timeliness_sentence(f),
            time_taken_sentence(f),
            acknowledgement_sentence(f),
            outcome_sentence(f),
        ],
        "stage2": lambda f: [stage_sentence(f, 2)],
        "stage3": lambda f: [stage_sentence(f, 3)],
        "ombudsman": lambda f: [ombudsman_sentence(f)],
        "compliments": lambda f: [compliments_sentence(f), quotes_pointer(f)],
    },
}


def section_sentences(f: Facts) -> dict[str, list[Sentence]]:
    """Every section's sentences for the service: section key -> sentences (empty ones left in)."""
    return {key: make(f) for key, make in SECTIONS[f.service].items()}


# ----------------------------------------------------------------------------- regulations


@dataclass(frozen=True)
class Described:
    """A row of the regulations table answered by the narrative of these sections: 'Described' when
    they are written, else which are missing (known only when the report is rendered)."""

    sections: tuple[str, ...]


def _count(key: str, suffix: str = "") -> Callable[[Facts], str]:
    return lambda f: f"{f.figures[key]:,}{suffix}" if key in f.figures else "Not available"


# The annual report duties: ASC - reg. 18 of SI 2009/309; Children's - reg. 13(3) of SI 2006/1738
# and "Getting the Best from Complaints" (DfES 2006), section 6.
REGULATION_SOURCES = {
    "asc": "the 2009 regulations (regulation 18)",
    "childrens": "the 2006 regulations and 'Getting the Best from Complaints'",
}
REGULATION_ROWS: dict[str, list[tuple[str, str, Callable[[Facts], str | Described]]]] = {
    "asc": [
        ("Number of complaints received", "Volume of complaints", _count("complaints_received")),
        (
            "Number of complaints the council decided were well-founded (upheld or partly upheld)",
            "Outcomes",
            lambda f: (
                f"{f.figures['upheld'] + f.figures['partly_upheld']:,}"
                if "upheld" in f.figures
                else "Not available"
            ),
        ),
        (
            "Number of complaints referred to the Ombudsman",
            "Ombudsman (LGSCO) activity",
            _count("ombudsman_received"),
        ),
        (
            "The subject matter of complaints",
            "Nature of issue; Complaints activity by team",
            lambda f: wording.plural(len(f.figures.get("category_counts", {})), "category", "categories"),
        ),
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
        (
            "Number of complaints at each stage",
            "Complaints received (table by stage)",
            lambda f: (
                " / ".join(f"{row['received']:,}" for row in f.figures["stage_table"]) + " (stages 1 / 2 / 3)"
            ),
        ),
        (
            "Timescales met",
            "Response times and outcomes",
            _count("stage1_within_timescale_pct", "% at stage 1"),
        ),
        (
            "Outcomes of complaints",
            "Complaints received; Complaints at stage 2 and 3",
            _count("upheld_or_partly_pct", "% upheld or partly upheld at stage 1"),
        ),
        ("Complaints considered by the Ombudsman", "Ombudsman cases", _count("ombudsman_received")),
        (
            "Subject matter of complaints",
            "Performance overview",
            lambda f: wording.plural(len(f.figures.get("category_counts", {})), "category", "categories"),
        ),
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
