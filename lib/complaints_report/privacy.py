"""No personal data in a published report: a scan of every free text that can reach one.

The published folder holds no personal data and no case reference (contract section 4). What
can reach it is scanned:

- the narrative: every Markdown file of the year's content folder and the values of its
  ``meta.yml`` (council, team, contact...), each finding named by file and line;
- the exports, for the service and the years the report can show (this year and the four
  before it, the span of the contract's ``complaints_trend``; wider than any one table, so a
  text cannot slip out through a table or comparison added later): complaint ``team``,
  ``area``, ``category``, ``rejection_reason`` and the equality labels; enquiry
  ``service_area``; compliment ``team`` and, where ``publish = yes``, ``quote``; Ombudsman
  ``summary``, ``remedy``, ``reason_not_investigated``, ``finding`` (as worded) and ``area``.
  Each finding names the file, the spreadsheet row, the reference and the column.

It looks for email addresses, UK telephone numbers, NHS numbers, postcodes and the case
references of every input file (any kind, service or year). The team's own published contact
details are allowed through ``allowed_identifiers`` in the year's ``meta.yml``. Findings are
warnings; with ``--strict`` the build refuses to publish.

The scan takes time in proportion to the amount of text, whatever the number of references:
each distinct text of a column is scanned once, its words are read once, and each run of
words is looked up in a set of the references (:class:`ReferenceIndex`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from complaints_report.problems import location

if TYPE_CHECKING:  # the build passes its loaded inputs; importing them here would load pandas early
    import pandas as pd

    from complaints_report.loading import Inputs
    from complaints_report.years import ReportingYear

EMAIL = "email address"
PHONE = "telephone number"
NHS_NUMBER = "NHS number"
POSTCODE = "postcode"
CASE_REFERENCE = "case reference"

PATTERNS = {
    EMAIL: re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+"),
    # UK numbers as written: 020 7361 2552, 07700 900123, +44 20 7946 0958, 0800 587 0072
    PHONE: re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)"),
    # NHS numbers are ten digits, usually written 3-3-4 (NHS Digital, "NHS number" data standard)
    NHS_NUMBER: re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{4}(?!\d)"),
    # UK postcodes (Royal Mail PAF format: outward code, space, inward code; inward letters exclude C I K M O V)
    POSTCODE: re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b"),
}
ARTICLES = {EMAIL: "an", NHS_NUMBER: "an"}

YEARS_BEFORE = 4  # the report can show this year and the four before it (contract: complaints_trend)

# The free-text columns of each kind of export that can reach a published file. ``quote`` is
# scanned only where ``publish = yes`` (no other quote is ever published).
SCANNED_COLUMNS = {
    "complaints": (
        "team",
        "area",
        "category",
        "rejection_reason",
        "age_band",
        "sex",
        "ethnicity",
        "disability",
    ),
    "enquiries": ("service_area",),
    "compliments": ("team", "quote"),
    "ombudsman": ("summary", "remedy", "reason_not_investigated", "finding_wording", "area"),
}
# Frame columns the analyst knows by another name: the Ombudsman's wording is the file's 'finding'.
COLUMN_IN_FILE = {"finding_wording": "finding"}

ADVICE_IDENTIFIER = (
    "Remove it, or if it is the team's own published contact, add it to allowed_identifiers in meta.yml"
)
ADVICE_REFERENCE = "Remove it: case references are never published"


@dataclass(frozen=True)
class Finding:
    """Something that looks like personal data or a case reference, and where it is.

    ``row`` is the spreadsheet row as the analyst sees it (header = row 1) for an export,
    ``line`` the line of a narrative file. ``more_rows`` counts the other rows of the same
    file holding the same text in the same column (a team name is on many rows).
    """

    file: str
    kind: str
    value: str
    row: int | None = None
    line: int | None = None
    reference: str | None = None
    column: str | None = None
    more_rows: int = 0

    def where(self) -> str:
        text = location(self.file, line=self.line, row=self.row, reference=self.reference, column=self.column)
        if self.more_rows:
            text += (
                f" (and {self.more_rows:,} more row{'s' if self.more_rows != 1 else ''} with the same text)"
            )
        return text

    def __str__(self) -> str:
        advice = ADVICE_REFERENCE if self.kind == CASE_REFERENCE else ADVICE_IDENTIFIER
        article = ARTICLES.get(self.kind, "a")
        return f"{self.where()}: looks like {article} {self.kind} ('{self.value}'). {advice}"


# --------------------------------------------------------------------------- allowed identifiers


def _normal(text: str) -> str:
    return re.sub(r"[\s()+-]", "", text.lower())


class Allowed:
    """The team's published contact details (``allowed_identifiers``), compared ignoring case,
    spaces, brackets, ``+`` and ``-`` (so ``020 7361 2552`` allows ``020-7361-2552``)."""

    def __init__(self, identifiers: Iterable[object] = ()):
        self.normal = {_normal(str(a)) for a in identifiers or () if a is not None and str(a).strip()}

    def __contains__(self, value: str) -> bool:
        found = _normal(value)
        return found in self.normal or any(found in allowed for allowed in self.normal)


# --------------------------------------------------------------------------- case references

# A word of a reference or a text: letters and digits (ASC-2020-0012 has three: asc, 2020, 0012).
_WORD = re.compile(r"[^\W_]+")
# What may join the words of a reference: any run of spaces, hyphens, dashes, slashes, backslashes
# and underscores counts as one joiner, and every joiner matches every other, so ASC-2020-0012 is
# found written "ASC 2020 0012", "asc/2020/0012" or "ASC – 2020 – 0012". Any other separator
# ("#", ",") must stand in the text as it stands in the reference, spaces around it aside.
_JOINERS = " \t\f\v\u00a0\u2007\u202f-/_\\\u2010\u2011\u2012\u2013\u2014\u2015"
_AS_JOINER = str.maketrans(dict.fromkeys(_JOINERS + "\r\n", "-"))
_AS_JOINER_KEEPING_LINES = str.maketrans(dict.fromkeys(_JOINERS + "\r", "-"))
_JOINER_RUN = re.compile("--+")
_NOT_PLAIN = str.maketrans("", "", string.ascii_letters + string.digits)  # leaves joiners and the rest
_WITHOUT_DIGITS = str.maketrans("", "", string.digits)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
MIN_REFERENCE_CHARACTERS = 4  # shorter references (C1, 12) would match ordinary words and numbers


def _join(separator: str) -> str:
    """The canonical form of what stands between two words: '-' for joiners, else the other
    characters without the joiners around them ('REF #123' and 'REF#123' are the same)."""
    joined = _JOINER_RUN.sub("-", separator.translate(_AS_JOINER))
    return joined if joined == "-" else joined.strip("-")


def _canonical_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The canonical form of the words of a text at ``spans`` and what stands between them."""
    parts = [text[spans[0][0] : spans[0][1]]]
    for (_, before), (after, end) in zip(spans, spans[1:], strict=False):
        parts += [_join(text[before:after]), text[after:end]]
    return "".join(parts)


