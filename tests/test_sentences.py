"""The report's computed sentences: worded from the figures, comparisons computed, nothing typed.

Sentences are plain text; a cross-reference is a markup.Ref. fragments.py turns them into
Markdown through markup.py (tests/test_fragments.py).
"""

from __future__ import annotations

import copy

import builders
import pytest

from complaints_report import sentences
from complaints_report.markup import Ref
from complaints_report.sentences import Facts
from complaints_report.years import ReportingYear

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


VOLUME = [
    {"year": "2018/19", "complaints": 99},
    {"year": "2019/20", "complaints": 89},
    {"year": "2020/21", "complaints": 85},
]


def make_facts(
    figures: dict, service: str, *, team="Customer Relationship Team", charts=None, tables=(), quotes=0
):
    return Facts(
        service=service,
        year=ReportingYear.parse(figures["year"]),
        figures=figures,
        team=sentences.team_in_text(team),
        chart_data=charts or {},
        tables_shown=frozenset(tables),
        quotes=quotes,
    )


def childrens_context(*, without=(), **changes) -> Facts:
    """Children's facts with no charts or tables, from the figures with ``changes`` made and the keys
    ``without`` left out."""
    figures = childrens_figures() | changes
    for key in without:
        del figures[key]
    return make_facts(figures, "childrens")


@pytest.fixture
def childrens() -> Facts:
    return make_facts(childrens_figures(), "childrens", quotes=3, tables=["table_departments"])


@pytest.fixture
def childrens_first_year() -> Facts:
    return childrens_context(without=["previous_year"])


@pytest.fixture
def asc() -> Facts:
    return make_facts(asc_figures(), "asc", team="CE Team", charts={"volume": VOLUME}, tables=["table_areas"])


# --------------------------------------------------------------------------- helpers


def test_figure_helpers(childrens):
    assert sentences.share_of(childrens, 12) == "19%"
    assert sentences.top(childrens, "category_counts") == [
        ("Quality of service", 23, "37%"),
        ("Failure to take action", 16, "25%"),
    ]
    assert sentences.period(childrens.year) == "1 April 2021 and 31 March 2022"


def test_comparisons(childrens):
    assert (
        sentences.count_change(childrens, "complaints_accepted")
        == "slightly higher than last year's figure of 58"
    )
    assert sentences.percent_change(childrens, "complaints_accepted") == "a 9% increase from 58"
    assert (
        sentences.points_change(childrens, "stage1_within_timescale_pct")
        == "7 percentage points better than 74% in 2020/21"
    )


def test_comparisons_without_a_previous_year(childrens_first_year):
    f = childrens_first_year
    assert f.prev == {}
    assert (
        sentences.count_change(f, "complaints_accepted") == "the first year for which figures are available"
    )
    assert sentences.percent_change(f, "complaints_accepted") == "with no figure for last year to compare"
    assert sentences.points_change(f, "within_10_pct") == "with no figure for last year to compare"


# --------------------------------------------------------------------------- sentences


def test_outcome_sentence(childrens):
    assert sentences.outcome_sentence(childrens) == (
        "Under half of the complaints decided (36%) were upheld or "
        "partly upheld: 12 upheld, 10 partly upheld and "
        "39 not upheld. 2 complaints were withdrawn and 1 complaint was still open at the end of the year."
    )


def test_outcome_sentence_nothing_decided():
    f = childrens_context(without=["upheld_or_partly_pct"])
    assert sentences.outcome_sentence(f) == "No complaints had been decided by the end of the year."


def test_bands_sentence_with_points_change(childrens):
    assert sentences.bands_sentence(childrens) == (
        "Of the 62 complaints answered, 70% were answered within 10 working days. A "
        "further 24% took 11 to 20 working days and "
        "6% took more than 20. Answers within 10 working days were 8 "
        "percentage points better than 62% in 2020/21."
    )


def test_bands_sentence_without_previous_year(childrens_first_year):
    text = sentences.bands_sentence(childrens_first_year)
    assert text.endswith("6% took more than 20.")
    assert "percentage point" not in text


