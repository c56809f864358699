"""The optional inputs (contract section 2) and what each adds to "Who complained".

Each entry: the metrics.json keys the input gives (contract section 4), what the analyst adds to the
exports (in the contract's column, file and measure names), and what the report could then show, in
words that stand alone after "This report cannot yet show". The public report says only the last
(``fragments.missing_inputs_markdown``); the reviewer's note says both (``review_note.py``). Light: it
imports nothing, so the reviewer's note stays quick to write.
"""

from __future__ import annotations

from collections.abc import Mapping

OPTIONAL_INPUTS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (
        ("repeat_complainants",),
        "a `complainant` column in the complaints export: a pseudonymous identifier of the person "
        "complaining, the same on each of their complaints (never published)",
        "how many people complained more than once",
    ),
    (
        ("equality_counts",),
        "`age_band`, `sex`, `ethnicity` and `disability` columns in the complaints export: equality "
        "monitoring as recorded, blank where not recorded",
        "the age, sex, ethnic group and disability recorded with each complaint",
    ),
    (
        ("complaints_per_1000_service_users", "complaints_per_100k_population"),
        "a `context` file (`context….csv` or `.xlsx`, columns `service`, `year`, `measure`, `value`) with the "
        "measures `service_users` (people who received the service in the year) and `population` (residents "
        "of the area)",
        "complaints per 1,000 service users and per 100,000 residents",
    ),
    (
        ("comparator_medians",),
        "a `comparators` file (`comparators….csv` or `.xlsx`, columns `council`, `year`, `service`, `measure`, "
        "`value`) with similar councils' published figures, measures named as in metrics.json (such as "
        "`complaints_per_1000_service_users`, `ombudsman_upheld_pct`, `stage1_within_timescale_pct`)",
        "how the council compares with similar councils",
    ),
)


def missing(figures: Mapping) -> list[tuple[str, str]]:
    """The optional inputs this year's figures lack: (what to add to the exports, what it would show)."""
    return [(what, shows) for keys, what, shows in OPTIONAL_INPUTS if not any(key in figures for key in keys)]
