"""The figures of a report (contract sections 3 and 4), on small hand-built cohorts.

Unless a test says otherwise, complaints are adult social care stage 1 complaints received
in 2022-23 and figures are for that year.
"""

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints_report.metrics import (
    HISTORY_MEASURES,
    compute_metrics,
    percent,
    stage1_cohort,
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

    assert compute_metrics(inputs, "asc", YEAR)["acknowledged_within_3_pct"] == 50


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
