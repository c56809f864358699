"""Write the bundled SYNTHETIC example exports into ``data/``.

    python data/generate_example.py            # rewrites data/*.csv in place
    python data/generate_example.py --out DIR  # writes them somewhere else

The files are calibrated so that the pipeline reproduces the figures of two published
Westminster City Council reports (Adult Social Care 2020/21 and Children's Services
2021/22); ``docs/reconciliation.md`` lists every published figure against what the
pipeline computes from these files. Nothing here is about a real person: references are
made up (``ASC-2020-0001``), there are no names, and compliment quotes are short
synthetic paraphrases without names or initials.

The output is deterministic: fixed seeds (one per section, so editing one section does not
reshuffle the others), rows sorted by reference, ``\\n`` line endings, UTF-8 without BOM.
Running it again reproduces the committed files byte for byte (tests/test_example_data.py
checks this).

Only the standard library is used, plus ``complaints_report.working_days`` so response
dates land on exactly the intended number of working days (bank holidays included).

The files show what the contract (section 2) accepts:

- ``complaints_asc.csv`` and ``complaints_childrens.csv`` are two separate exports that
  are stacked; the first writes dates UK day-first (``03/04/2021``), the second ISO;
- services written as a council's export would (``Adult Social Care``,
  ``Children's Services``, ``Children’s Services``) as well as ``asc``/``childrens``;
- outcomes as ``Partly upheld`` in one file and ``Partially upheld`` in the other;
- a blank ``area`` (= the team), a blank ``extension`` (= no), rejected complaints with a
  reason, open complaints with no response, complaints received on Saturdays, Sundays and
  bank holidays (including substitute days such as Tue 28 December 2021);
- remedy amounts written ``£800`` and ``300.00``.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "lib"))  # run from a checkout without installing

from complaints_report.vocabulary import EXPORT_COLUMNS  # noqa: E402
from complaints_report.working_days import add_working_days, is_working_day  # noqa: E402

SEED = 2021

COMPLAINT_COLUMNS = EXPORT_COLUMNS["complaints"]  # contract v2: complainant and equality monitoring too
ENQUIRY_COLUMNS = EXPORT_COLUMNS["enquiries"]
COMPLIMENT_COLUMNS = EXPORT_COLUMNS["compliments"]
OMBUDSMAN_COLUMNS = EXPORT_COLUMNS["ombudsman"]
HISTORY_COLUMNS = ["service", "year", "measure", "value"]
CONTEXT_COLUMNS = ["service", "year", "measure", "value"]
COMPARATOR_COLUMNS = ["council", "year", "service", "measure", "value"]

OUTCOME_LABELS = {
    "asc": {"upheld": "Upheld", "partly": "Partly upheld", "not": "Not upheld", "withdrawn": "Withdrawn"},
    "childrens": {
        "upheld": "Upheld",
        "partly": "Partially upheld",
        "not": "Not upheld",
        "withdrawn": "Withdrawn",
    },
}


def rng_for(section: str) -> random.Random:
    """A generator of its own for each section (string seeds are stable across runs)."""
    return random.Random(f"{SEED}/{section}")


def uk(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def year_days(start: int) -> list[date]:
    first = date(start, 4, 1)
    return [first + timedelta(days=n) for n in range((date(start + 1, 3, 31) - first).days + 1)]


def working_days_of(start: int, first: date | None = None, last: date | None = None) -> list[date]:
    days = [d for d in year_days(start) if is_working_day(d)]
    return [d for d in days if (first is None or d >= first) and (last is None or d <= last)]


def spread(rng: random.Random, start: int, count: int, last: date | None = None) -> list[date]:
    """``count`` working days spread over a reporting year (sorted)."""
    days = working_days_of(start, last=last)
    return sorted(rng.choice(days) for _ in range(count))


def pool(spec: dict) -> list:
    """``{"a": 2, "b": 1}`` -> ``["a", "a", "b"]`` (in the spec's order)."""
    return [name for name, count in spec.items() for _ in range(count)]


def band_days(rng: random.Random, band: str) -> int:
    return {
        "within_10": rng.randint(1, 10),
        "within_20": rng.randint(11, 20),
        "over_20": rng.randint(21, 38),
    }[band]


class Case:
    """One complaint at one stage, before it is written out."""

    def __init__(self, **fields):
        self.reference = None
        self.stage = 1
        self.procedure = "statutory"
        self.received: date | None = None
        self.ack_days: int | None = 2
        self.days: int | None = None  # working days to the response; None = open
        self.extension = False
        self.team = ""
        self.area = ""
        self.category = ""
        self.outcome = None  # key of OUTCOME_LABELS
        self.status = "accepted"
        self.rejection_reason = ""
        self.service = ""  # set in generate()
        self.person: Person | None = None  # who complained (see people()); None: not recorded
        self.__dict__.update(fields)

    @property
    def acknowledged(self) -> date | None:
        """Never after the response: a quick response is its own acknowledgement."""
        if self.ack_days is None:
            return None
        days = self.ack_days if self.days is None else min(self.ack_days, self.days)
        return add_working_days(self.received, days)

    @property
    def responded(self) -> date | None:
        return None if self.days is None else add_working_days(self.received, self.days)


def assign_bands(rng: random.Random, cases: list[Case], bands: dict, extended: dict) -> None:
    """Give each case a response time in its band; ``extended[band]`` of them had an extension agreed."""
    order = pool(bands)
    rng.shuffle(order)
    for case, band in zip(cases, order, strict=True):
        case.days = band_days(rng, band)
        case.band = band
    for band, count in extended.items():
        chosen = rng.sample([c for c in cases if c.band == band], count)
        for case in chosen:
            case.extension = True


def assign_acknowledgement(rng: random.Random, cases: list[Case], late: int, missing: int = 0) -> None:
    """Most acknowledged within 3 working days; ``late`` took 4-6; ``missing`` have no date recorded.

    Late acknowledgements go to complaints answered after a week or more.
    """
    slow = rng.sample([c for c in cases if c.days is None or c.days >= 7], late)
    rest = [c for c in cases if c not in slow]
    blank = rng.sample(rest, missing)
    for case in cases:
        if case in slow:
            case.ack_days = rng.randint(4, 6)
        elif case in blank:
            case.ack_days = None
        else:
            case.ack_days = rng.randint(0, 3)


def number(cases: list[Case], prefix: str) -> None:
    """References in order of receipt: ``ASC-2020-0001``..."""
    for n, case in enumerate(sorted(cases, key=lambda c: (c.received, c.team, c.category)), start=1):
        case.reference = f"{prefix}-{n:04d}"


# --------------------------------------------------------------------------- adult social care

# Table 1 of the ASC 2020/21 report: area -> {team: {category: count}}. Where the team is
# the area itself the export leaves `area` blank (the contract reads blank as the team).
ASC_2020_TEAMS = {
    "Assessment & care planning": {
        "Complex care": {
            "Quality of service": 11,
            "Service failure": 9,
            "Assessment": 6,
            "Communication": 6,
            "Delay": 3,
            "Staff attitude": 2,
            "Charging": 1,
        },
        "Learning disabilities": {
            "Quality of service": 2,
            "Assessment": 2,
            "Communication": 1,
            "Service failure": 1,
        },
    },
    "Charging/Finance": {"Charging/Finance": {"Charging": 4, "Delay": 1, "Communication": 1}},
    "Hospital SW Team": {"Hospital SW Team": {"Service failure": 1, "Communication": 1}},
    "Mental Health": {
        "Mental Health": {
            "Quality of service": 2,
            "Staff attitude": 2,
            "Service failure": 1,
            "Assessment": 1,
            "Delay": 1,
            "Communication": 1,
        }
    },
    "Older People's MH": {"Older People's MH": {"Quality of service": 1, "Staff attitude": 1}},
    "DFG/OT": {"DFG/OT": {"Delay": 1}},
    "Residential Care": {"Residential Care": {"Quality of service": 2}},
    "Homecare": {
        "Homecare": {"Quality of service": 7, "Service failure": 4, "Staff attitude": 2, "Communication": 1}
    },
    "Reablement & Medequip": {"Reablement & Medequip": {"Quality of service": 1}},
    "Other": {"Other": {"Service failure": 3, "Quality of service": 1, "Staff attitude": 1}},
}
# Outcomes by category: most upheld complaints were about quality of service or staff
# attitude (report: "Outcomes"); 20 upheld + 24 partly + 38 not upheld + 3 withdrawn.
ASC_2020_OUTCOMES = {
    "Quality of service": {"upheld": 10, "partly": 7, "not": 10},
    "Service failure": {"upheld": 3, "partly": 6, "not": 9, "withdrawn": 1},
    "Staff attitude": {"upheld": 5, "partly": 1, "not": 2},
    "Assessment": {"partly": 3, "not": 6},
    "Communication": {"upheld": 2, "partly": 4, "not": 5},
    "Delay": {"partly": 2, "not": 3, "withdrawn": 1},
    "Charging": {"partly": 1, "not": 3, "withdrawn": 1},
}
EXTERNAL_PROVIDERS = ("Homecare", "Residential Care", "Reablement & Medequip")

# 2019/20: 89 complaints, slightly more than 2020/21's 85; fewer answered within 10 days.
ASC_2019_TEAMS = {
    ("Assessment & care planning", "Complex care"): 40,
    ("Assessment & care planning", "Learning disabilities"): 7,
    ("Charging/Finance", "Charging/Finance"): 7,
    ("Hospital SW Team", "Hospital SW Team"): 3,
    ("Mental Health", "Mental Health"): 9,
    ("Older People's MH", "Older People's MH"): 3,
    ("DFG/OT", "DFG/OT"): 2,
    ("Residential Care", "Residential Care"): 3,
    ("Homecare", "Homecare"): 12,
    ("Reablement & Medequip", "Reablement & Medequip"): 2,
    ("Other", "Other"): 1,
}
ASC_2019_CATEGORIES = {
    "Quality of service": 26,
    "Service failure": 21,
    "Communication": 12,
    "Assessment": 11,
    "Staff attitude": 8,
    "Delay": 6,
    "Charging": 5,
}


def asc_2020(rng: random.Random) -> list[Case]:
    cases = []
    for area, teams in ASC_2020_TEAMS.items():
        for team, categories in teams.items():
            for category in pool(categories):
                cases.append(Case(team=team, area="" if area == team else area, category=category))
    # Outcomes: within each category, complaints about external providers are upheld first.
    for category, outcomes in ASC_2020_OUTCOMES.items():
        rows = [c for c in cases if c.category == category]
        rows.sort(key=lambda c: (c.team not in EXTERNAL_PROVIDERS, rng.random()))
        for case, outcome in zip(rows, pool(outcomes), strict=True):
            case.outcome = outcome
    # All 85 answered: 55 within 10 working days, 24 in 11-20, 6 over 20.
    assign_bands(
        rng, cases, {"within_10": 55, "within_20": 24, "over_20": 6}, {"within_20": 18, "over_20": 4}
    )
    assign_acknowledgement(rng, cases, late=3)
    received = spread(rng, 2020, len(cases))
    rng.shuffle(cases)
    for case, day in zip(cases, received, strict=True):
        case.received = day
    # Received on days that are not working days: they count from the next working day.
    for case, day in zip(
        cases[:5],
        [date(2020, 6, 13), date(2020, 8, 31), date(2020, 12, 28), date(2021, 1, 10), date(2020, 5, 8)],
        strict=True,
    ):
        case.received = day
    number(cases, "ASC-2020")
    return cases


def asc_2019(rng: random.Random) -> list[Case]:
    cases = [
        Case(area="" if area == team else area, team=team)
        for (area, team), count in ASC_2019_TEAMS.items()
        for _ in range(count)
    ]
    categories = pool(ASC_2019_CATEGORIES)
    rng.shuffle(categories)
    outcomes = pool({"upheld": 22, "partly": 21, "not": 42, "withdrawn": 4})
    rng.shuffle(outcomes)
    for case, category, outcome in zip(cases, categories, outcomes, strict=True):
        case.category, case.outcome = category, outcome
    assign_bands(
        rng, cases, {"within_10": 43, "within_20": 35, "over_20": 11}, {"within_20": 20, "over_20": 5}
    )
    assign_acknowledgement(rng, cases, late=6)
    for case, day in zip(cases, spread(rng, 2019, len(cases)), strict=True):
        case.received = day
    cases[0].received = date(2019, 12, 26)  # Boxing Day
    cases[1].received = date(2019, 11, 16)  # a Saturday
    number(cases, "ASC-2019")
    return cases


# --------------------------------------------------------------------------- children's services

# 2021/22: 63 accepted stage 1 complaints, 12 statutory and 51 corporate, by team.
CS_2021_TEAMS = {
    "Access and Assessment": {"statutory": 3, "corporate": 9},
    "SEN": {"corporate": 9},
    "Northeast Social Work team": {"statutory": 2, "corporate": 6},
    "Home to School transport": {"corporate": 8},
    "South Social Work team": {"statutory": 2, "corporate": 5},
    "Northwest Social Work team": {"statutory": 2, "corporate": 5},
    "Looked After Children and Leaving Care": {"statutory": 2, "corporate": 3},
    "Early Help": {"corporate": 3},
    "Disabled Children's team": {"statutory": 1, "corporate": 1},
    "Short Breaks": {"corporate": 2},
}
CS_2021_CATEGORIES = {
    "Quality of service": 23,
    "Failure to take action": 16,
    "Communication": 8,
    "Staff attitude": 6,
    "Delay": 4,
    "Assessment": 3,
    "Other": 3,
}
CS_2020_TEAMS = {
    "Access and Assessment": {"statutory": 4, "corporate": 7},
    "SEN": {"corporate": 8},
    "Northeast Social Work team": {"statutory": 2, "corporate": 5},
    "Home to School transport": {"corporate": 6},
    "South Social Work team": {"statutory": 2, "corporate": 5},
    "Northwest Social Work team": {"statutory": 2, "corporate": 4},
    "Looked After Children and Leaving Care": {"statutory": 3, "corporate": 2},
    "Early Help": {"corporate": 3},
    "Disabled Children's team": {"statutory": 1, "corporate": 1},
    "Short Breaks": {"corporate": 3},
}
CS_2020_CATEGORIES = {
    "Quality of service": 20,
    "Failure to take action": 13,
    "Communication": 9,
    "Staff attitude": 6,
    "Delay": 5,
    "Assessment": 3,
    "Other": 2,
}
NOT_ABOUT_CS = (
    "Housing",
    "Council Tax",
    "Parking",
    "Adult Social Care",
    "Schools admissions",
    "Environmental health",
)


def cs_cohort(
    rng: random.Random,
    start: int,
    teams: dict,
    categories: dict,
    outcomes: dict,
    bands: dict,
    extended: dict,
    late_ack: int,
    missing_ack: int,
) -> list[Case]:
    cases = [
        Case(team=team, procedure=procedure)
        for team, split in teams.items()
        for procedure, count in split.items()
        for _ in range(count)
    ]
    names = pool(categories)
    rng.shuffle(names)
    results = pool(outcomes)
    rng.shuffle(results)
    for case, category, outcome in zip(cases, names, results, strict=True):
        case.category, case.outcome = category, outcome
    assign_bands(rng, cases, bands, extended)
    assign_acknowledgement(rng, cases, late=late_ack, missing=missing_ack)
    for case, day in zip(cases, spread(rng, start, len(cases), last=date(start + 1, 3, 25)), strict=True):
        case.received = day
    rng.shuffle(cases)
    return cases


def rejected(
    rng: random.Random, start: int, accepted: list[Case], not_about: int, duplicates: int
) -> list[Case]:
    """Complaints logged but not accepted: not about Children's Services, or duplicates."""
    cases = []
    for _ in range(not_about):
        cases.append(
            Case(
                team=rng.choice(NOT_ABOUT_CS),
                category="Other",
                procedure="corporate",
                status="rejected",
                rejection_reason="Not about Children's Services",
                received=rng.choice(working_days_of(start)),
                days=rng.randint(1, 5),
            )
        )
    for original in rng.sample([c for c in accepted if c.procedure == "corporate"], duplicates):
        day = original.received + timedelta(days=rng.randint(1, 6))
        cases.append(
            Case(
                team=original.team,
                category=original.category,
                procedure="corporate",
                status="rejected",
                rejection_reason="Duplicate complaint",
                received=day,
                days=rng.randint(1, 3),
                original=original,
            )
        )
    return cases


def claim(
    cases: list[Case], used: set, *, outcome: tuple | None = None, band: str | None = None, **wanted
) -> Case:
    """Reserve a case for an escalation chain.

    The case is the first unused one (cases are in random order) with the wanted team and
    procedure. When its outcome or response band is not the one wanted, it swaps them with
    another unused case that has it, so the cohort's totals never change.
    """
    chosen = next(
        (c for c in cases if id(c) not in used and all(getattr(c, k) == v for k, v in wanted.items())), None
    )
    if chosen is None:
        raise LookupError(f"no case left with {wanted}")
    used.add(id(chosen))
    if outcome is not None and chosen.outcome not in outcome:
        other = next(c for c in cases if id(c) not in used and c.outcome in outcome)
        chosen.outcome, other.outcome = other.outcome, chosen.outcome
    if band is not None and chosen.band != band:
        other = next(c for c in cases if id(c) not in used and c.band == band)
        for name in ("band", "days", "extension"):
            mine, theirs = getattr(chosen, name), getattr(other, name)
            setattr(chosen, name, theirs)
            setattr(other, name, mine)
    return chosen


def next_working_day(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


# CS 4.3: "Some of this increase can be attributed to the Team receiving 14 complaints in a
# month from the same complainant." The example puts them in November 2021, about the
# non-statutory services a parent deals with most.
REPEAT_MONTH = (2021, 11)
REPEAT_COMPLAINTS = 14
REPEAT_TEAMS = ("SEN", "Home to School transport", "Access and Assessment", "Early Help")


def one_parent_in_november(rng: random.Random, cases: list[Case], taken: set) -> None:
    """Fourteen of the year's complaints come from one person within one month (see REPEAT_MONTH).

    Only the dates move (response times in working days stay), so every published figure holds.
    """
    free = [c for c in cases if id(c) not in taken and c.procedure == "corporate" and c.team in REPEAT_TEAMS]
    chosen = rng.sample(free, REPEAT_COMPLAINTS)
    year, month = REPEAT_MONTH
    days = [d for d in working_days_of(year - 1 if month < 4 else year) if (d.year, d.month) == REPEAT_MONTH]
    parent = Person("childrens")
    for case, day in zip(chosen, sorted(rng.sample(days, REPEAT_COMPLAINTS)), strict=True):
        case.received, case.person = day, parent


def childrens(rng: random.Random) -> list[Case]:
    """Children's Services 2020/21 and 2021/22, with the escalations between them."""
    prior = cs_cohort(
        rng,
        2020,
        CS_2020_TEAMS,
        CS_2020_CATEGORIES,
        {"upheld": 10, "partly": 9, "not": 37, "withdrawn": 2},
        {"within_10": 36, "within_20": 17, "over_20": 5},
        {"within_20": 7},
        late_ack=6,
        missing_ack=1,
    )
    current = cs_cohort(
        rng,
        2021,
        CS_2021_TEAMS,
        CS_2021_CATEGORIES,
        {"upheld": 12, "partly": 10, "not": 39, "withdrawn": 2},
        {"within_10": 44, "within_20": 15, "over_20": 4},
        {"within_20": 7},
        late_ack=6,
        missing_ack=2,
    )
    # Received on non-working days (Saturday, Sunday, bank holidays and their substitute days).
    for case, day in zip(
        current[:5],
        [date(2021, 5, 3), date(2021, 10, 16), date(2021, 12, 28), date(2021, 8, 30), date(2022, 1, 9)],
        strict=True,
    ):
        case.received = day
    prior[0].received = date(2020, 12, 26)  # Boxing Day (a Saturday)
    used = {id(c) for c in current[:5]} | {id(prior[0])}
    later: list[Case] = []
    answered = ("upheld", "partly", "not")

    def escalate(
        first: Case,
        stage: int,
        received: date,
        days: int | None,
        outcome: str | None,
        extension: bool = False,
    ) -> Case:
        previous = first if stage == 2 else later[-1]
        assert previous.responded is not None and received >= previous.responded, (first.reference, stage)
        case = Case(
            stage=stage,
            procedure=first.procedure,
            team=first.team,
            category=first.category,
            received=received,
            days=days,
            outcome=outcome,
            extension=extension,
            ack_days=2,
            first=first,
        )
        later.append(case)
        return case

    # Stage 3 requested in 2020/21 (care leaver): the panel was arranged late, which the
    # LGSCO later found to be fault (its case in 2021/22). Counted in 2020/21 by receipt.
    first = claim(
        prior,
        used,
        team="Looked After Children and Leaving Care",
        procedure="statutory",
        outcome=("not",),
        band="within_10",
    )
    first.received = date(2020, 4, 20)
    escalate(first, 2, date(2020, 6, 8), 58, "partly", extension=True)
    escalate(first, 3, date(2020, 9, 14), 190, "partly")
    # Stage 3 received in 2021/22 (Leaving Care Grant): stages 1 and 2 were in 2020/21.
    first = claim(
        prior,
        used,
        team="Looked After Children and Leaving Care",
        procedure="statutory",
        outcome=answered,
        band="within_20",
    )
    first.received = date(2020, 10, 19)
    escalate(first, 2, date(2020, 12, 2), 60, "partly", extension=True)
    escalate(first, 3, date(2021, 5, 24), 27, "not")
    # Other stage 2 complaints in 2020/21.
    for received, outcome in (
        (date(2020, 7, 6), "not"),
        (date(2020, 11, 9), "upheld"),
        (date(2021, 1, 11), "not"),
    ):
        first = claim(prior, used, procedure="corporate", outcome=answered, band="within_10")
        first.received = received
        escalate(
            first,
            2,
            next_working_day(first.responded + timedelta(days=rng.randint(7, 21))),
            rng.randint(12, 20),
            outcome,
        )

    # Stage 2 received in 2021/22: 12 = 4 statutory + 8 corporate. Statutory: two
    # partly upheld, two still open at the end of the year. Corporate: one upheld, one not
    # upheld, six withdrawn after the team met the complainant (the published table has
    # no withdrawn column; see docs/reconciliation.md).
    plan = [
        # (cohort, procedure, stage 1 received, stage 2 outcome, stage 2 working days, extension)
        (prior, "statutory", date(2021, 3, 1), "partly", 52, True),
        (current, "statutory", date(2021, 6, 7), "partly", 70, True),
        (current, "statutory", date(2022, 1, 17), None, None, True),
        (current, "statutory", date(2022, 2, 7), None, None, False),
        (prior, "corporate", date(2021, 3, 8), "upheld", 18, False),
        (prior, "corporate", date(2021, 3, 15), "withdrawn", 9, False),
        (prior, "corporate", date(2021, 2, 22), "withdrawn", 6, False),
        (current, "corporate", date(2021, 5, 10), "not", 19, False),
        (current, "corporate", date(2021, 7, 12), "withdrawn", 11, False),
        (current, "corporate", date(2021, 9, 20), "withdrawn", 8, False),
        (current, "corporate", date(2021, 11, 8), "withdrawn", 14, False),
        (current, "corporate", date(2022, 1, 24), "withdrawn", 5, False),
    ]
    for cohort, procedure, received, outcome, days, extension in plan:
        late_in_year = received.month in (1, 2, 3)
        first = claim(
            cohort, used, procedure=procedure, outcome=answered, band="within_10" if late_in_year else None
        )
        first.received = received
        gap = timedelta(days=rng.randint(5, 20))
        case = escalate(
            first, 2, next_working_day(max(first.responded + gap, date(2021, 4, 6))), days, outcome, extension
        )
        assert date(2021, 4, 1) <= case.received <= date(2022, 3, 31), case.received

    rejected_cases = rejected(rng, 2020, prior, not_about=3, duplicates=1)
    rejected_cases += rejected(rng, 2021, current, not_about=8, duplicates=4)
    originals = {id(c.original) for c in rejected_cases if hasattr(c, "original")}
    one_parent_in_november(rng_for("childrens-repeat"), current, used | originals)
    number(prior + [c for c in rejected_cases if c.received < date(2021, 4, 1)], "CS-2020")
    number(current + [c for c in rejected_cases if c.received >= date(2021, 4, 1)], "CS-2021")
    for case in later:
        case.reference = case.first.reference
    return prior + current + rejected_cases + later


# --------------------------------------------------------------------------- who complained

# Equality monitoring labels (contract section 2: free labels, blank = not recorded). Ethnic
# groups are the ONS 2021 Census high-level groups; the shares are ILLUSTRATIVE, loosely shaped
# like an inner London borough, not Westminster's records. ASC complaints are often made by a
# relative of an older person; Children's complaints mostly by parents.
AGE_BANDS = {
    "asc": {"18-24": 2, "25-44": 10, "45-64": 34, "65-74": 18, "75-84": 20, "85+": 16},
    "childrens": {"Under 18": 6, "18-24": 8, "25-44": 58, "45-64": 26, "65+": 2},
}
SEXES = {"Female": 60, "Male": 38, "Prefer not to say": 2}
ETHNIC_GROUPS = {
    "White": 52,
    "Asian or Asian British": 16,
    "Black, Black British, Caribbean or African": 11,
    "Mixed or Multiple ethnic groups": 7,
    "Other ethnic group": 14,
}
DISABILITY = {
    "asc": {"Yes": 55, "No": 40, "Prefer not to say": 5},
    "childrens": {"Yes": 18, "No": 77, "Prefer not to say": 5},
}
# Share of people for whom each column was left blank (not asked, or not answered).
NOT_RECORDED = {"age_band": 0.08, "sex": 0.04, "ethnicity": 0.18, "disability": 0.3}
# Per cohort of accepted stage 1 complaints: how many people complained more than once that
# year ({complaints each: people}), and how many complaints were anonymous (no complainant).
REPEATS = {
    ("asc", 2019): {2: 2},
    ("asc", 2020): {2: 3, 3: 1},
    ("childrens", 2020): {2: 2},
    ("childrens", 2021): {2: 3},  # besides the parent with 14 (one_parent_in_november)
}
ANONYMOUS = 2
# People with one complaint in each of two years: never a repeat complainant in either year.
ACROSS_YEARS = {"asc": 3, "childrens": 2}


class Person:
    """Someone who complained: a pseudonymous identifier (given in generate()) and equality labels."""

    def __init__(self, service: str):
        self.service = service
        self.identifier = ""
        self.labels: dict[str, str] = {}


def weighted(rng: random.Random, shares: dict) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


def describe(rng: random.Random, person: Person) -> None:
    """Equality labels for one person, some left blank as a real export has them."""
    drawn = {
        "age_band": weighted(rng, AGE_BANDS[person.service]),
        "sex": weighted(rng, SEXES),
        "ethnicity": weighted(rng, ETHNIC_GROUPS),
        "disability": weighted(rng, DISABILITY[person.service]),
    }
    person.labels = {
        column: "" if rng.random() < NOT_RECORDED[column] else label for column, label in drawn.items()
    }


def people(rng: random.Random, cases: list[Case]) -> None:
    """Who made each complaint: mostly one complaint a person, some repeat complainants, a few anonymous.

    A later stage is made by the person who made its stage 1, a duplicate by the person who
    made the original; identifiers run ``P-0001``... in order of each person's first complaint.
    """
    stage1 = [c for c in cases if c.stage == 1]
    duplicated = {id(c.original) for c in stage1 if hasattr(c, "original")}
    for service, start in sorted(REPEATS):
        cohort = [
            c
            for c in stage1
            if c.service == service
            and c.status == "accepted"
            and year_of(c.received) == start
            and c.person is None
        ]
        rng.shuffle(cohort)
        for size, count in sorted(REPEATS[(service, start)].items()):
            for _ in range(count):
                person = Person(service)
                for case in (cohort.pop() for _ in range(size)):
                    case.person = person
        for case in [c for c in cohort if id(c) not in duplicated][:ANONYMOUS]:
            case.anonymous = True  # a duplicate names its original's complainant: never anonymous
    for service, count in sorted(ACROSS_YEARS.items()):
        singles = {
            start: [
                c
                for c in stage1
                if c.service == service
                and c.status == "accepted"
                and year_of(c.received) == start
                and c.person is None
                and not getattr(c, "anonymous", False)
            ]
            for start in sorted({start for s, start in REPEATS if s == service})
        }
        earlier, later_year = (singles[start] for start in sorted(singles))
        for first, second in zip(rng.sample(earlier, count), rng.sample(later_year, count), strict=True):
            first.person = second.person = Person(service)
    for case in sorted(stage1, key=lambda c: (c.received, c.reference)):
        if case.person is None and not getattr(case, "anonymous", False):
            original = getattr(case, "original", None)
            case.person = original.person if original is not None else Person(case.service)
    for case in cases:
        if case.stage > 1:
            case.person = case.first.person
    everyone = []
    for case in sorted(stage1, key=lambda c: (c.received, c.reference)):
        if case.person is not None and case.person not in everyone:
            everyone.append(case.person)
    for n, person in enumerate(everyone, start=1):
        person.identifier = f"P-{n:04d}"
        describe(rng, person)


def year_of(day: date) -> int:
    """The reporting year (by its first calendar year) a date falls in."""
    return day.year if day.month >= 4 else day.year - 1


# --------------------------------------------------------------------------- other inputs

ASC_ENQUIRY_AREAS = {
    "Care and support requests": 78,
    "Existing care arrangements": 61,
    "Mental Health": 34,
    "Finance/Charging": 22,
    "Housing/OT": 20,
    "Other": 18,
}
ASC_ENQUIRY_AREAS_2019 = {
    "Care and support requests": 83,
    "Existing care arrangements": 64,
    "Mental Health": 33,
    "Finance/Charging": 25,
    "Housing/OT": 21,
    "Other": 15,
}


def enquiries(rng: random.Random, start: int, areas: dict, late: int) -> list[list[str]]:
    """Member enquiries: all answered, all but ``late`` within 5 working days."""
    names = pool(areas)
    rng.shuffle(names)
    received = spread(rng, start, len(names))
    received[3] = date(start, 9, 12) if start == 2020 else date(start, 9, 14)  # a Saturday
    timely = ["late"] * late + ["ok"] * (len(names) - late)
    rng.shuffle(timely)
    rows = []
    for n, (area, day, kind) in enumerate(zip(names, sorted(received), timely, strict=True), start=1):
        days = rng.randint(6, 15) if kind == "late" else rng.choice((1, 2, 2, 3, 3, 4, 5))
        rows.append([f"ME-ASC-{start}-{n:04d}", "asc", uk(day), uk(add_working_days(day, days)), area])
    return rows


# Compliments: (team, count) and the quotes. Quotes are synthetic paraphrases of the kinds of
# thanks the published reports print, with no names or initials. Only publish=yes quotes
# may appear in a report; the publish=no ones are there to prove they never do.
ASC_COMPLIMENTS = {
    "North Complex Team": 5,
    "Reablement": 5,
    "Information & Advice (I&A) Team": 4,
    "Homecare": 3,
    "South Complex Team": 2,
    "Learning Disabilities": 2,
    "Hospital Social Work Team": 1,
}
ASC_QUOTES = [
    (
        "North Complex Team",
        "yes",
        "The staff on duty took the time to listen to me, and the whole experience was really positive.",
    ),
    (
        "Reablement",
        "yes",
        "Thank you for looking after me so kindly. The alarm, the new stair rail, the equipment and the "
        "carers "
        "have all helped, and sorting out the finances took a weight off my mind.",
    ),
    (
        "Information & Advice (I&A) Team",
        "yes",
        "I cannot thank you enough for your compassion. After so many agencies explained their procedures "
        "to me, "
        "your call was a breath of fresh air: you treat people with dignity and care.",
    ),
    (
        "Homecare",
        "yes",
        "The carers are always cheerful and on time, and my father looks forward to their visits.",
    ),
    (
        "North Complex Team",
        "no",
        "PRIVATE - do not publish: thanks for the help after the hospital discharge, but please keep my "
        "family's "
        "situation out of any report.",
    ),
    (
        "Reablement",
        "no",
        "PRIVATE - do not publish: the carer who visited at weekends went far beyond her duties.",
    ),
]
CS_COMPLIMENTS = {
    "Early Help": 14,
    "Access and Assessment": 10,
    "SEN": 7,
    "Northeast Social Work team": 5,
    "South Social Work team": 5,
    "Northwest Social Work team": 5,
    "Looked After Children and Leaving Care": 4,
    "Home to School transport": 4,
    "Short Breaks": 2,
    "Disabled Children's team": 1,
    "Customer Relationship team": 1,
}
CS_QUOTES = [
    (
        "Access and Assessment",
        "yes",
        "The support you have given has been amazing. My son is in a better place and is talking to his "
        "family "
        "again, and that is down to your hard work.",
    ),
    (
        "Access and Assessment",
        "yes",
        "The meeting was great and I was very glad to be included. Please pass my thanks to everyone who "
        "came.",
    ),
    ("Short Breaks", "yes", "You offer amazing opportunities and a safe place for children to play."),
    ("SEN", "yes", "Thank you for all the hard work that went into getting my child's EHCP in place."),
    (
        "SEN",
        "yes",
        "Thank you for listening, for your suggestions and for your reassurance: it makes a big difference.",
    ),
    (
        "Northeast Social Work team",
        "yes",
        "A highly professional social worker who is flexible and really understands the young person and "
        "the family.",
    ),
    ("Early Help", "yes", "A fantastic service. They helped me so much."),
    (
        "Early Help",
        "yes",
        "Things were very different before I started working with my key worker. I look at things "
        "differently now "
        "and I have changed so much.",
    ),
    (
        "South Social Work team",
        "yes",
        "The family asked us to pass on their gratitude to the whole team for its support.",
    ),
    (
        "Northwest Social Work team",
        "yes",
        "The support we have received from you and your team has been amazing.",
    ),
    (
        "Looked After Children and Leaving Care",
        "yes",
        "Thank you for all your help and support since I arrived in this country. My life changed for the "
        "better.",
    ),
    ("Customer Relationship team", "yes", "I cannot believe how quickly you all work. Thank you."),
    ("Home to School transport", "yes", "You are always so responsive and helpful."),
    (
        "Disabled Children's team",
        "yes",
        "The review conference went really well; you clearly have a good working relationship with the "
        "family.",
    ),
    (
        "Early Help",
        "no",
        "PRIVATE - do not publish: you helped my children and me get away from a dangerous situation at "
        "home.",
    ),
    (
        "Northwest Social Work team",
        "no",
        "PRIVATE - do not publish: thank you for everything you did during the court case.",
    ),
]


def compliments(
    rng: random.Random, service: str, label: str, start: int, teams: dict, quotes: list, prefix: str
) -> list[list[str]]:
    slots = pool(teams)
    rng.shuffle(slots)
    days = spread(rng, start, len(slots))
    rows = []
    remaining = list(quotes)
    for n, (team, day) in enumerate(zip(slots, days, strict=True), start=1):
        quote = next((q for q in remaining if q[0] == team), None)
        if quote is not None:
            remaining.remove(quote)
        rows.append(
            [
                f"{prefix}-{n:04d}",
                label if n % 4 else service,
                iso(day),
                team,
                "" if quote is None else quote[2],
                "" if quote is None else quote[1],
            ]
        )
    assert not remaining, f"quotes left without a compliment: {remaining}"
    rows.sort(key=lambda r: r[2])
    for n, row in enumerate(rows, start=1):  # references in order of receipt
        row[0] = f"{prefix}-{n:04d}"
    return rows


def ombudsman_rows() -> list[list[str]]:
    """LGSCO cases, written by hand: each is a story the published reports tell."""
    cases = [
        # ASC 2019/20 (the year before): five cases; one decided in 2020/21 with a public report.
        (
            "LGSCO-ASC-2019-01",
            "asc",
            date(2019, 5, 13),
            date(2019, 11, 4),
            "yes",
            "",
            "No fault",
            "",
            "",
            "Charges for a care home placement",
            "Charging",
        ),
        (
            "LGSCO-ASC-2019-02",
            "asc",
            date(2019, 7, 22),
            date(2019, 9, 2),
            "no",
            "Premature: council complaints process not completed",
            "Referred back for local resolution",
            "",
            "",
            "",
            "Assessment & care planning",
        ),
        (
            "LGSCO-ASC-2019-03",
            "asc",
            date(2019, 9, 30),
            date(2020, 9, 21),
            "yes",
            "",
            "Fault found (public report)",
            "Apology, payment and service-wide review of care package reviews; all completed",
            "£500",
            "Delays in reviewing a care package",
            "Assessment & care planning",
        ),
        (
            "LGSCO-ASC-2019-04",
            "asc",
            date(2019, 12, 9),
            date(2020, 2, 17),
            "no",
            "Outside jurisdiction",
            "Closed after initial enquiries",
            "",
            "",
            "",
            "Residential care",
        ),
        (
            "LGSCO-ASC-2019-05",
            "asc",
            date(2020, 2, 3),
            date(2020, 10, 12),
            "yes",
            "",
            "No fault",
            "",
            "",
            "Quality of home care visits",
            "Home care",
        ),
        # ASC 2020/21: one case, referred after the LGSCO resumed work in July 2020.
        (
            "LGSCO-ASC-2020-01",
            "asc",
            date(2020, 10, 14),
            date(2021, 3, 22),
            "yes",
            "",
            "Fault found, remedied by council",
            "Council reinstated the Direct Payment and reviewed the plan before the LGSCO finished; "
            "the LGSCO accepted the council's remedy",
            "",
            "A Direct Payment plan stopped for lack of evidence of how it was used",
            "Assessment & care planning",
        ),
        # Children's 2020/21: three cases.
        (
            "LGSCO-CS-2020-01",
            "childrens",
            date(2020, 8, 3),
            date(2020, 9, 14),
            "no",
            "Premature: council complaints process not completed",
            "Referred back for local resolution",
            "",
            "",
            "",
            "Children's social care",
        ),
        (
            "LGSCO-CS-2020-02",
            "childrens",
            date(2020, 11, 16),
            date(2021, 6, 7),
            "yes",
            "",
            "No fault",
            "",
            "",
            "An assessment of a child's needs",
            "Children's social care",
        ),
        (
            "LGSCO-CS-2020-03",
            "childrens",
            date(2021, 2, 8),
            date(2021, 3, 15),
            "no",
            "Outside jurisdiction",
            "Closed after initial enquiries",
            "",
            "",
            "",
            "Education",
        ),
        # Children's 2021/22: six cases, three investigated, all with fault found.
        (
            "LGSCO-CS-2021-01",
            "childrens",
            date(2021, 4, 26),
            date(2021, 5, 24),
            "no",
            "Outside jurisdiction",
            "Closed after initial enquiries",
            "",
            "",
            "",
            "Children's social care",
        ),
        (
            "LGSCO-CS-2021-02",
            "childrens",
            date(2021, 6, 14),
            date(2021, 12, 6),
            "yes",
            "",
            "Fault found",
            "Pay the parent for transport costs incurred between the application and the start of transport",
            "£800",
            "Mishandling of an application for help with school transport",
            "Education",
        ),
        (
            "LGSCO-CS-2021-03",
            "childrens",
            date(2021, 7, 19),
            date(2021, 8, 16),
            "no",
            "Right of appeal not yet used",
            "Closed after initial enquiries",
            "",
            "",
            "",
            "Education",
        ),
        (
            "LGSCO-CS-2021-04",
            "childrens",
            date(2021, 9, 6),
            date(2022, 1, 17),
            "yes",
            "",
            "Fault found",
            "Revise the home to school transport policy so decision letters give the full reasons, with "
            "reference "
            "to the policy",
            "",
            "The Transport Independent Appeal Panel refused help with home to school transport "
            "without clear reasons",
            "Education",
        ),
        (
            "LGSCO-CS-2021-05",
            "childrens",
            date(2021, 10, 11),
            date(2021, 11, 1),
            "no",
            "Premature: council complaints process not exhausted (LADO decision)",
            "Referred back for local resolution",
            "",
            "",
            "",
            "Children's social care",
        ),
        (
            "LGSCO-CS-2021-06",
            "childrens",
            date(2021, 11, 22),
            date(2022, 3, 14),
            "yes",
            "",
            "Fault found",
            "Pay the complainant for the delay in arranging the stage 3 panel",
            "300.00",
            "A care leaver unhappy with the support of the Leaving Care team; delay in processing her "
            "stage 3 request "
            "in 2020",
            "Children's social care",
        ),
    ]
    return [[c[0], c[1], iso(c[2]), iso(c[3]), *c[4:]] for c in cases]


HISTORY = [
    # SYNTHETIC, not published anywhere: ASC 2016/17 complaints, so that the five-year trend
    # (complaints_trend) has five years. Graph 1 of the seed shows only three.
    ("asc", "2016-17", "complaints_received", 111),
    # SYNTHETIC, not published anywhere: Children's complaints received 2017/18 to 2019/20. The
    # seed gives only 2020/21 (58 accepted, which the case data reproduces); these make its
    # five-year trend. Received, rejected ones included, as the contract's complaints_received.
    ("childrens", "2017-18", "complaints_received", 71),
    ("childrens", "2018-19", "complaints_received", 66),
    ("childrens", "2019-20", "complaints_received", 68),
    # Published figures for years before case-level data (ASC graphs 1, 3 and 4).
    ("asc", "2016-17", "ombudsman_received", 6),
    ("asc", "2017-18", "complaints_received", 104),
    ("asc", "2017-18", "ombudsman_received", 8),
    ("asc", "2018-19", "complaints_received", 97),
    ("asc", "2018-19", "complaints_accepted", 97),
    ("asc", "2018-19", "upheld", 24),
    ("asc", "2018-19", "partly_upheld", 21),
    ("asc", "2018-19", "not_upheld", 47),
    ("asc", "2018-19", "withdrawn", 5),
    ("asc", "2018-19", "upheld_or_partly_pct", 49),
    ("asc", "2018-19", "within_10_pct", 41),
    ("asc", "2018-19", "ombudsman_received", 7),
    ("asc", "2018-19", "member_enquiries", 262),
    ("asc", "2018-19", "member_enquiries_within_5_pct", 86),
]


# ILLUSTRATIVE context (contract section 2): what the counts are set against. Not official
# statistics: round figures of the right size for an inner London borough. `population` is all
# residents (as the LGSCO's complaints per 100,000 residents); `service_users` is people who
# received long-term adult social care, or children supported by children's social care
# (children in need, on a plan or looked after), during the year.
CONTEXT = [
    ("asc", "2019-20", "population", 206_100),
    ("asc", "2019-20", "service_users", 3_140),
    ("asc", "2020-21", "population", 204_300),
    ("asc", "2020-21", "service_users", 3_050),
    ("childrens", "2020-21", "population", 204_300),
    ("childrens", "2020-21", "service_users", 1_640),
    ("childrens", "2021-22", "population", 204_900),
    ("childrens", "2021-22", "service_users", 1_710),
]

# FICTIONAL comparators (contract section 2): six made-up councils "like us", never real
# council names, with plausible values of the section 4 measures for both example years and
# the years before them. Six gives an even number, so each median is the mean of the middle two.
COMPARATOR_COUNCILS = [f"Comparator council {letter}" for letter in "ABCDEF"]
COMPARATOR_VALUES = {
    # (service, year, measure): one value per council, A to F
    ("asc", "2019-20", "complaints_per_1000_service_users"): (24.1, 31.6, 19.8, 27.3, 35.2, 22.4),
    ("asc", "2019-20", "complaints_per_100k_population"): (38.5, 51.2, 29.7, 44.0, 57.9, 35.3),
    ("asc", "2019-20", "stage1_within_timescale_pct"): (61, 74, 58, 69, 80, 66),
    ("asc", "2019-20", "ombudsman_upheld_pct"): (71, 64, 80, 57, 75, 68),
    ("asc", "2020-21", "complaints_per_1000_service_users"): (21.7, 29.9, 18.2, 25.8, 33.0, 20.5),
    ("asc", "2020-21", "complaints_per_100k_population"): (35.1, 48.3, 27.4, 41.6, 54.2, 32.9),
    ("asc", "2020-21", "stage1_within_timescale_pct"): (65, 77, 60, 72, 83, 68),
    ("asc", "2020-21", "ombudsman_upheld_pct"): (75, 67, 83, 60, 78, 70),
    ("childrens", "2020-21", "complaints_per_1000_service_users"): (41.3, 29.8, 52.6, 36.1, 47.4, 33.5),
    ("childrens", "2020-21", "complaints_per_100k_population"): (30.2, 22.7, 38.9, 27.5, 34.8, 25.1),
    ("childrens", "2020-21", "stage1_within_timescale_pct"): (68, 59, 77, 71, 63, 82),
    ("childrens", "2020-21", "escalation_pct"): (12, 8, 15, 10, 18, 9),
    ("childrens", "2020-21", "ombudsman_upheld_pct"): (67, 75, 50, 80, 60, 71),
    ("childrens", "2021-22", "complaints_per_1000_service_users"): (43.8, 31.2, 55.0, 38.4, 49.9, 35.7),
    ("childrens", "2021-22", "complaints_per_100k_population"): (32.0, 23.9, 40.6, 29.1, 36.3, 26.8),
    ("childrens", "2021-22", "stage1_within_timescale_pct"): (71, 62, 79, 74, 66, 84),
    ("childrens", "2021-22", "escalation_pct"): (11, 7, 14, 9, 16, 8),
    ("childrens", "2021-22", "ombudsman_upheld_pct"): (70, 78, 55, 83, 64, 75),
}


def comparator_rows() -> list[list[str]]:
    return [
        [council, year, service, measure, str(value)]
        for (service, year, measure), values in COMPARATOR_VALUES.items()
        for council, value in zip(COMPARATOR_COUNCILS, values, strict=True)
    ]


# --------------------------------------------------------------------------- writing


def complaint_row(case: Case, service: str, label: str, date_text) -> list[str]:
    outcome = "" if case.outcome is None else OUTCOME_LABELS[service][case.outcome]
    if service == "asc":
        extension = "yes" if case.extension else ""
        procedure = ""  # ASC follows the statutory 2009 regulations; the loader fills it in
    else:
        extension = "yes" if case.extension else "no"
        procedure = {"statutory": "Statutory", "corporate": "Non-statutory"}[case.procedure]
    return [
        case.reference,
        label,
        str(case.stage),
        procedure,
        date_text(case.received),
        date_text(case.acknowledged),
        date_text(case.responded),
        extension,
        case.team,
        case.area,
        case.category,
        outcome,
        "" if case.status == "accepted" else "Rejected",
        case.rejection_reason,
        "" if case.person is None else case.person.identifier,
        *(("", "", "", "") if case.person is None else (case.person.labels[c] for c in PERSON_COLUMNS)),
    ]


PERSON_COLUMNS = ("age_band", "sex", "ethnicity", "disability")


def write(path: Path, columns: list[str], rows: list[list]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def sort_key(row: list) -> tuple:
    return (row[0], row[2])


def generate(out_dir: Path) -> list[Path]:
    """Write every example export into ``out_dir``; returns the paths written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    asc_cases = asc_2019(rng_for("asc-2019")) + asc_2020(rng_for("asc-2020"))
    cs_cases = childrens(rng_for("childrens"))
    for service, cases in (("asc", asc_cases), ("childrens", cs_cases)):
        for case in cases:
            case.service = service
    people(rng_for("people"), asc_cases + cs_cases)
    for case in asc_cases + cs_cases:
        assert case.responded is None or case.responded <= date(2022, 12, 31), case.reference
    asc_rows = sorted((complaint_row(c, "asc", "Adult Social Care", uk) for c in asc_cases), key=sort_key)
    cs_rows = sorted(
        (complaint_row(c, "childrens", "Children's Services", iso) for c in cs_cases), key=sort_key
    )
    enquiry_rows = enquiries(rng_for("enquiries-2019"), 2019, ASC_ENQUIRY_AREAS_2019, late=24) + enquiries(
        rng_for("enquiries-2020"), 2020, ASC_ENQUIRY_AREAS, late=12
    )
    compliment_rows = compliments(
        rng_for("compliments-asc"),
        "asc",
        "Adult Social Care",
        2020,
        ASC_COMPLIMENTS,
        ASC_QUOTES,
        "CMP-ASC-2020",
    ) + compliments(
        rng_for("compliments-cs"),
        "childrens",
        "Children’s Services",
        2021,
        CS_COMPLIMENTS,
        CS_QUOTES,
        "CMP-CS-2021",
    )
    return [
        write(out_dir / "complaints_asc.csv", COMPLAINT_COLUMNS, asc_rows),
        write(out_dir / "complaints_childrens.csv", COMPLAINT_COLUMNS, cs_rows),
        write(out_dir / "enquiries.csv", ENQUIRY_COLUMNS, sorted(enquiry_rows)),
        write(out_dir / "compliments.csv", COMPLIMENT_COLUMNS, sorted(compliment_rows)),
        write(out_dir / "ombudsman.csv", OMBUDSMAN_COLUMNS, sorted(ombudsman_rows())),
        write(
            out_dir / "history.csv", HISTORY_COLUMNS, [[s, y, m, str(v)] for s, y, m, v in sorted(HISTORY)]
        ),
        write(
            out_dir / "context.csv", CONTEXT_COLUMNS, [[s, y, m, str(v)] for s, y, m, v in sorted(CONTEXT)]
        ),
        write(out_dir / "comparators.csv", COMPARATOR_COLUMNS, sorted(comparator_rows())),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: data/)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
