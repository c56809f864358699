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
    made = [charts.category_chart(figures), charts.bands_chart(figures)]
    made_tables = tables.tables_for("asc", figures)
    published = quotes(quote_rows)
    facts = fragments.facts("asc", YEAR, figures, team, made, made_tables, published)
    return fragments.write(tmp_path, facts, made, made_tables, published)


def test_every_fragment_is_written_for_every_service_empty_where_it_does_not_apply(tmp_path):
    written = write_asc(tmp_path)
    on_disk = sorted(p.stem for p in (tmp_path / "_fragments").glob("*.md"))
    assert on_disk == sorted(fragments.names())
    assert written["fig-received"] == "" and (tmp_path / "_fragments" / "fig-received.md").read_text() == ""
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
    assert "@tbl-areas shows every complaint" in written["teams"]


def test_team_names_from_meta_are_text(tmp_path):
    written = write_asc(tmp_path, team="[CE](javascript:x) Team")
    assert written["volume"].startswith("The \\[CE\\]\\(javascript\\:x\\) Team recorded")


def test_quotes_are_headed_by_team_and_quoted_as_text(tmp_path):
    rows = [("Reablement", "Thank you <script>x</script>"), ("Reablement", "# Great"), ("Homecare", "Kind")]
    written = write_asc(tmp_path, quote_rows=rows)
    assert written["quotes"].split("\n\n") == [
        "### Reablement {#quotes-team-1}",
        "> Thank you \\<script\\>x\\<\\/script\\>",
        "> \\# Great",
        "### Homecare {#quotes-team-2}",
        "> Kind",
    ]


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
    assert regulations["rows"][0] == ["Number of complaints received", "Volume of complaints", "90"]
    assert regulations["rows"][-1][2] == {"described": ["learning", "future"]}


def test_method_note_names_the_suppression_threshold(tmp_path):
    figures = builders.asc_figures() | {"suppressed_below": 5}
    note = fragments.method_note(figures)
    assert "**Small numbers.**" in note and "counts below 5" in note
    assert "Small numbers" not in fragments.method_note(builders.asc_figures())


def test_data_quality_adds_up_and_says_the_row_list_is_not_published():
    totals = {
        "rows_read": 10,
        "rows_counted": 8,
        "rows_excluded": 2,
        "by_kind": {"complaints": {"read": 10, "counted": 8, "excluded": {"other service": 2}}},
    }
    text = fragments.data_quality({"input_rows": totals})
    plain = re.sub(r"\\(.)", r"\1", text)
    assert plain.startswith("The input files held 10 rows: 8 were used in this report and 2 were excluded")
    assert "is not published" in plain and "rows.csv" not in plain
    assert "{#tbl-rows}" in text
    assert fragments.data_quality({}) == ""


def test_a_chart_without_a_fragment_name_is_refused(tmp_path):
    figures = builders.asc_figures()
    chart = charts.category_chart(figures)
    chart.name = "brand_new_chart"
    facts = fragments.facts("asc", YEAR, figures, "", [chart], [], quotes())
    with pytest.raises(ValueError, match="fragments.FIGURES"):
        fragments.write(tmp_path, facts, [chart], [], quotes())


def test_missing_inputs_are_a_list_of_what_adding_each_would_show(tmp_path):
    written = write_asc(tmp_path)  # the builders' figures have none of the optional inputs
    lines = written["missing-inputs"].splitlines()
    assert lines[0] == "Adding these to the exports would show more in this section\\:"
    assert lines[2] == "- a complainant column\\, to show how many people complained more than once"
    assert len([line for line in lines if line.startswith("- ")]) == 4


def test_one_missing_input_is_a_sentence_and_none_is_nothing(tmp_path):
    figures = builders.asc_figures() | {
        "repeat_complainants": 0,
        "complaints_per_100k_population": 1.0,
        "comparator_medians": {"ombudsman_upheld_pct": 50.0},
    }
    written = write_asc(tmp_path, figures)
    assert written["missing-inputs"] == (
        "Adding equality monitoring columns to the exports would show the age\\, sex\\, ethnic group and "
        "disability recorded with each complaint\\."
    )
    complete = figures | {"equality_counts": {"sex": {"Female": 85}}}
    assert write_asc(tmp_path / "complete", complete)["missing-inputs"] == ""
