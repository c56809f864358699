"""Actions followed up: what was learned, what is being done about it, who does it, by when, and
whether it was done - kept as a file beside the year's narrative, so next year's report can say
which of last year's actions were done.

The file
--------
``content/<year>/<service>/actions.csv``, one row for each action, with these columns (header in
row 1; column names match ignoring case, spaces, hyphens and underscores, and the alternative
names in :data:`COLUMN_NAMES` are accepted too):

=========== ======== ==========================================================================
column      required what it holds
=========== ======== ==========================================================================
agreed      yes      the reporting year the action was agreed in: ``2021-22`` (or ``2021/22``)
kind        yes      ``learning`` (from a complaint, a review or the Ombudsman) or ``priority``
                     (a priority the team set itself)
learned     no       what was learned; blank for a priority that did not come from a complaint
action      yes      what the council will do
owner       no       the team that owns the action; blank when not recorded
due         no       when it is due: ``31/03/2023``, ``2023-03-31``, ``31 March 2023``, or a
                     month, ``March 2023`` (also as Excel re-saves it, ``Mar-23``); blank: none set
status      yes      planned, in progress, done, dropped, or not recorded (:data:`STATUSES`)
progress    no       what has been done so far, in words
=========== ======== ==========================================================================

Why CSV, not an Excel workbook
------------------------------
The actions file sits in the narrative folder with the Markdown and ``meta.yml``, under version
control, and is copied forward by ``new-year``. CSV opens and saves in Excel like a workbook, and
can also be edited in any text editor; a change to one action shows as a one-line difference in
review, where an ``.xlsx`` is an opaque zip. A CSV cannot hold a live formula, a hidden sheet or
cell formatting that carries meaning (status must be in words, never a fill colour), and it is
read with the project's tolerant decoding: UTF-8 with or without a byte-order mark (Excel's
"CSV UTF-8"), or Windows-1252 (Excel's "CSV (Comma delimited)" on UK Windows). An
``actions.xlsx`` found in the folder is reported with how to save it as CSV, not silently ignored.

Checking
--------
Problems use the project's own style (:mod:`complaints_report.problems`, as the exports do): every
mistake is collected before stopping and names the file, the spreadsheet row (the header is row
1), the column, the value and what to do - an unknown status, an unreadable due date, a blank
action, a misspelt column. Text is data: it is kept exactly as written (a ``|`` or ``*`` in an
action is not markup) and is escaped where the report is rendered.

What it gives the report
------------------------
- :func:`report_table`: the table a resident reads, with the status in words;
- :func:`status_counts` and :func:`status_sentence`: "Of the 6 actions agreed last year, 4 are
  done and 2 are in progress." (docs/style.md);
- :func:`carry_forward`: last year's open actions (not done, not dropped) become the first rows of
  the new year's file, so the next report follows them up. It never overwrites a file.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from complaints_report import wording
from complaints_report.loading.values import ValueProblem, blank
from complaints_report.problems import InputError, Problem
from complaints_report.tables import Table
from complaints_report.vocabulary import Vocabulary, key
from complaints_report.years import ReportingYear, YearError

ACTIONS_FILE = "actions.csv"
WORKBOOK_FILE = "actions.xlsx"  # not read: reported with how to save it as CSV

# The file's columns, in the order carry_forward writes them.
COLUMNS = ("agreed", "kind", "learned", "action", "owner", "due", "status", "progress")
REQUIRED = ("agreed", "kind", "action", "status")
# Other names an analyst may give a column (matched like vocabulary.key: case, spaces, hyphens ignored).
COLUMN_NAMES = {
    "agreed": ["year agreed", "agreed in", "year"],
    "kind": ["type", "from"],
    "learned": ["learnt", "what we learned", "what we learnt", "what was learned", "learning", "lesson"],
    "action": ["what we are doing", "what we will do", "recommendation"],
    "owner": ["owner team", "owning team", "who", "team"],
    "due": ["due date", "by when", "deadline"],
    "status": ["action status"],
    "progress": ["what has been done", "update", "progress made"],
}

# The status vocabulary: a few words an analyst can type, each with the spellings people use.
# "Open" and "closed" are not accepted: each could mean two of these.
STATUSES = {
    "planned": ["planned", "not started", "to do", "todo", "scheduled"],
    "in_progress": ["in progress", "ongoing", "underway", "under way", "started", "in hand", "continuing"],
    "done": ["done", "complete", "completed", "achieved", "implemented", "finished"],
    "dropped": ["dropped", "cancelled", "canceled", "stopped", "not going ahead", "no longer needed"],
    # For an action whose status is genuinely not known (an old report that did not say): it is
    # carried forward, so next year's report must give it a status.
    "not_recorded": ["not recorded", "not known", "unknown"],
}
STATUS_WORDS = {  # as the report prints a status: in words, never a colour alone
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
    "not_recorded": "Not recorded",
}
CLOSED = frozenset({"done", "dropped"})  # not carried forward to the next year
# The order statuses are listed in a sentence: what was achieved first.
SENTENCE_ORDER = ("done", "in_progress", "planned", "dropped", "not_recorded")
_STATUS_VERBS = {  # (one, more than one)
    "done": ("is done", "are done"),
    "in_progress": ("is in progress", "are in progress"),
    "planned": ("is planned", "are planned"),
    "dropped": ("was dropped", "were dropped"),
}

KINDS = {
    "learning": ["learning", "lesson", "lessons learned", "learning from complaints", "recommendation"],
    "priority": ["priority", "team priority", "service priority", "future development", "development"],
}
_KIND_NOUNS = {  # singular, plural, how it came about
    "learning": ("action", "actions", "agreed"),
    "priority": ("priority", "priorities", "set"),
    None: ("action", "actions", "agreed"),
}

STATUS_VOCABULARY = Vocabulary("status", STATUSES)
KIND_VOCABULARY = Vocabulary("kind of action", KINDS)
_COLUMN_LOOKUP = {key(name): column for column, names in COLUMN_NAMES.items() for name in (column, *names)}

STATUS_HINT = (
    "Use one of: planned, in progress, done, dropped or not recorded "
    "('not recorded' only when the status is genuinely not known)"
)
KIND_HINT = "Use 'learning' for an action from a complaint, a review or the Ombudsman, or 'priority' for a team priority"
DUE_HINT = (
    "Write the due date as DD/MM/YYYY (31/03/2023 is 31 March 2023), YYYY-MM-DD, or a month such as "
    "'March 2023'; leave it blank if no date was set"
)
EARLIEST_DUE_YEAR, LATEST_DUE_YEAR = 2000, 2099  # outside these the year was mistyped


# --------------------------------------------------------------------------- the file's values


@dataclass(frozen=True)
class Due:
    """When an action is due: a day, or a whole month (due by its last day)."""

    day: date
    month_only: bool = False

    @property
    def shown(self) -> str:
        """As the report prints it (GOV.UK dates): '31 March 2023', or 'March 2023' for a month."""
        return f"{self.day:%B %Y}" if self.month_only else f"{self.day.day} {self.day:%B %Y}"


_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_UK_DAY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_UK_MONTH = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_NAMED_DAYS = ("%d %B %Y", "%d %b %Y", "%d-%b-%Y", "%d-%B-%Y", "%d-%b-%y", "%d %b %y")
# 'Mar-23' is how Excel shows, and re-saves to CSV, a cell typed as 'March 2023'.
_NAMED_MONTHS = ("%B %Y", "%b %Y", "%b-%Y", "%B-%Y", "%b-%y", "%B-%y", "%b %y")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_due(value: object) -> Due:
    """A due date from a cell: a day (ISO or UK day-first, never month-first) or a month."""
    if isinstance(value, datetime | date):
        day = value.date() if isinstance(value, datetime) else value
        return _in_range(Due(day))
    text = re.sub(r"\bSept\b", "Sep", re.sub(r"\s+", " ", str(value).strip()))  # strptime knows "Sep"
    try:
        if match := _ISO_DAY.match(text):
            year, month, dom = (int(g) for g in match.groups())
            return _in_range(Due(date(year, month, dom)))
        if match := _UK_DAY.match(text):
            dom, month, year = (int(g) for g in match.groups())
            if month > 12 and dom <= 12:
                raise ValueProblem(
                    "looks like a month-first (US) date; dates are read day first",
                    f"{DUE_HINT}. Written day first this is {month}/{dom:02d}/{year}",
                )
            return _in_range(Due(date(year, month, dom)))
        if match := _ISO_MONTH.match(text):
            year, month = (int(g) for g in match.groups())
            return _in_range(Due(_month_end(year, month), month_only=True))
        if match := _UK_MONTH.match(text):
            month, year = (int(g) for g in match.groups())
            return _in_range(Due(_month_end(year, month), month_only=True))
    except ValueProblem:
        raise
    except ValueError:  # a day or a month that does not exist: 31/02/2023, 2023-13
        raise ValueProblem("is not a real calendar date", DUE_HINT) from None
    for pattern in _NAMED_DAYS:
        try:
            return _in_range(Due(datetime.strptime(text, pattern).date()))
        except ValueError:
            continue
    for pattern in _NAMED_MONTHS:
        try:
            first = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return _in_range(Due(_month_end(first.year, first.month), month_only=True))
    hint = DUE_HINT
    if text.isdigit():
        hint += " (a plain number is an Excel date serial: format the column as a date)"
    raise ValueProblem("is not a date", hint)


def _in_range(due: Due) -> Due:
    if not EARLIEST_DUE_YEAR <= due.day.year <= LATEST_DUE_YEAR:
        raise ValueProblem(
            f"has the year {due.day.year}, outside {EARLIEST_DUE_YEAR} to {LATEST_DUE_YEAR}",
            "Check the year was typed correctly",
        )
    return due


def parse_agreed(value: object) -> ReportingYear:
    try:
        return ReportingYear.parse(str(value).strip())
    except YearError as error:
        raise ValueProblem("is not a reporting year", str(error).split(": ", 1)[-1]) from None


# --------------------------------------------------------------------------- reading and checking


@dataclass(frozen=True)
class Action:
    """One row of an actions file, checked."""

    agreed: ReportingYear
    kind: str  # "learning" or "priority"
    action: str
    status: str  # a key of STATUSES
    learned: str | None = None
    owner: str | None = None
    due: Due | None = None
    progress: str | None = None
    row: int = field(default=0, compare=False)  # the spreadsheet row it was read from
    cells: tuple[str, ...] = field(default=(), compare=False, repr=False)  # as written, in COLUMNS order

    @property
    def is_open(self) -> bool:
        """Still to be followed up: not done and not dropped."""
        return self.status not in CLOSED

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]


def actions_path(content_dir: Path, year: ReportingYear, service: str) -> Path:
    """``<content>/<year>/<service>/actions.csv``."""
    return Path(content_dir) / year.label / service / ACTIONS_FILE


def _shown(path: Path) -> str:
    # Imported here, not at the top: content.new_year calls carry_forward, so content may import
    # this module, and neither may need the other while it is being imported.
    from complaints_report.content import shown_path

    return shown_path(path)


def _read_text(path: Path) -> str:
    from complaints_report.content import read_text  # UTF-8 with or without BOM, else Windows-1252

    return read_text(path)


def _column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _header(name: str, row: int, cells: list[str]) -> tuple[dict[int, str], list[Problem]]:
    """Position -> column for the header's cells, and what is wrong with the header."""
    columns: dict[int, str] = {}
    problems = []
    for position, cell in enumerate(cells):
        if not cell.strip():
            continue
        column = _COLUMN_LOOKUP.get(key(cell))
        if column is None:
            problems.append(
                Problem(
                    name,
                    "is not a column of the actions file",
                    row=row,
                    column=cell.strip(),
                    hint=f"Rename it to one of: {', '.join(COLUMNS)}, or delete the column",
                )
            )
        elif column in columns.values():
            first = next(p for p, c in columns.items() if c == column)
            problems.append(
                Problem(
                    name,
                    f"names the same column as column {_column_letter(first)} ('{cells[first].strip()}')",
                    row=row,
                    column=cell.strip(),
                    hint="Keep one of the two columns",
                )
            )
        else:
            columns[position] = column
    found = set(columns.values())
    for column in REQUIRED:
        if column not in found:
            problems.append(
                Problem(
                    name,
                    "a required column is missing",
                    row=row,
                    column=column,
                    hint=f"Add a column named '{column}' (columns found: {', '.join(sorted(found)) or 'none'})",
                )
            )
    return columns, problems


