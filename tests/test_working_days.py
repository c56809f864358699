"""Working days, response bands and timescales (contract section 3), against hand counts.

Each hand count lists the days after the (effective) receipt day up to and including the
response day; weekends and bank holidays are shown in brackets and not counted.
"""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints_report import working_days as wd
from complaints_report.working_days import (
    add_working_days,
    band,
    effective_receipt,
    is_working_day,
    timescale,
    working_days_taken,
)

# --------------------------------------------------------------------------- the calendar


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2022, 4, 9), "Saturday"),
        (date(2022, 4, 10), "Sunday"),
        (date(2021, 12, 27), "Christmas Day (Saturday) substitute"),
        (date(2021, 12, 28), "Boxing Day (Sunday) substitute"),
        (date(2022, 1, 3), "New Year's Day (Saturday) substitute"),
        (date(2022, 4, 15), "Good Friday"),
        (date(2022, 4, 18), "Easter Monday"),
        (date(2022, 6, 2), "Spring bank holiday, moved from 30 May"),
        (date(2022, 6, 3), "Platinum Jubilee"),
        (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Coronation of King Charles III"),
        (date(2022, 12, 27), "Christmas Day (Sunday) substitute"),
    ],
)
def test_weekends_and_england_and_wales_bank_holidays_are_not_working_days(day, why):
    assert not is_working_day(day), why


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2022, 4, 4), "an ordinary Monday"),
        (date(2021, 12, 29), "between Christmas and New Year"),
        (date(2021, 12, 31), "New Year's Eve is not a bank holiday"),
        (date(2022, 5, 30), "the usual Spring bank holiday Monday, moved in 2022"),
        (date(2022, 3, 17), "St Patrick's Day is a holiday only in Northern Ireland"),
        (date(2022, 1, 4), "2 January is a holiday only in Scotland"),
    ],
)
def test_ordinary_weekdays_are_working_days(day, why):
    assert is_working_day(day), why


def test_the_published_one_off_bank_holidays_are_in_the_calendar():
    holidays = set(wd.bank_holidays(2022, 2023))

    for day in (date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)):
        assert np.datetime64(day, "D") in holidays


# --------------------------------------------------------------------------- receipt day


def test_a_complaint_received_on_a_working_day_counts_from_that_day():
    assert effective_receipt(date(2022, 4, 4)) == date(2022, 4, 4)


@pytest.mark.parametrize("received", [date(2022, 4, 9), date(2022, 4, 10)], ids=["saturday", "sunday"])
def test_a_complaint_received_at_the_weekend_counts_as_received_on_monday(received):
    assert effective_receipt(received) == date(2022, 4, 11)


def test_a_complaint_received_on_good_friday_counts_as_received_on_the_tuesday_after_easter():
    # Fri 15 Apr 2022 (Good Friday), [Sat 16], [Sun 17], [Mon 18 Easter Monday] -> Tue 19 Apr
    assert effective_receipt(date(2022, 4, 15)) == date(2022, 4, 19)


# --------------------------------------------------------------------------- days taken


def test_the_contracts_example_received_monday_answered_next_monday_is_5():
    # Tue 5, Wed 6, Thu 7, Fri 8, [Sat 9], [Sun 10], Mon 11 Apr 2022 = 5
    assert working_days_taken(date(2022, 4, 4), date(2022, 4, 11)) == 5


def test_a_response_on_the_day_of_receipt_takes_0_days():
    assert working_days_taken(date(2022, 4, 4), date(2022, 4, 4)) == 0


def test_a_response_the_next_working_day_takes_1_day():
    assert working_days_taken(date(2022, 4, 4), date(2022, 4, 5)) == 1


def test_a_weekend_is_not_counted():
    # received Fri 8 Apr 2022: [Sat 9], [Sun 10], Mon 11 = 1
    assert working_days_taken(date(2022, 4, 8), date(2022, 4, 11)) == 1


def test_a_response_at_the_weekend_counts_the_same_as_one_on_the_friday_before():
    # received Mon 4 Apr 2022: Tue 5 .. Fri 8 = 4, [Sat 9]
    assert working_days_taken(date(2022, 4, 4), date(2022, 4, 9)) == 4