def test_bands_sentence_nothing_answered():
    assert sentences.bands_sentence(childrens_context(stage1_responded=0)) == (
        "No complaints had been answered by the end of the year."
    )


def test_received_sentence(childrens):
    assert sentences.received_sentence(childrens) == (
        "In 2021/22 the Customer Relationship Team received 75 "
        "complaints about Children's Services. Of these, 12 were not "
        "accepted (Not about Children's Services, duplicate complaint), leaving 63: 12 under the statutory "
        "procedure and 51 under the non-statutory (corporate) "
        "procedure. This is a 9% increase from 58 in 2020/21."
    )


def test_received_sentence_without_previous_year_or_rejections():
    f = childrens_context(
        without=["previous_year"], complaints_rejected=0, complaints_received=63, rejection_reasons={}
    )
    assert sentences.received_sentence(f) == (
        "In 2021/22 the Customer Relationship Team received 63 "
        "complaints about Children's Services. All 63 were "
        "accepted: 12 under the statutory procedure and 51 under the non-statutory (corporate) procedure."
    )


@pytest.mark.parametrize(
    ("given", "team"),
    [
        ("the Team", "the Team"),
        ("The Team", "the Team"),
        ("Customer Relationship Team", "the Customer Relationship Team"),
        ("", "the complaints team"),
        (None, "the complaints team"),
    ],
)
def test_team_name_in_running_text(given, team):
    f = make_facts(childrens_figures(), "childrens", team=given)
    assert sentences.received_sentence(f).startswith(f"In 2021/22 {team} received 75 complaints")
    assert " the the " not in sentences.received_sentence(f).lower()


def test_timeliness_sentence(childrens):
    assert sentences.timeliness_sentence(childrens) == (
        "Of the 62 stage 1 complaints answered, Children's Services answered 81% within "
        "the timescale (10 working days, or 20 where "
        "an extension was agreed), 7 percentage points better than 74% in 2020/21."
    )


def test_timeliness_sentence_without_previous_year(childrens_first_year):
    assert sentences.timeliness_sentence(childrens_first_year).endswith("where an extension was agreed).")


def test_stage_sentence_with_open_cases(childrens):
    assert sentences.stage_sentence(childrens, 2) == (
        "12 complaints were received at stage 2 in 2021/22: 4 "
        "statutory and 8 non-statutory. Outcomes: 1 upheld, "
        "2 partly upheld, 1 not upheld, 6 withdrawn. 2 complaints "
        "have not concluded yet; the outcome will be "
        "reported in the 2022/23 report."
    )


def test_stage_sentence_single_open_case():
    figures = childrens_figures()
    figures["stage_table"][2] = builders.stage_row(3, 1, 1, 0, 0, 0, 0, 0, 1)
    assert sentences.stage_sentence(make_facts(figures, "childrens"), 3) == (
        "1 complaint was received at stage 3 in 2021/22: 1 statutory "
        "and 0 non-statutory. 1 complaint has not "
        "concluded yet; the outcome will be reported in the 2022/23 report."
    )


def test_stage_sentence_none_received(childrens):
    assert sentences.stage_sentence(childrens, 3) == "No complaints were considered at stage 3 in 2021/22."


def test_ombudsman_sentence_with_reasons_and_remedies(childrens):
    assert sentences.ombudsman_sentence(childrens) == (
        "The Local Government and Social Care Ombudsman (LGSCO) "
        "told the council about 6 new complaints in 2021/22, "
        "compared with 3 in 2020/21. It investigated three; three "
        "were not investigated (outside jurisdiction; "
        "right of appeal not yet used; LGSCO: premature). It found "
        "fault in three of the cases it investigated, "
        "and financial remedies totalled £1,100."
    )


def test_ombudsman_sentence_none_investigated(asc):
    text = sentences.ombudsman_sentence(asc)
    assert "told the council about 4 new complaints in 2020/21." in text
    assert "compared with" not in text  # no Ombudsman figure for the year before
    assert text.endswith(
        "It investigated none; four were not investigated (premature; "
        "outside jurisdiction; premature; out of time)."
    )
    assert "fault" not in text and "£" not in text


