"""Loading council exports: every input kind of the contract (section 2), checked row by row.

- Every file named ``complaints*.csv|xlsx`` in the data folder is read and stacked; likewise
  ``enquiries*``, ``compliments*``, ``ombudsman*``, ``history*``, ``context*`` and ``comparators*``.
- Column names match ignoring case, spaces, hyphens and underscores (and a council's own
  names from ``mapping.yaml``).
- CSV may be UTF-8 (with or without BOM) or Windows-1252, Excel's default on UK Windows.
- Dates may be ISO (2022-04-03), UK day-first (03/04/2022 is 3 April) or real Excel dates.
  Month-first is never assumed.
- Every problem is collected before stopping, so an analyst fixes them all in one pass.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from complaints_report.problems import InputError, Problem
from complaints_report.vocabulary import (
    COLUMNS,
    CONTEXT_MEASURES,
    EQUALITY_COLUMNS,
    KINDS,
    SERVICE_NAMES,
    Mapping,
    key,
    load_mapping,
)
from complaints_report.years import ReportingYear, YearError

SUFFIXES = (".csv", ".xlsx")
MISSING_COLUMN = "a required column is missing"
HEADER_SEARCH_ROWS = 20  # title rows above the header in an Excel export
EARLIEST_DATE = date(1990, 1, 1)

DATE_HINT = "Write dates as DD/MM/YYYY (03/04/2022 is 3 April 2022) or YYYY-MM-DD"


@dataclass
class RawTable:
    """One file's rows with contract column names, before values are checked."""

    path: Path
    records: list[dict]  # contract column -> raw cell value, plus "_row"
    problems: list[Problem] = field(default_factory=list)
    columns: set[str] = field(default_factory=set)  # contract columns the header names
    header_row: int = 1

    @property
    def missing_required(self) -> bool:
        return any(p.message == MISSING_COLUMN for p in self.problems)


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

    def __post_init__(self) -> None:
        for kind in ("context", "comparators"):  # optional kinds: an empty frame when absent
            if getattr(self, kind) is None:
                setattr(self, kind, pd.DataFrame(columns=EMPTY_COLUMNS[kind] + ["source_file", "source_row"]))

    def frame(self, kind: str) -> pd.DataFrame:
        return getattr(self, kind)


# --------------------------------------------------------------------------- files


def find_files(data_dir: Path, kind: str) -> list[Path]:
    """The files of one kind in a data folder, in name order."""
    return sorted(
        path
        for path in Path(data_dir).iterdir()
        if path.is_file() and path.suffix.lower() in SUFFIXES and path.name.lower().startswith(kind)
    )


def _decode(raw: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252 as Excel writes CSV on UK Windows."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _header_columns(cells: list, lookup: dict[str, str]) -> dict[int, str]:
    """Position -> contract column for the header cells that name one."""
    found = {}
    for position, cell in enumerate(cells):
        if cell is None or str(cell).strip() == "":
            continue
        column = lookup.get(key(cell))
        if column is not None and column not in found.values():
            found[position] = column
    return found


def _read_csv(path: Path, lookup: dict[str, str]) -> tuple[list[tuple[int, list]], dict[int, str], int]:
    text = _decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list]] = []
    header: dict[int, str] | None = None
    header_row = 0
    # The row a spreadsheet user sees is the record's position, not the text line: a quoted
    # cell with a line break is one row in Excel but several lines in the file.
    for line, cells in enumerate(reader, start=1):
        if not any(str(c).strip() for c in cells):
            continue
        if header is None:
            header, header_row = _header_columns(cells, lookup), line
            continue
        rows.append((line, cells))
    return rows, header or {}, header_row


