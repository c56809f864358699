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

import re
from pathlib import Path

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


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` (without its index) as a CSV that opens safely in Excel."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(path, index=False, lineterminator="\n", encoding=ENCODING)
    return path
