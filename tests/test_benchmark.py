"""The benchmark runs, and its synthetic archive is valid input. Nothing here asserts on time."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from datetime import date

import pytest

from complaints_report import paths
from complaints_report.loading import check_inputs

BENCHMARKS = paths.PROJECT_ROOT / "benchmarks"


def load_archive_module():
    spec = importlib.util.spec_from_file_location("benchmark_archive", BENCHMARKS / "archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench(*arguments: str, workdir) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / "bench.py"), *arguments, "--workdir", str(workdir)],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_synthetic_archive_is_clean_input_for_every_kind_and_ten_years(tmp_path):
    archive = load_archive_module()
    summary = archive.write_archive(tmp_path / "a", rows=4000, seed=7, today=date(2026, 12, 1))
    inputs, problems = check_inputs(tmp_path / "a")
    assert problems == []
    assert (summary["first_year"], summary["last_year"]) == ("2016-17", "2025-26")
    assert {kind: len(inputs.frame(kind)) for kind in summary["rows"]} == summary["rows"]
    complaints = inputs.complaints
    assert set(complaints["service"]) == {"asc", "childrens"}
    assert set(complaints["stage"]) == {1, 2, 3}
    assert set(complaints["procedure"].dropna()) == {"statutory", "corporate"}
    assert (complaints["status"] == "rejected").any() and complaints["complainant"].duplicated().any()
    assert complaints["received"].dt.year.nunique() == 11  # ten reporting years span eleven calendar years
    assert set(inputs.ombudsman["finding"].dropna()) == {
        "fault_found",
        "no_fault",
        "closed_after_initial_enquiries",
    }
    assert (inputs.compliments["publish"] == True).any()  # noqa: E712 - a boolean column


def test_the_same_seed_writes_the_same_bytes(tmp_path):
    archive = load_archive_module()
    for folder in ("a", "b"):
        archive.write_archive(tmp_path / folder, rows=1000, seed=3, today=date(2026, 12, 1))
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 4 * archive.COUNCILS
    assert all((tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes() for name in files)


def test_the_benchmark_prints_the_floor_and_a_row_for_a_tiny_archive(tmp_path):
    result = bench("--rows", "2000", "--repeat", "1", "--only", "validate-archive", workdir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'floor: python -c "import pandas, matplotlib.pyplot, seaborn, papermill" = ' in result.stdout
    row = next(
        line for line in result.stdout.splitlines() if line.startswith("| `validate` of a 2,000-row archive")
    )
    assert row.endswith("| <= 3x, <= 2 GiB | met |") or row.endswith("| <= 3x, <= 2 GiB | not met |")
    assert not list(tmp_path.glob("bench-*")), "the working folder is removed unless --keep is given"


def test_the_benchmark_refuses_an_unknown_row(tmp_path):
    result = bench("--only", "everything", workdir=tmp_path)
    assert result.returncode == 2
    assert "unknown rows: everything" in result.stderr


@pytest.mark.slow
def test_a_report_builds_from_the_synthetic_archive_through_the_benchmark(tmp_path):
    result = bench("--rows", "3000", "--repeat", "1", "--only", "archive-report", "--keep", workdir=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    row = next(
        line for line in result.stdout.splitlines() if line.startswith("| one report from that archive")
    )
    assert "failed" not in row and "| – |" not in row.split("MiB")[0]
    built = list(tmp_path.glob("bench-*/out-archive-1/*/asc"))
    assert len(built) == 1 and (built[0] / "report.html").is_file() and (built[0] / "report.pdf").is_file()
