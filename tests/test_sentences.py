"""The report's computed sentences: worded from the figures, comparisons computed, nothing typed.

Sentences are plain text; a cross-reference is a markup.Ref. fragments.py turns them into
Markdown through markup.py (tests/test_fragments.py).
"""

from __future__ import annotations

import copy

import builders
import pytest

from complaints_report import prose_style, sentences
from complaints_report.markup import NEW_PARAGRAPH, Bullets, Ref
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
        "stage1_within_timescale": 50,
        "within_10": 43,
        "within_10_pct": 69,
        "within_20": 15,
        "stage_table": [
            # stage, received, statutory, corporate, upheld, partly, not upheld, withdrawn, open
            builders.stage_row(1, 63, 12, 51, 12, 10, 39, 2, 1),
            builders.stage_row(2, 12, 4, 8, 1, 2, 1, 6, 2),
            builders.stage_row(3, 0, 0, 0, 0, 0, 0, 0, 0),
        ],
        "member_enquiries": 40,
        "member_enquiries_responded": 40,
        "member_enquiries_within_5": 34,
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
            "stage1_responded": 55,
            "upheld_or_partly_pct": 34,
            "member_enquiries_within_5_pct": 90,
            "member_enquiries_responded": 30,
            "compliments": 50,
            "stage2_received": 5,
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
        "within_10": 58,
        "within_20": 14,
        "over_20": 8,
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


# --------------------------------------------------------------------------- reading the sentences


def said(parts) -> str:
    """A section's sentences as a reader meets them: a new paragraph as ' | ', a list as '[a; b]', a
    cross-reference as '@label'."""
    out = []
    for part in parts if isinstance(parts, list) else [parts]:
        if part is NEW_PARAGRAPH:
            out.append("|")
        elif isinstance(part, Bullets):
            out.append("[" + "; ".join(part.items) + "]")
        elif isinstance(part, str):
            if part:
                out.append(part)
        else:
            out.append("".join(f"@{p.label}" if isinstance(p, Ref) else p for p in part))
    return " ".join(out)


def style_findings(f: Facts) -> list[prose_style.Finding]:
    """What the style checker finds in every section's sentences (each section one block)."""
    blocks = []
    for key, parts in sentences.section_sentences(f).items():
        for text in said(parts).replace("[", "| ").replace("]", "").split("|"):
            if text.strip():
                blocks.append(prose_style.Block(prose_style.PROSE, text.strip(), key))
    return prose_style.check(blocks)


# --------------------------------------------------------------------------- helpers


def test_period(childrens):
    assert sentences.period(childrens.year) == "1 April 2021 and 31 March 2022"


def test_since_names_both_ends_and_the_year(childrens, childrens_first_year):
    assert sentences.since(childrens, "complaints_accepted") == "up from 58 in 2020/21"
    assert sentences.since(childrens, "ombudsman_received") == "up from 3 in 2020/21"
    assert sentences.since(childrens_context(complaints_accepted=58), "complaints_accepted") == (
        "the same as in 2020/21"
    )
    assert sentences.since(childrens_context(complaints_accepted=40), "complaints_accepted") == (
        "down from 58 in 2020/21"
    )
    assert sentences.since(childrens_first_year, "complaints_accepted") == ""
    assert sentences.since(childrens, "compliments", prev_value=0) == "up from zero in 2020/21"


def test_points_since_is_in_percentage_points_and_left_out_for_a_handful(childrens):
    assert sentences.points_since(childrens, "within_10_pct", "The share", "stage1_responded") == (
        "The share rose by 7 percentage points, from 62% in 2020/21."
    )
    same = childrens_context(within_10_pct=62)
    assert sentences.points_since(same, "within_10_pct", "The share", "stage1_responded") == (
        "The share was the same in 2020/21."
    )
    small = childrens_context(stage1_responded=9)
    assert sentences.points_since(small, "within_10_pct", "The share", "stage1_responded") == ""


def test_part_of_a_whole():
    assert sentences.part_of(3, 6) == "3 of the 6"
    assert sentences.part_of(1, 3) == "one of the 3"
    assert sentences.part_of(12, 58) == "12 of the 58 (21%)"
    assert sentences.part_of(3, 3) == "all 3"
    assert sentences.part_of(2, 2) == "both"
    assert sentences.part_of(0, 4) == "none of them"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Duplicate complaint", "duplicate complaint"),
        ("Outside jurisdiction", "outside jurisdiction"),
        ("SEN", "SEN"),
        ("SEN transport", "SEN transport"),
        ("Not about Children's Services", "Not about Children's Services"),
        ("Northeast Social Work team", "Northeast Social Work team"),
        ("Assessment & care planning", "assessment and care planning"),
        # a label that is not plain words prints exactly as recorded (text from an export is data)
        ("x < y > z & w | v", "x < y > z & w | v"),
        ("", ""),
    ],
)
def test_labels_in_running_text(label, shown):
    assert sentences.in_sentence(label) == shown


