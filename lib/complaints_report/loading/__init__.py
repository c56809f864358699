"""Loading council exports: every input kind of the contract (section 2), checked.

- Every file named ``complaints*.csv|xlsx`` in the data folder is read and stacked; likewise
  ``enquiries*``, ``compliments*``, ``ombudsman*``, ``history*``, ``context*`` and ``comparators*``.
- Column names match ignoring case, spaces, hyphens and underscores, and a council's own names
  come from ``mapping.yaml``, per file kind (``mapping.py``, ``headers.py``).
- CSV may be UTF-8 (with or without BOM) or Windows-1252, Excel's default on UK Windows;
  an ``.xlsx`` may have title rows above its header (``files.py``).
- Dates may be ISO (2022-04-03), UK day-first (03/04/2022 is 3 April) or real Excel dates.
  Month-first is never assumed (``values.py``).
- Columns are checked as vectors, each distinct value read once (``checks.py``); every problem
  is collected before stopping, so an analyst fixes them all in one pass.

The checked frames (:class:`Inputs`) are what the metrics read; ``schema.py`` states their
columns and types.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from complaints_report.loading.allocator import keep_freed_memory
from complaints_report.loading.checks import (
    DATE_COLUMNS,
    EMPTY_COLUMNS,
    check_file,
    cross_row_problems,
    empty_rows,
    needs_procedure_column,
    typed_frame,
)
from complaints_report.loading.checks import _keep as keep_rows
from complaints_report.loading.files import find_files, read_table
from complaints_report.loading.headers import (
    MISSING_COLUMN,
    match_headers,
    missing_columns,
    unmatched_entries,
)
from complaints_report.loading.mapping import Mapping, load_mapping, read_mapping
from complaints_report.loading.values import ValueProblem, parse_date, parse_money
from complaints_report.problems import InputError, Problem
from complaints_report.vocabulary import KINDS, SERVICE_NAMES
from complaints_report.years import ReportingYear

__all__ = [
    "DATE_COLUMNS",
    "EMPTY_COLUMNS",
    "MISSING_COLUMN",
    "Inputs",
    "Mapping",
    "ValueProblem",
    "accounted",
    "check_inputs",
    "find_files",
    "for_report",
    "inputs_for_report",
    "load_inputs",
    "load_mapping",
    "notes",
    "parse_date",
    "parse_money",
    "services_with_complaints",
]

CASE_KINDS = ("complaints", "enquiries", "compliments", "ombudsman")  # one row per case, dated `received`
YEARS_BEFORE = 5  # a report shows the year, the four before it (the trend) and last year's own trend
NOTE_LIMIT = 10  # notes of one sort listed one by one; the rest are counted
# What `for_report` keeps of each row it leaves out (besides its place among the rows read): what
# the row accounting lists, and the service, which says why the row is not counted
LEFT_OUT_COLUMNS = ("source_file", "source_row", "reference", "service")


@dataclass
class Inputs:
    """Every input kind, checked and typed, stacked across files."""

    data_dir: Path
    complaints: pd.DataFrame
    enquiries: pd.DataFrame
    compliments: pd.DataFrame
    ombudsman: pd.DataFrame
    history: pd.DataFrame
    files: list[Path]
    context: pd.DataFrame | None = None
    comparators: pd.DataFrame | None = None
    # kind -> the rows read and checked but left out of these frames by `for_report`, as the row
    # accounting lists them (LEFT_OUT_COLUMNS); empty unless the inputs were cut to a report
    left_out: dict[str, pd.DataFrame] = field(default_factory=dict)
    # (year, services) the frames were cut to by `for_report`; None: every row of the exports
    scope: tuple[ReportingYear, tuple[str, ...]] | None = None
    # the row accounting's summary (``row_accounting.summary``) when a build has accounted for
    # every row itself and written rows.csv, so these inputs carry no `left_out` (see `accounted`)
    rows_accounted: dict | None = None

    def __post_init__(self) -> None:
        for kind in ("context", "comparators"):  # optional kinds: an empty frame when absent
            if getattr(self, kind) is None:
                setattr(self, kind, typed_frame(kind))

    def frame(self, kind: str) -> pd.DataFrame:
        return getattr(self, kind)

    @property
    def rows_left_out(self) -> dict[str, int]:
        """kind -> how many rows were read and checked but left out of these frames."""
        return {kind: len(self.left_out[kind]) if kind in self.left_out else 0 for kind in KINDS}

    def check_scope(self, service: str, year: ReportingYear) -> None:
        """Refuse figures these inputs cannot give: inputs cut to a report hold only its rows."""
        if self.scope is None:
            return
        cut_year, services = self.scope
        if cut_year != year or service not in services:
            raise ValueError(
                f"These inputs were cut to the {cut_year.display} report of {', '.join(services)}: "
                f"load the exports again for {service} {year.display}"
            )


def check_inputs(data_dir: Path, mapping: Mapping | None = None) -> tuple[Inputs | None, list[Problem]]:
    """Every problem in a data folder, and the inputs when there are none."""
    keep_freed_memory()  # see allocator.py: halves the time a million rows take
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return None, [
            Problem(str(data_dir), "is not a folder", hint="Give --data the folder that holds the exports")
        ]
    if mapping is None:
        mapping, mapping_problems = read_mapping(data_dir)
    else:
        mapping_problems = mapping.problems()
    problems: list[Problem] = []
    frames, files, tables = {}, [], {}
    for kind in KINDS:
        vocabularies = mapping.vocabularies(kind, strict=False)
        lookup = mapping.column_lookup(kind)
        parts = []
        for path in find_files(data_dir, kind):
            files.append(path)
            table = read_table(path, kind, lookup)
            problems += table.problems
            tables.setdefault(kind, []).append(table)
            if table.cells is None:
                continue
            columns, header_problems = match_headers(table, kind, mapping)
            missing = missing_columns(table, kind, columns)
            problems += header_problems + missing
            keep_rows(table, ~empty_rows(table.cells))
            if not len(table.cells):
                problems.append(
                    Problem(
                        path.name,
                        "has a header but no data rows",
                        hint="Export the records again, or remove the empty file from the data folder",
                    )
                )
                continue
            if missing:
                continue  # its rows cannot be read without the column; fix it and validate again
            frame, row_problems = check_file(table, columns, kind, vocabularies)
            problems += row_problems
            if kind == "complaints" and "procedure" not in columns:
                problem = needs_procedure_column(table, frame)
                problems += [problem] if problem else []
            parts.append(frame)
            table.cells = None  # the cells are read: free them before the next file
        frames[kind] = (
            pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts or [typed_frame(kind)])[0]
        )
        problems += cross_row_problems(kind, frames[kind])
    problems = mapping_problems + unmatched_entries(mapping, tables) + problems
    if not find_files(data_dir, "complaints"):
        problems.insert(
            0,
            Problem(
                str(data_dir),
                "has no complaints file",
                hint="Put the complaints export in this folder with a name starting 'complaints' (.csv or .xlsx)",
            ),
        )
    if problems:
        return None, problems
    return Inputs(data_dir=data_dir, files=files, **frames), []


def load_inputs(
    data_dir: Path,
    mapping: Mapping | None = None,
    *,
    year: ReportingYear | None = None,
    services: list[str] | tuple[str, ...] | None = None,
) -> Inputs:
    """The checked inputs of a data folder, or :class:`InputError` listing every problem.

    Every row of every file is checked whatever ``year`` and ``services`` say (any bad input
    stops a build, contract section 2); given them, the frames then keep only the rows a
    report of that year needs (see :func:`for_report`).
    """
    inputs, problems = check_inputs(data_dir, mapping)
    if problems:
        raise InputError(problems)
    if year is not None:
        return for_report(inputs, year, services)
    return inputs


def for_report(inputs: Inputs, year: ReportingYear, services=None) -> Inputs:
    """The inputs cut down to what a report of ``year`` (and ``services``) reads.

    Case rows (complaints, enquiries, compliments, Ombudsman cases) received in the year or the
    five before it: the year, its trend of four earlier years, and the previous year's own
    trend. The earliest row of each kind and service (any service) is kept too, so "the export
    is there" and "from the first year it has records for the service"
    (``metrics.has_case_data``) read the same. ``history``, ``context``
    and ``comparators`` keep every row of the services. The rows left out are kept in
    ``left_out`` with what the row accounting lists of them (their place among the rows read,
    file, row, reference and service), so it can still account for every row read.
    """
    if inputs.scope is not None:
        raise ValueError("for_report needs the inputs as read, not inputs already cut to a report")
    services = tuple(dict.fromkeys(services or SERVICE_NAMES))
    first = np.datetime64(ReportingYear(year.start - YEARS_BEFORE).first_day, "s")
    last = np.datetime64(year.next.first_day, "s")
    frames, left_out = {}, {}
    for kind in KINDS:
        frame = inputs.frame(kind)
        wanted = frame["service"].isin(services).to_numpy().copy()
        if kind in CASE_KINDS and len(frame):
            received = frame["received"].to_numpy()
            wanted &= (received >= first) & (received < last)
            earliest = frame.groupby("service", sort=False)["received"].idxmin()  # of every service
            wanted[earliest.dropna().astype(int).to_numpy()] = True
        if wanted.all():
            frames[kind] = frame
            continue
        frames[kind] = frame[wanted].reset_index(drop=True)
        dropped = ~wanted
        left = {
            column: _as_read(frame[column].to_numpy()[dropped])
            for column in LEFT_OUT_COLUMNS
            if column in frame
        }
        left_out[kind] = pd.DataFrame({"position": np.flatnonzero(dropped), **left})
    return Inputs(
        data_dir=inputs.data_dir, files=inputs.files, left_out=left_out, scope=(year, services), **frames
    )


def _as_read(values: np.ndarray) -> pd.Series:
    """A column of the rows left out, as it is: text stays an array of the same Python objects
    (pandas would otherwise copy and check a million of them into its own text type)."""
    return pd.Series(values, dtype=object if values.dtype == object else None, copy=False)


def accounted(inputs: Inputs, summary: dict) -> Inputs:
    """Inputs cut to a report whose rows the build has accounted for (rows.csv written, summarised
    in ``summary``): the rows left out are no longer needed, so they are not carried (nor handed
    over to the notebook)."""
    if inputs.scope is None:
        raise ValueError("accounted needs inputs cut to a report (for_report)")
    return dataclasses.replace(inputs, left_out={}, rows_accounted=summary)


def inputs_for_report(
    data_dir: Path, year: ReportingYear, service: str, checked_inputs: Path | str = ""
) -> Inputs:
    """What a service's notebook computes from: the exports of ``data_dir`` checked and cut to
    the report (:func:`load_inputs`), or, in a build, the inputs the build has already checked,
    handed over in ``checked_inputs`` (``handover.py``)."""
    if not checked_inputs:
        return load_inputs(data_dir, year=year, services=[service])
    from complaints_report.loading import handover

    inputs = handover.read(checked_inputs)
    inputs.check_scope(service, year)
    return inputs


def services_with_complaints(inputs: Inputs, year: ReportingYear) -> list[str]:
    """Services that have complaints received in a year, in the contract's order."""
    frame = inputs.complaints
    in_year = frame[year.mask(frame["received"])]
    present = set(in_year["service"])
    return [service for service in SERVICE_NAMES if service in present]


