"""Problems found in input files, worded for the analyst who has to fix them.

Every problem names the file, the row as a spreadsheet user sees it (the header is row 1),
the case reference, the column and the offending value, and says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.reference:
            parts.append(f"reference {self.reference}")
        if self.column:
            parts.append(f"column '{self.column}'")
        if self.value is not None:
            parts.append(f"value '{self.value}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.hint:
            text += f". {self.hint}"
        return text


class InputError(Exception):
    """The input files have problems; the build stops before anything is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} found in the input files:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