@pytest.mark.parametrize(
    ("name", "in_text", "at_start"),
    [
        ("North Complex Team", "the North Complex Team", "The North Complex Team"),
        ("Information & Advice (I&A) Team", "the Information and Advice (I&A) Team", None),
        ("<b> & co Team", "the <b> & co Team", None),
        ("Customer Relationship team", "the Customer Relationship team", None),
        ("Adult Safeguarding Hub", "the Adult Safeguarding Hub", None),
        ("Reablement", "Reablement", "Reablement"),
        ("Early Help", "Early Help", None),
        ("the Team", "the Team", None),
    ],
)
def test_team_names_take_the_where_they_name_a_body(name, in_text, at_start):
    assert sentences.body_name(name) == in_text
    if at_start:
        assert sentences.body_name(name, start=True) == at_start


# --------------------------------------------------------------------------- complaints received


def test_volume_sentence_leaves_the_change_to_the_chart_title(asc):
    assert said(sentences.volume_sentence(asc)) == (
        "The CE Team received 90 complaints in 2020/21 and accepted 85 for investigation. "
        "It did not accept the other 5."
    )
    no_chart = make_facts(
        {**asc_figures(), "complaints_rejected": 0, "complaints_received": 85}, "asc", team="CE Team"
    )
    assert said(sentences.volume_sentence(no_chart)) == (
        "The CE Team recorded and investigated 85 complaints in 2020/21, down from 89 in 2019/20."
    )


def test_received_sentence_lists_the_reasons_not_accepted(childrens):
    assert said(sentences.received_sentence(childrens)) == (
        "In 2021/22 the Customer Relationship Team received 75 complaints about Children's Services and "
        "accepted 63, up from 58 in 2020/21. | It did not accept the other 12, for these reasons: "
        "[Not about Children's Services: 8; Duplicate complaint: 4] | Of the accepted complaints, 12 were "
        "considered under the statutory procedure and 51 under the non-statutory (corporate) procedure."
    )


def test_received_sentence_without_rejections_leaves_out_an_empty_procedure():
    f = childrens_context(
        without=["previous_year"],
        complaints_rejected=0,
        complaints_received=3,
        complaints_accepted=3,
        statutory=0,
        corporate=3,
        rejection_reasons={},
    )
    assert said(sentences.received_sentence(f)) == (
        "In 2021/22 the Customer Relationship Team received 3 complaints about Children's Services and "
        "accepted all 3. All 3 were considered under the non-statutory (corporate) procedure."
    )
    one = childrens_context(complaints_rejected=1, complaints_received=2, complaints_accepted=1, statutory=1,
                            corporate=0, rejection_reasons={"Duplicate complaint": 1})  # fmt: skip
    text = said(sentences.received_sentence(one))
    assert "It did not accept one complaint. The reason recorded was: duplicate complaint." in text
    assert text.endswith("It was considered under the statutory procedure.")


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
    text = said(sentences.received_sentence(f))
    assert text.startswith(f"In 2021/22 {team} received 75 complaints")
    assert " the the " not in text.lower()


# --------------------------------------------------------------------------- what complaints were about


def test_category_sentence_gives_counts_with_shares(childrens):
    assert said(sentences.category_sentence(childrens, 2)) == (
        "Of the 63 complaints accepted, 23 (37%) were about quality of service and 16 (25%) about failure "
        "to take action."
    )
    assert said(sentences.category_sentence(childrens, 4)) == (
        "Of the 63 complaints accepted, 23 (37%) were about quality of service and 16 (25%) about failure "
        "to take action. Next came communication with 8 (13%) and staff attitude with 6 (10%)."
    )


