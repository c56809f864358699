"""Building: what is published, what is rebuilt, and that a failed build changes nothing.

Most tests work on a copy of the example builds' output (``built_copy``): a build into it
reuses their analysis, so it only renders, or, when nothing changed, does nothing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from complaints_report import build as build_module
from complaints_report import paths, publishing, workers
from complaints_report.build import BuildError, BuildRequest, build
from complaints_report.content import ContentError
from complaints_report.problems import InputError
from complaints_report.years import ReportingYear

pytestmark = pytest.mark.slow

ASC = ReportingYear.parse("2020-21")
# Waits for a build to reach a stage give up only after this long, so that a build that hangs fails
# the test instead of hanging it; no assertion depends on how long anything takes.
SAFETY_NET = 900
ASC_CHARTS = (
    "compliments",
    "member_enquiries",
    "nature",
    "ombudsman",
    "outcomes",
    "trend",  # the five-year trend replaces the seed's three-year volume graph
    "quarters",
    "comparators",
)
PUBLISHED_ASC = ["asc.ipynb", *(f"charts/{name}.svg" for name in ASC_CHARTS)]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(out: Path) -> list[str]:
    """Staging folders and lock files of builds into ``out``, beside it."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}-building-"))


def request(out: Path, **changes) -> BuildRequest:
    return BuildRequest(**{"year": ASC, "services": ["asc"], "out_dir": out, "engine": "builtin", **changes})


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR, content)
    return content


# --- what is published ------------------------------------------------------------------------


def test_the_published_folder_holds_exactly_what_may_be_published(example_reports):
    folder = example_reports["asc"]
    published = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    data = sorted(p for p in published if p.startswith("data/"))
    assert sorted(set(published) - set(data)) == sorted(
        [*PUBLISHED_ASC, "manifest.json", "metrics.json", "report.html", "report.pdf"]
    )
    assert data == sorted(
        f"data/{name}.csv"
        for name in (
            *ASC_CHARTS, "table_areas", "table_ombudsman", "table_compliment_quotes", "table_equality",
            # the actions tables, written when the report is rendered (narrative.py)
            "table_learning_agreed", "table_priority_agreed",
        )
    )  # fmt: skip


def test_case_level_detail_is_kept_beside_the_published_folder_never_in_it(example_reports):
    folder = example_reports["asc"]
    internal = paths.internal_output_dir(folder.parents[1], "2020-21", "asc")
    assert (internal / "rows.csv").is_file()
    assert (internal / "review.html").is_file() and not (folder / "review.html").exists()
    references = json.loads((internal / "privacy.json").read_text(encoding="utf-8"))["references"]
    assert len(references) > 100
    texts = {name: data.decode("utf-8", errors="replace") for name, data in snapshot(folder).items()}
    for reference in references:
        found = [name for name, text in texts.items() if f"{reference}," in text or f'"{reference}"' in text]
        assert found == [], f"case reference {reference} published in {found}"


def test_no_path_of_the_machine_in_any_published_file(example_reports):
    for folder in example_reports.values():
        for name, data in snapshot(folder).items():
            for path in (str(paths.PROJECT_ROOT), str(folder.parents[2]), "/tmp/", "/home/"):
                assert path.encode() not in data, f"{path} in {folder.name}/{name}"


def test_builds_into_different_folders_are_byte_identical_but_for_the_manifest(example_reports, tmp_path):
    again = build(request(tmp_path / "elsewhere" / "out"))[0].folder
    first, second = snapshot(example_reports["asc"]), snapshot(again)
    assert set(first) == set(second)
    assert [name for name in first if first[name] != second[name] and name != "manifest.json"] == []


# --- rebuilding only what changed ----------------------------------------------------------


def test_nothing_changed_rebuilds_nothing_and_says_so(built_copy):
    before = snapshot(built_copy)
    results = build(request(built_copy))
    assert results[0].up_to_date and results[0].stages == {"analysis": "reused", "render": "reused"}
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == []


def test_a_narrative_change_re_renders_only(built_copy, tmp_path):
    content = copy_content(tmp_path)
    volume = content / "2020-21" / "asc" / "volume.md"
    volume.write_text(
        volume.read_text(encoding="utf-8") + "\nA NEW SENTENCE OF NARRATIVE.\n", encoding="utf-8"
    )
    before = snapshot(built_copy / "2020-21" / "asc")
    results = build(request(built_copy, content_dir=content))
    assert results[0].stages == {"analysis": "reused", "render": "ran"}
    after = snapshot(built_copy / "2020-21" / "asc")
    assert "A NEW SENTENCE OF NARRATIVE." in after["report.html"].decode("utf-8")
    unchanged = [name for name in before if name not in {"report.html", "report.pdf", "manifest.json"}]
    assert all(after[name] == before[name] for name in unchanged), (
        "the analysis' files are reused as they were"
    )
    stages = json.loads(after["manifest.json"])["build"]
    assert stages["analysis"]["ran"] is False and stages["render"]["ran"] is True


