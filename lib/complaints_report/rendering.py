"""Render ``report.qmd`` to an accessible HTML page and a tagged PDF, with or without Quarto.

Two engines produce the same files, ``<work_dir>/report.html`` and ``<work_dir>/report.pdf``:

``quarto``
    ``quarto render`` itself, when a working ``quarto`` is on PATH.
``builtin``
    The parts Quarto drives, driven from here, for machines where Quarto cannot be
    installed: the qmd's cells are read with jupytext, run by papermill in a Python kernel
    (parameters injected after the cell tagged ``parameters``), the results assembled into
    one Markdown document, and pandoc, with the Lua filter ``resources/quarto_compat.lua``,
    writes a self-contained HTML page (``resources/template.html`` + ``report.css``) and a
    Typst file (``resources/template.typ``) that the ``typst`` package compiles to PDF/UA-1.

The built-in engine supports the subset of Quarto in ``SUPPORTED_FEATURES`` (described for
authors in docs/quarto-features.md); ``unsupported_features`` lists what a qmd uses beyond
it. ``render_report`` is the entry point, ``resolve_engine`` chooses the engine and never
falls back silently from an engine that was asked for.

Both engines run the cells with the working directory set to ``work_dir``: relative paths a
cell writes (charts, CSVs) land there, and the qmd's own folder is put on ``PYTHONPATH`` so
modules next to it can still be imported.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from complaints_report.paths import RESOURCES_DIR

log = logging.getLogger(__name__)

LUA_FILTER = RESOURCES_DIR / "quarto_compat.lua"
HTML_TEMPLATE = RESOURCES_DIR / "template.html"
HTML_CSS = RESOURCES_DIR / "report.css"
TYPST_TEMPLATE = RESOURCES_DIR / "template.typ"

FORMATS = ("html", "pdf")
ENGINES = ("auto", "quarto", "builtin")
QUARTO_TARGET = {"html": "html", "pdf": "typst"}  # our format name -> Quarto/pandoc format
KERNEL_NAME = "complaints-report-python"
FILES_DIR_NAME = "report_files"
DEFAULT_LANG = "en-GB"

QUARTO_INSTALL_HINT = (
    "Install Quarto from https://quarto.org/docs/get-started/ (or `pip install quarto-cli` on a "
    "machine with internet access) so that `quarto --version` works, or render with the "
    "built-in engine instead: `--engine builtin`."
)


class EngineError(Exception):
    """The report could not be rendered; the message says why and what to do about it."""


class RenderWarning(UserWarning):
    """Something in the report deserves a look (an unresolved reference, a missing caption)."""


# ---------------------------------------------------------------------------------------
# What the built-in engine supports
# ---------------------------------------------------------------------------------------

SUPPORTED_FEATURES: dict[str, frozenset[str]] = {
    # YAML keys in the qmd front matter, _quarto.yml and _quarto-<profile>.yml
    "front_matter": frozenset(
        {
            "title",
            "subtitle",
            "author",
            "date",
            "lang",
            "toc",
            "toc-title",
            "toc-depth",
            "execute",
            "format",
            "jupyter",
            "engine",
            "project",
            "profile",
            "keep-md",
            "keep-typ",
            "keep-ipynb",
        }
    ),
    # under `format:`
    "formats": frozenset({"html", "typst"}),
    "format_options": frozenset(
        {
            "toc",
            "toc-title",
            "toc-depth",
            "embed-resources",
            "standalone",
            "papersize",
            "pdf-standard",
            "keep-md",
            "keep-typ",
            "keep-ipynb",
        }
    ),
    # under `execute:`, and as cell options
    "execute_options": frozenset({"echo", "eval", "output", "include", "warning", "error"}),
    # `#| key: value` lines at the top of a ```{python} cell
    "cell_options": frozenset(
        {
            "label",
            "tags",
            "echo",
            "eval",
            "output",
            "include",
            "warning",
            "error",
            "fig-cap",
            "fig-alt",
            "tbl-cap",
        }
    ),
    # values `output:` may take (besides true/false)
    "output_values": frozenset({"asis"}),
    # classes on ::: divs (and on spans / code blocks for content-visible / -hidden)
    "div_classes": frozenset(
        {
            "callout-note",
            "callout-tip",
            "callout-warning",
            "callout-important",
            "callout-caution",
            "content-visible",
            "content-hidden",
        }
    ),
    # classes pandoc itself understands on headings and code blocks
    "other_classes": frozenset({"unnumbered", "unlisted", "python", "markdown", "text"}),
    # key="value" attributes on divs, spans, images and headings
    "attributes": frozenset(
        {
            "title",
            "when-format",
            "unless-format",
            "when-profile",
            "unless-profile",
            "when-meta",
            "unless-meta",
            "fig-alt",
            "width",
            "height",
        }
    ),
    # values of when-format / unless-format
    "when_formats": frozenset({"html", "typst"}),
    # @prefix-label cross-references
    "crossref_prefixes": frozenset({"fig", "tbl"}),
    # {{< name >}} shortcodes
    "shortcodes": frozenset({"pagebreak"}),
    # ```{language} executable cells and `{language} expr` inline expressions
    "languages": frozenset({"python"}),
}

QUARTO_EXECUTE_DEFAULTS = {
    "echo": True,
    "eval": True,
    "output": True,
    "include": True,
    "warning": True,
    "error": False,
}

# ---------------------------------------------------------------------------------------
# Choosing the engine
# ---------------------------------------------------------------------------------------


def quarto_available() -> bool:
    """True when a working ``quarto`` is on PATH (``quarto --version`` succeeds)."""
    executable = shutil.which("quarto")
    if not executable:
        return False
    try:
        result = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def resolve_engine(engine: str) -> str:
    """``auto`` | ``quarto`` | ``builtin`` -> the engine that will run: ``quarto`` or ``builtin``.

    ``auto`` uses Quarto when it works and the built-in engine otherwise; asking for
    ``quarto`` when it is missing is an error, never a silent switch.
    """
    choice = (engine or "").strip().lower()
    if choice not in ENGINES:
        raise EngineError(f"Unknown rendering engine {engine!r}: choose one of {', '.join(ENGINES)}.")
    if choice == "builtin":
        return "builtin"
    available = quarto_available()
    if choice == "quarto" and not available:
        raise EngineError(
            "The Quarto engine was asked for, but no working `quarto` command was found on PATH. "
            + QUARTO_INSTALL_HINT
        )
    engine_used = "quarto" if available else "builtin"
    if choice == "auto":
        log.info("Rendering engine: %s (auto: Quarto %s)", engine_used, "found" if available else "not found")
    return engine_used


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def render_report(
    qmd: Path,
    *,
    profile: str,
    params: dict,
    work_dir: Path,
    formats: list[str],
    engine: str = "auto",
    metadata: dict | None = None,
) -> dict[str, Path]:
    """Render ``qmd`` to ``work_dir/report.html`` and/or ``work_dir/report.pdf``.

    ``profile``: Quarto profile name(s), comma-separated ("" = the project's default).
    ``params``: values injected after the cell tagged ``parameters``.
    ``formats``: any of ``"html"``, ``"pdf"``. Returns ``{format: path}``.
    ``metadata``: document metadata set for this render (e.g. a title naming the year), as
    Quarto's ``-M key:value``; it wins over the project, profile and front matter.
    """
    qmd = Path(qmd).resolve()
    work_dir = Path(work_dir).resolve()
    wanted = _check_formats(formats)
    if not qmd.is_file():
        raise EngineError(f"The report source {qmd} does not exist.")
    work_dir.mkdir(parents=True, exist_ok=True)
    chosen = resolve_engine(engine)
    log.info("Rendering %s (%s) with the %s engine into %s", qmd.name, ", ".join(wanted), chosen, work_dir)
    if chosen == "quarto":
        return _render_with_quarto(qmd, profile, dict(params or {}), work_dir, wanted, dict(metadata or {}))
    return _render_builtin(qmd, profile, dict(params or {}), work_dir, wanted, dict(metadata or {}))


def _check_formats(formats: list[str]) -> list[str]:
    wanted = []
    for name in formats or []:
        if name not in FORMATS:
            raise EngineError(f"Unknown output format {name!r}: choose from {', '.join(FORMATS)}.")
        if name not in wanted:
            wanted.append(name)
    if not wanted:
        raise EngineError("No output format asked for: choose html, pdf or both.")
    return wanted


# ---------------------------------------------------------------------------------------
# Configuration: _quarto.yml, profiles and front matter
# ---------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[dict, str]:
    """The qmd's YAML front matter (a dict) and the body after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    data = _parse_yaml(match.group(1) or "", "the front matter of the report")
    return data, text[match.end() :]


def _parse_yaml(text: str, where: str) -> dict:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise EngineError(f"The YAML in {where} cannot be read: {error}") from None
    if not isinstance(data, dict):
        raise EngineError(f"The YAML in {where} should be a set of `key: value` lines.")
    return data


def _read_yaml_file(path: Path) -> dict:
    if not path.is_file():
        return {}
    return _parse_yaml(path.read_text(encoding="utf-8"), str(path))


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


def active_profiles(profile: str, project: dict) -> list[str]:
    """The profiles in force: those asked for, else ``profile: default``; then, for each
    ``profile: group`` with none of its members active, the group's first member (Quarto's rules)."""
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


def _as_names(value: Any) -> list[str]:
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(item).strip() for item in items if str(item).strip()]


