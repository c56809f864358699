"""The notebook's fragments: what report.qmd includes, written for every service, escaped at the boundary."""

from __future__ import annotations

import json
import re

import builders
import pandas as pd
import pytest
import yaml

from complaints_report import charts, fragments, presentation, sentences, tables
from complaints_report.tables import Table
from complaints_report.years import ReportingYear

pytestmark = pytest.mark.usefixtures("close_figures")

YEAR = ReportingYear.parse("2021-22")


def quotes(rows=()) -> Table:
    return Table(
        "table_compliment_quotes", "Quotes", pd.DataFrame(list(rows), columns=["Team", "Compliment"])
    )


def write_asc(tmp_path, figures=None, team="CE Team", quote_rows=()):
    figures = figures or builders.asc_figures()
    made = [charts.category_chart(figures), charts.compliments_chart(figures)]
    made_tables = tables.tables_for("asc", figures)
    published = quotes(quote_rows)
    facts = fragments.facts("asc", YEAR, figures, team, made, made_tables, published)
    return fragments.write(tmp_path, facts, made, made_tables, published)


def test_every_fragment_is_written_for_every_service_empty_where_it_does_not_apply(tmp_path):
    written = write_asc(tmp_path)
    on_disk = sorted(p.stem for p in (tmp_path / "_fragments").glob("*.md"))
    assert on_disk == sorted(fragments.names())
    assert (
        written["fig-timeliness"] == "" and (tmp_path / "_fragments" / "fig-timeliness.md").read_text() == ""
    )
    assert written["stage2"] == ""  # a Children's section
    assert written["fig-nature"].startswith("![")
    assert "{#tbl-areas}" in written["tbl-areas"]


def test_names_cover_every_chart_table_and_section():
    names = fragments.names()
    for service in sentences.SECTIONS.values():
        assert set(service) <= set(names)
    assert {presentation.figure_label(name) for name in fragments.FIGURES} <= set(names)
    assert len(names) == len(set(names))


def test_sentence_fragments_are_escaped_text_with_their_cross_references(tmp_path):
    figures = builders.asc_figures()
    figures["area_counts"] = {"*Home* care @x": 52, "<b>Finance</b>": 33}
    written = write_asc(tmp_path, figures)
    assert "\\*Home\\* care \\@x" in written["teams"] and "\\<b\\>Finance\\<\\/b\\>" in written["teams"]
    assert "@tbl-areas lists every area" in written["teams"]


def test_team_names_from_meta_are_text(tmp_path):
    written = write_asc(tmp_path, team="[CE](javascript:x) Team")
    assert written["volume"].startswith("The \\[CE\\]\\(javascript\\:x\\) Team received")


def test_quotes_are_introduced_by_team_and_quoted_as_text(tmp_path):
    rows = [
        ("Reablement", "Thank you <script>x</script>"),
        ("Reablement", "# Great"),
        ("North Complex Team", "Kind"),
    ]
    written = write_asc(tmp_path, quote_rows=rows)
    assert written["quotes"].split("\n\n") == [
        "About Reablement\\:",
        "> Thank you \\<script\\>x\\<\\/script\\>",
        "> \\# Great",
        "About the North Complex Team\\:",
        "> Kind",
    ]
    assert "#" not in written["quotes"].replace("\\#", "")  # no headings: most teams have one quote


def test_appendix_c_says_when_no_quote_was_cleared_for_publication():
    assert fragments.quotes_markdown(quotes(), none="None was cleared.") == "None was cleared\\."
    text = fragments.quotes_markdown(quotes([("SEN", "Thanks")]), intro="These were received.")
    assert text.split("\n\n") == ["These were received\\.", "About SEN\\:", "> Thanks"]


def test_values_are_text_for_the_meta_shortcode(tmp_path):
    write_asc(tmp_path)
    values = yaml.safe_load((tmp_path / fragments.VALUES_FILE).read_text(encoding="utf-8"))
    assert values == {
        "report": {
            "period": "1 April 2021 and 31 March 2022",
            "year": "2021\\/22",
            "previous-year": "2020\\/21",
            "next-year": "2022\\/23",
            "next-year-short": "22\\/23",
        }
    }


