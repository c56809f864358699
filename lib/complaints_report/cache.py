"""Rebuild only what changed, as Quarto's ``freeze`` reuses a document's computations.

A build has two stages for each service, each with a key: a hash of everything its result
depends on.

- **analysis** (the notebook): the export files and ``mapping.yaml`` (their bytes), the
  parameters (year, service, ``--suppress-below``, the team's name in running text), the
  notebook, the library's source (every file of the ``complaints_report`` package) and the
  versions of the packages the analysis uses.
- **render** (report.qmd to HTML and PDF): the analysis key, the narrative folder of the year
  and service (every file's bytes), report.qmd and ``_quarto*.yml``, the formats, the engine
  (with Quarto's version) and ``SOURCE_DATE_EPOCH``.

The previous build's own output is the cache: its ``manifest.json`` (published) records both
keys, its internal folder holds the notebook's results. A stage whose key is unchanged and
whose files are all there is reused; a narrative change re-renders only; when nothing changed
nothing is rebuilt. ``--force`` runs everything. Computing the keys reads files and hashes
them, and imports none of the analysis libraries, so an up-to-date build is quick.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

from complaints_report import paths
from complaints_report.vocabulary import KINDS, MAPPING_FILE

DATA_SUFFIXES = (".csv", ".xlsx")  # as loading.find_files reads them
ANALYSIS_PACKAGES = (
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "holidays",
    "openpyxl",
    "papermill",
    "ipykernel",
)
RENDER_PACKAGES = ("pypandoc-binary", "typst")
_CHUNK = 1 << 20


def file_digest(path: Path) -> str:
    """The sha256 of a file; a file unchanged since this process hashed it is not read again (a
    build hashes each export for each service's keys and manifest)."""
    stat = os.stat(path)
    return _digest(os.path.realpath(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)


@functools.lru_cache(maxsize=4096)
def _digest(path: str, size: int, modified: int, inode: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def digest(value) -> str:
    """A hash of a JSON-able value (keys sorted)."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def input_files(data_dir: Path) -> list[Path]:
    """The export files of every kind the loader reads (``loading.find_files``) and ``mapping.yaml``."""
    folder = Path(data_dir)
    if not folder.is_dir():
        return []
    files = [
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in DATA_SUFFIXES
        and any(path.name.lower().startswith(kind) for kind in KINDS)
    ]
    mapping = folder / MAPPING_FILE
    return sorted(files) + ([mapping] if mapping.is_file() else [])


def folder_files(folder: Path) -> dict[str, str]:
    """Every file under ``folder``: relative path -> sha256 (caches of Python left out)."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            found[path.relative_to(folder).as_posix()] = file_digest(path)
    return found


@functools.cache
def library_digest() -> str:
    """A hash of the package's source: its modules and resources (the Lua filter, templates)."""
    return digest(folder_files(paths.PACKAGE_DIR))


@functools.cache
def _version(package: str) -> str:
    """An installed distribution's version, looked up by name (reading every installed
    distribution's metadata would take a third of a second)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions(packages: tuple[str, ...]) -> dict[str, str]:
    return {package: _version(package) for package in packages}


def analysis_key(data_dir: Path, parameters: dict, service: str) -> str:
    inputs = {path.name: file_digest(path) for path in input_files(data_dir)}
    return digest(
        {
            "inputs": inputs,
            "parameters": parameters,
            "notebook": file_digest(paths.notebook_for(service)),
            "library": library_digest(),
            "versions": versions(ANALYSIS_PACKAGES),
        }
    )


def render_key(
    analysis: str, content_dir: Path, year_label: str, service: str, formats: list[str], engine: str
) -> str:
    project = {
        path.name: file_digest(path)
        for path in [paths.REPORT_QMD, *sorted(paths.PROJECT_ROOT.glob("_quarto*.yml"))]
        if path.is_file()
    }
    return digest(
        {
            "analysis": analysis,
            "narrative": folder_files(Path(content_dir) / year_label / service),
            "project": project,
            "formats": sorted(formats),
            "engine": engine,
            "source_date_epoch": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "versions": versions(RENDER_PACKAGES),
        }
    )


def previous_manifest(published: Path) -> dict | None:
    """The manifest of the build that made ``published``, or None."""
    try:
        manifest = json.loads((Path(published) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def stage_key(manifest: dict | None, stage: str) -> str | None:
    try:
        return manifest["build"][stage]["key"]
    except (KeyError, TypeError):
        return None


def files_intact(folder: Path, recorded: dict) -> bool:
    """Every file the manifest lists is there with the bytes it had."""
    try:
        return bool(recorded) and all(
            file_digest(Path(folder) / name) == sha for name, sha in recorded.items()
        )
    except OSError:
        return False
