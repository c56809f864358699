"""Render ``report.qmd`` to an accessible HTML page and a tagged PDF, with Quarto or without it.

The report runs no code: the notebooks compute everything and write it as fragments and
values that report.qmd includes (``fragments.py``). Rendering only assembles. The parts:

- ``config.py``     the configuration merged as Quarto merges it (project, profiles, front
                    matter, metadata file); language, table of contents, paper size
- ``features.py``   what the built-in engine implements; anything else named with its line
- ``shortcodes.py`` ``{{< include >}}`` and ``{{< meta >}}``, expanded as Quarto expands them
- ``builtin.py``    the built-in engine: pandoc with ``resources/quarto_compat.lua``, then Typst
- ``pandoc.py``     running pandoc (from pypandoc-binary)
- ``typst.py``      compiling Typst to PDF/UA-1 (from the typst package)
- ``quarto.py``     the Quarto engine: version check, command line, environment
- ``engines.py``    choosing the engine (``auto``, ``quarto``, ``builtin``)

``render_report`` is the entry point. Both engines read the same folder: report.qmd, the
project files ``_quarto*.yml``, a metadata file, and the files it includes, all referenced
by paths relative to that folder; they write ``report.html`` and ``report.pdf`` into it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from complaints_report.rendering.config import FORMATS, active_profiles, read_yaml_file
from complaints_report.rendering.engines import ENGINES, quarto_available, resolve_engine
from complaints_report.rendering.errors import EngineError, RenderWarning
from complaints_report.rendering.features import SUPPORTED_FEATURES, unsupported_features

log = logging.getLogger(__name__)

__all__ = [
    "ENGINES",
    "FORMATS",
    "SUPPORTED_FEATURES",
    "EngineError",
    "RenderWarning",
    "quarto_available",
    "render_report",
    "resolve_engine",
    "unsupported_features",
]


def check_formats(formats: list[str]) -> list[str]:
    wanted = []
    for name in formats or []:
        if name not in FORMATS:
            raise EngineError(f"Unknown output format {name!r}: choose from {', '.join(FORMATS)}.")
        if name not in wanted:
            wanted.append(name)
    if not wanted:
        raise EngineError("No output format asked for: choose html, pdf or both.")
    return wanted


def render_report(
    qmd: Path,
    *,
    profile: str,
    formats: list[str],
    engine: str = "auto",
    metadata_file: Path | None = None,
) -> dict[str, Path]:
    """Render ``qmd`` to ``<its folder>/<stem>.html`` and/or ``.pdf``; returns ``{format: path}``.

    ``profile``: Quarto profile name(s), comma-separated ("" = the project's default).
    ``metadata_file``: a YAML file in the qmd's folder whose values win over the project's and
    the document's (the title, the values report.qmd quotes with ``{{< meta >}}``).
    Both engines first check the report against what the built-in engine implements, so that a
    report renders the same with either, and a misspelt include or value stops the render with
    its line.
    """
    from complaints_report.rendering import builtin

    qmd = Path(qmd).resolve()
    wanted = check_formats(formats)
    if not qmd.is_file():
        raise EngineError(f"The report source {qmd.name} does not exist.")
    chosen = resolve_engine(engine)
    profiles = active_profiles(profile, read_yaml_file(qmd.parent / "_quarto.yml"))
    log.info("Rendering %s (%s) with the %s engine", qmd.name, ", ".join(wanted), chosen)
    if chosen == "quarto":
        from complaints_report.rendering import quarto

        builtin.prepare(qmd, profiles, metadata_file)
        return quarto.render(qmd, profiles, wanted, metadata_file)
    return builtin.render(qmd, profiles, wanted, metadata_file)
