"""The report's own sentences follow the written style (docs/style.md), in the two example reports
and in reports built through the command line from small exports at the edges: zeros, ties, a
single case, a sparse year and another council's data (tests/report_variants.py).

Each rule of complaints_report.prose_style is a test for each report. The sentence code
(sentences.py, the chart titles in charts.py, the back matter in resources/ and report.qmd's own
sentences) keeps every rule in every report; a narrative slip is fixed in the narrative. The
reports: the two Westminster examples, both of Northfield's (examples/northfield) and the variants.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_variants import VARIANTS, write_variant
from typer.testing import CliRunner

from complaints_report import paths, prose_style
from complaints_report.cli import app

pytestmark = pytest.mark.slow

# Northfield, the second example council (examples/northfield): its exports and its own narrative.
NORTHFIELD = {"northfield_asc": "asc", "northfield_childrens": "childrens"}
REPORTS = ["asc", "childrens", *NORTHFIELD, *VARIANTS]


@pytest.fixture(scope="module")
def report_html(example_reports, tmp_path_factory):
    """report name -> the text of its report.html; a variant is built through the CLI on first use."""
    built: dict[str, str] = {}

    def html(name: str) -> str:
        if name not in built:
            if name in example_reports:
                folder = example_reports[name]
            elif name in NORTHFIELD:
                folder = _build_northfield(NORTHFIELD[name], tmp_path_factory.mktemp(f"style-{name}"))
            else:
                folder = _build_variant(name, tmp_path_factory.mktemp(f"style-{name}"))
            built[name] = (folder / "report.html").read_text(encoding="utf-8")
        return built[name]

    return html


def _build_northfield(service: str, folder: Path) -> Path:
    northfield = paths.PROJECT_ROOT / "examples" / "northfield"
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        ["build", "--year", "2022-23", "--service", service, "--data", str(northfield / "data")]
        + [
            "--content",
            str(northfield / "content"),
            "--out",
            str(out),
            "--format",
            "html",
            "--engine",
            "builtin",
        ],
    )
    assert result.exit_code == 0, result.output
    return out / "2022-23" / service


def _build_variant(name: str, folder: Path) -> Path:
    service, year = VARIANTS[name]
    data, content = write_variant(name, folder)
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        ["build", "--year", year, "--service", service, "--data", str(data), "--content", str(content)]
        + ["--out", str(out), "--format", "html", "--engine", "builtin"],
    )
    assert result.exit_code == 0, result.output
    return out / year / service


@pytest.mark.parametrize(
    ("report", "rule"),
    [pytest.param(report, rule, id=f"{report}-{rule}") for report in REPORTS for rule in prose_style.RULES],
)
def test_report_sentences_follow_the_style(report_html, report, rule):
    found = [finding for finding in prose_style.check_html(report_html(report)) if finding.rule == rule]
    assert not found, f"{report}: {prose_style.RULES[rule]}\n" + "\n".join(f"  - {f}" for f in found)