def load_config(qmd: Path, profiles: list[str]) -> dict:
    """``_quarto.yml`` merged with each ``_quarto-<profile>.yml`` (the first profile named wins),
    then with the qmd's front matter (the document wins)."""
    folder = qmd.parent
    config = _read_yaml_file(folder / "_quarto.yml")
    for name in reversed(profiles):
        config = merge_config(config, _read_yaml_file(folder / f"_quarto-{name}.yml"))
    front, _ = split_front_matter(qmd.read_text(encoding="utf-8"))
    return merge_config(config, front)


@dataclass
class FormatSettings:
    """What one output format needs from the merged configuration."""

    metadata: dict
    toc: bool
    toc_depth: int
    toc_title: str
    papersize: str | None


def format_settings(config: dict, target: str) -> FormatSettings:
    """Top-level options overlaid with ``format: <target>:`` options, as Quarto does."""
    options = dict(config)
    formats = config.get("format")
    if isinstance(formats, dict) and isinstance(formats.get(target), dict):
        options = merge_config(options, formats[target])
    metadata = {key: options[key] for key in ("title", "subtitle") if options.get(key)}
    if options.get("author"):
        metadata["author"] = author_names(options["author"])
    if options.get("date"):
        metadata["date"] = resolve_date(options["date"])
    metadata["lang"] = str(options.get("lang") or DEFAULT_LANG)
    toc_title = str(options.get("toc-title") or "Contents")
    metadata["toc-title"] = toc_title
    return FormatSettings(
        metadata=metadata,
        toc=bool(options.get("toc", False)),
        toc_depth=int(options.get("toc-depth", 3)),
        toc_title=toc_title,
        papersize=options.get("papersize"),
    )


