"""What the notebook computed, written in forms Quarto reads natively.

In the notebook's results folder:

- ``_fragments/<name>.md``: Markdown that ``report.qmd`` pulls in with
  ``{{< include _fragments/<name>.md >}}`` on a line of its own:

  - ``<section>.md``: the computed sentences of a report section (``sentences.py``), one
    paragraph; the section keys are those of ``content.SECTIONS`` (``volume``, ``stage2``...);
  - ``fig-<name>.md``: a chart, numbered, with its alt text and (on the web page) its data;
  - ``tbl-<name>.md``: a table with its numbered caption;
  - ``quotes.md``, ``data-quality.md``, ``method-note.md``, ``accessibility.md``;
  - ``missing-inputs.md``: what adding each optional input the figures lack would show ("Who complained").

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
    "areas",
    "outcomes",
    "response_times",
    "ombudsman",
    "member_enquiries",
    "compliments",
    "received",
    "departments",
    "stages",
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
OTHERS = ("quotes", "data-quality", "method-note", "accessibility", "missing-inputs")


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
    return f"charts/{name}.png"


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


def quotes_markdown(quotes: Table) -> str:
    """Published compliment quotes (publish = yes only), grouped by team, as block quotes."""
    lines, team, teams = [], None, 0
    for row in quotes.data.itertuples(index=False):
        if row.Team != team:
            team, teams = row.Team, teams + 1
            lines.append(markup.heading(3, team, f"quotes-team-{teams}"))
        lines.append(markup.blockquote(row.Compliment))
    return "\n\n".join(lines)


def missing_inputs_markdown(f: sentences.Facts) -> str:
    """What adding each optional input the year's figures lack would show in "Who complained": one
    sentence for one input, a list for several; nothing when none is missing."""
    from complaints_report import sentences

    missing = sentences.missing_inputs(f)
    if len(missing) == 1:
        what, shows = missing[0]
        return markup.text(f"Adding {what} to the exports would show {shows}.")
    if not missing:
        return ""
    items = [markup.text(f"{what}, to show {shows}").strip() for what, shows in missing]
    lead = markup.text("Adding these to the exports would show more in this section:")
    return lead + "\n\n" + "\n".join(f"- {item}" for item in items)


def data_quality(figures: dict) -> str:
    """Rows read = rows counted + rows excluded, from the notebook's row accounting."""
    totals = figures.get("input_rows")
    if not totals:
        return ""
    from complaints_report.row_accounting import summary_frame
    from complaints_report.tables import Table

    table = Table("table_rows", "Every row of the input files, counted or excluded", summary_frame(totals))
    text = markup.text(
        f"The input files held {totals['rows_read']:,} rows: {totals['rows_counted']:,} were used in this "
        f"report and {totals['rows_excluded']:,} were excluded, for the reasons in the table below. Nothing "
        "else was dropped. The list of every row and why it was counted or excluded is kept by the council "
        "with the build's working files and is not published, because it names case references."
    )
    return f"{text}\n\n{presentation.table_markdown(table)}"


def method_note(figures: dict) -> str:
    note = (paths.RESOURCES_DIR / "method_note.md").read_text(encoding="utf-8")
    threshold = figures.get("suppressed_below")
    if threshold:  # a whole number given on the command line (--suppress-below), not text from an export
        note += (
            f"- **Small numbers.** In the breakdowns by category, team, area and stage, counts below {int(threshold)} "
            f'are shown as "fewer than {int(threshold)}"; where only one count in a breakdown was that small, the '
            "next smallest is hidden too, so that no hidden count can be worked out from the total.\n"
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
        written[key] = markup.paragraph(made)
    for chart in charts:
        label = presentation.figure_label(chart.name)
        if label not in written:
            raise ValueError(f"The chart {chart.name!r} has no fragment name: add it to fragments.FIGURES")
        written[label] = presentation.figure_markdown(chart, chart_image(chart.name))
    for table in tables:
        label = presentation.table_label(table.name)
        if label not in written:
            raise ValueError(f"The table {table.name!r} has no fragment name: add it to fragments.TABLES")
        if not table.data.empty:
            written[label] = presentation.table_markdown(table)
    written["quotes"] = quotes_markdown(quotes)
    written["missing-inputs"] = missing_inputs_markdown(f)
    written["data-quality"] = data_quality(f.figures)
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
