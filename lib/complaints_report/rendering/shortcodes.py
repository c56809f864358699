"""The two shortcodes report.qmd uses, expanded as Quarto expands them, before pandoc reads the text.

- ``{{< include file >}}``, alone on its line: the file's text in place of the line, followed
  by a blank line; a relative path is relative to the document's folder, a path starting
  with ``/`` to the project's (quarto-cli ``src/core/handlers/include-standalone.ts`` and
  ``base.ts`` ``resolvePath``; https://quarto.org/docs/authoring/includes.html). Included
  files are expanded too; a file including itself is an error.
- ``{{< meta key >}}``: the metadata value of ``key`` (a dotted path), which pandoc reads as
  Markdown, as Quarto's ``handleMeta`` inserts the value's parsed inlines
  (quarto-cli ``src/resources/filters/quarto-pre/shortcodes-handlers.lua``;
  https://quarto.org/docs/authoring/variables.html#meta).

Quarto finds shortcodes in the raw text, so an escaped ``\\{\\{\\<`` (text from data, see
markup.py) is never one. A missing file or key stops the render with the line that names it.

A div shown only to other profiles (``::: {.content-visible when-profile="childrens"}`` in the
ASC report) is left out here, its includes named but not read: the Lua filter would drop it
after pandoc had read it (``quarto_compat.lua``, pass 1, before anything is numbered), and in a
report with long tables of the other service it is most of the text pandoc would read. A div
with any other condition is left to the filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from complaints_report.code_fences import FenceReader
from complaints_report.rendering.config import split_front_matter
from complaints_report.rendering.errors import EngineError
from complaints_report.rendering.features import BLOCK_SHORTCODE, DIV_FENCE, INLINE_SHORTCODE
from complaints_report.rendering.source import Line, lines_of

# A div whose only condition is one profile (Quarto: https://quarto.org/docs/authoring/conditional.html,
# "Matching against profiles"), as what follows the colons of its fence
_PROFILE_ONLY = re.compile(
    r'\{[ \t]*\.content-(visible|hidden)[ \t]+(when|unless)-profile="([^"\\]*)"[ \t]*\}'
)


class _OtherProfiles:
    """Reads a file line by line and says which lines are in a div shown only to other profiles."""

    def __init__(self, profiles: Iterable[str]):
        self.profiles = set(profiles)
        self.depth = 0  # divs open inside the one left out (0: not in one)
        self.fences = FenceReader()  # colons inside a code block are code

    def leaves_out(self, text: str) -> bool:
        code, _ = self.fences.read(text)
        fence = None if code else DIV_FENCE.match(text)
        if self.depth:
            if fence:
                self.depth += 1 if fence.group(1) else -1
            return True
        match = _PROFILE_ONLY.fullmatch(fence.group(1)) if fence else None
        if match:
            holds = (match.group(3) in self.profiles) != (match.group(2) == "unless")
            if holds != (match.group(1) == "visible"):  # visible unless it holds, or hidden as it holds
                self.depth = 1
                return True
        return False


def parse(capture: str) -> tuple[str, list[str]]:
    """A shortcode's name and positional arguments (quotes removed)."""
    parts = capture.split()
    return parts[0], [part.strip("\"'") for part in parts[1:]]


def expand(qmd: Path, metadata: dict, profiles: Iterable[str] = ()) -> list[Line]:
    """The body of ``qmd`` with every include and meta shortcode expanded, line by line, less the
    divs shown only to profiles other than ``profiles``."""
    qmd = Path(qmd).resolve()
    project = qmd.parent
    _, body, first = split_front_matter(qmd.read_text(encoding="utf-8"))
    result: list[Line] = []
    _expand(lines_of(body, qmd.name, first), project, metadata, [qmd], result, tuple(profiles))
    return result


def _expand(
    lines: list[Line],
    project: Path,
    metadata: dict,
    stack: list[Path],
    result: list[Line],
    profiles: tuple[str, ...],
) -> None:
    other_profiles = _OtherProfiles(profiles)
    for line in lines:
        block = BLOCK_SHORTCODE.match(line.text)
        if other_profiles.leaves_out(line.text):
            if block and parse(block.group(1))[0] == "include":
                _include_path(line, parse(block.group(1))[1], project)  # a missing file stops Quarto too
            continue
        if block and parse(block.group(1))[0] == "include":
            path = _include_path(line, parse(block.group(1))[1], project)
            if path in stack:
                raise EngineError(f"{line.where()}: `{line.text.strip()}` includes a file that includes it.")
            text = path.read_text(encoding="utf-8")
            _expand(
                lines_of(text, path.relative_to(project).as_posix()),
                project,
                metadata,
                [*stack, path],
                result,
                profiles,
            )
            result.append(Line("", line.source, line.number))
            continue
        result.append(
            Line(
                INLINE_SHORTCODE.sub(lambda m, at=line: _meta(m, at, metadata), line.text),
                line.source,
                line.number,
            )
        )


def _include_path(line: Line, arguments: list[str], project: Path) -> Path:
    if not arguments:
        raise EngineError(f"{line.where()}: `{line.text.strip()}` names no file to include.")
    name = arguments[0]
    path = (project / name.lstrip("/")).resolve()
    if not path.is_relative_to(project):
        raise EngineError(f"{line.where()}: `{line.text.strip()}` names a file outside the report's folder.")
    if not path.is_file():
        folder = path.parent
        known = sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []
        hint = (
            f" Files in {folder.relative_to(project).as_posix() or '.'}/: {', '.join(known)}."
            if known
            else ""
        )
        raise EngineError(f"{line.where()}: `{line.text.strip()}` names no file: there is no {name}.{hint}")
    return path


def _meta(match, line: Line, metadata: dict) -> str:
    name, arguments = parse(match.group(1))
    if name != "meta":
        return match.group(0)  # left for the feature check to name
    if not arguments:
        raise EngineError(f"{line.where()}: `{match.group(0)}` names no metadata key.")
    value: object = metadata
    for key in arguments[0].split("."):
        value = value.get(key) if isinstance(value, dict) else None
    if value is None or isinstance(value, dict | list):
        raise EngineError(
            f"{line.where()}: `{match.group(0)}` names no metadata value: {arguments[0]} is not set "
            "(report values are listed in the notebook's values.yml)."
        )
    return " ".join(str(value).split())
