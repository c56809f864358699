"""Working days, response bands and statutory timescales.

Working days are Monday to Friday except England and Wales bank holidays, taken from the
``holidays`` package (subdivision ENG), which follows the published list at
https://www.gov.uk/bank-holidays including substitute days (e.g. 27-28 December 2021) and
one-off holidays (3 June 2022 Platinum Jubilee, 19 September 2022 State Funeral,
8 May 2023 Coronation).

Counting rule (contract section 3): a complaint received on a non-working day counts as
received on the next working day; the days taken are the working days after that day up
to and including the day of the response. Received Mon 4 Apr 2022 and answered
Mon 11 Apr 2022 is 5 working days.

Each rule has a scalar function (one date) and an array version (a column of dates, for a
whole export at once: numpy's ``busday_offset``/``busday_count`` over the same calendar).
The array versions give the same answers as the scalar ones (tests/test_working_days.py
checks this over random dates); blank dates (NaT) give a blank (NA) result.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache

import holidays
import numpy as np
import pandas as pd

# Response bands used by both published reports ("within 10 working days", "a further
# 10 working days", "more than 20 working days").
BANDS = ("within_10", "within_20", "over_20")
BAND_LABELS = {
    "within_10": "Within 10 working days",
    "within_20": "11 to 20 working days",
    "over_20": "Over 20 working days",
}

# Timescales in working days, each with its source.
# Adult social care: the Local Authority Social Services and National Health Service
# Complaints (England) Regulations 2009 (SI 2009/309) set no fixed response time
# (reg. 14: within six months unless agreed); councils use an internal 10 working days,
# extendable by agreement with the complainant (we count 20).
# Children's statutory: Children Act 1989 Representations Procedure (England) Regulations
# 2006 (SI 2006/1738) and DfE "Getting the Best from Complaints" (2006):
#   stage 1 - reg. 14: 10 working days, extendable to 20;
#   stage 2 - reg. 17: 25 working days, extendable to 65;
#   stage 3 - reg. 19: review panel convened within 30 working days of the request.
# Children's non-statutory (corporate procedure): stage 1 10 working days, stage 2 20.
STAGE1_DAYS = 10
STAGE1_EXTENDED_DAYS = 20
STATUTORY_STAGE2_DAYS = 25
STATUTORY_STAGE2_EXTENDED_DAYS = 65
CORPORATE_STAGE2_DAYS = 20
STAGE3_PANEL_DAYS = 30
# Member enquiries: the council-wide 5 working day standard (ASC report 2020/21).
MEMBER_ENQUIRY_DAYS = 5
# Acknowledgement: reg. 13(2) of SI 2009/309 - no later than 3 working days after receipt;
# "Getting the Best from Complaints" asks the same for children's complaints.
ACKNOWLEDGEMENT_DAYS = 3


@cache
def _bank_holidays(first_year: int, last_year: int) -> tuple[np.datetime64, ...]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1))
    return tuple(sorted(np.datetime64(day, "D") for day in calendar))


def bank_holidays(first_year: int = 2000, last_year: int = 2040) -> tuple[np.datetime64, ...]:
    """England and Wales bank holidays between two calendar years, inclusive."""
    return _bank_holidays(first_year, last_year)


def _day(day: date) -> date:
    """A calendar day: a datetime (or pandas Timestamp) loses its time of day."""
    return day.date() if isinstance(day, datetime) else day


def _calendar(*days: date) -> np.busdaycalendar:
    years = [d.year for d in days]
    return _business_calendar(min(years) - 1, max(years) + 1)


@cache
def _business_calendar(first_year: int, last_year: int) -> np.busdaycalendar:
    return np.busdaycalendar(weekmask="1111100", holidays=list(bank_holidays(first_year, last_year)))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a bank holiday in England and Wales."""
    day = _day(day)
    return bool(np.is_busday(np.datetime64(day, "D"), busdaycal=_calendar(day)))


def effective_receipt(day: date) -> date:
    """The day a complaint counts as received: itself, or the next working day."""
    day = _day(day)
    rolled = np.busday_offset(np.datetime64(day, "D"), 0, roll="forward", busdaycal=_calendar(day))
    return rolled.astype(date)


def working_days_taken(received: date, responded: date) -> int:
    """Working days after the (effective) receipt day up to and including the response day.

    A response on the receipt day, or before the next working day, takes 0 days.
    """
    received, responded = _day(received), _day(responded)
    start = effective_receipt(received)
    if responded <= start:
        return 0
    count = np.busday_count(
        np.datetime64(start + timedelta(days=1), "D"),
        np.datetime64(responded + timedelta(days=1), "D"),
        busdaycal=_calendar(received, responded),
    )
    return int(count)


