"""Reading one cell's value: dates, money, numbers, years, and the text an analyst sees.

Each parser takes a cell as an export holds it (text, or an Excel date or number) and
returns the value, or raises :class:`ValueProblem` with the analyst's hint. Columns are
checked as vectors (see ``checks.py``) by parsing each distinct value once.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from complaints_report.years import ReportingYear, YearError

EARLIEST_DATE = date(1990, 1, 1)  # no council's case system holds complaints older than this
DATE_HINT = "Write dates as DD/MM/YYYY (03/04/2022 is 3 April 2022) or YYYY-MM-DD"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_UK = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_NAMED = ("%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y", "%d %b %y")


class ValueProblem(ValueError):
    """A cell's value cannot be used; carries the analyst's hint."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


class Formula(str):
    """An Excel formula whose result was never saved: the workbook holds no value to read."""


FORMULA_PROBLEM = ValueProblem(
    "is a formula whose result was never saved in the workbook, so it has no value to read",
    "Open the workbook in Excel and save it (Excel then stores each formula's result), "
    "or paste the column as values",
)


def blank(value: object) -> bool:
    if isinstance(value, Formula):
        return False
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def show(value: object) -> str:
    """A cell as an analyst would see it in the spreadsheet."""
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
        )
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))  # an Excel number such as 12.0 is shown as 12
    return str(value).strip()


def parse_date(value: object) -> date:
    """A date from an Excel cell or text: ISO, or UK day-first. Month-first is refused."""
    if isinstance(value, Formula):
        raise FORMULA_PROBLEM
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
                if re.fullmatch(r"\d+(\.0+)?", text):
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
    if isinstance(value, Formula):
        raise FORMULA_PROBLEM
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


def parse_number(value: object) -> float:
    """A published figure: 120, 36%, 1,234, £800."""
    if isinstance(value, Formula):
        raise FORMULA_PROBLEM
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        try:
            number = float(str(value).replace("%", "").replace(",", "").replace("£", ""))
        except ValueError:
            raise ValueProblem("is not a number", "Write the published figure as a number") from None
    if not math.isfinite(number):  # float() also reads 'nan' and 'inf'
        raise ValueProblem("is not a number", "Write the published figure as a number")
    return number


def parse_year(value: object) -> str:
    """A reporting year written YYYY-YY, as its label."""
    if isinstance(value, Formula):
        raise FORMULA_PROBLEM
    try:
        return ReportingYear.parse(show(value)).label
    except YearError as error:
        raise ValueProblem("is not a reporting year", str(error)) from None


def stage_text(value: object) -> str:
    """A stage as text: an Excel number 2.0 or the text '2.0' is stage 2."""
    text = show(value)
    if re.fullmatch(r"\d+\.0+", text):
        text = text.split(".")[0]
    return text