def notes(inputs: Inputs, limit: int = NOTE_LIMIT) -> list[str]:
    """Things that are allowed but worth an analyst's look; they do not stop a build.

    Each sort is listed row by row up to ``limit``; beyond that the rest are counted.
    """
    frame = inputs.complaints
    found = []
    unrecorded = frame[(frame["status"] == "accepted") & frame["outcome"].isna() & frame["responded"].notna()]
    for row in unrecorded.head(limit).itertuples(index=False):
        found.append(
            f"{row.source_file}, row {row.source_row}, reference {row.reference}: has a response date but no "
            "outcome. It counts in the response times but not in the outcomes; add the outcome if it is known"
        )
    if len(unrecorded) > limit:
        found.append(f"{len(unrecorded) - limit:,} more complaints have a response date but no outcome")
    adult_escalations = frame[(frame["service"] == "asc") & (frame["stage"] != 1)]
    for row in adult_escalations.head(limit).itertuples(index=False):
        found.append(
            f"{row.source_file}, row {row.source_row}, reference {row.reference}: an Adult Social Care complaint "
            f"at stage {row.stage}. The ASC procedure has one stage; it counts only in stage {row.stage} figures"
        )
    if len(adult_escalations) > limit:
        found.append(
            f"{len(adult_escalations) - limit:,} more Adult Social Care complaints are at stage 2 or 3"
        )
    return found
