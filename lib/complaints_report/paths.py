"""The one place that anchors the project's paths.

Everything else asks this module where the bundled data, narrative content, notebooks
and report source live, so moving a folder means changing one line.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]

DATA_DIR = PROJECT_ROOT / "data"  # bundled synthetic example exports
CONTENT_DIR = PROJECT_ROOT / "content"  # bundled narrative, one folder per year/service
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORT_QMD = PROJECT_ROOT / "report.qmd"
QUARTO_PROJECT = PROJECT_ROOT / "_quarto.yml"
OUTPUT_DIR = PROJECT_ROOT / "_output"
RESOURCES_DIR = PACKAGE_DIR / "resources"  # Lua filter, Typst template, CSS, default mapping

SERVICES = ("asc", "childrens")


def notebook_for(service: str) -> Path:
    """The analysis notebook of one service."""
    return NOTEBOOKS_DIR / f"{service}.ipynb"


def service_output_dir(out_dir: Path, year_label: str, service: str) -> Path:
    """``<out>/<year>/<service>/`` as the contract (section 4) lays it out."""
    return Path(out_dir) / year_label / service
