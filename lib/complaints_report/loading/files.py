"""Reading one export file into a table of cells, as a spreadsheet user sees it.

- Files are found by how their name begins: ``complaints*.csv|xlsx`` and so on.
- CSV may be UTF-8 (with or without a byte-order mark) or Windows-1252, Excel's default on
  UK Windows; a UTF-8 byte-order mark in front of Windows-1252 text (some tools write that)
  is read as Windows-1252. A file that mixes the two, is saved as UTF-16, or holds NUL bytes
  is refused with what to do.
- A well-formed CSV is parsed by pandas' C parser in one pass; a file with rows longer than
  its header is re-read with Python's csv module, which keeps Excel's row numbers.
- An ``.xlsx`` may have title rows above the header and the table on any sheet: the header
  is the row (in the first 20 of any sheet) that names most of the kind's required columns.
  A formula whose result was never saved is noted so that it is refused, not read as blank.

Row numbers are the ones Excel shows: the header row of a plain export is row 1, and a
quoted cell with a line break is one row, not several.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from complaints_report.problems import Problem
from complaints_report.vocabulary import COLUMNS, key

SUFFIXES = (".csv", ".xlsx")
HEADER_SEARCH_ROWS = 20  # title rows above the header in an export
UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS_CSV = "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'"


@dataclass
class RawTable:
    """One file's cells below its header row, with the row numbers a spreadsheet shows."""

    path: Path
    headers: list = field(default_factory=list)  # header cell text by position ("" where blank)
    header_row: int = 0
    cells: pd.DataFrame | None = None  # object cells, one column per position, data rows only
    rows: np.ndarray | None = None  # spreadsheet row number of each data row
    typed: bool = False  # cells hold Excel types (dates, numbers), not only text
    formulas: dict = field(default_factory=dict)  # (data row index, position) -> formula with no saved value
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def find_files(data_dir: Path, kind: str) -> list[Path]:
    """The files of one kind in a data folder, in name order."""
    return sorted(
        path
        for path in Path(data_dir).iterdir()
        if path.is_file() and path.suffix.lower() in SUFFIXES and path.name.lower().startswith(kind)
    )


def column_letter(position: int) -> str:
    """Excel's name of a column: 0 -> A, 26 -> AA."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def has_utf8_sequence(body) -> bool:
    """Whether bytes hold a well-formed UTF-8 sequence of two to four bytes (a lead byte, then
    continuation bytes). In a file that is not UTF-8 as a whole, that means two encodings are mixed:
    Windows-1252 text almost never has one ("Ã©" is the classic sign of UTF-8 read as 1252)."""
    data = np.frombuffer(body, dtype=np.uint8)
    leads = np.flatnonzero((data >= 0xC2) & (data <= 0xF4))

    def follow(n: int) -> np.ndarray:  # whether the byte n after each lead is a continuation byte
        where = leads + n
        inside = where < len(data)
        found = np.zeros(len(where), dtype=bool)
        found[inside] = (data[where[inside]] & 0xC0) == 0x80
        return found

    lead = data[leads]
    two = (lead <= 0xDF) & follow(1)
    three = (lead >= 0xE0) & (lead <= 0xEF) & follow(1) & follow(2)
    four = (lead >= 0xF0) & follow(1) & follow(2) & follow(3)
    return bool((two | three | four).any())


def encoding_of(name: str, raw: bytes) -> tuple[str | None, Problem | None]:
    """The Python codec a CSV's bytes are in, or the problem that stops them being read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(
            name,
            "is saved as UTF-16 ('Unicode Text'), which is not a CSV format this tool reads",
            hint=SAVE_AS_CSV,
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        lines = sorted({_line_of(raw, m.start()) for m in itertools.islice(re.finditer(rb"\x00", raw), 200)})
        shown = ", ".join(map(str, lines[:5])) + (" and more" if len(lines) > 5 else "")
        return None, Problem(
            name,
            f"holds NUL (zero) bytes, which a text export never has (on line {shown} of the file)",
            hint="The file may be damaged or saved in another format. " + SAVE_AS_CSV,
        )
    bom = raw.startswith(UTF8_BOM)
    body = memoryview(raw)[3:] if bom else raw
    try:
        str(body, "utf-8")
        return ("utf-8-sig" if bom else "utf-8"), None
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end >= len(body) - 1:
            return "utf-8-sig" if bom else "utf-8", None  # cut short inside a character: read what is there
        if has_utf8_sequence(body):
            line = _line_of(raw, error.start + (3 if bom else 0))
            return None, Problem(
                name,
                "mixes two text encodings: most of it is UTF-8, but line "
                f"{line} has a character that is not (Windows-1252, perhaps pasted from another file)",
                hint=SAVE_AS_CSV + ", or retype the characters on that line",
            )
        return "cp1252", None


