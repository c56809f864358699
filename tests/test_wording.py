"""Numbers into words: every comparison in the report's prose comes from these phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints_report import wording

# --------------------------------------------------------------------------- share_phrase


@pytest.mark.parametrize(
    ("pct", "phrase"),
    [
        (0, "none"),
        (1, "very few"),
        (9, "very few"),
        (10, "a small share"),
        (22, "a small share"),
        (25, "about a quarter"),
        (30, "under a third"),
        (33, "about a third"),
        (36, "under half"),
        (45, "under half"),
        (46, "just under half"),
        (49, "just under half"),
        (50, "exactly half"),
        (51, "just over half"),
        (54, "just over half"),
        (55, "just over half"),
        (56, "more than half"),
        (64, "more than half"),
        (67, "about two thirds"),
        (75, "about three quarters"),
        (80, "most"),
        (94, "most"),
        (95, "almost all"),
        (99, "almost all"),
        (100, "all"),
    ],
)
def test_share_phrase_bands(pct, phrase):
    assert wording.share_phrase(pct) == phrase


def test_share_phrase_covers_every_whole_percentage():
    phrases = [wording.share_phrase(pct) for pct in range(101)]
    assert all(phrases)


@pytest.mark.parametrize("pct", [-1, 101, 250])
def test_share_phrase_rejects_values_that_are_not_percentages(pct):
    with pytest.raises(ValueError, match=str(pct)):
        wording.share_phrase(pct)


# --------------------------------------------------------------------------- count_change


def test_count_change_small_fall_is_slightly_lower():
    assert wording.count_change(85, 89) == "slightly lower than last year's figure of 89"


def test_count_change_small_rise_is_slightly_higher():
    assert wording.count_change(92, 89) == "slightly higher than last year's figure of 89"


def test_count_change_large_fall_is_much_lower():
    assert wording.count_change(1, 5) == "much lower than last year's figure of 5"


def test_count_change_large_rise_is_much_higher():
    assert wording.count_change(130, 100) == "much higher than last year's figure of 100"


def test_count_change_moderate_change_has_no_degree_word():
    assert wording.count_change(90, 100) == "lower than last year's figure of 100"
    assert wording.count_change(120, 100) == "higher than last year's figure of 100"


def test_count_change_same():
    assert wording.count_change(89, 89) == "the same as last year's figure of 89"


def test_count_change_uses_the_noun_and_thousands_separators():
    assert wording.count_change(1_150, 1_200, "total") == "slightly lower than last year's total of 1,200"


def test_count_change_from_zero():
    assert wording.count_change(3, 0) == "up from none last year"
    assert wording.count_change(0, 0) == "the same as last year"


# --------------------------------------------------------------------------- percent_change


def test_percent_change_increase():
    assert wording.percent_change(63, 58) == "a 9% increase from 58"


def test_percent_change_decrease():
    assert wording.percent_change(53, 58) == "a 9% decrease from 58"


def test_percent_change_rounds_half_up():
    # 1 of 8 is 12.5%: rounded half up to 13, not to the even 12
    assert wording.percent_change(9, 8) == "a 13% increase from 8"


def test_percent_change_unchanged():
    assert wording.percent_change(58, 58) == "unchanged from 58"


def test_percent_change_thousands_separator():
    assert wording.percent_change(1_320, 1_200) == "a 10% increase from 1,200"


def test_percent_change_from_zero():
    assert wording.percent_change(4, 0) == "up from none the year before"


# --------------------------------------------------------------------------- points_change


def test_points_change_better():
    assert wording.points_change(81, 74, "2020/21") == "7 percentage points better than 74% in 2020/21"


def test_points_change_singular_point():
    assert wording.points_change(75, 74, "2020/21") == "1 percentage point better than 74% in 2020/21"


def test_points_change_worse():
    assert wording.points_change(70, 74, "2020/21") == "4 percentage points worse than 74% in 2020/21"


def test_points_change_when_lower_is_better():
    assert wording.points_change(10, 12, "2020/21", better_when_higher=False) == (
        "2 percentage points better than 12% in 2020/21"
    )
    assert wording.points_change(13, 12, "2020/21", better_when_higher=False) == (
        "1 percentage point worse than 12% in 2020/21"
    )


def test_points_change_same():
    assert wording.points_change(74, 74, "2020/21") == "the same as 74% in 2020/21"


# --------------------------------------------------------------------------- number_word, plural, pounds


@pytest.mark.parametrize(
    ("n", "word"),
    [(0, "no"), (1, "one"), (2, "two"), (5, "five"), (9, "nine"), (10, "10"), (85, "85"), (1_200, "1,200")],
)
def test_number_word(n, word):
    assert wording.number_word(n) == word


def test_plural():
    assert wording.plural(1, "complaint") == "1 complaint"
    assert wording.plural(85, "complaint") == "85 complaints"
    assert wording.plural(0, "complaint") == "0 complaints"
    assert wording.plural(1_200, "complaint") == "1,200 complaints"


def test_plural_with_an_irregular_form():
    assert wording.plural(1, "complaint was", "complaints were") == "1 complaint was"
    assert wording.plural(2, "complaint was", "complaints were") == "2 complaints were"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1100, "£1,100"),
        (1100.0, "£1,100"),
        (800.5, "£800.50"),
        (800.25, "£800.25"),
        (0, "£0"),
        (12_345.6, "£12,345.60"),
    ],
)
def test_pounds(amount, text):
    assert wording.pounds(amount) == text


# --------------------------------------------------------------------------- trend_phrase


@pytest.mark.parametrize(
    ("values", "phrase"),
    [
        ([], "no trend yet"),
        ([85], "no trend yet"),
        ([99, 89, 85], "falling each year"),
        ([58, 62, 75], "rising each year"),
        ([40, 40, 40], "unchanged"),
        ([85, 89, 80], "up and down"),
        ([89, 85, 88], "up and down"),
    ],
)
def test_trend_phrase(values, phrase):
    assert wording.trend_phrase(values) == phrase


# --------------------------------------------------------------------------- properties


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_count_change_always_names_last_years_figure(current, previous):
    assert wording.count_change(current, previous).endswith(f"of {previous:,}")


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percent_change_direction_matches_the_numbers(current, previous):
    phrase = wording.percent_change(current, previous)
    if current > previous:
        assert "increase" in phrase
    elif current < previous:
        assert "decrease" in phrase
    else:
        assert phrase.startswith("unchanged")
