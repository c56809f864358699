"""Optional small-number suppression for councils whose disclosure policy requires it.

With ``--suppress-below N``, every count from 1 to N-1 in a published breakdown is shown as
"fewer than N" instead of its value (``None`` in ``metrics.json``). The breakdowns are those
of :data:`BREAKDOWNS` (complaints by nature of issue, team, area and the teams of each area;
Member enquiries by service area; compliments by team; rejected complaints by reason), each
column of ``equality_counts`` (complaints by age band, sex, ethnicity and disability), and
the stage 2 and stage 3 rows of the stages table (by procedure, by outcome). The same
applies to last year's figures under ``previous_year``.

A hidden count must not be recoverable from what is shown:

- **Secondary suppression.** Each breakdown's total is published, so when only one cell of
  a breakdown is hidden the next smallest is hidden too. Zero is not suppressed.
- **The same count in two places is hidden in both.** A team that is the only team of its
  area has the area's count; a team that reports under one area has the same count in
  ``team_counts`` and ``area_team_counts``. Hiding one hides the other, and secondary
  suppression is applied again until nothing changes.

Headline totals are not suppressed: complaints received, accepted and rejected, the
outcomes and procedures of accepted stage 1 complaints (which is why the stages table's
stage 1 row, made of those very figures, is shown in full), the response bands, the
quarterly and yearly counts, and the Ombudsman's figures (the LGSCO publishes its decisions
on each council). They are the figures the regulations require the report to publish.
"""

from __future__ import annotations

import copy

BREAKDOWNS = (
    "category_counts",
    "team_counts",
    "area_counts",
    "member_enquiries_by_area",
    "compliments_by_team",
    "rejection_reasons",
)
STAGE_GROUPS = (("statutory", "corporate"), ("upheld", "partly_upheld", "not_upheld", "withdrawn", "open"))
HEADLINE_STAGE = 1  # the stage 1 row of the stages table is the headline figures (see above)


def _hidden(counts: dict, threshold: int, forced: set = frozenset()) -> set:
    """Which cells of one breakdown to hide: the small ones, those forced, and a second one if alone."""
    hidden = {name for name, value in counts.items() if value is not None and 0 < value < threshold}
    hidden |= set(forced) & set(counts)
    if len(hidden) == 1:
        others = sorted(
            (value, str(name), name) for name, value in counts.items() if name not in hidden and value
        )
        if others:
            hidden.add(others[0][2])
    return hidden


def suppress_counts(counts: dict, threshold: int) -> dict:
    """The counts with small ones replaced by None, plus secondary suppression (see above)."""
    if not threshold or threshold <= 1:
        return dict(counts)
    hidden = _hidden(counts, threshold)
    return {name: (None if name in hidden else value) for name, value in counts.items()}


def _groups(figures: dict) -> dict[tuple, dict]:
    """Every breakdown to suppress, by its path in the figures: path -> {cell: count}."""
    groups = {}
    for key in BREAKDOWNS:
        if isinstance(figures.get(key), dict):
            groups[(key,)] = figures[key]
    for area, teams in (figures.get("area_team_counts") or {}).items():
        groups[("area_team_counts", area)] = teams
    for column, labels in (figures.get("equality_counts") or {}).items():
        groups[("equality_counts", column)] = labels
    for index, row in enumerate(figures.get("stage_table") or []):
        if row.get("stage") == HEADLINE_STAGE:
            continue
        for number, group in enumerate(STAGE_GROUPS):
            groups[("stage_table", index, number)] = {key: row[key] for key in group if key in row}
    return groups


def _links(figures: dict) -> list[list[tuple]]:
    """Cells that hold the same count under two names: (group path, cell) pairs to hide together."""
    links = []
    areas = figures.get("area_team_counts") or {}
    for area, teams in areas.items():
        if len(teams) == 1 and area in (figures.get("area_counts") or {}):
            (team,) = teams
            links.append([(("area_counts",), area), (("area_team_counts", area), team)])
    homes: dict = {}
    for area, teams in areas.items():
        for team in teams:
            homes.setdefault(team, []).append(area)
    for team, found in homes.items():
        if len(found) == 1 and team in (figures.get("team_counts") or {}):
            links.append([(("team_counts",), team), (("area_team_counts", found[0]), team)])
    return links


def hidden_cells(figures: dict, threshold: int) -> dict[tuple, set]:
    """Group path -> the cells to hide, with secondary suppression and linked cells, until stable."""
    groups = _groups(figures)
    links = _links(figures)
    hidden = {path: _hidden(counts, threshold) for path, counts in groups.items()}
    changed = True
    while changed:
        changed = False
        for link in links:
            if any(cell in hidden.get(path, ()) for path, cell in link):
                for path, cell in link:
                    if path in hidden and cell not in hidden[path]:
                        hidden[path].add(cell)
                        changed = True
        for path, counts in groups.items():
            again = _hidden(counts, threshold, hidden[path])
            if again != hidden[path]:
                hidden[path] = again
                changed = True
    return hidden


def _apply(published: dict, hidden: dict[tuple, set]) -> None:
    for path, cells in hidden.items():
        if path[0] == "stage_table":
            row = published["stage_table"][path[1]]
        elif len(path) == 1:
            row = published[path[0]]
        else:
            row = published[path[0]][path[1]]
        for cell in cells:
            row[cell] = None


def for_publication(figures: dict, threshold: int) -> dict:
    """A copy of the figures with every published breakdown suppressed below ``threshold``."""
    if not threshold or threshold <= 1:
        return figures
    published = copy.deepcopy(figures)
    published["suppressed_below"] = threshold
    _apply(published, hidden_cells(figures, threshold))
    if isinstance(published.get("previous_year"), dict):
        _apply(published["previous_year"], hidden_cells(figures["previous_year"], threshold))
    return published


def shown(value, threshold: int | None) -> str:
    """A count as published: 'fewer than N' where it was suppressed."""
    if value is None:
        return f"fewer than {threshold}" if threshold else "–"
    return f"{value:,}"