def test_category_sentence_names_a_tie_together_and_never_splits_it():
    f = childrens_context(
        complaints_accepted=11,
        category_counts={
            "Quality of service": 3,
            "Assessment": 2,
            "Charging": 2,
            "Delay": 2,
            "Other": 1,
            "X": 1,
        },
    )
    assert said(sentences.category_sentence(f, 5)) == (
        "Of the 11 complaints accepted, 3 (27%) were about quality of service. Next came assessment, "
        "charging and delay, with 2 each (18%)."
    )
    assert said(sentences.category_sentence(f, 2)) == (
        "Of the 11 complaints accepted, 3 (27%) were about quality of service. Next came assessment, "
        "charging and delay, with 2 each (18%)."
    )  # a tie for second place is named whole, even beyond the limit
    top_tie = childrens_context(
        complaints_accepted=4, category_counts={"Communication": 2, "Quality of service": 2}
    )
    assert said(sentences.category_sentence(top_tie)) == (
        "Of the 4 complaints accepted, 2 were about communication and 2 about quality of service."
    )


def test_category_sentence_with_a_handful_gives_counts_in_words():
    f = childrens_context(complaints_accepted=3, category_counts={"Communication": 1, "Delay": 1, "Other": 1})
    assert said(sentences.category_sentence(f)) == (
        "Of the 3 complaints accepted, one was about communication, one about delay and one about other."
    )
    single = childrens_context(complaints_accepted=1, category_counts={"Quality of service": 1})
    assert (
        said(sentences.category_sentence(single))
        == "The one complaint accepted was about quality of service."
    )
    all_of = childrens_context(complaints_accepted=3, category_counts={"Quality of service": 3})
    assert (
        said(sentences.category_sentence(all_of))
        == "All 3 complaints accepted were about quality of service."
    )


def test_category_sentence_with_no_accepted_complaints():
    f = childrens_context(category_counts={})
    assert (
        said(sentences.category_sentence(f))
        == "No complaints were accepted, so there are no issues to report."
    )


def test_area_sentence_points_at_table_1_with_its_ombudsman_cases(asc):
    figures = {**asc_figures(), "ombudsman_area_counts": {"Home care": 2, "Not recorded": 1}}
    f = make_facts(figures, "asc", tables=["table_areas"])
    assert said(sentences.area_sentence(f)) == (
        "Of the 85 complaints, 52 (61%) were about assessment and care management and 33 (39%) about home "
        "care. @tbl-areas lists every area, with the teams in it and its Ombudsman (LGSCO) cases. Of the 3 "
        "Ombudsman cases, 2 were about home care (2); the area of the other one was not recorded."
    )
    one = make_facts(
        {**asc_figures(), "ombudsman_area_counts": {"Home care": 1}}, "asc", tables=["table_areas"]
    )
    assert said(sentences.area_sentence(one)).endswith("The one Ombudsman case was about home care.")
    unknown = make_facts(
        {**asc_figures(), "ombudsman_area_counts": {"Not recorded": 2}}, "asc", tables=["table_areas"]
    )
    assert said(sentences.area_sentence(unknown)).endswith("Ombudsman (LGSCO) cases.")
    assert "@tbl-areas" not in said(sentences.area_sentence(make_facts(asc_figures(), "asc")))


# --------------------------------------------------------------------------- outcomes and response times


def test_outcome_sentence_gives_the_count_behind_the_share(childrens):
    assert said(sentences.outcome_sentence(childrens)) == (
        "Of the 61 complaints decided, 22 (36%) were upheld or partly upheld: 12 upheld, 10 partly upheld "
        "and 39 not upheld. Another 2 were withdrawn and 1 was still open at the end of the year."
    )


OUTCOMES = [
    (
        {"upheld": 0, "partly_upheld": 0, "not_upheld": 0},
        "No complaints had been decided by the end of the year.",
    ),
    (
        {"upheld": 0, "partly_upheld": 0, "not_upheld": 3},
        "None of the 3 complaints decided was upheld, in full or in part.",
    ),
    ({"upheld": 1, "partly_upheld": 0, "not_upheld": 0}, "The one complaint decided was upheld."),
    (
        {"upheld": 3, "partly_upheld": 2, "not_upheld": 0},
        "All 5 complaints decided were upheld or partly upheld: 3 upheld and 2 partly upheld.",
    ),
    (
        {"upheld": 1, "partly_upheld": 0, "not_upheld": 2},
        "Of the 3 complaints decided, 1 was upheld or partly upheld: 1 upheld and 2 not upheld.",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), OUTCOMES)
def test_outcome_sentence_names_only_what_happened(changes, expected):
    f = childrens_context(withdrawn=0, open=0, **changes)
    assert said(sentences.outcome_sentence(f)) == expected


