"""Reading one cell's value: dates, money, numbers, years, and the text an analyst sees.

Each parser takes a cell as an export holds it (text, or an Excel date or number) and
returns the value, or raises :class:`ValueProblem` with the analyst's hint. Columns are
checked as vectors (see ``checks.py``) by parsing each distinct value once.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

import numpy as np

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


# The forms nearly every export writes its dates in, read as whole columns by parse_dates: where
# the digits of the year, month and day stand in a cell of ten characters, and the separators
_COMMON_DATE_FORMS = (  # (year, month, day) positions, {position: separator}
    ((0, 4), (5, 7), (8, 10), {4: "-", 7: "-"}),  # 2022-04-03
    ((6, 10), (3, 5), (0, 2), {2: "/", 5: "/"}),  # 03/04/2022
)


def parse_dates(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`parse_date` of many distinct values at once, for the values written in a common form
    (03/04/2022 or 2022-04-03 in ASCII digits, the whole cell) that are real dates in the possible
    range: their dates (``datetime64[s]``, NaT elsewhere) and which values they are. Any other value
    is left to :func:`parse_date`, which reads the other forms and says what is wrong with a bad one."""
    days = np.full(len(values), np.datetime64("NaT", "s"))
    read = np.zeros(len(values), dtype=bool)
    plain = np.flatnonzero([type(value) is str and len(value) == 10 for value in values])  # noqa: E721
    if not len(plain):  # (a Formula is a str of another type, an Excel date no str)
        return days, read
    codes = np.asarray(values[plain].tolist(), dtype="U10").view(np.uint32).reshape(-1, 10).astype(np.int64)
    digits = (codes >= ord("0")) & (codes <= ord("9"))
    low, high = np.datetime64(EARLIEST_DATE, "D"), np.datetime64(date.today(), "D")
    for year_at, month_at, day_at, separators in _COMMON_DATE_FORMS:
        form = np.ones(len(plain), dtype=bool)
        for position in range(10):
            form &= (
                codes[:, position] == ord(separators[position])
                if position in separators
                else digits[:, position]
            )
        if not form.any():
            continue

        def number(start: int, end: int, form=form) -> np.ndarray:
            total = np.zeros(int(form.sum()), dtype=np.int64)
            for position in range(start, end):
                total = total * 10 + codes[form, position] - ord("0")
            return total

        year, month, day = number(*year_at), number(*month_at), number(*day_at)
        real = (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
        first = ((year - 1970) * 12 + np.clip(month, 1, 12) - 1).astype("datetime64[M]")
        parsed = first.astype("datetime64[D]") + (np.clip(day, 1, 31) - 1)
        real &= parsed.astype("datetime64[M]") == first  # 31/04 is no day of April
        good = real & (parsed >= low) & (parsed <= high)  # else parse_date explains
        where = plain[form][good]
        days[where] = parsed[good].astype("datetime64[s]")
        read[where] = True
    return days, read


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
