"""The report's tables, built from the figures; compliment quotes only when cleared for publication."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from builders import stage_table
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaints_report import tables
from complaints_report.years import ReportingYear

YEAR = ReportingYear(2021)


def asc_figures() -> dict:
    return {
        "year": "2021-22",
        "service": "asc",
        "year_display": "2021/22",
        "complaints_accepted": 85,
        "area_counts": {"Assessment and care management": 44, "Home care": 33, "Finance": 8},
        "area_team_counts": {
            "Assessment and care management": {"Complex care": 38, "Learning disabilities": 6},
            "Home care": {"Reablement": 33},
            "Finance": {"Financial assessment": 8},
        },
        "ombudsman_area_counts": {"Assessment and care management": 2, "Finance": 1},
    }


def childrens_figures() -> dict:
    return {
        "year": "2021-22",
        "service": "childrens",
        "year_display": "2021/22",
        "complaints_accepted": 63,
        "team_counts": {"Access and Assessment": 12, "SEN": 9, "Early Help": 3},
        "stage_table": stage_table(),
        "ombudsman_cases": [
            {
                "summary": "Mishandling of a transport application",
                "finding": "fault_found",
                "decision": "fault found",
                "remedy": "Pay the parent's transport costs",
                "remedy_amount": 800.0,
            },
            {
                "summary": "Delay arranging a stage 3 panel",
                "finding": "fault_found",
                "decision": "Fault found",
                "remedy": "Pay for the delay",
                "remedy_amount": 300.5,
            },
            {
                "summary": "An assessment of a child's needs",
                "finding": "no_fault",
                "decision": "no fault",
                "remedy": None,
                "remedy_amount": None,
            },
        ],
    }


# --------------------------------------------------------------------------- ASC Table 1


def test_areas_table_splits_an_area_into_its_teams():
    table = tables.areas_table(asc_figures())
    assert table.name == "table_areas"
    assert "2021/22" in table.caption
    assert table.data.columns.tolist() == ["Area", "Complaints", "Teams", "LGSCO cases"]
    first = table.data.iloc[0]
    assert first["Area"] == "Assessment and care management"
    assert first["Complaints"] == 44
    assert first["Teams"] == "38 Complex care and 6 Learning disabilities"


def test_areas_table_single_team_areas_have_no_split():
    data = tables.areas_table(asc_figures()).data.set_index("Area")
    assert data.loc["Home care", "Teams"] == ""
    assert data.loc["Finance", "Teams"] == ""


def test_areas_table_lgsco_cases_per_area():
    data = tables.areas_table(asc_figures()).data.set_index("Area")
    assert data["LGSCO cases"].to_dict() == {
        "Assessment and care management": 2,
        "Home care": 0,
        "Finance": 1,
    }


def test_areas_table_keeps_largest_first_order():
    assert tables.areas_table(asc_figures()).data["Area"].tolist() == [
        "Assessment and care management",
        "Home care",
        "Finance",
    ]


def test_areas_table_drops_the_teams_column_when_no_area_has_several_teams():
    figures = asc_figures()
    figures["area_team_counts"]["Assessment and care management"] = {"Complex care": 44}
    assert "Teams" not in tables.areas_table(figures).data.columns


def test_areas_table_without_ombudsman_cases():
    figures = asc_figures()
    del figures["ombudsman_area_counts"]
    assert tables.areas_table(figures).data["LGSCO cases"].tolist() == [0, 0, 0]


# --------------------------------------------------------------------------- Children's tables


def test_departments_table():
    table = tables.departments_table(childrens_figures())
    assert table.name == "table_departments"
    assert "2021/22" in table.caption
    assert table.data.to_dict("records") == [
        {"Department": "Access and Assessment", "Complaints": 12, "Share": "19%"},
        {"Department": "SEN", "Complaints": 9, "Share": "14%"},
        {"Department": "Early Help", "Complaints": 3, "Share": "5%"},
    ]


def test_stages_table_has_a_column_a_stage_so_it_fits_a_page_and_a_screen():
    table = tables.stages_table(childrens_figures())
    assert table.name == "table_stages"
    assert table.data.columns.tolist() == ["Complaints", "Stage 1", "Stage 2", "Stage 3"]
    assert table.data["Complaints"].tolist() == [
        "Received",
        "Statutory",
        "Non-statutory",
        "Upheld",
        "Partly upheld",
        "Not upheld",
        "Withdrawn",
        "Not concluded yet",
    ]
    assert table.data["Stage 2"].tolist() == [12, 4, 8, 1, 2, 1, 6, 2]


def test_ombudsman_table():
    table = tables.ombudsman_table(childrens_figures())
    assert table.name == "table_ombudsman"
    assert "2021/22" in table.caption
    assert table.data.to_dict("records") == [
        {
            "Complaint": "Mishandling of a transport application",
            "Ombudsman decision": "Fault found",
            "Remedy": "Pay the parent's transport costs (£800)",
        },
        {
            "Complaint": "Delay arranging a stage 3 panel",
            "Ombudsman decision": "Fault found",
            "Remedy": "Pay for the delay (£300.50)",
        },
        {"Complaint": "An assessment of a child's needs", "Ombudsman decision": "No fault", "Remedy": "None"},
    ]


def test_ombudsman_table_blank_cells_read_from_an_export():
    # blank cells of a loaded export reach the figures as NaN, not None
    figures = childrens_figures()
    figures["ombudsman_cases"] = [
        {
            "summary": float("nan"),
            "finding": float("nan"),
            "decision": float("nan"),
            "remedy": float("nan"),
            "remedy_amount": float("nan"),
        },
    ]
    assert tables.ombudsman_table(figures).data.to_dict("records") == [
        {"Complaint": "Not recorded", "Ombudsman decision": "Not recorded", "Remedy": "None"},
    ]


def test_ombudsman_table_says_a_decision_common_to_every_case_once_in_its_caption():
    figures = childrens_figures()
    figures["ombudsman_cases"] = figures["ombudsman_cases"][:2]
    table = tables.ombudsman_table(figures)
    assert table.data.columns.tolist() == ["Complaint", "Remedy"]
    assert table.caption.endswith(". The decision in each: fault found")


def test_ombudsman_table_empty_keeps_its_columns():
    figures = childrens_figures()
    figures["ombudsman_cases"] = []
    data = tables.ombudsman_table(figures).data
    assert data.empty
    assert data.columns.tolist() == ["Complaint", "Ombudsman decision", "Remedy"]


def test_tables_for_each_service():
    assert [t.name for t in tables.tables_for("asc", asc_figures())] == ["table_areas"]
    assert [t.name for t in tables.tables_for("childrens", childrens_figures())] == [
        "table_departments",
        "table_stages",
        "table_stage_timeliness",
        "table_ombudsman",
    ]
    with_cases = asc_figures() | {"ombudsman_cases": childrens_figures()["ombudsman_cases"]}
    assert [t.name for t in tables.tables_for("asc", with_cases)] == ["table_areas", "table_ombudsman"]
    with_equality = asc_figures() | {"equality_counts": {"sex": {"Female": 50, "Male": 35}}}
    assert [t.name for t in tables.tables_for("asc", with_equality)] == ["table_areas", "table_equality"]


# --------------------------------------------------------------------------- timeliness at every stage


def timed(**stages) -> dict:
    """Children's figures with (answered, within timescale) for the stages given: stage1=(63, 51)."""
    figures = {"year_display": "2021/22"}
    for name, (answered, within) in stages.items():
        figures[f"{name}_responded"], figures[f"{name}_within_timescale"] = answered, within
    return figures


