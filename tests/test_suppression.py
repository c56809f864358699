"""Small-number suppression: small counts hidden, and never recoverable from the total."""

from __future__ import annotations

import pytest

from complaints_report.build import BuildRequest, build
from complaints_report.suppression import for_publication, shown, suppress_counts
from complaints_report.years import ReportingYear


def test_counts_below_the_threshold_are_hidden_and_zero_is_not():
    published = suppress_counts({"Homecare": 14, "Charging": 3, "Delay": 2, "Other": 0}, 5)
    assert published == {"Homecare": 14, "Charging": None, "Delay": None, "Other": 0}


def test_a_single_hidden_count_takes_the_next_smallest_with_it_so_the_total_cannot_reveal_it():
    published = suppress_counts(
        {"Quality of service": 27, "Service failure": 19, "Communication": 11, "DFG/OT": 1}, 5
    )
    assert published["DFG/OT"] is None
    assert published["Communication"] is None, "the next smallest must be hidden too"
    assert published["Quality of service"] == 27 and published["Service failure"] == 19


def test_no_threshold_changes_nothing():
    counts = {"A": 1, "B": 2}
    assert suppress_counts(counts, 0) == counts
    figures = {"category_counts": counts}
    assert for_publication(figures, 0) is figures


def test_for_publication_hides_breakdowns_and_stage_cells_but_keeps_headline_totals():
    figures = {
        "complaints_accepted": 63,
        "upheld": 12,
        "category_counts": {"Quality of service": 23, "Failure to take action": 16, "Delay": 2},
        "area_team_counts": {"Assessment": {"Complex care": 38, "Learning disabilities": 6}},
        "stage_table": [
            {
                "stage": 3,
                "received": 1,
                "statutory": 1,
                "corporate": 0,
                "upheld": 0,
                "partly_upheld": 0,
                "not_upheld": 1,
                "withdrawn": 0,
                "open": 0,
            }
        ],
    }
    published = for_publication(figures, 5)
    assert published["suppressed_below"] == 5
    assert published["complaints_accepted"] == 63 and published["upheld"] == 12
    assert published["category_counts"]["Delay"] is None
    assert (
        published["stage_table"][0]["statutory"] is None and published["stage_table"][0]["not_upheld"] is None
    )
    assert figures["category_counts"]["Delay"] == 2, "the exact figures are left untouched"


def test_hidden_counts_read_fewer_than_the_threshold():
    assert shown(None, 5) == "fewer than 5"
    assert shown(1234, 5) == "1,234"


@pytest.mark.slow
def test_a_suppressed_build_shows_no_small_count_in_its_breakdowns(tmp_path):
    import json

    result = build(
        BuildRequest(
            year=ReportingYear.parse("2020-21"),
            services=["asc"],
            out_dir=tmp_path,
            engine="builtin",
            formats=["html"],
            suppress_below=5,
        )
    )[0]
    metrics = json.loads((result.folder / "metrics.json").read_text(encoding="utf-8"))
    for key in (
        "category_counts",
        "area_counts",
        "team_counts",
        "compliments_by_team",
        "member_enquiries_by_area",
    ):
        assert all(v is None or v >= 5 or v == 0 for v in metrics[key].values()), key
    assert metrics["area_counts"]["DFG/OT"] is None
    html = (result.folder / "report.html").read_text(encoding="utf-8")
    assert "fewer than 5" in html
    areas = (result.folder / "data" / "table_areas.csv").read_text(encoding="utf-8-sig")
    assert "DFG/OT,fewer than 5" in areas
