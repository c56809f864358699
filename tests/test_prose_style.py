"""The style checker on small texts: each rule of docs/style.md finds the slip it is for, and
leaves good sentences alone."""

from __future__ import annotations

import pytest

from complaints_report import prose_style
from complaints_report.prose_style import CAPTION, HEADING, PROSE, QUOTE, TABLE, Block


def findings(*texts: str, kind: str = PROSE, section: str = "Outcomes") -> list[prose_style.Finding]:
    return prose_style.check(Block(kind, text, section) for text in texts)


def rules(*texts: str, **options) -> list[str]:
    return [finding.rule for finding in findings(*texts, **options)]


# --------------------------------------------------------------------------- sentences


def test_sentences_split_at_full_stops_but_not_after_abbreviations():
    assert prose_style.sentences("We upheld it. It was late, e.g. by a week. 22 were not.") == [
        "We upheld it.",
        "It was late, e.g. by a week.",
        "22 were not.",
    ]


def test_sentences_keep_decimals_and_quotes_together():
    assert prose_style.sentences("The mean was 9.5 days. “It helped.” Thanks.") == [
        "The mean was 9.5 days.",
        "“It helped.”",
        "Thanks.",
    ]


# --------------------------------------------------------------------------- numeral-start


@pytest.mark.parametrize(
    "sentence",
    [
        "22 compliments were recorded in 2020/21.",
        "3 complaints were withdrawn.",
        "95% of those answered were on time.",
        "£1,100 was paid in remedies.",
        "(38 of them were about complex care.)",
        "2020/21 was a busy year.",
    ],
)
def test_a_sentence_opening_with_a_numeral_is_found(sentence):
    assert rules(f"The team worked hard. {sentence}") == ["numeral-start"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Twenty-two compliments were recorded in 2020/21.",
        "A total of 233 Member enquiries were handled.",
        "In 2021/22 the Team received 75 complaints.",
        "Of the 85 complaints, 65% had a response within 10 working days.",
    ],
)
def test_a_sentence_with_its_numbers_later_is_fine(sentence):
    assert rules(sentence) == []


def test_titles_and_captions_may_open_with_a_numeral():
    # GOV.UK: write a number at the start of a sentence in full "except where it starts a title"
    assert rules("85 complaints in 2020/21", kind=CAPTION) == []
    assert rules("2020/21 in figures", kind=HEADING) == []


# --------------------------------------------------------------------------- repeats


def test_the_same_sentence_twice_is_found_once_with_its_count():
    found = findings(
        "Stage 1 is the most important stage.",
        "Stage 2 is an investigation.",
        "Stage 1 is the most important stage.",
    )
    assert [f.rule for f in found] == ["repeated-sentence"]
    assert "2 times" in found[0].detail


def test_a_repeat_ignores_case_spacing_quotes_and_the_full_stop():
    assert rules("The council’s team  replied.", "the council's team replied") == ["repeated-sentence"]


def test_short_fragments_may_repeat():
    assert rules("Described.", "Described.") == []


def test_a_definition_given_twice_in_other_words_is_a_near_duplicate():
    found = findings(
        "Member enquiries come from elected councillors and Members of Parliament acting for their constituents.",
        "The team handled 233 of them.",
        "Member enquiries are enquiries from elected councillors or Members of Parliament acting for "
        "their constituents.",
    )
    assert [f.rule for f in found] == ["near-duplicate"]
    assert "Member enquiries come from" in found[0].detail


def test_sentences_on_one_topic_are_not_near_duplicates():
    assert (
        rules(
            "Quality of service covers a wide range of issues in home care.",
            "Complaints about staff attitude were about how home care workers behaved.",
        )
        == []
    )


def test_a_caption_that_repeats_a_sentence_of_its_section():
    blocks = [
        Block(
            PROSE, "The team recorded 85 complaints in 2020/21, slightly lower than last year's 89.", "Volume"
        ),
        Block(CAPTION, "Figure 1: 85 complaints in 2020/21, slightly lower than last year's 89", "Volume"),
    ]
    assert [f.rule for f in prose_style.check(blocks)] == ["caption-repeats-text"]


