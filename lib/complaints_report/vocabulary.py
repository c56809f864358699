"""The words councils' exports use for services, stages, procedures, outcomes and columns.

Each vocabulary maps the many spellings found in case-management exports to one canonical
value (contract section 2). Matching ignores case, spaces, hyphens, underscores and
apostrophes, so "Children’s Services", "childrens services" and "CHILDRENS-SERVICES" agree.
A council whose export uses other column names or labels says so in ``mapping.yaml`` in its
data folder rather than editing code (read and checked by :mod:`complaints_report.loading.mapping`).

Messages to an analyst use the words an analyst writes ("partly upheld", "yes"), never the
canonical values the code holds ("partly_upheld", ``True``): see :attr:`Vocabulary.words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
# Source: the LGSCO's decision categories as published with each decision at www.lgo.org.uk/decisions.
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
# The same columns in the order of the contract's tables (section 2): how the bundled example's
# generator and the benchmark's synthetic archive write their exports.
EXPORT_COLUMNS = {
    "complaints": [
        "reference",
        "service",
        "stage",
        "procedure",
        "received",
        "acknowledged",
        "responded",
        "extension",
        "team",
        "area",
        "category",
        "outcome",
        "status",
        "rejection_reason",
        "complainant",
        *EQUALITY_COLUMNS,
    ],
    "ombudsman": [
        "reference",
        "service",
        "received",
        "decided",
        "investigated",
        "reason_not_investigated",
        "finding",
        "remedy",
        "remedy_amount",
        "summary",
        "area",
    ],
}
for _kind in COLUMNS:  # the other kinds' tables list their columns required first
    EXPORT_COLUMNS.setdefault(_kind, COLUMNS[_kind]["required"] + COLUMNS[_kind]["optional"])
MAPPING_FILE = "mapping.yaml"  # a council's own column names and labels, beside its exports


def columns_of(kind: str) -> list[str]:
    """Every contract column of an input kind, required ones first."""
    return COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]


def key(text: object) -> str:
    """The matching key of a label: lower case, without spaces, hyphens, underscores, apostrophes."""
    return re.sub(r"[\s\-_'’‘`.]", "", str(text).strip().lower())


@dataclass
class Vocabulary:
    """A lookup from any accepted spelling to the canonical value."""

    name: str  # as an analyst says it: "outcome", "yes/no", "Ombudsman finding"
    synonyms: dict
    prefixes: dict = field(default_factory=dict)  # a label beginning with one of these -> canonical
    words: dict = field(default_factory=dict)  # canonical -> the word an analyst writes
    _lookup: dict = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._lookup = {}
        for canonical, spellings in self.synonyms.items():
            self._lookup[key(canonical)] = canonical
            for spelling in spellings:
                self._lookup[key(spelling)] = canonical

    def add(self, spelling: str, canonical: object) -> None:
        """Accept a council's own label; ValueError (in the analyst's words) when the target is unknown."""
        found = canonical if canonical in self.synonyms else self.get(canonical, prefixes=False)
        if found is None:
            raise ValueError(
                f"maps '{spelling}' to '{canonical}', which is not a {self.name}; use one of: {self.accepted()}"
            )
        self._lookup[key(spelling)] = found

    def get(self, value: object, prefixes: bool = True):
        """The canonical value, or None when the spelling is unknown."""
        if isinstance(value, bool):  # a YAML or Excel TRUE/FALSE
            value = "yes" if value else "no"
        text = key(value)
        found = self._lookup.get(text)
        if found is None and prefixes and text:
            found = next((c for prefix, c in self.prefixes.items() if text.startswith(key(prefix))), None)
        return found

    def word(self, canonical: object) -> str:
        """How an analyst writes a canonical value: 'partly upheld', 'yes'."""
        return self.words.get(canonical, str(canonical))

    def accepted(self) -> str:
        """The canonical values in the analyst's words, for a hint."""
        words = ", ".join(self.word(c) for c in self.synonyms)
        if self.prefixes:
            beginnings = sorted({p for p in self.prefixes if key(p) not in map(key, self.words.values())})
            words += (
                " (or wording that begins " + " or ".join(f"'{b.capitalize()}'" for b in beginnings) + ")"
            )
        return words

    def spellings(self, canonical: object) -> list[str]:
        """Every built-in spelling of a canonical value, its own word first."""
        word = self.word(canonical)
        return [word] + [s for s in self.synonyms[canonical] if key(s) != key(word)]


@dataclass(frozen=True)
class ValueGroup:
    """A group of values a ``mapping.yaml`` may extend, and the columns it reads."""

    name: str  # as written under `values:` in mapping.yaml
    columns: dict  # kind -> the columns of that kind read with this group
    synonyms: dict
    words: dict
    about: str
    prefixes: dict = field(default_factory=dict)
    title: str = ""  # as named in a message, when not the group's name

    def vocabulary(self) -> Vocabulary:
        return Vocabulary(self.title or self.name, self.synonyms, self.prefixes, self.words)


