"""Rounding of the report's figures, from exact values (contract section 3, "Percentages").

Percentages come from exact counts, each rounded half up to a whole number on its own; rates,
means and medians are rounded half up to one decimal place from their exact value. This module
imports nothing heavy, so the sentence and narrative code can use it without loading pandas.
"""

from __future__ import annotations

import math
from fractions import Fraction


def percent(part: int, whole: int) -> int | None:
    """A whole-number percentage rounded half up from exact counts; None when there is no whole."""
    if not whole:
        return None
    return (200 * part + whole) // (2 * whole)


def exact(value) -> Fraction:
    """A number read from a file as the exact decimal it was written as (0.1 is 1/10, not a binary float)."""
    if isinstance(value, int | Fraction):
        return Fraction(value)
    return Fraction(repr(float(value)))


def one_decimal(value) -> float:
    """Rounded half up to one decimal place from the exact value: 12.25 -> 12.3, 12.35 -> 12.4.

    (A float would round 12.35 down: it is stored as 12.3499999...) Halves round away from zero.
    """
    value = exact(value)
    rounded = math.floor(abs(value) * 10 + Fraction(1, 2))
    return (rounded if value >= 0 else -rounded) / 10


def whole(value) -> int:
    """Rounded half up to a whole number from the exact value: 72.5 -> 73, 72.4 -> 72.

    For a percentage the report did not work out from counts (another council's published figure,
    or a median of them): docs/style.md asks every percentage to be a whole number. Halves round
    away from zero, as in ``one_decimal``.
    """
    value = exact(value)
    rounded = math.floor(abs(value) + Fraction(1, 2))
    return rounded if value >= 0 else -rounded
