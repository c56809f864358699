"""The interface of the checked frames, as pandera schemas: what ``metrics`` and the rest may rely on.

For each input kind, :data:`SCHEMAS` states the columns of :class:`~complaints_report.loading.Inputs`
frames, in order, with their types and allowed values:

- dates are ``datetime64[s]``, NaT where blank;
- ``stage`` is ``Int64`` (1, 2 or 3); ``extension``, ``publish`` and ``investigated`` are booleans;
- vocabulary columns hold the canonical values (``asc``, ``partly_upheld``, ``fault_found``...);
- text is pandas' ``str`` type, missing (NaN) where blank;
- ``source_file`` and ``source_row`` say where each row came from (the row as Excel shows it).

The loader does its own checking, cell by cell, in the analyst's words (``checks.py``); these
schemas check the loader's result, in the tests. Importing pandera takes most of a second, so
nothing on a build's path imports this module.
"""

from __future__ import annotations

import pandera.pandas as pa

from complaints_report.loading.checks import BOOLEAN_COLUMNS, DATE_COLUMNS, EMPTY_COLUMNS, NUMBER_COLUMNS
from complaints_report.vocabulary import COLUMNS, KINDS, VALUE_GROUPS

_VALUES = {  # column -> its canonical values
    column: list(group.synonyms)
    for group in VALUE_GROUPS.values()
    for columns in group.columns.values()
    for column in columns
    if column not in BOOLEAN_COLUMNS
}


def _column(kind: str, column: str) -> pa.Column:
    required = column in COLUMNS[kind]["required"]
    if column in DATE_COLUMNS.get(kind, ()):
        return pa.Column("datetime64[s]", nullable=not required)
    if column in BOOLEAN_COLUMNS:
        return pa.Column(bool, nullable=False)
    if column in NUMBER_COLUMNS:
        return pa.Column(float, pa.Check.ge(0) if column == "remedy_amount" else None, nullable=not required)
    if column == "stage":
        return pa.Column("Int64", pa.Check.isin([1, 2, 3]), nullable=False)
    checks = pa.Check.isin(_VALUES[column]) if column in _VALUES else None
    if column == "year":
        checks = pa.Check.str_matches(r"^\d{4}-\d{2}$")
    return pa.Column("str", checks, nullable=not required)


SCHEMAS = {
    kind: pa.DataFrameSchema(
        {
            **{column: _column(kind, column) for column in EMPTY_COLUMNS[kind]},
            "source_file": pa.Column("str", nullable=False),
            "source_row": pa.Column("int64", pa.Check.ge(1), nullable=False),
        },
        strict=True,
        ordered=True,
        name=f"{kind} (checked)",
    )
    for kind in KINDS
}


def validate(inputs) -> None:
    """Raise pandera's SchemaError if any frame of the inputs breaks the interface."""
    for kind, schema in SCHEMAS.items():
        schema.validate(inputs.frame(kind))