def add_working_days(received: date, days: int) -> date:
    """The deadline ``days`` working days after the (effective) receipt day."""
    received = _day(received)
    start = effective_receipt(received)
    # Cover every year the deadline can reach (about 252 working days a year), not just the
    # receipt year and the next: a long deadline must skip the later years' bank holidays too.
    reach = abs(days) // 250 + 1
    calendar = _business_calendar(start.year - reach, start.year + reach)
    deadline = np.busday_offset(np.datetime64(start, "D"), days, roll="forward", busdaycal=calendar)
    return deadline.astype(date)


def band(days_taken: int) -> str:
    """The response band of a number of working days: within 10, 11-20 or over 20."""
    if days_taken < 0:
        raise ValueError(f"working days cannot be negative: {days_taken}")
    if days_taken <= 10:
        return "within_10"
    if days_taken <= 20:
        return "within_20"
    return "over_20"


def timescale(service: str, stage: int, procedure: str, extension: bool) -> int:
    """The response timescale in working days for a complaint at a stage (see sources above)."""
    if stage == 1:
        return STAGE1_EXTENDED_DAYS if extension else STAGE1_DAYS
    if stage == 2:
        if service == "childrens" and procedure == "statutory":
            return STATUTORY_STAGE2_EXTENDED_DAYS if extension else STATUTORY_STAGE2_DAYS
        return CORPORATE_STAGE2_DAYS
    if stage == 3:
        return STAGE3_PANEL_DAYS
    raise ValueError(f"no timescale for stage {stage}")


# --------------------------------------------------------------------------- whole columns at once


def _days(values) -> np.ndarray:
    """A column of dates (pandas datetime64 of any unit, dates, None/NaT where blank) as datetime64[D]."""
    return np.asarray(values, dtype="datetime64[D]")


def _array_calendar(*columns: np.ndarray, reach: int = 1) -> np.busdaycalendar:
    """The business calendar covering every year of some date columns, ``reach`` years either side."""
    known = [column[~np.isnat(column)] for column in columns]
    ends = [day for column in known if column.size for day in (column.min(), column.max())]
    if not ends:
        return _business_calendar(2000, 2001)  # nothing to count: any calendar will do
    years = [day.astype(date).year for day in ends]
    return _business_calendar(min(years) - reach, max(years) + reach)


def effective_receipt_array(received) -> np.ndarray:
    """:func:`effective_receipt` of each date in a column (datetime64[D]; NaT stays NaT)."""
    days = _days(received)
    result = np.full(days.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    known = ~np.isnat(days)
    result[known] = np.busday_offset(days[known], 0, roll="forward", busdaycal=_array_calendar(days))
    return result


def working_days_taken_array(received, responded) -> pd.arrays.IntegerArray:
    """:func:`working_days_taken` of each pair of dates (Int64; NA where either date is blank)."""
    start, end = effective_receipt_array(received), _days(responded)
    known = ~np.isnat(start) & ~np.isnat(end)
    taken = np.zeros(start.shape, dtype=np.int64)
    # working days in [start + 1, end + 1): after the receipt day, up to and including the response day
    counted = np.busday_count(
        start[known] + 1, end[known] + 1, busdaycal=_array_calendar(start[known], end[known])
    )
    taken[known] = np.maximum(counted, 0)  # a response on or before the (effective) receipt day: 0
    return pd.arrays.IntegerArray(taken, ~known)


def band_array(days_taken) -> pd.Categorical:
    """:func:`band` of each number of working days (categories :data:`BANDS`; NA where blank)."""
    days = pd.array(days_taken, dtype="Int64")
    if (days < 0).any():
        raise ValueError(f"working days cannot be negative: {int(days[days < 0][0])}")
    values = days.to_numpy(dtype=np.float64, na_value=np.nan)
    codes = np.select([values <= 10, values <= 20, values > 20], [0, 1, 2], default=-1)
    return pd.Categorical.from_codes(codes, categories=list(BANDS))


def timescale_array(service, stage, procedure, extension) -> np.ndarray:
    """:func:`timescale` of each complaint, from its service, stage, procedure and extension columns."""
    service, procedure = np.asarray(service, dtype=object), np.asarray(procedure, dtype=object)
    stage = pd.array(stage, dtype="Int64").to_numpy(dtype=np.float64, na_value=np.nan)
    extension = np.asarray(extension, dtype=bool)
    unknown = ~np.isin(stage, (1, 2, 3))
    if unknown.any():
        raise ValueError(f"no timescale for stage {stage[unknown][0]:g}")
    statutory_childrens = (service == "childrens") & (procedure == "statutory")
    return np.select(
        [
            stage == 1,
            (stage == 2) & statutory_childrens,
            stage == 2,
        ],
        [
            np.where(extension, STAGE1_EXTENDED_DAYS, STAGE1_DAYS),
            np.where(extension, STATUTORY_STAGE2_EXTENDED_DAYS, STATUTORY_STAGE2_DAYS),
            CORPORATE_STAGE2_DAYS,
        ],
        default=STAGE3_PANEL_DAYS,
    ).astype(np.int64)
