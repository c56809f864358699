"""Checking every cell of a file, a column at a time, and the rules between rows.

A column is checked as a vector: its distinct values are found once (``pandas.factorize``),
each distinct value is read once by the parsers of ``values.py``, and the answers are spread
back to the rows. A million rows with a few thousand distinct dates cost a few thousand
parses. Every bad cell still gets its own problem naming the file, the spreadsheet row, the
reference, the column and the value as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from complaints_report.loading.files import RawTable
from complaints_report.loading.values import (
    FORMULA_PROBLEM,
    Formula,
    ValueProblem,
    blank,
    parse_date,
    parse_dates,
    parse_money,
    parse_number,
    parse_year,
    show,
    stage_text,
)
from complaints_report.problems import Problem
from complaints_report.vocabulary import (
    COLUMNS,
    CONTEXT_MEASURES,
    EQUALITY_COLUMNS,
    Vocabulary,
    columns_of,
)

MISSING_COLUMN = "a required column is missing"
REQUIRED = "is blank but this column is required"

# Date columns of each checked frame, held as pandas datetime64[s] (NaT where blank).
DATE_COLUMNS = {
    "complaints": ("received", "acknowledged", "responded"),
    "enquiries": ("received", "responded"),
    "compliments": ("received",),
    "ombudsman": ("received", "decided"),
}
# The columns of each checked frame: the contract's, required ones first, then derived ones.
EMPTY_COLUMNS = {kind: columns_of(kind) for kind in COLUMNS}
EMPTY_COLUMNS["ombudsman"] = EMPTY_COLUMNS["ombudsman"] + ["finding_wording"]
SOURCE_COLUMNS = ["source_file", "source_row"]
BOOLEAN_COLUMNS = {"extension", "publish", "investigated"}
NUMBER_COLUMNS = {"remedy_amount", "value"}


@dataclass
class Read:
    """One column read: the answer for each distinct cell, and which distinct cell each row holds.

    Answers are spread to the rows only when asked for (``values``), so a column of a million rows
    with a few thousand distinct values costs a few thousand parses and no more.
    """

    codes: np.ndarray  # per row: the index of its distinct cell (the last one stands for a missing cell)
    table: np.ndarray  # per distinct cell: its value, None (or NaT) where blank or bad
    empty: np.ndarray  # per distinct cell: it was blank
    errors: np.ndarray  # per distinct cell: the ValueProblem that made it bad, else None

    @cached_property
    def values(self) -> np.ndarray:
        return self.table[self.codes]

    @cached_property
    def blank(self) -> np.ndarray:
        return self.empty[self.codes]

    @cached_property
    def bad(self) -> np.ndarray:
        return np.not_equal(self.errors, None)[self.codes]

    def error(self, index: int) -> ValueProblem:
        return self.errors[self.codes[index]]

    def or_else(self, default) -> Read:
        """The same column with ``default`` where a cell was blank (or bad)."""
        table = self.table.copy()
        table[pd.isna(table)] = default
        return Read(self.codes, table, self.empty, self.errors)

    def rows(self, keep: np.ndarray) -> Read:
        """The same column, for the rows ``keep`` selects."""
        return Read(self.codes[keep], self.table, self.empty, self.errors)

    def texts(self) -> pd.api.extensions.ExtensionArray:
        """The values as pandas' ``str`` type, converting each distinct value once."""
        return pd.array(self.table, dtype="str").take(self.codes)


