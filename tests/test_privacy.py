"""No personal data in a published report: the scan of narrative and quotes."""

from __future__ import annotations

from complaints_report.privacy import scan


def kinds(findings) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in findings]


def test_an_email_address_in_the_narrative_is_found():
    findings = scan({"learning.md": "Write to jane.doe@gmail.com for details."}, set())
    assert kinds(findings) == [("email address", "jane.doe@gmail.com")]
    assert "learning.md" in str(findings[0]) and "allowed_identifiers" in str(findings[0])


def test_uk_phone_numbers_in_common_forms_are_found():
    text = "Call 020 7361 2552, 07700 900123 or +44 20 7946 0958."
    found = [value for kind, value in kinds(scan({"a": text}, set())) if kind == "telephone number"]
    assert len(found) == 3


def test_nhs_numbers_and_postcodes_are_found():
    found = dict(
        (kind, value) for kind, value in kinds(scan({"a": "NHS no 943 476 5919, lives at SW1A 1AA"}, set()))
    )
    assert found["NHS number"] == "943 476 5919"
    assert found["postcode"] == "SW1A 1AA"


def test_a_case_reference_from_the_exports_is_found():
    findings = scan(
        {"quote 1": "Thanks for sorting ASC-2020-0012 so quickly"}, {"ASC-2020-0012", "ASC-2020-0013"}
    )
    assert kinds(findings) == [("case reference", "ASC-2020-0012")]


def test_the_teams_published_contact_details_are_allowed():
    text = "Contact ASCCustomerfeedback@westminster.gov.uk or 020 7361 2552."
    allowed = ["ASCCustomerfeedback@westminster.gov.uk", "020 7361 2552"]
    assert scan({"final_comments.md": text}, set(), allowed) == []


def test_plain_narrative_with_timescales_and_years_is_clean():
    text = "Complaints are acknowledged within 3 working days and answered within 10, as the 2009 regulations ask."
    assert scan({"process.md": text}, {"C1"}) == []