def test_a_caption_that_adds_detail_or_sits_in_another_section_is_fine():
    blocks = [
        Block(
            PROSE, "The team recorded 85 complaints in 2020/21, slightly lower than last year's 89.", "Volume"
        ),
        Block(CAPTION, "Figure 1: Complaints received each year since 2018/19, from case records", "Volume"),
        Block(CAPTION, "Figure 9: 85 complaints in 2020/21, slightly lower than last year's 89", "Annex"),
    ]
    assert prose_style.check(blocks) == []


# --------------------------------------------------------------------------- double statements


@pytest.mark.parametrize(
    "paragraph",
    [
        "Of the 85 complaints answered, 65% were answered within 10 working days.",
        "95% of those answered were answered within the standard.",
        "It investigated one. It found fault in one of the cases it investigated.",
    ],
)
def test_a_template_stutter_is_a_double_statement(paragraph):
    assert "double-statement" in rules(paragraph)


def test_the_same_fact_in_two_sentences_of_a_section_is_a_double_statement():
    found = findings(
        "Two complaints have not concluded yet; the outcome will be reported in the 2022/23 report.",
        "The investigating team made recommendations.",
        "Stage 2 complaints that were still open at the end of the year will be reported in next year's report.",
    )
    assert [f.rule for f in found] == ["double-statement"]
    assert "will be reported in" in found[0].detail


@pytest.mark.parametrize(
    "paragraph",
    [
        # a contrast, a definition and an aside in brackets are not stutters
        "It counts the complaints the council accepted. Complaints not accepted are counted apart.",
        "A complaint received on a Sunday counts as received on the Monday.",
        "Each percentage is rounded to the nearest whole number (halves rounded up).",
    ],
)
def test_repeating_a_word_on_purpose_is_not_a_double_statement(paragraph):
    assert rules(paragraph) == []


def test_the_items_of_one_list_may_share_a_phrase():
    blocks = [
        Block(PROSE, "setting up the panel within 30 working days of the request", "Stage 3", group=1),
        Block(
            PROSE, "the chair producing the report within 5 working days of the review", "Stage 3", group=1
        ),
    ]
    assert prose_style.check(blocks) == []


def test_sentences_sharing_a_phrase_but_not_a_fact_are_fine():
    assert (
        rules(
            "The PDF is tagged to the PDF/UA-1 standard, with a title, language and bookmarks.",
            "Each release checks the web page in a real browser and checks that the PDF is tagged.",
        )
        == []
    )


# --------------------------------------------------------------------------- zero


@pytest.mark.parametrize(
    "sentence",
    [
        "One complaint was received at stage 3: one statutory and 0 non-statutory.",
        "The Ombudsman told the council about 0 new complaints.",
        "A further 0% took 11 to 20 working days.",
        "Remedies totalled £0.",
    ],
)
def test_a_bare_zero_is_found(sentence):
    assert rules(sentence) == ["bare-zero"]


@pytest.mark.parametrize(
    "sentence",
    [
        "No complaints were received at stage 3.",
        "It investigated none.",
        "Call 020 7361 2552 or 0800 587 0072.",
        "We received 10 complaints and 2,000 enquiries; the mean was 0.5 days.",
        "The share answered late fell by 5 percentage points to 0%.",
    ],
)
def test_no_none_and_numbers_holding_a_zero_are_fine(sentence):
    assert rules(sentence) == []


def test_a_bare_zero_in_a_caption_is_found_but_not_in_a_table():
    assert rules("3 of 3 complaints were accepted, 0 were rejected", kind=CAPTION) == ["bare-zero"]
    assert rules("0", kind=TABLE) == []


# --------------------------------------------------------------------------- percentage points


@pytest.mark.parametrize(
    "paragraph",
    [
        "We answered 81% in time, compared with 74% in 2020/21. This represents a 7% increase.",
        "In 2020/21, 95% were answered in time, a 5% improvement on 90% the year before.",
        "The share upheld rose by 3% to 54%.",
    ],
)
def test_a_change_between_percentages_in_per_cent_is_found(paragraph):
    assert rules(paragraph) == ["percent-change"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "We answered 81% in time, 7 percentage points better than 74% in 2020/21.",
        "The Team received 63 complaints. This is a 9% increase from 58 in 2020/21.",
    ],
)
def test_points_between_percentages_and_a_per_cent_change_of_a_count_are_fine(paragraph):
    assert rules(paragraph) == []