def _text(value: str | None) -> str | None:
    return None if blank(value) else str(value).strip()


def _check_row(
    name: str, row: int, record: dict[str, str], year: ReportingYear | None, problems: list[Problem]
) -> Action | None:
    """One row as an Action, or None when a problem was found in it (each problem is recorded)."""
    before = len(problems)

    def problem(column: str, message: str, hint: str) -> None:
        value = record.get(column)
        problems.append(
            Problem(name, message, row=row, column=column, value=(value or "").strip(), hint=hint)
        )

    def parsed(column: str, parser, blank_hint: str):
        value = record.get(column)
        if blank(value):
            if blank_hint:
                problem(column, "is blank but this column is required", blank_hint)
            return None
        try:
            return parser(value)
        except ValueProblem as error:
            problem(column, error.message, error.hint)
            return None

    agreed = parsed("agreed", parse_agreed, "Write the reporting year the action was agreed in, e.g. 2021-22")
    if agreed is not None and year is not None and agreed > year:
        problem(
            "agreed",
            f"is later than the year of this file ({year.label})",
            "An action is agreed in the year of the report that first lists it, or earlier: check the year",
        )
    kind = _choice(record.get("kind"), KIND_VOCABULARY, "kind", problem, KIND_HINT)
    action = _text(record.get("action"))
    if action is None:
        problem(
            "action",
            "is blank but this column is required",
            "Write what the council will do in 'action', or delete the row if it holds no action",
        )
    status = _choice(record.get("status"), STATUS_VOCABULARY, "status", problem, STATUS_HINT)
    due = parsed("due", parse_due, "")
    if len(problems) > before:
        return None
    return Action(
        agreed=agreed,
        kind=kind,
        action=action,
        status=status,
        learned=_text(record.get("learned")),
        owner=_text(record.get("owner")),
        due=due,
        progress=_text(record.get("progress")),
        row=row,
        cells=tuple(record.get(column) or "" for column in COLUMNS),
    )


