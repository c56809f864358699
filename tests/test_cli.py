"""The command line as an analyst uses it: exit codes, messages, and what it leaves on disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from complaints_report import content, paths
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


# --------------------------------------------------------------------------- a council of its own (issue 12)


def test_init_starts_a_councils_narrative_with_its_name_and_empty_contact_details(tmp_path):
    folder = tmp_path / "northfield" / "content"

    result = run(
        "init", "--council", "Northfield Borough Council", "--content", str(folder), "--year", "2022-23"
    )

    assert result.exit_code == 0, result.output
    for service in ("asc", "childrens"):
        meta = yaml.safe_load((folder / "2022-23" / service / "meta.yml").read_text(encoding="utf-8"))
        assert meta["council"] == "Northfield Borough Council"
        assert meta["contact"] == {"email": None, "phone": None} and meta["team"] is None
    written = [p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()]
    # every section's template, meta.yml and an empty actions.csv, for each service
    assert len(written) == sum(len(content.SECTIONS[service]) + 2 for service in ("asc", "childrens"))
    assert not any("Westminster" in text or "westminster" in text for text in written)


def test_init_will_not_start_a_council_in_the_bundled_example_or_over_existing_narrative(tmp_path):
    bundled = run("init", "--council", "Northfield Borough Council", "--content", str(paths.CONTENT_DIR))
    assert bundled.exit_code == 1 and "bundled example" in bundled.output

    folder = tmp_path / "content"
    run("init", "--council", "Northfield Borough Council", "--content", str(folder), "--year", "2022-23")
    again = run(
        "init", "--council", "Northfield Borough Council", "--content", str(folder), "--year", "2023-24"
    )
    assert again.exit_code == 1 and "new-year 2023-24" in again.output


@pytest.mark.parametrize("inside", [".", "reports"])
def test_out_equal_to_or_inside_data_is_a_usage_error(tmp_path, inside):
    data = tmp_path / "exports"
    shutil.copytree(paths.DATA_DIR, data)
    out = data / inside

    result = run("build", "--year", "2020-21", "--data", str(data), "--out", str(out), "--engine", "builtin")

    assert result.exit_code == 2
    assert "--out" in result.output and "--data" in result.output
    assert sorted(p.name for p in data.iterdir()) == sorted(p.name for p in paths.DATA_DIR.iterdir())


def test_out_inside_content_is_a_usage_error(tmp_path):
    result = run("build", "--year", "2020-21", "--content", str(tmp_path), "--out", str(tmp_path / "out"))

    assert result.exit_code == 2 and "--content" in result.output


@pytest.mark.parametrize("year", ["1899-00", "2202-03"])
def test_an_implausible_year_is_a_usage_error_with_the_range(year):
    result = run("build", "--year", year)

    assert result.exit_code == 2
    assert "1990-91" in result.output


def test_validate_explain_lists_the_value_groups_in_the_analysts_words():
    result = run("validate", "--explain")

    assert result.exit_code == 0
    for group in ("service", "stage", "procedure", "outcome", "status", "yes/no", "finding"):
        assert f"\n{group}  (" in result.output, group
    assert "partly upheld  (also: partially upheld, part upheld)" in result.output
    assert "partly_upheld" not in result.output and "True" not in result.output


def test_validate_without_anything_to_check_is_a_usage_error():
    assert run("validate").exit_code == 2


def test_validate_content_names_a_meta_yml_mistake_by_file_line_and_key(tmp_path):
    folder = tmp_path / "content"
    run("init", "--council", "Northfield Borough Council", "--content", str(folder), "--year", "2022-23")
    meta = folder / "2022-23" / "asc" / "meta.yml"
    meta.write_text('council: Northfield Borough Council\ncontact: "x@y"\n', encoding="utf-8")
    (folder / "2022-23" / "asc" / "volumes.md").write_text("Text.", encoding="utf-8")

    result = run("validate", "--content", str(folder))

    assert result.exit_code == 1
    assert (
        "meta.yml, line 2, key 'contact', value 'x@y': should hold 'email:' and 'phone:' lines"
        in result.output
    )
    assert "volumes.md: is not a section of the Adult Social Care report" in result.output


def test_validate_content_notes_a_report_with_no_council_name(tmp_path):
    folder = tmp_path / "content"
    run("new-year", "2022-23", "--content", str(folder))

    result = run("validate", "--content", str(folder))

    assert result.exit_code == 0
    assert "the report names no council" in result.output


def test_validate_with_data_content_and_year_checks_every_figure_the_narrative_quotes(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(paths.PROJECT_ROOT / "examples" / "northfield" / "content", folder)
    (folder / "2022-23" / "asc" / "volume.md").write_text(
        "We accepted {{ complaints_acepted }}.", encoding="utf-8"
    )
    data = str(paths.PROJECT_ROOT / "examples" / "northfield" / "data")

    result = run("validate", "--data", data, "--content", str(folder), "--year", "2022-23")

    assert result.exit_code == 1
    assert "volume.md" in result.output and "complaints_acepted" in result.output


def test_a_meta_yml_mistake_stops_the_build_before_anything_runs(tmp_path):
    narrative = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, narrative)
    (narrative / "2020-21" / "asc" / "meta.yml").write_text(
        'council: Westminster City Council\ncontact: "x@y"\n'
    )
    out = tmp_path / "out"

    result = run(
        "build", "--year", "2020-21", "--service", "asc", "--content", str(narrative), "--out", str(out)
    )

    assert result.exit_code == 1
    assert "meta.yml, line 2, key 'contact', value 'x@y'" in result.output
    assert not out.exists()


def test_a_warning_raised_while_building_prints_as_one_plain_line_without_code_paths():
    """pandoc's and Typst's warnings reach the analyst as the build's own do, not as Python's
    'file.py:89: RenderWarning' with a line of source."""
    script = (
        "import sys, warnings\n"
        "from complaints_report import cli\n"
        "from complaints_report.rendering import RenderWarning\n"
        "@cli.app.command('warn')\n"
        "def warn():\n"
        "    warnings.warn(\"Report: [WARNING] Duplicate identifier 'quotes-team-1'\", RenderWarning)\n"
        "sys.argv = ['complaints-report', 'warn']\n"
        "cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "Warning: Report: [WARNING] Duplicate identifier 'quotes-team-1'"
