"""Running pandoc (from the ``pypandoc-binary`` wheel, so no system install is needed)."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

from complaints_report import workers
from complaints_report.rendering.errors import EngineError, RenderWarning

FILTER_PREFIX = "[quarto-compat] "  # how resources/quarto_compat.lua marks its warnings


@functools.cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run_pandoc(args: list[str], *, cwd: Path | None = None, stdin: str | None = None) -> str:
    """Run pandoc; the Lua filter's warnings become :class:`RenderWarning`; a failure an EngineError."""
    result = workers.run([pandoc_path(), *args], cwd=cwd, input=stdin)
    if result.returncode != 0:
        raise EngineError(f"pandoc could not convert the report:\n{result.stderr.strip()}")
    for line in result.stderr.splitlines():
        message = line.removeprefix(FILTER_PREFIX).strip()
        if message:
            warnings.warn(f"Report: {message}", RenderWarning, stacklevel=3)
    return result.stdout
