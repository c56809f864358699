"""The narrative only a person can write, kept as Markdown files an analyst edits.

Layout: ``<content>/<year>/<service>/<section>.md`` plus ``meta.yml`` (council, team,
contact details). Each section of the report has a file; text that stays the same from year
to year (the process, the legislation, the appendices, contact details) is marked
``carried`` and ``complaints-report new-year`` copies it forward. Year-specific sections get
a template saying what to write.

Narrative may quote figures with ``{{ metric_name }}`` (e.g. ``{{ complaints_accepted }}``),
filled from ``metrics.json`` so prose never disagrees with the tables. A missing or empty
section shows a visible placeholder in the report and a warning; ``--strict`` refuses it.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from complaints_report import paths
from complaints_report.years import ReportingYear

META_FILE = "meta.yml"
PLACEHOLDER_MARK = "Narrative needed"
TEMPLATE_MARK = "<!-- TEMPLATE:"


@dataclass(frozen=True)
class Section:
    key: str  # file stem
    title: str
    carried: bool  # copied forward by new-year
    guidance: str
    # The figures speak for the section on their own: without narrative (no file, an empty one or an
    # untouched template) it shows none, with no placeholder and no warning.
    optional: bool = False


ASC_SECTIONS = (
    Section("about", "About this report", True, "What the report covers and the regulations it answers to."),
    Section(
        "process",
        "About the process",
        True,
        "How a complaint is handled: stages, acknowledgement, timescales, "
        "who may complain, the right to go to the Ombudsman.",
    ),
    Section(
        "volume", "Volume of complaints", False, "Why the number of complaints moved as it did this year."
    ),
    Section("nature", "Nature of issue", False, "What the main categories meant in practice this year."),
    Section(
        "teams",
        "Complaints activity by team",
        False,
        "What lay behind the teams with most complaints; "
        "how complaints about commissioned providers are overseen.",
    ),
    Section(
        "who_complained",
        "Who complained",
        True,
        "Optional: how equality information is collected, and which councils the comparison is with.",
        optional=True,
    ),
    Section(
        "outcomes", "Outcomes", False, "What upheld complaints had in common and what was done about them."
    ),
    Section(
        "response_times",
        "Response times",
        False,
        "Why some responses took longer and how complainants were kept informed.",
    ),
    Section(
        "lgsco", "Ombudsman (LGSCO) activity", False, "The Ombudsman cases this year and what they found."
    ),
    Section(
        "member_enquiries", "Member enquiries", False, "What Members asked about and how delays were handled."
    ),
    Section("compliments", "Compliments", False, "How people can pay a compliment; what they praised."),
    Section("learning", "Learning from complaints", False, "Examples as 'You complained: ... We: ...'."),
    Section("future", "Future development", False, "Priorities for next year, as a bulleted list."),
    Section("final_comments", "Final comments", True, "Closing words inviting questions about the report."),
)

CHILDRENS_SECTIONS = (
    Section("introduction", "Introduction", True, "What the report is and who manages complaints."),
    Section("legislation", "Legislation", True, "The 2006 regulations and the duty to report."),
    Section(
        "procedure",
        "Overview of the children's complaints procedure",
        True,
        "Statutory and non-statutory complaints, the 12-month limit, advocacy.",
    ),
    Section("complaints_received", "Complaints received", False, "Context for this year's volume."),
    Section(
        "performance", "Performance overview", False, "The top reasons for complaints and what they show."
    ),
    Section(
        "who_complained",
        "Who complained",
        True,
        "Optional: how equality information is collected, and which councils the comparison is with.",
        optional=True,
    ),
    Section(
        "response_times",
        "Response times and outcomes",
        False,
        "Timeliness and what upheld complaints showed.",
    ),
    Section(
        "stage2",
        "Complaints at stage 2",
        False,
        "What the stage 2 complaints were about and the recommendations made.",
    ),
    Section("stage3", "Complaints at stage 3", False, "Review panels held and their recommendations."),
    Section("ombudsman", "Ombudsman cases", False, "Context for the Ombudsman's decisions this year."),
    Section("learning", "Learning from complaints", False, "Key learning identified this year."),
    Section(
        "previous_learning",
        "Learning from last year and the improvements made",
        False,
        "Each recommendation from last year and the service improvement that followed.",
    ),
    Section("compliments", "Compliments", False, "What compliments showed about the service."),
    Section(
        "delivery",
        "Delivery against last year's priorities",
        False,
        "Each priority set last year and the progress made.",
    ),
    Section("priorities", "Priorities for next year", False, "The team's priorities for the coming year."),
    Section(
        "appendix_a",
        "Appendix A: the statutory complaints procedure",
        True,
        "The three stages and timescales.",
    ),
    Section(
        "appendix_b",
        "Appendix B: the non-statutory complaints procedure",
        True,
        "The two-stage corporate procedure, advocacy and the Ombudsman.",
    ),
)

SECTIONS = {"asc": ASC_SECTIONS, "childrens": CHILDRENS_SECTIONS}
_PLACEHOLDER_FIELD = re.compile(r"\{\{\s*([a-z0-9_]+)\s*\}\}")


class ContentError(ValueError):
    """Narrative that cannot be used as it is (e.g. an unknown {{ metric }})."""


def section_path(content_dir: Path, year: ReportingYear, service: str, key: str) -> Path:
    return Path(content_dir) / year.label / service / f"{key}.md"


def _section(service: str, key: str) -> Section:
    return next(s for s in SECTIONS[service] if s.key == key)


def section_title(service: str, key: str) -> str:
    return _section(service, key).title


def read_text(path: Path) -> str:
    """A narrative file as text: UTF-8 (with or without BOM), or Windows-1252 as Notepad and
    Word save it on UK Windows."""
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def is_template(text: str) -> bool:
    return TEMPLATE_MARK in text


def read_section(
    content_dir: Path, year: ReportingYear, service: str, key: str, figures: dict
) -> tuple[str, bool]:
    """The section's Markdown with ``{{ metric }}`` filled in, and whether it is a placeholder."""
    path = section_path(content_dir, year, service, key)
    text = read_text(path) if path.exists() else ""
    if not text.strip() or is_template(text):
        if _section(service, key).optional:
            return "", False
        return placeholder(path, section_title(service, key), content_dir), True
    return fill(text, figures, path).strip(), False