class FileCheck:
    """The checks of one file's rows, collecting a problem for each bad cell."""

    def __init__(self, table: RawTable, columns: dict[str, int], kind: str, vocabularies: dict):
        self.table = table
        self.file = table.name
        self.kind = kind
        self.positions = columns  # contract column -> position in the file
        self.vocabularies = vocabularies
        self.rows = table.rows
        self.found: list[tuple[int, int, Problem]] = []  # (row index, column order, problem)
        self.blanks: dict[str, np.ndarray] = {}  # column -> which of its cells were empty
        self.order = {column: n for n, column in enumerate(EMPTY_COLUMNS[kind])}
        self.cells = {column: self._cells(position) for column, position in columns.items()}
        self.references = np.full(len(self.rows), None, dtype=object)
        if "reference" in columns:
            self.references = self.read("reference", _text, report=False).values

    def _cells(self, position: int) -> np.ndarray:
        formulas = {index: f for (index, where), f in self.table.formulas.items() if where == position}
        cells = self.table.cells[position].to_numpy(dtype=object, copy=bool(formulas))
        for index, formula in formulas.items():
            cells[index] = Formula(formula)
        return cells

    def __len__(self) -> int:
        return len(self.rows)

    # ------------------------------------------------------------------ problems
    def problem(self, index: int, column: str | None, value, message: str, hint: str = "") -> None:
        self.found.append(
            (
                index,
                self.order.get(column, 99),
                Problem(
                    self.file,
                    message,
                    row=int(self.rows[index]),
                    reference=self.references[index],
                    column=column,
                    value=None if value is None else show(value),
                    hint=hint,
                ),
            )
        )

    def problems(self) -> list[Problem]:
        return [problem for *_, problem in sorted(self.found, key=lambda found: found[:2])]

    # ------------------------------------------------------------------ reading a column
    def read(
        self,
        column: str,
        parse: Callable,
        required: bool | np.ndarray = False,
        hint: str = "",
        report: bool = True,
        dates: bool = False,
    ) -> Read:
        """Read a column with a parser of one value; blank and bad cells are None."""
        cells = self.cells.get(column)
        if cells is None:  # the file has no such column: every cell is blank
            missing = np.array([np.datetime64("NaT", "s")]) if dates else np.array([None], dtype=object)
            read = Read(np.zeros(len(self), np.int64), missing, np.ones(1, bool), np.array([None], object))
        else:
            plain = not self.table.typed and not self.table.formulas and column in UNIQUE_COLUMNS
            read = _read_vector(cells, parse, text_only=plain, dates=dates)
            self.blanks[column] = read.blank
        if not report:
            return read
        for index in np.flatnonzero(read.bad):
            error = read.error(index)
            self.problem(index, column, cells[index], error.message, error.hint)
        for index in np.flatnonzero(read.blank & required):
            self.problem(index, column, "", REQUIRED, hint or f"Fill in '{column}' for every row")
        return read

    def text(self, column: str, required: bool = False) -> Read:
        return self.read(column, _text, required)

    def choice(self, column: str, group: str, required: bool | np.ndarray = False) -> Read:
        vocabulary: Vocabulary = self.vocabularies[group]
        kind = self.kind

        def parse(value):
            found = vocabulary.get(stage_text(value) if group == "stage" else value)
            if found is None:
                raise ValueProblem(
                    f"is not a known {vocabulary.name}",
                    f"Use one of: {vocabulary.accepted()}; or map this label to one of them in mapping.yaml "
                    f"under '{kind}: values: {group}:'",
                )
            return found

        return self.read(column, parse, required, hint=f"Use one of: {vocabulary.accepted()}")

    def dates(self, column: str, required: bool = False) -> np.ndarray:
        return self.read(column, parse_date, required, dates=True).values

    def not_before(self, later: str, later_days: np.ndarray, earlier: str, earlier_days: np.ndarray) -> None:
        """A case cannot be answered (or acknowledged, or decided) before it was received."""
        for index in np.flatnonzero(later_days < earlier_days):
            day = pd.Timestamp(earlier_days[index])
            self.problem(
                index,
                later,
                self.cells[later][index],  # the value as written
                f"is before the '{earlier}' date {day:%d/%m/%Y}",
                f"Check both dates: a case cannot be {later} before it was {earlier}",
            )

    def measure(self, known, message: str) -> np.ndarray:
        read = self.text("measure", required=True)
        values = read.values
        for index in np.flatnonzero(~read.blank & ~pd.Series(values).isin(known).to_numpy()):
            self.problem(index, "measure", values[index], message, f"Use one of: {', '.join(sorted(known))}")
            values[index] = None
        return values


