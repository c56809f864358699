"""What the notebook computed, written in forms Quarto reads natively.

In the notebook's results folder:

- ``_fragments/<name>.md``: Markdown that ``report.qmd`` pulls in with
  ``{{< include _fragments/<name>.md >}}`` on a line of its own:

  - ``<section>.md``: the computed sentences of a report section (``sentences.py``), one
    paragraph; the section keys are those of ``content.SECTIONS`` (``volume``, ``stage2``...);
  - ``fig-<name>.md``: a chart, numbered, with its alt text and (on the web page) its data;
  - ``tbl-<name>.md``: a table with its numbered caption (a table with parts, such as the equality
    table, as one small numbered table a part, ``tbl-equality-<characteristic>``);
  - ``quotes.md``, ``method-note.md`` ("How we count"), ``accessibility.md``;
  - ``missing-inputs.md``: what the report cannot yet show for want of an optional input ("Who complained").

  Every name in :func:`names` is written for every service, empty where it does not apply
  (a Children's report has no ``fig-areas``), because Quarto expands every include before it
  hides the other service's content. So a name misspelt in ``report.qmd`` is a missing file,
  which stops the build with the line.
- ``values.yml``: short values for ``{{< meta report.<key> >}}`` inside report.qmd's own
  sentences and headings (the year, the period): plain text, never a cross-reference.
- ``regulations.json``: the rows of "What the regulations ask this report to show"; rows
  answered by narrative are completed when the report is rendered (``narrative.py``).

Text goes into Markdown through ``markup.py`` only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from complaints_report import markup, paths, presentation
from complaints_report.years import ReportingYear

if TYPE_CHECKING:
    from complaints_report import sentences
    from complaints_report.charts import Chart
    from complaints_report.tables import Table

FRAGMENTS_DIR = "_fragments"
VALUES_FILE = "values.yml"
REGULATIONS_FILE = "regulations.json"

# Every chart and table either report can show (charts.asc_charts / childrens_charts, tables.tables_for).
FIGURES = (
    "volume",
    "nature",
    "outcomes",
    "ombudsman",
    "member_enquiries",
    "compliments",
    "timeliness",
    "trend",
    "quarters",
    "escalation",
    "comparators",
)
TABLES = (
    "table_areas",
    "table_departments",
    "table_stages",
    "table_ombudsman",
    "table_stage_timeliness",
    "table_equality",
)
OTHERS = ("quotes", "method-note", "accessibility", "missing-inputs")


def names() -> list[str]:
    """Every fragment's name (its file is ``_fragments/<name>.md``)."""
    from complaints_report import sentences

    section_keys = dict.fromkeys(key for service in sentences.SECTIONS.values() for key in service)
    return [
        *section_keys,
        *(presentation.figure_label(name) for name in FIGURES),
        *(presentation.table_label(name) for name in TABLES),
        *OTHERS,
    ]


def chart_image(name: str) -> str:
    """Where a chart's image is, relative to the results folder (and to the folder report.qmd is
    rendered in, Quarto's project root, so that Typst finds it under ``--root``)."""
    return f"charts/{name}.svg"


def facts(
    service: str,
    year: ReportingYear,
    figures: dict,
    team: str,
    charts: list[Chart],
    tables: list[Table],
    quotes: Table,
) -> sentences.Facts:
    from complaints_report import sentences

    return sentences.Facts(
        service=service,
        year=year,
        figures=figures,
        team=sentences.team_in_text(team),
        chart_data={chart.name: chart.data.to_dict("records") for chart in charts},
        tables_shown=frozenset(table.name for table in tables if not table.data.empty),
        quotes=len(quotes.data),
    )


def quotes_markdown(quotes: Table, intro: str = "", none: str = "") -> str:
    """Published compliment quotes (publish = yes only), grouped by team, as block quotes, each team's
    introduced by a line naming it ("About the North Complex Team:"): a heading for every team would
    give most quotes a heading of their own. ``intro`` comes first when there are quotes, ``none``
    stands alone when there are none."""
    from complaints_report.sentences import body_name

    if quotes.data.empty:
        return markup.text(none).strip() if none else ""
    lines, team = [markup.text(intro).strip()] if intro else [], None
    for row in quotes.data.itertuples(index=False):
        if row.Team != team:
            team = row.Team
            lines.append(markup.text(f"About {body_name(team)}:").strip())
        lines.append(markup.blockquote(row.Compliment))
    return "\n\n".join(lines)


def missing_inputs_markdown(f: sentences.Facts) -> str:
    """What the report cannot yet show in "Who complained" because an optional input is missing, in
    public words: one sentence for one, a list for several; nothing when none is missing. What to add to
    the exports is the analyst's business (``sentences.missing_inputs``), not the reader's."""
    from complaints_report import sentences

    missing = [shows for _, shows in sentences.missing_inputs(f)]
    if len(missing) == 1:
        return markup.text(f"This report cannot yet show {missing[0]}.")
    if not missing:
        return ""
    lead = markup.text("This report cannot yet show:")
    return lead + "\n\n" + "\n".join(f"- {markup.text(item).strip()}" for item in missing)