def test_withdrawn_and_open_complaints_follow_those_decided():
    one = childrens_context(withdrawn=1, open=0)
    assert said(sentences.outcome_sentence(one)).endswith("39 not upheld. Another one was withdrawn.")
    none_decided = childrens_context(upheld=0, partly_upheld=0, not_upheld=0, withdrawn=2, open=1)
    assert said(sentences.outcome_sentence(none_decided)) == (
        "No complaints had been decided by the end of the year. Two complaints were withdrawn and one "
        "complaint was still open at the end of the year."
    )


def test_outcomes_comparison_names_the_earlier_years():
    rows = [{"year": year, "outcome": "Upheld"} for year in ("2018/19", "2019/20", "2020/21")]
    f = make_facts(asc_figures(), "asc", charts={"outcomes": rows})
    assert sentences.outcomes_comparison(f) == (
        Ref("fig-outcomes"),
        " compares them with 2018/19 and 2019/20.",
    )
    one_year = make_facts(asc_figures(), "asc", charts={"outcomes": rows[:1]})
    assert sentences.outcomes_comparison(one_year) == ""


def test_bands_sentence_says_answered_once_and_the_change_in_points(childrens):
    assert said(sentences.bands_sentence(childrens)) == (
        "Of the 62 complaints with a response, 43 (69%) were answered within 10 working days, 15 (24%) in "
        "11 to 20 working days and 4 (6%) in more than 20 working days. The share within 10 working days "
        "rose by 7 percentage points, from 62% in 2020/21."
    )


def test_bands_sentence_without_previous_year_or_with_one_band(childrens_first_year):
    assert "percentage point" not in said(sentences.bands_sentence(childrens_first_year))
    one_band = childrens_context(
        without=["previous_year"], stage1_responded=4, within_10=4, within_20=0, over_20=0
    )
    assert (
        said(sentences.bands_sentence(one_band))
        == "All 4 complaints with a response were answered within 10 working days."
    )
    one = childrens_context(
        without=["previous_year"], stage1_responded=1, within_10=0, within_20=1, over_20=0
    )
    assert (
        said(sentences.bands_sentence(one))
        == "The one complaint with a response was answered in 11 to 20 working days."
    )


def test_bands_sentence_nothing_answered():
    assert said(sentences.bands_sentence(childrens_context(stage1_responded=0))) == (
        "No complaints had been answered by the end of the year."
    )


def test_timeliness_sentence_leaves_the_change_to_the_chart_when_there_is_one(childrens):
    text = (
        "Of the 62 stage 1 complaints with a response, 50 (81%) were answered within the timescale of 10 "
        "working days, or 20 where an extension was agreed."
    )
    assert said(sentences.timeliness_sentence(childrens)) == (
        text + " The share within the timescale rose by 7 percentage points, from 74% in 2020/21."
    )
    with_chart = make_facts(childrens_figures(), "childrens", charts={"timeliness": [{"year": "2021/22"}]})
    assert said(sentences.timeliness_sentence(with_chart)) == text
    all_in_time = childrens_context(stage1_responded=3, stage1_within_timescale=3)
    assert said(sentences.timeliness_sentence(all_in_time)).startswith(
        "All 3 stage 1 complaints with a response were answered within the timescale"
    )


# --------------------------------------------------------------------------- stages 2 and 3


def test_stage_sentence_with_open_cases(childrens):
    assert said(sentences.stage_sentence(childrens, 2)) == (
        "Twelve complaints went on to stage 2 in 2021/22, up from 5 in 2020/21. Of these, 4 were statutory "
        "and 8 non-statutory. Of the 10 that have concluded, 1 was upheld, 2 were partly upheld, 1 was not "
        "upheld and 6 were withdrawn. The other 2 have not concluded yet; they will be reported in the "
        "2022/23 report."
    )


def test_stage_sentence_single_case():
    figures = childrens_figures()
    figures["stage_table"][2] = builders.stage_row(3, 1, 1, 0, 0, 0, 0, 0, 1)
    assert said(sentences.stage_sentence(make_facts(figures, "childrens"), 3)) == (
        "One complaint went on to a stage 3 review panel in 2021/22. It was statutory and has not concluded "
        "yet and will be reported in the 2022/23 report."
    )
    figures["stage_table"][2] = builders.stage_row(3, 1, 1, 0, 0, 0, 1, 0, 0)
    assert said(sentences.stage_sentence(make_facts(figures, "childrens"), 3)) == (
        "One complaint went on to a stage 3 review panel in 2021/22. It was statutory and was not upheld."
    )


def test_stage_sentence_none_received(childrens):
    assert (
        said(sentences.stage_sentence(childrens, 3))
        == "No complaints went on to a stage 3 review panel in 2021/22."
    )