def quotable(figures: dict) -> dict:
    """The figures a narrative may quote: single values (not count objects or tables), and the
    computed comparisons with last year (``{{ stage2_received_change }}`` -> 'rose from 5 to 12',
    see ``wording.narrative_fields``), so an analyst never hand-writes a trend."""
    from complaints_report import wording

    values = {k: v for k, v in figures.items() if not isinstance(v, dict | list)}
    return {**wording.narrative_fields(figures), **values}


def fill(text: str, figures: dict, path: Path) -> str:
    """``{{ metric }}`` fields replaced by the figure, written as text (escaped by markup.py, so a
    figure prints as it is whatever it holds). An unknown name is a ContentError with the line."""
    from complaints_report import markup

    known = quotable(figures)

    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in known:
            line = text.count("\n", 0, match.start()) + 1
            raise ContentError(
                f"{shown_path(path)}, line {line}: '{{{{ {name} }}}}' is not a figure of this report. Known figures: "
                + ", ".join(sorted(known))
            )
        shown = known[name]
        return markup.text(
            f"{shown:,}" if isinstance(shown, int | float) and not isinstance(shown, bool) else shown
        )

    return _PLACEHOLDER_FIELD.sub(value, text)


def check_fields(content_dir: Path, year: ReportingYear, service: str, figures: dict) -> None:
    """Every ``{{ metric }}`` in the year's narrative names a figure: raise ContentError (file and
    line) before the report is rendered."""
    for section in SECTIONS[service]:
        path = section_path(content_dir, year, service, section.key)
        if path.exists():
            fill(read_text(path), figures, path)


