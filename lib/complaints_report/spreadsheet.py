"""CSV files that are safe to open in Excel: text from an export never runs as a formula.

Councils publish the CSVs behind every chart and table, and analysts and councillors open them
in Excel. Exports hold text staff typed, so a team or category such as
``=HYPERLINK("http://x","y")`` would become a live formula when the file is opened. Following
OWASP's advice on CSV injection (https://owasp.org/www-community/attacks/CSV_Injection), a
text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a leading apostrophe, so a spreadsheet shows it as text. Numbers are left alone, including
negative ones and numbers written as text (``-5``, ``+3.5``, ``1,234``).

Files are UTF-8 with a byte-order mark, which Excel needs to show "£" and curly apostrophes
correctly, and end lines with ``\\n`` so the same data gives the same bytes on every machine.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ENCODING = "utf-8-sig"
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def safe_cell(value: object) -> object:
    """A cell as it should be written: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of the frame with every text cell, and every column name, made safe."""
    safe = frame.copy()
    safe.columns = [safe_cell(str(column)) for column in frame.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = _safe_column(safe[column])
    return safe


def _safe_column(values: pd.Series) -> pd.Series:
    """``safe_cell`` on each cell; in a text column, only on the cells that start like a formula
    (a row accounting has a million cells)."""
    if not isinstance(values.dtype, pd.StringDtype):
        return values.map(safe_cell)
    risky = values.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(dtype=bool)
    if not risky.any():
        return values
    values = values.copy()
    values[risky] = values[risky].map(safe_cell)
    return values


def _csv_cells(values: pd.Series) -> np.ndarray | None:
    """The column's cells as ``csv.writer`` takes them, where that writes what pandas' ``to_csv``
    would (text, blank as empty, and whole numbers); None for any other column."""
    if isinstance(values.dtype, pd.StringDtype):
        return values.to_numpy(dtype=object, na_value="")
    if pd.api.types.is_integer_dtype(values.dtype) and not values.hasnans:
        return values.to_numpy(dtype=object)
    return None


def _write_rows(frame: pd.DataFrame, handle) -> bool:
    """Write a frame of text and whole-number columns with the csv module, as pandas' ``to_csv``
    (which uses the same writer and dialect) writes it, a good deal faster; False for other frames."""
    columns = [_csv_cells(frame[column]) for column in frame.columns]
    if not columns or frame.columns.has_duplicates or any(cells is None for cells in columns):
        return False
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow([str(column) for column in frame.columns])
    writer.writerows(zip(*columns, strict=True))
    return True


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` (without its index) as a CSV that opens safely in Excel."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = safe_frame(frame)
    with open(path, "w", encoding=ENCODING, newline="") as handle:
        if not _write_rows(safe, handle):
            safe.to_csv(handle, index=False, lineterminator="\n")
    return path