@pytest.mark.parametrize("received", [date(2022, 4, 9), date(2022, 4, 10)], ids=["saturday", "sunday"])
def test_complaint_received_at_the_weekend_counts_from_monday(received):
    # effective receipt Mon 11 Apr 2022: Tue 12 = 1
    assert working_days_taken(received, date(2022, 4, 12)) == 1
    # answered on that Monday: 0 days
    assert working_days_taken(received, date(2022, 4, 11)) == 0


def test_complaint_received_at_the_weekend_and_answered_on_the_sunday_takes_0_days():
    assert working_days_taken(date(2022, 4, 9), date(2022, 4, 10)) == 0


def test_complaint_received_on_a_bank_holiday_counts_from_the_next_working_day():
    # received Mon 2 May 2022 (Early May bank holiday) -> Tue 3 May; Wed 4 = 1
    assert working_days_taken(date(2022, 5, 2), date(2022, 5, 4)) == 1


def test_easter_2022_good_friday_and_easter_monday_are_not_counted():
    # received Thu 14 Apr 2022: [Fri 15 Good Friday], [Sat 16], [Sun 17], [Mon 18 Easter Monday], Tue 19 = 1
    assert working_days_taken(date(2022, 4, 14), date(2022, 4, 19)) == 1


def test_complaint_received_on_good_friday_counts_from_the_tuesday_after():
    # effective receipt Tue 19 Apr 2022; Wed 20 = 1
    assert working_days_taken(date(2022, 4, 15), date(2022, 4, 20)) == 1


def test_christmas_2021_substitute_days_are_not_counted():
    # received Fri 24 Dec 2021: [Sat 25], [Sun 26], [Mon 27 sub], [Tue 28 sub], Wed 29 = 1, Thu 30 = 2,
    # Fri 31 = 3, [Sat 1 Jan], [Sun 2], [Mon 3 Jan sub], Tue 4 Jan 2022 = 4
    assert working_days_taken(date(2021, 12, 24), date(2022, 1, 4)) == 4


def test_complaint_received_on_the_christmas_substitute_day_counts_from_29_december():
    # received Mon 27 Dec 2021 (substitute) -> Wed 29 Dec; Thu 30 = 1
    assert working_days_taken(date(2021, 12, 27), date(2021, 12, 29)) == 0
    assert working_days_taken(date(2021, 12, 27), date(2021, 12, 30)) == 1


def test_the_jubilee_weekend_2022_loses_two_working_days():
    # received Wed 1 Jun 2022: [Thu 2 Spring bank holiday], [Fri 3 Platinum Jubilee], [Sat 4], [Sun 5],
    # Mon 6 = 1
    assert working_days_taken(date(2022, 6, 1), date(2022, 6, 6)) == 1


def test_the_usual_spring_bank_holiday_monday_was_a_working_day_in_2022():
    # received Fri 27 May 2022: [Sat 28], [Sun 29], Mon 30 = 1, Tue 31 = 2
    assert working_days_taken(date(2022, 5, 27), date(2022, 5, 31)) == 2


def test_the_state_funeral_19_september_2022_is_not_counted():
    # received Fri 16 Sep 2022: [Sat 17], [Sun 18], [Mon 19 State Funeral], Tue 20 = 1
    assert working_days_taken(date(2022, 9, 16), date(2022, 9, 20)) == 1


def test_the_coronation_8_may_2023_is_not_counted():
    # received Fri 5 May 2023: [Sat 6], [Sun 7], [Mon 8 Coronation], Tue 9 = 1
    assert working_days_taken(date(2023, 5, 5), date(2023, 5, 9)) == 1


def test_a_response_dated_before_receipt_never_counts_negative_days():
    assert working_days_taken(date(2022, 4, 11), date(2022, 4, 4)) == 0


# --------------------------------------------------------------------------- bands


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "within_10"),
        (10, "within_10"),
        (11, "within_20"),
        (20, "within_20"),
        (21, "over_20"),
        (200, "over_20"),
    ],
)
def test_response_bands_are_within_10_then_11_to_20_then_over_20(days, expected):
    assert band(days) == expected


@pytest.mark.parametrize(
    ("responded", "expected"),
    [
        # received Mon 4 Apr 2022: Tue 5..Fri 8 = 4, Mon 11..Thu 14 = 8, [Fri 15 Good Friday],
        # [Mon 18 Easter Monday], Tue 19 = 9, Wed 20 = 10, Thu 21 = 11
        (date(2022, 4, 20), "within_10"),
        (date(2022, 4, 21), "within_20"),
        # ... Fri 22 = 12, Mon 25..Fri 29 = 17, [Mon 2 May bank holiday], Tue 3 = 18, Wed 4 = 19,
        # Thu 5 May = 20, Fri 6 May = 21
        (date(2022, 5, 5), "within_20"),
        (date(2022, 5, 6), "over_20"),
    ],
)
def test_band_edges_counted_across_easter_2022(responded, expected):
    assert band(working_days_taken(date(2022, 4, 4), responded)) == expected


