"""Optional small-number suppression for councils whose disclosure policy requires it.

With ``--suppress-below N``, every count from 1 to N-1 in a published breakdown (complaints
by nature of issue, team, area or department; Member enquiries by service area; compliments
by team; each stage's procedures and outcomes) is shown as "fewer than N" instead of its
value. Because each breakdown's total is published, a single hidden cell could be worked
back from the total; so when only one cell of a breakdown is hidden, the next smallest cell
is hidden too (secondary suppression). Zero is not suppressed.

Headline totals (complaints received, accepted, upheld, response bands) are not suppressed:
they are the figures the regulations require the report to publish.
"""

from __future__ import annotations

import copy

BREAKDOWNS = (
    "category_counts",
    "team_counts",
    "area_counts",
    "member_enquiries_by_area",
    "compliments_by_team",
)
STAGE_GROUPS = (("statutory", "corporate"), ("upheld", "partly_upheld", "not_upheld", "withdrawn", "open"))


def suppress_counts(counts: dict, threshold: int) -> dict:
    """The counts with small ones replaced by None, plus secondary suppression (see above)."""
    if not threshold or threshold <= 1:
        return dict(counts)
    hidden = {name for name, value in counts.items() if value is not None and 0 < value < threshold}
    if len(hidden) == 1:
        others = sorted((value, name) for name, value in counts.items() if name not in hidden and value)
        if others:
            hidden.add(others[0][1])
    return {name: (None if name in hidden else value) for name, value in counts.items()}


def for_publication(figures: dict, threshold: int) -> dict:
    """A copy of the figures with every published breakdown suppressed below ``threshold``."""
    if not threshold or threshold <= 1:
        return figures
    published = copy.deepcopy(figures)
    published["suppressed_below"] = threshold
    for key in BREAKDOWNS:
        if key in published:
            published[key] = suppress_counts(published[key], threshold)
    for area, teams in published.get("area_team_counts", {}).items():
        published["area_team_counts"][area] = suppress_counts(teams, threshold)
    for row in published.get("stage_table", []):
        for group in STAGE_GROUPS:
            row.update(suppress_counts({key: row[key] for key in group}, threshold))
    return published


def shown(value, threshold: int | None) -> str:
    """A count as published: 'fewer than N' where it was suppressed."""
    if value is None:
        return f"fewer than {threshold}" if threshold else "–"
    return f"{value:,}"
