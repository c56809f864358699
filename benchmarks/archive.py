"""A synthetic archive of council exports for the benchmark: several councils, ten years.

Every kind of case export of the contract (section 2) with every contract column:
complaints (both services, Children's stages 2 and 3, statutory and corporate, rejected
ones, complainants and equality labels), Member enquiries, compliments with quotes and
publish flags, and Ombudsman cases with findings worded as the LGSCO words them. Each
council's exports are separate files (``complaints_c01.csv``...), as a shared archive would
hold them; half the councils write dates day first (03/04/2022), half ISO. References are
unique across councils, so the whole folder validates clean.

Seeded: the same ``--rows`` and ``--seed`` give the same bytes. Standard library only.

    python benchmarks/archive.py --rows 1000000 --out /tmp/archive
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
from pathlib import Path

from complaints_report.vocabulary import EXPORT_COLUMNS

COUNCILS = 8
YEARS = 10
# Shares of the rows by kind (complaints include their stage 2 and 3 rows).
SHARES = {"complaints": 0.72, "enquiries": 0.14, "compliments": 0.12, "ombudsman": 0.02}

COMPLAINT_COLUMNS = EXPORT_COLUMNS["complaints"]
ENQUIRY_COLUMNS = EXPORT_COLUMNS["enquiries"]
COMPLIMENT_COLUMNS = EXPORT_COLUMNS["compliments"]
OMBUDSMAN_COLUMNS = EXPORT_COLUMNS["ombudsman"]

SERVICE_LABELS = {
    "asc": ["asc", "Adult Social Care", "Adults"],
    "childrens": ["childrens", "Children's Services", "Children"],
}
ASC_AREAS = {
    "Assessment & care planning": ["Complex care", "Learning disabilities", "Hospital discharge", "Reviews"],
    "Home care": ["Homecare", "Reablement", "Day services"],
    "Residential care": ["Care homes", "Nursing placements"],
    "Charging": ["Financial assessments", "Direct payments"],
    "Safeguarding": ["Safeguarding adults"],
    "Mental health": ["Community mental health", "Approved mental health professionals"],
}
CHILDRENS_TEAMS = [
    "Access and Assessment",
    "Children in Need",
    "Looked After Children",
    "Leaving Care",
    "Fostering",
    "Adoption",
    "Disabled Children",
    "Early Help",
    "Family Support",
    "Education",
    "SEND",
    "Youth Offending",
]
CATEGORIES = [
    "Quality of service",
    "Service failure",
    "Failure to take action",
    "Staff attitude",
    "Assessment",
    "Communication",
    "Charging",
    "Delay",
    "Other",
]
OUTCOMES = ["Upheld"] * 20 + ["Partly upheld"] * 25 + ["Not upheld"] * 50 + ["Withdrawn"] * 5
REJECTIONS = ["Duplicate", "Not about this service", "Out of time", "Referred to another organisation"]
AGE_BANDS = ["0-17", "18-64", "65-74", "75-84", "85+", ""]
SEXES = ["Female", "Male", ""]
ETHNICITIES = ["White British", "White other", "Black", "Asian", "Mixed", "Other", ""]
DISABILITIES = ["Yes", "No", ""]
ENQUIRY_AREAS = [
    "Existing care arrangements",
    "Housing/OT",
    "New assessment",
    "Charging",
    "Safeguarding",
    "School places",
    "Transport",
    "Social work allocation",
    "Carers' support",
    "Equipment",
]
QUOTES = [
    "Thank you for your kindness and patience over these difficult months.",
    "The team listened and acted quickly; we are very grateful.",
    "Our social worker went above and beyond to help our family.",
    "The carers are always cheerful and respectful.",
    "Clear advice, a quick answer and a real difference to my mother's life.",
    "You treated my father with dignity and care.",
]
SUMMARIES = [
    "Delays in reviewing a care package",
    "Charges for a care home placement",
    "Quality of home care visits",
    "Mishandling of an application for help with school transport",
    "An assessment of a child's needs",
    "Communication about a hospital discharge",
]
REMEDIES = [
    "Apology and a payment for the distress caused",
    "Review the care plan and apologise",
    "Pay the complainant for the delay and review procedures",
]
REASONS = [
    "Premature: council complaints process not completed",
    "Outside jurisdiction",
    "Right of appeal not yet used",
]


def last_complete_year(today: date) -> int:
    """The start year of the last reporting year (1 April to 31 March) that has ended."""
    current = today.year if today.month >= 4 else today.year - 1
    return current - 1


class Council:
    """One council's exports: its own references, date format and random stream."""

    def __init__(self, number: int, first_year: int, today: date, seed: int):
        self.code = f"C{number:02d}"
        self.random = random.Random(seed * 1000 + number)
        self.uk_dates = number % 2 == 1
        self.first = date(first_year, 4, 1)
        self.days = (date(first_year + YEARS, 4, 1) - self.first).days
        self.latest = today - timedelta(days=1)
        self.labels = {service: self.random.choice(labels) for service, labels in SERVICE_LABELS.items()}

    def day(self) -> date:
        return self.first + timedelta(days=self.random.randrange(self.days))

    def after(self, day: date, low: int, high: int) -> date | None:
        later = day + timedelta(days=self.random.randint(low, high))
        return later if later <= self.latest else None

    def text(self, day: date | None) -> str:
        if day is None:
            return ""
        return f"{day.day:02d}/{day.month:02d}/{day.year}" if self.uk_dates else day.isoformat()

    def service(self) -> str:
        return "asc" if self.random.random() < 0.55 else "childrens"

    def complaints(self, count: int) -> list[list[str]]:
        self.people = max(1, count * 3 // 4)
        rows = []
        number = 0
        while len(rows) < count:
            number += 1
            service = self.service()
            received = self.day()
            reference = f"{self.code}-{'A' if service == 'asc' else 'K'}-{received.year}-{number:07d}"
            if service == "asc":
                area = self.random.choice(list(ASC_AREAS))
                team = self.random.choice(ASC_AREAS[area])
                procedure = ""
            else:
                team, area = self.random.choice(CHILDRENS_TEAMS), ""
                procedure = "Statutory" if self.random.random() < 0.7 else "Corporate"
            rows.append(self._complaint(reference, service, 1, procedure, received, team, area))
            answered, accepted = rows[-1][6], rows[-1][12] == "accepted"
            if service == "childrens" and answered and accepted and self.random.random() < 0.06:  # escalated
                for stage in (2, 3) if self.random.random() < 0.2 else (2,):
                    start = self.after(received, 30 * stage, 40 * stage)
                    if start is None:
                        break
                    rows.append(self._complaint(reference, service, stage, procedure, start, team, area))
        return rows[:count]

    def _complaint(
        self, reference: str, service: str, stage: int, procedure: str, received: date, team: str, area: str
    ) -> list[str]:
        r = self.random
        rejected = stage == 1 and r.random() < 0.03
        open_case = r.random() < 0.01
        responded = None if open_case else self.after(received, 1, 45 if stage == 1 else 80)
        outcome = "" if responded is None or rejected else r.choice(OUTCOMES)
        acknowledged = self.after(received, 0, 4) if r.random() < 0.9 else None
        return [
            reference,
            self.labels[service],
            str(stage),
            procedure,
            self.text(received),
            self.text(acknowledged),
            self.text(responded),
            "yes" if r.random() < 0.05 else "no",
            team,
            area,
            r.choice(CATEGORIES),
            outcome,
            "rejected" if rejected else "accepted",
            r.choice(REJECTIONS) if rejected else "",
            f"P{self.code}{r.randrange(self.people):07d}",  # some people complain more than once
            r.choice(AGE_BANDS),
            r.choice(SEXES),
            r.choice(ETHNICITIES),
            r.choice(DISABILITIES),
        ]

    def enquiries(self, count: int) -> list[list[str]]:
        rows = []
        for number in range(1, count + 1):
            received = self.day()
            rows.append(
                [
                    f"{self.code}-ME-{number:07d}",
                    self.labels[self.service()],
                    self.text(received),
                    self.text(self.after(received, 0, 12)),
                    self.random.choice(ENQUIRY_AREAS),
                ]
            )
        return rows

    def compliments(self, count: int) -> list[list[str]]:
        rows = []
        for number in range(1, count + 1):
            service = self.service()
            team = (
                self.random.choice(ASC_AREAS[self.random.choice(list(ASC_AREAS))])
                if service == "asc"
                else self.random.choice(CHILDRENS_TEAMS)
            )
            quote = self.random.choice(QUOTES) if self.random.random() < 0.3 else ""
            publish = ("yes" if self.random.random() < 0.5 else "no") if quote else ""
            rows.append(
                [
                    f"{self.code}-CMP-{number:07d}",
                    self.labels[service],
                    self.text(self.day()),
                    team,
                    quote,
                    publish,
                ]
            )
        return rows

    def ombudsman(self, count: int) -> list[list[str]]:
        rows = []
        r = self.random
        for number in range(1, count + 1):
            received = self.day()
            decided = self.after(received, 20, 200)
            investigated = decided is not None and r.random() < 0.4
            if investigated:
                finding = r.choice(
                    [
                        "Upheld: maladministration and injustice",
                        "Fault found",
                        "No fault",
                        "Not upheld: no fault",
                    ]
                )
                fault = finding.startswith(("Upheld", "Fault"))
                remedy = r.choice(REMEDIES) if fault else ""
                amount = f"£{r.randrange(1, 40) * 50}" if fault and r.random() < 0.6 else ""
                reason = ""
            else:
                finding = "Closed after initial enquiries" if decided else ""
                remedy, amount, reason = "", "", r.choice(REASONS)
            service = self.service()
            rows.append(
                [
                    f"{self.code}-LG-{number:06d}",
                    self.labels[service],
                    self.text(received),
                    self.text(decided),
                    "yes" if investigated else "no",
                    reason,
                    finding,
                    remedy,
                    amount,
                    r.choice(SUMMARIES) if investigated else "",
                    r.choice(list(ASC_AREAS)) if service == "asc" else "Children's social care",
                ]
            )
        return rows


def write_archive(folder: Path, rows: int = 1_000_000, seed: int = 2024, today: date | None = None) -> dict:
    """Write the archive into ``folder``; returns the rows written by kind and the years covered."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    last = last_complete_year(today)
    first = last - YEARS + 1
    written = dict.fromkeys(SHARES, 0)
    for number in range(1, COUNCILS + 1):
        council = Council(number, first, today, seed)
        for kind, columns in (
            ("complaints", COMPLAINT_COLUMNS),
            ("enquiries", ENQUIRY_COLUMNS),
            ("compliments", COMPLIMENT_COLUMNS),
            ("ombudsman", OMBUDSMAN_COLUMNS),
        ):
            count = max(1, round(rows * SHARES[kind] / COUNCILS))
            records = getattr(council, kind)(count)
            with open(
                folder / f"{kind}_{council.code.lower()}.csv", "w", encoding="utf-8", newline=""
            ) as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                writer.writerows(records)
            written[kind] += len(records)
    return {
        "rows": written,
        "total": sum(written.values()),
        "first_year": f"{first}-{(first + 1) % 100:02d}",
        "last_year": f"{last}-{(last + 1) % 100:02d}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows in all (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the exports into")
    arguments = parser.parse_args()
    summary = write_archive(arguments.out, arguments.rows, arguments.seed)
    print(
        f"Wrote {summary['total']:,} rows ({', '.join(f'{k} {v:,}' for k, v in summary['rows'].items())}) "
        f"for {summary['first_year']} to {summary['last_year']} into {arguments.out}"
    )


if __name__ == "__main__":
    main()