def test_a_negative_number_of_days_has_no_band():
    with pytest.raises(ValueError, match="negative"):
        band(-1)


def test_every_band_has_a_label_for_the_report():
    assert set(wd.BAND_LABELS) == set(wd.BANDS) == {"within_10", "within_20", "over_20"}


# --------------------------------------------------------------------------- timescales


@pytest.mark.parametrize(
    ("service", "stage", "procedure", "extension", "days"),
    [
        ("asc", 1, "statutory", False, 10),
        ("asc", 1, "statutory", True, 20),
        ("childrens", 1, "statutory", False, 10),
        ("childrens", 1, "statutory", True, 20),
        ("childrens", 1, "corporate", False, 10),
        ("childrens", 1, "corporate", True, 20),
        ("childrens", 2, "statutory", False, 25),
        ("childrens", 2, "statutory", True, 65),
        ("childrens", 2, "corporate", False, 20),
        ("childrens", 2, "corporate", True, 20),
        ("childrens", 3, "statutory", False, 30),
        ("childrens", 3, "corporate", False, 30),
    ],
)
def test_timescale_by_stage_procedure_and_extension(service, stage, procedure, extension, days):
    assert timescale(service, stage, procedure, extension) == days


def test_member_enquiries_have_5_working_days_and_acknowledgements_3():
    assert wd.MEMBER_ENQUIRY_DAYS == 5
    assert wd.ACKNOWLEDGEMENT_DAYS == 3


def test_there_is_no_timescale_for_a_stage_4():
    with pytest.raises(ValueError, match="stage 4"):
        timescale("childrens", 4, "statutory", False)


# --------------------------------------------------------------------------- deadlines


def test_deadline_5_working_days_after_monday_4_april_2022_is_monday_11_april():
    assert add_working_days(date(2022, 4, 4), 5) == date(2022, 4, 11)


def test_stage1_deadline_across_easter_2022():
    # received Mon 4 Apr 2022; 10th working day is Wed 20 Apr (see the band edges above)
    assert add_working_days(date(2022, 4, 4), 10) == date(2022, 4, 20)


def test_deadline_of_a_complaint_received_on_saturday_counts_from_monday():
    # received Sat 9 Apr 2022 -> Mon 11; 0 days is Mon 11, 1 day is Tue 12
    assert add_working_days(date(2022, 4, 9), 0) == date(2022, 4, 11)
    assert add_working_days(date(2022, 4, 9), 1) == date(2022, 4, 12)


def test_deadline_across_christmas_2021():
    # received Fri 24 Dec 2021: Wed 29 = 1, Thu 30 = 2, Fri 31 = 3, [Mon 3 Jan sub], Tue 4 Jan = 4
    assert add_working_days(date(2021, 12, 24), 1) == date(2021, 12, 29)
    assert add_working_days(date(2021, 12, 24), 4) == date(2022, 1, 4)


def test_a_long_deadline_counts_the_bank_holidays_of_every_year_it_crosses():
    # 300 working days from Thu 1 Dec 2022 ends in 2024, so 2024's bank holidays must count too
    deadline = add_working_days(date(2022, 12, 1), 300)

    assert deadline.year == 2024
    assert is_working_day(deadline)
    assert working_days_taken(date(2022, 12, 1), deadline) == 300


# --------------------------------------------------------------------------- properties

any_day = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
some_days = st.integers(min_value=0, max_value=300)


@given(received=any_day, days=some_days)
def test_one_more_working_day_on_a_deadline_adds_one_to_the_days_taken(received, days):
    deadline = add_working_days(received, days)
    next_working_day = add_working_days(deadline, 1)

    assert working_days_taken(received, next_working_day) == working_days_taken(received, deadline) + 1


@given(received=any_day, responded=any_day)
def test_days_taken_are_never_negative(received, responded):
    assert working_days_taken(received, responded) >= 0


@given(received=any_day)
def test_a_response_on_the_receipt_day_takes_0_days(received):
    assert working_days_taken(received, received) == 0


