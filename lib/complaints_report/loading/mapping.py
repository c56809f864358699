"""A council's ``mapping.yaml``: its own column names and labels, per file kind, checked.

Example (see docs/data-contract.md)::

    complaints:              # applies to complaints* files only
      columns:
        Case Ref: reference
        Service Area: service
      values:
        outcome:
          Founded: upheld
    enquiries:
      columns:
        Service Area: service_area
    ombudsman:
      values:
        finding:
          Referred back for local resolution: closed after initial enquiries
    columns:                 # shared: applies to every kind that has the column
      Date Received: received

The file is read with YAML's safe loader, where ``yes`` and ``no`` stay words (YAML 1.1 would
make them true and false), and checked with a pydantic schema; every mistake becomes a
:class:`~complaints_report.problems.Problem` naming the line, the key and what is expected.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from complaints_report.problems import Problem
from complaints_report.vocabulary import (
    KINDS,
    MAPPING_FILE,
    VALUE_GROUPS,
    Vocabulary,
    columns_of,
    group_for,
    key,
)


class _Loader(yaml.SafeLoader):
    """YAML's safe loader where only true/false are booleans: `Agreed: yes` keeps the word yes."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

Label = str | int | bool


def _text_keys(value):
    """Header names and labels are text even when YAML reads them as numbers (`2019: year`)."""
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(k)): v for k, v in value.items()}
    return value


@functools.cache
def schema():
    """The pydantic model of the whole file (built on first use: pydantic is slow to import)."""
    from pydantic import BaseModel, ConfigDict, field_validator

    class Section(BaseModel):
        """A `columns:` and `values:` pair, for one file kind or shared by all."""

        model_config = ConfigDict(extra="forbid", strict=True)

        columns: dict[str, str] | None = None
        values: dict[str, dict[str, Label] | None] | None = None

        @field_validator("columns", mode="before")
        @classmethod
        def _column_names(cls, value):
            return _text_keys(value)

        @field_validator("values", mode="before")
        @classmethod
        def _labels(cls, value):
            if isinstance(value, dict):
                return {str(group): _text_keys(labels) for group, labels in value.items()}
            return value

    class MappingFile(Section):
        """The whole file: shared `columns:`/`values:` and a section per file kind."""

        complaints: Section | None = None
        enquiries: Section | None = None
        compliments: Section | None = None
        ombudsman: Section | None = None
        history: Section | None = None
        context: Section | None = None
        comparators: Section | None = None

    return MappingFile


SHARED = "shared"  # the scope of top-level entries


@dataclass(frozen=True)
class ColumnEntry:
    """One `their header: contract column` line of mapping.yaml."""

    header: str
    column: str  # the contract column, as the analyst wrote it
    scope: str  # a kind, or SHARED

    @property
    def keys(self) -> tuple[str, ...]:
        return _path(self.scope, "columns", self.header)

    @property
    def path(self) -> str:
        return ": ".join(self.keys)


