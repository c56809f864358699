"""Rounding of figures the report did not work out from counts (docs/style.md, "Percentages")."""

import pytest

from complaints_report import rounding


@pytest.mark.parametrize(
    ("value", "expected"),
    [(72.5, 73), (72.4, 72), (72.0, 72), (0.5, 1), (0.49, 0), (-2.5, -3), (8, 8)],
)
def test_a_median_percentage_is_shown_as_a_whole_number_rounded_half_up(value, expected):
    assert rounding.whole(value) == expected


def test_whole_rounds_once_from_the_value_as_written():
    # 72.45 is a whole 72, though rounding it to one decimal place first (72.5) would give 73
    assert rounding.whole(72.45) == 72
    assert rounding.whole(rounding.one_decimal(72.45)) == 73