def _text(value: object) -> str:
    return show(value)


UNIQUE_COLUMNS = {"reference", "complainant"}  # text that is (nearly) different on every row


def _read_vector(cells: np.ndarray, parse: Callable, text_only: bool = False, dates: bool = False) -> Read:
    """Parse each distinct value once, and spread the answers back to the rows.

    ``text_only``: every cell is a str (a CSV) of free text that differs on nearly every row, so
    it is stripped row by row rather than through its distinct values. ``dates``: the values are
    dates, answered as ``datetime64[s]`` (NaT where blank or bad) rather than Python objects.
    """
    if parse is _text and text_only:
        values = [cell.strip() or None for cell in cells] + [None]
        table = np.array(values, dtype=object)
        codes = np.arange(len(cells), dtype=np.int64)
        return Read(codes, table, table == None, np.full(len(table), None, dtype=object))  # noqa: E711
    codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    count = len(uniques)
    codes[codes < 0] = count  # the last slot answers a missing cell
    table = np.full(count + 1, np.datetime64("NaT", "s")) if dates else np.empty(count + 1, dtype=object)
    errors = np.empty(count + 1, dtype=object)
    empty = np.zeros(count + 1, dtype=bool)
    empty[count] = True
    read = np.zeros(count, dtype=bool)
    if dates:  # the common forms as a vector; the rest one by one
        table[:count], read = parse_dates(np.asarray(uniques, dtype=object))
    for n in np.flatnonzero(~read):
        unique = uniques[n]
        if isinstance(unique, Formula):
            errors[n] = FORMULA_PROBLEM
        elif blank(unique):
            empty[n] = True
        else:
            try:
                table[n] = parse(unique)
            except ValueProblem as error:
                errors[n] = error
    return Read(codes, table, empty, errors)


# --------------------------------------------------------------------------- each kind


def _complaints(check: FileCheck) -> dict:
    services = check.choice("service", "service", required=True)
    service = services.values
    received = check.dates("received", required=True)
    acknowledged = check.dates("acknowledged")
    responded = check.dates("responded")
    check.not_before("responded", responded, "received", received)
    check.not_before("acknowledged", acknowledged, "received", received)
    # Children's complaints need a procedure; a file without the column is reported once (needs_procedure).
    childrens = service == "childrens"
    procedure = check.choice(
        "procedure", "procedure", required=childrens if "procedure" in check.cells else False
    )
    procedure_values = procedure.values.copy()
    # adult social care complaints follow the statutory 2009 regulations
    procedure_values[(service == "asc") & (procedure.blank | procedure.bad)] = "statutory"
    teams = check.text("team", required=True)
    team = teams.values
    area = check.text("area")
    area_values = np.where(area.blank, team, area.values)
    frame = {
        "reference": check.text("reference", required=True),
        "service": services,
        "stage": check.choice("stage", "stage", required=True).values,
        "procedure": procedure_values,
        "received": received,
        "acknowledged": acknowledged,
        "responded": responded,
        "extension": check.choice("extension", "yes/no").values,
        "team": teams,
        "area": area_values,
        "category": check.text("category", required=True),
        "outcome": check.choice("outcome", "outcome"),
        "status": check.choice("status", "status").or_else("accepted"),
        "rejection_reason": check.text("rejection_reason"),
        "complainant": check.text("complainant"),
    }
    for column in EQUALITY_COLUMNS:
        frame[column] = check.text(column)
    return frame


def _enquiries(check: FileCheck) -> dict:
    received = check.dates("received", required=True)
    responded = check.dates("responded")
    check.not_before("responded", responded, "received", received)
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", "service", required=True),
        "received": received,
        "responded": responded,
        "service_area": check.text("service_area").or_else("Not recorded"),
    }


def _compliments(check: FileCheck) -> dict:
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", "service", required=True),
        "received": check.dates("received", required=True),
        "team": check.text("team", required=True),
        "quote": check.text("quote"),
        "publish": check.choice("publish", "yes/no").values,
    }


