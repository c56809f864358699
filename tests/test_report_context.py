"""What report.qmd reads: sentences computed from metrics.json, artefacts from artefacts.json, narrative."""

from __future__ import annotations

import copy

import builders
import pandas as pd
import pytest

from complaints_report import artefacts, charts, tables
from complaints_report.report_context import ReportContext

pytestmark = pytest.mark.usefixtures("close_figures")


# --------------------------------------------------------------------------- hand-made figures


def childrens_figures() -> dict:
    """The shared Children's figures with one complaint still open, no stage 3 and what the
    sentences need: rejection reasons, Member enquiries and the Ombudsman's cases."""
    figures = builders.childrens_figures()
    return {
        **figures,
        "open": 1,
        "rejection_reasons": {"Not about Children's Services": 8, "Duplicate complaint": 4},
        "stage1_responded": 62,
        "within_10": 43,
        "stage_table": [
            # stage, received, statutory, corporate, upheld, partly, not upheld, withdrawn, open
            builders.stage_row(1, 63, 12, 51, 12, 10, 39, 2, 1),
            builders.stage_row(2, 12, 4, 8, 1, 2, 1, 6, 2),
            builders.stage_row(3, 0, 0, 0, 0, 0, 0, 0, 0),
        ],
        "member_enquiries": 40,
        "member_enquiries_within_5_pct": 85,
        "compliments_by_team": {"Early Help": 14, "Access and Assessment": 10, "SEN": 7},
        "ombudsman_not_investigated": 3,
        "ombudsman_reasons_not_investigated": [
            "Outside jurisdiction",
            "Right of appeal not yet used",
            "LGSCO: premature",
        ],
        "ombudsman_cases": [
            {
                "reference": "L1",
                "summary": "Transport application",
                "finding": "Fault found",
                "remedy": "Pay costs",
                "remedy_amount": 800.0,
            },
        ],
        "previous_year": {
            **figures["previous_year"],
            "within_10_pct": 62,
            "upheld_or_partly_pct": 34,
            "member_enquiries_within_5_pct": 90,
        },
    }


def asc_figures() -> dict:
    return {
        "year": "2020-21",
        "service": "asc",
        "year_display": "2020/21",
        "service_name": "Adult Social Care",
        "complaints_received": 90,
        "complaints_rejected": 5,
        "complaints_accepted": 85,
        "upheld": 20,
        "partly_upheld": 10,
        "not_upheld": 50,
        "withdrawn": 0,
        "open": 0,
        "upheld_or_partly_pct": 38,
        "category_counts": {"Quality of service": 40, "Communication": 25, "Charging": 20},
        "area_counts": {"Assessment and care management": 52, "Home care": 33},
        "stage1_responded": 80,
        "within_10_pct": 72,
        "within_20_pct": 18,
        "over_20_pct": 10,
        "ombudsman_received": 4,
        "ombudsman_investigated": 0,
        "ombudsman_fault_found": 0,
        "ombudsman_remedy_total": 0,
        "ombudsman_reasons_not_investigated": [
            "Premature",
            "Outside jurisdiction",
            "Premature",
            "Out of time",
        ],
        "previous_year": {
            "year": "2019-20",
            "year_display": "2019/20",
            "complaints_accepted": 89,
            "complaints_received": 95,
        },
    }


QUOTES = [
    {"Team": "Access and Assessment", "Compliment": "You listened to us."},
    {"Team": "Early Help", "Compliment": "Thank you for all your help."},
    {"Team": "Early Help", "Compliment": "Brilliant support."},
]


