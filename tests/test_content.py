"""Narrative: figures filled into the analyst's Markdown, visible placeholders, and new-year templates."""

from __future__ import annotations

import pytest

from complaints_report import content, markup
from complaints_report.content import ContentError
from complaints_report.years import ReportingYear

YEAR = ReportingYear(2021)
FIGURES = {
    "complaints_accepted": 1234,
    "year_display": "2021/22",
    "upheld_or_partly_pct": 36,
    "ombudsman_remedy_total": 800.5,
    "category_counts": {"Delay": 3},
}


def write_section(content_dir, year: ReportingYear, service: str, key: str, text: str):
    path = content.section_path(content_dir, year, service, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- read_section


def test_read_section_fills_figures(tmp_path):
    write_section(
        tmp_path,
        YEAR,
        "asc",
        "volume",
        "We accepted {{ complaints_accepted }} complaints in {{year_display}}; "
        "{{  upheld_or_partly_pct  }}% were upheld. Remedies: £{{ ombudsman_remedy_total }}.\n",
    )
    text, is_placeholder = content.read_section(tmp_path, YEAR, "asc", "volume", FIGURES)
    assert not is_placeholder
    # a figure is written as text (markup.py), so whatever it holds prints as it is
    assert text == "We accepted 1\\,234 complaints in 2021\\/22; 36% were upheld. Remedies: £800\\.5."


def test_narrative_quotes_the_change_from_last_year_as_computed_words(tmp_path):
    write_section(tmp_path, YEAR, "childrens", "stage2", "Stage 2 complaints {{ stage2_received_change }}.")
    figures = {"stage2_received": 12, "previous_year": {"stage2_received": 5, "year_display": "2020/21"}}

    text, _ = content.read_section(tmp_path, YEAR, "childrens", "stage2", figures)

    assert text == "Stage 2 complaints rose from 5 to 12."


def test_a_figure_holding_markup_prints_as_text(tmp_path):
    write_section(tmp_path, YEAR, "asc", "volume", "Year {{ year_display }}.")
    figures = FIGURES | {"year_display": "<img src=x onerror=alert(1)>"}
    text, _ = content.read_section(tmp_path, YEAR, "asc", "volume", figures)
    assert text == "Year \\<img src\\=x onerror\\=alert\\(1\\)\\>."


def test_read_section_without_fields_is_returned_as_written(tmp_path):
    write_section(tmp_path, YEAR, "asc", "future", "- Train staff\n- Review letters\n")
    assert content.read_section(tmp_path, YEAR, "asc", "future", FIGURES) == (
        "- Train staff\n- Review letters",
        False,
    )


def test_unknown_metric_names_the_file_line_and_the_bad_name(tmp_path):
    path = write_section(
        tmp_path,
        YEAR,
        "asc",
        "volume",
        "First paragraph.\n\nWe accepted {{ complaints_acepted }} complaints.",
    )
    with pytest.raises(ContentError) as error:
        content.read_section(tmp_path, YEAR, "asc", "volume", FIGURES)
    message = str(error.value)
    assert f"{path.as_posix()}, line 3:" in message
    assert "complaints_acepted" in message
    assert "complaints_accepted" in message  # the known figures are listed to help the fix


def test_a_count_object_is_not_a_figure_for_prose(tmp_path):
    write_section(tmp_path, YEAR, "asc", "nature", "Categories: {{ category_counts }}")
    with pytest.raises(ContentError, match="category_counts"):
        content.read_section(tmp_path, YEAR, "asc", "nature", FIGURES)


@pytest.mark.parametrize(
    "text", [None, "", "   \n\n", "<!-- TEMPLATE: Volume of complaints. Write here. -->\n"]
)
def test_missing_empty_or_template_section_gives_a_visible_placeholder(tmp_path, text):
    path = content.section_path(tmp_path, YEAR, "asc", "volume")
    if text is not None:
        write_section(tmp_path, YEAR, "asc", "volume", text)
    shown, is_placeholder = content.read_section(tmp_path, YEAR, "asc", "volume", FIGURES)
    assert is_placeholder
    assert shown.startswith('::: {.callout-warning title="Narrative needed"}')
    # the file is named from the content folder: no path of the machine reaches the report
    assert markup.text(f"{tmp_path.name}/2021-22/asc/volume.md") in shown
    assert str(tmp_path.parent) not in shown and path.exists() == (text is not None)
    assert "Volume of complaints" in shown


def test_section_title():
    assert content.section_title("asc", "lgsco") == "Ombudsman (LGSCO) activity"
    assert content.section_title("childrens", "stage2") == "Complaints at stage 2"


def test_section_path_layout(tmp_path):
    assert (
        content.section_path(tmp_path, YEAR, "childrens", "learning")
        == tmp_path / "2021-22" / "childrens" / "learning.md"
    )


# --------------------------------------------------------------------------- missing_sections


def test_missing_sections_lists_titles_of_absent_empty_and_template_files(tmp_path):
    for section in content.ASC_SECTIONS:
        write_section(tmp_path, YEAR, "asc", section.key, f"Text for {section.title}.")
    write_section(tmp_path, YEAR, "asc", "volume", "")
    write_section(tmp_path, YEAR, "asc", "outcomes", "<!-- TEMPLATE: Outcomes. -->")
    content.section_path(tmp_path, YEAR, "asc", "future").unlink()
    assert content.missing_sections(tmp_path, YEAR, "asc") == [
        "Volume of complaints",
        "Outcomes",
        "Future development",
    ]


def test_missing_sections_of_an_empty_folder_is_every_section_but_the_optional_ones(tmp_path):
    assert content.missing_sections(tmp_path, YEAR, "childrens") == [
        s.title for s in content.CHILDRENS_SECTIONS if not s.optional
    ]


def test_who_complained_is_optional_in_both_reports_and_shows_nothing_unwritten(tmp_path):
    for service in content.SECTIONS:
        assert [s.key for s in content.SECTIONS[service] if s.optional] == ["who_complained"]
        write_section(tmp_path, YEAR, service, "who_complained", "<!-- TEMPLATE: Who complained. -->")
        assert content.read_section(tmp_path, YEAR, service, "who_complained", {}) == ("", False)
        write_section(tmp_path, YEAR, service, "who_complained", "How we ask about equality.")
        assert content.read_section(tmp_path, YEAR, service, "who_complained", {}) == (
            "How we ask about equality.",
            False,
        )


# --------------------------------------------------------------------------- meta.yml


def test_read_meta(tmp_path):
    folder = tmp_path / "2021-22" / "asc"
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text(
        "council: Exampleshire\ncontact:\n  email: complaints@example.gov.uk\n", encoding="utf-8"
    )
    assert content.read_meta(tmp_path, YEAR, "asc") == {
        "council": "Exampleshire",
        "contact": {"email": "complaints@example.gov.uk"},
    }


def test_read_meta_missing_or_empty(tmp_path):
    assert content.read_meta(tmp_path, YEAR, "asc") == {}
    folder = tmp_path / "2021-22" / "asc"
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text("", encoding="utf-8")
    assert content.read_meta(tmp_path, YEAR, "asc") == {}


def test_read_meta_bad_yaml_names_the_file(tmp_path):
    folder = tmp_path / "2021-22" / "asc"
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text("council: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError, match="meta.yml"):
        content.read_meta(tmp_path, YEAR, "asc")


# --------------------------------------------------------------------------- new_year


def write_year(content_dir, year: ReportingYear, service: str = "asc", label: str = "") -> None:
    label = label or year.label
    for section in content.SECTIONS[service]:
        write_section(content_dir, year, service, section.key, f"{section.title} text from {label}.\n")
    (content_dir / year.label / service / "meta.yml").write_text(
        f"council: Exampleshire\nteam: Team of {label}\n", encoding="utf-8"
    )


def test_new_year_copies_carried_sections_and_writes_templates_for_the_rest(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    new = ReportingYear(2021)
    content.new_year(tmp_path, new, services=("asc",))
    folder = tmp_path / "2021-22" / "asc"
    for section in content.ASC_SECTIONS:
        text = (folder / f"{section.key}.md").read_text(encoding="utf-8")
        if section.carried:
            assert text == f"{section.title} text from 2020-21.\n", section.key
        else:
            assert content.is_template(text), section.key
            assert "2020-21" not in text
            assert section.title in text
    assert (folder / "process.md").read_text(encoding="utf-8") == "About the process text from 2020-21.\n"
    assert (folder / "meta.yml").read_text(
        encoding="utf-8"
    ) == "council: Exampleshire\nteam: Team of 2020-21\n"


def test_new_year_templates_are_reported_as_missing(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    content.new_year(tmp_path, YEAR, services=("asc",))
    missing = content.missing_sections(tmp_path, YEAR, "asc")
    assert missing == [s.title for s in content.ASC_SECTIONS if not s.carried]
    shown, is_placeholder = content.read_section(tmp_path, YEAR, "asc", "volume", FIGURES)
    assert is_placeholder and "Narrative needed" in shown


def test_new_year_never_overwrites_an_existing_file(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    mine = write_section(tmp_path, YEAR, "asc", "process", "My own new process text.\n")
    volume = write_section(tmp_path, YEAR, "asc", "volume", "Already written volume text.\n")
    meta = tmp_path / "2021-22" / "asc" / "meta.yml"
    meta.write_text("council: New name\n", encoding="utf-8")
    done = dict(content.new_year(tmp_path, YEAR, services=("asc",)))
    assert mine.read_text(encoding="utf-8") == "My own new process text.\n"
    assert volume.read_text(encoding="utf-8") == "Already written volume text.\n"
    assert meta.read_text(encoding="utf-8") == "council: New name\n"
    assert done[mine] == done[volume] == done[meta] == "kept (already exists)"


def test_new_year_run_twice_changes_nothing(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    content.new_year(tmp_path, YEAR, services=("asc",))
    folder = tmp_path / "2021-22" / "asc"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    done = content.new_year(tmp_path, YEAR, services=("asc",))
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert {what for _, what in done} == {"kept (already exists)"}


def test_new_year_reports_what_it_did(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    done = dict(content.new_year(tmp_path, YEAR, services=("asc",)))
    folder = tmp_path / "2021-22" / "asc"
    assert done[folder / "process.md"] == "copied forward from 2020-21"
    assert done[folder / "meta.yml"] == "copied forward from 2020-21"
    assert done[folder / "volume.md"] == "template written"
    assert done[folder / "actions.csv"] == "template written (no earlier actions file)"
    assert len(done) == len(content.ASC_SECTIONS) + 2  # meta.yml and actions.csv


def test_new_year_carries_last_years_open_actions_forward(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    (tmp_path / "2020-21" / "asc" / "actions.csv").write_text(
        "agreed,kind,learned,action,owner,due,status,progress\n"
        "2020-21,learning,L1,Still going,,,in progress,\n"
        "2020-21,learning,L2,Finished,,,done,\n",
        encoding="utf-8",
    )

    done = dict(content.new_year(tmp_path, YEAR, services=("asc",)))

    new_file = tmp_path / "2021-22" / "asc" / "actions.csv"
    assert done[new_file].startswith("one open action carried forward from ")
    assert "Still going" in new_file.read_text(encoding="utf-8-sig")
    assert "Finished" not in new_file.read_text(encoding="utf-8-sig")


def test_new_year_stops_on_a_broken_actions_file_of_last_year(tmp_path):
    from complaints_report.problems import InputError

    write_year(tmp_path, ReportingYear(2020))
    (tmp_path / "2020-21" / "asc" / "actions.csv").write_text(
        "agreed,kind,action,status\n2020-21,learning,Do it,nearly\n", encoding="utf-8"
    )

    with pytest.raises(InputError, match="status"):
        content.new_year(tmp_path, YEAR, services=("asc",))
    assert not (tmp_path / "2021-22" / "asc" / "actions.csv").exists()


def test_new_year_copies_from_the_latest_earlier_year(tmp_path):
    write_year(tmp_path, ReportingYear(2018))
    write_year(tmp_path, ReportingYear(2019))
    write_year(tmp_path, ReportingYear(2022))  # a later year is never a source
    (tmp_path / "notes").mkdir()  # not a year folder
    content.new_year(tmp_path, ReportingYear(2021), services=("asc",))
    text = (tmp_path / "2021-22" / "asc" / "process.md").read_text(encoding="utf-8")
    assert text == "About the process text from 2019-20.\n"


def test_new_year_only_uses_the_same_service(tmp_path):
    write_year(tmp_path, ReportingYear(2020), service="childrens")
    content.new_year(tmp_path, YEAR, services=("asc",))
    assert content.is_template((tmp_path / "2021-22" / "asc" / "process.md").read_text(encoding="utf-8"))


def test_new_year_carried_file_missing_last_year_gets_a_template(tmp_path):
    write_year(tmp_path, ReportingYear(2020))
    content.section_path(tmp_path, ReportingYear(2020), "asc", "about").unlink()
    content.new_year(tmp_path, YEAR, services=("asc",))
    assert content.is_template((tmp_path / "2021-22" / "asc" / "about.md").read_text(encoding="utf-8"))


def test_new_year_with_no_earlier_year(tmp_path):
    done = content.new_year(tmp_path, ReportingYear(2022))
    for service, sections in content.SECTIONS.items():
        folder = tmp_path / "2022-23" / service
        for section in sections:
            text = (folder / f"{section.key}.md").read_text(encoding="utf-8")
            assert content.is_template(text), (service, section.key)
            assert section.guidance in text
        assert content.read_meta(tmp_path, ReportingYear(2022), service) == {
            "council": None,
            "team": None,
            "team_short": None,
            "contact": {"email": None, "phone": None},
            "allowed_identifiers": [],
        }
    assert {what for _, what in done} == {"template written", "template written (no earlier actions file)"}
    assert len(done) == sum(len(s) + 2 for s in content.SECTIONS.values())


def test_latest_year_before(tmp_path):
    assert content.latest_year_before(tmp_path, YEAR, "asc") is None
    write_year(tmp_path, ReportingYear(2019))
    write_year(tmp_path, ReportingYear(2021))
    assert content.latest_year_before(tmp_path, ReportingYear(2022), "asc") == ReportingYear(2021)
    assert content.latest_year_before(tmp_path, ReportingYear(2021), "asc") == ReportingYear(2019)


# --------------------------------------------------------------------------- meta.yml checked (issue 12)


def write_meta(content_dir, text: str, service: str = "asc"):
    folder = content_dir / YEAR.label / service
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "meta.yml").write_text(text, encoding="utf-8")
    return folder / "meta.yml"


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ('contact: "x@y"\n', "line 1, key 'contact', value 'x@y'", "should hold 'email:' and 'phone:' lines"),
        ("contact:\n  email: x@y\n", "line 2, key 'contact: email', value 'x@y'", "is not an email address"),
        ("contact:\n  phone: ring the office\n", "key 'contact: phone'", "is not a telephone number"),
        ("councl: Northfield\n", "line 1, key 'councl'", "is not a meta.yml key"),
        ("allowed_identifiers: 01632 960123\n", "key 'allowed_identifiers'", "should be a list"),
    ],
)
def test_a_meta_yml_mistake_is_refused_naming_the_file_the_key_and_what_is_expected(
    tmp_path, text, where, expected
):
    path = write_meta(tmp_path, text)

    with pytest.raises(ContentError) as error:
        content.read_meta(tmp_path, YEAR, "asc")

    assert str(error.value).startswith(content.shown_path(path))
    assert where in str(error.value) and expected in str(error.value)


def test_published_contact_details_pass_the_check(tmp_path):
    write_meta(
        tmp_path,
        "council: Northfield Borough Council\ncontact:\n  email: complaints@northfield.example\n"
        "  phone: 01632 960123 or 0800 000 0000\nallowed_identifiers:\n  - 01632 960123\n",
    )

    assert content.read_meta(tmp_path, YEAR, "asc")["contact"]["phone"] == "01632 960123 or 0800 000 0000"


@pytest.mark.parametrize(
    ("text", "warned"), [(None, True), ("council:\n", True), ("council: Northfield\n", False)]
)
def test_a_report_that_would_name_no_council_is_warned_about(tmp_path, text, warned):
    if text is not None:
        write_meta(tmp_path, text)

    warnings = content.council_warnings(tmp_path, YEAR, "asc")

    assert bool(warnings) == warned
    if warned:
        assert "names no council" in warnings[0] and "meta.yml" in warnings[0]


def test_init_names_the_council_and_copies_nothing_from_another(tmp_path):
    write_year(tmp_path / "content", ReportingYear(2020))  # a year of some other council's narrative nearby
    done = content.init_council(tmp_path / "mine", "King's Lynn: West Norfolk", YEAR, services=("asc",))

    assert {what for _, what in done} == {"template written", "template written (no earlier actions file)"}
    assert content.read_meta(tmp_path / "mine", YEAR, "asc")["council"] == "King's Lynn: West Norfolk"
    assert content.council_warnings(tmp_path / "mine", YEAR, "asc") == []
    assert content.missing_sections(tmp_path / "mine", YEAR, "asc") == [
        s.title for s in content.ASC_SECTIONS if not s.optional
    ]


def test_check_content_finds_a_file_that_is_no_section_and_a_folder_that_is_no_year(tmp_path):
    content.init_council(tmp_path, "Northfield Borough Council", YEAR)
    (tmp_path / YEAR.label / "asc" / "volumes.md").write_text("Text.", encoding="utf-8")
    (tmp_path / "2022").mkdir()

    problems, notes = content.check_content(tmp_path)

    assert {p.message.split(",")[0] for p in problems} == {
        "is not a year folder",
        "is not a section of the Adult Social Care report",
    }
    assert len(notes) == 2 and all("still to write" in note for note in notes)
