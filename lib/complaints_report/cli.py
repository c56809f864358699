"""The command line: ``complaints-report build | validate | new-year | init`` (contract section 1).

Exit codes: 0 success; 1 bad input or a failed build (message on stderr); 2 usage error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from complaints_report import content, paths
from complaints_report.problems import InputError
from complaints_report.years import ReportingYear, YearError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Build statutory annual social care complaints reports (Adult Social Care and Children's Services).",
)
out = Console()
err = Console(stderr=True)


class Engine(str, Enum):
    auto = "auto"
    quarto = "quarto"
    builtin = "builtin"


class Format(str, Enum):
    html = "html"
    pdf = "pdf"


class Service(str, Enum):
    asc = "asc"
    childrens = "childrens"


def _year(text: str) -> ReportingYear:
    try:
        return ReportingYear.parse(text)
    except YearError as error:
        raise typer.BadParameter(str(error)) from None


def _out_apart(out_dir: Path, inputs: dict[str, Path]) -> None:
    """--out equal to or inside an input folder would write the reports among the inputs: a usage error."""
    target = Path(out_dir).resolve()
    for option, folder in inputs.items():
        if target.is_relative_to(Path(folder).resolve()):
            raise typer.BadParameter(
                f"{out_dir} is {'the same folder as' if target == Path(folder).resolve() else 'inside'} "
                f"{option} {folder}: put the reports in a folder of their own, e.g. --out _output",
                param_hint="'--out'",
            )


def _fail(message: str) -> None:
    # Messages quote the analyst's own values: print them as text, never as Rich markup.
    err.print(f"[bold red]Error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _problems(error: InputError) -> None:
    err.print(f"[bold red]{escape(error.summary().splitlines()[0])}[/bold red]", highlight=False)
    # plain lines (a million problems print in seconds); Problem text is already safe to print
    sys.stderr.write("".join(f"  - {problem}\n" for problem in error.problems))
    sys.stderr.flush()
    err.print(
        "Fix these in the input files (or add your labels to mapping.yaml) and run the command again.",
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(1)


@app.command()
def build(
    year: str = typer.Option(
        ..., "--year", help="Reporting year, e.g. 2020-21 (1 April 2020 to 31 March 2021)."
    ),
    service: list[Service] = typer.Option(
        None,
        "--service",
        help="asc or childrens; repeat for both. Default: every service with complaints that year.",
    ),
    data: Path = typer.Option(paths.DATA_DIR, "--data", help="Folder of exports (default: bundled example)."),
    content_dir: Path = typer.Option(
        paths.CONTENT_DIR, "--content", help="Folder of narrative (default: bundled)."
    ),
    out_dir: Path = typer.Option(paths.OUTPUT_DIR, "--out", help="Where reports go (default: _output/)."),
    engine: Engine = typer.Option(
        Engine.auto, "--engine", help="auto uses Quarto when installed, else built-in."
    ),
    fmt: list[Format] = typer.Option(
        None, "--format", help="html and/or pdf; repeat for both (default both)."
    ),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Refuse to build when any narrative is missing or looks like it holds personal data.",
    ),
    suppress_below: int = typer.Option(
        0,
        "--suppress-below",
        min=0,
        help="Show counts below this number in "
        "breakdowns as 'fewer than N' (with secondary suppression); 0 is off.",
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Rebuild everything, even what is unchanged since the last build into --out.",
    ),
) -> None:
    """Check the exports, run the analysis notebooks and render each report to HTML and PDF.

    Only what changed since the last build into --out is rebuilt: a change to the narrative
    re-renders the report without re-running the notebook, and when nothing changed nothing is.
    """
    _out_apart(out_dir, {"--data": data, "--content": content_dir})
    from complaints_report.build import BuildError, BuildRequest
    from complaints_report.build import build as run_build
    from complaints_report.content import ContentError

    request = BuildRequest(
        year=_year(year),
        services=[s.value for s in service or []],
        data_dir=data,
        content_dir=content_dir,
        out_dir=out_dir,
        engine=engine.value,
        formats=[f.value for f in fmt] if fmt else ["html", "pdf"],
        strict=strict,
        suppress_below=suppress_below,
        force=force,
    )
    try:
        with err.status("Starting", spinner="dots") as status:

            def progress(message: str) -> None:
                status.update(escape(message))
                err.print(f"[dim]•[/dim] {escape(message)}", highlight=False)

            results = run_build(request, progress)
    except InputError as error:
        _problems(error)
    except (BuildError, ContentError) as error:
        _fail(str(error))
    except OSError as error:  # e.g. --out inside a file, a full disk, a file open in another program
        _fail(
            f"Could not read or write {error.filename or 'a file'}: {error.strerror or error}. "
            "Check the path and that you may write there; nothing in the output folder was changed."
        )
    except KeyboardInterrupt:
        _fail("Interrupted: nothing in the output folder was changed.")
    for result in results:
        for warning in result.warnings:
            err.print(f"[yellow]Warning:[/yellow] {escape(warning)}", highlight=False, soft_wrap=True)
        if result.up_to_date:
            out.print(
                f"[green]Up to date[/green] {result.service} {request.year.display}: nothing changed since the "
                f"last build, so nothing was rebuilt (--force rebuilds it): {escape(str(result.folder))}",
                highlight=False,
                soft_wrap=True,
            )
            continue
        reused = (
            " (analysis reused: only the report was rendered)"
            if result.stages.get("analysis") == "reused"
            else ""
        )
        out.print(
            f"[green]Built[/green] {result.service} {request.year.display}{reused}: {escape(str(result.folder))}",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def validate(
    data: Path = typer.Option(None, "--data", help="Folder of exports to check."),
    year: str = typer.Option(None, "--year", help="Also say what the year holds, e.g. 2020-21."),
    content_dir: Path = typer.Option(
        None, "--content", help="Also check a narrative folder: meta.yml and the section files."
    ),
    explain: bool = typer.Option(
        False, "--explain", help="List the values each column accepts, and how mapping.yaml adds your own."
    ),
) -> None:
    """Check the input files and list every problem (exit 0 when clean, 1 when not)."""
    from complaints_report.problems import Problem, printable
    from complaints_report.vocabulary import explain as explained

    if explain:
        print(explained())
        if data is None and content_dir is None:
            return
    if data is None and content_dir is None:
        raise typer.BadParameter("give --data (the exports), --content (the narrative), or --explain")
    reporting_year = _year(year) if year else None
    problems: list[Problem] = []
    inputs = None
    if data is not None:
        from complaints_report.loading import check_inputs

        inputs, problems = check_inputs(data)
    content_notes: list[str] = []
    if content_dir is not None:
        content_problems, content_notes = content.check_content(content_dir, reporting_year)
        problems += content_problems
        if inputs is not None and reporting_year is not None and not content_problems:
            problems += _narrative_figures(inputs, content_dir, reporting_year)
    if problems:
        _problems(InputError(problems))
    if inputs is not None:
        from complaints_report.loading import notes, services_with_complaints

        out.print(
            f"[green]No problems found[/green] in {len(inputs.files)} file(s) in {escape(str(data))}.",
            highlight=False,
        )
        for path in inputs.files:
            print(f"  {printable(path.name)}")
        for note in notes(inputs):
            print(f"Note: {printable(note)}.")
        if reporting_year is not None:
            found = services_with_complaints(inputs, reporting_year)
            out.print(
                f"Services with complaints in {reporting_year.display}: {', '.join(found) or 'none'}",
                highlight=False,
            )
    if content_dir is not None:
        out.print(
            f"[green]No problems found[/green] in the narrative in {escape(str(content_dir))}.",
            highlight=False,
        )
        for note in content_notes:
            print(f"Note: {printable(note)}.")


def _narrative_figures(inputs, content_dir: Path, year: ReportingYear) -> list:
    """Every {{ figure }} of the year's narrative names a figure of its report."""
    from complaints_report.content import ContentError, check_fields
    from complaints_report.loading import services_with_complaints
    from complaints_report.metrics import compute_metrics
    from complaints_report.problems import Problem

    found = []
    for service in services_with_complaints(inputs, year):
        figures = compute_metrics(inputs, service, year)
        try:
            check_fields(
                content_dir,
                year,
                service,
                {k: v for k, v in figures.items() if not isinstance(v, dict | list)},
            )
        except ContentError as error:
            found.append(Problem(str(error).split(": ", 1)[0], str(error).split(": ", 1)[-1]))
    return found