def read_table(path: Path, kind: str, lookup: dict[str, str]) -> RawTable:
    """Read one export; file-level problems (unreadable, empty, no header) are in ``problems``."""
    table = RawTable(path)
    try:
        if path.suffix.lower() == ".xlsx":
            _read_xlsx(table, kind, lookup)
        else:
            _read_csv(table, kind, lookup)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        table.problems.append(
            Problem(
                path.name,
                f"could not be read ({error.__class__.__name__}: {error})",
                hint="Check it is a CSV or an .xlsx workbook saved from Excel, not renamed from another format",
            )
        )
        table.cells = None
    except csv.Error as error:
        table.problems.append(
            Problem(
                path.name,
                f"is not a readable CSV file ({error})",
                hint="Re-save it from Excel as 'CSV UTF-8' or 'CSV (Comma delimited)'",
            )
        )
        table.cells = None
    if table.cells is None and not table.problems:
        found = ", ".join(f"'{h}'" for h in table.headers if h)
        table.problems.append(
            Problem(
                path.name,
                "is empty or has no header row with the expected column names",
                row=table.header_row or None,
                hint=f"The header row should name the columns: {', '.join(COLUMNS[kind]['required'])}"
                + (f" (its first row has: {found}; map your own names in mapping.yaml)" if found else ""),
            )
        )
    return table


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def _header_score(cells, required: set[str], lookup: dict[str, str]) -> int:
    """How many of the kind's columns a row names (required ones count most); -1 if it names none."""
    named = {lookup.get(key(c)) for c in cells if not _blank(c)} - {None}
    return -1 if not named else 100 * len(named & required) + len(named)


def _choose_header(rows: list[tuple[int, list]], kind: str, lookup: dict[str, str]) -> int | None:
    """The index (in ``rows``) of the header: the row naming most of the kind's columns."""
    required = set(COLUMNS[kind]["required"])
    scores = [(_header_score(cells, required, lookup), -i) for i, (_, cells) in enumerate(rows)]
    best = max(scores, default=(-1, 0))
    return None if best[0] < 0 else -best[1]


def _text_cell(value: object) -> str:
    return "" if _blank(value) else str(value).strip()


# --------------------------------------------------------------------------- CSV


def _read_csv(table: RawTable, kind: str, lookup: dict[str, str]) -> None:
    raw = table.path.read_bytes()
    encoding, problem = encoding_of(table.name, raw)
    if problem is not None:
        table.problems.append(problem)
        return
    cp1252_after_bom = encoding == "cp1252" and raw.startswith(UTF8_BOM)
    start = 3 if cp1252_after_bom else 0
    head = raw[start : start + 256 * 1024].decode(encoding, errors="replace")
    first = list(itertools.islice(csv.reader(io.StringIO(head, newline="")), 60))
    candidates = [(n, cells) for n, cells in enumerate(first, start=1) if any(c.strip() for c in cells)]
    choice = _choose_header(candidates[:HEADER_SEARCH_ROWS], kind, lookup)
    if choice is None:
        if candidates:  # name the columns found so the analyst sees what the tool saw
            table.headers = [c.strip() for c in candidates[0][1]]
            table.header_row = candidates[0][0]
        return
    header_row, header = candidates[choice]
    width = max(len(cells) for cells in first)
    try:
        frame = pd.read_csv(
            io.BytesIO(raw[start:]) if start else io.BytesIO(raw),
            header=None,
            names=range(width),
            dtype=object,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            encoding=encoding,
            encoding_errors="replace",
            engine="c",
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError):
        frame = None  # rows longer than the header, or a stray quote: read it the careful way
    if frame is None:
        _read_csv_slowly(table, raw[start:].decode(encoding, errors="replace"), header_row)
    else:
        table.cells = frame.iloc[header_row:].reset_index(drop=True)
        table.rows = np.arange(header_row + 1, header_row + 1 + len(table.cells))
        for index in _beyond_header(table.cells, len(header)):
            _extra_cells(table, int(table.rows[index]), list(table.cells.iloc[index]), len(header))
    table.headers = [c.strip() for c in header]
    table.header_row = header_row