def make_context(
    tmp_path,
    figures: dict,
    service: str,
    *,
    with_artefacts: bool = True,
    quotes=(),
    meta: str = "council: Exampleshire\nteam: Customer Relationship Team\n",
    sections=None,
):
    out = tmp_path / "out"
    chart_index, table_index = [], []
    if with_artefacts:
        if service == "childrens":
            chart_index.append(artefacts.save_chart(charts.received_chart(figures), out))
            table_index.append(artefacts.save_table(tables.departments_table(figures), out))
        else:
            volume = charts.yearly_bars(
                "volume", ["2018/19", "2019/20", "2020/21"], [99, 89, 85], "T", "complaints"
            )
            chart_index.append(artefacts.save_chart(volume, out))
            table_index.append(
                artefacts.save_table(tables.areas_table(figures | {"area_team_counts": {}}), out)
            )
    artefacts.write_metrics(out, figures)
    artefacts.write_index(out, chart_index, table_index, list(quotes))
    content_dir = tmp_path / "content"
    folder = content_dir / figures["year"] / service
    folder.mkdir(parents=True)
    if meta is not None:
        (folder / "meta.yml").write_text(meta, encoding="utf-8")
    for key, text in (sections or {}).items():
        (folder / f"{key}.md").write_text(text, encoding="utf-8")
    return ReportContext.load(service, figures["year"], out, content_dir)


def childrens_context(tmp_path, *, without=(), **changes) -> ReportContext:
    """A Children's context with no charts or tables, from the figures with ``changes`` made and
    the keys ``without`` left out."""
    figures = childrens_figures() | changes
    for key in without:
        del figures[key]
    return make_context(tmp_path, figures, "childrens", with_artefacts=False)


@pytest.fixture
def childrens(tmp_path) -> ReportContext:
    return make_context(tmp_path, childrens_figures(), "childrens", quotes=QUOTES)


@pytest.fixture
def childrens_first_year(tmp_path) -> ReportContext:
    return childrens_context(tmp_path, without=["previous_year"])


@pytest.fixture
def asc(tmp_path) -> ReportContext:
    return make_context(
        tmp_path, asc_figures(), "asc", meta="team: Customer Experience Team\nteam_short: CE Team\n"
    )


# --------------------------------------------------------------------------- loading


def test_load_reads_metrics_index_and_meta(childrens):
    assert childrens.m["complaints_accepted"] == 63
    assert childrens.prev["complaints_accepted"] == 58
    assert [c["name"] for c in childrens.index["charts"]] == ["received"]
    assert childrens.meta["council"] == "Exampleshire"
    assert childrens.year.label == "2021-22"


def test_figure_helpers(childrens):
    assert childrens.n("complaints_received") == "75"
    assert childrens.share_of(12) == "19%"
    assert childrens.money("ombudsman_remedy_total") == "£1,100"
    assert childrens.top("category_counts") == [
        ("Quality of service", 23, "37%"),
        ("Failure to take action", 16, "25%"),
    ]
    assert childrens.period() == "1 April 2021 and 31 March 2022"
    assert childrens.prev_display() == "2020/21"


def test_comparisons(childrens):
    assert childrens.count_change("complaints_accepted") == "slightly higher than last year's figure of 58"
    assert childrens.percent_change("complaints_accepted") == "a 9% increase from 58"
    assert (
        childrens.points_change("stage1_within_timescale_pct")
        == "7 percentage points better than 74% in 2020/21"
    )


def test_comparisons_without_a_previous_year(childrens_first_year):
    r = childrens_first_year
    assert r.prev == {}
    assert r.count_change("complaints_accepted") == "the first year for which figures are available"
    assert r.percent_change("complaints_accepted") == "with no figure for last year to compare"
    assert r.points_change("within_10_pct") == "with no figure for last year to compare"


# --------------------------------------------------------------------------- sentences


def test_outcome_sentence(childrens):
    assert childrens.outcome_sentence() == (
        "Under half of the complaints decided (36%) were upheld or "
        "partly upheld: 12 upheld, 10 partly upheld and "
        "39 not upheld. 2 complaints were withdrawn and 1 complaint was still open at the end of the year."
    )


def test_outcome_sentence_nothing_decided(tmp_path):
    r = childrens_context(tmp_path, without=["upheld_or_partly_pct"])
    assert r.outcome_sentence() == "No complaints had been decided by the end of the year."


def test_bands_sentence_with_points_change(childrens):
    assert childrens.bands_sentence() == (
        "Of the 62 complaints answered, 70% were answered within 10 working days. A "
        "further 24% took 11 to 20 working days and "
        "6% took more than 20. Answers within 10 working days were 8 "
        "percentage points better than 62% in 2020/21."
    )