def _read_xlsx(
    path: Path, kind: str, lookup: dict[str, str]
) -> tuple[list[tuple[int, list]], dict[int, str], int]:
    """The sheet and header row that best match the kind's columns (titles above are skipped)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    required = set(COLUMNS[kind]["required"])
    best: tuple[int, int, str, dict[int, str]] | None = None
    try:
        for sheet in workbook.worksheets:
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > HEADER_SEARCH_ROWS:
                    break
                header = _header_columns(list(cells), lookup)
                score = len(required & set(header.values()))
                if header and (best is None or score > best[0]):
                    best = (score, number, sheet.title, header)
        if best is None:
            return [], {}, 0
        _, header_row, title, header = best
        rows = []
        for number, cells in enumerate(workbook[title].iter_rows(values_only=True), start=1):
            if number <= header_row or not any(c is not None and str(c).strip() for c in cells):
                continue
            rows.append((number, list(cells)))
        return rows, header, header_row
    finally:
        workbook.close()


def read_raw(path: Path, kind: str, mapping: Mapping) -> RawTable:
    """Read one file into records keyed by contract column names, noting file-level problems."""
    lookup = mapping.column_lookup()
    name = path.name
    try:
        if path.suffix.lower() == ".xlsx":
            rows, header, header_row = _read_xlsx(path, kind, lookup)
        else:
            rows, header, header_row = _read_csv(path, lookup)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        return RawTable(
            path,
            [],
            [
                Problem(
                    name,
                    f"could not be read ({error.__class__.__name__}: {error})",
                    hint="Check it is a CSV or an .xlsx workbook saved from Excel, not renamed from another format",
                )
            ],
        )
    except csv.Error as error:
        return RawTable(
            path,
            [],
            [
                Problem(
                    name,
                    f"is not a readable CSV file ({error})",
                    hint="Re-save it from Excel as 'CSV UTF-8' or 'CSV (Comma delimited)'",
                )
            ],
        )
    problems = []
    if not header:
        problems.append(
            Problem(
                name,
                "is empty or has no header row with the expected column names",
                hint=f"The first row should name the columns: {', '.join(COLUMNS[kind]['required'])}",
            )
        )
        return RawTable(path, [], problems)
    present = set(header.values())
    for column in COLUMNS[kind]["required"]:
        if column not in present:
            problems.append(
                Problem(
                    name,
                    MISSING_COLUMN,
                    row=header_row,
                    column=column,
                    hint=f"Add a column named '{column}' (columns found: {', '.join(sorted(present))}), "
                    "or map your own column name to it in mapping.yaml",
                )
            )
    if not rows:
        problems.append(
            Problem(
                name,
                "has a header but no data rows",
                hint="Export the records again, or remove the empty file from the data folder",
            )
        )
    records = []
    for line, cells in rows:
        record = {"_row": line}
        for position, column in header.items():
            record[column] = cells[position] if position < len(cells) else None
        records.append(record)
    return RawTable(path, records, problems, present, header_row)


# --------------------------------------------------------------------------- values

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_NAMED = ("%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y", "%d %b %y")


class ValueProblem(ValueError):
    """A cell's value cannot be used; carries the analyst's hint."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


def blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or str(value).strip() == ""


def show(value: object) -> str:
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
        )
    return str(value).strip()


def parse_date(value: object) -> date:
    """A date from an Excel cell or text: ISO, or UK day-first. Month-first is refused."""
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        text = str(value).strip()
        day = None
        if match := _ISO.match(text):
            year, month, dom = (int(g) for g in match.groups())
        elif match := _UK.match(text):
            dom, month, year = (int(g) for g in match.groups())
            if month > 12 and dom <= 12:
                raise ValueProblem(
                    "looks like a month-first (US) date; dates are read day first",
                    f"{DATE_HINT}; this would be {month}/{dom:02d}/{year} written day first",
                )
        else:
            for pattern in _NAMED:
                try:
                    day = datetime.strptime(text, pattern).date()
                    break
                except ValueError:
                    continue
            if day is None:
                hint = DATE_HINT
                if text.isdigit():
                    hint += " (a plain number is an Excel date serial: format the column as a date)"
                raise ValueProblem("is not a date", hint)
        if day is None:
            try:
                day = date(year, month, dom)
            except ValueError:
                raise ValueProblem("is not a real calendar date", DATE_HINT) from None
    if day < EARLIEST_DATE or day > date.today():
        raise ValueProblem(
            f"is outside the possible range ({EARLIEST_DATE:%d/%m/%Y} to today)",
            "Check the year was typed correctly",
        )
    return day


