"""Small councils' exports that push the report's sentences to their edges, for the style tests.

Each variant is a data folder (and a narrative folder holding only ``meta.yml``) that
``complaints-report build`` turns into a report:

- ``zeros``: a Children's year with zero almost everywhere - no statutory complaints, nothing
  upheld, no stage 2 or 3, no Ombudsman cases and no compliments, against a year that had some;
- ``ties``: an ASC year where categories, teams, compliments and enquiry areas tie;
- ``single``: an ASC year with one of everything and no year before it;
- ``sparse``: an ASC year with complaints only: no enquiries, compliments or Ombudsman files;
- ``other_council``: another council's ASC export for 2022-23, with its own team and area names
  (long ones among them), rejected complaints and Ombudsman cases not investigated;
- ``long_names``: an ASC year whose areas hold long lists of teams with long names
  ("Safeguarding", "Assessment and care planning", "Hospital Discharge and Community Reablement
  Team"), for the layout of tables and charts on a phone and on the page
  (tests/test_report_layout.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from conftest import (
    COLUMNS_OF,
    complaint_record,
    compliment_record,
    enquiry_record,
    ombudsman_record,
    write_csv_file,
)

VARIANTS = {
    # name: (service, year)
    "zeros": ("childrens", "2021-22"),
    "ties": ("asc", "2021-22"),
    "single": ("asc", "2021-22"),
    "sparse": ("asc", "2021-22"),
    "other_council": ("asc", "2022-23"),
    "long_names": ("asc", "2021-22"),
}


def answered(
    reference: str, received: date, responded: date, outcome: str, **fields
) -> dict:  # a complaint answered and decided
    return complaint_record(
        reference, received=received, acknowledged=received, responded=responded, outcome=outcome, **fields
    )


def _zeros() -> dict[str, list[dict]]:
    def childrens(reference, received, responded, outcome, procedure, stage=1, **fields):
        return answered(
            reference,
            received,
            responded,
            outcome,
            service="childrens",
            procedure=procedure,
            stage=stage,
            team="Early Help",
            **fields,
        )

    complaints = [
        # 2020-21: some of everything
        childrens("Z20-1", date(2020, 5, 5), date(2020, 5, 12), "upheld", "statutory"),
        childrens("Z20-2", date(2020, 6, 2), date(2020, 6, 9), "not upheld", "statutory"),
        childrens("Z20-3", date(2020, 7, 7), date(2020, 7, 14), "partly upheld", "corporate"),
        childrens("Z20-2", date(2020, 7, 1), date(2020, 7, 20), "not upheld", "statutory", stage=2),
        # 2021-22: three non-statutory complaints, none upheld, nothing beyond stage 1
        childrens("Z21-1", date(2021, 5, 4), date(2021, 5, 11), "not upheld", "corporate"),
        childrens("Z21-2", date(2021, 9, 7), date(2021, 9, 14), "not upheld", "corporate"),
        childrens("Z21-3", date(2022, 1, 11), date(2022, 1, 18), "not upheld", "corporate"),
    ]
    ombudsman = [
        ombudsman_record(
            "ZL-1",
            service="childrens",
            received=date(2020, 9, 1),
            decided=date(2020, 12, 1),
            investigated="yes",
            finding="no fault",
            summary="An assessment of a family's needs",
        )
    ]
    compliments = [
        compliment_record("ZK-1", service="childrens", received=date(2020, 10, 6), team="Early Help")
    ]
    return {"complaints": complaints, "ombudsman": ombudsman, "compliments": compliments}


def _ties() -> dict[str, list[dict]]:
    complaints = []
    for year in (2020, 2021):
        for number, (team, category, outcome) in enumerate(
            [
                ("Reablement", "Quality of service", "upheld"),
                ("Reablement", "Communication", "not upheld"),
                ("Homecare", "Quality of service", "partly upheld"),
                ("Homecare", "Communication", "not upheld"),
            ],
            start=1,
        ):
            received = date(year, 3 + 2 * number, 4)
            complaints.append(
                answered(
                    f"T{year}-{number}",
                    received,
                    date(year, 3 + 2 * number, 11),
                    outcome,
                    team=team,
                    category=category,
                )
            )
    compliments = [
        compliment_record(f"TK-{n}", received=date(2021, 6, n + 1), team=team)
        for n, team in enumerate(["Reablement", "Reablement", "Homecare", "Homecare"])
    ]
    enquiries = [
        enquiry_record(f"TE-{n}", received=date(2021, 7, 6), responded=date(2021, 7, 8), service_area=area)
        for n, area in enumerate(["Home care", "Finance"])
    ]
    ombudsman = [
        ombudsman_record(
            "TL-1",
            received=date(2021, 6, 1),
            decided=date(2021, 9, 1),
            investigated="yes",
            finding="fault found",
            remedy="Apologise and pay for the missed care",
            remedy_amount="100",
            summary="Missed home care visits",
        ),
        ombudsman_record(
            "TL-2",
            received=date(2021, 8, 2),
            decided=date(2021, 11, 1),
            investigated="yes",
            finding="no fault",
            summary="A charge for care at home",
        ),
    ]
    return {
        "complaints": complaints,
        "compliments": compliments,
        "enquiries": enquiries,
        "ombudsman": ombudsman,
    }


def _single() -> dict[str, list[dict]]:
    return {
        "complaints": [answered("S-1", date(2021, 6, 8), date(2021, 6, 15), "upheld", team="Reablement")],
        "compliments": [
            compliment_record(
                "SK-1",
                received=date(2021, 7, 6),
                team="Reablement",
                quote="Thank you for helping me get back on my feet.",
                publish="yes",
            )
        ],
        "enquiries": [enquiry_record("SE-1", received=date(2021, 7, 6), responded=date(2021, 7, 8))],
        "ombudsman": [
            ombudsman_record(
                "SL-1",
                received=date(2021, 6, 1),
                decided=date(2021, 9, 1),
                investigated="yes",
                finding="fault found",
                remedy="Pay the complainant for the delay",
                remedy_amount="250",
                summary="A delay in arranging a care assessment",
            )
        ],
    }


def _sparse() -> dict[str, list[dict]]:
    complaints = [
        answered("P20-1", date(2020, 6, 2), date(2020, 6, 9), "not upheld"),
        answered("P20-2", date(2020, 9, 1), date(2020, 9, 8), "upheld"),
        answered("P21-1", date(2021, 5, 4), date(2021, 5, 11), "not upheld"),
        answered("P21-2", date(2021, 8, 3), date(2021, 9, 14), "partly upheld", category="Delay"),
        answered("P21-3", date(2021, 11, 2), date(2021, 11, 9), "upheld", category="Communication"),
    ]
    return {"complaints": complaints}


OTHER_COUNCIL_TEAMS = {
    # team: area
    "Adult Safeguarding Hub": "Safeguarding",
    "North Locality Team": "Assessment and care planning",
    "South Locality Team": "Assessment and care planning",
    "Hospital Discharge and Community Reablement Team": "Home care and reablement",
}


def _other_council() -> dict[str, list[dict]]:
    complaints = []
    teams = list(OTHER_COUNCIL_TEAMS)
    categories = ["Quality of service", "Assessment", "Communication", "Delay", "Charging"]
    outcomes = ["upheld", "not upheld", "partly upheld", "not upheld", "withdrawn"]
    for year, count in ((2021, 8), (2022, 11)):
        for number in range(count):
            team = teams[number % len(teams)]
            received = date(year, 4 + number % 9, 5 + number)
            complaints.append(
                answered(
                    f"N{year}-{number:02d}",
                    received,
                    date(received.year, received.month, received.day + 10),
                    outcomes[number % len(outcomes)],
                    team=team,
                    area=OTHER_COUNCIL_TEAMS[team],
                    category=categories[number % len(categories)],
                )
            )
    complaints += [
        complaint_record(
            "N2022-R1",
            received=date(2022, 6, 7),
            status="rejected",
            rejection_reason="Duplicate",
            team="North Locality Team",
        ),
        complaint_record(
            "N2022-R2",
            received=date(2022, 7, 5),
            status="rejected",
            rejection_reason="Not about adult social care",
            team="South Locality Team",
        ),
    ]
    ombudsman = [
        ombudsman_record(
            "NL-1", received=date(2022, 5, 3), investigated="no", reason_not_investigated="Premature"
        ),
        ombudsman_record(
            "NL-2",
            received=date(2022, 8, 2),
            investigated="no",
            reason_not_investigated="Outside jurisdiction",
        ),
        ombudsman_record(
            "NL-3",
            received=date(2022, 9, 6),
            decided=date(2023, 1, 10),
            investigated="yes",
            finding="Upheld: maladministration and injustice",
            remedy="Apologise and pay for the distress caused",
            remedy_amount="£300",
            summary="Delays in a safeguarding enquiry",
        ),
    ]
    compliments = [
        compliment_record(f"NK-{n}", received=date(2022, 10, 4), team=team)
        for n, team in enumerate(["North Locality Team", "Adult Safeguarding Hub", "North Locality Team"])
    ]
    enquiries = [
        enquiry_record(
            f"NE-{n}", received=date(2022, 11, 1), responded=date(2022, 11, 3 + n), service_area=area
        )
        for n, area in enumerate(["Care and support", "Care and support", "Charging"])
    ]
    return {
        "complaints": complaints,
        "ombudsman": ombudsman,
        "compliments": compliments,
        "enquiries": enquiries,
    }


LONG_NAMES_TEAMS = {
    # area: its teams
    "Safeguarding": ["Adult Safeguarding Hub", "Multi-Agency Safeguarding and Deprivation of Liberty Team"],
    "Assessment and care planning": [
        "North Locality Assessment Team",
        "South Locality Assessment Team",
        "East Locality Assessment Team",
        "West Locality Assessment Team",
        "Learning Disabilities and Autism Assessment Team",
    ],
    "Hospital discharge and community reablement": [
        "Hospital Discharge and Community Reablement Team",
        "Occupational Therapy and Equipment Service",
    ],
    "Charging, financial assessment and deputyship": ["Financial Assessment and Benefits Team"],
}


def _long_names() -> dict[str, list[dict]]:
    teams = [(area, team) for area, members in LONG_NAMES_TEAMS.items() for team in members]
    categories = ["Quality of service", "Failure to take action", "Communication", "Assessment", "Charging"]
    complaints = []
    for year in (2020, 2021):
        for number in range(24 if year == 2021 else 18):
            area, team = teams[number % len(teams)]
            received = date(year, 4 + number % 9, 1 + number)
            complaints.append(
                answered(
                    f"LN{year}-{number:02d}",
                    received,
                    received + timedelta(days=7 + number % 4),
                    ["upheld", "not upheld", "partly upheld"][number % 3],
                    team=team,
                    area=area,
                    category=categories[number % len(categories)],
                )
            )
    compliments = [
        compliment_record(
            f"LNK-{n}",
            received=date(2021, 10, 4 + n),
            team=team,
            quote="Thank you for everything you did for my mother." if n < 3 else None,
            publish="yes" if n < 3 else None,
        )
        for n, (_, team) in enumerate(teams)
    ]
    ombudsman = [
        ombudsman_record(
            "LNL-1",
            received=date(2021, 6, 1),
            decided=date(2021, 9, 1),
            investigated="yes",
            finding="fault found",
            remedy="Apologise, review the care and support plan and pay £250 for the distress caused",
            remedy_amount="250",
            summary="Delays in completing a Deprivation of Liberty Safeguards assessment and review",
        )
    ]
    return {"complaints": complaints, "compliments": compliments, "ombudsman": ombudsman}


EXPORTS = {
    "zeros": _zeros,
    "ties": _ties,
    "single": _single,
    "sparse": _sparse,
    "other_council": _other_council,
    "long_names": _long_names,
}
META = {
    "other_council": "council: Northshire County Council\nteam: Adults Complaints Team\nteam_short: Complaints Team\n",
}


def write_variant(name: str, folder: Path) -> tuple[Path, Path]:
    """Write the variant's exports to ``folder/data`` and its narrative folder (``meta.yml`` only,
    so every section shows the placeholder) to ``folder/content``; return both folders."""
    service, year = VARIANTS[name]
    data, content = folder / "data", folder / "content"
    data.mkdir(parents=True)
    for kind, records in EXPORTS[name]().items():
        write_csv_file(data / f"{kind}.csv", records, COLUMNS_OF[kind])
    narrative = content / year / service
    narrative.mkdir(parents=True)
    (narrative / "meta.yml").write_text(
        META.get(name, "council: Example Council\nteam: Complaints Team\nteam_short: Complaints Team\n"),
        encoding="utf-8",
    )
    return data, content
