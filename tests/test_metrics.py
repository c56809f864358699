"""The figures of a report (contract sections 3 and 4), on small hand-built cohorts.

Unless a test says otherwise, complaints are adult social care stage 1 complaints received
in 2022-23 and figures are for that year.
"""

import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd
import pytest
from conftest import complaint_record, history_record, ombudsman_record
from hypothesis import given
from hypothesis import strategies as st

from complaints_report import working_days as wd
from complaints_report.loading import load_inputs
from complaints_report.metrics import (
    HISTORY_MEASURES,
    compute_metrics,
    median_of,
    one_decimal,
    percent,
    stage1_cohort,
    trend,
    with_timeliness,
    year_metrics,
)
from complaints_report.working_days import add_working_days
from complaints_report.years import ReportingYear

YEAR = ReportingYear.parse("2022-23")
MONDAY_4_APRIL_2022 = date(2022, 4, 4)


def answered_after(working_days: int, received: date = MONDAY_4_APRIL_2022) -> dict:
    """Received and responded dates that are the given working days apart."""
    return {"received": received, "responded": add_working_days(received, working_days)}


# --------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (1, 8, 13),  # 12.5 rounds up, not to the even 12
        (5, 8, 63),  # 62.5 rounds up, not to the even 62
        (3, 8, 38),  # 37.5
        (1, 3, 33),
        (2, 3, 67),
        (1, 200, 1),  # 0.5
        (0, 5, 0),
        (5, 5, 100),
    ],
)
def test_percentages_are_rounded_half_up_from_exact_counts(part, whole, expected):
    assert percent(part, whole) == expected


def test_there_is_no_percentage_of_nothing():
    assert percent(0, 0) is None


@given(whole=st.integers(min_value=1, max_value=10_000), data=st.data())
def test_percent_matches_decimal_half_up_rounding(whole, data):
    part = data.draw(st.integers(min_value=0, max_value=whole))
    exact = Decimal(100 * part) / Decimal(whole)

    assert percent(part, whole) == int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- received, rejected, accepted


@pytest.fixture
def three_accepted_and_one_rejected(load_cases, complaint):
    return load_cases(
        complaints=[
            complaint(
                "C1",
                received=date(2022, 5, 3),
                team="Reablement",
                outcome="upheld",
                responded=date(2022, 5, 10),
            ),
            complaint("C2", received=date(2022, 6, 1), team="Reablement"),
            complaint("C3", received=date(2022, 7, 1), team="Home Care", category="Charging"),
            complaint(
                "C4",
                received=date(2022, 7, 4),
                team="Home Care",
                status="rejected",
                rejection_reason="Duplicate",
                outcome="not upheld",
            ),
        ]
    )


def test_rejected_complaints_are_received_but_not_accepted(three_accepted_and_one_rejected):
    figures = compute_metrics(three_accepted_and_one_rejected, "asc", YEAR)

    assert figures["complaints_received"] == 4
    assert figures["complaints_rejected"] == 1
    assert figures["complaints_accepted"] == 3


def test_rejected_complaints_are_left_out_of_every_other_figure(three_accepted_and_one_rejected):
    figures = compute_metrics(three_accepted_and_one_rejected, "asc", YEAR)

    assert figures["not_upheld"] == 0
    assert figures["team_counts"] == {"Reablement": 2, "Home Care": 1}
    assert figures["category_counts"] == {"Quality of service": 2, "Charging": 1}
    assert figures["rejection_reasons"] == {"Duplicate": 1}


def test_stage1_cohort_holds_the_accepted_stage1_complaints_of_the_year(three_accepted_and_one_rejected):
    cohort = stage1_cohort(three_accepted_and_one_rejected, "asc", YEAR)

    assert sorted(cohort["reference"]) == ["C1", "C2", "C3"]
    assert cohort.set_index("reference").loc["C1", "working_days"] == 5


def test_area_defaults_to_team_and_counts_are_largest_first(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("C1", received=date(2022, 5, 3), team="Reablement", area="Community"),
            complaint("C2", received=date(2022, 5, 3), team="Home Care", area="Community"),
            complaint("C3", received=date(2022, 5, 3), team="Hospital Team"),
        ]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert list(figures["area_counts"].items()) == [("Community", 2), ("Hospital Team", 1)]
    assert list(figures["team_counts"]) == ["Home Care", "Hospital Team", "Reablement"]  # ties by name


# --------------------------------------------------------------------------- procedures and stages


@pytest.fixture
def childrens_complaints_under_both_procedures(load_cases, complaint):
    def childrens(reference, procedure, **fields):
        fields.setdefault("received", date(2022, 6, 1))
        return complaint(
            reference, service="Children's Services", procedure=procedure, team="Safeguarding", **fields
        )

    return load_cases(
        complaints=[
            childrens("K1", "statutory"),
            childrens("K2", "statutory"),
            childrens("K3", "non-statutory"),
            childrens("K4", "corporate", status="rejected"),
            childrens("K1", "statutory", stage=2, received=date(2022, 9, 1)),
            childrens("K3", "corporate", stage=2, received=date(2022, 9, 1)),
            childrens("K2", "statutory", stage=2, received=date(2022, 9, 1), status="rejected"),
            childrens("K1", "statutory", stage=3, received=date(2023, 4, 3)),  # stage 3 in 2023-24
            complaint("A1", received=date(2022, 6, 1)),  # an adult complaint: not in the children's figures
        ]
    )


def test_accepted_childrens_complaints_split_by_procedure(childrens_complaints_under_both_procedures):
    figures = compute_metrics(childrens_complaints_under_both_procedures, "childrens", YEAR)

    assert figures["complaints_received"] == 4
    assert figures["statutory"] == 2
    assert figures["corporate"] == 1  # K3 'non-statutory'; K4 rejected


def test_later_stages_count_accepted_complaints_received_at_that_stage_in_the_year(
    childrens_complaints_under_both_procedures,
):
    figures = compute_metrics(childrens_complaints_under_both_procedures, "childrens", YEAR)

    assert figures["stage2_received"] == 2  # K1 and K3; K2's stage 2 was rejected
    assert figures["stage3_received"] == 0  # K1's stage 3 came in 2023-24
    assert (
        compute_metrics(childrens_complaints_under_both_procedures, "childrens", YEAR.next)["stage3_received"]
        == 1
    )


def test_adult_complaints_are_all_statutory(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("A1", received=date(2022, 6, 1))])

    figures = compute_metrics(inputs, "asc", YEAR)

    assert (figures["statutory"], figures["corporate"]) == (1, 0)


def test_a_service_counts_only_its_own_complaints(childrens_complaints_under_both_procedures):
    figures = compute_metrics(childrens_complaints_under_both_procedures, "asc", YEAR)

    assert figures["complaints_received"] == 1
    assert figures["service_name"] == "Adult Social Care"