def _choice(value: str | None, vocabulary: Vocabulary, column: str, problem, hint: str) -> str | None:
    if blank(value):
        problem(column, "is blank but this column is required", hint)
        return None
    found = vocabulary.get(value)
    if found is None:
        problem(column, f"is not a known {vocabulary.name}", hint)
    return found


def _duplicates(name: str, actions: list[Action], problems: list[Problem]) -> None:
    """The same action twice in one file: the report would say it twice."""
    seen: dict[tuple[str, str], int] = {}
    for action in actions:
        ident = (action.kind, " ".join(action.action.lower().split()))
        if ident in seen:
            problems.append(
                Problem(
                    name,
                    f"repeats the action on row {seen[ident]}",
                    row=action.row,
                    column="action",
                    value=action.action,
                    hint="Remove one of the two rows, or say how the two actions differ",
                )
            )
        else:
            seen[ident] = action.row


def check_actions(path: Path, year: ReportingYear | None = None) -> tuple[list[Action], list[Problem]]:
    """Every action in a file and every problem with it; ``year`` (the file's reporting year),
    when given, is the latest year an action may have been agreed in."""
    path = Path(path)
    name = _shown(path)
    try:
        text = _read_text(path)
    except OSError as error:
        return [], [
            Problem(name, f"could not be read ({error.strerror or error})", hint="Check the file is there")
        ]
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return [], [
            Problem(
                name,
                f"is not a readable CSV file ({error})",
                hint="Re-save it from Excel as 'CSV UTF-8 (Comma delimited)'",
            )
        ]
    # The row a spreadsheet user sees is the record's position, not the text line: a quoted cell
    # with a line break is one row in Excel but several lines in the file.
    numbered = [
        (number, cells) for number, cells in enumerate(rows, start=1) if any(c.strip() for c in cells)
    ]
    if not numbered:
        return [], [
            Problem(
                name,
                "is empty: it has no header row",
                hint=f"The first row should name the columns: {', '.join(COLUMNS)}",
            )
        ]
    header_row, header_cells = numbered[0]
    columns, problems = _header(name, header_row, header_cells)
    if any(column not in columns.values() for column in REQUIRED):
        return [], problems  # rows cannot be read without the column: fix the header first
    # A column with a heading that is not known is already a problem of the header row.
    actions, unnamed = [], {p for p, cell in enumerate(header_cells) if cell.strip()}
    for row, cells in numbered[1:]:
        for position, cell in enumerate(cells):
            if position not in columns and cell.strip() and position not in unnamed:
                unnamed.add(position)
                problems.append(
                    Problem(
                        name,
                        f"has a value in column {_column_letter(position)}, which has no heading",
                        row=row,
                        value=cell.strip(),
                        hint=f"Move it into one of the columns ({', '.join(COLUMNS)}) or delete it",
                    )
                )
        record = {column: (cells[p] if p < len(cells) else "") for p, column in columns.items()}
        action = _check_row(name, row, record, year, problems)
        if action is not None:
            actions.append(action)
    _duplicates(name, actions, problems)
    return actions, problems


