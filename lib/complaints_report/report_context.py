"""What ``report.qmd`` reads: one service's figures, charts, tables and narrative for one year.

``report.qmd`` holds the layout and the sentences; every number and comparison in them comes
from here (from the notebook's ``metrics.json`` and ``artefacts.json``), and the analyst's
narrative comes from the content folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from complaints_report import content, paths, presentation, wording
from complaints_report.artefacts import INDEX_FILE, METRICS_FILE, read_json
from complaints_report.metrics import percent
from complaints_report.suppression import shown
from complaints_report.tables import Table
from complaints_report.years import ReportingYear

OUTCOME_WORDS = {
    "upheld": "upheld",
    "partly_upheld": "partly upheld",
    "not_upheld": "not upheld",
    "withdrawn": "withdrawn",
}


def _in_sentence(text: str) -> str:
    """A label inside a sentence: 'Duplicate complaint' -> 'duplicate complaint'. A label that starts with
    an acronym ('SEN') or holds a proper noun ('Access and Assessment', 'Not about Children's Services')
    stays as written: a capital in mid-sentence is better than a council's or team's name in lower case."""
    words = str(text).split()
    if not words:
        return str(text)
    acronym = len(words[0]) > 1 and words[0][1].isupper()
    proper = any(word[:1].isupper() for word in words[1:])
    return str(text) if acronym or proper else text[:1].lower() + text[1:]


def _number(n: int) -> str:
    """number_word, but 'none' where the sentence needs a pronoun ('It investigated none')."""
    return "none" if n == 0 else wording.number_word(n)


def _get(key: str, suffix: str = ""):
    return lambda r: f"{r.m[key]:,}{suffix}" if key in r.m else "Not available"


# The annual report duties: ASC - reg. 18 of SI 2009/309; Children's - reg. 13(3) of SI 2006/1738
# and "Getting the Best from Complaints" (DfES 2006), section 6.
REGULATION_SOURCES = {
    "asc": "the 2009 regulations (regulation 18)",
    "childrens": "the 2006 regulations and 'Getting the Best from Complaints'",
}
REGULATION_ROWS = {
    "asc": [
        ("Number of complaints received", "Volume of complaints", _get("complaints_received")),
        (
            "Number of complaints the council decided were well-founded (upheld or partly upheld)",
            "Outcomes",
            lambda r: f"{r.m['upheld'] + r.m['partly_upheld']:,}" if "upheld" in r.m else "Not available",
        ),
        (
            "Number of complaints referred to the Ombudsman",
            "Ombudsman (LGSCO) activity",
            _get("ombudsman_received"),
        ),
        (
            "The subject matter of complaints",
            "Nature of issue; Complaints activity by team",
            lambda r: wording.plural(len(r.m.get("category_counts", {})), "category", "categories"),
        ),
        (
            "Matters of general importance arising from complaints",
            "Outcomes; Learning from complaints",
            lambda r: r.described("outcomes", "learning"),
        ),
        (
            "Action taken to improve services as a result of complaints",
            "Learning from complaints; Future development",
            lambda r: r.described("learning", "future"),
        ),
    ],
    "childrens": [
        (
            "Number of complaints at each stage",
            "Complaints received (table by stage)",
            lambda r: (
                " / ".join(f"{row['received']:,}" for row in r.m["stage_table"]) + " (stages 1 / 2 / 3)"
            ),
        ),
        (
            "Timescales met",
            "Response times and outcomes",
            _get("stage1_within_timescale_pct", "% at stage 1"),
        ),
        (
            "Outcomes of complaints",
            "Complaints received; Complaints at stage 2 and 3",
            _get("upheld_or_partly_pct", "% upheld or partly upheld at stage 1"),
        ),
        ("Complaints considered by the Ombudsman", "Ombudsman cases", _get("ombudsman_received")),
        (
            "Subject matter of complaints",
            "Performance overview",
            lambda r: wording.plural(len(r.m.get("category_counts", {})), "category", "categories"),
        ),
        (
            "Learning and service improvement",
            "Learning from complaints",
            lambda r: r.described("learning", "previous_learning"),
        ),
        (
            "Advocacy provided",
            "Overview of the procedure; Appendix B",
            lambda r: r.described("procedure", "appendix_b"),
        ),
    ],
}


@dataclass
class ReportContext:
    service: str
    year: ReportingYear
    artefacts_dir: Path
    content_dir: Path
    m: dict
    index: dict
    meta: dict
    placeholders: list[str] = field(default_factory=list)

    @classmethod
    def load(
        cls, service: str, year: str, artefacts_dir: str | Path, content_dir: str | Path = ""
    ) -> ReportContext:
        artefacts_dir = Path(artefacts_dir)
        reporting_year = ReportingYear.parse(year)
        content_folder = Path(content_dir) if content_dir else paths.CONTENT_DIR
        return cls(
            service=service,
            year=reporting_year,
            artefacts_dir=artefacts_dir,
            content_dir=content_folder,
            m=read_json(artefacts_dir / METRICS_FILE),
            index=read_json(artefacts_dir / INDEX_FILE),
            meta=content.read_meta(content_folder, reporting_year, service),
        )

    # ------------------------------------------------------------------ figures
    @property
    def prev(self) -> dict:
        return self.m.get("previous_year", {})

    def n(self, key: str) -> str:
        """A count with thousands separators."""
        return f"{self.m[key]:,}"

    def share_of(self, count: int, whole_key: str = "complaints_accepted") -> str:
        return f"{percent(count, self.m[whole_key])}%"

    def count_change(self, key: str, noun: str = "figure") -> str:
        if key not in self.prev:
            return "the first year for which figures are available"
        return wording.count_change(self.m[key], self.prev[key], noun)

    def percent_change(self, key: str) -> str:
        if key not in self.prev:
            return "with no figure for last year to compare"
        return wording.percent_change(self.m[key], self.prev[key])

    def points_change(self, key: str) -> str:
        if key not in self.prev:
            return "with no figure for last year to compare"
        return wording.points_change(self.m[key], self.prev[key], self.prev["year_display"])

    def share_phrase(self, key: str) -> str:
        return wording.share_phrase(self.m[key])

    def top(self, key: str, count: int = 2) -> list[tuple[str, int, str]]:
        """The largest entries of a count object: (name, count, share of accepted complaints)."""
        items = [(name, value) for name, value in self.m.get(key, {}).items() if value is not None][:count]
        return [(name, value, self.share_of(value)) for name, value in items]

    def shown(self, value) -> str:
        """A count as published: 'fewer than N' where small-number suppression hid it."""
        return shown(value, self.m.get("suppressed_below"))

    def category_sentence(self, count: int = 5) -> str:
        parts = [
            f"{share} about {_in_sentence(name)}" for name, _, share in self.top("category_counts", count)
        ]
        if not parts:
            return "No complaints were accepted, so there are no categories to report."
        parts[0] = parts[0].replace(" about ", " were about ", 1)
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Of the complaints accepted, {listed}."

    def outcomes_comparison(self) -> str:
        """Points to the outcomes chart when it compares this year with earlier ones."""
        data = self.chart_data("outcomes")
        if data is None or data["year"].nunique() < 2:
            return ""
        return (
            f"@fig-outcomes compares the outcomes with the {wording.number_word(data['year'].nunique() - 1)} "
            f"year{'s' if data['year'].nunique() > 2 else ''} before."
        )

    def money(self, key: str) -> str:
        return wording.pounds(self.m[key])

    # ------------------------------------------------------------------ sentences
    def period(self) -> str:
        return f"{self.year.first_day:%-d %B %Y} and {self.year.last_day:%-d %B %Y}"

    def prev_display(self) -> str:
        return self.year.previous.display

    def team_short(self) -> str:
        """The team's name for running text after 'the' ('team_short: the Team' does not give 'the the Team')."""
        name = str(self.meta.get("team_short") or self.meta.get("team") or "complaints team").strip()
        return name[4:].lstrip() if name.lower().startswith("the ") else name

    def volume_sentence(self) -> str:
        m = self.m
        return (
            f"The {self.team_short()} recorded and investigated {wording.plural(m['complaints_accepted'], 'complaint')} "
            f"in {m['year_display']}, {self.count_change('complaints_accepted')}."
        )

    def volume_trend_sentence(self) -> str:
        data = self.chart_data("volume")
        if data is None or len(data) < 3:
            return ""
        values = [int(v) for v in data.iloc[:, 1]]
        return (
            f"Over the last {wording.number_word(len(values))} years the number of complaints has been "
            f"{wording.trend_phrase(values)} (@fig-volume)."
        )

    def area_sentence(self) -> str:
        top = self.top("area_counts", 2)
        if not top:
            return ""
        first = f"{top[0][2]} of complaints in {self.m['year_display']} were about {_in_sentence(top[0][0])}"
        if len(top) > 1:
            return f"{first}, and {top[1][2]} about {_in_sentence(top[1][0])}."
        return first + "."

    def outcome_sentence(self) -> str:
        if "upheld_or_partly_pct" not in self.m:
            return "No complaints had been decided by the end of the year."
        m = self.m
        text = (
            f"{self.share_phrase('upheld_or_partly_pct').capitalize()} of the complaints decided "
            f"({m['upheld_or_partly_pct']}%) were upheld or partly upheld: {m['upheld']:,} upheld, "
            f"{m['partly_upheld']:,} partly upheld and {m['not_upheld']:,} not upheld."
        )
        extra = []
        if m.get("withdrawn"):
            extra.append(f"{wording.plural(m['withdrawn'], 'complaint was', 'complaints were')} withdrawn")
        if m.get("open"):
            extra.append(
                f"{wording.plural(m['open'], 'complaint was', 'complaints were')} still open at the end "
                "of the year"
            )
        if extra:
            text += " " + " and ".join(extra).capitalize() + "."
        return text

    def bands_sentence(self) -> str:
        if not self.m.get("stage1_responded"):
            return "No complaints had been answered by the end of the year."
        m = self.m
        text = (
            f"Of the {wording.plural(m['stage1_responded'], 'complaint')} answered, {m['within_10_pct']}% were "
            f"answered within 10 working days. A further {m['within_20_pct']}% took 11 to 20 working days and "
            f"{m['over_20_pct']}% took more than 20."
        )
        if "within_10_pct" in self.prev:
            text += f" Answers within 10 working days were {self.points_change('within_10_pct')}."
        return text

    def ombudsman_sentence(self) -> str:
        m = self.m
        if "ombudsman_received" not in m:
            return "There are no Ombudsman figures for this year."
        text = (
            f"The Local Government and Social Care Ombudsman (LGSCO) told the council about "
            f"{wording.plural(m['ombudsman_received'], 'new complaint')} in {m['year_display']}"
        )
        if "ombudsman_received" in self.prev:
            text += f", compared with {self.prev['ombudsman_received']:,} in {self.prev['year_display']}"
        text += f". It investigated {_number(m['ombudsman_investigated'])}"
        reasons = m.get("ombudsman_reasons_not_investigated", [])
        if reasons:
            text += (
                f"; {wording.number_word(len(reasons))} {'was' if len(reasons) == 1 else 'were'} not "
                f"investigated ({'; '.join(_in_sentence(r) for r in reasons)})"
            )
        text += "."
        if m.get("ombudsman_investigated"):
            text += f" It found fault in {_number(m['ombudsman_fault_found'])} of the cases it investigated"
            if m.get("ombudsman_remedy_total"):
                text += f", and financial remedies totalled {self.money('ombudsman_remedy_total')}"
            text += "."
        return text

    def enquiries_sentence(self) -> str:
        m = self.m
        if "member_enquiries" not in m:
            return "There are no Member enquiry figures for this year."
        text = (
            f"The {self.team_short()} handled {wording.plural(m['member_enquiries'], 'Member enquiry', 'Member enquiries')}"
            f" in {m['year_display']}."
        )
        if "member_enquiries_within_5_pct" in m:
            text += (
                f" {m['member_enquiries_within_5_pct']}% of those answered were answered within the "
                "council-wide standard of 5 working days"
            )
            if "member_enquiries_within_5_pct" in self.prev:
                text += f", {self.points_change('member_enquiries_within_5_pct')}"
            text += "."
        return text

    def compliments_sentence(self) -> str:
        m = self.m
        if "compliments" not in m:
            return "There are no compliment figures for this year."
        text = f"{wording.plural(m['compliments'], 'compliment was', 'compliments were')} recorded in {m['year_display']}."
        teams = m.get("compliments_by_team", {})
        names, largest = wording.leaders(teams)
        if len(teams) > 1 and names:
            text += f" {wording.most_phrase(teams, 'received')}"
            runners = wording.leaders({t: n for t, n in teams.items() if t not in names})
            text += f", followed by {wording.join(runners[0])} ({runners[1]:,})." if runners[0] else "."
        return text

    def received_sentence(self) -> str:
        m = self.m
        text = (
            f"In {m['year_display']} the {self.team_short()} received "
            f"{wording.plural(m['complaints_received'], 'complaint')} about Children's Services."
        )
        if not m["complaints_received"]:
            return text
        if m.get("complaints_rejected"):
            reasons = ", ".join(_in_sentence(k) for k in m.get("rejection_reasons", {}))
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
        if "complaints_accepted" in self.prev:
            text += f" This is {self.percent_change('complaints_accepted')} in {self.prev['year_display']}."
        return text

    def timeliness_sentence(self) -> str:
        if "stage1_within_timescale_pct" not in self.m:
            return "No stage 1 complaints had been answered by the end of the year."
        text = (
            f"Of the {wording.plural(self.m['stage1_responded'], 'stage 1 complaint')} answered, Children's "
            f"Services answered {self.m['stage1_within_timescale_pct']}% within the timescale (10 working days, "
            "or 20 where an extension was agreed)"
        )
        if "stage1_within_timescale_pct" in self.prev:
            text += f", {self.points_change('stage1_within_timescale_pct')}"
        return text + "."

    def stage_sentence(self, stage: int) -> str:
        row = next(r for r in self.m["stage_table"] if r["stage"] == stage)
        if not row["received"]:
            return f"No complaints were considered at stage {stage} in {self.m['year_display']}."
        text = (
            f"{wording.plural(row['received'], 'complaint was', 'complaints were')} received at stage {stage} "
            f"in {self.m['year_display']}: {self.shown(row['statutory'])} statutory and "
            f"{self.shown(row['corporate'])} non-statutory."
        )
        decided = [f"{self.shown(row[k])} {OUTCOME_WORDS[k]}" for k in OUTCOME_WORDS if row[k] != 0]
        if decided:
            text += " Outcomes: " + ", ".join(decided) + "."
        if row["open"] is None:
            text += f" Some complaints have not concluded yet; they will be reported in the {self.year.next.display} report."
        elif row["open"]:
            text += (
                f" {wording.plural(row['open'], 'complaint has', 'complaints have')} not concluded yet; "
                f"the outcome will be reported in the {self.year.next.display} report."
            )
        return text

    def chart_data(self, name: str) -> pd.DataFrame | None:
        entry = next((e for e in self.index["charts"] if e["name"] == name), None)
        return None if entry is None else pd.read_csv(self.artefacts_dir / entry["data"])

    def regulations_table(self) -> str:
        """What the regulations require the annual report to show, and where this report shows it."""
        rows = REGULATION_ROWS[self.service]
        data = pd.DataFrame(
            [
                {"Requirement": need, "Where in this report": where, "This year": value(self)}
                for need, where, value in rows
            ]
        )
        source = REGULATION_SOURCES[self.service]
        return presentation.table_markdown(
            Table("table_regulations", f"What {source} ask the report to show", data)
        )

    def data_quality(self) -> str:
        """Rows read = rows counted + rows excluded, from the notebook's row accounting."""
        totals = self.m.get("input_rows")
        if not totals:
            return ""
        from complaints_report.row_accounting import summary_frame

        table = Table(
            "table_rows", "Every row of the input files, counted or excluded", summary_frame(totals)
        )
        return (
            f"The input files held {totals['rows_read']:,} rows: {totals['rows_counted']:,} were used in this "
            f"report and {totals['rows_excluded']:,} were excluded, for the reasons in the table below. "
            "Nothing else was dropped; the list of every row and why it was counted or excluded is "
            "published beside the report as `data/rows.csv`.\n\n" + presentation.table_markdown(table)
        )

    def described(self, *sections: str) -> str:
        """'Described' when the narrative of these sections is written, else what is missing."""
        missing = [
            content.section_title(self.service, key)
            for key in sections
            if content.read_section(self.content_dir, self.year, self.service, key, self.flat())[1]
        ]
        return "Described" if not missing else f"Narrative needed: {wording.join(missing)}"

    def quotes_pointer(self) -> str:
        return "Appendix C gives examples." if self.index.get("quotes") else ""

    def method_note(self) -> str:
        note = (paths.RESOURCES_DIR / "method_note.md").read_text(encoding="utf-8")
        if self.m.get("suppressed_below"):
            note += (
                f"- **Small numbers.** In the breakdowns by category, team, area and stage, counts below "
                f'{self.m["suppressed_below"]} are shown as "fewer than {self.m["suppressed_below"]}"; where '
                "only one count in a breakdown was that small, the next smallest is hidden too, so that no "
                "hidden count can be worked out from the total.\n"
            )
        return note

    def accessibility_statement(self) -> str:
        return (paths.RESOURCES_DIR / "accessibility.md").read_text(encoding="utf-8")

    # ------------------------------------------------------------------ artefacts
    def figure(self, name: str) -> str:
        entry = next((e for e in self.index["charts"] if e["name"] == name), None)
        if entry is None:
            return ""
        return presentation.figure_markdown(entry, self.artefacts_dir)

    def has_figure(self, name: str) -> bool:
        return any(e["name"] == name for e in self.index["charts"])

    def table(self, name: str) -> str:
        entry = next((e for e in self.index["tables"] if e["name"] == name), None)
        if entry is None:
            return ""
        data = pd.read_csv(self.artefacts_dir / entry["data"], keep_default_na=False)
        if data.empty:
            return ""
        return presentation.table_markdown(Table(name, entry["caption"], data))

    def has_table(self, name: str) -> bool:
        entry = next((e for e in self.index["tables"] if e["name"] == name), None)
        return entry is not None and not pd.read_csv(self.artefacts_dir / entry["data"]).empty

    def areas_table_sentence(self) -> str:
        if not self.has_table("table_areas"):
            return ""
        return (
            "@tbl-areas shows every complaint by the Ombudsman's (LGSCO) categories, with the cases the "
            "Ombudsman told the council about."
        )

    def quotes(self) -> str:
        """Published compliment quotes (publish = yes only), grouped by team, as block quotes."""
        lines, team = [], None
        for quote in self.index.get("quotes", []):
            if quote["Team"] != team:
                team = quote["Team"]
                lines.append(f"\n### {team}\n")
            lines.append(f"> {quote['Compliment']}\n")
        return "\n".join(lines)

    # ------------------------------------------------------------------ narrative
    def section(self, key: str) -> str:
        """A narrative section; empty for a section of the other service (Quarto runs every cell,
        then hides the other profile's content)."""
        if key not in {section.key for section in content.SECTIONS[self.service]}:
            return ""
        text, is_placeholder = content.read_section(
            self.content_dir, self.year, self.service, key, self.flat()
        )
        if is_placeholder:
            self.placeholders.append(content.section_title(self.service, key))
        return text + "\n"

    def flat(self) -> dict:
        return {k: v for k, v in self.m.items() if not isinstance(v, dict | list)}

    def contact(self) -> str:
        """The team's published contact details; nothing when none were given in meta.yml."""
        contact = self.meta.get("contact") or {}
        lines = []
        if contact.get("email"):
            lines.append(f"Email: <{contact['email']}>")
        if contact.get("phone"):
            lines.append(f"Telephone: {contact['phone']}")
        if not lines:
            return ""
        return "  \n".join([self.meta["team"]] + lines if self.meta.get("team") else lines)