def _ombudsman(check: FileCheck) -> dict:
    received = check.dates("received", required=True)
    decided = check.dates("decided")
    check.not_before("decided", decided, "received", received)
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", "service", required=True),
        "received": received,
        "decided": decided,
        "investigated": check.choice("investigated", "yes/no", required=True).values,
        "reason_not_investigated": check.text("reason_not_investigated"),
        "finding": check.choice("finding", "finding"),
        # the Ombudsman's decision as recorded, for the report
        "finding_wording": check.read("finding", _text, report=False),
        "remedy": check.text("remedy"),
        "remedy_amount": check.read("remedy_amount", parse_money).values,
        "summary": check.text("summary"),
        "area": check.text("area"),
    }


def _published_figures(check: FileCheck, known, message: str) -> dict:
    return {
        "service": check.choice("service", "service", required=True),
        "year": check.read("year", parse_year, required=True).values,
        "measure": check.measure(known, message),
        "value": check.read("value", parse_number, required=True).values,
    }


def _history(check: FileCheck) -> dict:
    from complaints_report.metrics import HISTORY_MEASURES

    return _published_figures(check, HISTORY_MEASURES, "is not a metric name")


def _context(check: FileCheck) -> dict:
    return _published_figures(check, CONTEXT_MEASURES, "is not a known measure")


def _comparators(check: FileCheck) -> dict:
    from complaints_report.metrics import COMPARATOR_MEASURES

    council = check.text("council", required=True).values
    return {"council": council, **_published_figures(check, COMPARATOR_MEASURES, "is not a known measure")}


KIND_CHECKS = {
    "complaints": _complaints,
    "enquiries": _enquiries,
    "compliments": _compliments,
    "ombudsman": _ombudsman,
    "history": _history,
    "context": _context,
    "comparators": _comparators,
}


