"""Building: services chosen, outputs published atomically, the same inputs give the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from complaints_report import build as build_module
from complaints_report import paths
from complaints_report.build import BuildError, BuildRequest, build
from complaints_report.problems import InputError
from complaints_report.years import ReportingYear

pytestmark = pytest.mark.slow


def previous_outputs(out: Path) -> dict[str, bytes]:
    """A folder of earlier outputs whose every byte the failed build must leave alone."""
    (out / "2020-21" / "asc").mkdir(parents=True)
    (out / "2020-21" / "asc" / "report.html").write_text("last year's published report", encoding="utf-8")
    (out / "notes.txt").write_text("analyst's notes", encoding="utf-8")
    return snapshot(out)


@pytest.fixture
def checks_only(monkeypatch):
    """A build that checks inputs, narrative and personal data, but runs, renders and writes nothing."""
    monkeypatch.setattr(build_module, "run_notebook", lambda *a: None)
    monkeypatch.setattr(build_module, "render", lambda *a: None)
    monkeypatch.setattr(build_module, "publish", lambda *a: None)
    monkeypatch.setattr(build_module.artefacts, "write_json", lambda *a: None)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_with_bad_input_leaves_the_previous_outputs_exactly_as_they_were(tmp_path):
    out = tmp_path / "out"
    before = previous_outputs(out)
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    (data / "complaints_asc.csv").write_text("reference,service\nX,asc\n", encoding="utf-8")
    with pytest.raises(InputError):
        build(BuildRequest(year=ReportingYear.parse("2020-21"), data_dir=data, out_dir=out, engine="builtin"))
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-building-")]


@pytest.mark.parametrize("failure", [RuntimeError("renderer crashed"), KeyboardInterrupt()])
def test_a_build_that_fails_or_is_interrupted_mid_way_changes_nothing(tmp_path, monkeypatch, failure):
    out = tmp_path / "out"
    before = previous_outputs(out)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(build_module, "render", fail)
    with pytest.raises(type(failure)):
        build(
            BuildRequest(year=ReportingYear.parse("2020-21"), services=["asc"], out_dir=out, engine="builtin")
        )
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out-building-")], (
        "staging folder left behind"
    )


def test_a_year_without_complaints_is_refused_with_the_services_that_have_them(tmp_path):
    with pytest.raises(BuildError, match="No asc complaints were received in 2021/22.*childrens"):
        build(
            BuildRequest(
                year=ReportingYear.parse("2021-22"), services=["asc"], out_dir=tmp_path, engine="builtin"
            )
        )


def test_the_default_services_are_those_with_complaints_that_year(tmp_path, monkeypatch, checks_only):
    built = []
    monkeypatch.setattr(build_module, "run_notebook", lambda service, *a: built.append(service))
    build(BuildRequest(year=ReportingYear.parse("2021-22"), out_dir=tmp_path / "out", engine="builtin"))
    assert built == ["childrens"]


def test_missing_narrative_is_a_warning_and_strict_makes_it_an_error(tmp_path, checks_only):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    (content / "2020-21" / "asc" / "learning.md").unlink()
    request = BuildRequest(
        year=ReportingYear.parse("2020-21"),
        services=["asc"],
        content_dir=content,
        out_dir=tmp_path / "out",
        engine="builtin",
    )
    results = build(request)
    assert any("Learning from complaints" in w for w in results[0].warnings)
    request.strict = True
    with pytest.raises(BuildError, match="Learning from complaints"):
        build(request)


def test_the_same_inputs_give_byte_identical_outputs(tmp_path, example_reports):
    again = build(
        BuildRequest(
            year=ReportingYear.parse("2020-21"), services=["asc"], out_dir=tmp_path, engine="builtin"
        )
    )[0].folder
    first = snapshot(example_reports["asc"])
    second = snapshot(again)
    # the executed notebook records the folder it was published in; the two builds used two
    first["asc.ipynb"] = first["asc.ipynb"].replace(str(example_reports["asc"].resolve()).encode(), b"OUT")
    second["asc.ipynb"] = second["asc.ipynb"].replace(str(again.resolve()).encode(), b"OUT")
    assert b"building" not in second["asc.ipynb"], "the build's temporary folder leaked into the notebook"
    compared = [name for name in first if name.endswith((".json", ".csv", ".html", ".pdf", ".png", ".ipynb"))]
    assert {"metrics.json", "report.html", "report.pdf", "manifest.json", "asc.ipynb"} <= set(compared)
    different = [name for name in compared if first[name] != second.get(name)]
    assert different == []


def test_ctrl_c_during_a_real_build_leaves_the_outputs_and_no_staging_folder(tmp_path):
    """Press Ctrl-C (SIGINT) while the notebook runs: the previous outputs stay exactly as they were."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    before = previous_outputs(out)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "complaints_report",
            "build",
            "--year",
            "2020-21",
            "--service",
            "asc",
            "--engine",
            "builtin",
            "--format",
            "html",
            "--out",
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(tmp_path.glob(".out-building-*/2020-21/asc/charts")):
        time.sleep(0.05)
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "Interrupted: nothing in the output folder was changed." in stderr
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".out-building-*"))


def test_personal_data_in_the_narrative_is_a_warning_and_strict_refuses_it(tmp_path, checks_only):
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    learning = content / "2020-21" / "asc" / "learning.md"
    learning.write_text(
        learning.read_text(encoding="utf-8") + "\nThanks to jo.bloggs@example.com.\n", encoding="utf-8"
    )
    request = BuildRequest(
        year=ReportingYear.parse("2020-21"),
        services=["asc"],
        content_dir=content,
        out_dir=tmp_path / "out",
        engine="builtin",
    )
    assert any("jo.bloggs@example.com" in w for w in build(request)[0].warnings)
    request.strict = True
    with pytest.raises(BuildError, match="email address"):
        build(request)


def test_the_bundled_example_has_no_personal_data_warnings(tmp_path, checks_only):
    for service, year in (("asc", "2020-21"), ("childrens", "2021-22")):
        request = BuildRequest(
            year=ReportingYear.parse(year),
            services=[service],
            out_dir=tmp_path / "out",
            engine="builtin",
            strict=True,
        )
        assert build(request)[0].warnings == []


def test_a_misspelt_figure_in_the_narrative_stops_the_build_before_anything_runs(tmp_path, checks_only):
    from complaints_report.content import ContentError

    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    volume = content / "2020-21" / "asc" / "volume.md"
    volume.write_text("We received {{ complaints_recieved }} complaints.\n", encoding="utf-8")
    request = BuildRequest(
        year=ReportingYear.parse("2020-21"),
        services=["asc"],
        content_dir=content,
        out_dir=tmp_path / "out",
        engine="builtin",
    )
    with pytest.raises(ContentError, match="complaints_recieved"):
        build(request)