def test_stage_sentence_all_concluded_and_of_one_procedure():
    figures = childrens_figures()
    figures["stage_table"][1] = builders.stage_row(2, 3, 0, 3, 1, 0, 2, 0, 0)
    assert said(sentences.stage_sentence(make_facts(figures, "childrens"), 2)) == (
        "Three complaints went on to stage 2 in 2021/22, down from 5 in 2020/21. All 3 were non-statutory. "
        "Their outcomes: 1 was upheld and 2 were not upheld."
    )


# --------------------------------------------------------------------------- the Ombudsman


def test_ombudsman_sentence_with_reasons_and_remedies(childrens):
    assert said(sentences.ombudsman_sentence(childrens)) == (
        "The Local Government and Social Care Ombudsman (LGSCO) told the council about 6 new complaints in "
        "2021/22, up from 3 in 2020/21. It investigated 3 of the 6 and found fault in all 3. The remedies it "
        "asked for included payments totalling £1,100. | It did not investigate the other 3. The reasons "
        "recorded were: [Outside jurisdiction; Right of appeal not yet used; LGSCO: premature]"
    )


def test_ombudsman_sentence_none_investigated(asc):
    text = said(sentences.ombudsman_sentence(asc))
    assert text.startswith(
        "The Local Government and Social Care Ombudsman (LGSCO) told the council about 4 new complaints in 2020/21."
    )
    assert (
        "It investigated none of them. | The reasons recorded were: [Premature; Outside jurisdiction; Out of time]"
        in text
    )
    assert "fault" not in text and "£" not in text


def test_ombudsman_sentence_one_case_and_no_fault():
    one = childrens_context(ombudsman_received=1, ombudsman_investigated=1, ombudsman_fault_found=1,
                            ombudsman_remedy_total=0, ombudsman_reasons_not_investigated=[])  # fmt: skip
    assert said(sentences.ombudsman_sentence(one)).endswith("It investigated the complaint and found fault.")
    none = childrens_context(ombudsman_fault_found=0, ombudsman_remedy_total=0)
    assert "It investigated 3 of the 6 and found no fault in any of them." in said(
        sentences.ombudsman_sentence(none)
    )


def test_ombudsman_sentence_leaves_the_change_to_the_chart_when_there_is_one():
    f = make_facts(childrens_figures(), "childrens", charts={"ombudsman": [{"year": "2021/22"}]})
    assert "up from 3" not in said(sentences.ombudsman_sentence(f))


def test_ombudsman_sentence_without_figures():
    f = childrens_context(without=["ombudsman_received"])
    assert (
        said(sentences.ombudsman_sentence(f))
        == "Figures for Ombudsman cases were not available for this report."
    )


# --------------------------------------------------------------------------- Member enquiries and compliments


def test_enquiries_sentence(childrens):
    assert said(sentences.enquiries_sentence(childrens)) == (
        "Member enquiries come from elected councillors and Members of Parliament acting for their "
        "constituents. The Customer Relationship Team handled 40 Member enquiries in 2021/22. It answered "
        "34 (85%) of them within the council-wide standard of 5 working days, down 5 percentage points "
        "from 90% in 2020/21."
    )


def test_enquiries_sentence_all_answered_one_and_none():
    all_of = childrens_context(member_enquiries=3, member_enquiries_responded=3, member_enquiries_within_5=3,
                               member_enquiries_within_5_pct=100)  # fmt: skip
    assert "It answered all 3 within the council-wide standard of 5 working days." in said(
        sentences.enquiries_sentence(all_of)
    )
    one = childrens_context(member_enquiries=1, member_enquiries_responded=1, member_enquiries_within_5=1,
                            member_enquiries_within_5_pct=100)  # fmt: skip
    assert "It answered the enquiry within the council-wide standard" in said(
        sentences.enquiries_sentence(one)
    )
    missing = childrens_context(without=["member_enquiries"])
    assert (
        said(sentences.enquiries_sentence(missing))
        == "Figures for Member enquiries were not available for this report."
    )


def test_compliments_sentence(childrens):
    assert said(sentences.compliments_sentence(childrens)) == (
        "Fifty-eight compliments were recorded in 2021/22, up from 50 in 2020/21. They were for three "
        "different teams."
    )


