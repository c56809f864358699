"""Hand-made report figures shared by the chart, table and report-context tests.

Shaped as ``metrics.compute_metrics`` returns them (count objects largest first). Every call
returns new objects, so a test may change what it gets. A test module that relies on other
values overrides them on top of these: ``{**childrens_figures(), "open": 1}``.
"""

from __future__ import annotations

STAGE_COLUMNS = (
    "stage",
    "received",
    "statutory",
    "corporate",
    "upheld",
    "partly_upheld",
    "not_upheld",
    "withdrawn",
    "open",
)


def stage_row(*values: int) -> dict:
    """One row of a ``stage_table``, its values in the order of :data:`STAGE_COLUMNS`."""
    return dict(zip(STAGE_COLUMNS, values, strict=True))


def stage_table() -> list[dict]:
    """Children's Services 2021/22 (table 4.6): stages 1 to 3, nothing open at stage 1."""
    return [
        # stage, received, statutory, corporate, upheld, partly, not upheld, withdrawn, open
        stage_row(1, 63, 12, 51, 12, 10, 39, 2, 0),
        stage_row(2, 12, 4, 8, 1, 2, 1, 6, 2),
        stage_row(3, 1, 1, 0, 0, 1, 0, 0, 0),
    ]


def asc_figures() -> dict:
    """Adult Social Care 2021/22, with 2020/21 as the previous year."""
    previous = {
        "year": "2020-21",
        "service": "asc",
        "year_display": "2020/21",
        "complaints_received": 95,
        "complaints_rejected": 6,
        "complaints_accepted": 89,
        "upheld": 25,
        "partly_upheld": 12,
        "not_upheld": 48,
        "withdrawn": 4,
        "open": 0,
        "upheld_or_partly_pct": 44,
        "ombudsman_received": 6,
    }
    return {
        "year": "2021-22",
        "service": "asc",
        "year_display": "2021/22",
        "service_name": "Adult Social Care",
        "complaints_received": 90,
        "complaints_rejected": 5,
        "complaints_accepted": 85,
        "statutory": 85,
        "corporate": 0,
        "upheld": 20,
        "partly_upheld": 10,
        "not_upheld": 50,
        "withdrawn": 3,
        "open": 2,
        "upheld_or_partly_pct": 38,
        "category_counts": {"Quality of service": 40, "Communication": 25, "Charging": 20},
        "team_counts": {"Complex care": 38, "Reablement": 33, "Learning disabilities": 14},
        "area_counts": {"Assessment and care management": 52, "Home care": 33},
        "area_team_counts": {
            "Assessment and care management": {"Complex care": 38, "Learning disabilities": 14},
            "Home care": {"Reablement": 33},
        },
        "stage1_responded": 83,
        "within_10": 60,
        "within_20": 15,
        "over_20": 8,
        "within_10_pct": 72,
        "within_20_pct": 18,
        "over_20_pct": 10,
        "stage1_within_timescale_pct": 80,
        "ombudsman_received": 4,
        "ombudsman_investigated": 2,
        "ombudsman_fault_found": 1,
        "ombudsman_remedy_total": 800,
        "member_enquiries": 30,
        "member_enquiries_by_area": {"Home care": 18, "Finance": 12},
        "compliments": 41,
        "compliments_by_team": {"Reablement": 25, "Complex care": 16},
        "previous_year": previous,
    }


def childrens_figures() -> dict:
    """Children's Services 2021/22, with 2020/21 as the previous year."""
    previous = {
        "year": "2020-21",
        "service": "childrens",
        "year_display": "2020/21",
        "complaints_received": 62,
        "complaints_rejected": 4,
        "complaints_accepted": 58,
        "stage1_within_timescale_pct": 74,
        "ombudsman_received": 3,
        "ombudsman_investigated": 1,
        "ombudsman_fault_found": 0,
    }
    return {
        "year": "2021-22",
        "service": "childrens",
        "year_display": "2021/22",
        "service_name": "Children's Services",
        "complaints_received": 75,
        "complaints_rejected": 12,
        "complaints_accepted": 63,
        "statutory": 12,
        "corporate": 51,
        "upheld": 12,
        "partly_upheld": 10,
        "not_upheld": 39,
        "withdrawn": 2,
        "open": 0,
        "upheld_or_partly_pct": 36,
        "category_counts": {
            "Quality of service": 23,
            "Failure to take action": 16,
            "Communication": 8,
            "Staff attitude": 6,
            "Delay": 4,
            "Assessment": 3,
            "Other": 3,
        },
        "team_counts": {"Access and Assessment": 12, "SEN": 9, "Early Help": 3},
        "area_counts": {"Access and Assessment": 12, "SEN": 9, "Early Help": 3},
        "stage1_responded": 63,
        "stage1_within_timescale_pct": 81,
        "within_10": 44,
        "within_20": 15,
        "over_20": 4,
        "within_10_pct": 70,
        "within_20_pct": 24,
        "over_20_pct": 6,
        "stage_table": stage_table(),
        "compliments": 58,
        "compliments_by_team": {"Early Help": 14, "Access and Assessment": 10},
        "ombudsman_received": 6,
        "ombudsman_investigated": 3,
        "ombudsman_fault_found": 3,
        "ombudsman_remedy_total": 1100,
        "previous_year": previous,
    }
