"""Reporting years: 1 April to 31 March, written 2020-21, displayed 2020/21 (contract section 1)."""

from datetime import date

import pytest

from complaints_report.years import ReportingYear, YearError


def test_2020_21_runs_from_1_april_2020_to_31_march_2021():
    year = ReportingYear.parse("2020-21")

    assert year.first_day == date(2020, 4, 1)
    assert year.last_day == date(2021, 3, 31)


def test_a_year_is_written_with_a_hyphen_and_displayed_with_a_slash():
    year = ReportingYear.parse("2020-21")

    assert year.label == "2020-21"
    assert str(year) == "2020-21"
    assert year.display == "2020/21"
    assert year.short == "20/21"


def test_the_displayed_form_is_also_accepted_on_input():
    assert ReportingYear.parse("2020/21") == ReportingYear(2020)


def test_surrounding_spaces_are_ignored():
    assert ReportingYear.parse(" 2022-23 ") == ReportingYear(2022)


def test_the_year_spanning_the_millennium_is_1999_00():
    year = ReportingYear.parse("1999-00")

    assert year.label == "1999-00"
    assert year.last_day == date(2000, 3, 31)


def test_the_previous_year_of_2020_21_is_2019_20_and_the_next_is_2021_22():
    year = ReportingYear.parse("2020-21")

    assert year.previous.label == "2019-20"
    assert year.next.label == "2021-22"


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2021, 3, 31), "2020-21"),  # last day of the year
        (date(2021, 4, 1), "2021-22"),  # first day of the next
        (date(2021, 12, 31), "2021-22"),
        (date(2022, 1, 1), "2021-22"),
    ],
)
def test_the_year_containing_a_date_turns_over_on_1_april(day, label):
    assert ReportingYear.containing(day).label == label


def test_a_year_contains_its_first_and_last_days_and_nothing_outside():
    year = ReportingYear.parse("2021-22")

    assert date(2021, 4, 1) in year
    assert date(2022, 3, 31) in year
    assert date(2021, 3, 31) not in year
    assert date(2022, 4, 1) not in year
    assert "2021-05-01" not in year  # text is not a date


def test_years_sort_in_time_order():
    years = [ReportingYear.parse(t) for t in ("2022-23", "2020-21", "2021-22")]

    assert [y.label for y in sorted(years)] == ["2020-21", "2021-22", "2022-23"]


@pytest.mark.parametrize("text", ["2020", "20-21", "2020-2021", "2020 21", "April 2020", "", "2020-21x"])
def test_a_year_not_written_yyyy_yy_is_refused_with_an_example(text):
    with pytest.raises(YearError) as error:
        ReportingYear.parse(text)

    message = str(error.value)
    assert f"'{text}'" in message
    assert "YYYY-YY" in message
    assert "2020-21" in message  # an example of the right form


@pytest.mark.parametrize(("text", "suggestion"), [("2020-22", "2020-21"), ("2021-20", "2021-22")])
def test_a_year_whose_halves_are_not_consecutive_is_refused_with_the_right_spelling(text, suggestion):
    with pytest.raises(YearError, match=f"'{text}'.*{suggestion}"):
        ReportingYear.parse(text)


def test_a_year_error_is_a_value_error():
    assert issubclass(YearError, ValueError)


@pytest.mark.parametrize("text", ["1899-00", "1989-90", "2202-03"])
def test_an_implausible_year_is_refused_with_the_range(text):
    with pytest.raises(
        YearError, match=f"'{text}' is not a plausible reporting year: use one from 1990-91 to"
    ):
        ReportingYear.parse(text)


def test_the_latest_year_accepted_is_the_one_after_today():
    from datetime import date

    latest = ReportingYear.latest()

    assert latest == ReportingYear.containing(date.today()).next
    assert ReportingYear.parse(latest.label) == latest