# --------------------------------------------------------------------------- outcomes


@pytest.fixture
def eight_decided_two_withdrawn_one_open(load_cases, complaint):
    labels = (
        ["Upheld"]
        + ["partly upheld", "Partially upheld", "part upheld", "PART UPHELD"]
        + ["not upheld"] * 3
        + ["withdrawn"] * 2
        + [None]
    )
    return load_cases(
        complaints=[
            complaint(
                f"C{n}", outcome=label, **(answered_after(5) if label else {"received": MONDAY_4_APRIL_2022})
            )
            for n, label in enumerate(labels, start=1)
        ]
    )


def test_outcomes_are_counted_whatever_their_spelling(eight_decided_two_withdrawn_one_open):
    figures = compute_metrics(eight_decided_two_withdrawn_one_open, "asc", YEAR)

    assert figures["upheld"] == 1
    assert figures["partly_upheld"] == 4
    assert figures["not_upheld"] == 3
    assert figures["withdrawn"] == 2
    assert figures["open"] == 1


def test_upheld_or_partly_is_over_the_three_decided_outcomes_only(eight_decided_two_withdrawn_one_open):
    figures = compute_metrics(eight_decided_two_withdrawn_one_open, "asc", YEAR)

    # (1 upheld + 4 partly) / (1 + 4 + 3 not upheld) = 5/8 = 62.5% -> 63; withdrawn and open left out
    assert figures["upheld_or_partly_pct"] == 63


def test_no_decided_outcome_means_no_upheld_percentage(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("C1", received=date(2022, 5, 3), outcome="withdrawn")])

    assert "upheld_or_partly_pct" not in compute_metrics(inputs, "asc", YEAR)


# --------------------------------------------------------------------------- timeliness


@pytest.fixture
def eight_responded_and_one_open(load_cases, complaint):
    """Working days taken: 3 | 11, 12, 15, 19, 20 | 21, 40; and one still open."""
    taken = [3, 11, 12, 15, 19, 20, 21, 40]
    return load_cases(
        complaints=[
            *(
                complaint(f"C{n}", outcome="not upheld", **answered_after(days))
                for n, days in enumerate(taken, 1)
            ),
            complaint("C9", received=MONDAY_4_APRIL_2022),
        ]
    )


def test_responded_complaints_fall_into_bands(eight_responded_and_one_open):
    figures = compute_metrics(eight_responded_and_one_open, "asc", YEAR)

    assert (figures["within_10"], figures["within_20"], figures["over_20"]) == (1, 5, 2)
    assert figures["stage1_responded"] == 8


def test_band_percentages_are_over_responded_complaints_each_rounded_on_its_own(eight_responded_and_one_open):
    figures = compute_metrics(eight_responded_and_one_open, "asc", YEAR)

    # 1/8 = 12.5 -> 13, 5/8 = 62.5 -> 63, 2/8 = 25: they add to 101, as the contract allows
    assert (figures["within_10_pct"], figures["within_20_pct"], figures["over_20_pct"]) == (13, 63, 25)


def test_open_complaints_are_counted_separately_from_responded_ones(eight_responded_and_one_open):
    figures = compute_metrics(eight_responded_and_one_open, "asc", YEAR)

    assert figures["open"] == 1
    assert figures["complaints_accepted"] == 9
    assert figures["within_10"] + figures["within_20"] + figures["over_20"] == 8


def test_median_working_days_is_over_responded_complaints(eight_responded_and_one_open):
    # 3, 11, 12, 15 | 19, 20, 21, 40 -> (15 + 19) / 2 = 17
    assert compute_metrics(eight_responded_and_one_open, "asc", YEAR)["median_working_days"] == 17


def test_band_edges_10_11_20_21(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("C10", **answered_after(10)),
            complaint("C11", **answered_after(11)),
            complaint("C20", **answered_after(20)),
            complaint("C21", **answered_after(21)),
        ]
    )

    cohort = stage1_cohort(inputs, "asc", YEAR).set_index("reference")

    assert dict(cohort["band"]) == {
        "C10": "within_10",
        "C11": "within_20",
        "C20": "within_20",
        "C21": "over_20",
    }
    assert compute_metrics(inputs, "asc", YEAR)["median_working_days"] == 15.5


def test_an_agreed_extension_gives_a_stage1_complaint_20_working_days(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("EXT", extension="yes", **answered_after(15)),
            complaint("NOEXT", extension="no", **answered_after(15)),
            complaint("LATE", extension="yes", **answered_after(21)),
            complaint("ONTIME", **answered_after(10)),
        ]
    )

    cohort = stage1_cohort(inputs, "asc", YEAR).set_index("reference")

    assert dict(cohort["timescale_days"]) == {"EXT": 20, "NOEXT": 10, "LATE": 20, "ONTIME": 10}
    assert dict(cohort["within_timescale"]) == {"EXT": True, "NOEXT": False, "LATE": False, "ONTIME": True}
    assert compute_metrics(inputs, "asc", YEAR)["stage1_within_timescale_pct"] == 50


def test_statutory_stage2_has_25_working_days_or_65_with_an_extension(load_cases, complaint):
    def stage2(reference, days, **fields):
        return complaint(
            reference,
            service="childrens",
            procedure="statutory",
            stage=2,
            **answered_after(days, received=date(2022, 6, 1)),
            **fields,
        )

    stage1s = [
        complaint(r, service="childrens", procedure="statutory", received=date(2022, 5, 3))
        for r in ("K1", "K2", "K3")
    ]
    inputs = load_cases(
        complaints=[
            *stage1s,
            stage2("K1", 25),  # on time
            stage2("K2", 26),  # late
            stage2("K3", 60, extension="yes"),  # on time with extension
        ]
    )

    # 2 of 3 on time = 66.7 -> 67
    assert compute_metrics(inputs, "childrens", YEAR)["stage2_within_timescale_pct"] == 67


def test_acknowledgement_within_3_working_days_is_over_those_with_a_date(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            # received Mon 4 Apr 2022: Thu 7 Apr is 3 working days, Fri 8 Apr is 4
            complaint("C1", received=MONDAY_4_APRIL_2022, acknowledged=date(2022, 4, 7)),
            complaint("C2", received=MONDAY_4_APRIL_2022, acknowledged=date(2022, 4, 8)),
            complaint("C3", received=MONDAY_4_APRIL_2022),
        ]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["acknowledged_within_3_pct"] == 50
    # the counts behind it, so the report can say "1 of the 2 with a date"
    assert (figures["acknowledged_within_3"], figures["acknowledged_recorded"]) == (1, 2)


def test_no_acknowledgement_dates_means_counts_of_none_and_no_percentage(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("C1", received=MONDAY_4_APRIL_2022)])

    figures = compute_metrics(inputs, "asc", YEAR)

    assert (figures["acknowledged_within_3"], figures["acknowledged_recorded"]) == (0, 0)
    assert "acknowledged_within_3_pct" not in figures


