"""The analysis notebooks: Papermill runs them for any year, nbval guards their stored figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

from complaints_report import fragments, paths
from complaints_report.notebook_refresh import clean

pytestmark = pytest.mark.slow


def test_clean_drops_timings_but_keeps_outputs():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    notebook.metadata["papermill"] = {"start_time": "2026-11-22T17:00:00"}
    notebook.cells[0].metadata["execution"] = {"iopub.status.busy": "2026-11-22T17:00:01"}
    notebook.cells[0].outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    ]
    cleaned = clean(notebook)
    assert "papermill" not in cleaned.metadata
    assert "execution" not in cleaned.cells[0].metadata
    assert cleaned.cells[0].outputs[0]["data"]["text/plain"] == "2"


@pytest.mark.parametrize("service", paths.SERVICES)
def test_each_notebook_has_a_parameters_cell_of_small_values_and_stored_outputs(service):
    notebook = nbformat.read(str(paths.notebook_for(service)), as_version=4)
    tagged = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    names = [
        line.split("=")[0].strip()
        for line in tagged[0].source.splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    ]
    assert names == ["year", "service", "data_dir", "checked_inputs", "out_dir", "suppress_below", "team"]
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), (
        "nbval needs outputs"
    )


@pytest.mark.parametrize(("service", "year"), [("asc", "2019-20"), ("childrens", "2020-21")])
def test_papermill_runs_a_notebook_for_another_year(tmp_path, service, year):
    out = tmp_path / "out"
    papermill.execute_notebook(
        str(paths.notebook_for(service)),
        str(tmp_path / "run.ipynb"),
        parameters={"year": year, "service": service, "data_dir": str(paths.DATA_DIR), "out_dir": str(out)},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(paths.NOTEBOOKS_DIR),
    )
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["year"] == year and metrics["service"] == service
    index = json.loads((out / "artefacts.json").read_text(encoding="utf-8"))
    for chart in index["charts"]:
        assert (out / chart["image"]).is_file() and (out / chart["data"]).is_file()
        assert chart["alt"] and any(ch.isdigit() for ch in chart["alt"])
    assert (out / "rows.csv").is_file() and not (out / "data" / "rows.csv").exists()
    # everything the report shows is written for report.qmd to include
    assert sorted(p.stem for p in (out / "_fragments").glob("*.md")) == sorted(fragments.names())
    assert (out / "values.yml").is_file() and (out / "regulations.json").is_file()


def test_nbval_fails_when_a_published_number_moves(tmp_path):
    """Change one stored figure in a copy of the ASC notebook: nbval must notice."""
    notebook = json.loads(paths.notebook_for("asc").read_text(encoding="utf-8"))
    changed = False
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = "".join(output.get("data", {}).get("text/markdown", []))
            if "Complaints received" in text and "85" in text:
                output["data"]["text/markdown"] = text.replace("| 85 ", "| 86 ", 1)
                changed = True
    assert changed, "the headline table with 85 complaints was not found in the stored outputs"
    copy = tmp_path / "asc.ipynb"
    copy.write_text(json.dumps(notebook), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "-p",
            "no:cacheprovider",
            "-q",
            "--rootdir",
            str(tmp_path),
            str(copy),
        ],
        capture_output=True,
        text=True,
        cwd=Path(paths.NOTEBOOKS_DIR),
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "86" in result.stdout and "85" in result.stdout
