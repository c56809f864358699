"""What a build was made from: input file hashes, year, service, engine, versions, git commit.

Written as ``manifest.json`` beside each report so a published figure can be traced back to
the exact exports and code that produced it. It also records the build's two stages (the
notebook's analysis and the render), the key each was built for and whether this build ran it
or reused the previous build's result (``cache.py``), and the hash of every published file.
It holds no clock time and no path of the machine, so the same inputs give the same manifest.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from complaints_report import paths
from complaints_report.cache import file_digest

PACKAGES = (
    "complaints-report",
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "holidays",
    "papermill",
    "nbconvert",
    "pypandoc-binary",
    "typst",
    "openpyxl",
)
MANIFEST_FILE = "manifest.json"


def file_hash(path: Path) -> str:
    return file_digest(path)


def git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=paths.PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=paths.PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        return result.stdout.strip() + ("-modified" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"


def versions() -> dict[str, str]:
    import platform

    from complaints_report.cache import versions as installed

    return {"python": platform.python_version(), **installed(PACKAGES)}


def published_hashes(folder: Path) -> dict[str, str]:
    """Every file of a published folder (the manifest aside): relative path -> sha256."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): file_hash(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST_FILE
    }


def manifest(
    *,
    year: str,
    service: str,
    engine: str,
    formats: list[str],
    input_files: list[Path],
    content_files: list[Path],
    options: dict | None = None,
    stages: dict | None = None,
    files: dict | None = None,
) -> dict:
    return {
        "year": year,
        "service": service,
        "engine": engine,
        "formats": formats,
        "options": options or {},
        "inputs": [{"file": Path(f).name, "sha256": file_hash(f)} for f in sorted(input_files)],
        "narrative": [
            {"file": Path(f).name, "sha256": file_hash(f)} for f in sorted(content_files) if Path(f).is_file()
        ],
        "build": stages or {},
        "files": files or {},
        "versions": versions(),
        "git_commit": git_commit(),
    }