def test_without_responses_there_are_no_timeliness_percentages(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("C1", received=MONDAY_4_APRIL_2022)])

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["open"] == 1
    assert (figures["within_10"], figures["within_20"], figures["over_20"]) == (0, 0, 0)
    for absent in (
        "within_10_pct",
        "stage1_within_timescale_pct",
        "median_working_days",
        "acknowledged_within_3_pct",
    ):
        assert absent not in figures


# --------------------------------------------------------------------------- cohort by received year


def test_a_complaint_belongs_to_the_year_its_stage_was_received(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("MARCH", received=date(2022, 3, 31), responded=date(2022, 4, 20), outcome="upheld"),
            complaint("APRIL", received=date(2022, 4, 1), responded=date(2022, 4, 4), outcome="not upheld"),
        ]
    )

    last_year = compute_metrics(inputs, "asc", YEAR.previous)
    this_year = compute_metrics(inputs, "asc", YEAR)

    assert (last_year["complaints_received"], last_year["upheld"]) == (
        1,
        1,
    )  # answered in April: still 2021-22
    assert (this_year["complaints_received"], this_year["not_upheld"]) == (1, 1)


# --------------------------------------------------------------------------- previous year and history


def test_previous_year_comes_from_case_data(load_cases, complaint):
    inputs = load_cases(
        complaints=[
            complaint("OLD1", received=date(2021, 6, 1)),
            complaint("OLD2", received=date(2021, 7, 1)),
            complaint("NEW1", received=date(2022, 6, 1)),
        ]
    )

    previous = compute_metrics(inputs, "asc", YEAR)["previous_year"]

    assert previous["year"] == "2021-22"
    assert previous["complaints_received"] == 2


def test_previous_year_comes_from_published_history_when_there_are_no_cases(
    load_cases, complaint, published_figure
):
    inputs = load_cases(
        complaints=[complaint("NEW1", received=date(2022, 6, 1))],
        history=[
            published_figure("2021-22", "complaints_received", 120),
            published_figure("2021-22", "within_10_pct", "64%"),
            published_figure("2021-22", "complaints_received", 99, service="childrens"),
        ],
    )

    previous = compute_metrics(inputs, "asc", YEAR)["previous_year"]

    assert (previous["year"], previous["service"]) == ("2021-22", "asc")
    assert previous["complaints_received"] == 120
    assert previous["within_10_pct"] == 64
    assert set(previous) & HISTORY_MEASURES == {"complaints_received", "within_10_pct"}


def test_there_is_no_previous_year_when_nothing_is_known_about_it(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("NEW1", received=date(2022, 6, 1))])

    assert "previous_year" not in compute_metrics(inputs, "asc", YEAR)


def test_a_year_with_case_data_ignores_a_conflicting_published_figure(
    load_cases, complaint, published_figure
):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1)), complaint("C2", received=date(2022, 6, 2))],
        history=[published_figure("2022-23", "complaints_received", 999)],
    )

    assert compute_metrics(inputs, "asc", YEAR)["complaints_received"] == 2


def test_history_fills_only_what_the_cases_cannot_give(load_cases, complaint, published_figure):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1))],
        history=[
            published_figure("2022-23", "member_enquiries", 40),
            published_figure("2022-23", "complaints_accepted", 7),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["member_enquiries"] == 40  # no enquiry cases: the published figure
    assert figures["complaints_accepted"] == 1  # computed from the cases


def test_a_year_with_neither_cases_nor_history_has_no_figures(load_cases, complaint):
    inputs = load_cases(complaints=[complaint("C1", received=date(2022, 6, 1))])

    figures = year_metrics(inputs, "asc", ReportingYear(2010))

    assert (figures["year"], figures["service"]) == ("2010-11", "asc")
    assert not set(figures) & HISTORY_MEASURES


# ---------------------------------------------------------------- enquiries, compliments, ombudsman


@pytest.fixture
def investigated_case(ombudsman_case):
    """An LGSCO case it investigated: ``investigated_case(reference, received, finding, remedy_amount)``."""

    def build(reference: str, received: date, finding: str, remedy_amount: str | None = None) -> dict:
        return ombudsman_case(
            reference, received=received, investigated="yes", finding=finding, remedy_amount=remedy_amount
        )

    return build


def test_member_enquiries_within_5_working_days_are_over_those_responded(load_cases, complaint, enquiry):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1))],
        enquiries=[
            enquiry("E1", **answered_after(5)),  # on time
            enquiry("E2", **answered_after(0)),  # same day
            enquiry("E3", **answered_after(6)),  # late
            enquiry("E4", received=MONDAY_4_APRIL_2022),  # still open
            enquiry("E5", received=date(2022, 3, 31), responded=date(2022, 4, 1)),  # 2021-22
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["member_enquiries"] == 4
    assert figures["member_enquiries_responded"] == 3
    assert figures["member_enquiries_within_5_pct"] == 67  # 2/3 = 66.7


def test_compliments_are_counted_by_team(load_cases, complaint, compliment):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1))],
        compliments=[
            compliment("K1", received=date(2022, 5, 1), team="Reablement"),
            compliment("K2", received=date(2022, 5, 2), team="Reablement"),
            compliment("K3", received=date(2022, 5, 3), team="Home Care"),
            compliment("K4", received=date(2021, 5, 3), team="Home Care"),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["compliments"] == 3
    assert figures["compliments_by_team"] == {"Reablement": 2, "Home Care": 1}


def test_ombudsman_cases_count_investigations_faults_and_remedies(
    load_cases, complaint, ombudsman_case, investigated_case
):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1))],
        ombudsman=[
            investigated_case("L1", date(2022, 5, 1), "Fault found", "£800"),
            investigated_case("L2", date(2022, 6, 1), "Upheld: maladministration and injustice", "250.50"),
            investigated_case("L3", date(2022, 7, 1), "No fault"),
            ombudsman_case(
                "L4", received=date(2022, 8, 1), investigated="no", reason_not_investigated="Premature"
            ),
            investigated_case("L5", date(2021, 8, 1), "fault found", "1000"),  # 2021-22
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["ombudsman_received"] == 4
    assert figures["ombudsman_investigated"] == 3
    assert figures["ombudsman_fault_found"] == 2
    assert figures["ombudsman_remedy_total"] == 1050.5
    assert figures["ombudsman_reasons_not_investigated"] == ["Premature"]


def test_a_whole_pound_remedy_total_is_an_integer(load_cases, complaint, investigated_case):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2022, 6, 1))],
        ombudsman=[investigated_case("L1", date(2022, 5, 1), "fault found", "£800.00")],
    )

    total = compute_metrics(inputs, "asc", YEAR)["ombudsman_remedy_total"]

    assert total == 800 and isinstance(total, int)