def test_an_actions_change_re_renders_only_and_publishes_the_tables_data(built_copy, tmp_path):
    content = copy_content(tmp_path)
    actions = content / "2020-21" / "asc" / "actions.csv"
    actions.write_text(
        actions.read_text(encoding="utf-8-sig") + "2020-21,learning,A new lesson,A NEW ACTION,,,planned,\n",
        encoding="utf-8",
    )
    results = build(request(built_copy, content_dir=content, formats=["html"]))
    assert results[0].stages == {"analysis": "reused", "render": "ran"}
    folder = built_copy / "2020-21" / "asc"
    assert "A NEW ACTION" in (folder / "report.html").read_text(encoding="utf-8")
    assert "A NEW ACTION" in (folder / "data" / "table_learning_agreed.csv").read_text(encoding="utf-8-sig")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "data/table_learning_agreed.csv" in manifest["files"]


def test_a_mistake_in_the_actions_file_stops_the_build_and_leaves_out_as_it_was(built_copy, tmp_path):
    content = copy_content(tmp_path)
    actions = content / "2020-21" / "asc" / "actions.csv"
    actions.write_text(
        actions.read_text(encoding="utf-8-sig").replace(",done,", ",nearly,", 1), encoding="utf-8"
    )
    before = snapshot(built_copy)
    with pytest.raises(ContentError, match=r"actions\.csv, row 2, column 'status', value 'nearly'"):
        build(request(built_copy, content_dir=content))
    assert snapshot(built_copy) == before


def test_a_narrative_change_to_one_service_leaves_the_others_report_as_it_was(built_copy, tmp_path):
    content = copy_content(tmp_path)
    build(request(built_copy, content_dir=content, services=["childrens"]))  # Children's 2020/21 too
    childrens = snapshot(built_copy / "2020-21" / "childrens")
    volume = content / "2020-21" / "asc" / "volume.md"
    volume.write_text(volume.read_text(encoding="utf-8") + "\nA NEW SENTENCE.\n", encoding="utf-8")

    results = build(request(built_copy, content_dir=content, services=["asc", "childrens"]))

    assert [(result.service, result.stages["render"]) for result in results] == [
        ("asc", "ran"),
        ("childrens", "reused"),
    ]
    assert results[1].up_to_date
    assert snapshot(built_copy / "2020-21" / "childrens") == childrens  # the manifest too
    assert "A NEW SENTENCE." in (built_copy / "2020-21" / "asc" / "report.html").read_text(encoding="utf-8")


def test_the_notebook_computes_the_same_from_the_exports_as_from_what_the_build_handed_over(
    example_reports, tmp_path
):
    from complaints_report import analysis

    internal = paths.internal_output_dir(example_reports["asc"].parents[1], "2020-21", "asc")
    results = tmp_path / "results"
    parameters = {"year": "2020-21", "service": "asc", "suppress_below": 0, "team": "CE Team"}

    analysis.run("asc", parameters, paths.DATA_DIR, results, tmp_path / "asc.ipynb")  # reads the exports

    built = snapshot(internal)
    alone = snapshot(results)
    assert built["metrics.json"] == alone["metrics.json"]
    assert built["rows.csv"] == alone["rows.csv"]  # every row read, in the order read
    computed = [name for name in alone if name.startswith(("_fragments/", "data/", "charts/"))]
    assert computed and all(built[name] == alone[name] for name in computed)
    assert "checked-inputs.pickle" not in built, "the handed-over inputs are removed once read"