def test_stage_timeliness_gives_each_stage_against_its_own_timescale():
    table = tables.stage_timeliness_table(timed(stage1=(63, 51), stage2=(10, 9), stage3=(1, 1)))
    assert table.data.to_dict("records") == [
        {
            "Stage": "Stage 1",
            "Timescale": "10 working days (20 if extended)",
            "Answered": 63,
            "In time": "51 (81%)",
        },
        {
            "Stage": "Stage 2",
            "Timescale": "Statutory 25 working days (65 if extended); non-statutory 20",
            "Answered": 10,
            "In time": "9 (90%)",
        },
        {
            "Stage": "Stage 3",
            "Timescale": "30 working days (review panel)",
            "Answered": 1,
            "In time": "1 of 1",
        },
    ]
    # the caption states the finding, a handful of cases as counts alone
    assert table.caption == (
        "How promptly each stage was answered in 2021/22: 81% at stage 1, 90% at stage 2 and 1 of 1 at stage 3 on time"
    )


def test_stage_timeliness_leaves_out_a_stage_with_nothing_answered():
    table = tables.stage_timeliness_table(timed(stage1=(4, 0), stage2=(0, 0)))
    assert table.data["Stage"].tolist() == ["Stage 1"]  # a block's heading on a phone, so said in full
    assert table.data["In time"].tolist() == ["0 of 4"]
    assert table.caption.endswith(": none of 4 at stage 1 on time")


def test_stage_timeliness_with_nothing_answered_is_empty():
    table = tables.stage_timeliness_table(timed())
    assert table.data.empty
    assert table.caption == "How promptly each stage was answered in 2021/22"


# --------------------------------------------------------------------------- equality information


def equality_figures(counts: dict, **extra) -> dict:
    return {"year_display": "2021/22", "complaints_accepted": 20, "equality_counts": counts, **extra}