def test_ombudsman_fault_found_counts_the_ombudsmans_upheld_decisions(load_cases, investigated_case):
    inputs = load_cases(
        ombudsman=[
            investigated_case("L1", date(2022, 5, 1), "Upheld: maladministration and injustice"),
            investigated_case("L2", date(2022, 5, 2), "Upheld: fault, no injustice"),
            investigated_case("L3", date(2022, 5, 3), "Not upheld: no fault"),
            investigated_case("L4", date(2022, 5, 4), "fault found"),
            investigated_case("L5", date(2022, 5, 5), "Closed after initial enquiries - no fault"),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["ombudsman_fault_found"] == 3


# --------------------------------------------------------------------------- metrics.json


CONTRACT_KEYS = {
    "year",
    "service",
    "complaints_received",
    "complaints_rejected",
    "complaints_accepted",
    "statutory",
    "corporate",
    "stage2_received",
    "stage3_received",
    "upheld",
    "partly_upheld",
    "not_upheld",
    "withdrawn",
    "open",
    "upheld_or_partly_pct",
    "category_counts",
    "team_counts",
    "area_counts",
    "within_10",
    "within_20",
    "over_20",
    "within_10_pct",
    "within_20_pct",
    "over_20_pct",
    "stage1_within_timescale_pct",
    "acknowledged_within_3_pct",
    "median_working_days",
    "member_enquiries",
    "member_enquiries_within_5_pct",
    "compliments",
    "compliments_by_team",
    "ombudsman_received",
    "ombudsman_investigated",
    "ombudsman_fault_found",
    "ombudsman_remedy_total",
    "previous_year",
}


def test_a_full_year_has_every_contract_key_as_plain_json_numbers(
    load_cases, complaint, enquiry, compliment, investigated_case
):
    inputs = load_cases(
        complaints=[
            complaint("C0", received=date(2021, 6, 1)),
            complaint("C1", outcome="upheld", acknowledged=date(2022, 4, 5), **answered_after(4)),
        ],
        enquiries=[enquiry("E1", **answered_after(2))],
        compliments=[compliment("K1", received=date(2022, 6, 1))],
        ombudsman=[investigated_case("L1", date(2022, 6, 1), "fault found", "£100")],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert CONTRACT_KEYS <= set(figures)
    assert (figures["year"], figures["service"], figures["year_display"]) == ("2022-23", "asc", "2022/23")
    assert json.loads(json.dumps(figures)) == figures  # nothing pandas- or numpy-typed
    for name in CONTRACT_KEYS - {
        "year",
        "service",
        "previous_year",
        "category_counts",
        "team_counts",
        "area_counts",
        "compliments_by_team",
    }:
        assert type(figures[name]) is int, name


# ----------------------------------------------------------------------------- zero is a figure


def test_a_year_with_no_ombudsman_cases_reports_zero_not_missing(load_cases, complaint, ombudsman_case):
    inputs = load_cases(
        complaints=[complaint("C1", received=date(2021, 5, 4)), complaint("C2", received=date(2022, 5, 4))],
        ombudsman=[ombudsman_case("L1", received=date(2021, 6, 1))],
    )
    figures = compute_metrics(inputs, "asc", ReportingYear.parse("2022-23"))
    assert figures["ombudsman_received"] == 0
    assert figures["ombudsman_remedy_total"] == 0
    assert figures["previous_year"]["ombudsman_received"] == 1


def test_years_before_an_export_starts_are_left_to_history(
    load_cases, complaint, ombudsman_case, published_figure
):
    inputs = load_cases(
        complaints=[complaint("C0", received=date(2020, 5, 4)), complaint("C1", received=date(2021, 5, 4))],
        ombudsman=[ombudsman_case("L1", received=date(2021, 6, 1))],
        history=[published_figure("2020-21", "ombudsman_received", 7)],
    )
    figures = compute_metrics(inputs, "asc", ReportingYear.parse("2021-22"))
    assert figures["ombudsman_received"] == 1
    assert figures["previous_year"]["ombudsman_received"] == 7, "before the export starts, history gives it"


# =========================================================================== contract v2 keys
# Hand-counted cases for the figures a scrutiny committee asks for (contract section 4).


@pytest.fixture
def load_exports(data_dir, write_csv):
    """Write exports, complaints with whichever optional columns their rows use, and load them.

    ``context`` and ``comparators`` rows come from :func:`context_row` and :func:`comparator_row`.
    """

    def load(complaints, *, history=(), ombudsman=(), context=(), comparators=()):
        columns = list(dict.fromkeys(key for record in complaints for key in record))
        write_csv("complaints.csv", list(complaints), columns=columns)
        for name, records in (
            ("history.csv", history),
            ("ombudsman.csv", ombudsman),
            ("context.csv", context),
            ("comparators.csv", comparators),
        ):
            if records:
                write_csv(name, list(records))
        return load_inputs(data_dir)

    return load


def context_row(measure: str, value, year: str = "2022-23", service: str = "asc") -> dict:
    """A line of a ``context`` file: population or service users for a service and year."""
    return {"service": service, "year": year, "measure": measure, "value": value}


def comparator_row(council: str, measure: str, value, year: str = "2022-23", service: str = "asc") -> dict:
    """A line of a ``comparators`` file: one other council's published figure."""
    return {"council": council, "year": year, "service": service, "measure": measure, "value": value}


def childrens(reference: str, **fields) -> dict:
    """A children's complaint (statutory unless a test says otherwise)."""
    fields.setdefault("procedure", "statutory")
    return complaint_record(reference, service="childrens", **fields)


# --------------------------------------------------------------------------- rounding to one decimal place


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 4), 0.3),  # 0.25: half up, where a float rounds to the even 0.2
        (Fraction(29, 4), 7.3),  # 7.25
        (Fraction(247, 20), 12.4),  # 12.35, which a float holds as 12.3499999...
        (Fraction(11, 3), 3.7),
        (Fraction(5, 1), 5.0),
        (0, 0.0),
    ],
)
def test_one_decimal_rounds_half_up_from_the_exact_value(value, expected):
    assert one_decimal(value) == expected


