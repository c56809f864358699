"""The narrative only a person can write, kept as Markdown files an analyst edits.

Layout: ``<content>/<year>/<service>/<section>.md`` plus ``meta.yml`` (council, team,
contact details). Each section of the report has a file; text that stays the same from year
to year (the process, the legislation, the appendices, contact details) is marked
``carried`` and ``complaints-report new-year`` copies it forward. Year-specific sections get
a template saying what to write.

Narrative may quote figures with ``{{ metric_name }}`` (e.g. ``{{ complaints_accepted }}``),
filled from ``metrics.json`` so prose never disagrees with the tables. A missing or empty
section shows a visible placeholder in the report and a warning; ``--strict`` refuses it.

The bundled ``content/`` is the worked example (Westminster City Council). A council starts
its own folder with ``complaints-report init --council NAME`` (:func:`init_council`): templates
with its name and empty contact details, nothing copied from another council. ``meta.yml`` is
checked against :class:`Meta` (pydantic); a report with no council name is a warning
(:func:`council_warnings`), which ``--strict`` refuses.
"""

from __future__ import annotations

import functools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from complaints_report import paths
from complaints_report.problems import Problem
from complaints_report.years import ReportingYear, YearError

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


# The same optional section in both reports (issue 15): equality counts, repeat complainants, rates
WHO_COMPLAINED = Section(
    "who_complained",
    "Who complained",
    True,
    "Optional: how equality information is collected, and which councils the comparison is with.",
    optional=True,
)

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
    WHO_COMPLAINED,
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
    WHO_COMPLAINED,
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


# --------------------------------------------------------------------------- meta.yml

_EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")
_PHONE = re.compile(r"^[\d\s()+-]+(?:\s*(?:or|,|/|;)\s*[\d\s()+-]+)*$")


def _text_or_none(value):
    """YAML reads `phone: 02079460000` as a number: it is text. A blank value is no value."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and not value.strip():
        return None
    return value


@functools.cache
def meta_schema():
    """The pydantic model of meta.yml (built on first use: pydantic is slow to import)."""
    from pydantic import BaseModel, ConfigDict, field_validator

    class Contact(BaseModel):
        """The team's published contact details (never a personal address or number)."""

        model_config = ConfigDict(extra="forbid", strict=True)

        email: str | None = None
        phone: str | None = None

        _blank = field_validator("email", "phone", mode="before")(_text_or_none)

        @field_validator("email")
        @classmethod
        def _an_email_address(cls, value):
            if value is not None and not _EMAIL.match(value.strip()):
                raise ValueError("is not an email address (write it as name@council.gov.uk)")
            return value

        @field_validator("phone")
        @classmethod
        def _a_phone_number(cls, value):
            if value is not None and not _PHONE.match(value.strip()):
                raise ValueError("is not a telephone number (digits and spaces, e.g. 020 7946 0000)")
            return value

    class Meta(BaseModel):
        """``meta.yml``: who publishes the report, and how to reach the team."""

        model_config = ConfigDict(extra="forbid", strict=True)

        council: str | None = None  # shown under the report's title
        team: str | None = None  # full name, shown with the contact details
        team_short: str | None = None  # short name for running text
        contact: Contact | None = None
        allowed_identifiers: list[str] | None = (
            None  # published contact details the personal-data scan allows
        )

        _blank = field_validator("council", "team", "team_short", mode="before")(_text_or_none)

        @field_validator("allowed_identifiers", mode="before")
        @classmethod
        def _texts(cls, value):
            return [_text_or_none(v) or "" for v in value] if isinstance(value, list) else value

    return Meta


META_KEYS = "council, team, team_short, contact, allowed_identifiers"
_META_EXPECTED = {
    "extra_forbidden": f"is not a meta.yml key (the keys are: {META_KEYS}, and email and phone under contact)",
    "model_type": "should hold 'email:' and 'phone:' lines, indented under it",
    "model_attributes_type": "should hold 'email:' and 'phone:' lines, indented under it",
    "string_type": "should be text",
    "list_type": "should be a list, one '- item' line for each",
    "dict_type": "should hold 'key: value' lines",
}


