"""The Quarto engine: ``quarto render`` itself, set up so that it is right by construction.

Each choice follows Quarto's documented behaviour and source (docs/quarto-features.md cites them):

- **Version.** PDF/UA output (``pdf-standard``) and alt text on Typst images arrived in
  Quarto 1.9 (quarto-cli ``news/changelog-1.9.md``, #4426 and #13868). An older Quarto is
  refused with a clear error before anything runs; ``_quarto.yml`` also says
  ``quarto-required: ">=1.9.0"``, which Quarto checks itself.
- **Where.** Quarto renders in the folder report.qmd is in (the project root), where the
  fragments and charts are, referenced by relative paths: Typst reads files only under its
  ``--root``, the project folder (quarto-cli ``src/core/typst.ts``), so an absolute path fails
  (quarto-cli issue 7354).
- **Metadata as a file.** The title and values go in ``--metadata-file`` (a YAML file read as
  YAML, quarto-cli ``src/command/render/flags.ts``), never as ``-M key:value``: Quarto parses
  the value of ``-M`` as YAML, so a council name holding ": " would become a mapping.
- **Environment.** ``QUARTO_PYTHON`` names this Python and ``VIRTUAL_ENV`` its environment
  (quarto-cli ``src/core/jupyter/capabilities.ts`` and ``kernels.ts``), although the report
  runs no code, so that nothing Quarto starts can pick up another Python.
- One ``quarto render --to html`` and one ``--to typst`` (the PDF), with ``--profile``.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from pathlib import Path

from complaints_report import workers
from complaints_report.rendering.config import QUARTO_TARGET
from complaints_report.rendering.errors import EngineError

MINIMUM_VERSION = (1, 9)
INSTALL_HINT = (
    "Install Quarto 1.9 or later from https://quarto.org/docs/get-started/ so that `quarto --version` works, "
    "or render with the built-in engine instead: `--engine builtin`."
)


def installed_version() -> tuple[int, ...] | None:
    """The version of the ``quarto`` on PATH, or None when there is none that runs."""
    executable = shutil.which("quarto")
    return _version_of(executable) if executable else None


@functools.cache
def _version_of(executable: str) -> tuple[int, ...] | None:
    try:
        result = workers.run([executable, "--version"])
    except OSError:
        return None
    match = re.match(r"\s*(\d+)\.(\d+)(?:\.(\d+))?", result.stdout or "")
    if result.returncode != 0 or not match:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)


def shown(version: tuple[int, ...]) -> str:
    return ".".join(str(part) for part in version)


def check_version(version: tuple[int, ...] | None) -> None:
    """An EngineError unless a Quarto recent enough for this report is installed."""
    if version is None:
        raise EngineError(
            "The Quarto engine was asked for, but no working `quarto` command was found on PATH. "
            + INSTALL_HINT
        )
    if version[:2] < MINIMUM_VERSION:
        raise EngineError(
            f"Quarto {shown(version)} is installed, but this report needs Quarto {shown(MINIMUM_VERSION)} or later: "
            "earlier versions cannot make a PDF/UA (tagged) PDF or give images alt text in Typst. "
            + INSTALL_HINT
        )


def command(source: str, fmt: str, profiles: list[str], metadata_file: str | None) -> list[str]:
    """``quarto render`` for one format; paths are relative to the project folder it runs in."""
    args = ["quarto", "render", source, "--to", QUARTO_TARGET[fmt]]
    if profiles:
        args += ["--profile", ",".join(profiles)]
    if metadata_file:
        args += ["--metadata-file", metadata_file]
    return args


def environment() -> dict[str, str]:
    return dict(os.environ, QUARTO_PYTHON=sys.executable, VIRTUAL_ENV=sys.prefix)


def render(
    qmd: Path, profiles: list[str], formats: list[str], metadata_file: Path | None = None
) -> dict[str, Path]:
    qmd = Path(qmd).resolve()
    project = qmd.parent
    check_version(installed_version())
    relative_metadata = (
        Path(metadata_file).resolve().relative_to(project).as_posix() if metadata_file else None
    )
    made_cache = not (project / ".quarto").exists()
    outputs = {}
    try:
        for fmt in formats:
            args = command(qmd.name, fmt, profiles, relative_metadata)
            result = workers.run(args, cwd=project, env=environment())
            if result.returncode != 0:
                raise EngineError(f"`{' '.join(args)}` failed:\n{result.stderr.strip()[-4000:]}")
            output = project / f"{qmd.stem}.{fmt}"
            if not output.is_file():
                raise EngineError(
                    f"Quarto finished but {output.name} was not written in the report's folder."
                )
            outputs[fmt] = output
    finally:
        if made_cache:
            shutil.rmtree(project / ".quarto", ignore_errors=True)
        shutil.rmtree(project / f"{qmd.stem}_files", ignore_errors=True)
    return outputs
