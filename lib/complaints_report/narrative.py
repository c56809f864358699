"""The report's words from the content folder, prepared when the report is rendered.

In the folder report.qmd is rendered in, ``_narrative/``:

- ``<section>.md``: each section's narrative with its ``{{ metric }}`` fields filled from
  metrics.json (``content.fill``), or a visible "Narrative needed" box when it is not written.
  Every section key of either service is written (empty for the other service's), because
  Quarto expands every include before it hides the other service's content;
- ``contact.md``: the team's published contact details from ``meta.yml``;
- ``regulations.md``: what the regulations ask the report to show, with this year's answers
  (from the notebook's ``regulations.json``) and whether the narrative that answers a row is
  written.

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
_EMAIL = re.compile(r"^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$")


def section_keys() -> list[str]:
    """Every narrative section of either service (the file names under _narrative/)."""
    return list(dict.fromkeys(section.key for sections in content.SECTIONS.values() for section in sections))


def problems(content_dir: Path, year: ReportingYear, service: str, figures: dict | None) -> list[str]:
    """Everything in the year's narrative that stops a build, each with its file and line; the
    ``{{ metric }}`` names are checked when the figures are known."""
    return checked(content_dir, year, service, figures)[0]


def checked(
    content_dir: Path, year: ReportingYear, service: str, figures: dict | None
) -> tuple[list[str], dict[Path, list[str]]]:
    """The narrative's problems, and the images each section file uses."""
    found: list[str] = []
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


def contact_markdown(meta: dict) -> str:
    """The team's published contact details; nothing when none were given in meta.yml."""
    contact = meta.get("contact") or {}
    lines = []
    email = str(contact.get("email") or "").strip()
    if email:
        lines.append(f"Email: <{email}>" if _EMAIL.match(email) else f"Email: {markup.text(email)}")
    if contact.get("phone"):
        lines.append(f"Telephone: {markup.text(contact['phone'])}")
    if not lines:
        return ""
    if meta.get("team"):
        lines.insert(0, markup.text(meta["team"]))
    return "  \n".join(lines)


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
    written["contact"] = contact_markdown(content.read_meta(content_dir, year, service))
    written["regulations"] = regulations_markdown(regulations, service, missing)
    for name, text in written.items():
        (target / f"{name}.md").write_text(text.strip() + "\n" if text.strip() else "", encoding="utf-8")
    return [section.title for section in content.SECTIONS[service] if section.key in missing]


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