def read_actions(path: Path, year: ReportingYear | None = None) -> list[Action]:
    """The actions of a file, or :class:`InputError` listing every problem in it."""
    actions, problems = check_actions(path, year)
    if problems:
        raise InputError(problems)
    return actions


def year_actions(content_dir: Path, year: ReportingYear, service: str) -> list[Action] | None:
    """The actions of a year's narrative folder; None when it has no actions file.

    An ``actions.xlsx`` in the folder is an :class:`InputError`: it is not read, and a report built
    from a CSV beside it could be out of date.
    """
    path = actions_path(content_dir, year, service)
    workbook = path.with_name(WORKBOOK_FILE)
    if workbook.exists():
        raise InputError(
            [
                Problem(
                    _shown(workbook),
                    "is an Excel workbook; the actions are read from actions.csv",
                    hint="In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)', save it as "
                    f"{ACTIONS_FILE} in the same folder, then delete {WORKBOOK_FILE}",
                )
            ]
        )
    if not path.exists():
        return None
    return read_actions(path, year)


def privacy_texts(actions: Sequence[Action], path: Path) -> dict[str, str]:
    """Each row's words, named by file and row, for the personal-data scan (privacy.scan)."""
    name = _shown(Path(path))
    return {
        f"{name} row {a.row}": "\n".join(t for t in (a.learned, a.action, a.owner, a.progress) if t)
        for a in actions
    }