def test_ombudsman_sentence_no_fault_found():
    f = childrens_context(ombudsman_fault_found=0, ombudsman_remedy_total=0)
    assert sentences.ombudsman_sentence(f).endswith("It found fault in none of the cases it investigated.")


def test_ombudsman_sentence_without_figures():
    f = childrens_context(without=["ombudsman_received"])
    assert sentences.ombudsman_sentence(f) == "There are no Ombudsman figures for this year."


def test_enquiries_sentence(childrens):
    assert sentences.enquiries_sentence(childrens) == (
        "The Customer Relationship Team handled 40 Member enquiries in 2021/22. 85% of those answered were "
        "answered within the council-wide standard of 5 working days, 5 "
        "percentage points worse than 90% in 2020/21."
    )


def test_compliments_sentence(childrens):
    assert sentences.compliments_sentence(childrens) == (
        "58 compliments were recorded in 2021/22. Early Help received the most (14), followed by "
        "Access and Assessment (10)."
    )


def test_compliments_sentence_one_team():
    f = childrens_context(compliments=1, compliments_by_team={"SEN": 1})
    assert sentences.compliments_sentence(f) == "1 compliment was recorded in 2021/22."


def test_quotes_pointer_only_when_quotes_are_published(childrens):
    assert sentences.quotes_pointer(childrens) == "Appendix C gives examples."
    assert sentences.quotes_pointer(childrens_context()) == ""


def test_category_and_area_sentences(childrens):
    assert sentences.category_sentence(childrens, 2) == (
        "Of the complaints accepted, 37% were about quality of service and 25% about failure to take action."
    )
    # team names are proper nouns and acronyms stay in capitals
    assert sentences.area_sentence(childrens) == (
        "19% of complaints in 2021/22 were about Access and Assessment, and 14% about SEN."
    )