def meta_path(content_dir: Path, year: ReportingYear, service: str) -> Path:
    return Path(content_dir) / year.label / service / META_FILE


def meta_problems(path: Path) -> tuple[dict, list[Problem]]:
    """A meta.yml's contents, and every problem in it (file, line, key and what is expected)."""
    path = Path(path)
    if not path.exists():
        return {}, []
    text = read_text(path)
    shown = shown_path(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [
            Problem(
                shown,
                f"could not be read as YAML ({getattr(error, 'problem', None) or error})",
                line=mark.line + 1 if mark else None,
                hint="Check the indentation (spaces, not tabs) and that each entry is written 'key: value'",
            )
        ]
    if data is None:
        return {}, []
    from pydantic import ValidationError

    lines = _lines(node)
    try:
        meta_schema().model_validate(data)
    except ValidationError as error:
        problems = []
        for e in error.errors():
            loc = tuple(str(p) for p in e["loc"])
            message = _META_EXPECTED.get(e["type"], str(e["msg"]).removeprefix("Value error, "))
            given = e.get("input")
            value = None if isinstance(given, dict | list) or given is None else str(given)
            if e["type"] in ("model_type", "model_attributes_type") and value is not None:
                message += f", not the text '{value}'"
            line = next((lines[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in lines), None)
            problems.append(Problem(shown, message, line=line, key=": ".join(loc), value=value))
        return data if isinstance(data, dict) else {}, problems
    return data, []


def _lines(node, path=()) -> dict:
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            here = (*path, str(key_node.value))
            lines[here] = key_node.start_mark.line + 1
            lines.update(_lines(value_node, here))
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            lines[(*path, str(n))] = item.start_mark.line + 1
    return lines


def read_meta(content_dir: Path, year: ReportingYear, service: str) -> dict:
    """The checked meta.yml of a year and service ({} when there is none); ContentError names each mistake."""
    data, problems = meta_problems(meta_path(content_dir, year, service))
    if problems:
        raise ContentError("; ".join(str(p) for p in problems))
    return data


def council_warnings(content_dir: Path, year: ReportingYear, service: str) -> list[str]:
    """A warning when the report would name no council (``--strict`` refuses a build that has one)."""
    path = meta_path(content_dir, year, service)
    council = read_meta(content_dir, year, service).get("council")
    if council and str(council).strip():
        return []
    where = shown_path(path)
    if not path.exists():
        return [
            f"{service}: the report names no council: {where} is missing. Run 'complaints-report init "
            f"--council \"Your Council\"' or write the file with 'council: Your Council'"
        ]
    return [f"{service}: the report names no council: write its name after 'council:' in {where}"]


def meta_template(council: str | None, service: str) -> str:
    """A new meta.yml: the council's name (when known) and empty contact details to fill in."""
    name = (
        yaml.safe_dump({"council": council}, allow_unicode=True, width=1000).strip()
        if council
        else "council:"
    )
    return (
        f"# Details for the {SERVICE_TITLES[service]} report. Copied forward each year by "
        "`complaints-report new-year`.\n"
        f"{name}{'' if council else '            # your council, shown under the report title'}\n"
        "team:               # the team that handles complaints, shown with its contact details\n"
        "team_short:         # a short name for running text, e.g. the Complaints Team\n"
        "contact:\n"
        "  email:            # the team's published mailbox only; never a personal address\n"
        "  phone:            # the team's published telephone number(s)\n"
        "# The published contact details above, which the personal-data scan should allow, e.g.\n"
        "#   - complaints@council.gov.uk\n"
        "allowed_identifiers: []\n"
    )


SERVICE_TITLES = {"asc": "Adult Social Care", "childrens": "Children's Services"}


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


def new_year(
    content_dir: Path, year: ReportingYear, services=tuple(SECTIONS), council: str | None = None
) -> list[tuple[Path, str]]:
    """Write the narrative files for a new year; never overwrite. Returns (path, what was done).

    Text that stays the same (and meta.yml) is copied forward from the latest earlier year of the
    same folder and service; with none, templates are written, meta.yml naming ``council``.
    """
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
                path.write_text(meta_template(council, service), encoding="utf-8")
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


class StartError(ValueError):
    """A council's narrative folder cannot be started where it was asked for."""


def init_council(
    content_dir: Path, council: str, year: ReportingYear, services=tuple(SECTIONS)
) -> list[tuple[Path, str]]:
    """Start a council's own narrative folder: templates for the year, meta.yml naming the council.

    Nothing is copied from another council: the folder must not hold narrative already (an
    existing folder of the same council is left alone by ``new-year``, which is what to run then).
    """
    council = str(council or "").strip()
    if not council:
        raise StartError('Give the council\'s name, e.g. --council "Northfield Borough Council"')
    content_dir = Path(content_dir)
    if content_dir.resolve() == Path(paths.CONTENT_DIR).resolve():
        raise StartError(
            f"{shown_path(content_dir)} is the bundled example (Westminster City Council): start your "
            "council's narrative in a folder of its own, e.g. --content ~/northfield/content"
        )
    existing = sorted(p for p in content_dir.glob("*/*/*") if p.is_file()) if content_dir.exists() else []
    if existing:
        raise StartError(
            f"{shown_path(content_dir)} already holds narrative ({shown_path(existing[0])}, ...): "
            f"to start another year there, run 'complaints-report new-year {year.label} --content {content_dir}'"
        )
    return new_year(content_dir, year, services, council=council)


def check_content(content_dir: Path, year: ReportingYear | None = None) -> tuple[list[Problem], list[str]]:
    """Problems in a narrative folder (bad meta.yml, a file that is no section, an unknown year or
    service folder) and notes (sections still to write, no council name). ``year``: that year only."""
    content_dir = Path(content_dir)
    problems: list[Problem] = []
    notes: list[str] = []
    if not content_dir.is_dir():
        return [
            Problem(str(content_dir), "is not a folder", hint="Give --content the folder of narrative")
        ], []
    for year_dir in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        try:
            found = ReportingYear.parse(year_dir.name)
        except YearError:
            if not year_dir.name.startswith("."):
                problems.append(
                    Problem(
                        shown_path(year_dir),
                        "is not a year folder",
                        hint="Name year folders as YYYY-YY, e.g. 2022-23, holding asc/ and childrens/",
                    )
                )
            continue
        if year is not None and found != year:
            continue
        for service_dir in sorted(p for p in year_dir.iterdir() if p.is_dir()):
            service = service_dir.name
            if service not in SECTIONS:
                problems.append(
                    Problem(
                        shown_path(service_dir),
                        "is not a service folder",
                        hint=f"The services are: {', '.join(SECTIONS)}",
                    )
                )
                continue
            _, meta = meta_problems(service_dir / META_FILE)
            problems += meta
            keys = {s.key for s in SECTIONS[service]}
            for path in sorted(service_dir.glob("*.md")):
                if path.stem not in keys:
                    problems.append(
                        Problem(
                            shown_path(path),
                            f"is not a section of the {SERVICE_TITLES[service]} report, so it is never shown",
                            hint=f"The sections are: {', '.join(s.key + '.md' for s in SECTIONS[service])}",
                        )
                    )
            if not meta:
                notes += [f"{found.label}: {w}" for w in council_warnings(content_dir, found, service)]
            missing = missing_sections(content_dir, found, service)
            if missing:
                notes.append(
                    f"{found.label} {service}: {len(missing)} section{'s' if len(missing) != 1 else ''} still "
                    f"to write ({', '.join(missing)}); the report shows a placeholder for each"
                )
    return problems, notes
