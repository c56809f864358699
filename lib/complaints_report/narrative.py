"""The report's words from the content folder, prepared when the report is rendered.

In the folder report.qmd is rendered in, ``_narrative/``:

- ``<section>.md``: each section's narrative with its ``{{ metric }}`` fields filled from
  metrics.json (``content.fill``), or a visible "Narrative needed" box when it is not written.
  Every section key of either service is written (empty for the other service's), because
  Quarto expands every include before it hides the other service's content;
- ``contact.md``: the team's published contact details from ``meta.yml``; ``contact-section.md``:
  the same under a heading of their own ("Contact us"), empty without details; and
  ``accessibility-contact.md``: the Accessibility section's last sentence, whom to ask for the
  report in another format (the team and where its details are, else the council);
- ``regulations.md``: what the regulations ask the report to show, with this year's answers
  (from the notebook's ``regulations.json``) and whether the narrative that answers a row is
  written;
- ``actions-<section>.md``: the sentence and table of the year's actions file
  (``content/<year>/<service>/actions.csv``, ``actions.py``) for each section that follows
  actions up (:data:`ACTION_TABLES`), empty when the folder has no actions file; the data of
  each table is written beside them as ``data/<table>.csv``, which the build publishes.

Before anything is written, every narrative file is checked (``narrative_safety.py``) and
every field name checked against the figures: problems stop the build with file and line.
A change to the narrative therefore re-renders the report without re-running the notebook.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from complaints_report import content, markup, narrative_safety
from complaints_report.years import ReportingYear

NARRATIVE_DIR = "_narrative"
DATA_DIR = "data"  # under NARRATIVE_DIR: the CSV behind each actions table
ACTIONS_PREFIX = "actions-"
# The sections that show the actions file, and which actions each shows: (kind, followed up).
# Adult Social Care: this year's learning and next year's priorities, and (only when the file holds
# any) the actions of earlier years followed up. Children's Services: this year's learning, last
# year's learning followed up, delivery against last year's priorities, next year's priorities.
ACTION_TABLES: dict[str, dict[str, tuple[tuple[str | None, bool], ...]]] = {
    "asc": {"learning": (("learning", False), (None, True)), "future": (("priority", False),)},
    "childrens": {
        "learning": (("learning", False),),
        "previous_learning": (("learning", True),),
        "delivery": (("priority", True),),
        "priorities": (("priority", False),),
    },
}
OPTIONAL_TABLES = {"asc": {(None, True)}}  # shown only when they have rows
# Next year's priorities are shown as a table without the status sentence (unless there are none):
# priorities just set are planned or under way by nature, the table's Status column gives each, and
# the sentence would read almost as the one about last year's ("Of the 4 priorities set last year, ...").
WITHOUT_SENTENCE = {("priority", False)}
ACTION_FILES = ("actions.csv", "actions.xlsx")  # actions.ACTIONS_FILE and actions.WORKBOOK_FILE
# A section whose narrative may have sub-headings of its own ("### Moving a care package ...") starts
# its actions under a sub-heading, so the table does not read as part of the narrative's last example.
ACTION_HEADINGS = {"learning": "What we are doing about it"}
CONTACT_HEADING = "Contact us"
_EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")


def section_keys() -> list[str]:
    """Every narrative section of either service (the file names under _narrative/)."""
    return list(dict.fromkeys(section.key for sections in content.SECTIONS.values() for section in sections))


def action_keys() -> list[str]:
    """The names of the actions files under _narrative/ (``actions-<section>``), for either service."""
    return list(dict.fromkeys(ACTIONS_PREFIX + key for tables in ACTION_TABLES.values() for key in tables))


def actions_fragments(acts, year: ReportingYear, service: str) -> tuple[dict[str, str], list]:
    """Each section's actions as Markdown (the status sentence, then the table), and the tables shown.

    ``acts`` is the year's actions (``actions.year_actions``); None (no actions file) shows nothing,
    as before the file existed. Every cell of a table is text from the file: it goes into Markdown
    through presentation.py and markup.py, so it prints as written.
    """
    if acts is None:
        return {}, []
    from complaints_report import actions, presentation

    written, tables = {}, []
    for key, specs in ACTION_TABLES.get(service, {}).items():
        parts = []
        for kind, followed_up in specs:
            if (kind, followed_up) in OPTIONAL_TABLES.get(service, set()) and not actions.select(
                acts, year, kind=kind, followed_up=followed_up
            ):
                continue
            table = actions.report_table(acts, year, kind=kind, followed_up=followed_up)
            if (kind, followed_up) not in WITHOUT_SENTENCE or table.data.empty:
                sentence = actions.status_sentence(acts, year, kind=kind, followed_up=followed_up)
                parts.append(markup.text(sentence))
            if not table.data.empty:
                parts.append(presentation.table_markdown(table))
                tables.append(table)
        if parts and key in ACTION_HEADINGS:
            parts.insert(0, markup.heading(3, ACTION_HEADINGS[key]))
        written[ACTIONS_PREFIX + key] = "\n\n".join(part.strip() for part in parts)
    return written, tables


def problems(content_dir: Path, year: ReportingYear, service: str, figures: dict | None) -> list[str]:
    """Everything in the year's narrative that stops a build, each with its file and line; the
    ``{{ metric }}`` names are checked when the figures are known."""
    return checked(content_dir, year, service, figures)[0]


def checked(
    content_dir: Path, year: ReportingYear, service: str, figures: dict | None
) -> tuple[list[str], dict[Path, list[str]]]:
    """The narrative's problems (the actions file's among them), and the images each section file uses."""
    found: list[str] = []
    if actions_file_exists(content_dir, year, service):
        found += [str(problem) for problem in action_problems(content_dir, year, service)]
    images: dict[Path, list[str]] = {}
    for section in content.SECTIONS[service]:
        path = content.section_path(content_dir, year, service, section.key)
        if not path.exists():
            continue
        text = content.read_text(path)
        section_problems, images[path] = narrative_safety.check(
            text, path, content_dir, content.shown_path(path)
        )
        found += section_problems
        if figures is not None:
            try:
                content.fill(text, figures, path)
            except content.ContentError as error:
                found.append(str(error))
    return found, images


def action_problems(content_dir: Path, year: ReportingYear, service: str) -> list:
    """Every problem of the year's actions file (file, row, column, value, what to do); none without one."""
    from complaints_report import actions
    from complaints_report.problems import InputError

    try:
        actions.year_actions(content_dir, year, service)
    except InputError as error:
        return error.problems
    return []


