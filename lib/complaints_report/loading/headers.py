"""Which column of an export is which: the header row against the contract and mapping.yaml.

Headers match the contract's column names, or a council's own names from ``mapping.yaml``
for that file kind, ignoring case, spaces, hyphens and underscores (contract section 2).
Three mistakes are refused, each naming the file and the header: a header that appears twice
in one file, two headers that name the same column, and a ``mapping.yaml`` entry that
matches no header in any file of its kind (usually a typo, which would otherwise leave the
column unread and the figures quietly wrong).
"""

from __future__ import annotations

import difflib

from complaints_report.loading.files import RawTable, column_letter
from complaints_report.loading.mapping import SHARED, Mapping
from complaints_report.problems import Problem
from complaints_report.vocabulary import COLUMNS, KINDS, columns_of, key

MISSING_COLUMN = "a required column is missing"


def _shown(headers: list[str]) -> str:
    return ", ".join(f"'{h}'" for h in headers if h) or "none"


def match_headers(table: RawTable, kind: str, mapping: Mapping) -> tuple[dict[str, int], list[Problem]]:
    """Contract column -> position in the file, and the problems of the header row."""
    lookup = mapping.column_lookup(kind)
    columns: dict[str, int] = {}
    seen: dict[str, int] = {}
    problems = []
    for position, header in enumerate(table.headers):
        if not header:
            continue
        name = key(header)
        if name in seen:
            first = seen[name]
            same = (
                ""
                if table.headers[first] == header
                else f" ('{table.headers[first]}' and '{header}' are the same name)"
            )
            problems.append(
                Problem(
                    table.name,
                    f"has the header '{header}' twice, in columns {column_letter(first)} and "
                    f"{column_letter(position)}{same}: the tool cannot tell which to read",
                    row=table.header_row,
                    column=lookup.get(name),
                    value=header,
                    hint="Rename or remove one of the two columns. Names are compared ignoring case, "
                    "spaces, hyphens and underscores",
                )
            )
            continue
        seen[name] = position
        column = lookup.get(name)
        if column is None:
            continue
        if column in columns:
            other = table.headers[columns[column]]
            problems.append(
                Problem(
                    table.name,
                    f"has two headers for the column '{column}': '{other}' (column "
                    f"{column_letter(columns[column])}) and '{header}' (column {column_letter(position)})",
                    row=table.header_row,
                    column=column,
                    value=header,
                    hint=f"Keep one of them, or change mapping.yaml so that each names a different column "
                    f"(under '{kind}: columns:')",
                )
            )
            continue
        columns[column] = position
    return columns, problems


def missing_columns(table: RawTable, kind: str, columns: dict[str, int]) -> list[Problem]:
    """A problem for each required column the header row does not name, listing its real headers."""
    return [
        Problem(
            table.name,
            MISSING_COLUMN,
            row=table.header_row,
            column=column,
            hint=f"Add a column named '{column}', or map your own column name to it in mapping.yaml under "
            f"'{kind}: columns:' (the header row has: {_shown(table.headers)})",
        )
        for column in COLUMNS[kind]["required"]
        if column not in columns
    ]


def unmatched_entries(mapping: Mapping, headers: dict[str, list[RawTable]]) -> list[Problem]:
    """Entries of mapping.yaml's `columns:` that match no header of any file of their kind.

    ``headers`` holds the tables read, by kind (their header rows are what is compared).
    """
    problems = []
    for entry in mapping.column_entries():
        kinds = [entry.scope] if entry.scope != SHARED else [k for k in KINDS if _applies(entry.column, k)]
        tables = [table for kind in kinds for table in headers.get(kind, [])]
        names = {key(h) for table in tables for h in table.headers if h}
        if key(entry.header) in names or not kinds:  # (an entry naming no real column is reported elsewhere)
            continue
        where = entry.scope if entry.scope != SHARED else " or ".join(kinds)
        if tables:
            files = ", ".join(table.name for table in tables)
            real = sorted({h for table in tables for h in table.headers if h})
            close = difflib.get_close_matches(entry.header, real, n=1, cutoff=0.6)
            message = f"matches no header in any {where} file ({files})"
            hint = (f"Did you mean '{close[0]}'? " if close else "") + f"The headers are: {_shown(real)}"
        else:
            message = f"matches no header: there is no {where} file in the data folder"
            hint = "Remove the entry, or add the export it is for"
        problems.append(
            Problem(
                mapping.file,
                message,
                key=entry.path,
                line=mapping.line(*entry.keys),
                value=entry.header,
                hint=hint,
            )
        )
    return problems


def _applies(column: str, kind: str) -> bool:
    return any(key(c) == key(column) for c in columns_of(kind))
