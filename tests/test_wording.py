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


# --------------------------------------------------------------------------- numbers that open a sentence


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (1, "one"),
        (12, "twelve"),
        (19, "nineteen"),
        (20, "twenty"),
        (22, "twenty-two"),
        (85, "eighty-five"),
        (99, "ninety-nine"),
    ],
)
def test_spelled(n, words):
    assert wording.spelled(n) == words


@pytest.mark.parametrize("n", [-1, 100, 233])
def test_spelled_refuses_what_reads_badly_in_words(n):
    with pytest.raises(ValueError, match=str(n)):
        wording.spelled(n)


@pytest.mark.parametrize(
    ("n", "opening"),
    [
        (0, "No compliments"),
        (1, "One compliment"),
        (22, "Twenty-two compliments"),
        (99, "Ninety-nine compliments"),
        (233, "A total of 233 compliments"),
        (1_200, "A total of 1,200 compliments"),
    ],
)
def test_opening_count_never_starts_with_a_numeral(n, opening):
    assert wording.opening_count(n, "compliment") == opening


def test_opening_count_with_an_irregular_plural():
    assert wording.opening_count(1, "Member enquiry", "Member enquiries") == "One Member enquiry"
    assert (
        wording.opening_count(233, "Member enquiry", "Member enquiries") == "A total of 233 Member enquiries"
    )


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("22 compliments were recorded.", "Twenty-two compliments were recorded."),
        ("233 Member enquiries were handled.", "A total of 233 Member enquiries were handled."),
        ("1,200 rows were read.", "A total of 1,200 rows were read."),
        ("0 complaints were withdrawn.", "No complaints were withdrawn."),
        ("95% of those answered were on time.", "Ninety-five per cent of those answered were on time."),
        ("100% were answered.", "One hundred per cent were answered."),
        ("£1,100 was paid in remedies.", "A total of £1,100 was paid in remedies."),
        ("most complaints were answered.", "Most complaints were answered."),
        ("", ""),
    ],
)
def test_sentence_start(text, sentence):
    assert wording.sentence_start(text) == sentence


@pytest.mark.parametrize(
    "text", ["2020/21 was a busy year.", "3 June is a bank holiday.", "1.5 days on average."]
)
def test_sentence_start_refuses_a_numeral_it_cannot_reword(text):
    with pytest.raises(ValueError, match="reword"):
        wording.sentence_start(text)


@given(st.integers(0, 100_000), st.sampled_from(["complaint", "compliment", "Member enquiry"]))
def test_opening_count_and_sentence_start_never_leave_a_leading_digit(n, noun):
    assert not wording.opening_count(n, noun)[0].isdigit()
    assert not wording.sentence_start(f"{n:,} {noun}s were recorded.")[0].isdigit()


# --------------------------------------------------------------------------- zero and one in running text


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "no complaints"), (1, "one complaint"), (2, "2 complaints"), (1_200, "1,200 complaints")],
)
def test_no_or_count(n, text):
    assert wording.no_or_count(n, "complaint") == text


def test_no_or_count_with_an_irregular_plural():
    assert wording.no_or_count(0, "Member enquiry", "Member enquiries") == "no Member enquiries"


@pytest.mark.parametrize(("n", "text"), [(0, "none"), (1, "one"), (3, "3"), (1_500, "1,500")])
def test_none_or_count(n, text):
    assert wording.none_or_count(n) == text


def test_verb_for():
    assert [wording.verb_for(n) for n in (0, 1, 2)] == ["were", "was", "were"]
    assert wording.verb_for(1, "has", "have") == "has"


# --------------------------------------------------------------------------- changes from last year


@pytest.mark.parametrize(
    ("current", "previous", "phrase"),
    [
        (12, 5, "rose from 5 to 12"),
        (85, 89, "fell from 89 to 85"),
        (7, 7, "stayed at 7"),
        (3, 0, "rose from zero to 3"),
        (0, 4, "fell from 4 to zero"),
        (0, 0, "stayed at zero"),
        (1_320, 1_200, "rose from 1,200 to 1,320"),
    ],
)
def test_change_phrase(current, previous, phrase):
    assert wording.change_phrase(current, previous) == phrase


def test_change_phrase_with_decimals_and_money():
    assert wording.change_phrase(9.46, 11.2, decimals=1) == "fell from 11.2 to 9.5"
    assert wording.change_phrase(9.04, 9.01, decimals=1) == "stayed at 9.0"
    assert wording.change_phrase(1100, 0, money=True) == "rose from nothing to £1,100"
    assert wording.change_phrase(300, 500, money=True) == "fell from £500 to £300"


