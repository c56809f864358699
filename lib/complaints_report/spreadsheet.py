"""CSV files that are safe to open in Excel: text from an export never runs as a formula.

Councils publish the CSVs behind every chart and table, and analysts and councillors open them
in Excel. Exports hold text staff typed, so a team or category such as
``=HYPERLINK("http://x","y")`` would become a live formula when the file is opened. Following
OWASP's advice on CSV injection (https://owasp.org/www-community/attacks/CSV_Injection), a
text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a leading apostrophe, so a spreadsheet shows it as text. Numbers are left alone, including
negative ones and numbers written as text (``-5``, ``+3.5``, ``1,234``). A line break inside a cell
is written as a line feed, whatever it was in the export, so that the cell stays one cell.

Files are UTF-8 with a byte-order mark, which Excel needs to show "£" and curly apostrophes
correctly, and end lines with ``\\n`` so the same data gives the same bytes on every machine.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def safe_cell(value: object) -> object:
    """A cell as it should be written: text that a spreadsheet would run gets a leading apostrophe,
    and a line break written as a carriage return is written as a line feed.

    The CSV writer quotes a cell holding a line feed but not one holding only a carriage return,
    which Excel and Python's csv module read as the end of the row: the rest of the cell would
    become a row of its own."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(value):
        return "'" + text
    return text


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell, and every column name, made safe."""
    safe = frame.copy()
    safe.columns = [safe_cell(str(column)) for column in frame.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(safe_cell)
    return safe


# ----------------------------------------------------------------------------- large frames
# A frame of text and whole numbers (a row accounting: a million rows) is written without pandas'
# CSV writer, with the same bytes: pandas writes each cell through the csv module's writer in
# its default dialect, which quotes a cell only when it holds a comma, a quote or a line break.

_NEEDS_A_LOOK = re.compile(r"^[=+\-@\t\r]|[,\"\r\n]")  # may start like a formula, or need quoting
_NEEDS_A_LOOK_JOINED = re.compile(r"\0[=+\-@\t\r]|[,\"\r\n]")  # the same, in cells joined by NUL
_SAMPLE = 1000  # rows looked at to tell a column of few distinct values (team, reason) from references
# Rows joined into text and written at a time: a million-row file never stands whole in memory as
# text, and the memory of one part is reused for the next
CHUNK_ROWS = 50_000


def _csv_text(value: str) -> str:
    """A made-safe cell as the csv module writes it (quoted where needed)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([safe_cell(value), ""])  # two cells: never the
    return buffer.getvalue()[:-2]  # lone-empty-cell case; the trailing ",\n" is removed


def _flagged(cells: np.ndarray) -> np.ndarray:
    """Which cells may start like a formula or need quoting: the column is searched as one text,
    its cells joined by NUL (which no export cell holds), rather than a cell at a time."""
    joined = "\0".join(cells)
    if joined.count("\0") != len(cells) - 1:  # a cell holds NUL after all: look at each cell
        return pd.Series(cells, dtype=object).str.contains(_NEEDS_A_LOOK).to_numpy(dtype=bool)
    found = [match.end() - 1 for match in _NEEDS_A_LOOK_JOINED.finditer(joined)]  # in the cell after a NUL
    flagged = np.zeros(len(cells), dtype=bool)
    flagged[0] = bool(_NEEDS_A_LOOK.search(cells[0]))
    if found:
        starts = np.cumsum([0] + [len(cell) + 1 for cell in cells[:-1]])  # where each cell starts
        flagged[np.searchsorted(starts, np.asarray(found), side="right") - 1] = True
    return flagged


def _texts(cells: np.ndarray) -> np.ndarray:
    """Each text cell as written: only the cells that may start like a formula or need quoting are
    looked at one by one."""
    if not len(cells):
        return cells
    flagged = _flagged(cells)
    if not flagged.any():
        return cells
    cells = cells.copy()
    cells[flagged] = [_csv_text(value) for value in cells[flagged]]
    return cells


def _column_texts(values: pd.Series) -> np.ndarray | None:
    """A column's cells as written, or None for a column this path does not write (pandas does)."""
    if isinstance(values.dtype, pd.StringDtype):
        cells = values.to_numpy(dtype=object, na_value="")
        sample = cells[:_SAMPLE]
        if len(cells) > _SAMPLE and len(set(sample)) * 4 < len(sample):  # few distinct: each once
            codes, distinct = pd.factorize(cells)
            return _texts(np.asarray(distinct, dtype=object))[codes]
        return _texts(cells)
    if pd.api.types.is_integer_dtype(values.dtype) and not values.hasnans:
        return np.asarray(list(map(str, values.tolist())), dtype=object)
    return None


def _large_frame_parts(frame: pd.DataFrame) -> Iterator[str] | None:
    """The CSV of a frame of text and whole-number columns (two or more) in parts, :data:`CHUNK_ROWS`
    rows at a time, else None."""
    if len(frame.columns) < 2 or frame.columns.has_duplicates:
        return None
    columns = []
    for column in frame.columns:
        texts = _column_texts(frame[column])
        if texts is None:
            return None
        columns.append(texts)
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow([safe_cell(str(column)) for column in frame.columns])

    def parts() -> Iterator[str]:
        yield header.getvalue()
        for start in range(0, len(frame), CHUNK_ROWS):
            rows = zip(*(texts[start : start + CHUNK_ROWS] for texts in columns), strict=True)
            yield "\n".join(map(",".join, rows)) + "\n"

    return parts()


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` (without its index) as a CSV that opens safely in Excel."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    parts = _large_frame_parts(frame)
    if parts is None:
        safe_frame(frame).to_csv(path, index=False, lineterminator="\n", encoding=ENCODING)
        return path
    with open(path, "w", encoding=ENCODING, newline="") as file:  # the byte-order mark once, at the start
        file.writelines(parts)
    return path