def test_area_sentence_generic_categories_in_lower_case(asc):
    assert sentences.area_sentence(asc) == (
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
    assert sentences.in_sentence(label) == shown


def test_category_sentence_with_no_accepted_complaints():
    f = childrens_context(category_counts={})
    assert (
        sentences.category_sentence(f) == "No complaints were accepted, so there are no categories to report."
    )


# --------------------------------------------------------------------------- cross-references


def test_areas_table_sentence_only_with_the_table(asc):
    assert sentences.areas_table_sentence(asc)[0] == Ref("tbl-areas")
    assert sentences.areas_table_sentence(make_facts(asc_figures(), "asc")) == ""


def test_outcomes_comparison_counts_the_earlier_years():
    rows = [{"year": year, "outcome": "Upheld"} for year in ("2018/19", "2019/20", "2020/21")]
    f = make_facts(asc_figures(), "asc", charts={"outcomes": rows})
    assert sentences.outcomes_comparison(f) == (
        Ref("fig-outcomes"),
        " compares the outcomes with the two years before.",
    )
    one_year = make_facts(asc_figures(), "asc", charts={"outcomes": rows[:1]})
    assert sentences.outcomes_comparison(one_year) == ""


# --------------------------------------------------------------------------- sections


def test_every_section_of_each_service_has_its_sentences(asc, childrens):
    asc_sections = sentences.section_sentences(asc)
    assert list(asc_sections) == [
        "volume", "nature", "teams", "who_complained", "outcomes", "response_times", "lgsco",
        "member_enquiries", "compliments",
    ]  # fmt: skip
    assert asc_sections["nature"] == [sentences.category_sentence(asc, 5)]
    children = sentences.section_sentences(childrens)
    assert children["performance"] == [sentences.category_sentence(childrens, 2)]
    assert children["compliments"][-1] == "Appendix C gives examples."


def test_sections_are_those_of_the_narrative():
    from complaints_report import content

    for service, sections in sentences.SECTIONS.items():
        assert set(sections) <= {section.key for section in content.SECTIONS[service]}


# --------------------------------------------------------------------------- regulations


def test_regulations_asc_lists_regulation_18_items_with_this_years_numbers(asc):
    rows = {need: answer for need, _, answer in sentences.regulation_rows(asc)}
    assert (
        sentences.regulations_caption("asc")
        == "What the 2009 regulations (regulation 18) ask the report to show"
    )
    assert rows["Number of complaints received"] == "90"
    assert (
        rows["Number of complaints the council decided were well-founded (upheld or partly upheld)"] == "30"
    )
    assert rows["Number of complaints referred to the Ombudsman"] == "4"
    assert rows["The subject matter of complaints"] == "3 categories"
    assert rows["Matters of general importance arising from complaints"] == sentences.Described(("learning",))
    assert rows["Action taken to improve services as a result of complaints"] == sentences.Described(
        ("learning", "future")
    )


def test_regulations_asc_missing_figures():
    figures = asc_figures()
    for key in ("upheld", "ombudsman_received"):
        del figures[key]
    rows = {need: answer for need, _, answer in sentences.regulation_rows(make_facts(figures, "asc"))}
    assert rows["Number of complaints referred to the Ombudsman"] == "Not available"
    assert rows["Number of complaints the council decided were well-founded (upheld or partly upheld)"] == (
        "Not available"
    )


def test_regulations_childrens(childrens):
    rows = {need: answer for need, _, answer in sentences.regulation_rows(childrens)}
    assert rows["Number of complaints at each stage"] == "63 / 12 / 0 (stages 1 / 2 / 3)"
    assert rows["Timescales met"] == "81% at stage 1"
    assert rows["Outcomes of complaints"] == "36% upheld or partly upheld at stage 1"
    assert rows["Complaints considered by the Ombudsman"] == "6"
    assert rows["Subject matter of complaints"] == "7 categories"


def test_sentences_do_not_change_the_figures(childrens):
    before = copy.deepcopy(childrens.figures)
    sentences.section_sentences(childrens)
    sentences.regulation_rows(childrens)
    assert childrens.figures == before


# --------------------------------------------------------------------------- the committee's figures


def committee(**figures) -> Facts:
    """Facts from the figures given (ASC 2020/21), with a previous year when ``previous`` is given."""
    previous = figures.pop("previous", None)
    base = {
        "year": "2020-21",
        "service": "asc",
        "year_display": "2020/21",
        "service_name": "Adult Social Care",
    }
    if previous is not None:
        base["previous_year"] = {"year_display": "2019/20", **previous}
    return make_facts({**base, **figures}, "asc")


def test_time_taken_gives_the_median_and_the_mean_with_last_years():
    f = committee(
        stage1_responded=85,
        median_working_days=9,
        mean_working_days=10.0,
        previous={"median_working_days": 11, "mean_working_days": 12.4},
    )
    assert sentences.time_taken_sentence(f) == (
        "Half of the complaints took 9 working days or fewer to answer (the median), and the average (mean) "
        "was 10.0 working days. In 2019/20 the median was 11 working days and the mean 12.4."
    )


def test_time_taken_with_half_a_day_one_day_and_only_one_figure_last_year():
    f = committee(
        stage1_responded=4,
        median_working_days=9.5,
        mean_working_days=9.3,
        previous={"median_working_days": 1},
    )
    assert sentences.time_taken_sentence(f) == (
        "Half of the complaints took 9.5 working days or fewer to answer (the median), and the average (mean) "
        "was 9.3 working days. In 2019/20 the median was one working day."
    )
    only_mean = committee(
        stage1_responded=4, median_working_days=2, mean_working_days=2.0, previous={"mean_working_days": 3.25}
    )
    assert sentences.time_taken_sentence(only_mean).endswith(" In 2019/20 the mean was 3.2 working days.")


def test_time_taken_for_a_single_case_same_day_answers_and_none():
    assert sentences.time_taken_sentence(
        committee(stage1_responded=1, median_working_days=5, mean_working_days=5.0)
    ) == ("The council took 5 working days to respond to the one complaint answered.")
    same_day = committee(stage1_responded=3, median_working_days=0, mean_working_days=0.0)
    assert (
        sentences.time_taken_sentence(same_day) == "Every response was sent on the day the complaint arrived."
    )
    half = committee(stage1_responded=3, median_working_days=0, mean_working_days=1.7)
    assert sentences.time_taken_sentence(half).startswith(
        "Half of the responses were sent on the day the complaint arrived;"
    )
    assert sentences.time_taken_sentence(committee(stage1_responded=0)) == ""


def test_acknowledgement_counts_those_with_a_date_and_compares_with_last_year():
    f = committee(
        complaints_accepted=85,
        acknowledged_recorded=85,
        acknowledged_within_3=82,
        previous={"acknowledged_within_3_pct": 93},
    )
    assert sentences.acknowledgement_sentence(f) == (
        "The council acknowledged 82 of the 85 complaints (96%) within 3 working days, compared with 93% in 2019/20."
    )
    some_dates = committee(complaints_accepted=63, acknowledged_recorded=61, acknowledged_within_3=55)
    assert sentences.acknowledgement_sentence(some_dates) == (
        "The council acknowledged 55 of the 61 complaints with a recorded acknowledgement date (90%) within 3 working days."
    )


@pytest.mark.parametrize(
    ("recorded", "within", "expected"),
    [
        (4, 4, "The council acknowledged all 4 complaints within 3 working days."),
        (2, 2, "The council acknowledged both complaints within 3 working days."),
        (4, 0, "The council acknowledged none of the 4 complaints within 3 working days."),
        (4, 3, "The council acknowledged 3 of the 4 complaints within 3 working days."),
        (1, 1, "The council acknowledged the one complaint within 3 working days."),
        (1, 0, "The one complaint was not acknowledged within 3 working days."),
    ],
)
def test_acknowledgement_of_all_none_a_handful_and_one(recorded, within, expected):
    f = committee(complaints_accepted=recorded, acknowledged_recorded=recorded, acknowledged_within_3=within)
    assert sentences.acknowledgement_sentence(f) == expected


def test_acknowledgement_last_year_of_none_and_time_taken_of_less_than_a_day():
    f = committee(
        complaints_accepted=12,
        acknowledged_recorded=12,
        acknowledged_within_3=12,
        previous={"acknowledged_within_3_pct": 0},
    )
    assert sentences.acknowledgement_sentence(f).endswith(
        "within 3 working days, compared with none in 2019/20."
    )
    days = committee(
        stage1_responded=5,
        median_working_days=2,
        mean_working_days=2.4,
        previous={"median_working_days": 0, "mean_working_days": 0.4},
    )
    assert sentences.time_taken_sentence(days).endswith(
        " In 2019/20 the median was less than one working day and the mean 0.4."
    )
    same_day = committee(
        stage1_responded=5,
        median_working_days=2,
        mean_working_days=2.4,
        previous={"median_working_days": 0, "mean_working_days": 0.0},
    )
    assert sentences.time_taken_sentence(same_day).endswith(
        " In 2019/20 every response was sent on the day the complaint arrived."
    )


def test_no_acknowledgement_dates_no_sentence():
    assert (
        sentences.acknowledgement_sentence(
            committee(complaints_accepted=5, acknowledged_recorded=0, acknowledged_within_3=0)
        )
        == ""
    )
    assert sentences.acknowledgement_sentence(committee(complaints_accepted=5)) == ""


def test_rates_put_the_count_beside_both_rates_and_last_years():
    f = committee(
        complaints_accepted=85,
        complaints_per_1000_service_users=27.9,
        complaints_per_100k_population=41.6,
        previous={"complaints_per_1000_service_users": 28.3, "complaints_per_100k_population": 43.2},
    )
    assert sentences.rates_sentence(f) == (
        "The 85 complaints accepted in 2020/21 amount to 27.9 for every 1,000 people who used Adult Social Care "
        "and 41.6 for every 100,000 residents. The rates were 28.3 and 43.2 in 2019/20."
    )


def test_one_rate_one_complaint_and_no_context():
    one = committee(
        complaints_accepted=1,
        complaints_per_100k_population=0.5,
        previous={"complaints_per_100k_population": 1.0},
    )
    assert sentences.rates_sentence(one) == (
        "The one complaint accepted in 2020/21 amounts to 0.5 for every 100,000 residents. The rate was 1.0 in 2019/20."
    )
    assert sentences.rates_sentence(committee(complaints_accepted=85)) == ""
    assert (
        sentences.rates_sentence(committee(complaints_accepted=0, complaints_per_100k_population=0.0)) == ""
    )


@pytest.mark.parametrize(
    ("people", "complaints", "accepted", "expected"),
    [
        (
            4,
            9,
            85,
            "Four people made more than one complaint in the year; between them they made 9 of the 85 complaints "
            "accepted (11%).",
        ),
        (
            1,
            14,
            63,
            "One person made 14 of the 63 complaints accepted (22%); no one else made more than one complaint in the year.",
        ),
        (
            2,
            5,
            6,
            "Two people made more than one complaint in the year; between them they made 5 of the 6 complaints accepted.",
        ),
        (
            2,
            4,
            4,
            "Two people made more than one complaint in the year; between them they made all 4 complaints accepted.",
        ),
        (0, 0, 85, "No one made more than one complaint in the year."),
    ],
)
def test_repeat_complainants_are_counted_never_described(people, complaints, accepted, expected):
    f = committee(
        complaints_accepted=accepted,
        repeat_complainants=people,
        complaints_from_repeat_complainants=complaints,
    )
    assert sentences.repeat_complainants_sentence(f) == expected


def test_repeat_complainants_hidden_by_suppression_or_not_known():
    hidden = committee(
        complaints_accepted=85,
        repeat_complainants=None,
        complaints_from_repeat_complainants=None,
        suppressed_below=5,
    )
    assert (
        sentences.repeat_complainants_sentence(hidden)
        == "Fewer than 5 people made more than one complaint in the year."
    )
    assert sentences.repeat_complainants_sentence(committee(complaints_accepted=85)) == ""


def test_equality_sentence_names_what_was_most_often_not_recorded():
    counts = {
        "age_band": {"45-64": 23, "Not recorded": 10},
        "sex": {"Female": 44, "Not recorded": 4},
        "disability": {"Yes": 31, "Not recorded": 25},
    }
    f = committee(complaints_accepted=85, equality_counts=counts)
    assert sentences.equality_sentence(f) == (
        "Disability was the characteristic most often not recorded, for 25 of the 85 complaints (29%)."
    )


def test_equality_sentence_ties_everything_recorded_and_none_given():
    tie = committee(
        complaints_accepted=8,
        equality_counts={"age_band": {"Not recorded": 2}, "sex": {"Male": 6, "Not recorded": 2}},
    )
    assert sentences.equality_sentence(tie) == (
        "Age and sex were the characteristics most often not recorded, for 2 of the 8 complaints each."
    )
    full = committee(complaints_accepted=3, equality_counts={"sex": {"Male": 3}, "ethnicity": {"White": 3}})
    assert sentences.equality_sentence(full) == "Sex and ethnic group were recorded for every complaint."
    assert sentences.equality_sentence(committee(complaints_accepted=3)) == ""


def test_equality_sentence_claims_nothing_when_a_not_recorded_count_is_hidden():
    counts = {"sex": {"Male": 40, "Not recorded": None}, "disability": {"No": 30, "Not recorded": 12}}
    hidden = committee(complaints_accepted=42, equality_counts=counts, suppressed_below=5)
    assert sentences.equality_sentence(hidden) == ""


def test_missing_inputs_say_what_adding_each_would_show():
    assert [what for what, _ in sentences.missing_inputs(committee())] == [
        "a complainant column",
        "equality monitoring columns",
        "the number of residents and of people using the service",
        "similar councils' published figures",
    ]
    some = committee(repeat_complainants=0, complaints_per_100k_population=1.0, comparator_medians={"x": 1.0})
    assert sentences.missing_inputs(some) == [
        (
            "equality monitoring columns",
            "the age, sex, ethnic group and disability recorded with each complaint",
        )
    ]


def test_who_complained_is_a_section_of_both_reports(asc, childrens):
    assert "who_complained" in sentences.section_sentences(asc)
    assert "who_complained" in sentences.section_sentences(childrens)