def test_equality_table_lists_each_characteristic_on_its_own_with_shares_of_the_complaints():
    table = tables.equality_table(
        equality_figures(
            {
                "sex": {"Female": 10, "Male": 6, "Not recorded": 3, "Prefer not to say": 1},
                "disability": {"No": 12, "Yes": 8},
            }
        )
    )
    assert table.data.to_dict("records") == [
        {"Characteristic": "Sex", "Group": "Female", "Complaints": 10, "Per cent": "50%"},
        {"Characteristic": "Sex", "Group": "Male", "Complaints": 6, "Per cent": "30%"},
        {"Characteristic": "Sex", "Group": "Prefer not to say", "Complaints": 1, "Per cent": "5%"},
        {"Characteristic": "Sex", "Group": "Not recorded", "Complaints": 3, "Per cent": "15%"},
        {"Characteristic": "Disability", "Group": "No", "Complaints": 12, "Per cent": "60%"},
        {"Characteristic": "Disability", "Group": "Yes", "Complaints": 8, "Per cent": "40%"},
    ]
    assert table.caption == (
        "Equality information recorded with the 20 complaints accepted in 2021/22, each characteristic "
        "counted on its own"
    )


def test_the_equality_table_shows_as_one_small_captioned_table_a_characteristic():
    """One CSV for analysts (the table's data); in the report a small table a characteristic, headed by its
    name, so that a phone shows a few short tables instead of 21 stacked blocks."""
    table = tables.equality_table(
        equality_figures(
            {
                "age_band": {"65-74": 9, "18-24": 3, "Not recorded": 8},
                "ethnicity": {"White": 12, "Not recorded": 8},
            }
        )
    )
    assert [part.name for part in table.parts] == ["table_equality_age_band", "table_equality_ethnicity"]
    assert [part.caption for part in table.parts] == [
        "Complaints accepted in 2021/22 by age",
        "Complaints accepted in 2021/22 by ethnic group",
    ]
    age, ethnicity = (part.data.to_dict("records") for part in table.parts)
    assert age == [
        {"Age": "18-24", "Complaints": 3, "Per cent": "15%"},
        {"Age": "65-74", "Complaints": 9, "Per cent": "45%"},
        {"Age": "Not recorded", "Complaints": 8, "Per cent": "40%"},
    ]
    assert ethnicity[0] == {"Ethnic group": "White", "Complaints": 12, "Per cent": "60%"}
    assert len(table.data) == len(age) + len(ethnicity)  # the CSV holds every row of every part


def test_a_suppressed_count_reads_fewer_than_in_its_characteristics_table_too():
    figures = equality_figures(
        {"sex": {"Female": 15, "Male": None, "Not recorded": None}}, suppressed_below=5
    )
    (sex,) = tables.equality_table(figures).parts
    assert sex.data.to_dict("records")[1:] == [
        {"Sex": "Male", "Complaints": "fewer than 5", "Per cent": "–"},
        {"Sex": "Not recorded", "Complaints": "fewer than 5", "Per cent": "–"},
    ]


def test_age_bands_are_in_order_of_age_and_ties_keep_their_order():
    counts = {"45-64": 5, "18-24": 5, "Under 18": 2, "85+": 4, "Not recorded": 3, "65 to 74": 1}
    table = tables.equality_table(equality_figures({"age_band": counts}))
    assert table.data["Group"].tolist() == ["Under 18", "18-24", "45-64", "65 to 74", "85+", "Not recorded"]


def test_age_labels_that_are_not_bands_keep_the_largest_first_order():
    counts = {"Adult": 12, "Child": 5, "Not recorded": 3}
    assert tables.equality_order("age_band", list(counts)) == ["Adult", "Child", "Not recorded"]


def test_a_suppressed_equality_count_reads_fewer_than_and_has_no_share():
    figures = equality_figures(
        {"sex": {"Female": 15, "Male": None, "Not recorded": None}}, suppressed_below=5
    )
    rows = tables.equality_table(figures).data.to_dict("records")
    assert rows[1] == {
        "Characteristic": "Sex",
        "Group": "Male",
        "Complaints": "fewer than 5",
        "Per cent": "–",
    }
    assert rows[2]["Complaints"] == "fewer than 5"


def test_a_single_complaint_and_an_unknown_column_name():
    figures = {
        "year_display": "2021/22",
        "complaints_accepted": 1,
        "equality_counts": {"religion_or_belief": {"None": 1}},
    }
    table = tables.equality_table(figures)
    assert table.data.to_dict("records") == [
        {"Characteristic": "Religion or belief", "Group": "None", "Complaints": 1, "Per cent": "100%"}
    ]
    assert table.caption.startswith("Equality information recorded with the one complaint accepted")


