"""The words councils' exports use for services, stages, procedures, outcomes and columns.

Each vocabulary maps the many spellings found in case-management exports to one canonical
value (contract section 2). Matching ignores case, spaces, hyphens, underscores and
apostrophes, so "Children’s Services", "childrens services" and "CHILDRENS-SERVICES" agree.
A council whose export uses other labels adds them in a mapping file (``mapping.yaml`` in
its data folder) rather than editing code; see :func:`load_mapping`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

SERVICES = {
    "asc": ["asc", "adult social care", "adults", "adult", "adult services"],
    "childrens": [
        "childrens",
        "children's services",
        "children’s services",
        "children",
        "childrens services",
    ],
}
SERVICE_NAMES = {"asc": "Adult Social Care", "childrens": "Children's Services"}

PROCEDURES = {
    "statutory": ["statutory"],
    "corporate": ["corporate", "non-statutory", "non statutory", "nonstatutory"],
}

OUTCOMES = {
    "upheld": ["upheld", "fully upheld", "upheld in full"],
    "partly_upheld": ["partly upheld", "partially upheld", "part upheld"],
    "not_upheld": ["not upheld"],
    "withdrawn": ["withdrawn"],
}
OUTCOME_LABELS = {
    "upheld": "Upheld",
    "partly_upheld": "Partly upheld",
    "not_upheld": "Not upheld",
    "withdrawn": "Withdrawn",
    "open": "Open",
}

# Ombudsman (LGSCO) findings (contract section 2). The Ombudsman's own decision wording is read by
# how it begins: "Upheld: maladministration and injustice" and "Upheld: fault, no injustice" are
# fault found; "Not upheld: no fault" is no fault; "Closed after initial enquiries - out of
# jurisdiction" is closed. Any other wording is bad input unless mapping.yaml maps it.
FINDINGS = {
    "fault_found": ["fault found"],
    "no_fault": ["no fault"],
    "closed_after_initial_enquiries": ["closed after initial enquiries"],
}
FINDING_PREFIXES = {  # checked in this order: "not upheld" before "upheld"
    "not upheld": "no_fault",
    "no fault": "no_fault",
    "upheld": "fault_found",
    "fault found": "fault_found",
    "closed after initial enquiries": "closed_after_initial_enquiries",
}

STATUSES = {"accepted": ["accepted"], "rejected": ["rejected", "not accepted"]}
YES_NO = {True: ["yes", "y", "true", "1"], False: ["no", "n", "false", "0"]}
STAGES = {1: ["1", "stage 1", "one"], 2: ["2", "stage 2", "two"], 3: ["3", "stage 3", "three"]}

# Equality monitoring columns of the complaints export (contract section 2): free labels, blank = not recorded.
EQUALITY_COLUMNS = ("age_band", "sex", "ethnicity", "disability")
# What a `context` file may give, per service and year (contract section 2).
CONTEXT_MEASURES = ("population", "service_users")

# Column names of each input kind (contract section 2); required ones first.
COLUMNS = {
    "complaints": {
        "required": ["reference", "service", "stage", "received", "team", "category"],
        "optional": [
            "procedure",
            "acknowledged",
            "responded",
            "extension",
            "area",
            "outcome",
            "status",
            "rejection_reason",
            # pseudonymous person identifier (never published) and equality monitoring labels
            "complainant",
            *EQUALITY_COLUMNS,
        ],
    },
    "enquiries": {
        "required": ["reference", "service", "received"],
        "optional": ["responded", "service_area"],
    },
    "compliments": {
        "required": ["reference", "service", "received", "team"],
        "optional": ["quote", "publish"],
    },
    "ombudsman": {
        "required": ["reference", "service", "received", "investigated"],
        "optional": [
            "decided",
            "reason_not_investigated",
            "finding",
            "remedy",
            "remedy_amount",
            "summary",
            "area",
        ],
    },
    "history": {"required": ["service", "year", "measure", "value"], "optional": []},
    "context": {"required": ["service", "year", "measure", "value"], "optional": []},
    "comparators": {"required": ["council", "year", "service", "measure", "value"], "optional": []},
}
KINDS = tuple(COLUMNS)


def key(text: object) -> str:
    """The matching key of a label: lower case, without spaces, hyphens, underscores, apostrophes."""
    return re.sub(r"[\s\-_'’‘`.]", "", str(text).strip().lower())


@dataclass
class Vocabulary:
    """A lookup from any accepted spelling to the canonical value."""

    name: str
    synonyms: dict
    prefixes: dict = field(default_factory=dict)  # a label beginning with one of these -> canonical
    _lookup: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lookup = {}
        for canonical, spellings in self.synonyms.items():
            self._lookup[key(canonical)] = canonical
            for spelling in spellings:
                self._lookup[key(spelling)] = canonical

    def add(self, spelling: str, canonical: object) -> None:
        if canonical not in self.synonyms:
            canonical = self.get(canonical) if self.get(canonical) is not None else canonical
        if canonical not in self.synonyms:
            raise ValueError(
                f"mapping.yaml maps '{spelling}' to '{canonical}', which is not a {self.name}; "
                f"use one of: {', '.join(str(c) for c in self.synonyms)}"
            )
        self._lookup[key(spelling)] = canonical

    def get(self, value: object):
        """The canonical value, or None when the spelling is unknown."""
        text = key(value)
        found = self._lookup.get(text)
        if found is None:
            found = next((c for prefix, c in self.prefixes.items() if text.startswith(key(prefix))), None)
        return found

    def accepted(self) -> str:
        return ", ".join(str(c) for c in self.synonyms)


@dataclass
class Mapping:
    """A council's own labels: extra column names and extra values for each vocabulary."""

    columns: dict = field(default_factory=dict)  # their column name -> contract column name
    values: dict = field(default_factory=dict)  # vocabulary name -> {their label: canonical}

    def vocabularies(self) -> dict[str, Vocabulary]:
        vocabularies = {
            "service": Vocabulary("service", SERVICES),
            "procedure": Vocabulary("procedure", PROCEDURES),
            "outcome": Vocabulary("outcome", OUTCOMES),
            "status": Vocabulary("status", STATUSES),
            "yes/no": Vocabulary("yes/no", YES_NO),
            "stage": Vocabulary("stage", STAGES),
            "finding": Vocabulary("Ombudsman finding", FINDINGS, FINDING_PREFIXES),
        }
        for name, labels in self.values.items():
            if name not in vocabularies:
                raise ValueError(
                    f"mapping.yaml has values for '{name}', which is not one of: {', '.join(vocabularies)}"
                )
            for spelling, canonical in (labels or {}).items():
                vocabularies[name].add(spelling, canonical)
        return vocabularies

    def column_lookup(self) -> dict[str, str]:
        """Matching key of every accepted column name -> contract column name."""
        lookup = {}
        for spec in COLUMNS.values():
            for column in spec["required"] + spec["optional"]:
                lookup[key(column)] = column
        for theirs, ours in self.columns.items():
            # "Case Ref: Reference" names the contract column however it is spelt
            lookup[key(theirs)] = lookup.get(key(ours), ours)
        return lookup


MAPPING_FILE = "mapping.yaml"


def load_mapping(data_dir: Path) -> Mapping:
    """Read ``mapping.yaml`` from a data folder when it is there; otherwise the contract's words.

    Example::

        columns:
          Case Ref: reference
          Date Received: received
        values:
          outcome:
            Founded: upheld
            Unfounded: not upheld
    """
    path = Path(data_dir) / MAPPING_FILE
    if not path.exists():
        return Mapping()
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    values = {}
    for name, labels in (raw.get("values") or {}).items():
        vocabulary_name = (
            "yes/no" if name in ("yes_no", "yesno", "extension", "publish", "investigated") else name
        )
        values.setdefault(vocabulary_name, {}).update(labels or {})
    return Mapping(columns=raw.get("columns") or {}, values=values)