class ReferenceIndex:
    """The case references of the input files, held so a text is checked against all of them in
    one pass over its words (time in proportion to the text, not to the number of references).

    A reference is found where its words stand in a text in order, joined by any joiner
    (see ``_JOINERS``), whatever the case of its letters: references usually hold a digit, so
    ``asc-2020-0012`` is still ASC-2020-0012. A reference without any digit (rare) is found
    only with its letters in the same case, so it does not match an ordinary word. References
    with fewer than four letters and digits, and four-digit ones that read as a year, are not
    looked for: they would match ordinary text.
    """

    def __init__(self, references: Iterable[object] = ()):
        self.folded: set[str] = set()  # canonical form, case-folded: references with a digit
        self.exact: set[str] = set()  # canonical form as written: references without one
        self.first_words: set[str] = set()  # case-folded
        lengths: set[int] = set()  # how many words references have
        self.probes = 0  # look-ups made by find() so far: the measure of the scan's work (tests read it)
        # Every reference made canonical at once, one a line: a few passes in C over one text
        # rather than regular expressions for each reference (a million take about a second).
        texts = [str(r) for r in references if r is not None]
        lines = "\n".join(texts)
        if lines.count("\n") != max(len(texts) - 1, 0) or "\r" in lines:  # a reference with a line break
            lines = "\n".join(" ".join(text.splitlines()) for text in texts)
        canonical = _JOINER_RUN.sub("-", lines.translate(_AS_JOINER_KEEPING_LINES))
        columns = (
            canonical.split("\n"),
            canonical.casefold().split("\n"),
            canonical.translate(_NOT_PLAIN).split("\n"),  # '--' for ASC-2020-0012
            canonical.translate(_WITHOUT_DIGITS).split("\n"),
        )
        for line, folded, rest, without_digits in zip(*columns, strict=True):
            if rest.strip("-") or not (line[:1].isalnum() and line[-1:].isalnum()):
                # punctuation, other letters or spaces around it: read its words one by one
                spans = [m.span() for m in _WORD.finditer(line)]
                line = _canonical_text(line, spans) if spans else ""
                count, characters = len(spans), sum(end - start for start, end in spans)
                folded, has_digit = line.casefold(), bool(_DIGIT.search(line))
                first = folded[: spans[0][1] - spans[0][0]] if spans else ""
            else:  # ASCII letters and digits joined by '-': count them from the lengths
                count, characters = len(rest) + 1, len(line) - len(rest)
                first, has_digit = folded.partition("-")[0], len(without_digits) != len(line)
            if characters < MIN_REFERENCE_CHARACTERS or (characters == 4 and _YEAR.fullmatch(line)):
                continue
            lengths.add(count)
            self.first_words.add(first)
            if has_digit:
                self.folded.add(folded)
            else:
                self.exact.add(line)
        self.lengths: tuple[int, ...] = tuple(sorted(lengths, reverse=True))

    @classmethod
    def from_inputs(cls, inputs: Inputs) -> ReferenceIndex:
        """Every reference of every input file, of any kind, service or year."""
        return cls(input_references(inputs))

    def __len__(self) -> int:
        return len(self.folded) + len(self.exact)

    def find(self, text: str) -> list[str]:
        """The references in a text, as written there; the longest where two start at one word.

        Each word is looked up once in the first words of the references; only where one
        starts a reference are the runs of words after it (one per length of reference) made
        canonical and looked up.
        """
        if not self.first_words:
            return []
        spans = [m.span() for m in _WORD.finditer(text)]
        found = []
        position = 0
        while position < len(spans):
            step = 1
            start, end = spans[position]
            self.probes += 1
            if text[start:end].casefold() in self.first_words:
                for count in self.lengths:
                    if position + count > len(spans):
                        continue
                    last = spans[position + count - 1][1]
                    candidate = _canonical_text(text, spans[position : position + count])
                    self.probes += 1
                    if candidate.casefold() in self.folded or candidate in self.exact:
                        found.append(text[start:last])
                        step = count
                        break
            position += step
        return found