def shown_path(path: Path) -> str:
    """A path as the analyst would type it: relative to where they work, when it is inside it."""
    path = Path(path).resolve()
    for base in (Path.cwd(), paths.PROJECT_ROOT):
        if path.is_relative_to(base.resolve()):
            return path.relative_to(base.resolve()).as_posix()
    return path.as_posix()


def in_content_folder(path: Path, content_dir: Path) -> str:
    """A narrative file named from its content folder ('content/2020-21/asc/volume.md'): what a report
    may show, since the folder's place on the machine must not reach a published file."""
    content_dir = Path(content_dir).resolve()
    return (Path(content_dir.name) / Path(path).resolve().relative_to(content_dir)).as_posix()


def placeholder(path: Path, title: str, content_dir: Path | None = None) -> str:
    """A visible 'Narrative needed' box naming the file to write."""
    from complaints_report import markup

    where = in_content_folder(path, content_dir) if content_dir is not None else Path(path).name
    return (
        f'::: {{.callout-warning title="{PLACEHOLDER_MARK}"}}\n'
        + markup.text(
            f"{PLACEHOLDER_MARK}: the narrative for '{title}' has not been written yet. Write it in {where}."
        )
        + "\n:::"
    )


def read_meta(content_dir: Path, year: ReportingYear, service: str) -> dict:
    path = Path(content_dir) / year.label / service / META_FILE
    if not path.exists():
        return {}
    try:
        return yaml.safe_load(read_text(path)) or {}
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: could not be read as YAML ({error})") from None


def missing_sections(content_dir: Path, year: ReportingYear, service: str) -> list[str]:
    """Sections with no narrative yet (no file, an empty one, or an untouched template)."""
    missing = []
    for section in SECTIONS[service]:
        path = section_path(content_dir, year, service, section.key)
        text = read_text(path).strip() if path.exists() else ""
        if (not text or is_template(text)) and not section.optional:
            missing.append(section.title)
    return missing


def latest_year_before(content_dir: Path, year: ReportingYear, service: str) -> ReportingYear | None:
    """The most recent earlier year that has narrative for the service."""
    years = []
    for folder in Path(content_dir).glob(f"*/{service}"):
        try:
            found = ReportingYear.parse(folder.parent.name)
        except ValueError:
            continue
        if found < year:
            years.append(found)
    return max(years) if years else None


def new_year(content_dir: Path, year: ReportingYear, services=tuple(SECTIONS)) -> list[tuple[Path, str]]:
    """Write the narrative files for a new year; never overwrite. Returns (path, what was done)."""
    done = []
    for service in services:
        source_year = latest_year_before(content_dir, year, service)
        target = Path(content_dir) / year.label / service
        target.mkdir(parents=True, exist_ok=True)
        files = [(s.key + ".md", s) for s in SECTIONS[service]] + [(META_FILE, None)]
        for name, section in files:
            path = target / name
            if path.exists():
                done.append((path, "kept (already exists)"))
                continue
            source = Path(content_dir) / source_year.label / service / name if source_year else None
            carried = section is None or section.carried
            if carried and source is not None and source.exists():
                shutil.copyfile(source, path)
                done.append((path, f"copied forward from {source_year.label}"))
            elif section is None:
                path.write_text("council: \nteam: \ncontact:\n  email: \n  phone: \n", encoding="utf-8")
                done.append((path, "template written"))
            else:
                path.write_text(
                    f"{TEMPLATE_MARK} {section.title}. {section.guidance} Delete this line when written. -->\n",
                    encoding="utf-8",
                )
                done.append((path, "template written"))
        # Last year's open actions start this year's actions file (actions.py); raises InputError
        # when last year's file has problems, before writing it.
        from complaints_report.actions import actions_path, carry_forward

        previous = actions_path(content_dir, source_year, service) if source_year else None
        carried = carry_forward(previous, actions_path(content_dir, year, service))
        done.append((carried.path, carried.what))
    return done
