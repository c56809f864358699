"""Choosing the engine: ``auto`` | ``quarto`` | ``builtin`` (contract section 1).

``auto`` uses Quarto when a working Quarto recent enough for the report is on PATH, and the
built-in engine otherwise; asking for ``quarto`` when it is missing or too old is an error,
never a silent switch.
"""

from __future__ import annotations

import logging

from complaints_report.rendering import quarto
from complaints_report.rendering.errors import EngineError

log = logging.getLogger(__name__)

ENGINES = ("auto", "quarto", "builtin")


def quarto_available() -> bool:
    """True when a working ``quarto`` of version 1.9 or later is on PATH."""
    version = quarto.installed_version()
    return version is not None and version[:2] >= quarto.MINIMUM_VERSION


def resolve_engine(engine: str) -> str:
    """The engine that will run: ``quarto`` or ``builtin``."""
    choice = (engine or "").strip().lower()
    if choice not in ENGINES:
        raise EngineError(f"Unknown rendering engine {engine!r}: choose one of {', '.join(ENGINES)}.")
    if choice == "builtin":
        return "builtin"
    if choice == "quarto":
        quarto.check_version(quarto.installed_version())
        return "quarto"
    version = quarto.installed_version()
    if version is not None and version[:2] < quarto.MINIMUM_VERSION:
        log.warning(
            "Quarto %s is too old for this report (it needs %s): using the built-in engine.",
            quarto.shown(version),
            quarto.shown(quarto.MINIMUM_VERSION),
        )
    return "quarto" if quarto_available() else "builtin"


def description(engine: str) -> str:
    """The engine as the manifest records it: 'builtin', or 'quarto 1.9.12'."""
    version = quarto.installed_version() if engine == "quarto" else None
    return f"quarto {quarto.shown(version)}" if version else engine
