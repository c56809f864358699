"""Write the SYNTHETIC exports of Northfield Borough Council, a fictional council, into ``data/``.

    python examples/northfield/generate.py            # rewrites examples/northfield/data/
    python examples/northfield/generate.py --out DIR  # writes them somewhere else

Northfield is made up; so is every row. It stands for a council whose case system is not
Westminster's, to show that the tool takes any council's exports with no code edits, only a
``mapping.yaml`` (which is written by hand and not by this script):

- its own headers (``Case Ref``, ``Service Area``, ``Outcome Description``, ``Decision``...),
  and the same header meaning different things in different exports ("Service Area" is the
  service in the complaints exports and the sub-area in the Member enquiries export);
- Adult Social Care complaints in an ``.xlsx`` with title rows above the header, on the
  second sheet, with real Excel dates;
- Windows-1252 CSV files (Excel's "CSV (Comma delimited)" on UK Windows) with £ signs and
  curly apostrophes, UK day-first dates;
- label variants (``Partially Upheld``, ``Part Upheld``, ``Withdrawn by complainant``,
  ``Out of scope``, ``Y``/``N``) and the Ombudsman's own decision wording
  (``Upheld: maladministration and injustice``, ``Not upheld: no fault``, ``Closed after
  initial enquiries - out of jurisdiction``);
- two reporting years, 2021-22 and 2022-23, for both services, plus published figures for
  the years before (``history``), context (population, people served) and comparators.

The figures are set by the plans below (``ASC_PLAN``...), so a test can check the report
against numbers counted by hand. Output is deterministic: fixed seeds, sorted rows, fixed
workbook timestamps; running it again gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "lib"))  # run from a checkout without installing

from complaints_report.working_days import add_working_days, is_working_day  # noqa: E402

SEED = 2023
YEARS = (2021, 2022)  # 2021-22 and 2022-23
EXPORTED = datetime(2023, 4, 4, 8, 30)  # when the case system's reports were run

# --------------------------------------------------------------------------- the plans
# Per service and year: accepted stage 1 complaints by outcome (None = still open), the
# response bands of those answered, the rejected ones with their reasons.
ASC_PLAN = {
    2021: {
        "outcomes": {"upheld": 8, "partly": 11, "not": 20, "withdrawn": 3, None: 0},
        "bands": {"within_10": 25, "within_20": 12, "over_20": 5},
        "rejected": ["Duplicate of an open complaint", "Not about adult social care"],
    },
    2022: {
        "outcomes": {"upheld": 10, "partly": 14, "not": 19, "withdrawn": 3, None: 2},
        "bands": {"within_10": 28, "within_20": 12, "over_20": 6},
        "rejected": [
            "Not about adult social care",
            "Not about adult social care",
            "Duplicate of an open complaint",
            "Made more than 12 months after the events",
        ],
    },
}
CS_PLAN = {
    2021: {
        "outcomes": {"upheld": 6, "partly": 8, "not": 17, "withdrawn": 2, None: 0},
        "bands": {"within_10": 20, "within_20": 9, "over_20": 4},
        "statutory": 8,
        "rejected": ["Not about children’s services", "Duplicate of an open complaint"],
        "stage2": [
            ("statutory", "upheld"),
            ("statutory", "not"),
            ("corporate", "partly"),
            ("corporate", "not"),
        ],
        "stage3": [],
    },
    2022: {
        "outcomes": {"upheld": 7, "partly": 9, "not": 18, "withdrawn": 2, None: 1},
        "bands": {"within_10": 22, "within_20": 10, "over_20": 4},
        "statutory": 9,
        "rejected": [
            "Not about children’s services",
            "Not about children’s services",
            "Duplicate of an open complaint",
        ],
        "stage2": [
            ("statutory", "upheld"),
            ("statutory", "partly"),
            ("statutory", None),
            ("corporate", "partly"),
            ("corporate", "not"),
            ("corporate", "not"),
        ],
        "stage3": [("statutory", "not")],
    },
}
# Member enquiries: (received, of which still open, of the answered how many took over 5 working days)
ENQUIRY_PLAN = {
    ("asc", 2021): (55, 0, 9),
    ("asc", 2022): (60, 2, 13),
    ("childrens", 2021): (18, 0, 3),
    ("childrens", 2022): (20, 1, 2),
}
COMPLIMENT_PLAN = {("asc", 2021): 21, ("asc", 2022): 25, ("childrens", 2021): 26, ("childrens", 2022): 30}

ASC_TEAMS = {  # team -> the directorate area it reports under
    "North Locality Team": "Assessment & Care Management",
    "South Locality Team": "Assessment & Care Management",
    "Hospital Discharge Team": "Assessment & Care Management",
    "Home Care (commissioned)": "Provider Services",
    "Reablement Service": "Provider Services",
    "Care Homes (commissioned)": "Provider Services",
    "Financial Assessments (£ charges)": "Finance",
    "Adult Safeguarding Team": "Safeguarding",
}
ASC_TEAM_WEIGHTS = [14, 12, 6, 16, 8, 10, 9, 3]
CS_TEAMS = {
    "Children’s Assessment Team": "Early Help & Assessment",
    "Family Support Service": "Early Help & Assessment",
    "Children in Care Team": "Children’s Social Care",
    "Care Leavers’ Service": "Children’s Social Care",
    "Children’s Homes": "Children’s Social Care",
    "SEND Assessment": "Education",
    "School Transport": "Education",
}
CS_TEAM_WEIGHTS = [14, 8, 10, 6, 4, 9, 5]
CATEGORIES = {
    "Quality of service": 22,
    "Communication": 16,
    "Delay": 12,
    "Failure to take action": 10,
    "Staff attitude": 8,
    "Charging": 6,
    "Assessment": 6,
    "Other": 3,
}
OUTCOME_LABELS = {  # Northfield's case system words, in rotation
    "upheld": ["Upheld"],
    "partly": ["Partially Upheld", "Part Upheld"],
    "not": ["Not Upheld"],
    "withdrawn": ["Withdrawn by complainant"],
}
AGE_GROUPS = ["18-64", "65-74", "75-84", "85+", ""]
GENDERS = ["Female", "Male", ""]
ETHNIC_GROUPS = [
    "White British",
    "White other",
    "Asian or Asian British",
    "Black or Black British",
    "Mixed",
    "",
]
DISABILITY = ["Yes", "No", "Prefer not to say", ""]
ENQUIRY_AREAS = {
    "asc": ["Home Care", "Assessment", "Care Homes", "Finance", "Safeguarding"],
    "childrens": ["Children’s Social Care", "SEND", "Early Help"],
}
QUOTES = {  # team -> a compliment about that team, published with consent
    "asc": {
        "North Locality Team": "Our social worker listened to what mattered to Mum and found a plan that works for her.",
        "South Locality Team": "You listened, and you did what you said you would.",
        "Hospital Discharge Team": "Everything was arranged before I left the ward, which took so much worry away.",
        "Home Care (commissioned)": "The carers are kind, patient and always on time.",
        "Reablement Service": "The reablement team’s support got me home safely and gave me my confidence back.",
        "Care Homes (commissioned)": "Dad is settled and happy, and the staff always have time for a chat.",
        "Financial Assessments (£ charges)": (
            "Thank you for sorting out the charges so quickly; £40 a week makes a real difference."
        ),
        "Adult Safeguarding Team": "You took my worries seriously and kept me informed at every step.",
    },
    "childrens": {
        "Children’s Assessment Team": "Thank you for explaining everything so clearly at every step.",
        "Family Support Service": "Our family support worker helped us through the hardest year we’ve had.",
        "Children in Care Team": "Our social worker always makes time for the children and really listens to them.",
        "Care Leavers’ Service": "My personal adviser helped me find my first flat and sort out my bills.",
        "Children’s Homes": "The staff made the home feel like a real home.",
        "SEND Assessment": "The plan finally reflects what my son needs at school.",
        "School Transport": "The transport team went out of their way to find a route that works for my son.",
    },
}
PRIVATE = "PRIVATE - do not publish: "


@dataclass
class Case:
    reference: str
    service: str
    stage: int
    received: date
    procedure: str = ""
    acknowledged: date | None = None
    responded: date | None = None
    extension: bool = False
    team: str = ""
    category: str = ""
    outcome: str | None = None
    status: str = "Accepted"
    rejection_reason: str = ""
    person: str = ""
    equality: dict = field(default_factory=dict)


def rng_for(section: str) -> random.Random:
    return random.Random(f"{SEED}/{section}")


def working_days(start: int, last: date | None = None) -> list[date]:
    first, end = date(start, 4, 1), last or date(start + 1, 3, 31)
    return [
        first + timedelta(n) for n in range((end - first).days + 1) if is_working_day(first + timedelta(n))
    ]


def band_days(rng: random.Random, band: str) -> int:
    return {
        "within_10": rng.randint(2, 10),
        "within_20": rng.randint(11, 20),
        "over_20": rng.randint(21, 34),
    }[band]


def stage1(rng: random.Random, service: str, year: int, plan: dict, prefix: str) -> list[Case]:
    """The accepted and rejected stage 1 complaints of a service and year."""
    outcomes = [o for o, n in plan["outcomes"].items() for _ in range(n)]
    bands = [b for b, n in plan["bands"].items() for _ in range(n)]
    answered = [o for o in outcomes if o is not None]
    assert len(bands) == len(answered), (service, year)
    rng.shuffle(bands)
    teams, weights = (ASC_TEAMS, ASC_TEAM_WEIGHTS) if service == "asc" else (CS_TEAMS, CS_TEAM_WEIGHTS)
    # the open ones arrived last, in March; the rest over the year
    days = sorted(rng.choice(working_days(year, date(year + 1, 2, 15))) for _ in answered)
    days += sorted(rng.choice(working_days(year)[-8:]) for _ in range(len(outcomes) - len(answered)))
    cases = []
    statutory = plan.get("statutory", len(outcomes))
    procedures = ["statutory"] * statutory + ["corporate"] * (len(outcomes) - statutory)
    rng.shuffle(procedures)
    rotation = {o: 0 for o in OUTCOME_LABELS}
    for n, (outcome, received) in enumerate(
        zip(answered + [None] * (len(outcomes) - len(answered)), days, strict=True)
    ):
        case = Case(f"{prefix}-{year % 100:02d}{n + 1:03d}", service, 1, received, procedures[n])
        if n == 3:
            case.received = received + timedelta(
                days=(5 - received.weekday()) % 7
            )  # a Saturday: counts from Monday
        case.team = rng.choices(list(teams), weights)[0]
        case.category = rng.choices(list(CATEGORIES), list(CATEGORIES.values()))[0]
        case.acknowledged = add_working_days(case.received, rng.choice([1, 1, 2, 2, 3, 3, 3, 5]))
        if outcome is not None:
            labels = OUTCOME_LABELS[outcome]
            case.outcome = labels[rotation[outcome] % len(labels)]
            rotation[outcome] += 1
            band = bands.pop()
            case.responded = add_working_days(case.received, band_days(rng, band))
            case.extension = band == "within_20" and rng.random() < 0.5
        cases.append(case)
    for reason in plan["rejected"]:
        received = rng.choice(working_days(year, date(year + 1, 2, 28)))
        status = "Out of scope" if "12 months" in reason else "Not Accepted"
        cases.append(
            Case(
                f"{prefix}-{year % 100:02d}{len(cases) + 1:03d}",
                service,
                1,
                received,
                procedures[0],
                responded=add_working_days(received, 3),
                team=rng.choices(list(teams), weights)[0],
                category="Other",
                status=status,
                rejection_reason=reason,
            )
        )
    return cases


def escalations(rng: random.Random, cases: list[Case], plan: dict, year: int) -> list[Case]:
    """Stage 2 and 3 complaints of a year: each is an earlier stage's complaint taken further."""
    later = []
    first_half = [
        c for c in cases if c.status == "Accepted" and c.responded and c.responded < date(year, 11, 1)
    ]
    for stage, steps in ((2, plan["stage2"]), (3, plan["stage3"])):
        pool = [c for c in first_half if c.procedure in {p for p, _ in steps}] if stage == 2 else later[:]
        for procedure, outcome in steps:
            source = next(c for c in pool if c.procedure == procedure)
            pool.remove(source)
            received = add_working_days(source.responded, rng.randint(5, 15))
            case = Case(source.reference, source.service, stage, received, procedure, team=source.team)
            case.category = source.category
            case.acknowledged = add_working_days(received, 2)
            if outcome is not None:
                case.outcome = OUTCOME_LABELS[outcome][0]
                case.responded = add_working_days(received, rng.randint(15, 24))
            later.append(case)
    return later