_EVERY_SERVICE = {kind: ("service",) for kind in KINDS if "service" in columns_of(kind)}
VALUE_GROUPS = {
    group.name: group
    for group in (
        ValueGroup(
            "service",
            _EVERY_SERVICE,
            SERVICES,
            {"asc": "Adult Social Care", "childrens": "Children's Services"},
            "which service a row is about; asc and childrens are the names used on the command line",
        ),
        ValueGroup(
            "stage",
            {"complaints": ("stage",)},
            STAGES,
            {1: "1", 2: "2", 3: "3"},
            "the complaint's stage; Adult Social Care uses stage 1 only",
        ),
        ValueGroup(
            "procedure",
            {"complaints": ("procedure",)},
            PROCEDURES,
            {"statutory": "statutory", "corporate": "corporate"},
            "the Children's complaints procedure: statutory (2006 regulations) or corporate (non-statutory)",
        ),
        ValueGroup(
            "outcome",
            {"complaints": ("outcome",)},
            OUTCOMES,
            {
                "upheld": "upheld",
                "partly_upheld": "partly upheld",
                "not_upheld": "not upheld",
                "withdrawn": "withdrawn",
            },
            "the complaint's outcome; blank while it is open",
        ),
        ValueGroup(
            "status",
            {"complaints": ("status",)},
            STATUSES,
            {"accepted": "accepted", "rejected": "rejected"},
            "whether the complaint was accepted (blank is accepted)",
        ),
        ValueGroup(
            "yes/no",
            {"complaints": ("extension",), "compliments": ("publish",), "ombudsman": ("investigated",)},
            YES_NO,
            {True: "yes", False: "no"},
            "extension (blank is no), publish (blank is no) and investigated",
        ),
        ValueGroup(
            "finding",
            {"ombudsman": ("finding",)},
            FINDINGS,
            {
                "fault_found": "fault found",
                "no_fault": "no fault",
                "closed_after_initial_enquiries": "closed after initial enquiries",
            },
            "the Ombudsman's decision, in the LGSCO's own wording or these words",
            prefixes=FINDING_PREFIXES,
            title="Ombudsman finding",
        ),
    )
}
# Other names mapping.yaml may use for a group under `values:`.
GROUP_ALIASES = {
    "yes_no": "yes/no",
    "yesno": "yes/no",
    "extension": "yes/no",
    "publish": "yes/no",
    "investigated": "yes/no",
}


def group_for(name: object) -> str | None:
    """The value group a name under `values:` means, or None."""
    text = str(name).strip().lower()
    return text if text in VALUE_GROUPS else GROUP_ALIASES.get(text)


def vocabularies(extra: dict | None = None) -> dict[str, Vocabulary]:
    """Every value group's vocabulary, with a council's own labels ({group: {label: canonical}}) added.

    ValueError names the label and what it may map to, in the analyst's words.
    """
    found = {name: group.vocabulary() for name, group in VALUE_GROUPS.items()}
    for name, labels in (extra or {}).items():
        group = group_for(name)
        if group is None:
            raise ValueError(f"has values for '{name}', which is not one of: {', '.join(VALUE_GROUPS)}")
        for spelling, canonical in (labels or {}).items():
            found[group].add(spelling, canonical)
    return found


def explain() -> str:
    """The value groups, their canonical words and every built-in spelling: `validate --explain`."""
    lines = [
        "Values the exports may hold. Matching ignores case, spaces, hyphens, underscores and apostrophes.",
        "Add your own labels in mapping.yaml under the file kind's `values:` (or a shared top-level `values:`).",
        "",
    ]
    for group in VALUE_GROUPS.values():
        vocabulary = group.vocabulary()
        columns = "; ".join(f"{kind}: {', '.join(cols)}" for kind, cols in group.columns.items())
        lines.append(f"{group.name}  ({columns})")
        lines.append(f"  {group.about}")
        for canonical in group.synonyms:
            spellings = vocabulary.spellings(canonical)
            lines.append(
                f"  - {spellings[0]}" + (f"  (also: {', '.join(spellings[1:])})" if spellings[1:] else "")
            )
        if group.prefixes:
            lines.append(
                "  Wording that begins "
                + ", ".join(f"'{p.capitalize()}' is {vocabulary.word(c)}" for p, c in group.prefixes.items())
                + "."
            )
        lines.append("")
    lines += [
        "Example mapping.yaml:",
        "",
        "  complaints:",
        "    columns:",
        "      Case Ref: reference",
        "      Outcome Description: outcome",
        "    values:",
        "      outcome:",
        "        Founded: upheld",
        "        Partly founded: partly upheld",
        "  ombudsman:",
        "    values:",
        "      finding:",
        "        Referred back for local resolution: closed after initial enquiries",
    ]
    return "\n".join(lines)