# What the analyst is asked to fill in when a row leaves it blank: (column, what is missing, what to do).
_DETAILS = (
    (
        "owner",
        "no owner",
        "Write the team that owns each action (the report shows 'Not recorded' under 'Who', or leaves "
        "the column out when no action has an owner)",
    ),
    (
        "due",
        "no due date",
        "Write when each action is due, as DD/MM/YYYY or a month such as 'March 2023' (the report shows "
        "'No date set', or leaves the column out when no action has a date)",
    ),
    (
        "status",
        "no status ('not recorded')",
        "Write planned, in progress, done or dropped once it is known (the report counts only the "
        "statuses recorded)",
    ),
)


def row_ranges(rows: Sequence[int]) -> str:
    """Spreadsheet rows as an analyst reads them: 'row 4', 'rows 2, 3, 5 and 8 to 12'."""
    rows = sorted(set(rows))
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    parts: list[str] = []
    for run in runs:  # three or more rows in a run read as a range; one or two are listed
        parts += [f"{run[0]} to {run[-1]}"] if len(run) > 2 else [str(row) for row in run]
    return f"{'row' if len(rows) == 1 else 'rows'} {wording.join(parts)}"


def missing_details(actions: Sequence[Action], path: Path) -> list[str]:
    """A warning for each of owner, due date and status that some actions leave blank, naming the
    file, its rows and the column, so the analyst fills them in: the report cannot say who does an
    action, by when, or whether it is done."""
    name = _shown(Path(path))
    found = []
    for column, missing, todo in _DETAILS:
        rows = [a.row for a in actions if not _recorded(a, column)]
        if rows:
            found.append(f"{name}, {row_ranges(rows)}, column '{column}': {missing}. {todo}")
    return found


# --------------------------------------------------------------------------- what the report shows

NOT_RECORDED = "Not recorded"
NO_DATE = "No date set"
LEARNED = "What we learned"


