"""The report's configuration, merged as Quarto merges it.

``_quarto.yml`` (the project), then ``_quarto-<profile>.yml`` for each active profile (the
first profile named wins), then the qmd's front matter (the document wins), then the
metadata file given for the render (``quarto render --metadata-file``, which wins over all:
quarto-cli ``src/command/render/flags.ts``). Quarto's rules for merging
(https://quarto.org/docs/projects/quarto-projects.html#shared-metadata): maps merge deeply,
lists are joined without duplicates, anything else is replaced.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from complaints_report.rendering.errors import EngineError

FORMATS = ("html", "pdf")
QUARTO_TARGET = {"html": "html", "pdf": "typst"}  # our format name -> Quarto/pandoc format
DEFAULT_LANG = "en-GB"
DEFAULT_TOC_TITLE = "Contents"
_LANG = re.compile(r"^([a-z]{2,3})(?:-([A-Za-z]{2}))?$")
_PAPER = re.compile(r"^[a-z0-9-]+$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str, int]:
    """The qmd's YAML front matter (a dict), the body after it, and the body's first line number."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    data = parse_yaml(match.group(1) or "", "the front matter of the report")
    return data, text[match.end() :], text[: match.end()].count("\n") + 1


def parse_yaml(text: str, where: str) -> dict:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise EngineError(f"The YAML in {where} cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise EngineError(f"The YAML in {where} should be a set of `key: value` lines.")
    return data


def read_yaml_file(path: Path) -> dict:
    if not Path(path).is_file():
        return {}
    return parse_yaml(Path(path).read_text(encoding="utf-8"), str(Path(path).name))


def merge_config(base: Any, override: Any) -> Any:
    """Quarto's metadata merge: maps merge deeply, lists are joined without duplicates,
    anything else in ``override`` wins."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge_config(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(override, list):
        merged_list = list(base)
        seen = {json.dumps(item, sort_keys=True, default=str) for item in base}
        for item in override:
            key = json.dumps(item, sort_keys=True, default=str)
            if key not in seen:
                seen.add(key)
                merged_list.append(item)
        return merged_list
    return override


def _as_names(value: Any) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def active_profiles(profile: str, project: dict) -> list[str]:
    """The profiles in force: those asked for, else ``profile: default``; then, for each
    ``profile: group`` with none of its members active, the group's first member
    (https://quarto.org/docs/projects/profiles.html)."""
    names = _as_names(profile)
    settings = project.get("profile") or {}
    if not isinstance(settings, dict):
        settings = {}
    if not names:
        names = _as_names(settings.get("default"))
    groups = settings.get("group") or []
    if groups and all(isinstance(member, str) for member in groups):
        groups = [groups]
    for group in groups:
        members = _as_names(group)
        if members and not any(member in names for member in members):
            names.append(members[0])
    return names


def project_config(folder: Path, profiles: list[str]) -> dict:
    """``_quarto.yml`` merged with each ``_quarto-<profile>.yml`` (the first profile named wins)."""
    config = read_yaml_file(Path(folder) / "_quarto.yml")
    for name in reversed(profiles):
        config = merge_config(config, read_yaml_file(Path(folder) / f"_quarto-{name}.yml"))
    return config


def load_config(qmd: Path, profiles: list[str], metadata_file: Path | None = None) -> dict:
    """The project, profile, front matter and metadata file merged, in Quarto's order."""
    front, _, _ = split_front_matter(Path(qmd).read_text(encoding="utf-8"))
    config = merge_config(project_config(Path(qmd).parent, profiles), front)
    if metadata_file is not None:
        config = merge_config(config, read_yaml_file(metadata_file))
    return config


@dataclass
class FormatSettings:
    """What one output format needs from the merged configuration."""

    metadata: dict  # title, subtitle, lang, toc-title, pagetitle: strings pandoc reads as Markdown
    toc: bool
    toc_depth: int
    toc_title: str
    language: str  # ISO 639 code, e.g. "en"
    region: str | None  # ISO 3166 code, e.g. "GB"
    papersize: str | None


def format_settings(config: dict, target: str) -> FormatSettings:
    """Top-level options overlaid with ``format: <target>:`` options, as Quarto does."""
    options = dict(config)
    formats = config.get("format")
    if isinstance(formats, dict) and isinstance(formats.get(target), dict):
        options = merge_config(options, formats[target])
    lang = str(options.get("lang") or DEFAULT_LANG)
    match = _LANG.match(lang)
    if not match:
        raise EngineError(f"`lang: {lang}` is not a language code such as en-GB.")
    papersize = options.get("papersize")
    if papersize is not None and not _PAPER.match(str(papersize)):
        raise EngineError(f"`papersize: {papersize}` is not a paper size such as a4.")
    toc_title = str(options.get("toc-title") or DEFAULT_TOC_TITLE)
    metadata = {key: str(options[key]) for key in ("title", "subtitle") if options.get(key)}
    metadata["pagetitle"] = metadata.get("title", "Report")
    metadata["lang"] = lang
    metadata["toc-title"] = toc_title
    return FormatSettings(
        metadata=metadata,
        toc=bool(options.get("toc", False)),
        toc_depth=int(options.get("toc-depth", 3)),
        toc_title=toc_title,
        language=match.group(1).lower(),
        region=match.group(2).upper() if match.group(2) else None,
        papersize=str(papersize) if papersize else None,
    )


def build_date() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a date (reproducible builds,
    https://reproducible-builds.org/specs/source-date-epoch/), or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except ValueError:
        raise EngineError(f"SOURCE_DATE_EPOCH should be whole seconds since 1970, not {epoch!r}.") from None