def is_action_warning(warning: str, service: str) -> bool:
    """Whether a recorded warning is one of :func:`action_warnings`' (read back from warnings.json by
    an up-to-date build, which imports no pandas and so does not read the actions file again)."""
    return warning.startswith(f"{service}: ") and "actions.csv, row" in warning and ", column '" in warning


def action_warnings(content_dir: Path, year: ReportingYear, service: str) -> list[str]:
    """The actions that leave out an owner, a due date or a status, by file, rows and column, for the
    build's warnings (``actions.missing_details``); none without an actions file, and none for a file
    with problems (those stop the build, and are reported by :func:`action_problems`)."""
    if not actions_file_exists(content_dir, year, service):
        return []
    from complaints_report import actions

    path = actions.actions_path(content_dir, year, service)
    if not path.exists():
        return []
    found, file_problems = actions.check_actions(path, year)
    if file_problems:
        return []
    return [f"{service}: {warning}" for warning in actions.missing_details(found, path)]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def described(missing_titles: list[str]) -> str:
    """The answer for a row the narrative answers: nothing to add when it is written, else what is to be
    written."""
    return "" if not missing_titles else f"narrative needed: {_join(missing_titles)}"


def regulations_markdown(regulations: dict, service: str, missing: set[str]) -> str:
    """What the regulations ask the report to show, and where this report shows it with this year's figure
    ("Volume of complaints: 85 complaints"); a row the narrative answers names its sections only."""
    rows = []
    for need, where, answer in regulations["rows"]:
        if isinstance(answer, dict):
            answer = described(
                [content.section_title(service, key) for key in answer["described"] if key in missing]
            )
        rows.append([need, f"{where}: {answer}" if answer else where])
    table = markup.pipe_table(["What the report must show", "Where this report shows it"], rows)
    return f"{table}\n\n{markup.caption_line(regulations['caption'], 'tbl-regulations')}\n"


def _email(contact: dict) -> str:
    email = str(contact.get("email") or "").strip()
    if not email:
        return ""
    return f"<{email}>" if _EMAIL.match(email) else markup.text(email)


def _phone(contact: dict) -> str:
    phone = str(contact.get("phone") or "").strip()
    return markup.text(phone) if phone else ""


def contact_markdown(meta: dict) -> str:
    """The team's published contact details; nothing when none were given in meta.yml."""
    contact = meta.get("contact") or {}
    lines = []
    if email := _email(contact):
        lines.append(f"Email: {email}")
    if phone := _phone(contact):
        lines.append(f"Telephone: {phone}")
    if not lines:
        return ""
    if meta.get("team"):
        lines.insert(0, markup.text(meta["team"]))
    return "  \n".join(lines)