def with_people(rng: random.Random, cases: list[Case], prefix: str) -> None:
    """A pseudonymous person ID for each complaint (two of them complained twice) and equality labels."""
    accepted = [c for c in cases if c.stage == 1]
    for n, case in enumerate(accepted):
        case.person = f"{prefix}{n + 101:04d}"
        case.equality = {
            "Age Group": rng.choice(AGE_GROUPS),
            "Gender": rng.choice(GENDERS),
            "Ethnic Group": rng.choice(ETHNIC_GROUPS),
            "Disability": rng.choice(DISABILITY),
        }
    by_year: dict = {}
    for case in accepted:
        if case.status == "Accepted":
            by_year.setdefault(
                case.received.year if case.received.month >= 4 else case.received.year - 1, []
            ).append(case)
    for cases_of_year in by_year.values():  # two people with two complaints each, every year
        for first, second in ((0, 5), (8, 20)):
            cases_of_year[second].person = cases_of_year[first].person


# --------------------------------------------------------------------------- rows


def uk(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


ASC_HEADER = [
    "Case Ref", "Service Area", "Complaint Stage", "Date Received", "Date Acknowledged", "Date Responded",
    "Extension Agreed", "Team", "Directorate Area", "Complaint Category", "Outcome Description", "Case Status",
    "Reason Not Accepted", "Person ID", "Age Group", "Gender", "Ethnic Group", "Disability", "Priority",
]  # fmt: skip
CS_HEADER = [
    "Ref No", "Service Area", "Stage", "Procedure", "Received Date", "Acknowledged Date", "Response Date",
    "Extended?", "Team Name", "Nature of Complaint", "Outcome", "Case Status", "Reason Not Accepted",
]  # fmt: skip


def asc_row(case: Case) -> list:
    at = lambda day: None if day is None else datetime(day.year, day.month, day.day)  # noqa: E731 - real Excel dates
    return [
        case.reference,
        "Adults",
        f"Stage {case.stage}",
        at(case.received),
        at(case.acknowledged),
        at(case.responded),
        "Y" if case.extension else "N",
        case.team,
        ASC_TEAMS[case.team],
        case.category,
        case.outcome or "",
        case.status,
        case.rejection_reason,
        case.person,
        *[case.equality.get(k, "") for k in ("Age Group", "Gender", "Ethnic Group", "Disability")],
        "Normal",
    ]


def cs_row(case: Case, label: str) -> list:
    procedure = {"statutory": "Statutory", "corporate": "Non-Statutory"}[case.procedure]
    return [
        case.reference,
        label,
        str(case.stage),
        procedure,
        uk(case.received),
        uk(case.acknowledged),
        uk(case.responded),
        "Yes" if case.extension else "No",
        case.team,
        case.category,
        case.outcome or "",
        case.status,
        case.rejection_reason,
    ]


def enquiry_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for (service, year), (count, still_open, late) in ENQUIRY_PLAN.items():
        days = sorted(rng.choice(working_days(year, date(year + 1, 3, 10))) for _ in range(count))
        slow = set(rng.sample(range(count - still_open), late))
        for n, received in enumerate(days):
            if n >= count - still_open:
                responded = None
                received = working_days(year)[-2]
            else:
                responded = add_working_days(received, rng.randint(6, 12) if n in slow else rng.randint(1, 5))
            rows.append(
                [
                    f"ME/{'A' if service == 'asc' else 'C'}/{year % 100:02d}/{n + 1:03d}",
                    "Adults" if service == "asc" else "Children’s",
                    uk(received),
                    uk(responded),
                    rng.choice(ENQUIRY_AREAS[service]),
                ]
            )
    return rows


def compliment_rows(rng: random.Random) -> list[list[str]]:
    rows = []
    for (service, year), count in COMPLIMENT_PLAN.items():
        teams = list(ASC_TEAMS if service == "asc" else CS_TEAMS)
        quoted = set()  # a team's quote once a year
        for n, received in enumerate(sorted(rng.choice(working_days(year)) for _ in range(count))):
            team = rng.choice(teams)
            quote, publish = "", "N"
            if n % 4 == 0 and team not in quoted:
                quote, publish = QUOTES[service][team], "Y"  # each quote about the team it was for
                quoted.add(team)
            elif n % 7 == 1:
                quote = PRIVATE + "thanks to a named member of staff for their help at home."
            rows.append(
                [
                    f"CMP-{'A' if service == 'asc' else 'C'}-{year % 100:02d}{n + 1:03d}",
                    "Adults" if service == "asc" else "Children’s",
                    uk(received),
                    team,
                    quote,
                    publish,
                ]
            )
    return rows


# (service, year, received, decided, investigated, decision as the LGSCO words it, why not investigated,
#  remedy, amount, directorate area, summary)
OMBUDSMAN = [
    ("asc", 2021, date(2021, 6, 14), date(2021, 11, 2), "Yes", "Upheld: maladministration and injustice", "",
     "Apology and payment for distress", "£300", "Assessment & Care Management",
     "Delay in arranging a care package after a hospital discharge."),
    ("asc", 2021, date(2021, 9, 20), date(2021, 10, 18), "No", "Closed after initial enquiries - out of jurisdiction",
     "Out of jurisdiction", "", "", "Provider Services", "About a private care arrangement the council did not fund."),
    ("asc", 2021, date(2022, 1, 17), date(2022, 2, 7), "No", "Referred back for local resolution",
     "Premature", "", "", "Finance", "The council’s own complaints procedure had not finished."),
    ("asc", 2022, date(2022, 5, 9), date(2022, 12, 12), "Yes", "Upheld: maladministration and injustice", "",
     "Apology, refund of charges and a payment for distress", "£350.00", "Finance",
     "Charges were taken for visits that did not happen."),
    ("asc", 2022, date(2022, 7, 4), date(2023, 1, 16), "Yes", "Not upheld: no fault", "",
     "", "", "Finance", "Concerns about how a financial assessment was worked out."),
    ("asc", 2022, date(2022, 8, 22), date(2022, 9, 19), "No", "Closed after initial enquiries - no fault",
     "No sign of fault", "", "", "Provider Services", "The complaint was about a reablement review."),
    ("asc", 2022, date(2022, 11, 7), date(2022, 12, 5), "No", "Closed after initial enquiries - no further action",
     "Injustice already remedied", "", "", "Provider Services", "The care provider had already put things right."),
    ("asc", 2022, date(2023, 2, 13), date(2023, 3, 13), "No", "Referred back for local resolution",
     "Premature", "", "", "Assessment & Care Management", "The council’s own complaints procedure had not finished."),
    ("childrens", 2021, date(2021, 7, 12), date(2022, 1, 10), "Yes", "Not upheld: no maladministration", "",
     "", "", "", "How a child-in-need assessment was carried out."),
    ("childrens", 2021, date(2021, 10, 4), date(2021, 11, 1), "No", "Closed after initial enquiries - out of jurisdiction",
     "Out of jurisdiction", "", "", "", "About a court’s decision, which the Ombudsman cannot look at."),
    ("childrens", 2022, date(2022, 6, 6), date(2022, 12, 5), "Yes", "Upheld: fault and injustice", "",
     "Apology and a payment for lost education provision", "£500", "",
     "Delay in putting an education, health and care plan in place."),
    ("childrens", 2022, date(2022, 9, 12), date(2023, 2, 20), "Yes", "Upheld: fault, no injustice", "",
     "", "", "", "Records of a meeting were not shared with the family."),
    ("childrens", 2022, date(2023, 1, 9), date(2023, 2, 6), "No", "Premature complaint",
     "Premature", "", "", "", "The council had not yet had the chance to answer at stage 2."),
]  # fmt: skip

HISTORY = {  # published figures of the years before the case system (service, year, measure, value)
    ("asc", "2019-20"): {"complaints_received": 51, "complaints_accepted": 48, "upheld": 11, "partly_upheld": 12,
                         "not_upheld": 22, "withdrawn": 3, "within_10_pct": 55, "stage1_within_timescale_pct": 70,
                         "member_enquiries": 49, "compliments": 18, "ombudsman_received": 4},
    ("asc", "2020-21"): {"complaints_received": 39, "complaints_accepted": 37, "upheld": 7, "partly_upheld": 10,
                         "not_upheld": 18, "withdrawn": 2, "within_10_pct": 61, "stage1_within_timescale_pct": 76,
                         "member_enquiries": 44, "compliments": 23, "ombudsman_received": 2},
    ("childrens", "2019-20"): {"complaints_received": 38, "complaints_accepted": 35, "stage2_received": 5,
                               "stage3_received": 1, "compliments": 22, "ombudsman_received": 2},
    ("childrens", "2020-21"): {"complaints_received": 31, "complaints_accepted": 30, "stage2_received": 3,
                               "stage3_received": 0, "compliments": 24, "ombudsman_received": 1},
}  # fmt: skip
CONTEXT = {("asc", 2021): 3080, ("asc", 2022): 3150, ("childrens", 2021): 1190, ("childrens", 2022): 1240}
POPULATION = {2021: 151_800, 2022: 152_400}
COMPARATORS = [  # other (fictional) councils' published figures for 2022-23
    ("Southbridge City Council", "asc", "complaints_per_1000_service_users", 14.2),
    ("Eastmoor District Council", "asc", "complaints_per_1000_service_users", 11.8),
    ("Westhaven Borough Council", "asc", "complaints_per_1000_service_users", 16.5),
    ("Southbridge City Council", "asc", "stage1_within_timescale_pct", 71),
    ("Eastmoor District Council", "asc", "stage1_within_timescale_pct", 78),
    ("Westhaven Borough Council", "asc", "stage1_within_timescale_pct", 64),
    ("Southbridge City Council", "childrens", "stage1_within_timescale_pct", 69),
    ("Eastmoor District Council", "childrens", "stage1_within_timescale_pct", 82),
    ("Westhaven Borough Council", "childrens", "stage1_within_timescale_pct", 75),
]


# --------------------------------------------------------------------------- files


def write_csv(path: Path, header: list[str], rows: list[list], encoding: str) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # as Excel writes a CSV on Windows
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_workbook(path: Path, rows: list[list]) -> Path:
    """The Adult Social Care case list as the case system's report exports it: a notes sheet first,
    then the list under title rows, with real Excel dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    notes = workbook.active
    notes.title = "About this report"
    notes.append(["Northfield Borough Council - case management system"])
    notes.append(["Report: ASC complaints case list (all stages)"])
    sheet = workbook.create_sheet("Case list")
    sheet.append(["Northfield Borough Council"])
    sheet.append(["Adult Social Care – complaints case list"])
    sheet.append([f"Exported {EXPORTED:%d/%m/%Y %H:%M} by the case management system"])
    sheet.append([])
    sheet.append(ASC_HEADER)
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for title_row in (1, 2, 3):
        sheet.merge_cells(start_row=title_row, start_column=1, end_row=title_row, end_column=len(ASC_HEADER))
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row][3:6]:
            if cell.value is not None:
                cell.number_format = "DD/MM/YYYY"
    workbook.properties.creator = "Northfield case management system"
    workbook.properties.created = EXPORTED
    workbook.save(path)
    _fix_timestamps(path)
    return path


def _fix_timestamps(path: Path) -> None:
    """openpyxl stamps the time of saving into the workbook: fix it, so the bytes never change."""
    stamp = EXPORTED.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as archive:
        parts = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                start = text.index('<dcterms:modified xsi:type="dcterms:W3CDTF">') + 44
                data = (text[:start] + stamp + text[start + 20 :]).encode("utf-8")
            archive.writestr(
                zipfile.ZipInfo(name, date_time=EXPORTED.timetuple()[:6]), data, zipfile.ZIP_DEFLATED
            )


def generate(out_dir: Path) -> list[Path]:
    """Write every Northfield export into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    asc, cs = [], []
    for year in YEARS:
        asc += stage1(rng_for(f"asc-{year}"), "asc", year, ASC_PLAN[year], "NBC-ASC")
        first = stage1(rng_for(f"cs-{year}"), "childrens", year, CS_PLAN[year], "NBC-CS")
        cs += first + escalations(rng_for(f"cs-later-{year}"), first, CS_PLAN[year], year)
    with_people(rng_for("people"), asc, "P")
    labels = ["Children’s Services", "Children's Social Care"]  # the export spells the service two ways
    cs_rows = sorted((cs_row(c, labels[n % 2]) for n, c in enumerate(cs)), key=lambda r: (r[0], r[2]))
    history = [[s, y, m, str(v)] for (s, y), values in HISTORY.items() for m, v in values.items()]
    context = [[s, f"{y}-{(y + 1) % 100:02d}", "service_users", str(v)] for (s, y), v in CONTEXT.items()]
    context += [
        [s, f"{y}-{(y + 1) % 100:02d}", "population", str(v)]
        for s in ("asc", "childrens")
        for y, v in POPULATION.items()
    ]
    ombudsman = [
        [f"LGSCO {y % 100:02d} {n + 100:03d} {'A' if s == 'asc' else 'C'}", "Adults" if s == "asc" else "Children’s",
         uk(received), uk(decided), investigated, decision, why, remedy, amount, area, summary]
        for n, (s, y, received, decided, investigated, decision, why, remedy, amount, area, summary)
        in enumerate(OMBUDSMAN)
    ]  # fmt: skip
    return [
        write_workbook(
            out_dir / "complaints_adults.xlsx", [asc_row(c) for c in sorted(asc, key=lambda c: c.reference)]
        ),
        write_csv(out_dir / "complaints_childrens.csv", CS_HEADER, cs_rows, "cp1252"),
        write_csv(
            out_dir / "enquiries_members.csv",
            ["Enquiry Ref", "Directorate", "Date Received", "Date Responded", "Service Area"],
            sorted(enquiry_rows(rng_for("enquiries"))),
            "cp1252",
        ),
        write_csv(
            out_dir / "compliments.csv",
            ["Compliment Ref", "Directorate", "Date Received", "Team", "Comment", "OK to publish"],
            sorted(compliment_rows(rng_for("compliments"))),
            "cp1252",
        ),
        write_csv(
            out_dir / "ombudsman_lgsco.csv",
            [
                "LGSCO Ref",
                "Directorate",
                "Date Received",
                "Decision Date",
                "Investigated?",
                "Decision",
                "Reason Not Investigated",
                "Remedy",
                "Remedy Amount",
                "Directorate Area",
                "Summary",
            ],
            ombudsman,
            "utf-8-sig",
        ),  # fmt: skip
        write_csv(
            out_dir / "history_published.csv", ["service", "year", "measure", "value"], history, "utf-8"
        ),
        write_csv(out_dir / "context.csv", ["service", "year", "measure", "value"], context, "utf-8"),
        write_csv(
            out_dir / "comparators.csv",
            ["council", "year", "service", "measure", "value"],
            [[c, "2022-23", s, m, str(v)] for c, s, m, v in COMPARATORS],
            "utf-8",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE / "data", help="folder to write into (default: data/)"
    )
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