def test_no_equality_counts_gives_an_empty_table_left_out_of_the_report():
    assert tables.equality_table({"year_display": "2021/22", "complaints_accepted": 5}).data.empty
    assert "table_equality" not in [t.name for t in tables.tables_for("asc", asc_figures())]


# --------------------------------------------------------------------------- compliment quotes (privacy)


def compliments_frame(rows: list[tuple]) -> pd.DataFrame:
    """(reference, service, received, team, quote, publish) rows, typed as loading returns them."""
    return pd.DataFrame(rows, columns=["reference", "service", "received", "team", "quote", "publish"])


PRIVATE = "My mother's carer, Jane at 12 High Street, was wonderful"


def test_quotes_table_only_publish_true_quotes():
    frame = compliments_frame(
        [
            ("K1", "asc", date(2021, 6, 1), "Reablement", "Thank you for the support", True),
            ("K2", "asc", date(2021, 7, 1), "Reablement", PRIVATE, False),
            ("K3", "asc", date(2021, 8, 1), "Complex care", "Kind and patient staff", True),
        ]
    )
    table = tables.quotes_table(frame, "asc", YEAR)
    assert table.name == "table_compliment_quotes"
    assert "2021/22" in table.caption
    assert table.data.columns.tolist() == ["Team", "Compliment"]
    assert table.data.to_dict("records") == [
        {"Team": "Complex care", "Compliment": "Kind and patient staff"},
        {"Team": "Reablement", "Compliment": "Thank you for the support"},
    ]
    assert PRIVATE not in table.data.to_string()


def test_quotes_table_only_the_service_and_year():
    frame = compliments_frame(
        [
            ("K1", "asc", date(2021, 6, 1), "Reablement", "This year, ASC", True),
            ("K2", "childrens", date(2021, 6, 1), "Early Help", "Children's quote", True),
            ("K3", "asc", date(2021, 3, 31), "Reablement", "Last year", True),
            ("K4", "asc", date(2022, 4, 1), "Reablement", "Next year", True),
            ("K5", "asc", date(2022, 3, 31), "Reablement", "Last day of the year", True),
        ]
    )
    data = tables.quotes_table(frame, "asc", YEAR).data
    assert data["Compliment"].tolist() == ["This year, ASC", "Last day of the year"]


def test_quotes_table_skips_compliments_without_a_quote():
    frame = compliments_frame(
        [
            ("K1", "asc", date(2021, 6, 1), "Reablement", None, True),
            ("K2", "asc", date(2021, 6, 2), "Reablement", float("nan"), True),
        ]
    )
    data = tables.quotes_table(frame, "asc", YEAR).data
    assert data.empty
    assert data.columns.tolist() == ["Team", "Compliment"]


def test_quotes_table_from_loaded_exports_never_shows_an_unpublished_quote(load_cases, compliment):
    inputs = load_cases(
        compliments=[
            compliment("K1", quote="Published thanks", publish="yes"),
            compliment("K2", quote="Said no", publish="no"),
            compliment("K3", quote="Left blank", publish=None),
            compliment("K4", quote="Said No in capitals", publish="No"),
            compliment("K5", quote="Said YES in capitals", publish="YES"),
        ]
    )
    data = tables.quotes_table(inputs.compliments, "asc", YEAR).data
    shown = data["Compliment"].tolist()
    assert sorted(shown) == ["Published thanks", "Said YES in capitals"]
    for hidden in ("Said no", "Left blank", "Said No in capitals"):
        assert hidden not in data.to_string()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["asc", "childrens"]),
            st.dates(date(2020, 1, 1), date(2023, 6, 30)),
            st.sampled_from(["Reablement", "Complex care"]),
            st.booleans(),
        ),
        max_size=12,
    )
)
def test_quotes_table_never_shows_an_unpublished_quote(rows):
    frame = compliments_frame(
        [
            (f"K{i}", service, received, team, f"quote {i} {'public' if publish else 'PRIVATE'}", publish)
            for i, (service, received, team, publish) in enumerate(rows)
        ]
    )
    data = tables.quotes_table(frame, "asc", YEAR).data
    assert not any("PRIVATE" in quote for quote in data["Compliment"])
    expected = sum(
        1 for service, received, _, publish in rows if service == "asc" and received in YEAR and publish
    )
    assert len(data) == expected


@pytest.mark.parametrize("publish", ["yes", "no", "", None, float("nan")])
def test_quotes_table_fails_safe_on_anything_but_true(publish):
    # loading turns yes/no into booleans; a flag that is not True (even the text "yes") stays out
    frame = compliments_frame([("K1", "asc", date(2021, 6, 1), "Reablement", "Text flag", publish)])
    assert tables.quotes_table(frame, "asc", YEAR).data.empty
