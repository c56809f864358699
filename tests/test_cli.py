"""The command line as an analyst uses it: exit codes, messages, and what it leaves on disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from complaints_report import paths
from complaints_report.cli import app
from complaints_report.rendering import quarto_available

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def broken_exports(tmp_path) -> Path:
    """A copy of the example data with three faults in three files."""
    data = tmp_path / "broken"
    shutil.copytree(paths.DATA_DIR, data)
    complaints = data / "complaints_asc.csv"
    lines = complaints.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("received")] = "31/02/2021"
    lines[1] = ",".join(row)
    complaints.write_text("\n".join(lines) + "\n", encoding="utf-8")
    enquiries = data / "enquiries.csv"
    text = enquiries.read_text(encoding="utf-8").splitlines()
    cells = text[1].split(",")
    cells[1] = "Housing"
    text[1] = ",".join(cells)
    enquiries.write_text("\n".join(text) + "\n", encoding="utf-8")
    (data / "history.csv").write_text(
        "service,year,measure\nasc,2018-19,complaints_received\n", encoding="utf-8"
    )
    return data


def test_validate_says_the_example_data_is_clean():
    result = run("validate", "--data", str(paths.DATA_DIR), "--year", "2020-21")
    assert result.exit_code == 0, result.output
    assert "No problems found" in result.output
    assert "asc" in result.output


def test_validate_lists_every_fault_with_file_row_column_and_value(broken_exports):
    result = run("validate", "--data", str(broken_exports))
    assert result.exit_code == 1
    output = result.output
    assert "3 problems found" in output
    assert "complaints_asc.csv, row 2" in output and "column 'received', value '31/02/2021'" in output
    assert "enquiries.csv, row 2" in output and "column 'service', value 'Housing'" in output
    assert "history.csv" in output and "column 'value'" in output
    assert "Traceback" not in output


def test_a_year_not_written_yyyy_yy_is_a_usage_error():
    result = run("build", "--year", "2020")
    assert result.exit_code == 2
    assert "YYYY-YY" in result.output


def test_an_unknown_service_is_a_usage_error():
    assert run("build", "--year", "2020-21", "--service", "housing").exit_code == 2


@pytest.mark.skipif(quarto_available(), reason="Quarto is installed here, so --engine quarto works")
def test_asking_for_quarto_without_it_is_a_clear_error_not_a_fallback(tmp_path):
    result = run("build", "--year", "2020-21", "--engine", "quarto", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "quarto" in result.output.lower() and "--engine builtin" in result.output
    assert not (tmp_path / "out").exists()


def test_bad_input_stops_the_build_with_exit_1_and_touches_nothing(broken_exports, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("previous output", encoding="utf-8")
    result = run(
        "build", "--year", "2020-21", "--data", str(broken_exports), "--out", str(out), "--engine", "builtin"
    )
    assert result.exit_code == 1
    assert "31/02/2021" in result.output
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_new_year_copies_forward_and_never_overwrites(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    mine = content / "2021-22" / "asc"
    mine.mkdir(parents=True)
    (mine / "learning.md").write_text("Already written by the analyst.", encoding="utf-8")
    result = run("new-year", "2021-22", "--content", str(content))
    assert result.exit_code == 0, result.output
    assert (mine / "learning.md").read_text(encoding="utf-8") == "Already written by the analyst."
    assert (mine / "process.md").read_text(encoding="utf-8") == (
        content / "2020-21" / "asc" / "process.md"
    ).read_text(encoding="utf-8")
    assert "TEMPLATE" in (mine / "volume.md").read_text(encoding="utf-8")
    second = run("new-year", "2021-22", "--content", str(content))
    assert second.exit_code == 0 and "kept (already exists)" in second.output


def test_new_year_carries_the_examples_open_actions_forward(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    result = run("new-year", "2021-22", "--content", str(content))
    assert result.exit_code == 0, result.output
    carried = (content / "2021-22" / "asc" / "actions.csv").read_text(encoding="utf-8-sig")
    # the four priorities of 2020/21 are planned or in progress; the four learning actions are done
    assert len(carried.splitlines()) == 1 + 4
    assert "4 open actions carried forward from" in result.output


def test_new_year_with_a_broken_actions_file_says_where_and_stops(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    actions = content / "2020-21" / "asc" / "actions.csv"
    actions.write_text(actions.read_text(encoding="utf-8-sig").replace(",done,", ",finished-ish,", 1))
    result = run("new-year", "2021-22", "--content", str(content))
    assert result.exit_code == 1
    assert "actions.csv, row 2, column 'status', value 'finished-ish'" in result.output
    assert "Traceback" not in result.output
    assert not (content / "2021-22" / "asc" / "actions.csv").exists()


def test_the_package_runs_as_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "complaints_report", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "build" in result.stdout and "validate" in result.stdout and "new-year" in result.stdout


@pytest.mark.slow
def test_a_build_with_nothing_changed_says_so_and_force_rebuilds(built_copy):
    args = ["build", "--year", "2020-21", "--service", "asc", "--engine", "builtin", "--out", str(built_copy)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert "Up to date asc 2020/21: nothing changed since the last build" in " ".join(result.output.split())
    forced = run(*args, "--force", "--format", "html")
    assert forced.exit_code == 0, forced.output
    assert "Built asc 2020/21" in forced.output and "Up to date" not in forced.output


def test_build_help_names_force():
    result = run("build", "--help")
    assert "--force" in result.output