def author_names(value: Any) -> list[str]:
    """Authors as plain names: ``author: X``, a list, or Quarto's ``- name: X`` entries."""
    entries = value if isinstance(value, list) else [value]
    names = [entry.get("name") if isinstance(entry, dict) else entry for entry in entries]
    return [str(name.get("literal", "") if isinstance(name, dict) else name) for name in names if name]


def execute_defaults(config: dict) -> dict:
    """Quarto's cell defaults overlaid with the ``execute:`` options of the configuration."""
    defaults = dict(QUARTO_EXECUTE_DEFAULTS)
    execute = config.get("execute") or {}
    if isinstance(execute, dict):
        defaults.update({key: value for key, value in execute.items() if key in defaults})
    return defaults


def keep_intermediates(config: dict) -> bool:
    formats = config.get("format") if isinstance(config.get("format"), dict) else {}
    scopes = [config] + [value for value in formats.values() if isinstance(value, dict)]
    return any(scope.get(key) for scope in scopes for key in ("keep-md", "keep-typ", "keep-ipynb"))


def build_date() -> datetime:
    """The build's moment: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except ValueError:
            raise EngineError(
                f"SOURCE_DATE_EPOCH should be whole seconds since 1970, not {epoch!r}."
            ) from None
    return datetime.now(tz=UTC)


def resolve_date(value: Any) -> str:
    """``today``, ``now`` and ``last-modified`` become the build date ("1 April 2025");
    anything else is shown as written."""
    if isinstance(value, str) and value.strip().lower() in {"today", "now", "last-modified"}:
        moment = build_date()
        return f"{moment.day} {moment:%B %Y}"
    if hasattr(value, "strftime"):
        return f"{value.day} {value:%B %Y}"
    return str(value)


# ---------------------------------------------------------------------------------------
# Reading the qmd into cells
# ---------------------------------------------------------------------------------------

_EXECUTABLE_FENCE = re.compile(r"^[ \t]*(`{3,})[ \t]*\{([A-Za-z][\w+-]*)[^}]*\}[ \t]*$", re.M)
_OPTION_LINE = re.compile(r"^#\|[ \t]?(.*)$")
_INLINE_EXPRESSION = re.compile(r"`\{(python)\}[ \t]+([^`]+?)`")


@dataclass
class Cell:
    """One piece of the qmd: Markdown text, or a Python cell with its ``#|`` options lifted."""

    kind: str  # "markdown" | "code"
    source: str
    options: dict = field(default_factory=dict)
    inline: list[str] = field(default_factory=list)  # inline expressions, markdown cells only

    @property
    def name(self) -> str:
        label = self.options.get("label")
        first = next((line for line in self.source.splitlines() if line.strip()), "")
        return f"`{label}`" if label else f"starting `{first[:60]}`"


def read_cells(body: str) -> list[Cell]:
    """Split the qmd body (front matter removed) into Markdown and Python cells."""
    import jupytext  # imported here: only the built-in engine needs it

    for match in _EXECUTABLE_FENCE.finditer(body):
        language = match.group(2).lower()
        if language not in SUPPORTED_FEATURES["languages"]:
            raise EngineError(
                f"The report has a ```{{{match.group(2)}}} cell; the built-in engine runs Python cells only."
            )
    notebook = jupytext.reads(body, fmt="Rmd")
    cells: list[Cell] = []
    for nb_cell in notebook.cells:
        if nb_cell.cell_type == "code":
            language = nb_cell.metadata.get("language")
            if language:  # a ```{.lang} display block jupytext took for a cell: keep it as text
                cells.append(Cell("markdown", _fence(nb_cell.source, "{" + language + "}")))
                continue
            options, code = split_cell_options(nb_cell.source)
            cells.append(Cell("code", code, options))
        else:
            text = nb_cell.source
            expressions = [match.group(2).strip() for match in _INLINE_EXPRESSION.finditer(text)]
            cells.append(Cell("markdown", text, inline=expressions))
    return cells


def split_cell_options(source: str) -> tuple[dict, str]:
    """Lift the leading ``#| key: value`` lines of a cell into a dict; return it and the code."""
    lines = source.splitlines()
    option_lines: list[str] = []
    while lines and (match := _OPTION_LINE.match(lines[0])):
        option_lines.append(match.group(1))
        lines.pop(0)
    code = "\n".join(lines)
    if not option_lines:
        return {}, code
    try:
        options = yaml.safe_load("\n".join(option_lines)) or {}
    except yaml.YAMLError as error:
        raise EngineError(
            f"The `#|` options of the cell starting `{code[:60]}` are not valid YAML: {error}"
        ) from None
    if not isinstance(options, dict):
        raise EngineError(
            f"The `#|` options of the cell starting `{code[:60]}` should be `key: value` lines."
        )
    if isinstance(options.get("tags"), str):
        options["tags"] = [options["tags"]]
    return options, code


def cell_settings(cell: Cell, defaults: dict) -> dict:
    """A code cell's effective options: Quarto's defaults, the YAML ``execute:``, the cell."""
    settings = dict(defaults)
    settings.update({key: value for key, value in cell.options.items() if key in QUARTO_EXECUTE_DEFAULTS})
    return settings


# ---------------------------------------------------------------------------------------
# Running the cells
# ---------------------------------------------------------------------------------------

_INLINE_MARKER = "__complaints_report_inline__"
_INLINE_CODE = """\
def _complaints_report_inline(expressions):
    import json
    results = []
    for expression in expressions:
        try:
            results.append({{"value": str(eval(expression, globals()))}})
        except Exception as error:
            results.append({{"error": f"{{type(error).__name__}}: {{error}}"}})
    print({marker!r} + json.dumps(results))
_complaints_report_inline({expressions!r})
del _complaints_report_inline
"""