@dataclass
class Mapping:
    """A council's own names: shared `columns`/`values`, and the same for each file kind."""

    columns: dict = field(default_factory=dict)  # shared: their column name -> contract column name
    values: dict = field(default_factory=dict)  # shared: value group -> {their label: canonical}
    kinds: dict = field(default_factory=dict)  # kind -> {"columns": {...}, "values": {...}}
    lines: dict = field(default_factory=dict)  # key path (tuple) -> line in mapping.yaml
    file: str = MAPPING_FILE

    # ------------------------------------------------------------------ columns
    def column_entries(self, kind: str | None = None) -> list[ColumnEntry]:
        """The entries that apply to a kind (shared ones first), or every entry."""
        entries = [ColumnEntry(str(h), str(c), SHARED) for h, c in (self.columns or {}).items()]
        for scope, section in self.kinds.items():
            entries += [ColumnEntry(str(h), str(c), scope) for h, c in (section.get("columns") or {}).items()]
        if kind is None:
            return entries
        return [e for e in entries if e.scope == kind or (e.scope == SHARED and _column(e.column, kind))]

    def column_lookup(self, kind: str | None = None) -> dict[str, str]:
        """Matching key of every accepted column name -> contract column name (a kind's own entries win)."""
        kinds = [kind] if kind else list(KINDS)
        lookup = {key(column): column for k in kinds for column in columns_of(k)}
        entries = self.column_entries(kind)
        for entry in sorted(entries, key=lambda e: e.scope != SHARED):
            column = _column(entry.column, kind) if kind else _column(entry.column)
            if column is not None:
                lookup[key(entry.header)] = column
        return lookup

    # ------------------------------------------------------------------ values
    def labels(self, kind: str | None = None) -> list[tuple[str, str, object, str]]:
        """(group as written, label, canonical, scope) of every value entry that applies to a kind."""
        found = []
        scopes = [(SHARED, self.values)] + [(k, s.get("values")) for k, s in self.kinds.items()]
        for scope, groups in scopes:
            if kind is not None and scope not in (SHARED, kind):
                continue
            for group, labels in (groups or {}).items():
                for label, canonical in (labels or {}).items():
                    found.append((str(group), str(label), canonical, scope))
        return found

    def vocabularies(self, kind: str | None = None, strict: bool = True) -> dict[str, Vocabulary]:
        """Each value group's vocabulary with this council's labels added.

        ``strict``: a label mapped to something that is not a value of its group is a ValueError
        (the loader reports those as problems first, see :meth:`problems`, and reads on).
        """
        vocabularies = {name: group.vocabulary() for name, group in VALUE_GROUPS.items()}
        for group, label, canonical, _scope in self.labels(kind):
            name = group_for(group)
            try:
                if name is None:
                    raise ValueError(
                        f"has values for '{group}', which is not one of: {', '.join(VALUE_GROUPS)}"
                    )
                vocabularies[name].add(label, canonical)
            except ValueError as error:
                if strict:
                    raise ValueError(f"{self.file} {error}") from None
        return vocabularies

    # ------------------------------------------------------------------ checks
    def line(self, *path) -> int | None:
        return self.lines.get(tuple(str(p) for p in path))

    def problems(self) -> list[Problem]:
        """Entries that cannot be right whatever the exports hold (see also :func:`unmatched_entries`)."""
        problems = []
        for entry in self.column_entries():
            kinds = list(KINDS) if entry.scope == SHARED else [entry.scope]
            if not any(_column(entry.column, k) for k in kinds):
                choices = sorted({c for k in kinds for c in columns_of(k)}, key=str)
                where = "any file kind" if entry.scope == SHARED else f"{entry.scope} files"
                close = difflib.get_close_matches(key(entry.column), choices, n=1)
                problems.append(
                    Problem(
                        self.file,
                        f"maps '{entry.header}' to '{entry.column}', which is not a column of {where}",
                        key=entry.path,
                        line=self.line(*entry.keys),
                        hint=(f"Did you mean '{close[0]}'? " if close else "")
                        + f"Use one of: {', '.join(choices)}",
                    )
                )
        for group, label, canonical, scope in self.labels():
            path = _path(scope, "values", group, label)
            name = group_for(group)
            where = dict(
                file=self.file,
                key=": ".join(path),
                line=self.line(*path),
            )
            if name is None:
                problems.append(
                    Problem(
                        message=f"'{group}' is not a group of values",
                        hint=f"Use one of: {', '.join(VALUE_GROUPS)} (run 'complaints-report validate --explain')",
                        **where,
                    )
                )
                continue
            group_spec = VALUE_GROUPS[name]
            if scope != SHARED and scope not in group_spec.columns:
                homes = ", ".join(f"'{k}: values: {group}:'" for k in group_spec.columns)
                problems.append(
                    Problem(
                        message=f"{scope} files have no column read as {group}",
                        hint=f"Put these labels under {homes}",
                        **where,
                    )
                )
                continue
            try:
                group_spec.vocabulary().add(label, canonical)
            except ValueError as error:
                problems.append(Problem(message=str(error), **where))
        return problems


def _path(scope: str, *parts: str) -> tuple[str, ...]:
    return tuple(str(p) for p in parts) if scope == SHARED else (scope, *map(str, parts))


def _column(name: str, kind: str | None = None) -> str | None:
    """The contract column a mapping target names (however it is spelt), for a kind or any kind."""
    kinds = [kind] if kind else list(KINDS)
    return next((c for k in kinds for c in columns_of(k) if key(c) == key(name)), None)


# --------------------------------------------------------------------------- reading