@app.command("new-year")
def new_year(
    year: str = typer.Argument(..., help="The new reporting year, e.g. 2022-23."),
    content_dir: Path = typer.Option(
        paths.CONTENT_DIR, "--content", help="Narrative folder (default: bundled)."
    ),
) -> None:
    """Write narrative templates for a new year, copying forward text that does not change; never overwrites."""
    try:
        done = content.new_year(content_dir, _year(year))
    except InputError as error:  # last year's actions file has problems: its actions cannot be carried
        err.print(
            "[bold red]Last year's actions file has problems, so its open actions were not carried forward:"
            "[/bold red]",
            highlight=False,
        )
        for problem in error.problems:
            err.print(f"  - {problem}", markup=False, highlight=False, soft_wrap=True)
        err.print(
            "Fix them and run new-year again: it keeps the files it has already written.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(1) from None
    for path, what in done:
        out.print(f"{what}: {escape(str(path))}", highlight=False)
    if Path(content_dir).resolve() == paths.CONTENT_DIR.resolve():
        out.print(
            "This is the bundled example narrative (Westminster City Council). For your own council, start "
            "a folder of its own with 'complaints-report init --council \"Your Council\" --content DIR'.",
            highlight=False,
        )
    out.print("Now write the year's narrative in the template files, then run 'complaints-report build'.")


@app.command()
def init(
    council: str = typer.Option(
        ..., "--council", help='Your council\'s name, e.g. "Northfield Borough Council".'
    ),
    content_dir: Path = typer.Option(
        None, "--content", help="Where your narrative goes (default: a folder named after the council)."
    ),
    year: str = typer.Option(
        None,
        "--year",
        help="The first reporting year to write, e.g. 2022-23 (default: the latest complete one).",
    ),
    service: list[Service] = typer.Option(
        None, "--service", help="asc or childrens; repeat for both (default both)."
    ),
) -> None:
    """Start your council's narrative: templates for a year, meta.yml with your council's name; nothing copied."""
    from datetime import date

    from complaints_report.content import StartError

    reporting_year = _year(year) if year else ReportingYear.containing(date.today()).previous
    folder = content_dir or Path(_slug(council)) / "content"
    services = [s.value for s in service] if service else list(content.SECTIONS)
    try:
        done = content.init_council(folder, council, reporting_year, services)
    except StartError as error:
        _fail(str(error))
    for path, what in done:
        out.print(f"{what}: {escape(str(path))}", highlight=False)
    out.print(
        f"Started {escape(council)}'s narrative for {reporting_year.display} in {escape(str(folder))}. Fill in "
        "the team and its published contact details in each meta.yml, write the sections, then build with "
        f"--content {escape(str(folder))}.",
        highlight=False,
    )


def _slug(name: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "council"


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A warning raised while building (pandoc's or Typst's, a library's) printed as the build's
    own warnings are: one plain line, never a path into the code and a line of source."""
    err.print(f"[yellow]Warning:[/yellow] {escape(str(message))}", highlight=False, soft_wrap=True)


def main() -> None:
    """Entry point for the console script and ``python -m complaints_report``."""
    import warnings

    warnings.showwarning = _show_warning
    try:
        app(standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        sys.exit(code)