def input_references(inputs: Inputs) -> list[str]:
    """Every case reference of the input files (any kind, service or year), once each, in the
    order they were read."""
    import numpy as np
    import pandas as pd

    columns = [
        inputs.frame(kind)["reference"].dropna().to_numpy(dtype=object)
        for kind in ("complaints", "enquiries", "compliments", "ombudsman")
        if "reference" in inputs.frame(kind).columns
    ]
    if not columns:
        return []
    return [str(reference) for reference in pd.unique(np.concatenate(columns))]


@dataclass
class References:
    """The case references of the inputs, listed once each and indexed: made once for a build's
    services (indexing a million references takes a second or two)."""

    listed: list[str]
    index: ReferenceIndex

    @classmethod
    def from_inputs(cls, inputs: Inputs) -> References:
        listed = input_references(inputs)
        return cls(listed, ReferenceIndex(listed))


# --------------------------------------------------------------------------- scanning a text


class Scanner:
    """Scans one text for identifiers (except those allowed) and case references."""

    def __init__(self, allowed: Allowed, references: ReferenceIndex):
        self.allowed = allowed
        self.references = references

    def scan(self, text: str) -> list[tuple[str, str]]:
        """(kind, value) of everything found in a text, once each, in the order of PATTERNS."""
        found = []
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(text):
                if match.group(0) not in self.allowed:
                    found.append((kind, match.group(0)))
        found += [(CASE_REFERENCE, reference) for reference in self.references.find(text)]
        return list(dict.fromkeys(found))


def _index(references: ReferenceIndex | Iterable[object] | None) -> ReferenceIndex:
    if isinstance(references, ReferenceIndex):
        return references
    return ReferenceIndex(references or ())


# --------------------------------------------------------------------------- the narrative


def scan_narrative(
    folder: Path,
    allowed: Iterable[object] = (),
    references: ReferenceIndex | Iterable[object] | None = None,
) -> list[Finding]:
    """Findings in a year's narrative folder: each Markdown file line by line, and meta.yml."""
    from complaints_report import content

    scanner = Scanner(Allowed(allowed), _index(references))
    folder = Path(folder)
    findings = []
    for path in sorted(folder.glob("*.md")):
        shown = content.shown_path(path)
        for number, line in enumerate(content.read_text(path).splitlines(), start=1):
            findings += [Finding(shown, kind, value, line=number) for kind, value in scanner.scan(line)]
    meta = folder / content.META_FILE
    if meta.exists():
        findings += _scan_meta(meta, scanner)
    return findings