def test_bands_sentence_without_previous_year(childrens_first_year):
    text = childrens_first_year.bands_sentence()
    assert text.endswith("6% took more than 20.")
    assert "percentage point" not in text


def test_bands_sentence_nothing_answered(tmp_path):
    r = childrens_context(tmp_path, stage1_responded=0)
    assert r.bands_sentence() == "No complaints had been answered by the end of the year."


def test_received_sentence(childrens):
    assert childrens.received_sentence() == (
        "In 2021/22 the Customer Relationship Team received 75 "
        "complaints about Children's Services. Of these, 12 were not "
        "accepted (Not about Children's Services, duplicate complaint), leaving 63: 12 under the statutory "
        "procedure and 51 under the non-statutory (corporate) "
        "procedure. This is a 9% increase from 58 in 2020/21."
    )


def test_received_sentence_without_previous_year_or_rejections(tmp_path):
    r = childrens_context(
        tmp_path,
        without=["previous_year"],
        complaints_rejected=0,
        complaints_received=63,
        rejection_reasons={},
    )
    assert r.received_sentence() == (
        "In 2021/22 the Customer Relationship Team received 63 "
        "complaints about Children's Services. All 63 were "
        "accepted: 12 under the statutory procedure and 51 under the non-statutory (corporate) procedure."
    )


@pytest.mark.parametrize(
    ("meta", "team"),
    [
        ("team: Customer Relationship Team\nteam_short: the Team\n", "the Team"),
        ("team: Customer Relationship Team\nteam_short: The Team\n", "the Team"),
        ("team: Customer Relationship Team\n", "the Customer Relationship Team"),
        ("council: Exampleshire\n", "the complaints team"),
        (None, "the complaints team"),
    ],
)
def test_team_name_in_running_text(tmp_path, meta, team):
    r = make_context(tmp_path, childrens_figures(), "childrens", with_artefacts=False, meta=meta)
    assert r.received_sentence().startswith(f"In 2021/22 {team} received 75 complaints")
    assert " the the " not in r.received_sentence().lower()


def test_timeliness_sentence(childrens):
    assert childrens.timeliness_sentence() == (
        "Of the 62 stage 1 complaints answered, Children's Services answered 81% within "
        "the timescale (10 working days, or 20 where "
        "an extension was agreed), 7 percentage points better than 74% in 2020/21."
    )


def test_timeliness_sentence_without_previous_year(childrens_first_year):
    assert childrens_first_year.timeliness_sentence().endswith("where an extension was agreed).")


def test_stage_sentence_with_open_cases(childrens):
    assert childrens.stage_sentence(2) == (
        "12 complaints were received at stage 2 in 2021/22: 4 "
        "statutory and 8 non-statutory. Outcomes: 1 upheld, "
        "2 partly upheld, 1 not upheld, 6 withdrawn. 2 complaints "
        "have not concluded yet; the outcome will be "
        "reported in the 2022/23 report."
    )


def test_stage_sentence_single_open_case(tmp_path):
    figures = childrens_figures()
    figures["stage_table"][2] = builders.stage_row(3, 1, 1, 0, 0, 0, 0, 0, 1)
    r = make_context(tmp_path, figures, "childrens", with_artefacts=False)
    assert r.stage_sentence(3) == (
        "1 complaint was received at stage 3 in 2021/22: 1 statutory "
        "and 0 non-statutory. 1 complaint has not "
        "concluded yet; the outcome will be reported in the 2022/23 report."
    )


def test_stage_sentence_none_received(childrens):
    assert childrens.stage_sentence(3) == "No complaints were considered at stage 3 in 2021/22."


def test_ombudsman_sentence_with_reasons_and_remedies(childrens):
    assert childrens.ombudsman_sentence() == (
        "The Local Government and Social Care Ombudsman (LGSCO) "
        "told the council about 6 new complaints in 2021/22, "
        "compared with 3 in 2020/21. It investigated three; three "
        "were not investigated (outside jurisdiction; "
        "right of appeal not yet used; LGSCO: premature). It found "
        "fault in three of the cases it investigated, "
        "and financial remedies totalled £1,100."
    )


