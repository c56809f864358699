"""Problems found in input files, worded for the analyst who has to fix them.

Every problem names the file, the row as a spreadsheet user sees it (the header is row 1),
the case reference, the column and the offending value, and says what to do. A problem in
a configuration file (``mapping.yaml``, ``meta.yml``) names the line and the key instead.

Text quoted from a file is shown, never obeyed: control characters (a NUL byte, a line
break inside a cell) are printed as visible escapes such as ``\\x00`` and ``\\n``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object) -> str:
    """Text from a file as it may be printed: control characters as visible escapes."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(0), f"\\x{ord(m.group(0)):02x}"), str(text))


def location(
    file: str,
    *,
    line: int | None = None,
    row: int | None = None,
    reference: str | None = None,
    key: str | None = None,
    column: str | None = None,
    value: str | None = None,
) -> str:
    """Where something is, as every message to the analyst says it: 'complaints.csv, row 4,
    reference ASC-0003, column 'team'' (text from a file printed, never obeyed)."""
    parts = [printable(file)]
    if line is not None:
        parts.append(f"line {line}")
    if row is not None:
        parts.append(f"row {row}")
    if reference:
        parts.append(f"reference {printable(reference)}")
    if key:
        parts.append(f"key '{printable(key)}'")
    if column:
        parts.append(f"column '{printable(column)}'")
    if value is not None:
        parts.append(f"value '{printable(value)}'")
    return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely."""

    file: str
    message: str
    row: int | None = None
    reference: str | None = None
    column: str | None = None
    value: str | None = None
    hint: str = ""
    key: str | None = None  # a configuration key, e.g. "complaints: columns: Case Ref"
    line: int | None = None  # a line of a text file (mapping.yaml, meta.yml), not a spreadsheet row

    def where(self) -> str:
        return location(
            self.file,
            line=self.line,
            row=self.row,
            reference=self.reference,
            key=self.key,
            column=self.column,
            value=self.value,
        )

    def __str__(self) -> str:
        text = f"{self.where()}: {printable(self.message)}"
        if self.hint:
            text += f". {printable(self.hint)}"
        return text


class InputError(Exception):
    """The input files have problems; the build stops before anything is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.summary())

    def __reduce__(self):  # pickled with its problems (from a forked copy of the build, workers.Forked)
        return (type(self), (self.problems,))

    def summary(self) -> str:
        count = len(self.problems)
        lines = [f"{count:,} problem{'s' if count != 1 else ''} found in the input files:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