def timescales(service: str, figures: dict) -> str:
    """The timescales of this service's procedures, one short sentence each, from working_days (with their
    sources there)."""
    from complaints_report import working_days as wd

    stage1 = (
        f"{wd.STAGE1_DAYS} working days, or {wd.STAGE1_EXTENDED_DAYS} where a longer time was agreed with "
        "the complainant."
    )
    # the acknowledgement's timescale where the report says how many were acknowledged in time
    acknowledged = (
        f" Acknowledgement: {wd.ACKNOWLEDGEMENT_DAYS} working days."
        if figures.get("acknowledged_recorded")
        else ""
    )
    if service == "childrens":
        return (
            f"Stage 1: {stage1} Stage 2: {wd.STATUTORY_STAGE2_DAYS} working days for a statutory complaint, or "
            f"up to {wd.STATUTORY_STAGE2_EXTENDED_DAYS} where agreed; {wd.CORPORATE_STAGE2_DAYS} for a "
            f"non-statutory one. Stage 3: a review panel within {wd.STAGE3_PANEL_DAYS} working days of the request."
            + acknowledged
        )
    text = f"Complaints: {stage1}" + acknowledged
    if "member_enquiries" in figures:
        text += f" Member enquiries: {wd.MEMBER_ENQUIRY_DAYS} working days."
    return text


def method_note(figures: dict) -> str:
    """How the figures are counted, in public language, with this service's own timescales only."""
    from string import Template

    template = Template((paths.RESOURCES_DIR / "method_note.md").read_text(encoding="utf-8"))
    note = template.substitute(timescales=timescales(figures.get("service", "asc"), figures))
    threshold = figures.get("suppressed_below")
    if threshold:  # a whole number given on the command line (--suppress-below), not text from an export
        note += (
            f"- **Small numbers.** In the breakdowns by category, team, area and stage, counts below "
            f'{int(threshold)} are shown as "fewer than {int(threshold)}"; where only one count in a breakdown '
            "was that small, the next smallest is hidden too, so that no hidden count can be worked out from "
            "the total.\n"
        )
    return note


def values(year: ReportingYear) -> dict:
    """The values report.qmd quotes with ``{{< meta report.<key> >}}``, as Markdown text."""
    from complaints_report import sentences

    return {
        "report": {
            "period": markup.text(sentences.period(year)),
            "year": markup.text(year.display),
            "previous-year": markup.text(year.previous.display),
            "next-year": markup.text(year.next.display),
            "next-year-short": markup.text(year.next.short),
        }
    }


def regulations(f: sentences.Facts) -> dict:
    from complaints_report import sentences

    rows = []
    for need, where, answer in sentences.regulation_rows(f):
        shown = {"described": list(answer.sections)} if isinstance(answer, sentences.Described) else answer
        rows.append([need, where, shown])
    return {"caption": sentences.regulations_caption(f.service), "rows": rows}


def write(
    folder: Path,
    f: sentences.Facts,
    charts: list[Chart],
    tables: list[Table],
    quotes: Table,
) -> dict[str, str]:
    """Write every fragment, ``values.yml`` and ``regulations.json`` into ``folder``; return the fragments."""
    from complaints_report import sentences
    from complaints_report.artefacts import write_json

    written = dict.fromkeys(names(), "")
    for key, made in sentences.section_sentences(f).items():
        written[key] = markup.blocks(made)
    for chart in charts:
        label = presentation.figure_label(chart.name)
        if label not in written:
            raise ValueError(f"The chart {chart.name!r} has no fragment name: add it to fragments.FIGURES")
        written[label] = presentation.figure_markdown(chart, chart_image(chart.name))
    for table in tables:
        label = presentation.table_label(table.name)
        if label not in written:
            raise ValueError(f"The table {table.name!r} has no fragment name: add it to fragments.TABLES")
        if table.parts:  # one CSV, shown as small tables, each with its caption (tables.Table)
            written[label] = "\n".join(
                presentation.table_markdown(part) for part in table.parts if not part.data.empty
            )
        elif not table.data.empty:
            written[label] = presentation.table_markdown(table)
    if f.service == "childrens":  # Appendix C holds the quotes
        written["quotes"] = quotes_markdown(
            quotes,
            intro=f"These compliments were received in {f.year.display}; their authors agreed to their "
            "publication.",
            none=f"None of the compliments received in {f.year.display} was cleared for publication.",
        )
    else:
        written["quotes"] = quotes_markdown(quotes)
    written["missing-inputs"] = missing_inputs_markdown(f)
    written["method-note"] = method_note(f.figures)
    written["accessibility"] = (paths.RESOURCES_DIR / "accessibility.md").read_text(encoding="utf-8")
    target = Path(folder) / FRAGMENTS_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name, text in written.items():
        (target / f"{name}.md").write_text(text.strip() + "\n" if text.strip() else "", encoding="utf-8")
    (Path(folder) / VALUES_FILE).write_text(
        yaml.safe_dump(values(f.year), allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
    write_json(Path(folder) / REGULATIONS_FILE, regulations(f))
    return written