def contact_section_markdown(meta: dict) -> str:
    """The contact details under a heading of their own (:data:`CONTACT_HEADING`), for a report whose
    contact details would otherwise run on from the section before them (the Children's report's
    last appendix, the compliments); nothing, not even the heading, when meta.yml gives none."""
    details = contact_markdown(meta)
    if not details:
        return ""
    return f"{markup.heading(2, CONTACT_HEADING, 'contact-us')}\n\n{details}"


def contact_place(service: str) -> str:
    """The heading the contact details sit under in a service's report (see report.qmd): the Adult
    Social Care report gives them at the end of its final comments, the Children's report under
    :data:`CONTACT_HEADING`."""
    return content.section_title("asc", "final_comments") if service == "asc" else CONTACT_HEADING


def accessibility_contact_markdown(meta: dict, service: str) -> str:
    """The Accessibility section's last sentence: whom to ask for the report in another format.

    With published contact details it names the team (or, without a team, the council) and the
    heading its details are under, without repeating them; without any, it asks the reader to contact
    the council by name (or 'the council'), never a team the report does not name or give details for.
    """
    contact = meta.get("contact") or {}
    details = [
        noun
        for noun, value in (("email address", _email(contact)), ("telephone number", _phone(contact)))
        if value
    ]
    council = str(meta.get("council") or "").strip()
    team = str(meta.get("team") or "").strip()
    if details and team:
        whom = markup.text(f"the {team[4:] if team.lower().startswith('the ') else team}")
    else:
        whom = markup.text(council) if council else "the council"
    where = ""
    if details:
        verb = "are" if len(details) > 1 else "is"
        where = f", whose {' and '.join(details)} {verb} given under {markup.text(contact_place(service))}"
    return (
        "If you cannot use any part of this report, or need it in another format, please contact "
        f"{whom}{where}."
    )


def prepare(
    project: Path, content_dir: Path, year: ReportingYear, service: str, figures: dict, regulations: dict
) -> list[str]:
    """Write ``_narrative/`` into ``project`` (the folder report.qmd is rendered in) and copy the
    narrative's images beside it; return the titles of the sections shown as placeholders."""
    found, images = checked(content_dir, year, service, figures)
    if found:
        raise content.ContentError("The narrative cannot be used as it is:\n  - " + "\n  - ".join(found))
    target = Path(project) / NARRATIVE_DIR
    target.mkdir(parents=True, exist_ok=True)
    written = dict.fromkeys(section_keys(), "")
    missing: set[str] = set()
    for section in content.SECTIONS[service]:
        text, is_placeholder = content.read_section(content_dir, year, service, section.key, figures)
        written[section.key] = text
        path = content.section_path(content_dir, year, service, section.key)
        if is_placeholder:
            missing.add(section.key)
        else:
            _copy_images(images.get(path, []), path, Path(project))
    meta = content.read_meta(content_dir, year, service)
    written["contact"] = contact_markdown(meta)
    written["contact-section"] = contact_section_markdown(meta)
    written["accessibility-contact"] = accessibility_contact_markdown(meta, service)
    written["regulations"] = regulations_markdown(regulations, service, missing)
    written.update(dict.fromkeys(action_keys(), ""))
    if actions_file_exists(content_dir, year, service):
        from complaints_report import actions
        from complaints_report.spreadsheet import write_csv

        from_actions, tables = actions_fragments(
            actions.year_actions(content_dir, year, service), year, service
        )
        written.update(from_actions)
        for table in tables:
            write_csv(table.data, target / DATA_DIR / f"{table.name}.csv")
    for name, text in written.items():
        (target / f"{name}.md").write_text(text.strip() + "\n" if text.strip() else "", encoding="utf-8")
    return [section.title for section in content.SECTIONS[service] if section.key in missing]


def actions_file_exists(content_dir: Path, year: ReportingYear, service: str) -> bool:
    """Whether the year's narrative folder has an actions file, or a workbook in its place (which
    ``actions.year_actions`` refuses). Checked without importing actions.py, which loads pandas: a
    report without actions renders without it."""
    folder = Path(content_dir) / year.label / service
    return any((folder / name).exists() for name in ACTION_FILES)


def _copy_images(images: list[str], path: Path, project: Path) -> None:
    """A narrative image is referred to relative to its section file; the included text is read relative
    to report.qmd's folder, so the image is copied there under the same relative path."""
    for image in images:
        source = (path.parent / image).resolve()
        destination = (project / image).resolve()
        if not destination.is_relative_to(project.resolve()) or (
            destination.exists() and destination.read_bytes() != source.read_bytes()
        ):
            raise content.ContentError(
                f"{content.shown_path(path)}: the image {image} must be in the section's folder or below it, "
                "with a name the report's own files do not use (not charts/..., not report.qmd)"
            )
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