def empty_rows(cells: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is exactly empty (a spreadsheet's blank rows, a CSV's blank lines)."""
    empty = np.ones(len(cells), dtype=bool)
    for position in cells.columns:
        column = cells[position].to_numpy(dtype=object)
        empty &= (column == "") | pd.isna(column)
        if not empty.any():
            break
    return empty


def check_file(
    table: RawTable, columns: dict[str, int], kind: str, vocabularies: dict
) -> tuple[pd.DataFrame, list[Problem]]:
    """The checked frame of one file's rows, and the problems found in them."""
    _keep(table, ~empty_rows(table.cells))
    check = FileCheck(table, columns, kind, vocabularies)
    values = KIND_CHECKS[kind](check)
    # A row whose cells hold only spaces is blank too: drop it, and what was said about it.
    spaces = np.logical_and.reduce([check.blanks.get(c, np.ones(len(check), bool)) for c in columns] or [[]])
    if len(check) and spaces.any():
        unmapped = [p for p in table.cells.columns if p not in columns.values()]
        for index in np.flatnonzero(spaces):
            spaces[index] = all(blank(table.cells.at[index, p]) for p in unmapped)
        if spaces.any():
            check.found = [found for found in check.found if not spaces[found[0]]]
            values = {
                c: v.rows(~spaces) if isinstance(v, Read) else np.asarray(v)[~spaces]
                for c, v in values.items()
            }
            _keep(table, ~spaces)
    frame = typed_frame(kind, values, table.name, table.rows)
    return frame, check.problems()


def _keep(table: RawTable, keep: np.ndarray) -> None:
    if keep.all():
        return
    new_index = np.cumsum(keep) - 1
    table.formulas = {(int(new_index[i]), p): f for (i, p), f in table.formulas.items() if keep[i]}
    table.cells = table.cells[keep].reset_index(drop=True)
    table.rows = table.rows[keep]


def typed_frame(kind: str, values: dict | None = None, file: str | None = None, rows=()) -> pd.DataFrame:
    """A frame of the kind's columns with the interface's types (see ``schema.py``)."""
    values = values or {}
    length = len(rows)
    data = {}
    for column in EMPTY_COLUMNS[kind]:
        given = values.get(column)
        if given is None:
            given = np.full(length, None, dtype=object)
        if isinstance(given, Read):
            if column in DATE_COLUMNS.get(kind, ()) or column in BOOLEAN_COLUMNS | NUMBER_COLUMNS | {"stage"}:
                given = given.values
            else:
                data[column] = given.texts()
                continue
        if column in DATE_COLUMNS.get(kind, ()):
            data[column] = np.asarray(given, dtype="datetime64[s]")
        elif column == "stage":
            missing = np.asarray(pd.isna(given), dtype=bool)
            numbers = np.where(missing, 0, given).astype(np.int64)
            data[column] = pd.arrays.IntegerArray(numbers, missing)
        elif column in BOOLEAN_COLUMNS:
            data[column] = np.asarray(given == True, dtype=bool)  # noqa: E712 - None (blank) is False
        elif column in NUMBER_COLUMNS:
            data[column] = pd.Series(given, dtype=object).astype(float).to_numpy()
        else:
            data[column] = pd.array(given, dtype="str")
    data["source_file"] = pd.array(np.full(length, file, dtype=object), dtype="str")
    data["source_row"] = np.asarray(rows, dtype=np.int64)
    return pd.DataFrame(data, columns=EMPTY_COLUMNS[kind] + SOURCE_COLUMNS, copy=False)


# --------------------------------------------------------------------------- between rows


def cross_row_problems(kind: str, frame: pd.DataFrame) -> list[Problem]:
    """Duplicates of reference (+stage), and later stages without a stage 1."""
    if frame.empty or kind in ("history", "context", "comparators"):
        return []
    # The contract: a complaint's reference is unique together with its stage, across services.
    keys = ["reference", "stage"] if kind == "complaints" else ["service", "reference"]
    usable = frame[[*keys, *SOURCE_COLUMNS]]  # only what the checks read: no copy of every column
    usable = usable[usable[keys].notna().all(axis=1).to_numpy()]
    problems = []
    repeated = usable.duplicated(keys, keep="first")
    if repeated.any():
        first = usable.loc[~repeated, keys + SOURCE_COLUMNS].rename(
            columns={"source_file": "first_file", "source_row": "first_row"}
        )
        again = usable[repeated].merge(first, on=keys, how="left", sort=False)
        for record in again.itertuples(index=False):
            stage = f" at stage {record.stage}" if kind == "complaints" else ""
            problems.append(
                Problem(
                    record.source_file,
                    f"duplicates reference {record.reference}{stage}",
                    row=record.source_row,
                    reference=record.reference,
                    column="reference",
                    value=record.reference,
                    hint=f"It is already on {record.first_file} row {record.first_row}; remove one of the two rows",
                )
            )
    if kind == "complaints":
        stage1 = set(usable.loc[usable["stage"] == 1, "reference"].to_numpy(dtype=object))
        later = usable[usable["stage"].isin([2, 3])]
        orphans = later[[reference not in stage1 for reference in later["reference"].to_numpy(dtype=object)]]
        for record in orphans.itertuples(index=False):
            problems.append(
                Problem(
                    record.source_file,
                    f"is a stage {record.stage} complaint with no stage 1 row",
                    row=record.source_row,
                    reference=record.reference,
                    column="stage",
                    value=str(record.stage),
                    hint="Every escalated complaint needs its stage 1 row (same reference) in the exports",
                )
            )
    return problems


def needs_procedure_column(table: RawTable, frame: pd.DataFrame) -> Problem | None:
    """Children's complaints need a procedure: say so once for the file, not once a row."""
    if not (frame["service"] == "childrens").any():
        return None
    return Problem(
        table.name,
        MISSING_COLUMN + " for Children's Services complaints",
        row=table.header_row,
        column="procedure",
        hint="Add a 'procedure' column (statutory or corporate/non-statutory) for every Children's "
        "complaint, or map your own column name to it in mapping.yaml under 'complaints: columns:'",
    )