def parse_money(value: object) -> float:
    """Pounds: £800, 800, 800.00, £1,200.50."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = float(value)
    else:
        text = str(value).strip().replace("£", "").replace(",", "").replace("GBP", "").strip()
        try:
            amount = float(text)
        except ValueError:
            raise ValueProblem(
                "is not an amount of money", "Write the amount in pounds as a number, e.g. 800 or £800.00"
            ) from None
    if not math.isfinite(amount):  # float() also reads 'nan' and 'inf'
        raise ValueProblem(
            "is not an amount of money", "Write the amount in pounds as a number, e.g. 800 or £800.00"
        )
    if amount < 0:
        raise ValueProblem(
            "is a negative amount", "Remedy amounts are paid to the complainant: write them as positive"
        )
    return amount


def parse_stage_text(value: object) -> str:
    text = str(value).strip()
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text


# --------------------------------------------------------------------------- row checking


class RowChecker:
    """Checks one record, collecting a problem per bad cell."""

    def __init__(self, file: str, record: dict, problems: list[Problem]):
        self.file = file
        self.record = record
        self.problems = problems
        self.row = record["_row"]
        ref = record.get("reference")
        self.reference = None if blank(ref) else show(ref)

    def problem(self, column: str | None, value: object, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(
                self.file,
                message,
                row=self.row,
                reference=self.reference,
                column=column,
                value=None if value is None else show(value),
                hint=hint,
            )
        )

    def text(self, column: str, required: bool = False, default: str | None = None) -> str | None:
        value = self.record.get(column)
        if blank(value):
            if required:
                self.problem(
                    column, "", "is blank but this column is required", f"Fill in '{column}' for every row"
                )
            return default
        return show(value)

    def parsed(self, column: str, parser: Callable, required: bool = False):
        value = self.record.get(column)
        if blank(value):
            if required:
                self.problem(
                    column, "", "is blank but this column is required", f"Fill in '{column}' for every row"
                )
            return None
        try:
            return parser(value)
        except ValueProblem as error:
            self.problem(column, value, error.message, error.hint)
            return None

    def choice(self, column: str, vocabulary, required: bool = False, default=None):
        value = self.record.get(column)
        if blank(value):
            if required:
                self.problem(
                    column, "", "is blank but this column is required", f"Use one of: {vocabulary.accepted()}"
                )
            return default
        text = parse_stage_text(value) if vocabulary.name == "stage" else value
        found = vocabulary.get(text)
        if found is None:
            self.problem(
                column,
                value,
                f"is not a known {vocabulary.name}",
                f"Use one of: {vocabulary.accepted()}, or add this label to mapping.yaml",
            )
        return found

    def not_before(
        self, later_column: str, later: date | None, earlier_column: str, earlier: date | None
    ) -> None:
        if later is not None and earlier is not None and later < earlier:
            self.problem(
                later_column,
                self.record.get(later_column),  # the value as written
                f"is before the '{earlier_column}' date {earlier:%d/%m/%Y}",
                f"Check both dates: a case cannot be {later_column} before it was {earlier_column}",
            )


def _complaint(check: RowChecker, vocab: dict) -> dict:
    service = check.choice("service", vocab["service"], required=True)
    received = check.parsed("received", parse_date, required=True)
    acknowledged = check.parsed("acknowledged", parse_date)
    responded = check.parsed("responded", parse_date)
    check.not_before("responded", responded, "received", received)
    check.not_before("acknowledged", acknowledged, "received", received)
    # Children's complaints need a procedure; a file without the column is reported once (load_kind).
    procedure = check.choice(
        "procedure", vocab["procedure"], required=service == "childrens" and "procedure" in check.record
    )
    if procedure is None and service == "asc":
        procedure = "statutory"  # adult social care complaints follow the statutory 2009 regulations
    team = check.text("team", required=True)
    return {
        "reference": check.text("reference", required=True),
        "service": service,
        "stage": check.choice("stage", vocab["stage"], required=True),
        "procedure": procedure,
        "received": received,
        "acknowledged": acknowledged,
        "responded": responded,
        "extension": check.choice("extension", vocab["yes/no"], default=False),
        "team": team,
        "area": check.text("area", default=team),
        "category": check.text("category", required=True),
        "outcome": check.choice("outcome", vocab["outcome"]),
        "status": check.choice("status", vocab["status"], default="accepted"),
        "rejection_reason": check.text("rejection_reason"),
        "complainant": check.text("complainant"),
        **{column: check.text(column) for column in EQUALITY_COLUMNS},
    }


def _enquiry(check: RowChecker, vocab: dict) -> dict:
    received = check.parsed("received", parse_date, required=True)
    responded = check.parsed("responded", parse_date)
    check.not_before("responded", responded, "received", received)
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", vocab["service"], required=True),
        "received": received,
        "responded": responded,
        "service_area": check.text("service_area", default="Not recorded"),
    }


def _compliment(check: RowChecker, vocab: dict) -> dict:
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", vocab["service"], required=True),
        "received": check.parsed("received", parse_date, required=True),
        "team": check.text("team", required=True),
        "quote": check.text("quote"),
        "publish": check.choice("publish", vocab["yes/no"], default=False),
    }


def _ombudsman(check: RowChecker, vocab: dict) -> dict:
    received = check.parsed("received", parse_date, required=True)
    decided = check.parsed("decided", parse_date)
    check.not_before("decided", decided, "received", received)
    return {
        "reference": check.text("reference", required=True),
        "service": check.choice("service", vocab["service"], required=True),
        "received": received,
        "decided": decided,
        "investigated": check.choice("investigated", vocab["yes/no"], required=True),
        "reason_not_investigated": check.text("reason_not_investigated"),
        "finding": check.choice("finding", vocab["finding"]),
        "finding_wording": check.text("finding"),  # the Ombudsman's decision as recorded, for the report
        "remedy": check.text("remedy"),
        "remedy_amount": check.parsed("remedy_amount", parse_money),
        "summary": check.text("summary"),
        "area": check.text("area"),
    }


def _year_label(value: object) -> str:
    try:
        return ReportingYear.parse(str(value)).label
    except YearError as error:
        raise ValueProblem("is not a reporting year", str(error)) from None


def _number(value: object) -> float:
    try:
        number = float(str(value).replace("%", "").replace(",", "").replace("£", ""))
    except ValueError:
        raise ValueProblem("is not a number", "Write the published figure as a number") from None
    if not math.isfinite(number):  # float() also reads 'nan' and 'inf'
        raise ValueProblem("is not a number", "Write the published figure as a number")
    return number


def _measure(check: RowChecker, known) -> str | None:
    measure = check.text("measure", required=True)
    if measure is not None and measure not in known:
        check.problem("measure", measure, "is not a known measure", f"Use one of: {', '.join(sorted(known))}")
        return None
    return measure


def _context(check: RowChecker, vocab: dict) -> dict:
    return {
        "service": check.choice("service", vocab["service"], required=True),
        "year": check.parsed("year", _year_label, required=True),
        "measure": _measure(check, CONTEXT_MEASURES),
        "value": check.parsed("value", _number, required=True),
    }


def _comparator(check: RowChecker, vocab: dict) -> dict:
    from complaints_report.metrics import COMPARATOR_MEASURES

    return {
        "council": check.text("council", required=True),
        "year": check.parsed("year", _year_label, required=True),
        "service": check.choice("service", vocab["service"], required=True),
        "measure": _measure(check, COMPARATOR_MEASURES),
        "value": check.parsed("value", _number, required=True),
    }


def _history(check: RowChecker, vocab: dict) -> dict:
    from complaints_report.metrics import HISTORY_MEASURES

    year, number = _year_label, _number
    measure = check.text("measure", required=True)
    if measure is not None and measure not in HISTORY_MEASURES:
        check.problem(
            "measure", measure, "is not a metric name", f"Use one of: {', '.join(sorted(HISTORY_MEASURES))}"
        )
        measure = None
    return {
        "service": check.choice("service", vocab["service"], required=True),
        "year": check.parsed("year", year, required=True),
        "measure": measure,
        "value": check.parsed("value", number, required=True),
    }


ROW_READERS = {
    "complaints": _complaint,
    "enquiries": _enquiry,
    "compliments": _compliment,
    "ombudsman": _ombudsman,
    "history": _history,
    "context": _context,
    "comparators": _comparator,
}
# Date columns of each checked frame, held as pandas datetime64 (NaT where blank).
DATE_COLUMNS = {
    "complaints": ("received", "acknowledged", "responded"),
    "enquiries": ("received", "responded"),
    "compliments": ("received",),
    "ombudsman": ("received", "decided"),
}
# The columns of each checked frame: the contract's, required ones first, then derived ones.
EMPTY_COLUMNS = {kind: spec["required"] + spec["optional"] for kind, spec in COLUMNS.items()}
EMPTY_COLUMNS["ombudsman"] = EMPTY_COLUMNS["ombudsman"] + ["finding_wording"]


def _cross_row_checks(kind: str, frame: pd.DataFrame, problems: list[Problem]) -> None:
    """Duplicates of reference (+stage) and later stages without a stage 1."""
    if frame.empty or kind in ("history", "context", "comparators"):
        return
    # The contract: a complaint's reference is unique together with its stage, across services.
    keys = ["reference", "stage"] if kind == "complaints" else ["service", "reference"]
    usable = frame.dropna(subset=keys)
    seen: dict[tuple, tuple[str, int]] = {}
    for record in usable.itertuples(index=False):
        ident = tuple(getattr(record, k) for k in keys)
        if ident in seen:
            first_file, first_row = seen[ident]
            stage = f" at stage {record.stage}" if kind == "complaints" else ""
            problems.append(
                Problem(
                    record.source_file,
                    f"duplicates reference {record.reference}{stage}",
                    row=record.source_row,
                    reference=record.reference,
                    column="reference",
                    value=record.reference,
                    hint=f"It is already on {first_file} row {first_row}; remove one of the two rows",
                )
            )
        else:
            seen[ident] = (record.source_file, record.source_row)
    if kind == "complaints":
        stage1 = {reference for (reference, stage) in seen if stage == 1}
        for record in usable.itertuples(index=False):
            if record.stage in (2, 3) and record.reference not in stage1:
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


def _needs_procedure_column(raw: RawTable, vocab: dict, problems: list[Problem]) -> None:
    """Children's complaints need a procedure: say so once for the file, not once a row."""
    if any(
        vocab["service"].get(r.get("service")) == "childrens"
        for r in raw.records
        if not blank(r.get("service"))
    ):
        problems.append(
            Problem(
                raw.path.name,
                MISSING_COLUMN + " for Children's Services complaints",
                row=raw.header_row,
                column="procedure",
                hint="Add a 'procedure' column (statutory or corporate/non-statutory) for every Children's "
                "complaint, or map your own column name to it in mapping.yaml",
            )
        )