def test_compliments_sentence_one_team_and_none():
    one = childrens_context(compliments=1, compliments_by_team={"North Complex Team": 1})
    assert said(sentences.compliments_sentence(one)) == (
        "One compliment was recorded in 2021/22, down from 50 in 2020/21. It was for the North Complex Team."
    )
    none = childrens_context(compliments=0, compliments_by_team={})
    assert (
        said(sentences.compliments_sentence(none))
        == "No compliments were recorded in 2021/22, down from 50 in 2020/21."
    )


def test_quotes_pointer_only_when_quotes_are_published(childrens):
    assert sentences.quotes_pointer(childrens) == "Appendix C quotes some of them."
    assert sentences.quotes_pointer(childrens_context()) == ""


# --------------------------------------------------------------------------- sections


def test_every_section_of_each_service_has_its_sentences(asc, childrens):
    asc_sections = sentences.section_sentences(asc)
    assert list(asc_sections) == [
        "volume", "nature", "teams", "who_complained", "outcomes", "response_times", "lgsco",
        "member_enquiries", "compliments",
    ]  # fmt: skip
    assert asc_sections["nature"] == sentences.category_sentence(asc, 5)
    children = sentences.section_sentences(childrens)
    assert children["performance"] == sentences.category_sentence(childrens, 2)
    assert children["compliments"][-1] == "Appendix C quotes some of them."


def test_sections_are_those_of_the_narrative():
    from complaints_report import content

    for service, sections in sentences.SECTIONS.items():
        assert set(sections) <= {section.key for section in content.SECTIONS[service]}


@pytest.mark.parametrize("service", ["asc", "childrens"])
def test_every_sections_sentences_keep_the_house_style(service, asc, childrens):
    f = asc if service == "asc" else childrens
    assert style_findings(f) == []
    small = make_facts(
        {**f.figures, "complaints_accepted": 3, "category_counts": {"Delay": 1, "Other": 1, "Charging": 1}},
        service,
    )
    assert style_findings(small) == []


# --------------------------------------------------------------------------- regulations


def test_regulations_asc_lists_regulation_18_items_with_this_years_numbers(asc):
    rows = {need: answer for need, _, answer in sentences.regulation_rows(asc)}
    assert (
        sentences.regulations_caption("asc")
        == "What the 2009 regulations (regulation 18) ask the report to show"
    )
    assert rows["Number of complaints received"] == "90 complaints"
    assert rows["Number of complaints the council decided were well-founded"] == "30 upheld or partly upheld"
    assert rows["Number of complaints referred to the Ombudsman"] == "4 complaints"
    assert rows["The subject matter of complaints"] == "3 kinds of issue; most often quality of service (40)"
    assert rows["Matters of general importance arising from complaints"] == sentences.Described(("learning",))
    assert rows["Action taken to improve services as a result of complaints"] == sentences.Described(
        ("learning", "future")
    )


def test_regulations_asc_missing_figures():
    figures = asc_figures()
    for key in ("upheld", "ombudsman_received"):
        del figures[key]
    rows = {need: answer for need, _, answer in sentences.regulation_rows(make_facts(figures, "asc"))}
    assert rows["Number of complaints referred to the Ombudsman"] == "not available this year"
    assert rows["Number of complaints the council decided were well-founded"] == "not available this year"


def test_regulations_childrens(childrens):
    rows = {need: answer for need, _, answer in sentences.regulation_rows(childrens)}
    assert rows["Number of complaints at each stage"] == "63 at stage 1, 12 at stage 2 and none at stage 3"
    assert rows["Timescales met"] == (
        "of the 62 stage 1 complaints with a response, 50 (81%) were answered within the timescale"
    )
    assert rows["Outcomes of complaints"] == (
        "of the 61 stage 1 complaints decided, 22 (36%) were upheld or partly upheld"
    )
    assert rows["Complaints considered by the Ombudsman"] == "6 complaints"
    assert rows["Subject matter of complaints"] == "7 kinds of issue; most often quality of service (23)"


@pytest.mark.parametrize(
    ("upheld", "partly", "not_upheld", "answer"),
    [
        (0, 0, 3, "none of the 3 stage 1 complaints decided was upheld or partly upheld"),
        (1, 0, 3, "of the 4 stage 1 complaints decided, 1 was upheld or partly upheld"),
        (0, 0, 1, "the one stage 1 complaint decided was not upheld or partly upheld"),
        (1, 0, 0, "the one stage 1 complaint decided was upheld or partly upheld"),
    ],
)
def test_regulations_outcomes_of_a_handful_are_counts_in_words(childrens, upheld, partly, not_upheld, answer):
    figures = {**childrens.figures, "upheld": upheld, "partly_upheld": partly, "not_upheld": not_upheld}
    rows = {need: value for need, _, value in sentences.regulation_rows(make_facts(figures, "childrens"))}
    assert rows["Outcomes of complaints"] == answer