def test_ombudsman_sentence_none_investigated(asc):
    text = asc.ombudsman_sentence()
    assert "told the council about 4 new complaints in 2020/21." in text
    assert "compared with" not in text  # no Ombudsman figure for the year before
    assert text.endswith(
        "It investigated none; four were not investigated (premature; "
        "outside jurisdiction; premature; out of time)."
    )
    assert "fault" not in text and "£" not in text


def test_ombudsman_sentence_no_fault_found(tmp_path):
    r = childrens_context(tmp_path, ombudsman_fault_found=0, ombudsman_remedy_total=0)
    assert r.ombudsman_sentence().endswith("It found fault in none of the cases it investigated.")


def test_ombudsman_sentence_without_figures(tmp_path):
    r = childrens_context(tmp_path, without=["ombudsman_received"])
    assert r.ombudsman_sentence() == "There are no Ombudsman figures for this year."


def test_enquiries_sentence(childrens):
    assert childrens.enquiries_sentence() == (
        "The Customer Relationship Team handled 40 Member enquiries in 2021/22. 85% of those answered were "
        "answered within the council-wide standard of 5 working days, 5 "
        "percentage points worse than 90% in 2020/21."
    )


def test_compliments_sentence(childrens):
    assert childrens.compliments_sentence() == (
        "58 compliments were recorded in 2021/22. Early Help received the most (14), followed by "
        "Access and Assessment (10)."
    )


def test_compliments_sentence_one_team(tmp_path):
    r = childrens_context(tmp_path, compliments=1, compliments_by_team={"SEN": 1})
    assert r.compliments_sentence() == "1 compliment was recorded in 2021/22."


def test_category_and_area_sentences(childrens):
    assert childrens.category_sentence(2) == (
        "Of the complaints accepted, 37% were about quality of service and 25% about failure to take action."
    )
    # team names are proper nouns and acronyms stay in capitals
    assert childrens.area_sentence() == (
        "19% of complaints in 2021/22 were about Access and Assessment, and 14% about SEN."
    )


def test_area_sentence_generic_categories_in_lower_case(asc):
    assert asc.area_sentence() == (
        "61% of complaints in 2020/21 were about assessment and care management, and 39% about home care."
    )


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Duplicate complaint", "duplicate complaint"),
        ("Outside jurisdiction", "outside jurisdiction"),
        ("SEN", "SEN"),
        ("SEN transport", "SEN transport"),
        ("Not about Children's Services", "Not about Children's Services"),
        ("Northeast Social Work team", "Northeast Social Work team"),
        ("", ""),
    ],
)
def test_labels_in_running_text(label, shown):
    from complaints_report.report_context import _in_sentence

    assert _in_sentence(label) == shown


def test_category_sentence_with_no_accepted_complaints(tmp_path):
    r = childrens_context(tmp_path, category_counts={})
    assert r.category_sentence() == "No complaints were accepted, so there are no categories to report."


# --------------------------------------------------------------------------- artefacts


def test_quotes_are_only_what_the_index_holds(childrens):
    text = childrens.quotes()
    quoted = [line[2:] for line in text.split("\n") if line.startswith("> ")]
    assert quoted == [q["Compliment"] for q in QUOTES]
    headings = [line for line in text.split("\n") if line.startswith("### ")]
    assert headings == ["### Access and Assessment", "### Early Help"]
    # nothing else: every non-blank line is a heading or a quote
    assert all(line.startswith(("### ", "> ")) for line in text.split("\n") if line.strip())


def test_quotes_do_not_come_from_anywhere_but_the_index(tmp_path):
    # a quote present elsewhere (here in the narrative folder) never reaches the report through quotes()
    r = make_context(
        tmp_path,
        childrens_figures(),
        "childrens",
        with_artefacts=False,
        sections={"compliments": "Narrative"},
    )
    assert r.quotes() == ""


def test_figure_and_table_markdown(childrens):
    figure = childrens.figure("received")
    assert "{#fig-received fig-alt=" in figure
    assert (childrens.artefacts_dir / "charts" / "received.png").exists()
    assert "<details>" in figure
    assert childrens.has_figure("received") and not childrens.has_figure("timeliness")
    assert childrens.figure("timeliness") == ""
    table = childrens.table("table_departments")
    assert "{#tbl-departments}" in table
    assert "Access and Assessment" in table and "19%" in table
    assert childrens.table("table_missing") == ""


