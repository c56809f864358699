"""The example exports and narrative rewritten as an attacker, or a careless user, would write them.

``write_hostile_inputs(folder, service)`` copies the bundled example data and the year's
narrative into ``folder`` and puts a hostile value (:data:`PAYLOADS`) into every free-text
column that reaches a published file: complaint category, team, area, rejection reason and
equality labels; Member enquiry service area; compliment team and published quote; Ombudsman
summary, remedy, reason not investigated, finding wording and area; the council and team in
``meta.yml``. A compliment quote with ``publish = no`` carries :data:`UNPUBLISHED` and must
never reach a published file.

Every payload holds a token ``hx<NN>`` of its own: wherever the token shows, the whole payload
must show around it as written (when any part of a payload became markup, its token shows
without the payload around it).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from complaints_report import paths

YEARS = {"asc": "2020-21", "childrens": "2021-22"}
SERVICE_LABELS = {"asc": "Adult Social Care", "childrens": "Children's Services"}
COMPLAINT_FILES = {"asc": "complaints_asc.csv", "childrens": "complaints_childrens.csv"}
REMOTE_HOST = "remote.invalid"
LOCAL_FILE_TEXT = "LOCAL-FILE-CONTENT-must-never-be-read"  # the file an <img src="/..."> points at
UNPUBLISHED = "Unpublished hx99z remark: this quote is marked publish = no"
TOKEN = re.compile(r"hx\d\d[a-z]")
# Each column's payloads carry its own letter in their tokens (hx01a is the first payload as a category).
COLUMN_CODES = {
    "category": "a",
    "team": "b",
    "area": "c",
    "rejection_reason": "d",
    "age_band": "e",
    "sex": "f",
    "ethnicity": "g",
    "disability": "h",
    "service_area": "i",
    "compliment team": "j",
    "quote": "k",
    "summary": "l",
    "remedy": "m",
    "reason_not_investigated": "n",
    "finding": "o",
    "ombudsman area": "p",
    "council": "q",
    "meta team": "r",
}
TEMPLATES = [
    # the payloads
    "<img src=x onerror=\"document.title='PWNED'\"> Quality of service TKN",
    "<script>document.title='PWNED';alert('TKN')</script> Thank you",
    "[TKN](javascript:alert(1))",
    '<img src="LOCAL"> Homecare TKN',
    f'<img src="http://{REMOTE_HOST}/TKN.png"> Reablement TKN',
    "Team @home TKN",
    "Fee $5 and $10 TKN",
    "$$x TKN$$",
    # Markdown, Quarto and Typst syntax
    "**bold TKN**",
    "# heading TKN",
    "- item TKN",
    "1. item TKN",
    "> quote TKN",
    "{{< include _quarto.yml >}} TKN",
    "{{< meta title >}} TKN",
    "`{python} 1+1` TKN",
    '#read("/etc/passwd") TKN',
    "#set page(width: 2cm) TKN",
    "@sec-x TKN",
    "$ TKN",
    "#TKN",
    "<TKN>",
    "a | b TKN",
    "C:\\temp\\ TKN \\",
    "line one\nline two\r\nTKN",
    "bell\x07 escape\x1b delete\x7f TKN",
    # formula prefixes (a leading tab or carriage return is trimmed when the export is read)
    '=HYPERLINK("http://x","y") TKN',
    "+SUM(1,2) TKN",
    "-2+3 TKN",
    "@SUM(A1:A2) TKN",
    "\t=1+1 TKN",
    "\r=2+2 TKN",
    # more of the same kinds
    "<!-- TKN -->",
    "&amp; &lt;b&gt; TKN",
    "~~strike TKN~~ ~sub~ ^sup^",
    f"<https://{REMOTE_HOST}/TKN>",
    f"![TKN](http://{REMOTE_HOST}/TKN.png)",
    "[@sec-x] TKN [^1]",
    "::: {.callout-note} TKN",
    "<style>body{display:none}</style> TKN",
    f'<iframe src="http://{REMOTE_HOST}/TKN"></iframe> TKN',
    '<a href="file:///etc/passwd">TKN</a>',
    '#import "x.typ": * TKN',
    "*TKN* _TKN_ = heading",
    "<TKN> label] [bracket",
    "\"quoted\" 'single' it’s ’TKN’",
    "```{=html} TKN",
    "<b onmouseover=\"document.title='PWNED'\">TKN</b>",
    "a -? b ... -1 TKN",
    "x < y > z & w | v TKN",
    "vertical\x0btab form\x0cfeed next\x85line TKN",
]
LONG = len(TEMPLATES)  # the 5,000-character name is the last payload


def long_name(token: str) -> str:
    """A 5,000-character name (words, so that a page can wrap it), its token at both ends."""
    words = f"{token} " + "Very long team name " * 260
    return words[: 5000 - len(token) - 1].rstrip() + " " + token


def payloads(column: str, local_file: Path) -> list[str]:
    """Every hostile value for one column, each with its own token. ``local_file`` is an existing
    file an image points at."""
    code = COLUMN_CODES[column]
    values = [
        template.replace("TKN", f"hx{number:02d}{code}").replace("LOCAL", str(local_file))
        for number, template in enumerate(TEMPLATES)
    ]
    return [*values, long_name(f"hx{LONG:02d}{code}")]


@dataclass
class HostileInputs:
    """Where the hostile exports are, and which payloads each column was given."""

    service: str
    year: str
    data: Path
    content: Path
    local_file: Path
    columns: dict[str, list[str]] = field(default_factory=dict)  # column -> payloads given, as written
    references: set[str] = field(default_factory=set)  # every case reference of the exports
    complainants: set[str] = field(default_factory=set)  # every complainant identifier

    def given(self) -> list[str]:
        """Every payload given to any column."""
        return [value for values in self.columns.values() for value in values]


def _rewrite(path: Path, change) -> None:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for row in rows:
        change(row)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _iso(text: str) -> str:
    """An export date (ISO or day/month/year) as ISO, for comparing."""
    if "/" in text:
        day, month, year = text.split("/")
        return f"{year}-{month}-{day}"
    return text


def _in_year(text: str, year: str) -> bool:
    start = int(year[:4])
    return bool(text) and f"{start}-04-01" <= _iso(text) <= f"{start + 1}-03-31"


class _Cycle:
    """Hands out one column's payloads, recording which were given: each once (from a place of
    the column's own), then a few of them again and again, so that some lead by a clear margin
    (as an export's commonest categories do) and a chart's title names one or two of them."""

    def __init__(self, hostile: HostileInputs, column: str):
        values = payloads(column, hostile.local_file)
        start = 3 * list(COLUMN_CODES).index(column) % LONG
        once = values[start:] + values[:start]
        leaders = [values[(start + step) % LONG] for step in (0, 0, 0, 0, 5, 5, 5, 6, 6, 7)]
        self.order = once + leaders
        self.leaders = len(leaders)
        self.given = hostile.columns.setdefault(column, [])
        self.at = 0

    def __call__(self) -> str:
        first = len(self.order) - self.leaders
        at = self.at if self.at < first else first + (self.at - first) % self.leaders
        value = self.order[at]
        self.at += 1
        if value not in self.given:
            self.given.append(value)
        return value


def write_hostile_inputs(folder: Path, service: str) -> HostileInputs:
    """Copy the example exports and the year's narrative into ``folder`` with hostile values."""
    folder = Path(folder)
    year = YEARS[service]
    data = folder / "data"
    content = folder / "content"
    shutil.copytree(paths.DATA_DIR, data)
    shutil.copytree(paths.CONTENT_DIR / year / service, content / year / service)
    local_file = folder / "local-file.png"
    local_file.write_text(LOCAL_FILE_TEXT, encoding="utf-8")
    hostile = HostileInputs(service, year, data, content, local_file)

    for name in (*COMPLAINT_FILES.values(), "compliments.csv", "ombudsman.csv", "enquiries.csv"):
        with open(data / name, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                hostile.references.add(row["reference"])
                if row.get("complainant"):
                    hostile.complainants.add(row["complainant"])

    cycle = {
        column: _Cycle(hostile, column) for column in COLUMN_CODES if column not in ("council", "meta team")
    }
    equality = ("age_band", "sex", "ethnicity", "disability")
    rejected = {"n": 0}

    def complaint(row: dict) -> None:
        if not _in_year(row["received"], year):
            return
        # Adult Social Care's example rejects none: three are rejected here, so that a reason is given.
        if row["status"].strip().lower() == "rejected" or (service == "asc" and rejected["n"] < 3):
            rejected["n"] += 1
            row["status"], row["outcome"] = "Rejected", ""
            row["rejection_reason"] = cycle["rejection_reason"]()
            return  # a rejected complaint is in no breakdown: its category, team... are never shown
        if row["stage"].strip() != "1":
            return  # the breakdowns count stage 1 complaints: a later stage's category is never shown
        for column in ("category", "team", "area", *equality):
            row[column] = cycle[column]()

    _rewrite(data / COMPLAINT_FILES[service], complaint)

    def enquiry(row: dict) -> None:
        if row["service"] == service and _in_year(row["received"], year):
            row["service_area"] = cycle["service_area"]()

    _rewrite(data / "enquiries.csv", enquiry)
    unpublished = {"n": 0}

    def compliment(row: dict) -> None:
        if row["service"].replace("’", "'") != SERVICE_LABELS[service] or not _in_year(row["received"], year):
            return
        row["team"] = cycle["compliment team"]()
        if row["publish"] == "yes":
            row["quote"] = cycle["quote"]()
        elif unpublished["n"] < 2:
            unpublished["n"] += 1
            row["quote"], row["publish"] = UNPUBLISHED, "no"

    _rewrite(data / "compliments.csv", compliment)
    if not unpublished["n"]:
        raise AssertionError("the example has no unpublished compliment to carry the unpublished quote")

    def ombudsman(row: dict) -> None:
        if row["service"] != service or not _in_year(row["received"], year):
            return
        row["area"] = cycle["ombudsman area"]()
        if row["investigated"] == "yes":  # only investigated cases are listed, with their summary
            row["summary"], row["remedy"] = cycle["summary"](), cycle["remedy"]()
            # the finding is read from how the Ombudsman's wording begins; the rest is free text
            begins = "No fault: " if row["finding"].lower().startswith("no fault") else "Fault found: "
            row["finding"] = begins + cycle["finding"]()
        else:
            row["reason_not_investigated"] = cycle["reason_not_investigated"]()

    _rewrite(data / "ombudsman.csv", ombudsman)

    council, team = payloads("council", local_file), payloads("meta team", local_file)
    # an element, a Typst function call and Typst shorthands, in the title page's subtitle
    hostile.columns["council"] = [f"{council[0]} {council[16]} {council[48]}"]
    hostile.columns["meta team"] = [team[5] + " " + team[18]]  # an @-reference twice over
    meta_path = content / year / service / "meta.yml"
    meta = meta_path.read_text(encoding="utf-8")
    # a JSON string is a YAML double-quoted string
    meta = re.sub(
        r"(?m)^council: .*$", lambda _: "council: " + json.dumps(hostile.columns["council"][0]), meta
    )
    meta = re.sub(r"(?m)^team: .*$", lambda _: "team: " + json.dumps(hostile.columns["meta team"][0]), meta)
    meta_path.write_text(meta, encoding="utf-8")
    return hostile
