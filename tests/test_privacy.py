"""No personal data in a published report: the scan of every free text that can reach one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from complaints_report import build as build_module
from complaints_report import paths, privacy
from complaints_report.build import BuildRequest
from complaints_report.loading import load_inputs
from complaints_report.privacy import Finding, ReferenceIndex, scan, scan_inputs, scan_narrative
from complaints_report.years import ReportingYear

YEAR = ReportingYear.parse("2021-22")  # the year of the conftest's builders' rows
PERSONAL = "Mrs Jones (jones.family@gmail.com, 07700 900123, SW1A 1AA)"


def kinds(findings) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in findings]


def text_findings(text: str, references=(), allowed=()) -> list[tuple[str, str]]:
    return kinds(scan({"a text": text}, references, allowed))


# --------------------------------------------------------------------------- patterns


def test_an_email_address_in_the_narrative_is_found():
    findings = scan({"learning.md": "Write to jane.doe@gmail.com for details."}, set())
    assert kinds(findings) == [("email address", "jane.doe@gmail.com")]
    assert "learning.md" in str(findings[0]) and "allowed_identifiers" in str(findings[0])


def test_uk_phone_numbers_in_common_forms_are_found():
    text = "Call 020 7361 2552, 07700 900123, 0161-496-0000 or +44 20 7946 0958."
    found = [value for kind, value in text_findings(text) if kind == "telephone number"]
    assert found == ["020 7361 2552", "07700 900123", "0161-496-0000", "+44 20 7946 0958"]


def test_nhs_numbers_and_postcodes_are_found():
    assert text_findings("NHS no 943 476 5919, lives at SW1A 1AA; moved to M1 1AE") == [
        ("NHS number", "943 476 5919"),
        ("postcode", "SW1A 1AA"),
        ("postcode", "M1 1AE"),
    ]


@pytest.mark.parametrize(
    "prose",
    [
        "Complaints are acknowledged within 3 working days and answered within 10, as the 2009 regulations ask.",
        "Received on 03/04/2022, 2022-04-03 and 3 April 2022; answered by 31.03.2023.",
        "The council paid £800, then £1,200.50 and £12,345,678 in total; 1,234,567 people live here.",
        "In 2020/21 and 2021-22, 58% of 1,024 complaints were upheld (Q1 2021: 12; Q4: 31).",
        "The office is open 09:00-17:00, Monday to Friday, in Room 4.12, Level 3.",
        "Stage 2 took 25 working days, or 65 with an extension (section 17(4) of the 2006 regulations).",
        "COVID-19 and the Care Act 2014 changed how the team (CE Team, ASC) works in the NHS.",
    ],
)
def test_ordinary_prose_dates_and_money_are_not_flagged(prose):
    references = {"ASC-2020-0012", "CS/2021/7", "LGSCO_19_001_234", "2021", "C1"}
    assert text_findings(prose, references) == []


def test_the_teams_published_contact_details_are_allowed():
    text = "Contact ASCCustomerfeedback@westminster.gov.uk or 020 7361 2552."
    allowed = ["ASCCustomerfeedback@westminster.gov.uk", "020 7361 2552"]
    assert scan({"final_comments.md": text}, set(), allowed) == []


def test_allowed_identifiers_match_however_they_are_spaced_but_allow_nothing_else():
    allowed = ["ASCCustomerfeedback@westminster.gov.uk", "020 7361 2552"]
    assert text_findings("Ring 020-7361-2552 or (020) 7361 2552", allowed=allowed) == []
    assert text_findings("Write to ascCustomerFeedback@Westminster.gov.uk", allowed=allowed) == []
    assert text_findings("Ring 020 7361 9999 or mail jo@westminster.gov.uk", allowed=allowed) == [
        ("email address", "jo@westminster.gov.uk"),
        ("telephone number", "020 7361 9999"),
    ]


# --------------------------------------------------------------------------- case references


def test_a_case_reference_from_the_exports_is_found():
    findings = scan(
        {"quote 1": "Thanks for sorting ASC-2020-0012 so quickly"}, {"ASC-2020-0012", "ASC-2020-0013"}
    )
    assert kinds(findings) == [("case reference", "ASC-2020-0012")]
    assert "case references are never published" in str(findings[0])


@pytest.mark.parametrize(
    ("reference", "written"),
    [
        ("ASC-2020-0012", "asc-2020-0012"),  # any case
        ("ASC-2020-0012", "ASC 2020 0012"),  # spaces for hyphens
        ("CS/2021/7", "CS-2021-7"),  # slashes
        ("CS/2021/7", "cs/2021/7"),
        ("LGSCO_19_001_234", "LGSCO 19 001 234"),  # underscores
        ("LGSCO 19 001 234", "LGSCO-19-001-234"),  # a reference with spaces in the export
        ("ME-ASC-2019-0001", "ME–ASC–2019–0001"),  # en dashes, as Word writes them
        ("REF#12345", "ref #12345"),  # other punctuation must stand as it does, spaces aside
        ("4821793", "4821793"),  # a number
    ],
)
def test_references_are_found_however_their_parts_are_joined(reference, written):
    text = f"See case {written}, closed last year."
    assert text_findings(text, {reference}) == [("case reference", written)]


def test_a_reference_next_to_another_or_at_a_line_end_is_found():
    found = text_findings(
        "Cases ASC-2020-0012/ASC-2020-0013 and\nASC-2020-0014.",
        {"ASC-2020-0012", "ASC-2020-0013", "ASC-2020-0014"},
    )
    assert found == [
        ("case reference", "ASC-2020-0012"),
        ("case reference", "ASC-2020-0013"),
        ("case reference", "ASC-2020-0014"),
    ]


def test_the_longest_reference_is_reported_once():
    assert text_findings("About ASC-2020-0012-B.", {"ASC-2020-0012", "ASC-2020-0012-B"}) == [
        ("case reference", "ASC-2020-0012-B")
    ]


def test_a_different_reference_sharing_its_first_part_is_not_flagged():
    assert text_findings("See ASC-2020-0099 or ASC-2020-00120.", {"ASC-2020-0012"}) == []


def test_short_and_year_like_references_are_not_looked_for():
    index = ReferenceIndex(["C1", "12", "2020", "A-1"])
    assert len(index) == 0
    assert text_findings("C1 was one of 12 cases in 2020 (A-1).", ["C1", "12", "2020", "A-1"]) == []


def test_a_reference_without_digits_is_found_only_in_its_own_case():
    assert text_findings("The care was good. CARE is a case.", {"CARE"}) == [("case reference", "CARE")]


# --------------------------------------------------------------------------- linear time


def test_the_reference_scan_does_the_same_work_whatever_the_number_of_references():
    """Each word is looked up in a set, not compared with every reference (no N x M loop)."""
    texts = [f"Quote {n}: thanks to the team for case ASC-2020-{n:04d} and for the help." for n in range(200)]
    few = ReferenceIndex([f"ASC-2020-{n:04d}" for n in range(10)])
    many = ReferenceIndex([f"ASC-2020-{n:04d}" for n in range(10)] + [f"ASC-{n:08d}" for n in range(20_000)])
    found_few = [r for text in texts for r in few.find(text)]
    found_many = [r for text in texts for r in many.find(text)]
    assert len(found_few) == len(found_many) == 10
    words = sum(len(text.split()) + 4 for text in texts)  # an upper bound: a reference has three parts
    assert many.lengths == (3, 2) and few.lengths == (3,)
    assert few.probes <= words * (1 + len(few.lengths))
    assert many.probes <= words * (1 + len(many.lengths))  # 20,000 more references, no more work per word


def test_each_distinct_text_of_a_column_is_scanned_once(load_cases, complaint, monkeypatch):
    teams = ["Homecare", "Reablement", "Complex care"]
    inputs = load_cases(
        complaints=[
            complaint(f"C{n:05d}", team=teams[n % 3], category="Delay", received=date(2021, 5, 4))
            for n in range(3000)
        ]
    )
    scanned = []
    original = privacy.Scanner.scan
    monkeypatch.setattr(
        privacy.Scanner, "scan", lambda self, text: scanned.append(text) or original(self, text)
    )
    assert scan_inputs(inputs, "asc", YEAR) == []
    assert sorted(scanned) == sorted(teams + ["Delay"])  # area is the team's when blank: not read again


# --------------------------------------------------------------------------- every column of the exports


def only(findings) -> Finding:
    assert len(findings) >= 1, "nothing was found"
    assert {(f.file, f.row, f.column) for f in findings} == {
        (findings[0].file, findings[0].row, findings[0].column)
    }
    return findings[0]


COMPLAINT_COLUMNS_WITH_EQUALITY = [
    "reference",
    "service",
    "stage",
    "received",
    "team",
    "area",
    "category",
    "status",
    "rejection_reason",
    "age_band",
    "sex",
    "ethnicity",
    "disability",
]


@pytest.mark.parametrize(
    "column", ["team", "area", "category", "rejection_reason", "age_band", "sex", "ethnicity", "disability"]
)
def test_personal_data_in_any_complaint_text_is_found_with_its_row(write_csv, data_dir, complaint, column):
    rows = [complaint("ASC-0001"), complaint("ASC-0002"), complaint("ASC-0003", status="rejected")]
    rows[2][column] = PERSONAL
    write_csv("complaints.csv", rows, COMPLAINT_COLUMNS_WITH_EQUALITY)
    findings = scan_inputs(load_inputs(data_dir), "asc", YEAR)
    found = only(findings)
    assert (found.file, found.row, found.reference, found.column) == ("complaints.csv", 4, "ASC-0003", column)
    assert set(kinds(findings)) == {
        ("email address", "jones.family@gmail.com"),
        ("telephone number", "07700 900123"),
        ("postcode", "SW1A 1AA"),
    }


def test_personal_data_in_a_member_enquirys_service_area_is_found(load_cases, enquiry):
    inputs = load_cases(
        enquiries=[enquiry("ME-0001"), enquiry("ME-0002", service_area=f"Housing for {PERSONAL}")]
    )
    found = only(scan_inputs(inputs, "asc", YEAR))
    assert (found.file, found.row, found.reference, found.column) == (
        "enquiries.csv",
        3,
        "ME-0002",
        "service_area",
    )


@pytest.mark.parametrize("column", ["team", "quote"])
def test_personal_data_in_a_compliments_team_or_published_quote_is_found(load_cases, compliment, column):
    row = compliment("K-0002", publish="yes", quote="Thank you")
    row[column] = PERSONAL
    found = only(scan_inputs(load_cases(compliments=[compliment("K-0001"), row]), "asc", YEAR))
    assert (found.file, found.row, found.reference, found.column) == ("compliments.csv", 3, "K-0002", column)


def test_a_quote_not_marked_for_publication_is_not_scanned(load_cases, compliment):
    unpublished = compliment("K-0001", quote=PERSONAL, publish="no")
    blank = compliment("K-0002", quote=PERSONAL)
    assert scan_inputs(load_cases(compliments=[unpublished, blank]), "asc", YEAR) == []


OMBUDSMAN_COLUMNS_WITH_AREA = [
    "reference",
    "service",
    "received",
    "decided",
    "investigated",
    "reason_not_investigated",
    "finding",
    "remedy",
    "remedy_amount",
    "summary",
    "area",
]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("summary", f"Care of {PERSONAL}"),
        ("remedy", f"Pay £500 to {PERSONAL}"),
        ("reason_not_investigated", f"Premature: {PERSONAL} to complain first"),
        ("finding", f"Upheld: maladministration and injustice to {PERSONAL}"),
        ("area", f"Home care for {PERSONAL}"),
    ],
)
def test_personal_data_in_any_ombudsman_text_is_found(
    write_csv, data_dir, complaint, ombudsman_case, column, value
):
    write_csv("complaints.csv", [complaint("C001")])
    case = ombudsman_case("LGSCO-21-0002", investigated="yes", finding="No fault", summary="Home care")
    case[column] = value
    write_csv("ombudsman.csv", [ombudsman_case("LGSCO-21-0001"), case], OMBUDSMAN_COLUMNS_WITH_AREA)
    findings = scan_inputs(load_inputs(data_dir), "asc", YEAR)
    found = only(findings)
    assert (found.file, found.row, found.reference, found.column) == (
        "ombudsman.csv",
        3,
        "LGSCO-21-0002",
        column,
    )
    assert ("email address", "jones.family@gmail.com") in kinds(findings)
    assert str(found).startswith(
        f"ombudsman.csv, row 3, reference LGSCO-21-0002, column '{column}': looks like"
    )


def test_a_case_reference_in_an_ombudsman_summary_is_found(load_cases, complaint, ombudsman_case):
    case = ombudsman_case(
        "LGSCO-21-0001", investigated="yes", finding="Fault found", summary="Delay on ASC-0001"
    )
    inputs = load_cases(complaints=[complaint("ASC-0001")], ombudsman=[case])
    assert kinds(scan_inputs(inputs, "asc", YEAR)) == [("case reference", "ASC-0001")]


def test_the_years_the_report_shows_are_scanned_and_no_others(load_cases, complaint):
    rows = [
        complaint("C-LAST", team=f"Last year's {PERSONAL}", received=date(2020, 6, 1)),
        complaint("C-FOUR", team="Four years back: jo@example.com", received=date(2017, 4, 1)),
        complaint("C-FIVE", team="Five years back: al@example.com", received=date(2016, 6, 1)),
        complaint("C-NEXT", team="Next year: ed@example.com", received=date(2022, 6, 1)),
        complaint("C-KIDS", service="childrens", procedure="statutory", team="Other service: cj@example.com"),
    ]
    found = {f.reference for f in scan_inputs(load_cases(complaints=rows), "asc", YEAR)}
    assert found == {"C-LAST", "C-FOUR"}


def test_a_text_on_many_rows_is_one_finding_naming_its_first_row(load_cases, complaint):
    rows = [complaint(f"C{n:03d}", team="Team of jo@example.com") for n in range(5)]
    findings = scan_inputs(load_cases(complaints=rows), "asc", YEAR)
    assert len(findings) == 1
    assert (findings[0].row, findings[0].reference, findings[0].more_rows) == (2, "C000", 4)
    assert "complaints.csv, row 2, reference C000, column 'team' (and 4 more rows with the same text)" in str(
        findings[0]
    )


def test_the_bundled_example_exports_have_nothing_to_find():
    inputs = load_inputs(paths.DATA_DIR)
    for service, year in (("asc", "2020-21"), ("childrens", "2021-22")):
        assert scan_inputs(inputs, service, ReportingYear.parse(year)) == []


# --------------------------------------------------------------------------- the narrative


def test_the_narrative_findings_name_the_file_and_line(tmp_path):
    (tmp_path / "learning.md").write_text(
        "You complained: a delay.\n\nWe: rang Mr Smith on 07700 900123 about ASC-2020-0012.\n",
        encoding="utf-8",
    )
    findings = scan_narrative(tmp_path, [], {"ASC-2020-0012"})
    assert [(Path(f.file).name, f.line, f.kind, f.value) for f in findings] == [
        ("learning.md", 3, "telephone number", "07700 900123"),
        ("learning.md", 3, "case reference", "ASC-2020-0012"),
    ]
    assert "learning.md, line 3: looks like a telephone number ('07700 900123')" in str(findings[0])


def test_contact_details_in_meta_yml_must_be_allowed(tmp_path):
    (tmp_path / "meta.yml").write_text(
        "council: Westminster City Council\ncontact:\n  email: jo.smith@westminster.gov.uk\n"
        "  phone: 020 7361 2552\nallowed_identifiers:\n  - 020 7361 2552\n",
        encoding="utf-8",
    )
    findings = scan_narrative(tmp_path, ["020 7361 2552"])
    assert [(f.line, f.kind, f.value) for f in findings] == [
        (3, "email address", "jo.smith@westminster.gov.uk")
    ]


def test_the_bundled_narrative_has_nothing_to_find():
    from complaints_report import content

    for service, label in (("asc", "2020-21"), ("childrens", "2021-22")):
        year = ReportingYear.parse(label)
        allowed = content.read_meta(paths.CONTENT_DIR, year, service).get("allowed_identifiers") or []
        assert scan_narrative(paths.CONTENT_DIR / label / service, allowed, ["ASC-2020-0012"]) == []


# --------------------------------------------------------------------------- the build and the command line


@pytest.fixture
def example_with_personal_data_in_an_ombudsman_summary(tmp_path) -> Path:
    """The example exports with an email, a phone number and a postcode in a 2020/21 ASC summary."""
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    ombudsman = data / "ombudsman.csv"
    text = ombudsman.read_text(encoding="utf-8")
    old = "A Direct Payment plan stopped for lack of evidence of how it was used"
    assert old in text
    quoted = f'"{old} (Mr A, a.person@gmail.com, 07700 900123, W2 1AA)"'  # a CSV cell with commas
    ombudsman.write_text(text.replace(old, quoted), "utf-8")
    return data


def test_the_build_warns_of_personal_data_in_the_exports_and_the_team_may_allow_its_own_contact(
    example_with_personal_data_in_an_ombudsman_summary, tmp_path
):
    year = ReportingYear.parse("2020-21")
    inputs = load_inputs(example_with_personal_data_in_an_ombudsman_summary)
    material = build_module.privacy_material(inputs, "asc", year)
    request = BuildRequest(
        year=year, services=["asc"], content_dir=paths.CONTENT_DIR, out_dir=tmp_path / "out"
    )

    warnings = build_module.privacy_findings(request, material, "asc")

    summary = [
        w for w in warnings if "ombudsman.csv, row 7, reference LGSCO-ASC-2020-01, column 'summary'" in w
    ]
    assert len(summary) == 3  # the email address, the telephone number and the postcode
    assert any("a.person@gmail.com" in w for w in summary)
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR / "2020-21", content / "2020-21")
    meta = content / "2020-21" / "asc" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "  - a.person@gmail.com\n", encoding="utf-8")
    request.content_dir = content
    allowed = build_module.privacy_findings(request, material, "asc")
    assert not [w for w in allowed if "a.person@gmail.com" in w]
    assert len(allowed) == len(warnings) - 1


def test_the_build_warns_of_personal_data_and_case_references_in_the_actions_file(tmp_path):
    year = ReportingYear.parse("2020-21")
    content = tmp_path / "content"
    shutil.copytree(paths.CONTENT_DIR / "2020-21", content / "2020-21")
    actions = content / "2020-21" / "asc" / "actions.csv"
    actions.write_text(
        actions.read_text(encoding="utf-8-sig")
        + "2020-21,learning,ASC-2020-0012 showed it,Call back on 07700 900123,,,planned,\n",
        encoding="utf-8",
    )
    request = BuildRequest(year=year, services=["asc"], content_dir=content, out_dir=tmp_path / "out")
    material = {"references": ["ASC-2020-0012"], "input_findings": []}

    warnings = build_module.privacy_findings(request, material, "asc")

    row = [w for w in warnings if "content/2020-21/asc/actions.csv row 10" in w]
    assert len(row) == 2, warnings
    assert any("telephone number ('07700 900123')" in w for w in row)
    assert any("case reference ('ASC-2020-0012')" in w for w in row)
    assert not [w for w in warnings if "actions.csv row 2" in w]  # the example's own rows are clean


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_strict_refuses_personal_data_in_an_ombudsman_summary_and_leaves_out_untouched(
    example_with_personal_data_in_an_ombudsman_summary, tmp_path
):
    out = tmp_path / "out"
    (out / "2020-21" / "asc").mkdir(parents=True)
    (out / "2020-21" / "asc" / "report.html").write_text("last year's published report", encoding="utf-8")
    before = snapshot(out)
    command = Path(sys.executable).with_name("complaints-report")
    result = subprocess.run(
        [
            str(command) if command.exists() else "complaints-report",
            "build",
            "--year",
            "2020-21",
            "--service",
            "asc",
            "--data",
            str(example_with_personal_data_in_an_ombudsman_summary),
            "--out",
            str(out),
            "--strict",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "250"},
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    message = " ".join(result.stderr.split())
    assert "ombudsman.csv, row 7, reference LGSCO-ASC-2020-01, column 'summary'" in message
    for found in ("a.person@gmail.com", "07700 900123", "W2 1AA"):
        assert found in message
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before
    assert not list(tmp_path.glob(".out-building-*"))