def build_notebook(cells: list[Cell], defaults: dict):
    """The notebook papermill runs: the Python cells (tags from their options; ``eval: false``
    cells emptied) and, after each Markdown cell with inline expressions, a cell evaluating
    them in document order (as Quarto does)."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    for index, cell in enumerate(cells):
        if cell.kind == "code":
            settings = cell_settings(cell, defaults)
            nb_cell = nbformat.v4.new_code_cell(cell.source if settings["eval"] else "")
            tags = [str(tag) for tag in cell.options.get("tags") or []]
            if settings["error"]:
                tags.append("raises-exception")  # nbclient carries on after an error here
            nb_cell.metadata["tags"] = tags
        elif cell.inline:
            nb_cell = nbformat.v4.new_code_cell(
                _INLINE_CODE.format(marker=_INLINE_MARKER, expressions=cell.inline)
            )
            nb_cell.metadata["tags"] = ["inline-expressions"]
        else:
            continue
        nb_cell.id = f"cell-{index}"
        nb_cell.metadata["complaints_report_index"] = index
        notebook.cells.append(nb_cell)
    return notebook


@contextlib.contextmanager
def _patched_environ(changes: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _prepend_path(variable: str, folder: Path) -> str:
    existing = os.environ.get(variable)
    return str(folder) + (os.pathsep + existing if existing else "")


@contextlib.contextmanager
def kernel_environment(qmd_dir: Path, profiles: list[str]) -> Iterator[None]:
    """A kernelspec that runs *this* Python (the project's venv), found first on JUPYTER_PATH,
    and the environment Quarto gives its kernels: QUARTO_PROFILE, the qmd's folder importable,
    and a fixed hash seed so set ordering cannot change the output."""
    with tempfile.TemporaryDirectory(prefix="complaints-report-kernel-") as folder:
        spec_dir = Path(folder) / "kernels" / KERNEL_NAME
        spec_dir.mkdir(parents=True)
        spec = {
            # log level ERROR: no start-up chatter (e.g. about unencrypted local TCP) in the analyst's console
            "argv": [
                sys.executable,
                "-m",
                "ipykernel_launcher",
                "-f",
                "{connection_file}",
                "--IPKernelApp.log_level=ERROR",
            ],
            "display_name": "Python 3 (complaints report)",
            "language": "python",
        }
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        changes = {
            "JUPYTER_PATH": _prepend_path("JUPYTER_PATH", Path(folder)),
            "PYTHONPATH": _prepend_path("PYTHONPATH", qmd_dir),
            "QUARTO_PROFILE": ",".join(profiles),
            "PYTHONHASHSEED": "0",
        }
        with _patched_environ(changes):
            yield


def execute_notebook(
    notebook,
    cells: list[Cell],
    params: dict,
    work_dir: Path,
    qmd_dir: Path,
    profiles: list[str],
    files_dir: Path,
):
    """Run the notebook with papermill (cwd = ``work_dir``); a failing cell becomes an EngineError."""
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    executed_path = files_dir / "report.ipynb"
    with kernel_environment(qmd_dir, profiles):
        try:
            return papermill.execute_notebook(
                notebook,
                str(executed_path),
                parameters=params,
                kernel_name=KERNEL_NAME,
                cwd=str(work_dir),
                progress_bar=False,
                log_output=False,
                start_timeout=120,
            )
        except PapermillExecutionError as error:
            raise EngineError(_cell_failure(error, cells, executed_path)) from None
        except NoSuchKernel as error:
            raise EngineError(
                f"The Python kernel could not be found ({error}). Is ipykernel installed "
                "in the project's environment?"
            ) from None


def _cell_failure(error, cells: list[Cell], executed_path: Path) -> str:
    failed = next(
        (
            cell
            for cell in cells
            if cell.kind == "code"
            and cell.source.strip()
            and cell.source.strip() == (error.source or "").strip()
        ),
        None,
    )
    where = f"the cell {failed.name}" if failed else "a cell"
    if _INLINE_MARKER in (error.source or ""):
        where = "an inline expression"
    return (
        f"The report's code failed in {where}:\n  {error.ename}: {error.evalue}\n"
        f"The executed notebook, with the full traceback, is at {executed_path}."
    )


# ---------------------------------------------------------------------------------------
# Assembling one Markdown document from the executed cells
# ---------------------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_RICH_ORDER = ("text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/html", "text/plain")
_IMAGE_SUFFIX = {"image/png": ".png", "image/jpeg": ".jpg", "image/svg+xml": ".svg"}


def _fence(text: str, info: str = "") -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{text.rstrip()}\n{ticks}"


def _merge_streams(outputs: list) -> list:
    """Join consecutive stream outputs of the same name: printed Markdown arrives in chunks."""
    merged: list = []
    for output in outputs:
        if (
            output.get("output_type") == "stream"
            and merged
            and merged[-1].get("output_type") == "stream"
            and merged[-1]["name"] == output["name"]
        ):
            merged[-1] = dict(merged[-1], text=merged[-1]["text"] + output["text"])
        else:
            merged.append(dict(output))
    return merged


@dataclass
class Assembler:
    """Turns executed cells into Markdown, writing images under ``files_dir``."""

    work_dir: Path
    files_dir: Path
    defaults: dict
    image_count: int = 0

    def markdown(self, cells: list[Cell], executed) -> str:
        by_index = {
            nb_cell.metadata.get("complaints_report_index"): nb_cell
            for nb_cell in executed.cells
            if "complaints_report_index" in nb_cell.metadata
        }
        parts: list[str] = []
        for index, cell in enumerate(cells):
            if cell.kind == "markdown":
                parts.append(self.substitute_inline(cell, by_index.get(index)))
            else:
                parts.extend(self.code_cell(cell, index, by_index.get(index)))
        return "\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"

    def substitute_inline(self, cell: Cell, nb_cell) -> str:
        if not cell.inline:
            return cell.source
        results = _inline_results(nb_cell)
        values = iter(zip(cell.inline, results, strict=True))

        def replace(_match: re.Match) -> str:
            expression, result = next(values)
            if "error" in result:
                raise EngineError(
                    f"The inline expression `{{python}} {expression}` failed: {result['error']}"
                )
            return result["value"]

        return _INLINE_EXPRESSION.sub(replace, cell.source)

    def code_cell(self, cell: Cell, index: int, nb_cell) -> list[str]:
        settings = cell_settings(cell, self.defaults)
        if not settings["include"]:
            return []
        parts = [_fence(cell.source, "python")] if settings["echo"] is True and cell.source.strip() else []
        if not settings["output"] or not settings["eval"] or nb_cell is None:
            return parts
        asis = settings["output"] == "asis"
        images_in_cell = 0
        for number, output in enumerate(_merge_streams(nb_cell.get("outputs", [])), start=1):
            kind = output.get("output_type")
            if kind == "stream":
                if output["name"] == "stderr" and not settings["warning"]:
                    continue
                text = output["text"]
                parts.append(text if asis and output["name"] == "stdout" else _fence(text))
            elif kind == "error":
                parts.append(_fence(_ANSI.sub("", "\n".join(output.get("traceback", [])))))
            elif kind in {"display_data", "execute_result"}:
                mime = next((m for m in _RICH_ORDER if m in output.get("data", {})), None)
                if mime in _IMAGE_SUFFIX:
                    parts.append(self.image(cell, index, number, mime, output["data"][mime], images_in_cell))
                    images_in_cell += 1
                elif mime:
                    parts.append(self.rich_text(mime, output["data"][mime], asis))
        if cell.options.get("tbl-cap"):
            label = str(cell.options.get("label") or "")
            attribute = f" {{#{label}}}" if label.startswith("tbl-") else ""
            parts.append(f": {cell.options['tbl-cap']}{attribute}")
        return parts

    def image(self, cell: Cell, index: int, number: int, mime: str, data: Any, position: int) -> str:
        import base64

        name = f"cell-{index}-output-{number}{_IMAGE_SUFFIX[mime]}"
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / name
        if mime == "image/svg+xml":
            path.write_text(data if isinstance(data, str) else "".join(data), encoding="utf-8")
        else:
            path.write_bytes(base64.b64decode(data))
        relative = path.relative_to(self.work_dir).as_posix()
        caption = cell.options.get("fig-cap") if position == 0 else None
        alt = cell.options.get("fig-alt") if position == 0 else None
        if not (caption or alt):
            raise EngineError(
                f"The cell {cell.name} shows an image without alt text. Give the cell "
                '`#| fig-alt: "..."` (and `#| fig-cap:` for a numbered figure), or, if the chart is '
                "saved to a file and shown with Markdown, close it with `plt.close(fig)` so it is not "
                "displayed a second time."
            )
        attributes = []
        label = str(cell.options.get("label") or "")
        if position == 0 and label.startswith("fig-") and caption:
            attributes.append(f"#{label}")
        if alt:
            attributes.append(f'fig-alt="{_attribute_text(alt)}"')
        suffix = "{" + " ".join(attributes) + "}" if attributes else ""
        return f"![{caption or ''}]({relative}){suffix}"

    def rich_text(self, mime: str, data: Any, asis: bool) -> str:
        text = data if isinstance(data, str) else "".join(data)
        if mime == "text/markdown":
            return text
        if mime == "text/html":
            return html_to_markdown(text)
        return text if asis else _fence(text)


def _attribute_text(text: str) -> str:
    return " ".join(str(text).split()).replace("\\", "\\\\").replace('"', '\\"')


def _inline_results(nb_cell) -> list[dict]:
    for output in (nb_cell or {}).get("outputs", []):
        if output.get("output_type") == "stream" and _INLINE_MARKER in output.get("text", ""):
            payload = output["text"].split(_INLINE_MARKER)[-1].strip().splitlines()[0]
            return json.loads(payload)
    raise EngineError(
        "The inline expressions of the report were not evaluated (no result came back from the kernel)."
    )


_STYLE_ELEMENT = re.compile(r"<style\b.*?</style>", re.S | re.I)
_HTML_AS_MARKDOWN = "markdown-raw_html-raw_attribute-native_divs-native_spans-fenced_divs-bracketed_spans"


def html_to_markdown(html: str) -> str:
    """HTML output (e.g. a pandas DataFrame) as pandoc Markdown, so it reaches the PDF too.
    Styles and wrapper elements are dropped; the report's own CSS styles the table."""
    return _run_pandoc(["-f", "html", "-t", _HTML_AS_MARKDOWN], stdin=_STYLE_ELEMENT.sub("", html)).stdout


# ---------------------------------------------------------------------------------------
# pandoc and Typst
# ---------------------------------------------------------------------------------------


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _run_pandoc(args: list[str], *, cwd: Path | None = None, stdin: str | None = None):
    command = [pandoc_path(), *args]
    result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise EngineError(f"pandoc could not convert the report:\n{result.stderr.strip()}")
    for line in result.stderr.splitlines():
        message = line.removeprefix("[quarto-compat] ").strip()
        if message:
            warnings.warn(f"Report: {message}", RenderWarning, stacklevel=3)
    return result


def _metadata_file(settings: FormatSettings, profiles: list[str], work_dir: Path, path: Path) -> Path:
    metadata = dict(settings.metadata)
    metadata["pagetitle"] = _plain(metadata.get("title") or "Report")
    metadata["quarto-profiles"] = profiles
    metadata["quarto-resource-dir"] = work_dir.as_posix()
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path


def _plain(text: Any) -> str:
    return re.sub(r"[*_`]", "", str(text))


def _toc_args(settings: FormatSettings) -> list[str]:
    return ["--toc", f"--toc-depth={settings.toc_depth}"] if settings.toc else []


def write_html(
    markdown: Path, settings: FormatSettings, profiles: list[str], work_dir: Path, files_dir: Path
) -> Path:
    """Self-contained, accessible HTML: the template, CSS and images are all embedded."""
    output = work_dir / "report.html"
    metadata = _metadata_file(settings, profiles, work_dir, files_dir / "metadata-html.yml")
    _run_pandoc(
        [
            str(markdown),
            "--from=markdown",
            "--to=html5",
            "--standalone",
            "--embed-resources",
            f"--template={HTML_TEMPLATE}",
            f"--css={HTML_CSS}",
            f"--lua-filter={LUA_FILTER}",
            f"--metadata-file={metadata}",
            f"--resource-path={work_dir}",
            "--syntax-highlighting=none",
            *_toc_args(settings),
            f"--output={output}",
        ],
        cwd=work_dir,
    )
    return output


def typst_string(text: Any) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _typst_variables(settings: FormatSettings) -> list[str]:
    language, _, region = settings.metadata["lang"].partition("-")
    variables = [f"typst-lang={language.lower()}"]
    if region:
        variables.append(f"typst-region={region.upper()}")
    authors = settings.metadata.get("author")
    if authors:
        strings = "".join(typst_string(_plain(name)) + ", " for name in authors)
        variables.append(f"typst-author=({strings})")
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        variables.append("typst-date-none=true")
    if settings.papersize:
        variables.append(f"papersize={settings.papersize}")
    return [f"--variable={variable}" for variable in variables]


def write_pdf(
    markdown: Path, settings: FormatSettings, profiles: list[str], work_dir: Path, files_dir: Path
) -> Path:
    """Typst from pandoc, compiled to a tagged PDF/UA-1 with Typst's bundled fonts only."""
    typ = files_dir / "report.typ"
    metadata = _metadata_file(settings, profiles, work_dir, files_dir / "metadata-typst.yml")
    _run_pandoc(
        [
            str(markdown),
            "--from=markdown",
            "--to=typst",
            "--standalone",
            f"--template={TYPST_TEMPLATE}",
            f"--lua-filter={LUA_FILTER}",
            f"--metadata-file={metadata}",
            "--syntax-highlighting=none",
            *_typst_variables(settings),
            *_toc_args(settings),
            f"--output={typ}",
        ],
        cwd=work_dir,
    )
    output = work_dir / "report.pdf"
    compile_typst(typ, output)
    return output


def _font_paths() -> list[str]:
    """DejaVu Sans ships with matplotlib (a project dependency): a clear sans-serif face that
    is the same on every machine."""
    try:
        import matplotlib
    except ImportError:
        return []
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return [str(folder)] if folder.is_dir() else []


def compile_typst(typ: Path, output: Path) -> None:
    import typst

    timestamp = int(build_date().timestamp()) if os.environ.get("SOURCE_DATE_EPOCH") else None
    root = Path(typ.resolve().anchor)  # images are referenced by absolute path
    try:
        typst.compile(
            str(typ),
            output=str(output),
            root=str(root),
            font_paths=_font_paths(),
            ignore_system_fonts=True,
            pdf_standards="ua-1",
            timestamp=timestamp,
        )
    except Exception as error:  # the typst package raises its own error types
        raise EngineError(f"Typst could not make the PDF from {typ}:\n{error}") from None


# ---------------------------------------------------------------------------------------
# The built-in engine
# ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def _warnings_once() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    for category, message in dict.fromkeys((w.category, str(w.message)) for w in caught):
        warnings.warn(message, category, stacklevel=4)


def _render_builtin(
    qmd: Path, profile: str, params: dict, work_dir: Path, formats: list[str], metadata: dict | None = None
) -> dict[str, Path]:
    project = _read_yaml_file(qmd.parent / "_quarto.yml")
    profiles = active_profiles(profile, project)
    config = merge_config(load_config(qmd, profiles), metadata or {})
    _, body = split_front_matter(qmd.read_text(encoding="utf-8"))
    for feature in unsupported_features(qmd.read_text(encoding="utf-8")) + _unsupported_config(config):
        warnings.warn(
            f"The built-in engine does not support {feature} (see docs/quarto-features.md).",
            RenderWarning,
            stacklevel=3,
        )
    if not config.get("title"):
        warnings.warn(
            "The report has no `title:`; the page needs one as its only level-1 heading and the "
            "PDF as its document title.",
            RenderWarning,
            stacklevel=3,
        )
    files_dir = work_dir / FILES_DIR_NAME
    if files_dir.exists():
        shutil.rmtree(files_dir)
    files_dir.mkdir(parents=True)

    cells = read_cells(body)
    if params and not any("parameters" in (cell.options.get("tags") or []) for cell in cells):
        warnings.warn(
            "The report has no cell tagged `parameters` (`#| tags: [parameters]`): the values "
            "passed in are set before the first cell, where later assignments can overwrite them.",
            RenderWarning,
            stacklevel=3,
        )
    defaults = execute_defaults(config)
    notebook = build_notebook(cells, defaults)
    log.info("Running %d cells of %s", sum(cell.kind == "code" for cell in cells), qmd.name)
    executed = execute_notebook(notebook, cells, params, work_dir, qmd.parent, profiles, files_dir)
    markdown = files_dir / "report.md"
    markdown.write_text(Assembler(work_dir, files_dir, defaults).markdown(cells, executed), encoding="utf-8")

    outputs: dict[str, Path] = {}
    with _warnings_once():  # the HTML and PDF passes find the same problems
        if "html" in formats:
            settings = format_settings(config, "html")
            outputs["html"] = write_html(markdown, settings, profiles, work_dir, files_dir)
        if "pdf" in formats:
            settings = format_settings(config, "typst")
            outputs["pdf"] = write_pdf(markdown, settings, profiles, work_dir, files_dir)
    if not keep_intermediates(config):
        shutil.rmtree(files_dir, ignore_errors=True)
    return outputs


# ---------------------------------------------------------------------------------------
# The Quarto engine
# ---------------------------------------------------------------------------------------

_QUARTO_PROJECT_FILES = ("_quarto.yml", "_quarto.yaml", "_metadata.yml", "_brand.yml")


def _render_with_quarto(
    qmd: Path, profile: str, params: dict, work_dir: Path, formats: list[str], metadata: dict | None = None
) -> dict[str, Path]:
    """``quarto render`` with the cells running in ``work_dir``.

    Quarto runs a document's cells in the document's folder and resolves its images there,
    so the qmd and its project files (``_quarto*.yml``) are copied into ``work_dir`` for the
    render and removed afterwards. One ``quarto render --to html|typst`` per format;
    parameters go through ``--execute-params`` (a YAML file, so "2023-24" stays a string),
    the profile through ``--profile``, and ``QUARTO_PYTHON`` makes Quarto use this Python.
    """
    profiles = _as_names(profile)
    quarto_cache = work_dir / ".quarto"
    made_cache = not quarto_cache.exists()
    staged = _stage_for_quarto(qmd, work_dir)
    params_file = work_dir / ".report-params.yml"
    params_file.write_text(yaml.safe_dump(params, allow_unicode=True, sort_keys=True), encoding="utf-8")
    try:
        return {
            name: _run_quarto(
                _quarto_command(qmd.name, name, params_file.name, profiles, metadata),
                work_dir,
                qmd,
                name,
                profiles,
            )
            for name in formats
        }
    finally:
        for path in [*staged, params_file]:
            path.unlink(missing_ok=True)
        if made_cache:
            shutil.rmtree(quarto_cache, ignore_errors=True)


def _quarto_command(
    source: str, name: str, params_file: str, profiles: list[str], metadata: dict | None = None
) -> list[str]:
    command = ["quarto", "render", source, "--to", QUARTO_TARGET[name], "--execute-params", params_file]
    for key, value in (metadata or {}).items():
        command += ["-M", f"{key}:{value}"]
    if profiles:
        command += ["--profile", ",".join(profiles)]
    if name == "html":
        command += ["-M", "embed-resources:true"]  # one self-contained file, as the built-in engine
    return command


def _stage_for_quarto(qmd: Path, work_dir: Path) -> list[Path]:
    """Copy the qmd and its project files into ``work_dir``; return the copies made."""
    if qmd.parent == work_dir:
        return []
    sources = [
        qmd,
        *sorted(qmd.parent.glob("_quarto-*.yml")),
        *sorted(qmd.parent.glob("_quarto-*.yaml")),
        *(qmd.parent / name for name in _QUARTO_PROJECT_FILES),
    ]
    staged = []
    for source in sources:
        if source.is_file():
            shutil.copy2(source, work_dir / source.name)
            staged.append(work_dir / source.name)
    return staged


def _run_quarto(command: list[str], work_dir: Path, qmd: Path, name: str, profiles: list[str]) -> Path:
    env = dict(os.environ, QUARTO_PYTHON=sys.executable, PYTHONPATH=_prepend_path("PYTHONPATH", qmd.parent))
    log.info("Running: %s", " ".join(command))
    result = subprocess.run(command, cwd=work_dir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise EngineError(f"`{' '.join(command)}` failed:\n{result.stderr.strip()[-4000:]}")
    produced = _find_quarto_output(work_dir, qmd, name, profiles)
    target = work_dir / f"report.{'html' if name == 'html' else 'pdf'}"
    if produced != target:
        shutil.move(str(produced), target)
    return target


def _find_quarto_output(work_dir: Path, qmd: Path, name: str, profiles: list[str]) -> Path:
    """Quarto writes next to the document, or into the project's ``output-dir``."""
    filename = f"{qmd.stem}.{'html' if name == 'html' else 'pdf'}"
    project = load_config(qmd, profiles).get("project")
    output_dir = project.get("output-dir") if isinstance(project, dict) else None
    candidates = [work_dir / filename] + ([work_dir / output_dir / filename] if output_dir else [])
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise EngineError(
        f"Quarto finished but {filename} was not found in {work_dir}"
        + (f" or {work_dir / output_dir}" if output_dir else "")
        + "."
    )


# ---------------------------------------------------------------------------------------
# What a qmd uses beyond the built-in engine
# ---------------------------------------------------------------------------------------

_CODE_BLOCK = re.compile(r"^([ \t]*)(`{3,}|~{3,})(.*?)$\n(.*?)^\1\2[`~]*[ \t]*$", re.M | re.S)
_INLINE_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_DIV_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(\{[^}\n]*\}|[\w-]+)[ \t]*:*[ \t]*$", re.M)
_ATTRIBUTE_BLOCK = re.compile(r"[\])][ \t]*(\{[^}\n]*\})|^#{1,6}[^\n]*?(\{[^}\n]*\})[ \t]*$", re.M)
_ATTRIBUTE_TOKEN = re.compile(r"""([.#]?[\w:-]+)(?:=("[^"]*"|'[^']*'|[^\s}]+))?""")
_CROSSREF = re.compile(r"(?<![\w.@-])-?@([A-Za-z]+)-[\w:-]*\w")
_SHORTCODE = re.compile(r"\{\{<\s*([\w/-]+)")
_INLINE_LANGUAGE = re.compile(r"`\{([A-Za-z]+)\}[ \t]")
_LEVEL_ONE_HEADING = re.compile(r"^#[ \t]+\S", re.M)


def unsupported_features(qmd_text: str) -> list[str]:
    """What the qmd uses that the built-in engine does not support, one description each
    (e.g. "cell option `fig-width`", "div class `.panel-tabset`"); empty when all is covered."""
    front, body = split_front_matter(qmd_text)
    found = _unsupported_config(front)
    prose = _CODE_BLOCK.sub(lambda match: _check_code_block(match, found), body)
    prose = _INLINE_CODE_SPAN.sub(lambda match: _check_inline_code(match, found), prose)
    _check_divs(prose, found)
    _check_attributes(prose, found)
    for match in _CROSSREF.finditer(prose):
        if match.group(1).lower() not in SUPPORTED_FEATURES["crossref_prefixes"]:
            reference = match.group(0).lstrip("-")
            found.append(f"cross-reference `{reference}` (only @fig- and @tbl- are numbered)")
    for match in _SHORTCODE.finditer(prose):
        if match.group(1) not in SUPPORTED_FEATURES["shortcodes"]:
            found.append(f"shortcode `{{{{< {match.group(1)} >}}}}`")
    if _LEVEL_ONE_HEADING.search(prose):
        found.append("level-1 heading `# ...` (the title is the only level-1 heading: use `##`)")
    return list(dict.fromkeys(found))


def _unsupported_config(config: dict) -> list[str]:
    found = [f"front-matter key `{key}`" for key in config if key not in SUPPORTED_FEATURES["front_matter"]]
    execute = config.get("execute")
    if isinstance(execute, dict):
        found += [
            f"execute option `{key}`" for key in execute if key not in SUPPORTED_FEATURES["execute_options"]
        ]
    formats = config.get("format")
    if isinstance(formats, str):
        formats = {formats: {}}
    if isinstance(formats, dict):
        for name, options in formats.items():
            if name not in SUPPORTED_FEATURES["formats"]:
                found.append(f"format `{name}` (the built-in engine writes html and typst)")
            elif isinstance(options, dict):
                found += [
                    f"format option `{name}: {key}`"
                    for key in options
                    if key not in SUPPORTED_FEATURES["format_options"]
                ]
    return found


def _check_code_block(match: re.Match, found: list[str]) -> str:
    info, content = match.group(3).strip(), match.group(4)
    executable = re.match(r"^\{([A-Za-z][\w+-]*)", info)
    if executable:
        language = executable.group(1).lower()
        if language not in SUPPORTED_FEATURES["languages"]:
            found.append(f"`{{{executable.group(1)}}}` code cells (Python only)")
            return ""
        options, _ = _safe_cell_options(content)
        for key, value in options.items():
            if key not in SUPPORTED_FEATURES["cell_options"]:
                found.append(f"cell option `{key}`")
            elif key == "output" and not _valid_output(value):
                found.append(f"cell option `output: {value}`")
            elif key == "echo" and not isinstance(value, bool):
                found.append(f"cell option `echo: {value}`")
    elif info.startswith("{"):
        _check_attribute_text(info, found)
    return ""


def _valid_output(value: Any) -> bool:
    return isinstance(value, bool) or value in SUPPORTED_FEATURES["output_values"]


def _safe_cell_options(content: str) -> tuple[dict, str]:
    try:
        return split_cell_options(content)
    except EngineError:
        return {"(unreadable #| options)": None}, content


def _check_inline_code(match: re.Match, found: list[str]) -> str:
    language = _INLINE_LANGUAGE.match(match.group(0))
    if language and language.group(1).lower() not in SUPPORTED_FEATURES["languages"]:
        found.append(f"inline `{{{language.group(1)}}}` expressions (Python only)")
    return " "


def _check_divs(prose: str, found: list[str]) -> None:
    for match in _DIV_FENCE.finditer(prose):
        spec = match.group(1)
        if spec.startswith("{"):
            _check_attribute_text(spec, found, div=True)
        else:
            _check_class(spec, found, div=True)


def _check_attributes(prose: str, found: list[str]) -> None:
    for match in _ATTRIBUTE_BLOCK.finditer(prose):
        _check_attribute_text(match.group(1) or match.group(2), found)


def _check_attribute_text(text: str, found: list[str], div: bool = False) -> None:
    for token, value in _ATTRIBUTE_TOKEN.findall(text.strip("{}")):
        if token.startswith("."):
            _check_class(token[1:], found, div)
        elif token.startswith("#") or not value:
            continue
        elif token not in SUPPORTED_FEATURES["attributes"]:
            found.append(f"attribute `{token}`")
        elif token in {"when-format", "unless-format"}:
            fmt = value.strip("\"'")
            if fmt not in SUPPORTED_FEATURES["when_formats"]:
                found.append(f'{token}="{fmt}" (Quarto matches "pdf" to LaTeX only; use "typst")')


def _check_class(name: str, found: list[str], div: bool = False) -> None:
    known = SUPPORTED_FEATURES["div_classes"] | SUPPORTED_FEATURES["other_classes"]
    if name not in known:
        found.append(f"{'div ' if div else ''}class `.{name}`")