def _key_lines(node, path=(), lines=None, duplicates=None):
    """Key path -> line number for every key in a composed YAML document; repeated keys noted."""
    lines = {} if lines is None else lines
    duplicates = [] if duplicates is None else duplicates
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            here = (*path, name)
            line = key_node.start_mark.line + 1
            # names under `columns:` and labels compare as the loader compares them; sections exactly
            match = key(name) if len(path) >= 2 or path[-1:] == ("columns",) else name
            if match in seen:
                duplicates.append((here, line, seen[match]))
            seen[match] = (name, line)
            lines.setdefault(here, line)
            _key_lines(value_node, here, lines, duplicates)
    return lines, duplicates


def read_mapping(data_dir: Path) -> tuple[Mapping, list[Problem]]:
    """The data folder's mapping.yaml (or none), and every problem in it."""
    path = Path(data_dir) / MAPPING_FILE
    if not path.exists():
        return Mapping(), []
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return Mapping(), [
            Problem(
                MAPPING_FILE,
                f"could not be read as YAML ({getattr(error, 'problem', None) or error})",
                line=mark.line + 1 if mark else None,
                hint="Check the indentation (spaces, not tabs) and that each entry is written 'name: value'",
            )
        ]
    lines, duplicates = _key_lines(node) if node is not None else ({}, [])
    problems = [
        Problem(
            MAPPING_FILE,
            f"repeats '{path[-1]}' (already on line {first_line}, as '{first}')",
            key=": ".join(path),
            line=line,
            hint="Keep one entry for each name; the later one would silently replace the earlier",
        )
        for path, line, (first, first_line) in duplicates
    ]
    if data is None:
        return Mapping(lines=lines), problems
    from pydantic import ValidationError

    try:
        parsed = schema().model_validate(data)
    except ValidationError as error:
        return Mapping(lines=lines), problems + [_schema_problem(e, lines) for e in error.errors()]
    mapping = Mapping(
        columns=parsed.columns or {},
        values=parsed.values or {},
        kinds={
            kind: {"columns": section.columns or {}, "values": section.values or {}}
            for kind in KINDS
            if (section := getattr(parsed, kind)) is not None
        },
        lines=lines,
    )
    return mapping, problems + mapping.problems()


def load_mapping(data_dir: Path) -> Mapping:
    """The mapping of a data folder; ValueError listing its problems when it has any."""
    mapping, problems = read_mapping(data_dir)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return mapping


_SECTIONS = ", ".join(["columns", "values", *KINDS])
_EXPECTED = {
    "extra_forbidden": "is not a section mapping.yaml knows",
    "dict_type": "should hold 'name: value' lines",
    "string_type": "should be one name, written as text",
    "model_type": "should hold 'columns:' and/or 'values:'",
}


def _schema_problem(error: dict, lines: dict) -> Problem:
    """A pydantic error as an analyst reads it: the key, the line and what was expected."""
    loc = tuple(str(p) for p in error["loc"] if not str(p).startswith(("str", "int", "bool", "function")))
    # pydantic adds the union member it tried (e.g. "str") to the location of a label; drop it
    loc = tuple(p for p in loc if p not in ("str", "int", "bool"))
    kind = error["type"]
    message = _EXPECTED.get(kind, error["msg"].lower())
    hint = ""
    if kind == "extra_forbidden":
        if len(loc) == 1:
            close = difflib.get_close_matches(loc[0], _SECTIONS.split(", "), n=1)
            hint = (f"Did you mean '{close[0]}'? " if close else "") + f"Use one of: {_SECTIONS}"
        else:
            hint = "A file kind's section holds 'columns:' and 'values:' only"
    elif kind == "dict_type" and loc and loc[-1] == "columns":
        hint = "Write one 'Their Header: contract_column' line for each column, indented under 'columns:'"
    elif kind == "dict_type" and loc and loc[-1] == "values":
        hint = "Write a value group (e.g. 'outcome:'), then 'Their label: canonical word' lines under it"
    elif kind == "dict_type":
        hint = "Write 'Their label: canonical word' lines, indented under the group"
    elif kind == "string_type" and len(loc) >= 2 and loc[-2] == "columns":
        hint = "Give the contract column this header holds, e.g. 'Case Ref: reference'"
    elif kind in ("string_type", "int_type", "bool_type"):
        hint = "Give the canonical word this label means, e.g. 'Founded: upheld'"
    line = next((lines[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in lines), None)
    return Problem(MAPPING_FILE, message, key=": ".join(loc) or None, line=line, hint=hint)