def select(
    actions: Sequence[Action], year: ReportingYear, *, kind: str | None = None, followed_up: bool = False
) -> list[Action]:
    """The actions agreed in ``year`` (or, ``followed_up``, before it), of one kind or both, in file order."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind is 'learning', 'priority' or None, not {kind!r}")
    return [
        a
        for a in actions
        if (kind is None or a.kind == kind) and (a.agreed < year if followed_up else a.agreed == year)
    ]


def report_table(
    actions: Sequence[Action], year: ReportingYear, *, kind: str | None = None, followed_up: bool = False
) -> Table:
    """The table a resident reads, with each status in words.

    This year's actions: What we learned | What we are doing (for priorities: Priority) | Who |
    By when | Status. Followed up from earlier years: What we learned | What we said we would do
    (Priority) | Who | Status | What has been done. "What we learned" is left out when no row has
    one (a list of team priorities), and so is each of Who, By when, Status and What has been done
    when it is recorded for none of the table's rows: a column that reads "Not recorded" all the way
    down tells a resident nothing and squeezes the text beside it (:func:`missing_details` warns the
    analyst instead). In a column that is kept, a blank cell reads "Not recorded" or "No date set";
    a blank "What we learned" stays blank (shown as a dash).
    """
    chosen = select(actions, year, kind=kind, followed_up=followed_up)
    doing = (
        "Priority"
        if kind == "priority"
        else ("What we said we would do" if followed_up else "What we are doing")
    )
    if followed_up:
        headings = [LEARNED, doing, "Who", "Status", "What has been done"]
        rows = [
            [a.learned, a.action, a.owner or NOT_RECORDED, a.status_words, a.progress or NOT_RECORDED]
            for a in chosen
        ]
    else:
        headings = [LEARNED, doing, "Who", "By when", "Status"]
        rows = [
            [a.learned, a.action, a.owner or NOT_RECORDED, a.due.shown if a.due else NO_DATE, a.status_words]
            for a in chosen
        ]
    data = pd.DataFrame(rows, columns=headings, dtype=object)
    if not any(a.learned for a in chosen):
        data = data.drop(columns=LEARNED)
    if chosen:
        data = data.drop(
            columns=[c for c, field in _BLANK_UNLESS.items() if c in data and _none(chosen, field)]
        )
    name = f"table_{kind or 'actions'}_{'followed_up' if followed_up else 'agreed'}"
    return Table(name, _caption(year, kind, followed_up), data)


# The columns left out of a table when no row of it has the field recorded.
_BLANK_UNLESS = {"Who": "owner", "By when": "due", "Status": "status", "What has been done": "progress"}


def _recorded(action: Action, field_name: str) -> bool:
    if field_name == "status":
        return action.status != "not_recorded"
    return getattr(action, field_name) is not None


def _none(chosen: Sequence[Action], field_name: str) -> bool:
    return not any(_recorded(a, field_name) for a in chosen)


def _caption(year: ReportingYear, kind: str | None, followed_up: bool) -> str:
    if kind == "priority":
        if followed_up:
            return f"Priorities set before {year.display} and the progress made"
        return f"Priorities set in {year.display} for {year.next.display}"
    if followed_up:
        return f"Actions agreed before {year.display} and what has been done"
    return f"Actions agreed in {year.display} and their status"


def status_counts(actions: Sequence[Action]) -> dict[str, int]:
    """How many actions have each status, every status listed (zero included), done first."""
    return {status: sum(a.status == status for a in actions) for status in SENTENCE_ORDER}


def counts_sentence(
    counts: dict[str, int], singular: str, plural: str, qualifier: str, *, say_none_done: bool = False
) -> str:
    """The status counts as one sentence (docs/style.md): never opening with a numeral, 'no' and
    'none' for zero, numerals throughout the list of counts, 'one', 'both' and 'all' for a whole.

    'Of the 6 actions agreed last year, 4 are done and 2 are in progress.'; 'The one action agreed
    last year is done.'; 'All 4 actions agreed this year are done.'; 'Of the 3 actions agreed last
    year, none are done yet: 2 are in progress and 1 is planned.' (with ``say_none_done``, for actions
    followed up, where none done is news); 'No actions were agreed this year.'
    ``qualifier`` follows the noun and starts with a past participle ('agreed last year').

    An action whose status is not recorded is counted in the whole but never described: the sentence
    says only what is known. 'Of the 14 actions agreed this year, 3 are done.' (the other 11 have no
    status); with no status recorded at all, the count alone: 'Fourteen actions were agreed this
    year.' Neither 'all' nor 'none are done yet' is said while any status is unknown.
    """
    unknown = set(counts) - set(SENTENCE_ORDER)
    if unknown:
        raise ValueError(f"not a status: {', '.join(sorted(unknown))}")
    total = sum(counts.get(status, 0) for status in SENTENCE_ORDER)
    known = [
        (status, counts[status])
        for status in SENTENCE_ORDER
        if status in _STATUS_VERBS and counts.get(status)
    ]
    unrecorded = total - sum(n for _, n in known)
    if total == 0:
        return f"No {plural} were {qualifier}."
    if not known:
        return f"{wording.opening_count(total, singular, plural)} {wording.verb_for(total)} {qualifier}."
    if total == 1:
        return f"The one {singular} {qualifier} {_STATUS_VERBS[known[0][0]][0]}."
    if len(known) == 1 and not unrecorded:
        whole = "Both" if total == 2 else f"All {total:,}"
        return f"{whole} {plural} {qualifier} {_STATUS_VERBS[known[0][0]][1]}."
    parts = [f"{n:,} {_STATUS_VERBS[status][0 if n == 1 else 1]}" for status, n in known]
    none_done = "none are done yet: " if say_none_done and not counts.get("done") and not unrecorded else ""
    return f"Of the {total:,} {plural} {qualifier}, {none_done}{wording.join(parts)}."


def status_sentence(
    actions: Sequence[Action], year: ReportingYear, *, kind: str | None = None, followed_up: bool = False
) -> str:
    """The sentence above :func:`report_table`'s table, from the same rows.

    This year's: 'All 4 actions agreed this year are done.', 'Of the 4 priorities set for next year,
    1 is in progress and 3 are planned.', 'No actions were agreed this year.' Followed up: 'Of the 6
    actions agreed last year, 4 are done and 2 are in progress.' ('in earlier years' when any was
    agreed before last year), 'There were no actions from earlier years to follow up.'
    """
    chosen = select(actions, year, kind=kind, followed_up=followed_up)
    singular, plural, verb = _KIND_NOUNS[kind]
    if followed_up:
        if not chosen:
            return f"There were no {plural} from earlier years to follow up."
        when = "last year" if all(a.agreed == year.previous for a in chosen) else "in earlier years"
        qualifier = f"{verb} {when}"
    else:
        qualifier = f"{verb} for next year" if kind == "priority" else f"{verb} this year"
    return counts_sentence(status_counts(chosen), singular, plural, qualifier, say_none_done=followed_up)


# --------------------------------------------------------------------------- the next year's file


@dataclass(frozen=True)
class CarriedForward:
    """What :func:`carry_forward` did, worded like ``content.new_year``'s report of each file."""

    path: Path
    written: bool
    carried: int = 0  # open actions copied into the new file
    left_behind: int = 0  # done or dropped, not copied
    source: Path | None = None  # the previous year's file, when there was one

    @property
    def what(self) -> str:
        if not self.written:
            return "kept (already exists)"
        if self.source is None:
            return "template written (no earlier actions file)"
        return (
            f"{wording.no_or_count(self.carried, 'open action')} carried forward from {_shown(self.source)}, "
            f"{wording.no_or_count(self.left_behind, 'done or dropped action')} left behind"
        )


