"""What a build was made from: input file hashes, year, service, engine, versions, git commit.

Written as ``manifest.json`` beside each report so a published figure can be traced back to
the exact exports and code that produced it. It holds no clock time, so the same inputs give
the same manifest.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from complaints_report import paths

PACKAGES = (
    "complaints-report",
    "pandas",
    "numpy",
    "matplotlib",
    "seaborn",
    "holidays",
    "papermill",
    "jupytext",
    "nbconvert",
    "pypandoc-binary",
    "typst",
    "openpyxl",
)


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


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
    found = {"python": platform.python_version()}
    for package in PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "not installed"
    return found


def manifest(
    *,
    year: str,
    service: str,
    engine: str,
    formats: list[str],
    input_files: list[Path],
    content_files: list[Path],
    options: dict | None = None,
) -> dict:
    return {
        "year": year,
        "service": service,
        "engine": engine,
        "formats": formats,
        "options": options or {},
        "inputs": [{"file": Path(f).name, "sha256": file_hash(f)} for f in sorted(input_files)],
        "narrative": [{"file": Path(f).name, "sha256": file_hash(f)} for f in sorted(content_files)],
        "versions": versions(),
        "git_commit": git_commit(),
    }