def test_volume_trend_sentence(asc, childrens):
    assert asc.volume_trend_sentence() == (
        "Over the last three years the number of complaints has been falling each year (@fig-volume)."
    )
    assert childrens.volume_trend_sentence() == ""  # no volume chart


# --------------------------------------------------------------------------- regulations


def regulation_rows(markdown: str) -> dict[str, str]:
    rows = {}
    for line in markdown.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and not set(cells[0]) <= {"-", ":"}:
            rows[cells[0]] = cells[2]
    return rows


def test_regulations_table_asc_lists_regulation_18_items_with_this_years_numbers(asc):
    text = asc.regulations_table()
    assert "{#tbl-regulations}" in text
    assert "regulation 18" in text
    rows = regulation_rows(text)
    assert rows["Number of complaints received"] == "90"
    assert (
        rows["Number of complaints the council decided were well-founded (upheld or partly upheld)"] == "30"
    )
    assert rows["Number of complaints referred to the Ombudsman"] == "4"
    assert rows["The subject matter of complaints"] == "3 categories"
    assert "Matters of general importance arising from complaints" in rows
    assert "Action taken to improve services as a result of complaints" in rows


def test_regulations_table_asc_missing_figures(tmp_path):
    figures = asc_figures()
    for key in ("upheld", "ombudsman_received"):
        del figures[key]
    rows = regulation_rows(make_context(tmp_path, figures, "asc", with_artefacts=False).regulations_table())
    assert rows["Number of complaints referred to the Ombudsman"] == "Not available"
    assert (
        rows["Number of complaints the council decided were well-founded (upheld or partly upheld)"]
        == "Not available"
    )


def test_regulations_table_childrens(childrens):
    rows = regulation_rows(childrens.regulations_table())
    assert rows["Number of complaints at each stage"] == "63 / 12 / 0 (stages 1 / 2 / 3)"
    assert rows["Timescales met"] == "81% at stage 1"
    assert rows["Outcomes of complaints"] == "36% upheld or partly upheld at stage 1"
    assert rows["Complaints considered by the Ombudsman"] == "6"
    assert rows["Subject matter of complaints"] == "7 categories"


# --------------------------------------------------------------------------- narrative


def test_section_fills_figures_and_records_placeholders(tmp_path):
    r = make_context(
        tmp_path,
        childrens_figures(),
        "childrens",
        with_artefacts=False,
        sections={"complaints_received": "We accepted {{ complaints_accepted }} complaints."},
    )
    assert r.section("complaints_received") == "We accepted 63 complaints.\n"
    assert r.placeholders == []
    shown = r.section("stage2")
    assert "Narrative needed" in shown
    assert r.placeholders == ["Complaints at stage 2"]


def test_flat_leaves_out_count_objects(childrens):
    flat = childrens.flat()
    assert flat["complaints_accepted"] == 63
    assert "category_counts" not in flat and "stage_table" not in flat


def test_contact(tmp_path):
    r = make_context(
        tmp_path,
        childrens_figures(),
        "childrens",
        with_artefacts=False,
        meta="team: Complaints Team\ncontact:\n  email: complaints@example.gov.uk\n  phone: 01234 567890\n",
    )
    assert r.contact() == "Complaints Team  \nEmail: <complaints@example.gov.uk>  \nTelephone: 01234 567890"
    blank = make_context(
        tmp_path / "other",
        childrens_figures(),
        "childrens",
        with_artefacts=False,
        meta="team: Complaints Team\ncontact:\n  email:\n  phone:\n",
    )
    assert blank.contact() == "", "a team name with no way to reach it is left out"


def test_context_does_not_change_the_written_metrics(childrens):
    before = copy.deepcopy(childrens.m)
    for sentence in (
        childrens.outcome_sentence,
        childrens.bands_sentence,
        childrens.received_sentence,
        childrens.ombudsman_sentence,
        childrens.regulations_table,
    ):
        sentence()
    assert childrens.m == before
    assert isinstance(childrens.chart_data("received"), pd.DataFrame)