@given(received=any_day, days=some_days)
def test_days_taken_to_a_deadline_equal_the_working_days_added(received, days):
    assert working_days_taken(received, add_working_days(received, days)) == days


@given(received=any_day, days=some_days)
def test_a_deadline_always_falls_on_a_working_day(received, days):
    assert is_working_day(add_working_days(received, days))


@given(received=any_day, responded=any_day)
def test_days_taken_never_exceed_the_calendar_days(received, responded):
    assert working_days_taken(received, responded) <= max((responded - received).days, 0)


@given(day=any_day)
def test_the_effective_receipt_is_the_first_working_day_on_or_after_receipt(day):
    effective = effective_receipt(day)

    assert is_working_day(effective)
    assert effective >= day
    assert all(not is_working_day(day + timedelta(days=n)) for n in range((effective - day).days))


# --------------------------------------------------------------------------- whole columns at once
# The array versions count a whole export at once; they must agree with the scalar rules above.

maybe_day = st.one_of(st.none(), any_day)


def as_column(days: list) -> pd.Series:
    """Dates as the loader holds them: pandas datetime64, NaT where blank."""
    return pd.Series(pd.to_datetime(pd.Series(days, dtype=object)), dtype="datetime64[s]")


@given(pairs=st.lists(st.tuples(maybe_day, maybe_day), max_size=40))
def test_working_days_taken_of_a_column_agree_with_each_pair_counted_alone(pairs):
    received, responded = [p[0] for p in pairs], [p[1] for p in pairs]

    counted = wd.working_days_taken_array(as_column(received), as_column(responded))

    expected = [
        None if r is None or a is None else working_days_taken(r, a)
        for r, a in zip(received, responded, strict=True)
    ]
    assert [None if pd.isna(n) else int(n) for n in counted] == expected


@given(days=st.lists(maybe_day, max_size=40))
def test_effective_receipt_of_a_column_agrees_with_each_day_alone(days):
    rolled = wd.effective_receipt_array(as_column(days))

    assert [None if np.isnat(d) else d.astype(date) for d in rolled] == [
        None if d is None else effective_receipt(d) for d in days
    ]


@given(days=st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=400)), max_size=40))
def test_bands_of_a_column_agree_with_each_number_alone(days):
    bands = wd.band_array(pd.array(days, dtype="Int64"))

    assert [None if pd.isna(b) else b for b in bands] == [None if d is None else band(d) for d in days]


@given(
    complaints=st.lists(
        st.tuples(
            st.sampled_from(["asc", "childrens"]),
            st.sampled_from([1, 2, 3]),
            st.sampled_from(["statutory", "corporate"]),
            st.booleans(),
        ),
        max_size=40,
    )
)
def test_timescales_of_a_column_agree_with_each_complaint_alone(complaints):
    columns = list(zip(*complaints, strict=True)) or [[], [], [], []]

    days = wd.timescale_array(columns[0], pd.array(columns[1], dtype="Int64"), columns[2], columns[3])

    assert list(days) == [timescale(*complaint) for complaint in complaints]


def test_the_contracts_example_counted_in_a_column_with_blanks():
    # received Mon 4 Apr 2022, answered Mon 11 Apr = 5; received Sat 9 Apr, answered Tue 12 = 1; one open
    received = as_column([date(2022, 4, 4), date(2022, 4, 9), date(2022, 4, 4)])
    responded = as_column([date(2022, 4, 11), date(2022, 4, 12), None])

    counted = wd.working_days_taken_array(received, responded)

    assert list(counted[:2]) == [5, 1]
    assert pd.isna(counted[2])


def test_a_column_spanning_many_years_counts_every_years_bank_holidays():
    # one row in 2015 keeps the calendar wide; the 2023 row must still skip the Coronation (8 May 2023)
    received = as_column([date(2015, 6, 1), date(2023, 5, 5)])
    responded = as_column([date(2015, 6, 2), date(2023, 5, 9)])

    assert list(wd.working_days_taken_array(received, responded)) == [1, 1]


def test_a_column_with_a_negative_number_of_days_has_no_bands():
    with pytest.raises(ValueError, match="negative"):
        wd.band_array(pd.array([3, -1], dtype="Int64"))


def test_a_column_with_a_stage_4_has_no_timescales():
    with pytest.raises(ValueError, match="stage 4"):
        wd.timescale_array(["childrens"], pd.array([4], dtype="Int64"), ["statutory"], [False])