def _scan_meta(path: Path, scanner: Scanner) -> list[Finding]:
    """The values of meta.yml that a report can show (everything but allowed_identifiers)."""
    import yaml

    from complaints_report import content

    text = content.read_text(path)
    try:
        meta = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return []  # content.read_meta reports a broken meta.yml with its own message
    lines = text.splitlines()
    findings = []
    for value in _leaves({k: v for k, v in meta.items() if k != "allowed_identifiers"}):
        for kind, found in scanner.scan(value):
            line = next(
                (n for n, t in enumerate(lines, start=1) if found in t and not t.lstrip().startswith("#")),
                None,
            )
            findings.append(Finding(content.shown_path(path), kind, found, line=line))
    return list(dict.fromkeys(findings))


def _leaves(value: object) -> list[str]:
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in _leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    return [] if value is None else [str(value)]


# --------------------------------------------------------------------------- the exports


def scan_inputs(
    inputs: Inputs,
    service: str,
    year: ReportingYear,
    allowed: Iterable[object] = (),
    references: ReferenceIndex | Iterable[object] | None = None,
) -> list[Finding]:
    """Findings in the free texts of the exports that a service's report for a year can publish.

    ``references`` defaults to every reference of ``inputs``; pass a :class:`ReferenceIndex`
    to reuse one across services.
    """
    scanner = Scanner(
        Allowed(allowed), ReferenceIndex.from_inputs(inputs) if references is None else _index(references)
    )
    findings = []
    for kind, columns in SCANNED_COLUMNS.items():
        rows = _published_rows(inputs.frame(kind), service, year)
        for column in columns:
            if column not in rows.columns:
                continue
            selected = rows
            if kind == "compliments" and column == "quote" and "publish" in rows.columns:
                selected = rows[rows["publish"] == True]  # noqa: E712 - a boolean column
            if kind == "complaints" and column == "area" and "team" in rows.columns:
                selected = rows[rows["area"] != rows["team"]]  # a blank area is read as the team's name
            findings += scan_column(selected, column, scanner)
    return sorted(findings, key=lambda f: (f.file, f.row or 0, f.column or "", f.kind, f.value))


def _published_rows(frame: pd.DataFrame, service: str, year: ReportingYear) -> pd.DataFrame:
    """The rows of a service received in the years its report can show."""
    import numpy as np
    import pandas as pd

    from complaints_report.years import ReportingYear

    if frame.empty or "service" not in frame.columns or "received" not in frame.columns:
        return frame.iloc[0:0]
    received = pd.to_datetime(frame["received"], errors="coerce")
    first = np.datetime64(ReportingYear(year.start - YEARS_BEFORE).first_day, "D")
    end = np.datetime64(year.next.first_day, "D")
    return frame[(frame["service"] == service) & (received >= first) & (received < end)]


def scan_column(rows: pd.DataFrame, column: str, scanner: Scanner) -> list[Finding]:
    """Findings in one column: each distinct text is scanned once, then its rows are located."""
    import pandas as pd

    values = rows[column]
    present = values.notna()
    flagged: dict[str, list[tuple[str, str]]] = {}
    for text in values[present].unique():
        found = scanner.scan(str(text))
        if found:
            flagged[text] = found
    if not flagged:
        return []
    hits = rows.loc[present & values.isin(list(flagged))]
    hits = hits.sort_values(["source_file", "source_row"], kind="stable")
    findings = []
    shown = COLUMN_IN_FILE.get(column, column)
    for (file, text), group in hits.groupby(["source_file", column], sort=False):
        first = group.iloc[0]
        reference = first.get("reference")
        for kind, value in flagged[text]:
            findings.append(
                Finding(
                    str(file),
                    kind,
                    value,
                    row=int(first["source_row"]),
                    reference=None if reference is None or pd.isna(reference) else str(reference),
                    column=shown,
                    more_rows=len(group) - 1,
                )
            )
    return findings


# --------------------------------------------------------------------------- named texts


def scan(
    texts: dict[str, str],
    references: ReferenceIndex | Iterable[object] | None = None,
    allowed: Iterable[object] | None = None,
) -> list[Finding]:
    """Findings in texts named by where they come from (the name is the finding's ``file``)."""
    scanner = Scanner(Allowed(allowed or ()), _index(references))
    findings = [
        Finding(name, kind, value) for name, text in texts.items() for kind, value in scanner.scan(text or "")
    ]
    return list(dict.fromkeys(findings))