def _beyond_header(cells: pd.DataFrame, width: int) -> np.ndarray:
    """Rows with something in a cell to the right of the header's last column."""
    extra = np.zeros(len(cells), dtype=bool)
    for position in cells.columns[width:]:
        column = cells[position].to_numpy(dtype=object)
        extra |= (column != "") & ~pd.isna(column)
    return np.flatnonzero(extra)


def _extra_cells(table: RawTable, row: int, record: list, width: int) -> None:
    extra = [str(c).strip() for c in record[width:] if isinstance(c, str) and c.strip()]
    if not extra:
        return
    filled = max(n for n, c in enumerate(record) if isinstance(c, str) and c.strip()) + 1
    table.problems.append(
        Problem(
            table.name,
            f"has more cells than the header row ({filled} instead of {width}): "
            f"{', '.join(repr(c) for c in extra)} would belong to no column",
            row=row,
            hint="A comma inside a cell that is not in quotes splits it in two: check the row, or re-save "
            "the file from Excel",
        )
    )


def _read_csv_slowly(table: RawTable, text: str, header_row: int) -> None:
    """Python's csv module, row by row: for files pandas' parser refuses (ragged rows)."""
    records = list(csv.reader(io.StringIO(text, newline="")))
    width = len(records[header_row - 1])
    rows, cells = [], []
    for number, record in enumerate(records[header_row:], start=header_row + 1):
        rows.append(number)
        if len(record) > width:
            _extra_cells(table, number, record, width)
        cells.append((record + [""] * width)[:width])
    table.cells = pd.DataFrame(cells, columns=range(width), dtype=object)
    table.rows = np.asarray(rows, dtype=np.int64)


# --------------------------------------------------------------------------- xlsx


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(
            _FORMULA.search(archive.read(name))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _read_xlsx(table: RawTable, kind: str, lookup: dict[str, str]) -> None:
    """The sheet and header row that best match the kind's columns (titles above are skipped)."""
    from openpyxl import load_workbook

    path = table.path
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        best = None
        for sheet in workbook.worksheets:
            top = itertools.islice(sheet.iter_rows(values_only=True), HEADER_SEARCH_ROWS)
            rows = [(n, list(c)) for n, c in enumerate(top, start=1) if any(not _blank(v) for v in c)]
            choice = _choose_header(rows, kind, lookup)
            if choice is None:
                continue
            score = _header_score(rows[choice][1], set(COLUMNS[kind]["required"]), lookup)
            if best is None or score > best[0]:
                best = (score, sheet.title, *rows[choice])
        if best is None:
            return
        _, title, header_row, header = best
        numbers, cells = [], []
        for number, values in enumerate(workbook[title].iter_rows(values_only=True), start=1):
            if number > header_row and any(not _blank(v) for v in values):
                numbers.append(number)
                cells.append(list(values))
    finally:
        workbook.close()
    width = max([len(header), *map(len, cells)])
    table.headers = [_text_cell(c) for c in header] + [""] * (width - len(header))
    table.header_row = header_row
    table.cells = pd.DataFrame(
        [c + [None] * (width - len(c)) for c in cells], columns=range(width), dtype=object
    )
    table.rows = np.asarray(numbers, dtype=np.int64)
    table.typed = True
    if _has_formulas(path):
        table.formulas = _unsaved_formulas(path, title, numbers)


def _unsaved_formulas(path: Path, title: str, numbers: list[int]) -> dict:
    """Formula cells whose result was never saved (the workbook was written by a program, not Excel)."""
    from openpyxl import load_workbook

    index = {number: i for i, number in enumerate(numbers)}
    values = load_workbook(path, read_only=True, data_only=True)
    formulas = load_workbook(path, read_only=True, data_only=False)
    found = {}
    try:
        pairs = zip(
            values[title].iter_rows(values_only=True),
            formulas[title].iter_rows(values_only=True),
            strict=False,
        )
        for number, (saved, written) in enumerate(pairs, start=1):
            if number not in index:
                continue
            for position, (value, formula) in enumerate(zip(saved, written, strict=False)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    found[(index[number], position)] = formula
    finally:
        values.close()
        formulas.close()
    return found