def test_force_rebuilds_everything(built_copy):
    results = build(request(built_copy, force=True, formats=["html"]))
    assert results[0].stages == {"analysis": "ran", "render": "ran"}
    manifest = json.loads((built_copy / "2020-21" / "asc" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["build"]["analysis"]["ran"] is True
    assert manifest["formats"] == ["html"] and not (built_copy / "2020-21" / "asc" / "report.pdf").exists()


def test_a_changed_export_or_parameter_reruns_the_analysis(built_copy, tmp_path):
    base = build_module.plan(request(built_copy), "asc", "builtin")
    assert base.reuse_analysis and base.reuse_render
    assert not build_module.plan(request(built_copy, suppress_below=5), "asc", "builtin").reuse_analysis
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    with open(data / "compliments.csv", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert not build_module.plan(request(built_copy, data_dir=data), "asc", "builtin").reuse_analysis
    content = copy_content(tmp_path)
    (content / "2020-21" / "asc" / "final_comments.md").write_text("Changed.\n", encoding="utf-8")
    narrative_only = build_module.plan(request(built_copy, content_dir=content), "asc", "builtin")
    assert narrative_only.reuse_analysis and not narrative_only.reuse_render


def test_a_published_file_changed_by_hand_is_rebuilt(built_copy):
    (built_copy / "2020-21" / "asc" / "report.html").write_text("edited", encoding="utf-8")
    results = build(request(built_copy, formats=["html", "pdf"]))
    assert results[0].stages == {"analysis": "reused", "render": "ran"}
    assert "edited" not in (built_copy / "2020-21" / "asc" / "report.html").read_text(encoding="utf-8")


def test_an_up_to_date_build_imports_no_analysis_library(built_copy):
    code = (
        "import sys\nfrom complaints_report.cli import main\n"
        f"sys.argv = ['complaints-report', 'build', '--year', '2020-21', '--service', 'asc', '--engine', 'builtin', "
        f"'--out', {str(built_copy)!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit_:\n    code = exit_.code\n"
        "print('EXIT', code, sorted(m for m in ('pandas', 'matplotlib', 'papermill', 'nbformat') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "EXIT 0 []" in result.stdout, result.stdout + result.stderr
    assert "Up to date" in result.stdout


# --- the services of a year ------------------------------------------------------------------


def test_a_year_without_complaints_is_refused_with_the_services_that_have_them(tmp_path):
    with pytest.raises(BuildError, match="No asc complaints were received in 2021/22.*childrens"):
        build(request(tmp_path / "out", year=ReportingYear.parse("2021-22")))
    assert not (tmp_path / "out").exists()


def test_the_default_services_are_those_with_complaints_that_year(built_copy):
    results = build(request(built_copy, year=ReportingYear.parse("2021-22"), services=[]))
    assert [result.service for result in results] == ["childrens"]


# --- narrative and personal data ----------------------------------------------------------


def test_missing_narrative_is_a_warning_and_strict_makes_it_an_error(built_copy, tmp_path):
    content = copy_content(tmp_path)
    (content / "2020-21" / "asc" / "learning.md").unlink()
    results = build(request(built_copy, content_dir=content, formats=["html"]))
    assert any("Learning from complaints" in w for w in results[0].warnings)
    html = (built_copy / "2020-21" / "asc" / "report.html").read_text(encoding="utf-8")
    assert "Narrative needed" in html
    before = snapshot(built_copy)
    with pytest.raises(BuildError, match="Learning from complaints"):
        build(request(built_copy, content_dir=content, formats=["html"], strict=True))
    assert snapshot(built_copy) == before


def test_personal_data_in_the_narrative_is_a_warning_and_strict_refuses_it(built_copy, tmp_path):
    content = copy_content(tmp_path)
    learning = content / "2020-21" / "asc" / "learning.md"
    learning.write_text(
        learning.read_text(encoding="utf-8") + "\nThanks to jo.bloggs@example.com.\n", encoding="utf-8"
    )
    assert any(
        "jo.bloggs@example.com" in w for w in build(request(built_copy, content_dir=content))[0].warnings
    )
    with pytest.raises(BuildError, match="email address"):
        build(request(built_copy, content_dir=content, strict=True))


@pytest.mark.parametrize(
    ("service", "year", "columns"),
    [("asc", "2020-21", ["owner", "due"]), ("childrens", "2021-22", ["owner", "due", "status"])],
)
def test_the_bundled_example_warns_only_of_the_action_details_its_seed_left_out(
    example_reports, built_copy, service, year, columns
):
    """The example actions files keep the published reports' gaps (no owner, date or status where the
    report gave none; none is invented): the build names the file, rows and column for the analyst to
    fill in and the reviewer's note lists them; --strict still builds the example (contract section 1:
    it refuses placeholders, and an action without an owner is not one), and nothing else is warned of."""
    results = build(request(built_copy, year=ReportingYear.parse(year), services=[service]))
    warnings = results[0].warnings
    assert [w.split("column '")[1].split("'")[0] for w in warnings] == columns
    assert all(w.startswith(f"{service}: ") and f"{service}/actions.csv, row" in w for w in warnings)
    review = (paths.internal_output_dir(built_copy, year, service) / "review.html").read_text(
        encoding="utf-8"
    )
    assert "The build gave no warnings" not in review
    assert all(
        f"column &#x27;{column}&#x27;" in review or f"column '{column}'" in review for column in columns
    )
    strict = build(request(built_copy, year=ReportingYear.parse(year), services=[service], strict=True))
    assert strict[0].warnings == warnings


def test_a_misspelt_figure_in_the_narrative_stops_the_build_with_the_line(built_copy, tmp_path):
    content = copy_content(tmp_path)
    volume = content / "2020-21" / "asc" / "volume.md"
    volume.write_text("First.\n\nWe received {{ complaints_recieved }} complaints.\n", encoding="utf-8")
    before = snapshot(built_copy)
    with pytest.raises(ContentError, match=r"volume\.md, line 3: '\{\{ complaints_recieved \}\}'"):
        build(request(built_copy, content_dir=content))
    assert snapshot(built_copy) == before


def test_narrative_that_would_run_or_load_anything_is_refused(built_copy, tmp_path):
    content = copy_content(tmp_path)
    (content / "2020-21" / "asc" / "future.md").write_text(
        '<img src="https://x/y.png" alt="x">\n', encoding="utf-8"
    )
    with pytest.raises(ContentError, match=r"future\.md, line 1: the image `https://x/y.png`"):
        build(request(built_copy, content_dir=content))


# --- a failed build leaves --out as it was ----------------------------------------------------


def previous_outputs(out: Path) -> dict[str, bytes]:
    """A folder of earlier outputs whose every byte the failed build must leave alone."""
    (out / "2020-21" / "asc").mkdir(parents=True)
    (out / "2020-21" / "asc" / "report.html").write_text("last year's published report", encoding="utf-8")
    (out / "notes.txt").write_text("analyst's notes", encoding="utf-8")
    return snapshot(out)


def test_a_build_with_bad_input_leaves_the_previous_outputs_exactly_as_they_were(tmp_path):
    out = tmp_path / "out"
    before = previous_outputs(out)
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    (data / "complaints_asc.csv").write_text("reference,service\nX,asc\n", encoding="utf-8")
    with pytest.raises(InputError):
        build(BuildRequest(year=ASC, data_dir=data, out_dir=out, engine="builtin"))
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("failure", [RuntimeError("renderer crashed"), KeyboardInterrupt()])
def test_a_build_that_fails_or_is_interrupted_mid_way_changes_nothing(
    built_copy, tmp_path, monkeypatch, failure
):
    content = copy_content(tmp_path)
    (content / "2020-21" / "asc" / "volume.md").write_text(
        "Changed, so the report is rendered.\n", encoding="utf-8"
    )
    before = snapshot(built_copy)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(build_module, "render", fail)
    with pytest.raises(type(failure)):
        build(request(built_copy, content_dir=content))
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == [], "staging folder left behind"


@pytest.mark.skipif(
    not workers.CAN_FORK, reason="the work beside the notebooks runs in the build's own process"
)
def test_a_copy_of_the_build_that_dies_beside_the_notebooks_stops_the_build_with_advice(
    built_copy, monkeypatch
):
    """The privacy check and rows.csv run in a forked copy of the build (workers.Forked): if it ends
    without its findings (killed, out of memory), the build says so in words and changes nothing."""
    before = snapshot(built_copy)
    monkeypatch.setattr(build_module, "_beside_notebooks", lambda *args: os._exit(9))  # in the copy only

    with pytest.raises(
        BuildError, match=r"rows\.csv, stopped before they were done .*exit code 9.*Run the build again"
    ):
        build(request(built_copy, force=True))
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == [], "staging folder left behind"


def test_a_killed_builds_staging_folder_is_removed_by_the_next_build(built_copy):
    parent = built_copy.parent
    stale = parent / ".out-building-killed"
    (stale / "2020-21" / "asc").mkdir(parents=True)
    (parent / ".out-building-killed.lock").write_text("", encoding="utf-8")
    orphan = parent / ".out-building-orphan"  # killed after making the folder, lock file already gone
    orphan.mkdir()
    live = parent / ".out-building-live"  # another build still running: its lock is held
    live.mkdir()
    handle = os.open(parent / ".out-building-live.lock", os.O_RDWR | os.O_CREAT)
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert build(request(built_copy))[0].up_to_date  # even a build that changes nothing tidies up
        assert leftovers(built_copy) == [".out-building-live", ".out-building-live.lock"]
        with publishing.Staging(built_copy) as folder:
            assert folder.parent == parent and oct(folder.stat().st_mode)[-3:] == "700"
            assert (parent / (folder.name + ".lock")).is_file()
        assert leftovers(built_copy) == [".out-building-live", ".out-building-live.lock"]
    finally:
        os.close(handle)


def test_a_failed_notebook_is_kept_beside_out_without_following_a_planted_link(
    built_copy, tmp_path, monkeypatch
):
    # the notebook's kernel imports this sitecustomize, which breaks one chart
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys\n"
        "if 'ipykernel_launcher' in ' '.join(getattr(sys, 'orig_argv', [])):\n"
        "    import complaints_report.charts as charts\n"
        "    def broken(*args, **kwargs):\n"
        "        raise RuntimeError('a chart that cannot be drawn')\n"
        "    charts.asc_charts = broken\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PYTHONPATH", str(site) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    target = publishing.failed_notebook_path(built_copy, "asc", ASC)
    victim = tmp_path / "victim.txt"
    victim.write_text("must not be overwritten", encoding="utf-8")
    target.symlink_to(victim)
    before = snapshot(built_copy)
    with pytest.raises(BuildError) as raised:
        build(request(built_copy, force=True, formats=["html"]))
    message = str(raised.value)
    assert "RuntimeError: a chart that cannot be drawn" in message and str(target) in message
    assert not target.is_symlink() and "a chart that cannot be drawn" in target.read_text(encoding="utf-8")
    assert victim.read_text(encoding="utf-8") == "must not be overwritten"
    assert target.parent == built_copy.parent, "beside --out, never inside it"
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == []


# --- the Quarto engine, through a stub that records what it is given ----------------------------

STUB = """#!{python}
import json, os, shutil, sys, time
from pathlib import Path

args = sys.argv[1:]
if args == ["--version"]:
    print("1.9.12")
    sys.exit(0)
log = Path(os.environ["QUARTO_STUB_LOG"])
record = {{"args": args, "cwd": os.getcwd(),
          "env": {{key: os.environ.get(key) for key in ("QUARTO_PYTHON", "VIRTUAL_ENV")}}}}
with open(log, "a", encoding="utf-8") as handle:
    handle.write(json.dumps(record) + "\\n")
snapshot = Path(os.environ["QUARTO_STUB_SNAPSHOT"])
if not snapshot.exists():
    shutil.copytree(os.getcwd(), snapshot)
if os.environ.get("QUARTO_STUB_BLOCK"):
    Path(os.environ["QUARTO_STUB_BLOCK"]).write_text(str(os.getpid()), encoding="utf-8")
    while True:
        time.sleep(1)
to = args[args.index("--to") + 1]
Path("report." + ("html" if to == "html" else "pdf")).write_text("rendered by the stub quarto " + to, encoding="utf-8")
"""


@pytest.fixture
def stub_quarto(tmp_path, monkeypatch):
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "quarto"
    script.write_text(STUB.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder) + os.pathsep + os.environ["PATH"])
    monkeypatch.setenv("QUARTO_STUB_LOG", str(tmp_path / "quarto-calls.jsonl"))
    monkeypatch.setenv("QUARTO_STUB_SNAPSHOT", str(tmp_path / "quarto-saw"))
    return tmp_path


def test_report_qmd_renders_through_quarto_as_quarto_documents_it(built_copy, stub_quarto, tmp_path):
    content = copy_content(tmp_path)
    (content / "2020-21" / "asc" / "meta.yml").write_text(
        "council: 'Royal Borough: Kensington & Chelsea'\nteam: CE Team\n", encoding="utf-8"
    )
    results = build(request(built_copy, engine="quarto", content_dir=content))
    assert results[0].stages == {"analysis": "reused", "render": "ran"}
    calls = [json.loads(line) for line in (stub_quarto / "quarto-calls.jsonl").read_text().splitlines()]
    assert [call["args"] for call in calls] == [
        ["render", "report.qmd", "--to", fmt, "--profile", "asc", "--metadata-file", "metadata.yml"]
        for fmt in ("html", "typst")
    ]
    assert all(call["env"] == {"QUARTO_PYTHON": sys.executable, "VIRTUAL_ENV": sys.prefix} for call in calls)
    saw = stub_quarto / "quarto-saw"
    metadata = yaml.safe_load((saw / "metadata.yml").read_text(encoding="utf-8"))
    assert metadata["subtitle"] == "Royal Borough\\: Kensington \\& Chelsea", (
        "a string, escaped, never a mapping"
    )
    assert metadata["report"]["next-year-short"] == "21\\/22"
    qmd = (saw / "report.qmd").read_text(encoding="utf-8")
    includes = [line.split()[2] for line in qmd.splitlines() if line.startswith("{{< include ")]
    assert includes and all((saw / name).is_file() for name in includes), (
        "every include is there, by relative path"
    )
    for fragment in (saw / "_fragments").glob("*.md"):
        text = fragment.read_text(encoding="utf-8")
        for image in re.findall(r"\]\(([^)]+\.svg)\)", text):
            assert not image.startswith("/") and (saw / image).is_file(), f"{fragment.name}: {image}"
    for path in saw.rglob("*"):
        if path.is_file():
            assert str(tmp_path).encode() not in path.read_bytes(), f"an absolute path in {path.name}"
    published = built_copy / "2020-21" / "asc"
    assert (published / "report.html").read_text(encoding="utf-8") == "rendered by the stub quarto html"
    assert json.loads((published / "manifest.json").read_text())["engine"] == "quarto 1.9.12"


def test_ctrl_c_during_a_real_build_leaves_the_outputs_and_no_staging_folder(
    built_copy, stub_quarto, tmp_path
):
    """Press Ctrl-C (SIGINT) while the build is rendering (a stub quarto that waits until stopped):
    the previous outputs stay exactly as they were, and the build's children are stopped."""
    started = tmp_path / "quarto-started"
    before = snapshot(built_copy)
    command = [
        sys.executable, "-m", "complaints_report", "build", "--year", "2020-21", "--service", "asc",
        "--engine", "quarto", "--out", str(built_copy),
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QUARTO_STUB_BLOCK=str(started)),
    )
    stuck = time.monotonic() + SAFETY_NET
    try:
        while not started.exists() or not started.read_text():  # the build is inside the render stage
            if process.poll() is not None:
                pytest.fail("the build ended before rendering: " + process.communicate()[1])
            if time.monotonic() > stuck:
                pytest.fail("the build did not reach the render stage at all")
            time.sleep(0.1)  # waiting for the stub to start; no assertion depends on how long it takes
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert "Interrupted: nothing in the output folder was changed." in stderr
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == []
    with pytest.raises(ProcessLookupError):
        os.kill(int(started.read_text()), 0)  # the stub quarto was stopped with the build


def test_ctrl_c_while_the_notebooks_run_stops_their_kernels_and_changes_nothing(built_copy, tmp_path):
    """Both services' notebooks run side by side; their kernels wait (a sitecustomize the kernels
    import) until the build is interrupted: the kernels are stopped and --out is left as it was."""
    started = tmp_path / "kernels"
    started.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import os, sys, time\n"
        "if 'ipykernel_launcher' in ' '.join(getattr(sys, 'orig_argv', [])):\n"
        f"    open(os.path.join({str(started)!r}, str(os.getpid())), 'w').close()\n"
        "    while True:\n"
        "        time.sleep(1)\n",
        encoding="utf-8",
    )
    before = snapshot(built_copy)
    command = [
        sys.executable, "-m", "complaints_report", "build", "--year", "2020-21", "--service", "asc",
        "--service", "childrens", "--engine", "builtin", "--force", "--out", str(built_copy),
    ]  # fmt: skip
    environment = dict(os.environ, PYTHONPATH=str(site) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    stuck = time.monotonic() + SAFETY_NET
    try:
        while len(list(started.iterdir())) < 2:  # both kernels have started and are waiting
            if process.poll() is not None:
                pytest.fail("the build ended before its notebooks ran: " + process.communicate()[1])
            if time.monotonic() > stuck:
                pytest.fail("the build's notebooks never started")
            time.sleep(0.1)  # waiting, not timing: nothing below depends on how long this takes
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate()
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert "Interrupted: nothing in the output folder was changed." in stderr
    assert snapshot(built_copy) == before
    assert leftovers(built_copy) == []
    for kernel in started.iterdir():
        pid = int(kernel.name)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        # a stopped child the build has not reaped yet is a zombie: gone in all but name
        state = (
            Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}/stat").exists() else "X"
        )
        assert state in {"Z", "X"}, f"the kernel {pid} is still running"
