"""The built-in engine: report.qmd to HTML and PDF without Quarto, a kernel, or any code cell.

1. The configuration is merged as Quarto merges it (``config.py``) and checked: anything the
   engine does not implement stops the render with its file and line (``features.py``).
2. ``{{< include >}}`` and ``{{< meta >}}`` are expanded in the raw text, and divs shown only
   to other profiles left out (``shortcodes.py``).
3. pandoc, with the Lua filter ``resources/quarto_compat.lua`` (conditional content,
   numbered figures and tables, cross-references, callouts, accessible tables), writes a
   self-contained HTML page (``resources/template.html`` + ``report.css``) and a Typst file
   (``resources/template.typ``), which ``typst.py`` compiles to a tagged PDF/UA-1.

Everything is written in the qmd's folder (the project): ``<stem>.html``, ``<stem>.pdf``;
the intermediate Markdown and Typst files are removed.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator
from pathlib import Path

import yaml

from complaints_report import workers
from complaints_report.paths import RESOURCES_DIR
from complaints_report.rendering import features, shortcodes
from complaints_report.rendering.config import FormatSettings, format_settings, load_config
from complaints_report.rendering.errors import EngineError, RenderWarning
from complaints_report.rendering.pandoc import run_pandoc
from complaints_report.rendering.source import joined
from complaints_report.rendering.typst import compile_pdf

log = logging.getLogger(__name__)

LUA_FILTER = RESOURCES_DIR / "quarto_compat.lua"
TYPST_LITERAL_FILTER = RESOURCES_DIR / "typst_literal.lua"  # text Typst would read as a shorthand
HTML_TEMPLATE = RESOURCES_DIR / "template.html"
HTML_CSS = RESOURCES_DIR / "report.css"
TYPST_TEMPLATE = RESOURCES_DIR / "template.typ"
# pandoc's Markdown as Quarto reads it, less what could carry metadata or raw output of another
# format into the page: the document's metadata comes only from the configuration.
MARKDOWN = "markdown-yaml_metadata_block-raw_attribute"


@contextlib.contextmanager
def _warnings_once() -> Iterator[None]:
    """The HTML and PDF passes find the same problems: each is reported once."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for category, message in dict.fromkeys((w.category, str(w.message)) for w in caught):
        warnings.warn(message, category, stacklevel=4)


def prepare(qmd: Path, profiles: list[str], metadata_file: Path | None = None) -> tuple[dict, str]:
    """The merged configuration and the expanded Markdown, or an EngineError listing every
    unsupported feature with its file and line."""
    config = load_config(qmd, profiles, metadata_file)
    problems = features.unsupported_config(config)
    lines = shortcodes.expand(qmd, config, profiles)
    problems += features.unsupported_lines(lines)
    if problems:
        raise EngineError(
            "The report uses what the built-in engine does not implement (docs/quarto-features.md lists "
            "what it does):\n  - " + "\n  - ".join(problems)
        )
    return config, joined(lines)


def render(
    qmd: Path, profiles: list[str], formats: list[str], metadata_file: Path | None = None
) -> dict[str, Path]:
    qmd = Path(qmd).resolve()
    project = qmd.parent
    config, markdown = prepare(qmd, profiles, metadata_file)
    if not config.get("title"):
        warnings.warn(
            "The report has no `title:`; the page needs one as its only level-1 heading and the PDF as its "
            "document title.",
            RenderWarning,
            stacklevel=2,
        )
    source = project / f".{qmd.stem}.builtin.md"
    source.write_text(markdown, encoding="utf-8")
    scratch = [source]
    outputs: dict[str, Path] = {}
    try:
        passes = {
            "html": lambda: _html(
                source, format_settings(config, "html"), profiles, project, qmd.stem, scratch
            ),
            "pdf": lambda: _pdf(
                source, format_settings(config, "typst"), profiles, project, qmd.stem, scratch
            ),
        }
        wanted = [name for name in passes if name in formats]
        with _warnings_once():  # the HTML and the PDF are made side by side (two cores)
            outputs.update(zip(wanted, workers.each(lambda name: passes[name](), wanted), strict=True))
    finally:
        for path in scratch:
            path.unlink(missing_ok=True)
    return outputs


def _metadata_file(settings: FormatSettings, profiles: list[str], path: Path) -> Path:
    metadata = dict(settings.metadata)
    metadata["quarto-profiles"] = profiles
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path


def _toc(settings: FormatSettings) -> list[str]:
    return ["--toc", f"--toc-depth={settings.toc_depth}"] if settings.toc else []


def _html(
    source: Path, settings: FormatSettings, profiles: list[str], project: Path, stem: str, scratch: list[Path]
) -> Path:
    """Self-contained, accessible HTML: the template, CSS and images are all embedded."""
    output = project / f"{stem}.html"
    metadata = _metadata_file(settings, profiles, project / f".{stem}.html-metadata.yml")
    scratch.append(metadata)
    run_pandoc(
        [
            source.name,
            f"--from={MARKDOWN}",
            "--to=html5",
            "--standalone",
            "--embed-resources",
            f"--template={HTML_TEMPLATE}",
            f"--css={HTML_CSS}",
            f"--lua-filter={LUA_FILTER}",
            f"--metadata-file={metadata.name}",
            "--resource-path=.",
            "--syntax-highlighting=none",
            *_toc(settings),
            f"--output={output.name}",
        ],
        cwd=project,
    )
    return output


def _pdf(
    source: Path, settings: FormatSettings, profiles: list[str], project: Path, stem: str, scratch: list[Path]
) -> Path:
    """Typst from pandoc, written in the project folder (images are relative to it), compiled to PDF/UA-1."""
    typ = project / f".{stem}.typ"
    metadata = _metadata_file(settings, profiles, project / f".{stem}.typst-metadata.yml")
    scratch += [metadata, typ]
    variables = [f"typst-lang={settings.language}"]
    if settings.region:
        variables.append(f"typst-region={settings.region}")
    if _no_date():
        variables.append("typst-date-none=true")
    if settings.papersize:
        variables.append(f"papersize={settings.papersize}")
    run_pandoc(
        [
            source.name,
            f"--from={MARKDOWN}",
            "--to=typst",
            "--standalone",
            f"--template={TYPST_TEMPLATE}",
            f"--lua-filter={TYPST_LITERAL_FILTER}",
            f"--lua-filter={LUA_FILTER}",
            f"--metadata-file={metadata.name}",
            "--syntax-highlighting=none",
            *(f"--variable={variable}" for variable in variables),
            *_toc(settings),
            f"--output={typ.name}",
        ],
        cwd=project,
    )
    output = project / f"{stem}.pdf"
    compile_pdf(typ, output, project)
    return output


def _no_date() -> bool:
    from complaints_report.rendering.config import build_date

    return build_date() is None