def test_regulations_rows_keep_the_sections_that_answer_them(tmp_path):
    write_asc(tmp_path)
    regulations = json.loads((tmp_path / fragments.REGULATIONS_FILE).read_text(encoding="utf-8"))
    assert regulations["caption"] == "What the 2009 regulations (regulation 18) ask the report to show"
    assert regulations["rows"][0] == [
        "Number of complaints received",
        "Volume of complaints",
        "90 complaints",
    ]
    assert regulations["rows"][-1][2] == {"described": ["learning", "future"]}


def test_method_note_names_the_suppression_threshold(tmp_path):
    figures = builders.asc_figures() | {"suppressed_below": 5}
    note = fragments.method_note(figures)
    assert "**Small numbers.**" in note and "counts below 5" in note
    assert "Small numbers" not in fragments.method_note(builders.asc_figures())


def test_method_note_gives_only_the_services_own_timescales_in_public_language():
    asc = re.sub(r"\\(.)", r"\1", fragments.method_note(builders.asc_figures()))
    assert "Complaints: 10 working days, or 20 where a longer time was agreed" in asc
    assert "Member enquiries: 5 working days." in asc
    assert "Stage 2" not in asc and "stage 3" not in asc.lower()
    childrens = fragments.method_note(builders.childrens_figures())
    assert "Stage 2: 25 working days for a statutory complaint" in childrens
    assert "Stage 3: a review panel within 30 working days" in childrens
    assert "Member enquiries" not in childrens
    # the acknowledgement's timescale only where the report counts acknowledgements
    assert "Acknowledgement" not in asc
    acknowledged = builders.asc_figures() | {"acknowledged_recorded": 85, "acknowledged_within_3": 82}
    assert "Acknowledgement: 3 working days." in re.sub(r"\\(.)", r"\1", fragments.method_note(acknowledged))
    for note in (asc, childrens):
        assert "complaints-report" not in note and "tool" not in note and "rows.csv" not in note
        assert not re.search(r"(?m)^\s*-?\s*\*\*[^*]+\*\*\s*\d", note), "a sentence opens with a numeral"


def test_the_public_report_has_no_row_accounting_fragment():
    assert "data-quality" not in fragments.names()


def test_a_chart_without_a_fragment_name_is_refused(tmp_path):
    figures = builders.asc_figures()
    chart = charts.category_chart(figures)
    chart.name = "brand_new_chart"
    facts = fragments.facts("asc", YEAR, figures, "", [chart], [], quotes())
    with pytest.raises(ValueError, match="fragments.FIGURES"):
        fragments.write(tmp_path, facts, [chart], [], quotes())


def test_missing_inputs_are_a_list_of_what_the_report_cannot_yet_show(tmp_path):
    written = write_asc(tmp_path)  # the builders' figures have none of the optional inputs
    lines = written["missing-inputs"].splitlines()
    assert lines[0] == "This report cannot yet show\\:"
    assert lines[2] == "- how many people complained more than once"
    assert len([line for line in lines if line.startswith("- ")]) == 4
    # public words: what the reader misses, not which column the analyst should add
    assert "export" not in written["missing-inputs"] and "column" not in written["missing-inputs"]


def test_one_missing_input_is_a_sentence_and_none_is_nothing(tmp_path):
    figures = builders.asc_figures() | {
        "repeat_complainants": 0,
        "complaints_per_100k_population": 1.0,
        "comparator_medians": {"ombudsman_upheld_pct": 50.0},
    }
    written = write_asc(tmp_path, figures)
    assert written["missing-inputs"] == (
        "This report cannot yet show the age\\, sex\\, ethnic group and disability recorded with each "
        "complaint\\."
    )
    complete = figures | {"equality_counts": {"sex": {"Female": 85}}}
    assert write_asc(tmp_path / "complete", complete)["missing-inputs"] == ""


def test_the_equality_table_is_written_as_one_numbered_table_a_characteristic(tmp_path):
    figures = builders.asc_figures() | {
        "equality_counts": {"sex": {"Female": 50, "Male": 35}, "disability": {"Yes": 30, "No": 55}}
    }
    equality = tables.equality_table(figures)
    facts = fragments.facts("asc", YEAR, figures, "", [], [equality], quotes())
    written = fragments.write(tmp_path, facts, [], [equality], quotes())["tbl-equality"]
    assert re.findall(r"\{#(tbl-[a-z-]+)\}", written) == ["tbl-equality-sex", "tbl-equality-disability"]
    assert "Complaints accepted in 2021\\/22 by sex" in written and "| Disability |" in written
