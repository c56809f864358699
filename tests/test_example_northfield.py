"""The second example council, Northfield (synthetic): another case system's exports, built with no code edits.

Its exports differ from the bundled Westminster example in every way issue 12 found: own
headers, a workbook with title rows, Windows-1252 CSVs with £ and curly apostrophes, label
variants, the Ombudsman's own wording, and one header ("Service Area") meaning the service in
one export and the sub-area in another. The figures checked here were counted by hand from
the files (see examples/northfield/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from complaints_report import content, paths
from complaints_report.loading import check_inputs, load_inputs
from complaints_report.years import ReportingYear

NORTHFIELD = paths.PROJECT_ROOT / "examples" / "northfield"
DATA, CONTENT = NORTHFIELD / "data", NORTHFIELD / "content"
YEAR = ReportingYear(2022)


def test_northfields_exports_load_with_no_problem_through_its_own_mapping():
    inputs, problems = check_inputs(DATA)

    assert problems == []
    assert {p.name for p in inputs.files} >= {"complaints_adults.xlsx", "complaints_childrens.csv"}


def test_the_same_header_means_the_service_in_one_export_and_the_sub_area_in_another():
    inputs = load_inputs(DATA)

    assert set(inputs.complaints["service"]) == {"asc", "childrens"}  # complaints: "Service Area"
    assert "Home Care" in set(inputs.enquiries["service_area"])  # enquiries: "Service Area"


def test_windows_1252_text_keeps_its_pound_signs_and_curly_apostrophes():
    inputs = load_inputs(DATA)

    assert "Children\u2019s Homes" in set(inputs.complaints["team"])
    assert "Financial Assessments (£ charges)" in set(inputs.complaints["team"])
    assert any("£40" in q for q in inputs.compliments["quote"].dropna())


def test_the_ombudsmans_own_wording_is_read_as_its_finding():
    cases = load_inputs(DATA).ombudsman.set_index("finding_wording")["finding"]

    assert cases["Upheld: maladministration and injustice"].iloc[0] == "fault_found"
    assert cases["Not upheld: no fault"] == "no_fault"
    assert cases["Closed after initial enquiries - no fault"] == "closed_after_initial_enquiries"
    assert cases["Premature complaint"] == "closed_after_initial_enquiries"  # from its mapping.yaml


def test_the_generator_reproduces_the_committed_exports(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("northfield_generate", NORTHFIELD / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # its dataclasses look themselves up there
    spec.loader.exec_module(generate)

    written = generate.generate(tmp_path)

    assert len(written) == 8
    for path in written:
        assert path.read_bytes() == (DATA / path.name).read_bytes(), path.name


def test_northfields_narrative_is_its_own_complete_and_checked():
    problems, notes = content.check_content(CONTENT, YEAR)

    assert problems == [] and notes == []
    for service in content.SECTIONS:
        assert content.missing_sections(CONTENT, YEAR, service) == []
        assert content.read_meta(CONTENT, YEAR, service)["council"] == "Northfield Borough Council"
        for path in (CONTENT / YEAR.label / service).iterdir():
            assert "Westminster" not in path.read_text(encoding="utf-8"), path


@pytest.fixture(scope="module")
def northfield_build(tmp_path_factory):
    """Both Northfield reports built as an analyst would: the command line, --strict."""
    out = tmp_path_factory.mktemp("northfield")
    command = [
        sys.executable,
        "-m",
        "complaints_report",
        "build",
        "--data",
        str(DATA),
        "--content",
        str(CONTENT),
    ]
    result = subprocess.run(
        [*command, "--year", YEAR.label, "--out", str(out), "--strict"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return out / YEAR.label


@pytest.mark.slow
def test_northfield_builds_with_the_figures_counted_by_hand(northfield_build):
    asc = json.loads((northfield_build / "asc" / "metrics.json").read_text(encoding="utf-8"))
    childrens = json.loads((northfield_build / "childrens" / "metrics.json").read_text(encoding="utf-8"))

    assert (asc["complaints_received"], asc["complaints_rejected"], asc["complaints_accepted"]) == (52, 4, 48)
    assert (asc["upheld"], asc["partly_upheld"], asc["not_upheld"], asc["withdrawn"], asc["open"]) == (
        10,
        14,
        19,
        3,
        2,
    )
    assert (asc["ombudsman_received"], asc["ombudsman_investigated"], asc["ombudsman_fault_found"]) == (
        5,
        2,
        1,
    )
    assert asc["ombudsman_remedy_total"] == 350
    assert (asc["member_enquiries"], asc["compliments"]) == (60, 25)
    assert (childrens["complaints_received"], childrens["statutory"], childrens["corporate"]) == (40, 9, 28)
    assert (childrens["stage2_received"], childrens["stage3_received"]) == (6, 1)
    assert (childrens["ombudsman_received"], childrens["ombudsman_fault_found"]) == (3, 2)
    assert (childrens["member_enquiries"], childrens["compliments"]) == (20, 30)


@pytest.mark.slow
def test_northfields_reports_name_northfield_and_hold_no_westminster_text(northfield_build):
    for service in ("asc", "childrens"):
        html = (northfield_build / service / "report.html").read_text(encoding="utf-8")
        assert "Northfield Borough Council" in html
        assert "Westminster" not in html
        assert "PRIVATE - do not publish" not in html
        assert (northfield_build / service / "report.pdf").stat().st_size > 0