def carry_forward(previous_file: Path | None, new_file: Path) -> CarriedForward:
    """Start the new year's actions file with last year's open actions; never overwrite a file.

    The rows of ``previous_file`` that are not done or dropped are copied into ``new_file`` exactly
    as written (status, progress and all: the analyst updates them during the year), under the
    standard header, in UTF-8 with a byte-order mark so Excel shows every character. Without a
    previous file (None or missing) the new file holds the header alone. An existing ``new_file``
    is left as it is. A previous file with problems raises :class:`InputError` and writes nothing:
    an action whose status cannot be read cannot be known to be open.
    """
    new_file = Path(new_file)
    if new_file.exists():
        return CarriedForward(new_file, written=False)
    source = Path(previous_file) if previous_file is not None and Path(previous_file).exists() else None
    rows: list[tuple[str, ...]] = []
    left_behind = 0
    if source is not None:
        previous = read_actions(source)
        rows = [a.cells for a in previous if a.is_open]
        left_behind = len(previous) - len(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    new_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with new_file.open("x", encoding="utf-8-sig", newline="") as handle:  # "x": never overwrite
            handle.write(buffer.getvalue())
    except FileExistsError:  # written by someone else since the check above
        return CarriedForward(new_file, written=False)
    return CarriedForward(new_file, True, len(rows), left_behind, source)
