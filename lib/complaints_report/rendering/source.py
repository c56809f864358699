"""Lines of a report's source, each knowing the file and line it came from.

``{{< include >}}`` pulls other files into report.qmd; a problem found in the result is
reported against the file the author has to edit, at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    text: str
    source: str  # the file, as its author knows it (e.g. "report.qmd", "_fragments/volume.md")
    number: int  # 1 for the first line of the file

    def where(self) -> str:
        return f"{self.source}, line {self.number}"


def lines_of(text: str, source: str, first: int = 1) -> list[Line]:
    """A file's text as lines (without their line ends), numbered from ``first``."""
    return [Line(line, source, first + index) for index, line in enumerate(text.splitlines())]


def joined(lines: list[Line]) -> str:
    return "\n".join(line.text for line in lines) + "\n"