# --------------------------------------------------------------------------- labels


def test_a_raw_label_is_found_anywhere_but_in_a_quote():
    assert rules("The finding was fault_found.") == ["raw-label"]
    assert rules("closed_after_initial_enquiries", kind=TABLE) == ["raw-label"]
    assert rules("Our team_name is great", kind=QUOTE) == []


def test_file_names_and_addresses_with_underscores_are_not_labels():
    assert rules("Write to care_team@example.gov.uk or see data/rows_all.csv.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Of these, 12 were not accepted (Not about Children's Services, duplicate complaint).",
        "Three were not investigated (outside jurisdiction; right of appeal not yet used; premature).",
    ],
)
def test_labels_in_brackets_are_found(sentence):
    assert rules(sentence) == ["bracketed-labels"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Team (the Customer Relationship Team) manages complaints.",
        "Assessment had the most complaints (44, 52%).",
        "Complaints not accepted (for example duplicates, or complaints about another service) are counted.",
        "It records complaints (ICW, the in-house system that records complaints, remedies and responses).",
        "Stage 1 takes 10 working days (or 20 where an extension was agreed).",
    ],
)
def test_brackets_that_explain_are_fine(sentence):
    assert rules(sentence) == []


# --------------------------------------------------------------------------- reading a report page

PAGE = """<!DOCTYPE html><html lang="en-GB"><body>
<nav id="TOC"><h2>Contents</h2><ul><li><a href="#a">Outcomes</a></li></ul></nav>
<h1>Complaints annual report 2021/22</h1>
<h2 id="a">Outcomes</h2>
<p>22 compliments were
recorded.</p>
<ul><li>first point<ul><li>a sub-point</li></ul></li></ul>
<figure><img alt="Bar chart"/><figcaption>Figure 1: 0 were rejected</figcaption></figure>
<details><summary>Data for this chart</summary><table><caption>Data</caption>
<tr><th>Outcome</th><td>0</td></tr></table></details>
<blockquote><p>5 stars, thank you.</p></blockquote>
<div class="callout callout-warning"><div class="callout-title">Narrative needed</div>
<div class="callout-body"><p>Narrative needed: the narrative for 'Outcomes' has not been written yet.</p></div></div>
<h2>Compliments</h2><p>Thank you.</p>
</body></html>"""


def test_blocks_from_html_in_reading_order_with_their_kind_and_section():
    blocks = prose_style.blocks_from_html(PAGE)
    assert [(b.kind, b.text, b.section) for b in blocks] == [
        (HEADING, "Complaints annual report 2021/22", "Complaints annual report 2021/22"),
        (HEADING, "Outcomes", "Outcomes"),
        (PROSE, "22 compliments were recorded.", "Outcomes"),
        (PROSE, "first point", "Outcomes"),
        (PROSE, "a sub-point", "Outcomes"),
        (CAPTION, "Figure 1: 0 were rejected", "Outcomes"),
        (CAPTION, "Data", "Outcomes"),
        (TABLE, "Outcome", "Outcomes"),
        (TABLE, "0", "Outcomes"),
        (QUOTE, "5 stars, thank you.", "Outcomes"),
        (HEADING, "Compliments", "Compliments"),
        (PROSE, "Thank you.", "Compliments"),
    ]


def test_check_html_finds_the_report_slips_and_not_the_quotes_or_placeholders():
    assert sorted(f.rule for f in prose_style.check_html(PAGE)) == ["bare-zero", "numeral-start"]


def test_every_finding_names_its_rule_and_section():
    found = findings("3 complaints were withdrawn.", section="Outcomes")
    assert str(found[0]).startswith("numeral-start (Outcomes): '3 complaints were withdrawn.'")
    assert set(prose_style.RULES) >= {f.rule for f in found}
