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
NOTEBOOK_RUNS_DIR = OUTPUT_DIR / "notebook-runs"  # where a notebook run by hand (or by nbval) writes
RESOURCES_DIR = PACKAGE_DIR / "resources"  # Lua filter, Typst template, CSS, default mapping

SERVICES = ("asc", "childrens")


def notebook_for(service: str) -> Path:
    """The analysis notebook of one service."""
    return NOTEBOOKS_DIR / f"{service}.ipynb"


def notebook_run_dir(year_label: str, service: str) -> Path:
    """The results folder of a notebook run outside a build (JupyterLab, nbval, refresh-notebooks)."""
    return NOTEBOOK_RUNS_DIR / year_label / service


def quarto_profile(service: str) -> Path:
    """The service's Quarto profile file, ``_quarto-<service>.yml``."""
    return PROJECT_ROOT / f"_quarto-{service}.yml"


def service_output_dir(out_dir: Path, year_label: str, service: str) -> Path:
    """``<out>/<year>/<service>/``: the folder to publish, as the contract (section 4) lays it out."""
    return Path(out_dir) / year_label / service


def internal_output_dir(out_dir: Path, year_label: str, service: str) -> Path:
    """``<out>/<year>/<service>-internal/``: kept by the council, never published (case-level detail,
    the notebook's results that a later build reuses)."""
    return Path(out_dir) / year_label / f"{service}-internal"
