"""What rendering raises: an error that stops the render, and warnings worth a look."""

from __future__ import annotations


class EngineError(Exception):
    """The report could not be rendered; the message says why and what to do about it."""


class RenderWarning(UserWarning):
    """Something in the report deserves a look (an unresolved reference, a missing caption)."""
