"""Reporting years: 1 April to 31 March, written ``2020-21``, displayed ``2020/21``.

Local authority complaints reports follow the financial year (contract section 1).

A year is plausible from 1990-91 (no council's case records go back further; the loader
refuses earlier dates too) to the year after the current one (so that ``new-year`` can
prepare next year's narrative before it starts). Anything else is a typing slip such as
``1899-00`` or ``2202-03`` and is refused with the range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

_YEAR_PATTERN = re.compile(r"^(\d{4})[-/](\d{2})$")
EARLIEST_START = 1990  # 1990-91


class YearError(ValueError):
    """A reporting year that is not written ``YYYY-YY`` with consecutive years."""


@dataclass(frozen=True, order=True)
class ReportingYear:
    """One reporting year, named by the calendar year in which it starts."""

    start: int

    @classmethod
    def parse(cls, text: str) -> ReportingYear:
        """Read ``2020-21`` (or ``2020/21``); anything else is a :class:`YearError`."""
        match = _YEAR_PATTERN.match(str(text).strip())
        if not match:
            raise YearError(
                f"'{text}' is not a reporting year: write it as YYYY-YY, e.g. 2020-21 "
                "for 1 April 2020 to 31 March 2021."
            )
        start, end = int(match.group(1)), int(match.group(2))
        if (start + 1) % 100 != end:
            raise YearError(
                f"'{text}' is not a reporting year: the second part must be the year after "
                f"the first, e.g. {start}-{(start + 1) % 100:02d}."
            )
        latest = cls.latest()
        if not EARLIEST_START <= start <= latest.start:
            raise YearError(
                f"'{text}' is not a plausible reporting year: use one from {cls(EARLIEST_START).label} "
                f"to {latest.label}."
            )
        return cls(start)

    @classmethod
    def latest(cls) -> ReportingYear:
        """The latest year a command accepts: the year after the one today falls in."""
        return cls.containing(date.today()).next

    @classmethod
    def containing(cls, day: date) -> ReportingYear:
        """The reporting year a date falls in."""
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def label(self) -> str:
        """As written on the command line and in file names: ``2020-21``."""
        return f"{self.start}-{(self.start + 1) % 100:02d}"

    @property
    def display(self) -> str:
        """As written in reports: ``2020/21``."""
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    @property
    def short(self) -> str:
        """As written in headings such as 'Future development work for 21/22'."""
        return f"{self.start % 100:02d}/{(self.start + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start, 4, 1)

    @property
    def last_day(self) -> date:
        return date(self.start + 1, 3, 31)

    @property
    def previous(self) -> ReportingYear:
        return ReportingYear(self.start - 1)

    @property
    def next(self) -> ReportingYear:
        return ReportingYear(self.start + 1)

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):  # also a pandas Timestamp, which will not compare with a date
            day = day.date()
        return isinstance(day, date) and self.first_day <= day <= self.last_day

    def mask(self, days):
        """Which of a column of dates (pandas ``datetime64``; NaT is never in a year) fall in this year."""
        import numpy as np

        return (days >= np.datetime64(self.first_day, "D")) & (days < np.datetime64(self.next.first_day, "D"))

    def __str__(self) -> str:
        return self.label
