"""Compiling the report's Typst file to a tagged PDF/UA-1 with the ``typst`` package.

Typst reads files only under its root, which is the folder report.qmd is rendered in:
images are referenced relative to it, as Quarto requires (quarto-cli issue 7354). Fonts:
DejaVu Sans, shipped with matplotlib (found without importing it), so the PDF is the same
on every machine; system fonts are ignored. ``SOURCE_DATE_EPOCH`` fixes the PDF's dates.

The compiler holds Python's global lock while it works, so each PDF is compiled in a child
process (``python -m complaints_report.rendering.typst``): two services' PDFs then compile
side by side, and an interrupted build stops them.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

PDF_STANDARD = "ua-1"


def font_paths() -> list[str]:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"
    return [str(folder)] if folder.is_dir() else []


def compile_options(root: Path) -> dict:
    """What ``typst.compile`` is given, besides the input and output files."""
    from complaints_report.rendering.config import build_date

    moment = build_date()
    return {
        "root": str(root),
        "font_paths": font_paths(),
        "ignore_system_fonts": True,
        "pdf_standards": PDF_STANDARD,
        "timestamp": int(moment.timestamp()) if moment else None,
    }


def compile_pdf(typ: Path, output: Path, root: Path) -> None:
    """Compile ``typ`` to ``output`` in a child process; an EngineError says what Typst found wrong."""
    from complaints_report import workers
    from complaints_report.rendering.errors import EngineError

    command = [sys.executable, "-m", "complaints_report.rendering.typst", str(typ), str(output), str(root)]
    result = workers.run(command, env=dict(os.environ))
    if result.returncode != 0:
        raise EngineError(f"Typst could not make the PDF from {Path(typ).name}:\n{result.stderr.strip()}")


def main(arguments: list[str]) -> int:
    import typst

    typ, output, root = arguments
    try:
        typst.compile(typ, output=output, **compile_options(Path(root)))
    except Exception as error:  # the typst package raises its own error types
        print(str(error), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