def test_regulations_one_kind_of_issue_is_named_not_ranked(childrens):
    figures = {**childrens.figures, "category_counts": {"Quality of service": 3}}
    rows = {need: value for need, _, value in sentences.regulation_rows(make_facts(figures, "childrens"))}
    assert rows["Subject matter of complaints"] == "one kind of issue: quality of service (3)"


def test_sentences_do_not_change_the_figures(childrens):
    before = copy.deepcopy(childrens.figures)
    sentences.section_sentences(childrens)
    sentences.regulation_rows(childrens)
    assert childrens.figures == before


# --------------------------------------------------------------------------- the committee's figures
# The committee's sentences return a section's parts like every other (a list); read as a reader meets them.


def time_taken_sentence(f: Facts) -> str:
    return said(sentences.time_taken_sentence(f))


def acknowledgement_sentence(f: Facts) -> str:
    return said(sentences.acknowledgement_sentence(f))


def rates_sentence(f: Facts) -> str:
    return said(sentences.rates_sentence(f))


def repeat_complainants_sentence(f: Facts) -> str:
    return said(sentences.repeat_complainants_sentence(f))


def equality_sentence(f: Facts) -> str:
    return said(sentences.equality_sentence(f))


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
    assert time_taken_sentence(f) == (
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
    assert time_taken_sentence(f) == (
        "Half of the complaints took 9.5 working days or fewer to answer (the median), and the average (mean) "
        "was 9.3 working days. In 2019/20 the median was one working day."
    )
    only_mean = committee(
        stage1_responded=4, median_working_days=2, mean_working_days=2.0, previous={"mean_working_days": 3.25}
    )
    assert time_taken_sentence(only_mean).endswith(" In 2019/20 the mean was 3.2 working days.")


def test_time_taken_for_a_single_case_same_day_answers_and_none():
    assert time_taken_sentence(
        committee(stage1_responded=1, median_working_days=5, mean_working_days=5.0)
    ) == ("The council took 5 working days to respond to the one complaint answered.")
    same_day = committee(stage1_responded=3, median_working_days=0, mean_working_days=0.0)
    assert time_taken_sentence(same_day) == "Every response was sent on the day the complaint arrived."
    half = committee(stage1_responded=3, median_working_days=0, mean_working_days=1.7)
    assert time_taken_sentence(half).startswith(
        "Half of the responses were sent on the day the complaint arrived;"
    )
    assert time_taken_sentence(committee(stage1_responded=0)) == ""


def test_acknowledgement_counts_those_with_a_date_and_compares_with_last_year():
    f = committee(
        complaints_accepted=85,
        acknowledged_recorded=85,
        acknowledged_within_3=82,
        acknowledged_within_3_pct=96,
        previous={"acknowledged_within_3_pct": 93},
    )
    assert acknowledgement_sentence(f) == (
        "The council acknowledged 82 of the 85 complaints (96%) within 3 working days, up 3 percentage points "
        "from 93% in 2019/20."
    )
    some_dates = committee(complaints_accepted=63, acknowledged_recorded=61, acknowledged_within_3=55)
    assert acknowledgement_sentence(some_dates) == (
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
    assert acknowledgement_sentence(f) == expected


def test_acknowledgement_last_year_of_none_and_time_taken_of_less_than_a_day():
    f = committee(
        complaints_accepted=12,
        acknowledged_recorded=12,
        acknowledged_within_3=12,
        acknowledged_within_3_pct=100,
        previous={"acknowledged_within_3_pct": 0},
    )
    assert acknowledgement_sentence(f).endswith(
        "within 3 working days, up 100 percentage points from none in 2019/20."
    )
    days = committee(
        stage1_responded=5,
        median_working_days=2,
        mean_working_days=2.4,
        previous={"median_working_days": 0, "mean_working_days": 0.4},
    )
    assert time_taken_sentence(days).endswith(
        " In 2019/20 the median was less than one working day and the mean 0.4."
    )
    same_day = committee(
        stage1_responded=5,
        median_working_days=2,
        mean_working_days=2.4,
        previous={"median_working_days": 0, "mean_working_days": 0.0},
    )
    assert time_taken_sentence(same_day).endswith(
        " In 2019/20 every response was sent on the day the complaint arrived."
    )


def test_no_acknowledgement_dates_no_sentence():
    assert (
        acknowledgement_sentence(
            committee(complaints_accepted=5, acknowledged_recorded=0, acknowledged_within_3=0)
        )
        == ""
    )
    assert acknowledgement_sentence(committee(complaints_accepted=5)) == ""


def test_rates_put_the_count_beside_both_rates_and_last_years():
    f = committee(
        complaints_accepted=85,
        complaints_per_1000_service_users=27.9,
        complaints_per_100k_population=41.6,
        previous={"complaints_per_1000_service_users": 28.3, "complaints_per_100k_population": 43.2},
    )
    assert rates_sentence(f) == (
        "The 85 complaints accepted in 2020/21 amount to 27.9 for every 1,000 people who used Adult Social Care "
        "and 41.6 for every 100,000 residents. The rates were 28.3 and 43.2 in 2019/20."
    )


def test_one_rate_one_complaint_and_no_context():
    one = committee(
        complaints_accepted=1,
        complaints_per_100k_population=0.5,
        previous={"complaints_per_100k_population": 1.0},
    )
    assert rates_sentence(one) == (
        "The one complaint accepted in 2020/21 amounts to 0.5 for every 100,000 residents. The rate was 1.0 in 2019/20."
    )
    assert rates_sentence(committee(complaints_accepted=85)) == ""
    assert rates_sentence(committee(complaints_accepted=0, complaints_per_100k_population=0.0)) == ""


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
    assert repeat_complainants_sentence(f) == expected


def test_repeat_complainants_hidden_by_suppression_or_not_known():
    hidden = committee(
        complaints_accepted=85,
        repeat_complainants=None,
        complaints_from_repeat_complainants=None,
        suppressed_below=5,
    )
    assert (
        repeat_complainants_sentence(hidden)
        == "Fewer than 5 people made more than one complaint in the year."
    )
    assert repeat_complainants_sentence(committee(complaints_accepted=85)) == ""


def test_equality_sentence_names_what_was_most_often_not_recorded():
    counts = {
        "age_band": {"45-64": 23, "Not recorded": 10},
        "sex": {"Female": 44, "Not recorded": 4},
        "disability": {"Yes": 31, "Not recorded": 25},
    }
    f = committee(complaints_accepted=85, equality_counts=counts)
    assert equality_sentence(f) == (
        "Disability was the characteristic most often not recorded, for 25 of the 85 complaints (29%)."
    )


def test_equality_sentence_ties_everything_recorded_and_none_given():
    tie = committee(
        complaints_accepted=8,
        equality_counts={"age_band": {"Not recorded": 2}, "sex": {"Male": 6, "Not recorded": 2}},
    )
    assert equality_sentence(tie) == (
        "Age and sex were the characteristics most often not recorded, for 2 of the 8 complaints each."
    )
    full = committee(complaints_accepted=3, equality_counts={"sex": {"Male": 3}, "ethnicity": {"White": 3}})
    assert equality_sentence(full) == "Sex and ethnic group were recorded for every complaint."
    assert equality_sentence(committee(complaints_accepted=3)) == ""


def test_equality_sentence_claims_nothing_when_a_not_recorded_count_is_hidden():
    counts = {"sex": {"Male": 40, "Not recorded": None}, "disability": {"No": 30, "Not recorded": 12}}
    hidden = committee(complaints_accepted=42, equality_counts=counts, suppressed_below=5)
    assert equality_sentence(hidden) == ""


def test_missing_inputs_say_what_to_add_in_the_contracts_names_and_what_it_would_show():
    missing = sentences.missing_inputs(committee())
    assert [shows for _, shows in missing] == [
        "how many people complained more than once",
        "the age, sex, ethnic group and disability recorded with each complaint",
        "complaints per 1,000 service users and per 100,000 residents",
        "how the council compares with similar councils",
    ]
    what = [add for add, _ in missing]
    assert what[0].startswith("a `complainant` column")
    assert "`age_band`, `sex`, `ethnicity` and `disability` columns" in what[1]
    assert "a `context` file" in what[2] and "`service_users`" in what[2] and "`population`" in what[2]
    assert "a `comparators` file" in what[3]
    some = committee(repeat_complainants=0, complaints_per_100k_population=1.0, comparator_medians={"x": 1.0})
    assert [shows for _, shows in sentences.missing_inputs(some)] == [
        "the age, sex, ethnic group and disability recorded with each complaint"
    ]


def test_who_complained_is_a_section_of_both_reports(asc, childrens):
    assert "who_complained" in sentences.section_sentences(asc)
    assert "who_complained" in sentences.section_sentences(childrens)
