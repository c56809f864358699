"""The report's own sentences follow the written style (docs/style.md), in the two example reports
and in reports built through the command line from small exports at the edges: zeros, ties, a
single case, a sparse year and another council's data (tests/report_variants.py).

Each rule of complaints_report.prose_style is a test for each report. Where today's sentence code
breaks a rule, the test is marked xfail(strict=True) and its reason names the code that must
change (issue 11, second round): when that code is rewritten the test passes, strict xfail turns
that into a failure, and the mark comes off. Narrative slips are not marked: the narrative is
fixed instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from report_variants import VARIANTS, write_variant
from typer.testing import CliRunner

from complaints_report import prose_style
from complaints_report.cli import app

pytestmark = pytest.mark.slow

REPORTS = ["asc", "childrens", *VARIANTS]

# The sentence code behind each of today's findings, and the fix it needs.
CODE = {
    "area_sentence": "ReportContext.area_sentence opens with a percentage ('52% of complaints in 2020/21 were "
    "about ...'): reword so the share follows its subject, with its count ('44 of the 85')",
    "outcome_sentence:opening": "ReportContext.outcome_sentence opens with a count ('3 complaints were "
    "withdrawn.'): wording.opening_count",
    "outcome_sentence:zero": "ReportContext.outcome_sentence lists '0 partly upheld', '(0%)': name only the "
    "outcomes that happened, 'none' for zero",
    "enquiries_sentence:opening": "ReportContext.enquiries_sentence opens '95% of those answered ...': reword "
    "('Of the 233 answered, 221 (95%) ...')",
    "enquiries_sentence:echo": "ReportContext.enquiries_sentence says 'of those answered were answered': say it once",
    "compliments_sentence": "ReportContext.compliments_sentence opens '22 compliments were recorded': "
    "wording.opening_count",
    "stage_sentence:opening": "ReportContext.stage_sentence opens '12 complaints were received at stage 2' and "
    "'2 complaints have not concluded yet': wording.opening_count",
    "stage_sentence:zero": "ReportContext.stage_sentence says '1 statutory and 0 non-statutory': leave out a zero "
    "split ('the one complaint was statutory')",
    "bands_sentence:echo": "ReportContext.bands_sentence says 'Of the 85 complaints answered, 65% were answered': "
    "say it once",
    "bands_sentence:zero": "ReportContext.bands_sentence says 'A further 0% took 11 to 20 working days': leave out "
    "an empty band, or say none did",
    "timeliness_sentence": "ReportContext.timeliness_sentence says 'Of the 63 stage 1 complaints answered, "
    "Children's Services answered 81%': say it once",
    "ombudsman_sentence:echo": "ReportContext.ombudsman_sentence says 'It investigated one. It found fault in one "
    "of the cases it investigated.': one sentence, wording.share_of",
    "ombudsman_sentence:brackets": "ReportContext.ombudsman_sentence puts the reasons not investigated in brackets "
    "('(outside jurisdiction; right of appeal not yet used; ...)'): a sentence or a bulleted list",
    "ombudsman_sentence:zero": "ReportContext.ombudsman_sentence says 'told the council about 0 new complaints': "
    "wording.no_or_count",
    "received_sentence:brackets": "ReportContext.received_sentence puts the rejection reasons in brackets as raw "
    "labels ('(Not about Children's Services, duplicate complaint)'): say them in words",
    "received_sentence:zero": "ReportContext.received_sentence says '0 under the statutory procedure': leave out a "
    "zero split",
    "data_quality": "ReportContext.data_quality says '0 were excluded' (and belongs in the reviewer's note)",
    "method_note": "resources/method_note.md opens a sentence with a date ('Reporting year. 1 April to 31 March.'): "
    "reword ('The year runs from 1 April to 31 March.')",
    "chart_titles": "charts.py titles repeat the sentence above the chart (volume, areas, outcomes, Ombudsman, "
    "compliments): a caption should add the source or the detail",
    "stages_pointer": "report.qmd's '@tbl-stages shows the complaints received at each stage ...' only restates "
    "Table 2's caption: say what the table shows",
    "chart_titles:zero": "charts.py titles say '0 were rejected', '0 Ombudsman complaints received, 0 with fault "
    "found; remedies totalled £0': wording.no_or_count",
}
TODAY = {
    # (report, rule): the sentence code that breaks the rule today
    ("asc", "numeral-start"): [
        "area_sentence",
        "outcome_sentence:opening",
        "enquiries_sentence:opening",
        "compliments_sentence",
        "method_note",
    ],
    ("asc", "caption-repeats-text"): ["chart_titles"],
    ("asc", "double-statement"): [
        "bands_sentence:echo",
        "ombudsman_sentence:echo",
        "enquiries_sentence:echo",
    ],
    ("childrens", "numeral-start"): [
        "outcome_sentence:opening",
        "stage_sentence:opening",
        "compliments_sentence",
        "method_note",
    ],
    ("childrens", "caption-repeats-text"): ["stages_pointer", "chart_titles"],
    ("childrens", "double-statement"): ["timeliness_sentence"],
    ("childrens", "bare-zero"): ["stage_sentence:zero"],
    ("childrens", "bracketed-labels"): ["received_sentence:brackets", "ombudsman_sentence:brackets"],
    ("zeros", "numeral-start"): ["compliments_sentence", "method_note"],
    ("zeros", "caption-repeats-text"): ["stages_pointer"],
    ("zeros", "double-statement"): ["timeliness_sentence"],
    ("zeros", "bare-zero"): [
        "received_sentence:zero",
        "outcome_sentence:zero",
        "ombudsman_sentence:zero",
        "compliments_sentence",
        "chart_titles:zero",
    ],
    ("ties", "numeral-start"): [
        "area_sentence",
        "enquiries_sentence:opening",
        "compliments_sentence",
        "method_note",
    ],
    ("ties", "caption-repeats-text"): ["chart_titles"],
    ("ties", "double-statement"): [
        "bands_sentence:echo",
        "ombudsman_sentence:echo",
        "enquiries_sentence:echo",
    ],
    ("ties", "bare-zero"): ["bands_sentence:zero", "data_quality"],
    ("single", "numeral-start"): [
        "area_sentence",
        "enquiries_sentence:opening",
        "compliments_sentence",
        "method_note",
    ],
    ("single", "caption-repeats-text"): ["chart_titles"],
    ("single", "double-statement"): [
        "bands_sentence:echo",
        "ombudsman_sentence:echo",
        "enquiries_sentence:echo",
    ],
    ("single", "bare-zero"): ["outcome_sentence:zero", "bands_sentence:zero", "data_quality"],
    ("sparse", "numeral-start"): ["area_sentence", "method_note"],
    ("sparse", "caption-repeats-text"): ["chart_titles"],
    ("sparse", "double-statement"): ["bands_sentence:echo"],
    ("sparse", "bare-zero"): ["bands_sentence:zero", "data_quality"],
    ("other_council", "numeral-start"): [
        "area_sentence",
        "outcome_sentence:opening",
        "enquiries_sentence:opening",
        "compliments_sentence",
        "method_note",
    ],
    ("other_council", "caption-repeats-text"): ["chart_titles"],
    ("other_council", "double-statement"): [
        "bands_sentence:echo",
        "ombudsman_sentence:echo",
        "enquiries_sentence:echo",
    ],
    ("other_council", "bare-zero"): ["bands_sentence:zero", "data_quality"],
    ("other_council", "bracketed-labels"): ["ombudsman_sentence:brackets"],
}


def _case(report: str, rule: str):
    code = TODAY.get((report, rule))
    if not code:
        return pytest.param(report, rule, id=f"{report}-{rule}")
    reason = "issue 11, round 2: " + "; ".join(CODE[name] for name in code)
    return pytest.param(
        report, rule, id=f"{report}-{rule}", marks=pytest.mark.xfail(strict=True, reason=reason)
    )


@pytest.fixture(scope="module")
def report_html(example_reports, tmp_path_factory):
    """report name -> the text of its report.html; a variant is built through the CLI on first use."""
    built: dict[str, str] = {}

    def html(name: str) -> str:
        if name not in built:
            if name in example_reports:
                folder = example_reports[name]
            else:
                folder = _build_variant(name, tmp_path_factory.mktemp(f"style-{name}"))
            built[name] = (folder / "report.html").read_text(encoding="utf-8")
        return built[name]

    return html


def _build_variant(name: str, folder: Path) -> Path:
    service, year = VARIANTS[name]
    data, content = write_variant(name, folder)
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        ["build", "--year", year, "--service", service, "--data", str(data), "--content", str(content)]
        + ["--out", str(out), "--format", "html", "--engine", "builtin"],
    )
    assert result.exit_code == 0, result.output
    return out / year / service


@pytest.mark.parametrize(
    ("report", "rule"), [_case(report, rule) for report in REPORTS for rule in prose_style.RULES]
)
def test_report_sentences_follow_the_style(report_html, report, rule):
    found = [finding for finding in prose_style.check_html(report_html(report)) if finding.rule == rule]
    assert not found, f"{report}: {prose_style.RULES[rule]}\n" + "\n".join(f"  - {f}" for f in found)


def test_every_marked_failure_names_known_sentence_code():
    assert set(CODE) >= {name for names in TODAY.values() for name in names}
    assert {rule for _, rule in TODAY} <= set(prose_style.RULES)
    assert {report for report, _ in TODAY} <= set(REPORTS)
