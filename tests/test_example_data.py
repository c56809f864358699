"""Golden tests of the bundled example data against the two published reports it is calibrated to.

1. ``data/generate_example.py`` regenerates the committed files byte for byte.
2. The example data loads through the contract with no problems, and is safe to publish
   (synthetic references, no names or initials in quotes).
3. Every published figure the example data reproduces is asserted here in the reports' own
   words, and ``docs/reconciliation.md`` (every figure of both reports, matched or not) is
   generated from :data:`FIGURES` below by running the library, so it cannot drift:

       python tests/test_example_data.py            # rewrite the table in docs/reconciliation.md
       python tests/test_example_data.py --check    # exit 1 if it is out of date

The seeds: Westminster City Council, Adult Social Care complaints report 2020/21 ("ASC") and
Children's Services complaints report 2021/22 ("CS").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from complaints_report import working_days as wd  # noqa: E402
from complaints_report.loading import Inputs, check_inputs, load_inputs  # noqa: E402
from complaints_report.metrics import compute_metrics, percent, stage1_cohort, trend  # noqa: E402  # noqa: E402
from complaints_report.years import ReportingYear  # noqa: E402

DATA = ROOT / "data"
GENERATOR = DATA / "generate_example.py"
RECONCILIATION = ROOT / "docs" / "reconciliation.md"
EXAMPLE_FILES = [
    "complaints_asc.csv",
    "complaints_childrens.csv",
    "enquiries.csv",
    "compliments.csv",
    "ombudsman.csv",
    "history.csv",
    "context.csv",
    "comparators.csv",
]
ASC_YEAR = ReportingYear.parse("2020-21")
CS_YEAR = ReportingYear.parse("2021-22")
EXTERNAL_PROVIDERS = ("Homecare", "Residential Care", "Reablement & Medequip")
APPENDIX_C_TEAMS = [
    "Access and Assessment",
    "Short Breaks",
    "SEN",
    "Northeast Social Work team",
    "Early Help",
    "South Social Work team",
    "Northwest Social Work team",
    "Looked After Children and Leaving Care",
    "Customer Relationship team",
    "Home to School transport",
    "Disabled Children's team",
]


# --------------------------------------------------------------------------- the figures, computed


class Computed:
    """The example data and the pipeline's figures for the two seed reports."""

    def __init__(self, data_dir: Path = DATA):
        self.inputs: Inputs = load_inputs(data_dir)

    @cached_property
    def asc(self) -> dict:
        return compute_metrics(self.inputs, "asc", ASC_YEAR)

    @cached_property
    def asc_prev(self) -> dict:
        return self.asc["previous_year"]

    @cached_property
    def asc_trend(self) -> list[dict]:
        return trend(self.inputs, "asc", ASC_YEAR, years=5)

    @cached_property
    def cs(self) -> dict:
        return compute_metrics(self.inputs, "childrens", CS_YEAR)

    @cached_property
    def cs_prev(self) -> dict:
        return self.cs["previous_year"]

    @cached_property
    def asc_cohort(self):
        return stage1_cohort(self.inputs, "asc", ASC_YEAR)

    def stage(self, service: str, year: ReportingYear, stage: int, procedure: str | None = None):
        """Accepted complaints received at a stage in a year (optionally of one procedure)."""
        rows = self.inputs.complaints
        rows = rows[
            (rows["service"] == service)
            & (rows["stage"] == stage)
            & (rows["status"] == "accepted")
            & rows["received"].map(lambda d: d in year)
        ]
        return rows if procedure is None else rows[rows["procedure"] == procedure]

    def cs_stage1_received(self, procedure: str) -> int:
        """Children's stage 1 complaints received in 2021/22 by procedure, rejected ones included."""
        rows = self.inputs.complaints
        rows = rows[
            (rows["service"] == "childrens")
            & (rows["stage"] == 1)
            & (rows["procedure"] == procedure)
            & rows["received"].map(lambda d: d in CS_YEAR)
        ]
        return len(rows)

    def cs_growth(self) -> tuple[int, int, int]:
        """Accepted children's complaints this year and last, and the rise as a percentage."""
        now, before = self.cs["complaints_accepted"], self.cs_prev["complaints_accepted"]
        return now, before, percent(now - before, before)

    def category_pct(self, metrics: dict, category: str) -> int:
        return percent(metrics["category_counts"][category], metrics["complaints_accepted"])

    def area_pct(self, metrics: dict, area: str) -> int:
        return percent(metrics["area_counts"][area], metrics["complaints_accepted"])

    def ombudsman(self, service: str):
        rows = self.inputs.ombudsman
        return rows[rows["service"] == service]

    def published_quote_teams(self, service: str, year: ReportingYear) -> list[str]:
        rows = self.inputs.compliments
        rows = rows[
            (rows["service"] == service)
            & rows["received"].map(lambda d: d in year)
            & rows["publish"].astype(bool)
            & rows["quote"].notna()
        ]
        return sorted(set(rows["team"]))

    def most_from_one_complainant_in_a_month(self) -> tuple[str, int]:
        """Children's 2021/22: the most stage 1 complaints one complainant made in one month, and when.

        Case-level (it needs ``complainant``, which is never published); rejected complaints
        are included, as the seed counts what "the Team" received.
        """
        rows = self.inputs.complaints
        rows = rows[
            (rows["service"] == "childrens")
            & (rows["stage"] == 1)
            & rows["complainant"].notna()
            & rows["received"].map(lambda d: d in CS_YEAR)
        ]
        per_month = rows.groupby([rows["complainant"], rows["received"].dt.strftime("%B %Y")]).size()
        (_, month), most = per_month.idxmax(), int(per_month.max())
        return month, most


@dataclass
class Figure:
    """One figure of a published report and what the pipeline makes of the example data.

    ``status`` is ``matches`` (the pipeline reproduces the published figure: ``expected`` is
    that figure), ``differs`` (a deliberate deviation, explained in ``note``: ``expected`` is
    what the pipeline gives instead), or ``not published`` / ``not modelled`` (the figure is
    only in a chart lost from the text, or is not something the contract records).
    """

    ref: str
    where: str
    quote: str
    compute: Callable[[Computed], object]
    expected: object
    metric: str
    status: str = "matches"
    note: str = ""
    show: Callable[[Computed], str] | None = None

    def shown(self, c: Computed) -> str:
        if self.show is not None:
            return self.show(c)
        return fmt(self.compute(c))


