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


def volume_trend_sentence(f: Facts) -> Sentence:
    data = f.chart_data.get("volume")
    if data is None or len(data) < 3:
        return ""
    values = [int(list(row.values())[1]) for row in data]
    return (
        f"Over the last {wording.number_word(len(values))} years the number of complaints has been "
        f"{wording.trend_phrase(values)} (",
        Ref("fig-volume"),
        ").",
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


# ----------------------------------------------------------------------------- sections

# Each report section with computed sentences: section key (as in content.SECTIONS) -> its sentences.
SECTIONS: dict[str, dict[str, Callable[[Facts], list[Sentence]]]] = {
    "asc": {
        "volume": lambda f: [volume_sentence(f), volume_trend_sentence(f)],
        "nature": lambda f: [category_sentence(f, 5)],
        "teams": lambda f: [area_sentence(f), areas_table_sentence(f)],
        "outcomes": lambda f: [outcome_sentence(f), outcomes_comparison(f)],
        "response_times": lambda f: [bands_sentence(f)],
        "lgsco": lambda f: [ombudsman_sentence(f)],
        "member_enquiries": lambda f: [enquiries_sentence(f)],
        "compliments": lambda f: [compliments_sentence(f)],
    },
    "childrens": {
        "complaints_received": lambda f: [received_sentence(f)],
        "performance": lambda f: [category_sentence(f, 2)],
        "response_times": lambda f: [timeliness_sentence(f), outcome_sentence(f)],
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