def load_kind(
    data_dir: Path, kind: str, mapping: Mapping, problems: list[Problem]
) -> tuple[pd.DataFrame, list[Path]]:
    """Read, check and stack every file of one kind."""
    vocab = mapping.vocabularies()
    records = []
    files = find_files(data_dir, kind)
    for path in files:
        raw = read_raw(path, kind, mapping)
        problems.extend(raw.problems)
        if raw.missing_required:
            continue  # its rows cannot be read without the column; fix it and validate again
        if kind == "complaints" and "procedure" not in raw.columns:
            _needs_procedure_column(raw, vocab, problems)
        for record in raw.records:
            checker = RowChecker(path.name, record, problems)
            row = ROW_READERS[kind](checker, vocab)
            row["source_file"] = path.name
            row["source_row"] = record["_row"]
            records.append(row)
    columns = EMPTY_COLUMNS[kind] + ["source_file", "source_row"]
    frame = pd.DataFrame(records, columns=columns)
    for column in DATE_COLUMNS.get(kind, ()):
        frame[column] = pd.to_datetime(frame[column])  # datetime64[ns]; NaT where blank
    if kind == "complaints":
        frame["stage"] = frame["stage"].astype("Int64")
        frame["extension"] = frame["extension"].astype(bool)
    _cross_row_checks(kind, frame, problems)
    return frame, files