@pytest.mark.parametrize(
    ("current", "previous", "phrase"),
    [
        (65, 61, "rose by 4 percentage points to 65%"),
        (85, 86, "fell by 1 percentage point to 85%"),
        (65, 65, "stayed at 65%"),
    ],
)
def test_points_change_phrase(current, previous, phrase):
    assert wording.points_change_phrase(current, previous) == phrase


def test_points_change_phrase_with_the_starting_point():
    assert (
        wording.points_change_phrase(81, 74, with_previous=True)
        == "rose by 7 percentage points, from 74% to 81%"
    )


@given(st.integers(0, 100), st.integers(0, 100))
def test_points_change_phrase_never_says_a_percent_change(current, previous):
    phrase = wording.points_change_phrase(current, previous)
    assert phrase.endswith(f"{current}%")
    assert "percentage point" in phrase or phrase.startswith("stayed")


# --------------------------------------------------------------------------- shares with their whole


@pytest.mark.parametrize(
    ("count", "whole", "text"),
    [
        (12, 58, "12 of 58 (21%)"),
        (6, 8, "6 of 8"),
        (0, 58, "none of the 58"),
        (58, 58, "all 58"),
        (2, 2, "both"),
        (1, 1, "the only one"),
        (1, 10, "1 of 10 (10%)"),
    ],
)
def test_share_of(count, whole, text):
    assert wording.share_of(count, whole) == text


@pytest.mark.parametrize(("count", "whole"), [(1, 0), (5, 4), (-1, 3)])
def test_share_of_refuses_a_part_that_is_not_of_the_whole(count, whole):
    with pytest.raises(ValueError, match="not a part"):
        wording.share_of(count, whole)


# --------------------------------------------------------------------------- narrative fields


def test_narrative_fields_turn_last_years_figures_into_phrases():
    from builders import childrens_figures

    figures = childrens_figures()
    figures["previous_year"].update({"stage2_received": 5, "upheld_or_partly_pct": 34})
    figures["stage2_received"] = 12
    fields = wording.narrative_fields(figures)
    assert fields["stage2_received_change"] == "rose from 5 to 12"
    assert fields["stage2_received_last_year"] == "5"
    assert fields["stage1_within_timescale_pct_change"] == "rose by 7 percentage points to 81%"
    assert fields["stage1_within_timescale_pct_last_year"] == "74%"
    assert fields["upheld_or_partly_pct_change"] == "rose by 2 percentage points to 36%"
    assert fields["complaints_accepted_change"] == "rose from 58 to 63"
    assert fields["ombudsman_fault_found_change"] == "rose from zero to 3"
    assert fields["ombudsman_fault_found_last_year"] == "none"
    assert fields["previous_year_display"] == "2020/21"


def test_narrative_fields_give_the_stage_table_by_name():
    from builders import childrens_figures, stage_row

    figures = childrens_figures()
    figures["previous_year"]["stage_table"] = [stage_row(2, 5, 2, 3, 1, 2, 2, 0, 0)]
    fields = wording.narrative_fields(figures)
    assert fields["stage2_withdrawn"] == "6"
    assert fields["stage2_corporate"] == "8"
    assert fields["stage3_partly_upheld"] == "1"
    assert fields["stage2_withdrawn_change"] == "rose from zero to 6"
    assert "stage3_withdrawn_change" not in fields, "no stage 3 row last year: no comparison"


def test_narrative_fields_leave_out_what_cannot_be_compared():
    from builders import asc_figures

    figures = asc_figures()
    fields = wording.narrative_fields(figures)
    assert "member_enquiries_change" not in fields  # no figure last year
    assert "year_change" not in fields and "service_change" not in fields
    assert wording.narrative_fields({k: v for k, v in figures.items() if k != "previous_year"}) == {}


def test_narrative_fields_money_and_decimals():
    fields = wording.narrative_fields(
        {
            "ombudsman_remedy_total": 1100,
            "mean_working_days": 9.5,
            "previous_year": {"ombudsman_remedy_total": 500, "mean_working_days": 11.2},
        }
    )
    assert fields["ombudsman_remedy_total_change"] == "rose from £500 to £1,100"
    assert fields["ombudsman_remedy_total_last_year"] == "£500"
    assert fields["mean_working_days_change"] == "fell from 11.2 to 9.5"