@given(
    numerator=st.integers(min_value=0, max_value=10**7), denominator=st.integers(min_value=1, max_value=10**4)
)
def test_one_decimal_matches_decimal_half_up_rounding(numerator, denominator):
    exact_value = Decimal(numerator) / Decimal(denominator)

    expected = float(exact_value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

    assert one_decimal(Fraction(numerator, denominator)) == expected


def test_a_median_of_an_even_number_of_values_is_the_mean_of_the_middle_two():
    assert median_of([4, 1, 3, 2]) == Fraction(5, 2)
    assert median_of([3, 1, 2]) == 2
    assert median_of([]) is None


# --------------------------------------------------------------------------- quarterly_received


def test_quarters_run_april_to_june_then_july_to_september_october_to_december_january_to_march(load_exports):
    inputs = load_exports(
        [
            complaint_record("Q1-FIRST", received=date(2022, 4, 1)),
            complaint_record("Q1-LAST", received=date(2022, 6, 30)),  # the last day of Q1 counts in Q1
            complaint_record("Q3-FIRST", received=date(2022, 10, 1)),
            complaint_record("Q3-LAST", received=date(2022, 12, 31)),  # a Saturday: still December, Q3
            complaint_record("Q4-LAST", received=date(2023, 3, 31)),
            complaint_record("Q2-REJECTED", received=date(2022, 8, 1), status="rejected"),
            complaint_record("LAST-YEAR", received=date(2022, 3, 31)),
            complaint_record("NEXT-YEAR", received=date(2023, 4, 1)),
        ]
    )

    quarters = compute_metrics(inputs, "asc", YEAR)["quarterly_received"]

    # July to September had only a rejected complaint: a quarter with none is 0, not missing
    assert quarters == {"Q1": 2, "Q2": 0, "Q3": 2, "Q4": 1}
    assert list(quarters) == ["Q1", "Q2", "Q3", "Q4"]


def test_a_complaint_received_on_30_june_counts_in_q1_and_on_1_july_in_q2(load_exports):
    inputs = load_exports(
        [
            complaint_record("JUNE", received=date(2022, 6, 30)),
            complaint_record("JULY", received=date(2022, 7, 1)),
        ]
    )

    assert compute_metrics(inputs, "asc", YEAR)["quarterly_received"] == {"Q1": 1, "Q2": 1, "Q3": 0, "Q4": 0}


def test_later_stages_are_not_in_the_quarters(load_exports):
    inputs = load_exports(
        [
            childrens("K1", received=date(2022, 4, 4), responded=date(2022, 4, 8), outcome="not upheld"),
            childrens("K1", stage=2, received=date(2022, 7, 4)),
        ]
    )

    assert compute_metrics(inputs, "childrens", YEAR)["quarterly_received"] == {
        "Q1": 1,
        "Q2": 0,
        "Q3": 0,
        "Q4": 0,
    }


# --------------------------------------------------------------------------- mean_working_days


def test_mean_working_days_is_over_responded_complaints_rounded_half_up(load_exports):
    # 1 + 0 + 0 + 0 = 1 working day over 4 answered complaints = 0.25 -> 0.3 (a float would give 0.2)
    inputs = load_exports(
        [
            complaint_record("C1", **answered_after(1)),
            complaint_record("C2", **answered_after(0)),
            complaint_record("C3", **answered_after(0)),
            complaint_record("C4", **answered_after(0)),
            complaint_record("OPEN", received=MONDAY_4_APRIL_2022),
        ]
    )

    assert compute_metrics(inputs, "asc", YEAR)["mean_working_days"] == 0.3


def test_mean_working_days_of_3_4_and_4_is_3_7(load_exports):
    inputs = load_exports(
        [complaint_record(f"C{n}", **answered_after(n_days)) for n, n_days in enumerate([3, 4, 4])]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["mean_working_days"] == 3.7  # 11 / 3 = 3.666...
    assert figures["median_working_days"] == 4


def test_no_response_means_no_mean(load_exports):
    inputs = load_exports([complaint_record("OPEN", received=MONDAY_4_APRIL_2022)])

    assert "mean_working_days" not in compute_metrics(inputs, "asc", YEAR)


# --------------------------------------------------------------------------- complaints_trend


def test_the_trend_holds_this_year_and_the_four_before_from_cases_else_history(load_exports):
    inputs = load_exports(
        [
            complaint_record("NOW-1", received=date(2022, 5, 3)),
            complaint_record("NOW-2", received=date(2022, 5, 4)),
            complaint_record("NOW-REJECTED", received=date(2022, 5, 5), status="rejected"),
            complaint_record("LAST-1", received=date(2021, 5, 3)),
        ],
        history=[
            history_record("2017-18", "complaints_received", 60),  # five years back: too old
            history_record("2018-19", "complaints_received", 50),
            history_record("2019-20", "complaints_received", 45),
            history_record("2020-21", "complaints_received", 40),
            history_record("2021-22", "complaints_received", 999),  # the cases give 2021-22
            history_record("2019-20", "complaints_received", 7, service="childrens"),
        ],
    )

    trend_ = compute_metrics(inputs, "asc", YEAR)["complaints_trend"]

    assert trend_ == {"2018-19": 50, "2019-20": 45, "2020-21": 40, "2021-22": 1, "2022-23": 3}
    assert list(trend_) == ["2018-19", "2019-20", "2020-21", "2021-22", "2022-23"]  # oldest first


def test_a_year_known_from_neither_cases_nor_history_is_left_out_of_the_trend(load_exports):
    inputs = load_exports(
        [complaint_record("NOW", received=date(2022, 5, 3))],
        history=[
            history_record("2019-20", "complaints_received", 45),
            history_record("2020-21", "ombudsman_received", 3),  # not a complaints count
        ],
    )

    assert compute_metrics(inputs, "asc", YEAR)["complaints_trend"] == {"2019-20": 45, "2022-23": 1}


def test_a_previous_year_known_only_from_history_has_its_own_trend(load_exports):
    inputs = load_exports(
        [complaint_record("NOW", received=date(2022, 5, 3))],
        history=[
            history_record("2017-18", "complaints_received", 70),
            history_record("2021-22", "complaints_received", 65),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["complaints_trend"] == {"2021-22": 65, "2022-23": 1}
    assert figures["previous_year"]["complaints_trend"] == {"2017-18": 70, "2021-22": 65}


@pytest.mark.parametrize(("service", "year"), [("asc", "2020-21"), ("childrens", "2021-22")])
def test_the_trend_reuses_this_years_computed_figures_and_gives_the_same_years(service, year):
    """The notebook hands trend() what compute_metrics worked out: this year and last are not worked
    out twice, and the trend is the one worked out from the cases."""
    from complaints_report import paths
    from complaints_report.loading import inputs_for_report

    reporting_year = ReportingYear.parse(year)
    inputs = inputs_for_report(paths.DATA_DIR, reporting_year, service)
    computed = compute_metrics(inputs, service, reporting_year)

    reused = trend(inputs, service, reporting_year, years=3, computed=computed)

    assert reused == trend(inputs, service, reporting_year, years=3)
    assert [figures["year"] for figures in reused][-1] == year
    with pytest.raises(ValueError, match="figures of"):
        trend(inputs, service, reporting_year, years=3, computed=dict(computed, year="2019-20"))


def test_a_previous_year_not_known_is_left_out_of_the_trend_when_reused(load_exports):
    inputs = load_exports([complaint_record("NOW", received=date(2022, 5, 3))])
    computed = compute_metrics(inputs, "asc", YEAR)

    assert "previous_year" not in computed
    assert [f["year"] for f in trend(inputs, "asc", YEAR, years=3, computed=computed)] == ["2022-23"]


# --------------------------------------------------------------------------- escalation and later stages


def stage2(reference: str, received: date, working_days: int | None, **fields) -> dict:
    """A children's stage 2 complaint answered after the given working days (None: still open)."""
    dates = {"received": received} if working_days is None else answered_after(working_days, received)
    return childrens(reference, stage=2, **dates, **fields)


def stage1s(*references: str, received: date = date(2022, 4, 4)) -> list[dict]:
    """Children's stage 1 complaints, answered in 5 working days, one per reference."""
    return [childrens(r, outcome="not upheld", **answered_after(5, received)) for r in references]


def test_escalation_is_the_years_stage2_complaints_over_its_accepted_stage1_complaints(load_exports):
    inputs = load_exports(
        [
            *stage1s("K1", "K2", "K3", "K4"),
            childrens("K5", received=date(2022, 4, 4), status="rejected"),
            *stage1s("OLD", received=date(2022, 3, 1)),  # last year's stage 1 ...
            stage2("OLD", date(2022, 4, 19), 10),  # ... escalated this year: counts this year
            stage2("K1", date(2022, 5, 3), 10),
            stage2("K2", date(2022, 5, 3), None, status="rejected"),  # not accepted at stage 2
            stage2("K3", date(2023, 4, 3), None),  # escalated next year
        ]
    )

    figures = compute_metrics(inputs, "childrens", YEAR)

    assert figures["stage2_received"] == 2
    assert figures["escalation_pct"] == 50  # 2 of 4 accepted stage 1 complaints


def test_adult_social_care_has_one_stage_so_no_escalation_or_later_stage_timeliness(load_exports):
    inputs = load_exports(
        [
            complaint_record("A1", outcome="upheld", **answered_after(3)),
            complaint_record("A1", stage=2, **answered_after(5, date(2022, 5, 3))),  # allowed, with a note
        ]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    for key in ("escalation_pct", "stage2_within_timescale_pct", "stage3_within_timescale_pct"):
        assert key not in figures


def test_corporate_stage2_has_20_working_days_even_with_an_extension(load_exports):
    inputs = load_exports(
        [
            *stage1s("C1", "C2", "C3"),
            stage2("C1", date(2022, 6, 1), 20, procedure="corporate"),  # on time
            stage2("C2", date(2022, 6, 1), 21, procedure="corporate"),  # late
            stage2("C3", date(2022, 6, 1), 25, procedure="corporate", extension="yes"),  # late: no extension
        ]
    )

    assert compute_metrics(inputs, "childrens", YEAR)["stage2_within_timescale_pct"] == 33  # 1 of 3


def test_stage3_panels_have_30_working_days(load_exports):
    inputs = load_exports(
        [
            *stage1s("S1", "S2"),
            stage2("S1", date(2022, 5, 3), 20),
            stage2("S2", date(2022, 5, 3), 20),
            childrens("S1", stage=3, **answered_after(30, date(2022, 7, 1))),  # on time
            childrens("S2", stage=3, **answered_after(31, date(2022, 7, 1))),  # late
        ]
    )

    figures = compute_metrics(inputs, "childrens", YEAR)

    assert figures["stage3_within_timescale_pct"] == 50
    assert figures["stage2_within_timescale_pct"] == 100
    # the counts behind the percentages
    assert (figures["stage3_within_timescale"], figures["stage3_responded"]) == (1, 2)
    assert (figures["stage2_within_timescale"], figures["stage2_responded"]) == (2, 2)


def test_a_stage_answered_after_the_year_end_counts_in_the_year_it_was_received(load_exports):
    inputs = load_exports(
        [
            *stage1s("MARCH", "EARLIER", received=date(2022, 1, 4)),
            # received 1 March 2023, answered 26 working days later in April 2023: late, in 2022-23
            stage2("MARCH", date(2023, 3, 1), 26),
            # received 31 March 2022, answered on time in April 2022: in 2021-22, not 2022-23
            stage2("EARLIER", date(2022, 3, 31), 10),
            stage2("OPEN", date(2022, 6, 1), None),  # no response yet: not in the percentage
            *stage1s("OPEN"),
        ]
    )

    this_year = compute_metrics(inputs, "childrens", YEAR)

    assert this_year["stage2_received"] == 2
    assert this_year["stage2_within_timescale_pct"] == 0  # MARCH, the only one answered, was late
    assert (this_year["stage2_within_timescale"], this_year["stage2_responded"]) == (0, 1)
    assert this_year["previous_year"]["stage2_within_timescale_pct"] == 100  # EARLIER


def test_without_a_responded_stage3_there_is_no_stage3_percentage(load_exports):
    inputs = load_exports([*stage1s("K1"), stage2("K1", date(2022, 5, 3), 10)])

    figures = compute_metrics(inputs, "childrens", YEAR)

    assert figures["stage3_received"] == 0
    assert "stage3_within_timescale_pct" not in figures
    assert (figures["stage3_within_timescale"], figures["stage3_responded"]) == (0, 0)


# --------------------------------------------------------------------------- repeat complainants


def test_repeat_complainants_have_two_or_more_accepted_stage1_complaints_in_the_year(load_exports):
    def by(reference, person, **fields):
        fields.setdefault("received", date(2022, 6, 1))
        return complaint_record(reference, complainant=person, **fields)

    inputs = load_exports(
        [
            by("A1", "P-0001"),
            by("A2", "P-0001"),
            by("A3", "P-0001"),  # three complaints: one repeat complainant
            by("B1", "P-0002"),
            by("B2", "P-0002"),  # two: another
            by("C1", "P-0003"),
            by("C2", "P-0003", status="rejected"),  # one accepted: not a repeat
            by("D1", "P-0004"),
            by("D0", "P-0004", received=date(2022, 2, 1)),  # the other in last year: counts only the year's
            by("E1", ""),
            by("E2", ""),
            by("E3", ""),  # blanks are nobody, not one person with three complaints
        ]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["repeat_complainants"] == 2
    assert figures["complaints_from_repeat_complainants"] == 5
    assert figures["previous_year"]["repeat_complainants"] == 0  # P-0004's complaint last year was one


def test_no_complainant_column_means_no_repeat_complainant_figures(load_exports):
    inputs = load_exports([complaint_record("A1", received=date(2022, 6, 1))])

    figures = compute_metrics(inputs, "asc", YEAR)

    assert "repeat_complainants" not in figures
    assert "complaints_from_repeat_complainants" not in figures


def test_a_year_whose_complainants_are_all_blank_has_no_repeat_figures(load_exports):
    inputs = load_exports(
        [
            complaint_record("OLD1", received=date(2021, 6, 1), complainant=""),
            complaint_record("OLD2", received=date(2021, 6, 2), complainant=""),
            complaint_record("NEW1", received=date(2022, 6, 1), complainant="P-0001"),
        ]
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["repeat_complainants"] == 0  # recorded this year, and nobody complained twice
    assert "repeat_complainants" not in figures["previous_year"]  # not recorded last year: unknown, not 0


def test_no_complainant_identifier_reaches_the_figures(load_exports):
    inputs = load_exports(
        [
            complaint_record("A1", received=date(2022, 6, 1), complainant="P-7731"),
            complaint_record("A2", received=date(2022, 6, 2), complainant="P-7731"),
        ]
    )

    text = json.dumps(compute_metrics(inputs, "asc", YEAR))

    assert "P-7731" not in text
    assert "A1" not in text and "A2" not in text  # nor a case reference


# --------------------------------------------------------------------------- equality monitoring


def test_equality_counts_are_per_column_largest_first_with_blanks_as_not_recorded(load_exports):
    def person(reference, sex, ethnicity="", **fields):
        fields.setdefault("received", date(2022, 6, 1))
        return complaint_record(reference, sex=sex, ethnicity=ethnicity, age_band="", **fields)

    inputs = load_exports(
        [
            person("C1", "Female", "White British"),
            person("C2", "Female", "Black African"),
            person("C3", "Female"),
            person("C4", "Male", "White British"),
            person("C5", "Male"),
            person("C6", ""),
            person("C7", "Female", status="rejected"),  # not accepted: not counted
            person("C8", "Male", received=date(2021, 6, 1)),  # last year
        ]
    )

    equality = compute_metrics(inputs, "asc", YEAR)["equality_counts"]

    assert equality == {
        "sex": {"Female": 3, "Male": 2, "Not recorded": 1},
        "ethnicity": {"Not recorded": 3, "White British": 2, "Black African": 1},
    }
    assert list(equality["sex"]) == ["Female", "Male", "Not recorded"]
    assert "age_band" not in equality  # the column is there but blank for every complaint: not given


def test_no_equality_columns_means_no_equality_counts(load_exports):
    inputs = load_exports([complaint_record("C1", received=date(2022, 6, 1))])

    assert "equality_counts" not in compute_metrics(inputs, "asc", YEAR)


# --------------------------------------------------------------------------- rates from context


def test_rates_are_accepted_complaints_per_1000_service_users_and_per_100k_residents(load_exports):
    inputs = load_exports(
        [complaint_record(f"C{n}", received=date(2022, 6, 1)) for n in range(29)]
        + [complaint_record("REJECTED", received=date(2022, 6, 1), status="rejected")],
        context=[
            context_row("service_users", 4000),  # 29 x 1,000 / 4,000 = 7.25 -> 7.3 (a float gives 7.2)
            context_row("population", "261,317"),  # 29 x 100,000 / 261,317 = 11.097... -> 11.1
            context_row("service_users", 10, service="childrens"),
            context_row("service_users", 10, year="2021-22"),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["complaints_per_1000_service_users"] == 7.3
    assert figures["complaints_per_100k_population"] == 11.1


def test_a_missing_context_measure_means_that_rate_is_absent(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        context=[context_row("population", 200_000)],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["complaints_per_100k_population"] == 0.5
    assert "complaints_per_1000_service_users" not in figures


def test_no_context_for_the_year_means_no_rates(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        context=[context_row("population", 200_000, year="2021-22")],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert "complaints_per_100k_population" not in figures
    assert "complaints_per_100k_population" not in figures.get("previous_year", {})  # no complaints then


def test_last_years_rate_uses_last_years_context(load_exports):
    inputs = load_exports(
        [complaint_record("NOW", received=date(2022, 6, 1))]
        + [complaint_record(f"OLD{n}", received=date(2021, 6, 1)) for n in range(3)],
        context=[context_row("population", 200_000), context_row("population", 150_000, year="2021-22")],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["previous_year"]["complaints_per_100k_population"] == 2.0  # 3 x 100,000 / 150,000


@pytest.mark.parametrize(
    ("rows", "why"),
    [
        ([context_row("service_users", 0)], "no service users: no rate"),
        (
            [context_row("service_users", 1000), context_row("service_users", 1200)],
            "two different figures for one year: not guessed",
        ),
    ],
)
def test_an_unusable_context_figure_gives_no_rate(load_exports, rows, why):
    inputs = load_exports([complaint_record("C1", received=date(2022, 6, 1))], context=rows)

    assert "complaints_per_1000_service_users" not in compute_metrics(inputs, "asc", YEAR), why


# --------------------------------------------------------------------------- Ombudsman upheld


def test_ombudsman_upheld_is_fault_found_over_investigated(load_exports):
    def case(reference, investigated, finding=None):
        return ombudsman_record(
            reference, received=date(2022, 6, 1), investigated=investigated, finding=finding
        )

    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        ombudsman=[
            case("L1", "yes", "Upheld: maladministration and injustice"),
            case("L2", "yes", "fault found"),
            case("L3", "yes", "Not upheld: no fault"),
            case("L4", "no", "Closed after initial enquiries"),
        ],
    )

    assert compute_metrics(inputs, "asc", YEAR)["ombudsman_upheld_pct"] == 67  # 2 of 3 investigated


def test_nothing_investigated_means_no_ombudsman_upheld_percentage(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        ombudsman=[ombudsman_record("L1", received=date(2022, 6, 1), investigated="no")],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["ombudsman_investigated"] == 0
    assert "ombudsman_upheld_pct" not in figures


def test_a_previous_year_from_history_works_out_its_ombudsman_upheld_percentage(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        history=[
            history_record("2021-22", "ombudsman_investigated", 4),
            history_record("2021-22", "ombudsman_fault_found", 1),
        ],
    )

    assert compute_metrics(inputs, "asc", YEAR)["previous_year"]["ombudsman_upheld_pct"] == 25


# --------------------------------------------------------------------------- comparators


def test_comparator_medians_average_the_middle_two_of_an_even_number(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        comparators=[
            comparator_row("Comparator council A", "ombudsman_upheld_pct", 50),
            comparator_row("Comparator council B", "ombudsman_upheld_pct", 80),
            comparator_row("Comparator council C", "ombudsman_upheld_pct", 60),
            comparator_row("Comparator council D", "ombudsman_upheld_pct", 75),  # (60 + 75) / 2 = 67.5
            comparator_row("Comparator council A", "complaints_per_1000_service_users", 2.1),
            comparator_row("Comparator council B", "complaints_per_1000_service_users", 2.2),  # 2.15 -> 2.2
            comparator_row("Comparator council A", "stage1_within_timescale_pct", 70),
            comparator_row("Comparator council B", "stage1_within_timescale_pct", 91),
            comparator_row("Comparator council C", "stage1_within_timescale_pct", 64),  # odd: the middle, 70
            comparator_row("Comparator council E", "ombudsman_upheld_pct", 1, year="2021-22"),
            comparator_row("Comparator council E", "ombudsman_upheld_pct", 1, service="childrens"),
        ],
    )

    medians = compute_metrics(inputs, "asc", YEAR)["comparator_medians"]

    assert medians == {
        "complaints_per_1000_service_users": 2.2,
        "ombudsman_upheld_pct": 67.5,
        "stage1_within_timescale_pct": 70.0,
    }


def test_comparator_ranges_give_the_lowest_and_highest_value_and_how_many_councils(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        comparators=[
            comparator_row("Comparator council A", "ombudsman_upheld_pct", 50),
            comparator_row("Comparator council B", "ombudsman_upheld_pct", 80),
            comparator_row("Comparator council C", "ombudsman_upheld_pct", 80),  # a tie for the highest
            comparator_row("Comparator council A", "complaints_per_1000_service_users", 2.25),  # -> 2.3
            comparator_row("Comparator council D", "stage1_within_timescale_pct", 64),  # one council
            comparator_row("Comparator council E", "stage1_within_timescale_pct", 70),
            comparator_row("Comparator council E", "stage1_within_timescale_pct", 71),  # disagrees: left out
            comparator_row("Comparator council F", "ombudsman_upheld_pct", 1, year="2021-22"),
        ],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert figures["comparator_ranges"] == {
        "complaints_per_1000_service_users": {"lowest": 2.3, "highest": 2.3, "councils": 1},
        "ombudsman_upheld_pct": {"lowest": 50.0, "highest": 80.0, "councils": 3},
        "stage1_within_timescale_pct": {"lowest": 64.0, "highest": 64.0, "councils": 1},
    }
    assert set(figures["comparator_ranges"]) == set(figures["comparator_medians"])
    assert "Comparator council" not in json.dumps(figures)  # the figures, not the councils' names


def test_no_comparators_for_the_year_means_no_comparator_medians(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        comparators=[comparator_row("Comparator council A", "ombudsman_upheld_pct", 50, year="2020-21")],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert "comparator_medians" not in figures
    assert "comparator_ranges" not in figures


def test_comparators_alone_do_not_make_a_previous_year(load_exports):
    inputs = load_exports(
        [complaint_record("C1", received=date(2022, 6, 1))],
        comparators=[comparator_row("Comparator council A", "ombudsman_upheld_pct", 50, year="2021-22")],
    )

    assert "previous_year" not in compute_metrics(inputs, "asc", YEAR)


# --------------------------------------------------------------------------- previous year


def test_the_previous_year_carries_the_new_figures_too(load_exports):
    inputs = load_exports(
        [
            complaint_record("OLD1", received=date(2021, 7, 1), complainant="P-1", sex="Male"),
            complaint_record("OLD2", received=date(2021, 7, 2), complainant="P-1", sex=""),
            complaint_record("NEW1", received=date(2022, 6, 1), complainant="P-2", sex="Female"),
        ],
        context=[context_row("population", 100_000, year="2021-22")],
    )

    previous = compute_metrics(inputs, "asc", YEAR)["previous_year"]

    assert previous["quarterly_received"] == {"Q1": 0, "Q2": 2, "Q3": 0, "Q4": 0}
    assert (previous["repeat_complainants"], previous["complaints_from_repeat_complainants"]) == (1, 2)
    assert previous["equality_counts"] == {"sex": {"Male": 1, "Not recorded": 1}}
    assert previous["complaints_per_100k_population"] == 2.0
    assert previous["complaints_trend"] == {"2021-22": 2}


def test_the_new_figures_are_plain_json(load_exports):
    inputs = load_exports(
        [
            complaint_record("C1", complainant="P-1", sex="Male", **answered_after(3)),
            complaint_record("C2", complainant="P-1", sex="Female", **answered_after(4)),
        ],
        context=[context_row("service_users", 3000)],
        comparators=[comparator_row("Comparator council A", "mean_working_days", 9.25)],
    )

    figures = compute_metrics(inputs, "asc", YEAR)

    assert json.loads(json.dumps(figures)) == figures
    assert type(figures["mean_working_days"]) is float
    assert type(figures["complaints_per_1000_service_users"]) is float
    assert type(figures["comparator_medians"]["mean_working_days"]) is float
    for name in ("repeat_complainants", "complaints_from_repeat_complainants"):
        assert type(figures[name]) is int
    assert all(type(n) is int for n in figures["quarterly_received"].values())


# --------------------------------------------------------------------------- whole columns agree with the rules


complaint_rows = st.lists(
    st.tuples(
        st.dates(min_value=date(2019, 1, 1), max_value=date(2024, 12, 31)),  # received
        st.one_of(st.none(), st.integers(min_value=0, max_value=90)),  # calendar days to the response
        st.one_of(st.none(), st.integers(min_value=0, max_value=10)),  # calendar days to the acknowledgement
        st.sampled_from(["asc", "childrens"]),
        st.sampled_from([1, 2, 3]),
        st.sampled_from(["statutory", "corporate"]),
        st.booleans(),
    ),
    max_size=30,
)


@given(rows=complaint_rows)
def test_timeliness_of_a_whole_frame_agrees_with_each_complaint_counted_alone(rows):
    def later(day, days):
        return None if days is None else day + timedelta(days=days)

    frame = pd.DataFrame(
        {
            "received": pd.Series([r[0] for r in rows], dtype="datetime64[s]"),
            "responded": pd.Series([later(r[0], r[1]) for r in rows], dtype="datetime64[s]"),
            "acknowledged": pd.Series([later(r[0], r[2]) for r in rows], dtype="datetime64[s]"),
            "service": pd.Series([r[3] for r in rows], dtype="str"),
            "stage": pd.array([r[4] for r in rows], dtype="Int64"),
            "procedure": pd.Series([r[5] for r in rows], dtype="str"),
            "extension": pd.Series([r[6] for r in rows], dtype=bool),
        }
    )

    timed = with_timeliness(frame)

    for row, (received, to_response, to_acknowledgement, service, stage, procedure, extension) in zip(
        timed.itertuples(), rows, strict=True
    ):
        limit = wd.timescale(service, stage, procedure, extension)
        assert row.timescale_days == limit
        if to_response is None:
            assert pd.isna(row.working_days) and pd.isna(row.band) and pd.isna(row.within_timescale)
        else:
            days = wd.working_days_taken(received, later(received, to_response))
            assert (row.working_days, row.band, row.within_timescale) == (days, wd.band(days), days <= limit)
        if to_acknowledgement is None:
            assert pd.isna(row.acknowledged_days)
        else:
            assert row.acknowledged_days == wd.working_days_taken(
                received, later(received, to_acknowledgement)
            )
    assert list(timed.columns[: len(frame.columns)]) == list(frame.columns)
    assert "working_days" not in frame  # the frame given is left as it was