def check_inputs(data_dir: Path, mapping: Mapping | None = None) -> tuple[Inputs | None, list[Problem]]:
    """Every problem in a data folder, and the inputs when there are none."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        return None, [
            Problem(str(data_dir), "is not a folder", hint="Give --data the folder that holds the exports")
        ]
    problems: list[Problem] = []
    try:
        mapping = mapping or load_mapping(data_dir)
        mapping.vocabularies()
    except (ValueError, AttributeError) as error:
        return None, [Problem("mapping.yaml", str(error), hint="Fix the mapping file")]
    except Exception as error:  # a YAML syntax error
        return None, [
            Problem("mapping.yaml", f"could not be read: {error}", hint="Check its YAML indentation")
        ]
    frames, files = {}, []
    for kind in KINDS:
        frames[kind], kind_files = load_kind(data_dir, kind, mapping, problems)
        files += kind_files
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


def load_inputs(data_dir: Path, mapping: Mapping | None = None) -> Inputs:
    """The checked inputs of a data folder, or :class:`InputError` listing every problem."""
    inputs, problems = check_inputs(data_dir, mapping)
    if problems:
        raise InputError(problems)
    return inputs


def services_with_complaints(inputs: Inputs, year: ReportingYear) -> list[str]:
    """Services that have complaints received in a year, in the contract's order."""
    frame = inputs.complaints
    in_year = frame[year.mask(frame["received"])]
    present = set(in_year["service"])
    return [service for service in SERVICE_NAMES if service in present]


def notes(inputs: Inputs) -> list[str]:
    """Things that are allowed but worth an analyst's look; they do not stop a build."""
    frame = inputs.complaints
    found = []
    unrecorded = frame[(frame["status"] == "accepted") & frame["outcome"].isna() & frame["responded"].notna()]
    for row in unrecorded.itertuples(index=False):
        found.append(
            f"{row.source_file}, row {row.source_row}, reference {row.reference}: has a response date but no "
            "outcome. It counts in the response times but not in the outcomes; add the outcome if it is known"
        )
    adult_escalations = frame[(frame["service"] == "asc") & (frame["stage"] != 1)]
    for row in adult_escalations.itertuples(index=False):
        found.append(
            f"{row.source_file}, row {row.source_row}, reference {row.reference}: an Adult Social Care complaint "
            f"at stage {row.stage}. The ASC procedure has one stage; it counts only in stage {row.stage} figures"
        )
    return found