def fmt(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(fmt(v) for v in value)
    return str(value)


def series(c: Computed, measure: str) -> str:
    return ", ".join(f"{y['year_display']} {y[measure]}" for y in c.asc_trend if measure in y)


def outcomes_line(m: dict) -> str:
    return (
        f"{m['year_display']}: upheld {m['upheld']}, partly {m['partly_upheld']}, not {m['not_upheld']}, "
        f"withdrawn {m['withdrawn']}"
    )


def metric_figure(
    ref: str, where: str, quote: str, report: str, key: str, expected: object, *details, **options
) -> Figure:
    """A figure that is one metric of a seed report (``report`` is ``"asc"`` or ``"cs"``), shown as `key`.

    ``details`` and ``options`` are the rest of a :class:`Figure`: ``status``, ``note``, ``show``.
    """
    return Figure(
        ref, where, quote, lambda c: getattr(c, report)[key], expected, f"`{key}`", *details, **options
    )


F = Figure
FIGURES: list[Figure] = [
    # ----------------------------------------------------------------- ASC 2020/21
    metric_figure(
        "ASC-1", "ASC, About this report", "between April 2020 and March 2021", "asc", "year", "2020-21"
    ),
    F(
        "ASC-2",
        "ASC, About the process",
        "acknowledged by the CE Team within 3 working days [the rule]",
        lambda c: wd.ACKNOWLEDGEMENT_DAYS,
        3,
        "`working_days.ACKNOWLEDGEMENT_DAYS`",
    ),
    metric_figure(
        "ASC-3",
        "ASC, About the process",
        "All complaints are logged and acknowledged ... within 3 working days",
        "asc",
        "acknowledged_within_3_pct",
        96,
        "differs",
        "The report states the process, not a measured figure. The example data has 3 of 85 acknowledged "
        "late "
        '(lead\'s calibration: "most") so that the measure is exercised; 100% would need every '
        "acknowledgement on time.",
        lambda c: f"{c.asc['acknowledged_within_3_pct']}%",
    ),
    F(
        "ASC-4",
        "ASC, About the process",
        "no later than within 10 working days. If more time is required, this is agreed with the complainant",
        lambda c: (wd.STAGE1_DAYS, wd.STAGE1_EXTENDED_DAYS),
        (10, 20),
        "`STAGE1_DAYS`, `STAGE1_EXTENDED_DAYS`",
        note="The report names no extended limit for ASC; the pipeline counts 20 working days where an "
        "extension was agreed (as for Children's stage 1).",
        show=lambda c: (
            f"10; 20 with an extension (stage 1 within timescale {c.asc['stage1_within_timescale_pct']}%)"
        ),
    ),
    metric_figure(
        "ASC-5",
        "ASC, Volume of complaints",
        "recorded and investigated 85 complaints in 2020/21",
        "asc",
        "complaints_received",
        85,
    ),
    F(
        "ASC-6",
        "ASC, Volume of complaints",
        "85 complaints ... investigated [none rejected]",
        lambda c: (c.asc["complaints_accepted"], c.asc["complaints_rejected"]),
        (85, 0),
        "`complaints_accepted`, `complaints_rejected`",
    ),
    F(
        "ASC-7",
        "ASC, Volume of complaints",
        "slightly lower than last year's figure",
        lambda c: c.asc_prev["complaints_received"] > c.asc["complaints_received"],
        True,
        "`previous_year.complaints_received`",
        show=lambda c: (
            f"{c.asc_prev['complaints_received']} in 2019/20, {c.asc['complaints_received']} in 2020/21"
        ),
    ),
    F(
        "ASC-8",
        "ASC, Volume of complaints / Graph 1",
        "falling consistently over the last three years",
        lambda c: (
            list(c.asc["complaints_trend"].values())[-3:]
            == sorted(list(c.asc["complaints_trend"].values())[-3:], reverse=True)
        ),
        True,
        "`complaints_trend`",
        note="Graph 1's values are not in the extracted text; 2018/19 (97) comes from history.csv. "
        "2016/17 (111) is synthetic, so that the five-year trend has five years.",
        show=lambda c: ", ".join(
            f"{ReportingYear.parse(year).display} {n}" for year, n in c.asc["complaints_trend"].items()
        ),
    ),
    F(
        "ASC-9",
        "ASC, Nature of issue",
        "32% related to quality of service",
        lambda c: c.category_pct(c.asc, "Quality of service"),
        32,
        "`category_counts` / `complaints_accepted`",
        show=lambda c: (
            f"{c.category_pct(c.asc, 'Quality of service')}% "
            f"({c.asc['category_counts']['Quality of service']}/{c.asc['complaints_accepted']})"
        ),
    ),
    F(
        "ASC-10",
        "ASC, Nature of issue",
        "22% to an allegation of service failure",
        lambda c: c.category_pct(c.asc, "Service failure"),
        22,
        "`category_counts`",
        show=lambda c: (
            f"{c.category_pct(c.asc, 'Service failure')}% ({c.asc['category_counts']['Service failure']})"
        ),
    ),
    F(
        "ASC-11",
        "ASC, Nature of issue",
        "Staff attitude (9%)",
        lambda c: c.category_pct(c.asc, "Staff attitude"),
        9,
        "`category_counts`",
        show=lambda c: (
            f"{c.category_pct(c.asc, 'Staff attitude')}% ({c.asc['category_counts']['Staff attitude']})"
        ),
    ),
    F(
        "ASC-12",
        "ASC, Nature of issue",
        "11% ... the assessment or its outcome",
        lambda c: c.category_pct(c.asc, "Assessment"),
        11,
        "`category_counts`",
        show=lambda c: f"{c.category_pct(c.asc, 'Assessment')}% ({c.asc['category_counts']['Assessment']})",
    ),
    F(
        "ASC-13",
        "ASC, Nature of issue",
        "13% about the way we communicated",
        lambda c: c.category_pct(c.asc, "Communication"),
        13,
        "`category_counts`",
        show=lambda c: (
            f"{c.category_pct(c.asc, 'Communication')}% ({c.asc['category_counts']['Communication']})"
        ),
    ),
    metric_figure(
        "ASC-14",
        "ASC, Graph 2",
        "Complaints by nature of issue [chart; the other 13% not itemised]",
        "asc",
        "category_counts",
        None,
        "not published",
        "The remaining 11 complaints are split Delay 6, Charging 5 (a choice for the example).",
    ),
    F(
        "ASC-15",
        "ASC, Complaints activity by team",
        "Majority of the complaints (52%) ... about assessment and care services",
        lambda c: c.area_pct(c.asc, "Assessment & care planning"),
        52,
        "`area_counts`",
        show=lambda c: (
            f"{c.area_pct(c.asc, 'Assessment & care planning')}% "
            f"({c.asc['area_counts']['Assessment & care planning']}/{c.asc['complaints_accepted']})"
        ),
    ),
    F(
        "ASC-16",
        "ASC, Complaints activity by team",
        "16% of complaints ... were about homecare services",
        lambda c: c.area_pct(c.asc, "Homecare"),
        16,
        "`area_counts`",
        show=lambda c: f"{c.area_pct(c.asc, 'Homecare')}% ({c.asc['area_counts']['Homecare']})",
    ),
    F(
        "ASC-17",
        "ASC, Complaints activity by team",
        "Most homecare complaints have been about the quality of service or service failure",
        lambda c: (
            lambda rows: (
                2 * rows["category"].isin(["Quality of service", "Service failure"]).sum() > len(rows)
            )
        )(c.asc_cohort[c.asc_cohort["area"] == "Homecare"]),
        True,
        "stage 1 cohort, area x category",
        show=lambda c: (
            lambda rows: (
                f"{int(rows['category'].isin(['Quality of service', 'Service failure']).sum())}"
                f" of {len(rows)}"
            )
        )(c.asc_cohort[c.asc_cohort["area"] == "Homecare"]),
    ),
    *[
        F(
            f"ASC-{18 + n}",
            "ASC, Table 1 (Total no of complaints)",
            f"{area} {count}",
            (lambda a: lambda c: c.asc["area_counts"][a])(area),
            count,
            "`area_counts`",
        )
        for n, (area, count) in enumerate(
            [
                ("Assessment & care planning", 44),
                ("Charging/Finance", 6),
                ("Hospital SW Team", 2),
                ("Mental Health", 8),
                ("Older People's MH", 2),
                ("DFG/OT", 1),
                ("Residential Care", 2),
                ("Homecare", 14),
                ("Reablement & Medequip", 1),
                ("Other", 5),
            ]
        )
    ],
    F(
        "ASC-28",
        "ASC, Table 1",
        "44 (38 complex care and 6 LD)",
        lambda c: (c.asc["team_counts"]["Complex care"], c.asc["team_counts"]["Learning disabilities"]),
        (38, 6),
        "`team_counts`",
        note="Team within area: the export's `team` is Complex care / Learning disabilities, "
        "its `area` Assessment & care planning.",
    ),
    F(
        "ASC-29",
        "ASC, Table 1",
        "the ten rows [total not printed]",
        lambda c: sum(c.asc["area_counts"].values()),
        85,
        "sum of `area_counts`",
    ),
    metric_figure(
        "ASC-30",
        "ASC, Table 1 (LGSCO cases)",
        "Assessment & care planning 1; every other area 0",
        "asc",
        "ombudsman_area_counts",
        {"Assessment & care planning": 1},
    ),
    F(
        "ASC-31",
        "ASC, Outcomes",
        "Just over half of the complaints received have been either fully or partly upheld",
        lambda c: 50 < c.asc["upheld_or_partly_pct"] < 60,
        True,
        "`upheld_or_partly_pct`",
        note="Contract definition: (upheld + partly) / (upheld + partly + not upheld) = 44/82 = 54%. "
        'Over all 85 received it is 44/85 = 52%; both are "just over half".',
        show=lambda c: (
            f"{c.asc['upheld_or_partly_pct']}% (upheld {c.asc['upheld']} + partly "
            f"{c.asc['partly_upheld']} of {c.asc['upheld'] + c.asc['partly_upheld'] + c.asc['not_upheld']})"
        ),
    ),
    F(
        "ASC-32",
        "ASC, Outcomes",
        "Most of the complaints that were upheld were in relation to the quality of "
        "service or staff attitude",
        lambda c: (
            lambda up: 2 * up["category"].isin(["Quality of service", "Staff attitude"]).sum() > len(up)
        )(c.asc_cohort[c.asc_cohort["outcome"] == "upheld"]),
        True,
        "stage 1 cohort, outcome x category",
        show=lambda c: (
            lambda up: (
                f"{int(up['category'].isin(['Quality of service', 'Staff attitude']).sum())} "
                f"of {len(up)} upheld"
            )
        )(c.asc_cohort[c.asc_cohort["outcome"] == "upheld"]),
    ),
    F(
        "ASC-33",
        "ASC, Outcomes",
        "and were related to external providers commissioned by the Council",
        lambda c: (lambda up: 2 * up["area"].isin(EXTERNAL_PROVIDERS).sum() > len(up))(
            c.asc_cohort[c.asc_cohort["outcome"] == "upheld"]
        ),
        True,
        "stage 1 cohort, outcome x area",
        note="External providers: Homecare, Residential Care, Reablement & Medequip.",
        show=lambda c: (lambda up: f"{int(up['area'].isin(EXTERNAL_PROVIDERS).sum())} of {len(up)} upheld")(
            c.asc_cohort[c.asc_cohort["outcome"] == "upheld"]
        ),
    ),
    F(
        "ASC-34",
        "ASC, Graph 3",
        "Complaint outcomes for 2020/21 in comparison with two previous years [chart]",
        lambda c: [outcomes_line(y) for y in c.asc_trend[-3:]],
        None,
        "`trend(...)` outcomes",
        "not published",
        "Values not in the extracted text; 2018/19 comes from history.csv.",
    ),
    F(
        "ASC-35",
        "ASC, Response times",
        "within 6 months ... internal timescale of 10 working days",
        lambda c: wd.STAGE1_DAYS,
        None,
        "`STAGE1_DAYS`",
        "not modelled",
        "The six-month statutory limit (reg. 14, SI 2009/309) is not measured; the 10-day internal "
        "timescale is.",
    ),
    metric_figure(
        "ASC-36",
        "ASC, Response times",
        "65% of the complaints were responded to within 10 working days",
        "asc",
        "within_10_pct",
        65,
        show=lambda c: f"{c.asc['within_10_pct']}% ({c.asc['within_10']}/{c.asc['stage1_responded']})",
    ),
    metric_figure(
        "ASC-37",
        "ASC, Response times",
        "A further 28% needed an additional 10 working days",
        "asc",
        "within_20_pct",
        28,
        show=lambda c: f"{c.asc['within_20_pct']}% ({c.asc['within_20']})",
    ),
    metric_figure(
        "ASC-38",
        "ASC, Response times",
        "only 7% took more than 20 working days",
        "asc",
        "over_20_pct",
        7,
        show=lambda c: f"{c.asc['over_20_pct']}% ({c.asc['over_20']})",
    ),
    F(
        "ASC-39",
        "ASC, Response times",
        "This is a substantial improvement on the previous year",
        lambda c: c.asc["within_10_pct"] - c.asc_prev["within_10_pct"] >= 10,
        True,
        "`previous_year.within_10_pct`",
        show=lambda c: (
            f"within 10 days {c.asc_prev['within_10_pct']}% in 2019/20, {c.asc['within_10_pct']}% in 2020/21"
        ),
    ),
    F(
        "ASC-40",
        "ASC, LGSCO activity",
        "The LGSCO only referred one case to the Council for investigation",
        lambda c: (c.asc["ombudsman_received"], c.asc["ombudsman_investigated"]),
        (1, 1),
        "`ombudsman_received`, `ombudsman_investigated`",
    ),
    F(
        "ASC-41",
        "ASC, LGSCO activity",
        "The case was about care and assessment services",
        lambda c: list(c.asc["ombudsman_area_counts"]),
        ["Assessment & care planning"],
        "`ombudsman_area_counts`",
    ),
    F(
        "ASC-42",
        "ASC, LGSCO activity / Graph 4",
        "very low compared to previous years",
        lambda c: c.asc["ombudsman_received"] < min(y["ombudsman_received"] for y in c.asc_trend[:-1]),
        True,
        "`trend(..., years=5)` `ombudsman_received`",
        note="Graph 4's values are not in the text: 2016/17 to 2018/19 come from history.csv, 2019/20 is "
        "case-level.",
        show=lambda c: series(c, "ombudsman_received"),
    ),
    F(
        "ASC-43",
        "ASC, LGSCO activity",
        "the LGSCO suspended its operations between March and July 2020",
        lambda c: int(
            c.ombudsman("asc")["received"].between(pd.Timestamp(2020, 3, 23), pd.Timestamp(2020, 6, 30)).sum()
        ),
        0,
        "ombudsman rows received then",
        note="No case is received while the LGSCO was closed.",
    ),
    F(
        "ASC-44",
        "ASC, LGSCO activity",
        "the outcome of some of the cases that remained open from the previous "
        "year. One of these complaints was upheld and was given public report status",
        lambda c: (
            lambda rows: (
                len(rows),
                int(rows["finding_wording"].str.contains("public report", case=False).sum()),
            )
        )(
            c.ombudsman("asc")[
                c.ombudsman("asc")["received"].map(lambda d: d in ASC_YEAR.previous)
                & c.ombudsman("asc")["decided"].map(lambda d: d in ASC_YEAR)
            ]
        ),
        (2, 1),
        "ombudsman rows received 2019/20, decided 2020/21",
        note="These count in 2019/20 (the year received), not in 2020/21's figures.",
        show=lambda c: "{} decided in 2020/21, {} of them with a public report".format(
            *FIGURES_BY_REF["ASC-44"].compute(c)
        ),
    ),
    metric_figure(
        "ASC-45",
        "ASC, LGSCO activity",
        "Direct Payment plan ... the Department found that there had been some "
        "oversights ... took action to remedy the issues. The LGSCO accepted",
        "asc",
        "ombudsman_fault_found",
        1,
        "not published",
        'Reading: finding recorded as "Fault found, remedied by council"; the council accepted oversights, '
        "so "
        "it counts as fault found (1). No amount was paid (`ombudsman_remedy_total` 0).",
    ),
    metric_figure(
        "ASC-46",
        "ASC, Member enquiries",
        "The CE Team facilitated 233 Member Enquiries in 2020/21",
        "asc",
        "member_enquiries",
        233,
    ),
    F(
        "ASC-47",
        "ASC, Member enquiries",
        "A significant proportion ... a request for care and support or about existing arrangements",
        lambda c: (
            lambda a: (
                2 * (a["Care and support requests"] + a["Existing care arrangements"])
                > c.asc["member_enquiries"]
            )
        )(c.asc["member_enquiries_by_area"]),
        True,
        "`member_enquiries_by_area`",
        note="Graph 5's values are not in the text.",
        show=lambda c: fmt(c.asc["member_enquiries_by_area"]),
    ),
    metric_figure(
        "ASC-48",
        "ASC, Member enquiries",
        "95% of enquiries were responded to within the agreed Council wide 5 working day timescale",
        "asc",
        "member_enquiries_within_5_pct",
        95,
        show=lambda c: (
            f"{c.asc['member_enquiries_within_5_pct']}% ({c.asc['member_enquiries_within_5']}/"
            f"{c.asc['member_enquiries_responded']})"
        ),
    ),
    F(
        "ASC-49",
        "ASC, Member enquiries",
        "5 working day timescale [the rule]",
        lambda c: wd.MEMBER_ENQUIRY_DAYS,
        5,
        "`MEMBER_ENQUIRY_DAYS`",
    ),
    F(
        "ASC-50",
        "ASC, Member enquiries",
        "which is an 5% improvement on the previous year",
        lambda c: c.asc["member_enquiries_within_5_pct"] - c.asc_prev["member_enquiries_within_5_pct"],
        5,
        "`previous_year.member_enquiries_within_5_pct`",
        note="Read as percentage points: 95% against 90% in 2019/20.",
        show=lambda c: "{} - {} = {} points".format(
            now := c.asc["member_enquiries_within_5_pct"],
            before := c.asc_prev["member_enquiries_within_5_pct"],
            now - before,
        ),
    ),
    metric_figure(
        "ASC-51", "ASC, Compliments", "22 compliments were recorded this year", "asc", "compliments", 22
    ),
    metric_figure(
        "ASC-52",
        "ASC, Graph 6",
        "Compliments by service area [chart]",
        "asc",
        "compliments_by_team",
        None,
        "not published",
        "Values not in the text; teams from the quoted examples plus others.",
    ),
    F(
        "ASC-53",
        "ASC, Compliments",
        "[quoted examples from the North Complex Team, the Reablement Service and the I&A Team]",
        lambda c: (
            {"North Complex Team", "Reablement", "Information & Advice (I&A) Team"}
            <= set(c.published_quote_teams("asc", ASC_YEAR))
        ),
        True,
        "compliments with `publish` yes",
        note="The example quotes are short synthetic paraphrases without names.",
        show=lambda c: fmt(c.published_quote_teams("asc", ASC_YEAR)),
    ),
    F(
        "ASC-54",
        "ASC, Future development work",
        "Future development work for 21/22",
        lambda c: ASC_YEAR.next.short,
        "21/22",
        "`ReportingYear.next.short`",
    ),
    # ----------------------------------------------------------------- Children's 2021/22
    metric_figure("CS-1", "CS 1.3", "between 1st April 2021 and 31st March 2022", "cs", "year", "2021-22"),
    F(
        "CS-2",
        "CS 3.3",
        "made within 12 months of the incident",
        lambda c: None,
        None,
        "-",
        "not modelled",
        "The contract records no incident date.",
        show=lambda c: "-",
    ),
    metric_figure(
        "CS-3", "CS 4.2", "received 75 complaints about Children's services", "cs", "complaints_received", 75
    ),
    metric_figure(
        "CS-4",
        "CS 4.2",
        "12 were recorded as Statutory Children's services complaints",
        "cs",
        "statutory",
        12,
    ),
    F(
        "CS-5",
        "CS 4.2",
        "the remaining 63 were considered under the non-statutory complaints process",
        lambda c: c.cs_stage1_received("corporate"),
        63,
        "stage 1 received with procedure corporate, rejected included",
        note="Reading: 75 = 12 statutory + 63 non-statutory as received; the 12 rejected were all "
        "logged as non-statutory, leaving 51 accepted (`corporate`, as in table 4.6).",
        show=lambda c: f"{c.cs_stage1_received('corporate')} received ({c.cs['corporate']} accepted)",
    ),
    metric_figure("CS-6", "CS 4.3", "12 complaints were rejected", "cs", "complaints_rejected", 12),
    F(
        "CS-7",
        "CS 4.3",
        "not relevant to Children's Services, and some were duplicate complaints",
        lambda c: sorted(c.cs["rejection_reasons"]),
        ["Duplicate complaint", "Not about Children's Services"],
        "`rejection_reasons`",
        show=lambda c: fmt(c.cs["rejection_reasons"]),
    ),
    metric_figure(
        "CS-8",
        "CS 4.3",
        "This takes the total number of complaints received to 63",
        "cs",
        "complaints_accepted",
        63,
    ),
    F(
        "CS-9",
        "CS 4.3",
        "last year (2020/21) total complaint number of 58",
        lambda c: c.cs_prev["complaints_accepted"],
        58,
        "`previous_year.complaints_accepted`",
        note="Accepted complaints, like the 63. 2020/21 also has 4 rejected (`complaints_received` 62).",
        show=lambda c: (
            f"{c.cs_prev['complaints_accepted']} accepted ({c.cs_prev['complaints_received']} received)"
        ),
    ),
    F(
        "CS-10",
        "CS 4.3",
        "This represents a 9% increase",
        lambda c: c.cs_growth()[2],
        9,
        "accepted vs `previous_year.complaints_accepted`",
        show=lambda c: "({0} - {1}) / {1} = {2}%".format(*c.cs_growth()),
    ),
    F(
        "CS-11",
        "CS 4.3",
        "14 complaints in a month from the same complainant",
        lambda c: c.most_from_one_complainant_in_a_month()[1],
        14,
        "`complainant` (case level); `repeat_complainants`",
        note="The `complainant` column is never published: metrics.json counts repeat complainants "
        "and their complaints, not who they are.",
        show=lambda c: (
            "{1} in {0} from one complainant".format(*c.most_from_one_complainant_in_a_month())
            + f" (`repeat_complainants` {c.cs['repeat_complainants']}, "
            f"`complaints_from_repeat_complainants` {c.cs['complaints_from_repeat_complainants']})"
        ),
    ),
    metric_figure(
        "CS-12",
        "CS 4.4",
        "breakdown of complaints received by departments [table lost from the text]",
        "cs",
        "team_counts",
        None,
        "not published",
        "Teams are those named in Appendix C (a choice for the example).",
    ),
    F(
        "CS-13",
        "CS 4.6 table, stage 1",
        "Volumes received 63",
        lambda c: c.cs["stage_table"][0]["received"],
        63,
        "`stage_table[0].received`",
    ),
    F(
        "CS-14",
        "CS 4.6 table, stage 1",
        "Statutory 12, Non-statutory 51",
        lambda c: (c.cs["statutory"], c.cs["corporate"]),
        (12, 51),
        "`statutory`, `corporate`",
    ),
    metric_figure("CS-15", "CS 4.6 table, stage 1", "Upheld 12", "cs", "upheld", 12),
    metric_figure(
        "CS-16",
        "CS 4.6 table, stage 1",
        "Not upheld 45",
        "cs",
        "not_upheld",
        39,
        "differs",
        "The row's outcomes (12 + 45 + 11 = 68) exceed the 63 complaints. Only 36% (6.3) fits the "
        "contract's definition, so the data has upheld 12, partly 10, not upheld 39, withdrawn 2: 22/61 = "
        "36%.",
    ),
    metric_figure(
        "CS-17",
        "CS 4.6 table, stage 1",
        "Partially upheld 11",
        "cs",
        "partly_upheld",
        10,
        "differs",
        "See CS-16.",
    ),
    metric_figure(
        "CS-18",
        "CS 4.6 table, stage 1",
        "[no withdrawn column]",
        "cs",
        "withdrawn",
        2,
        "differs",
        "See CS-16: 2 withdrawn make up the 63.",
    ),
    F(
        "CS-19",
        "CS 4.6 table, stage 2",
        "Volumes received 12, Statutory 4*, Non-statutory 8",
        lambda c: tuple(c.cs["stage_table"][1][k] for k in ("received", "statutory", "corporate")),
        (12, 4, 8),
        "`stage_table[1]`, `stage2_received`",
    ),
    F(
        "CS-20",
        "CS 4.6 table, stage 2",
        "Upheld 1, Not upheld 1",
        lambda c: (c.cs["stage_table"][1]["upheld"], c.cs["stage_table"][1]["not_upheld"]),
        (1, 1),
        "`stage_table[1]`",
        note="The table has no withdrawn or open column: the other 6 corporate stage 2 "
        "complaints are recorded withdrawn (resolved with the complainant), the only outcome that keeps "
        "these "
        "two figures.",
    ),
    F(
        "CS-21",
        "CS 4.6 table, stage 2",
        "Partially upheld 0",
        lambda c: c.cs["stage_table"][1]["partly_upheld"],
        2,
        "`stage_table[1].partly_upheld`",
        "differs",
        "7.3 says the two concluded statutory stage 2 complaints were both partially upheld; the text is "
        "taken.",
    ),
    F(
        "CS-22",
        "CS 4.6 key",
        "only two of the four statutory complaints received have concluded",
        lambda c: (lambda s2: (int(s2["responded"].notna().sum()), int(s2["outcome"].isna().sum())))(
            c.stage("childrens", CS_YEAR, 2, "statutory")
        ),
        (2, 2),
        "stage 2 statutory: concluded, open",
        show=lambda c: f"2 concluded, 2 open (`stage_table[1].open` {c.cs['stage_table'][1]['open']})",
    ),
    F(
        "CS-23",
        "CS 4.6 table, stage 3",
        "Volumes received 1, Statutory 1, Non-statutory 0",
        lambda c: tuple(c.cs["stage_table"][2][k] for k in ("received", "statutory", "corporate")),
        (1, 1, 0),
        "`stage_table[2]`, `stage3_received`",
    ),
    F(
        "CS-24",
        "CS 4.6 table, stage 3",
        "Upheld 0",
        lambda c: c.cs["stage_table"][2]["upheld"],
        0,
        "`stage_table[2].upheld`",
    ),
    F(
        "CS-25",
        "CS 4.6 table, stage 3",
        "Not upheld 1, Partially upheld 0",
        lambda c: (c.cs["stage_table"][2]["not_upheld"], c.cs["stage_table"][2]["partly_upheld"]),
        (1, 0),
        "`stage_table[2]`",
    ),
    F(
        "CS-26",
        "CS 5.2",
        "37% of the complaints received were about the quality of service",
        lambda c: c.category_pct(c.cs, "Quality of service"),
        37,
        "`category_counts`",
        show=lambda c: (
            f"{c.category_pct(c.cs, 'Quality of service')}% "
            f"({c.cs['category_counts']['Quality of service']}/{c.cs['complaints_accepted']})"
        ),
    ),
    F(
        "CS-27",
        "CS 5.2",
        "the failure to take an action accounted for 25%",
        lambda c: c.category_pct(c.cs, "Failure to take action"),
        25,
        "`category_counts`",
        show=lambda c: (
            f"{c.category_pct(c.cs, 'Failure to take action')}% "
            f"({c.cs['category_counts']['Failure to take action']})"
        ),
    ),
    metric_figure(
        "CS-28",
        "CS 5.1 chart",
        "top reasons for making a formal complaint [chart]",
        "cs",
        "category_counts",
        None,
        "not published",
        "Only the top two are in the text.",
    ),
    metric_figure(
        "CS-29",
        "CS 6.1",
        "responded to 81% of stage 1 complaints within the statutory timescales",
        "cs",
        "stage1_within_timescale_pct",
        81,
        show=lambda c: (
            f"{c.cs['stage1_within_timescale_pct']}% ({c.cs['stage1_within_timescale']}/"
            f"{c.cs['stage1_responded']})"
        ),
    ),
    F(
        "CS-30",
        "CS 6.1",
        "compared to 74% in 2020/21",
        lambda c: c.cs_prev["stage1_within_timescale_pct"],
        74,
        "`previous_year.stage1_within_timescale_pct`",
        show=lambda c: (
            f"{c.cs_prev['stage1_within_timescale_pct']}% ({c.cs_prev['stage1_within_timescale']}/"
            f"{c.cs_prev['stage1_responded']})"
        ),
    ),
    F(
        "CS-31",
        "CS 6.1",
        "This represents a 7% increase in the timeliness",
        lambda c: c.cs["stage1_within_timescale_pct"] - c.cs_prev["stage1_within_timescale_pct"],
        7,
        "difference of the two",
        note="Percentage points (81 - 74).",
    ),
    F(
        "CS-32",
        "CS 6.1 / Appendix A",
        "within ten working days ... extended for another 10 working days",
        lambda c: (wd.STAGE1_DAYS, wd.STAGE1_EXTENDED_DAYS),
        (10, 20),
        "`STAGE1_DAYS`, `STAGE1_EXTENDED_DAYS`",
    ),
    metric_figure(
        "CS-33",
        "CS 6.3",
        "36% were either upheld or partially upheld",
        "cs",
        "upheld_or_partly_pct",
        36,
        show=lambda c: (
            f"{c.cs['upheld_or_partly_pct']}% ({c.cs['upheld']} + {c.cs['partly_upheld']} of "
            f"{c.cs['upheld'] + c.cs['partly_upheld'] + c.cs['not_upheld']})"
        ),
    ),
    metric_figure(
        "CS-34", "CS 7.1", "12 complaints ... were considered at stage 2", "cs", "stage2_received", 12
    ),
    F(
        "CS-35",
        "CS 7.2",
        "four were considered under the Statutory complaints process",
        lambda c: len(c.stage("childrens", CS_YEAR, 2, "statutory")),
        4,
        "`stage_table[1].statutory`",
    ),
    F(
        "CS-36",
        "CS 7.3",
        "Two of the stage 2 statutory complaints investigations have concluded with a partially "
        "upheld outcome",
        lambda c: int((c.stage("childrens", CS_YEAR, 2, "statutory")["outcome"] == "partly_upheld").sum()),
        2,
        "stage 2 statutory outcomes",
    ),
    F(
        "CS-37",
        "CS 7.5",
        "The details of the outstanding stage 2 complaint [singular]",
        lambda c: c.cs["stage_table"][1]["open"],
        2,
        "`stage_table[1].open`",
        "differs",
        "The key to table 4.6 says two are outstanding; the data has 2 open.",
    ),
    metric_figure(
        "CS-38",
        "CS 8.1",
        "only two stage 3 statutory complaint review requests received this reporting year",
        "cs",
        "stage3_received",
        1,
        "differs",
        "Table 4.6 says 1; the table is taken. Reading: the second is the care leaver's review requested in "
        "September 2020 and held in 2021/22 (the delay the LGSCO found fault with); by the cohort rule it "
        "counts "
        "in 2020/21 (`previous_year.stage3_received` 1).",
    ),
    F(
        "CS-39",
        "CS 8.1",
        "The number of stage 3 complaints has remained consistent",
        lambda c: c.cs["stage3_received"] == c.cs_prev["stage3_received"],
        True,
        "`stage3_received`",
        show=lambda c: f"{c.cs_prev['stage3_received']} in 2020/21, {c.cs['stage3_received']} in 2021/22",
    ),
    metric_figure(
        "CS-40", "CS 9.2", "six new Ombudsman complaints were received", "cs", "ombudsman_received", 6
    ),
    F(
        "CS-41",
        "CS 9.2",
        "compared to three received last year",
        lambda c: c.cs_prev["ombudsman_received"],
        3,
        "`previous_year.ombudsman_received`",
    ),
    metric_figure(
        "CS-42", "CS 9.2", "Three of these were not investigated", "cs", "ombudsman_not_investigated", 3
    ),
    F(
        "CS-43",
        "CS 9.2",
        "out of the Ombudsman's jurisdiction ... the right of appeal which had not yet been "
        "exercised ... (LADO) ... the Council's complaints process had not yet been exhausted",
        lambda c: len(c.cs["ombudsman_reasons_not_investigated"]),
        3,
        "`ombudsman_reasons_not_investigated`",
        show=lambda c: "; ".join(c.cs["ombudsman_reasons_not_investigated"]),
    ),
    metric_figure(
        "CS-44",
        "CS 9.3",
        "the total number of cases investigated by the LGO with outcomes to three",
        "cs",
        "ombudsman_investigated",
        3,
    ),
    metric_figure("CS-45", "CS 9.3 table", "Fault found [all three]", "cs", "ombudsman_fault_found", 3),
    F(
        "CS-46",
        "CS 9.3 table",
        "pay the parent £800 ... Revision of the Home to School transport policy ... Pay the complainant "
        "£300",
        lambda c: [case["remedy_amount"] for case in c.cs["ombudsman_cases"]],
        [800.0, None, 300.0],
        "`ombudsman_cases[].remedy_amount`",
        show=lambda c: ", ".join(
            "policy revision" if case["remedy_amount"] is None else f"£{case['remedy_amount']:,.0f}"
            for case in c.cs["ombudsman_cases"]
        ),
    ),
    metric_figure(
        "CS-47",
        "CS 9.3 table",
        "£800 + £300 [total not printed]",
        "cs",
        "ombudsman_remedy_total",
        1100,
        show=lambda c: f"£{c.cs['ombudsman_remedy_total']:,}",
    ),
    metric_figure("CS-48", "CS 11.2", "58 compliments were sent to the Team", "cs", "compliments", 58),
    F(
        "CS-49",
        "CS 11.3",
        "The Early Help team recorded the highest number of compliments with 14",
        lambda c: next(iter(c.cs["compliments_by_team"].items())),
        ("Early Help", 14),
        "`compliments_by_team`",
    ),
    F(
        "CS-50",
        "CS 11.3",
        "the Access and Assessment team followed closely with 10",
        lambda c: list(c.cs["compliments_by_team"].items())[1],
        ("Access and Assessment", 10),
        "`compliments_by_team`",
    ),
    metric_figure(
        "CS-51",
        "CS 11.3 chart",
        "distribution of these compliments across the various teams [chart]",
        "cs",
        "compliments_by_team",
        None,
        "not published",
        "Only the top two are in the text.",
    ),
    F(
        "CS-52",
        "CS Appendix A",
        "Stage 2 ... should take no more than 65 working days",
        lambda c: wd.STATUTORY_STAGE2_EXTENDED_DAYS,
        65,
        "`STATUTORY_STAGE2_EXTENDED_DAYS`",
        note="25 working days without an extension (reg. 17, SI 2006/1738).",
    ),
    F(
        "CS-53",
        "CS Appendix A",
        "Organising the Panel within 30 working days of the complainant's request",
        lambda c: wd.STAGE3_PANEL_DAYS,
        30,
        "`STAGE3_PANEL_DAYS`",
    ),
    F(
        "CS-54",
        "CS Appendix A",
        "The Chair should produce the panel's report within 5 working days",
        lambda c: None,
        None,
        "-",
        "not modelled",
        "The contract records no panel date.",
        show=lambda c: "-",
    ),
    F(
        "CS-55",
        "CS Appendix B",
        "The stage 2 response ... has a 20 working days deadline [non-statutory]",
        lambda c: wd.CORPORATE_STAGE2_DAYS,
        20,
        "`CORPORATE_STAGE2_DAYS`",
    ),
    F(
        "CS-56",
        "CS Appendix C",
        "[compliments quoted from the eleven teams listed]",
        lambda c: sorted(set(APPENDIX_C_TEAMS) - set(c.published_quote_teams("childrens", CS_YEAR))),
        [],
        "compliments with `publish` yes",
        note="Every Appendix C team has a publishable synthetic paraphrase (no names or initials).",
        show=lambda c: f"{len(c.published_quote_teams('childrens', CS_YEAR))} teams with a publishable quote",
    ),
    F(
        "CS-57",
        "CS 13 (5)",
        "acknowledgment of complaints within three working days",
        lambda c: wd.ACKNOWLEDGEMENT_DAYS,
        3,
        "`ACKNOWLEDGEMENT_DAYS`",
        show=lambda c: f"3 (measured: {c.cs['acknowledged_within_3_pct']}% acknowledged in time)",
    ),
    F(
        "CS-58",
        "CS 12 / 13",
        "Service priorities for 2022/23",
        lambda c: CS_YEAR.next.display,
        "2022/23",
        "`ReportingYear.next.display`",
    ),
]


FIGURES_BY_REF = {figure.ref: figure for figure in FIGURES}


def render_table(c: Computed) -> str:
    """The reconciliation table (Markdown) for docs/reconciliation.md."""
    lines = [
        "| # | Where | Published | Pipeline (example data) | Metric | Result |",
        "|---|---|---|---|---|---|",
    ]
    for figure in FIGURES:
        if figure.status == "matches":
            result = "matches" + (f". {figure.note}" if figure.note else "")
        else:
            result = f"**{figure.status}**: {figure.note}"
        cells = [figure.ref, figure.where, f"“{figure.quote}”", figure.shown(c), figure.metric, result]
        lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- figures the seeds do not publish


@dataclass
class NewFigure:
    """A metrics.json key the example data shows although neither seed report publishes it."""

    key: str
    meaning: str
    how: str  # where the example data's value comes from


def shown_value(figures: dict, key: str) -> str:
    """A metric as the reconciliation shows it; '–' where the key does not apply (absent)."""
    if key not in figures:
        return "–"
    value = figures[key]
    if key == "complaints_trend":
        return ", ".join(f"{ReportingYear.parse(year).display} {n}" for year, n in value.items())
    if key == "equality_counts":
        return "; ".join(f"{column}: {fmt(labels)}" for column, labels in value.items())
    return fmt(value)


NEW_FIGURES = [
    NewFigure(
        "quarterly_received",
        "accepted stage 1 complaints received April–June (Q1) to January–March (Q4)",
        "the receipt dates of the calibrated cases; Children's Q3 holds the November cluster",
    ),
    NewFigure(
        "mean_working_days", "mean working days to a stage 1 response", "the calibrated response times"
    ),
    NewFigure("median_working_days", "median working days to a stage 1 response", "the same"),
    NewFigure(
        "complaints_trend",
        "complaints received this year and the four before",
        "case data for the last two years; history.csv before (ASC 2016/17 and Children's "
        "2017/18–2019/20 are synthetic)",
    ),
    NewFigure(
        "escalation_pct",
        "Children's: stage 2 complaints received as a percentage of accepted stage 1 complaints",
        "the 12 stage 2 complaints of the seed's table 4.6 over its 63",
    ),
    NewFigure(
        "stage2_within_timescale_pct",
        "Children's: stage 2 responses within 25 (65 with an extension) or 20 (corporate) working days",
        "one statutory investigation took 70 working days (CS 10.4: a delay in organising it)",
    ),
    NewFigure(
        "stage3_within_timescale_pct",
        "Children's: stage 3 panels within 30 working days",
        "the 2021/22 panel in 27 working days; 2020/21's was the delayed one the LGSCO found fault with",
    ),
    NewFigure(
        "repeat_complainants",
        "complainants with two or more accepted stage 1 complaints in the year",
        "synthetic `complainant` identifiers (P-0001...); Children's includes the parent with 14 (CS 4.3)",
    ),
    NewFigure("complaints_from_repeat_complainants", "the complaints those complainants made", "the same"),
    NewFigure(
        "equality_counts",
        "accepted stage 1 complaints by each equality column, blanks as Not recorded",
        "synthetic, illustrative labels, one set per complainant, some left blank",
    ),
    NewFigure(
        "complaints_per_1000_service_users",
        "accepted stage 1 complaints per 1,000 service users",
        "context.csv (illustrative figures)",
    ),
    NewFigure(
        "complaints_per_100k_population",
        "accepted stage 1 complaints per 100,000 residents",
        "context.csv (illustrative figures)",
    ),
    NewFigure(
        "ombudsman_upheld_pct",
        "Ombudsman cases with fault found as a percentage of those investigated",
        "the LGSCO cases of the seeds",
    ),
    NewFigure(
        "comparator_medians",
        "median of six comparator councils' figures for the year",
        "comparators.csv (fictional councils A to F)",
    ),
]


def render_new_figures(c: Computed) -> str:
    """The table of new figures (Markdown) for docs/reconciliation.md."""
    lines = [
        "| Key | What it is | ASC 2020/21 | CS 2021/22 | Where the example's value comes from |",
        "|---|---|---|---|---|",
    ]
    for figure in NEW_FIGURES:
        cells = [
            f"`{figure.key}`",
            figure.meaning,
            shown_value(c.asc, figure.key),
            shown_value(c.cs, figure.key),
            figure.how,
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    return "\n".join(lines)


BEGIN = "<!-- BEGIN GENERATED TABLE: python tests/test_example_data.py -->"
END = "<!-- END GENERATED TABLE -->"
BEGIN_NEW = "<!-- BEGIN GENERATED NEW FIGURES: python tests/test_example_data.py -->"
END_NEW = "<!-- END GENERATED NEW FIGURES -->"


def document_with_table(text: str, table: str, begin: str = BEGIN, end: str = END) -> str:
    start, stop = text.index(begin) + len(begin), text.index(end)
    return text[:start] + "\n" + table + "\n" + text[stop:]


def updated_document(text: str, c: Computed) -> str:
    """docs/reconciliation.md with both generated tables rewritten."""
    text = document_with_table(text, render_table(c))
    return document_with_table(text, render_new_figures(c), BEGIN_NEW, END_NEW)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def computed() -> Computed:
    return Computed()


@pytest.fixture(scope="module")
def asc(computed: Computed) -> dict:
    return computed.asc


@pytest.fixture(scope="module")
def cs(computed: Computed) -> dict:
    return computed.cs


# --------------------------------------------------------------------------- 1. regeneration


def test_generator_reproduces_the_committed_files_byte_for_byte(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXAMPLE_FILES)
    for name in EXAMPLE_FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"{name} differs: rerun the generator"
        )


def test_example_files_are_utf8_with_unix_line_endings():
    for name in EXAMPLE_FILES:
        raw = (DATA / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in raw, name
        raw.decode("utf-8")


# --------------------------------------------------------------------------- 2. loading and safety


def test_example_data_loads_with_no_problems():
    inputs, problems = check_inputs(DATA)
    assert problems == []
    assert sorted(p.name for p in inputs.files) == sorted(EXAMPLE_FILES)


def test_both_complaint_exports_are_stacked(computed: Computed):
    complaints = computed.inputs.complaints
    by_file = complaints.groupby("source_file")["service"].unique().map(list).to_dict()
    assert by_file == {"complaints_asc.csv": ["asc"], "complaints_childrens.csv": ["childrens"]}


def test_dates_are_written_day_first_in_one_export_and_iso_in_the_other():
    asc_line = (DATA / "complaints_asc.csv").read_text(encoding="utf-8").splitlines()[1]
    cs_line = (DATA / "complaints_childrens.csv").read_text(encoding="utf-8").splitlines()[1]
    assert re.search(r",\d{2}/\d{2}/\d{4},", asc_line)
    assert re.search(r",\d{4}-\d{2}-\d{2},", cs_line)


def test_some_complaints_arrive_on_non_working_days(computed: Computed):
    stage1 = computed.inputs.complaints[computed.inputs.complaints["stage"] == 1]
    off = stage1[~stage1["received"].map(wd.is_working_day)]
    assert {d.weekday() for d in off["received"]} & {5, 6}, "a weekend receipt"
    assert any(d.weekday() < 5 for d in off["received"]), "a bank holiday receipt"
    assert pd.Timestamp(2021, 12, 28) in set(off["received"]), "a substitute bank holiday"


def test_dates_are_possible(computed: Computed):
    c = computed.inputs.complaints
    answered = c[c["responded"].notna()]
    assert (answered["responded"] >= answered["received"]).all()
    acknowledged = c[c["acknowledged"].notna() & c["responded"].notna()]
    assert (acknowledged["acknowledged"] <= acknowledged["responded"]).all()
    for frame in (c, computed.inputs.enquiries, computed.inputs.compliments, computed.inputs.ombudsman):
        assert frame["received"].max() <= pd.Timestamp(2022, 3, 31)


def test_escalations_follow_the_earlier_stage(computed: Computed):
    c = computed.inputs.complaints
    by_stage = {stage: c[c["stage"] == stage].set_index("reference") for stage in (1, 2, 3)}
    for stage in (2, 3):
        for reference, row in by_stage[stage].iterrows():
            before = by_stage[stage - 1].loc[reference]
            assert before["responded"] is not None and before["responded"] <= row["received"], reference
            assert before["procedure"] == row["procedure"], reference


def test_references_are_synthetic(computed: Computed):
    pattern = re.compile(r"^(ASC|CS)-20\d\d-\d{4}$")
    assert computed.inputs.complaints["reference"].map(pattern.match).all()
    assert computed.inputs.enquiries["reference"].str.match(r"^ME-ASC-20\d\d-\d{4}$").all()
    assert computed.inputs.compliments["reference"].str.match(r"^CMP-(ASC|CS)-20\d\d-\d{4}$").all()
    assert computed.inputs.ombudsman["reference"].str.match(r"^LGSCO-(ASC|CS)-20\d\d-\d\d$").all()


def test_complainants_are_pseudonymous_and_comparators_fictional(computed: Computed):
    complainants = computed.inputs.complaints["complainant"].dropna()
    assert complainants.str.fullmatch(r"P-\d{4}").all()
    assert computed.inputs.complaints["complainant"].isna().sum() >= 4, "some complaints are anonymous"
    assert computed.inputs.comparators["council"].str.fullmatch(r"Comparator council [A-Z]").all()


def test_a_later_stage_and_a_duplicate_come_from_the_person_who_made_the_first(computed: Computed):
    c = computed.inputs.complaints
    first = c[c["stage"] == 1].set_index("reference")["complainant"].fillna("anonymous")
    later = c[c["stage"] > 1]
    assert later["complainant"].fillna("anonymous").tolist() == first.loc[later["reference"]].tolist()
    duplicates = c[c["rejection_reason"] == "Duplicate complaint"]
    assert duplicates["complainant"].notna().all()
    assert duplicates["complainant"].isin(c.loc[c["status"] == "accepted", "complainant"]).all()


def test_quotes_name_nobody(computed: Computed):
    quotes = computed.inputs.compliments["quote"].dropna()
    assert len(quotes) >= 20
    for quote in quotes:
        # no initials such as "T", "LM's" or "RS" ("I" and the article "A" are words; EHCP is an acronym)
        assert not re.search(r"\b(?!I\b)(?!A [a-z])[A-Z]\b", quote), quote
        assert not re.search(r"\b[A-Z]{2,3}\b", quote), quote
        assert "Westminster" not in quote


def test_some_quotes_are_not_for_publication(computed: Computed):
    compliments = computed.inputs.compliments
    private = compliments[compliments["quote"].notna() & (compliments["publish"] == False)]  # noqa: E712
    assert len(private) >= 4
    assert private["quote"].str.startswith("PRIVATE - do not publish").all()
    public = compliments[compliments["publish"] == True]  # noqa: E712
    assert not public["quote"].str.contains("PRIVATE").any()


# --------------------------------------------------------------------------- 3. the published figures


def test_asc_volume(asc):
    assert asc["complaints_received"] == 85  # "recorded and investigated 85 complaints in 2020/21"
    assert asc["complaints_accepted"] == 85 and asc["complaints_rejected"] == 0
    # "slightly lower than last year"
    assert asc["previous_year"]["complaints_received"] > asc["complaints_received"]


def test_asc_complaints_fell_over_three_years(computed):
    received = [y["complaints_received"] for y in trend(computed.inputs, "asc", ASC_YEAR)]
    # "falling consistently ... three years"
    assert received == sorted(received, reverse=True) and len(received) == 3


def test_asc_nature_of_issue(computed, asc):
    pct = lambda category: computed.category_pct(asc, category)  # noqa: E731
    assert pct("Quality of service") == 32  # "32% related to quality of service"
    assert pct("Service failure") == 22  # "22% to an allegation of service failure"
    assert pct("Staff attitude") == 9  # "Staff attitude (9%)"
    assert pct("Assessment") == 11  # "11% ... concerns about the assessment"
    assert pct("Communication") == 13  # "13% about the way we communicated"


def test_asc_activity_by_team(computed, asc):
    assert computed.area_pct(asc, "Assessment & care planning") == 52  # "Majority of the complaints (52%)"
    assert computed.area_pct(asc, "Homecare") == 16  # "16% of complaints in WCC were about homecare"
    homecare = computed.asc_cohort[computed.asc_cohort["area"] == "Homecare"]
    # "Most homecare complaints have been about the quality of service or service failure"
    assert 2 * homecare["category"].isin(["Quality of service", "Service failure"]).sum() > len(homecare)


def test_asc_table_1(asc):
    assert asc["area_counts"] == {  # Table 1 - Number complaints by the LGSCO breakdown in 2020/21
        "Assessment & care planning": 44,
        "Homecare": 14,
        "Mental Health": 8,
        "Charging/Finance": 6,
        "Other": 5,
        "Hospital SW Team": 2,
        "Older People's MH": 2,
        "Residential Care": 2,
        "DFG/OT": 1,
        "Reablement & Medequip": 1,
    }
    assert asc["team_counts"]["Complex care"] == 38  # "44 (38 complex care and 6 LD)"
    assert asc["team_counts"]["Learning disabilities"] == 6
    assert asc["ombudsman_area_counts"] == {"Assessment & care planning": 1}  # LGSCO cases column


def test_asc_outcomes(computed, asc):
    assert 50 < asc["upheld_or_partly_pct"] < 60  # "Just over half ... either fully or partly upheld"
    assert asc["upheld_or_partly_pct"] == 54  # 44 of 82 decided
    upheld = computed.asc_cohort[computed.asc_cohort["outcome"] == "upheld"]
    # "Most of the complaints that were upheld were in relation to the quality of service or staff attitude
    # and were related to external providers commissioned by the Council"
    assert 2 * upheld["category"].isin(["Quality of service", "Staff attitude"]).sum() > len(upheld)
    assert 2 * upheld["area"].isin(EXTERNAL_PROVIDERS).sum() > len(upheld)


def test_asc_response_times(asc):
    assert asc["within_10_pct"] == 65  # "65% ... responded to within 10 working days"
    assert asc["within_20_pct"] == 28  # "A further 28% needed an additional 10 working days"
    assert asc["over_20_pct"] == 7  # "only 7% took more than 20 working days"
    assert asc["within_10_pct"] - asc["previous_year"]["within_10_pct"] >= 10  # "a substantial improvement"
    assert wd.STAGE1_DAYS == 10  # "no later than within 10 working days"
    assert wd.ACKNOWLEDGEMENT_DAYS == 3  # "acknowledged ... within 3 working days"


def test_asc_ombudsman(computed, asc):
    assert asc["ombudsman_received"] == 1  # "The LGSCO only referred one case to the Council"
    assert asc["ombudsman_investigated"] == 1  # "... for investigation"
    assert list(asc["ombudsman_area_counts"]) == ["Assessment & care planning"]  # "about care and assessment"
    earlier = [y["ombudsman_received"] for y in computed.asc_trend[:-1]]
    # "very low compared to previous years"
    assert len(earlier) == 4 and asc["ombudsman_received"] < min(earlier)
    # "One of these complaints was upheld and was given public report status"
    # (a case received in 2019/20 and decided in 2020/21)
    lgsco = computed.ombudsman("asc")
    decided = lgsco[
        lgsco["received"].map(lambda d: d in ASC_YEAR.previous)
        & lgsco["decided"].map(lambda d: d in ASC_YEAR)
    ]
    assert decided["finding_wording"].str.contains("public report", case=False).sum() == 1


def test_asc_member_enquiries(asc):
    assert asc["member_enquiries"] == 233  # "The CE Team facilitated 233 Member Enquiries in 2020/21"
    # "95% ... within the agreed Council wide 5 working day"
    assert asc["member_enquiries_within_5_pct"] == 95
    previous = asc["previous_year"]["member_enquiries_within_5_pct"]
    assert asc["member_enquiries_within_5_pct"] - previous == 5  # "an 5% improvement on the previous year"
    assert wd.MEMBER_ENQUIRY_DAYS == 5


def test_asc_compliments(computed, asc):
    assert asc["compliments"] == 22  # "22 compliments were recorded this year"
    teams = computed.published_quote_teams("asc", ASC_YEAR)
    assert {"North Complex Team", "Reablement", "Information & Advice (I&A) Team"} <= set(teams)


def test_cs_complaints_received(computed, cs):
    assert cs["complaints_received"] == 75  # "received 75 complaints about Children's services"
    assert cs["statutory"] == 12  # "12 were recorded as Statutory"
    # "the remaining 63 ... non-statutory" (as received)
    assert computed.cs_stage1_received("corporate") == 63
    assert cs["complaints_rejected"] == 12  # "12 complaints were rejected"
    assert set(cs["rejection_reasons"]) == {"Not about Children's Services", "Duplicate complaint"}
    assert cs["complaints_accepted"] == 63  # "This takes the total number of complaints received to 63"
    # "last year (2020/21) total complaint number of 58"
    assert cs["previous_year"]["complaints_accepted"] == 58
    growth = cs["complaints_accepted"] - cs["previous_year"]["complaints_accepted"]
    assert percent(growth, cs["previous_year"]["complaints_accepted"]) == 9  # "This represents a 9% increase"


def test_cs_stage_table(cs):
    stage1, stage2, stage3 = cs["stage_table"]
    assert (stage1["received"], stage1["statutory"], stage1["corporate"]) == (63, 12, 51)  # table 4.6 row 1
    assert stage1["upheld"] == 12  # Upheld 12 (not upheld 45 and partially 11 contradict the 63: see CS-16)
    assert (stage2["received"], stage2["statutory"], stage2["corporate"]) == (12, 4, 8)  # row 2: 12, 4*, 8
    assert (stage2["upheld"], stage2["not_upheld"]) == (1, 1)  # row 2: upheld 1, not upheld 1
    assert stage2["open"] == 2  # "* only two of the four statutory complaints received have concluded"
    assert (stage3["received"], stage3["statutory"], stage3["corporate"]) == (1, 1, 0)  # row 3: 1, 1, 0
    assert (stage3["upheld"], stage3["not_upheld"], stage3["partly_upheld"]) == (0, 1, 0)  # row 3: 0, 1, 0
    assert cs["stage2_received"] == 12  # 7.1 "12 complaints ... were considered at stage 2"
    assert cs["stage3_received"] == cs["previous_year"]["stage3_received"]  # 8.1 "remained consistent"


def test_cs_stage2_statutory(computed):
    statutory = computed.stage("childrens", CS_YEAR, 2, "statutory")
    assert len(statutory) == 4  # 7.2 "four were considered under the Statutory complaints process"
    # 7.3 "Two of the stage 2 statutory complaints ... partially upheld outcome in both cases"
    assert (statutory["outcome"] == "partly_upheld").sum() == 2


def test_cs_nature_and_timeliness(computed, cs):
    assert computed.category_pct(cs, "Quality of service") == 37  # 5.2 "37% ... quality of service"
    # 5.2 "failure to take an action ... 25%"
    assert computed.category_pct(cs, "Failure to take action") == 25
    # 6.1 "81% of stage 1 complaints within the statutory timescales"
    assert cs["stage1_within_timescale_pct"] == 81
    assert cs["previous_year"]["stage1_within_timescale_pct"] == 74  # 6.1 "compared to 74% in 2020/21"
    assert cs["stage1_within_timescale_pct"] - cs["previous_year"]["stage1_within_timescale_pct"] == 7  # "7%"
    assert cs["upheld_or_partly_pct"] == 36  # 6.3 "36% were either upheld or partially upheld"
    assert (wd.STAGE1_DAYS, wd.STAGE1_EXTENDED_DAYS) == (10, 20)  # "ten working days ... another 10"


def test_cs_ombudsman(cs):
    assert cs["ombudsman_received"] == 6  # 9.2 "six new Ombudsman complaints were received"
    assert cs["previous_year"]["ombudsman_received"] == 3  # "compared to three received last year"
    assert cs["ombudsman_not_investigated"] == 3  # "Three of these were not investigated"
    assert len(cs["ombudsman_reasons_not_investigated"]) == 3
    assert cs["ombudsman_investigated"] == 3  # 9.3 "cases investigated by the LGO with outcomes to three"
    assert cs["ombudsman_fault_found"] == 3  # "Fault found with the Council" (all three)
    assert [case["remedy_amount"] for case in cs["ombudsman_cases"]] == [800, None, 300]  # £800, policy, £300
    assert cs["ombudsman_remedy_total"] == 1100


def test_cs_compliments(computed, cs):
    assert cs["compliments"] == 58  # 11.2 "58 compliments were sent to the Team"
    ranked = list(cs["compliments_by_team"].items())
    assert ranked[0] == ("Early Help", 14)  # 11.3 "Early Help team recorded the highest number ... 14"
    assert ranked[1] == ("Access and Assessment", 10)  # "Access and Assessment team followed closely with 10"
    assert set(APPENDIX_C_TEAMS) <= set(computed.published_quote_teams("childrens", CS_YEAR))  # Appendix C


def test_cs_14_complaints_in_a_month_from_the_same_complainant(computed, cs):
    # 4.3 "Some of this increase can be attributed to the Team receiving 14 complaints in a month from the
    # same complainant"
    assert computed.most_from_one_complainant_in_a_month() == ("November 2021", 14)
    assert cs["complaints_from_repeat_complainants"] >= 14
    assert "P-" not in json.dumps(cs)  # the figures count them; they never say who


# --------------------------------------------------------------------------- 4. what the seeds do not publish


def test_the_example_shows_every_new_figure(computed, asc, cs):
    for figures in (asc, cs, asc["previous_year"], cs["previous_year"]):
        for figure in NEW_FIGURES:
            if figure.key.startswith(("escalation", "stage2", "stage3")) and figures["service"] == "asc":
                assert figure.key not in figures  # one stage for adult social care
            else:
                assert figure.key in figures, (figures["service"], figures["year"], figure.key)


def test_each_service_has_a_five_year_complaints_trend(asc, cs):
    assert list(asc["complaints_trend"]) == ["2016-17", "2017-18", "2018-19", "2019-20", "2020-21"]
    assert list(cs["complaints_trend"]) == ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]
    assert cs["complaints_trend"]["2021-22"] == 75  # 4.2 "received 75 complaints"


def test_the_quarters_add_up_to_the_years_accepted_complaints(asc, cs):
    for figures in (asc, cs):
        assert sum(figures["quarterly_received"].values()) == figures["complaints_accepted"]


def test_equality_counts_cover_every_accepted_complaint(asc, cs):
    for figures in (asc, cs):
        assert set(figures["equality_counts"]) == {"age_band", "sex", "ethnicity", "disability"}
        for labels in figures["equality_counts"].values():
            assert sum(labels.values()) == figures["complaints_accepted"]
            assert "Not recorded" in labels


def test_children_escalate_at_the_seeds_rate_and_later_stages_have_their_own_timeliness(cs):
    assert cs["escalation_pct"] == percent(12, 63)  # 4.6: 12 at stage 2 of 63
    assert 0 < cs["stage2_within_timescale_pct"] < 100  # one investigation ran late (10.4)
    assert cs["previous_year"]["stage3_within_timescale_pct"] == 0  # the delayed panel (9.3)


def test_comparator_medians_are_the_middle_of_six_fictional_councils(computed, asc):
    given = computed.inputs.comparators
    values = given[
        (given["service"] == "asc")
        & (given["year"] == "2020-21")
        & (given["measure"] == "ombudsman_upheld_pct")
    ]["value"]
    middle = sorted(values)[2:4]
    assert len(values) == 6
    assert asc["comparator_medians"]["ombudsman_upheld_pct"] == sum(middle) / 2


def test_cs_procedure_timescales():
    assert wd.STATUTORY_STAGE2_EXTENDED_DAYS == 65  # Appendix A "no more than 65 working days"
    assert wd.STAGE3_PANEL_DAYS == 30  # "Organising the Panel within 30 working days"
    assert wd.CORPORATE_STAGE2_DAYS == 20  # Appendix B "20 working days deadline"


# --------------------------------------------------------------------------- the reconciliation table


@pytest.mark.parametrize("figure", FIGURES, ids=[f.ref for f in FIGURES])
def test_reconciliation_figure(computed: Computed, figure: Figure):
    """Every row of the table: a match gives the published figure, a deviation the documented value."""
    if figure.status in ("not published", "not modelled"):
        figure.shown(computed)  # still computable
        return
    assert figure.compute(computed) == figure.expected, f"{figure.ref} {figure.quote}"


def test_reconciliation_document_is_up_to_date(computed: Computed):
    text = RECONCILIATION.read_text(encoding="utf-8")
    assert updated_document(text, computed) == text, (
        "docs/reconciliation.md is out of date: run python tests/test_example_data.py"
    )


def main(argv: list[str]) -> int:
    computed = Computed()
    text = RECONCILIATION.read_text(encoding="utf-8")
    updated = updated_document(text, computed)
    if "--check" in argv:
        return 0 if updated == text else 1
    RECONCILIATION.write_text(updated, encoding="utf-8")
    print(f"wrote {RECONCILIATION}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
