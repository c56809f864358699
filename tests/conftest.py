"""Shared builders for the unit tests: small council exports written into a temporary folder.

A test says only what matters to it; everything else in a row gets a plain, valid value:

    def test_something(write_csv, complaint, data_dir):
        write_csv("complaints.csv", [complaint("C1", received="03/04/2022")])
        inputs = load_inputs(data_dir)

Dates may be given as ``date`` objects (written ISO) or as the exact text an export holds.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from complaints_report.loading import Inputs, load_inputs

# The contract's complaints columns (section 2), in the order a council export might hold them.
COMPLAINT_COLUMNS = [
    "reference",
    "service",
    "stage",
    "procedure",
    "received",
    "acknowledged",
    "responded",
    "extension",
    "team",
    "area",
    "category",
    "outcome",
    "status",
    "rejection_reason",
]
ENQUIRY_COLUMNS = ["reference", "service", "received", "responded", "service_area"]
COMPLIMENT_COLUMNS = ["reference", "service", "received", "team", "quote", "publish"]
OMBUDSMAN_COLUMNS = [
    "reference",
    "service",
    "received",
    "decided",
    "investigated",
    "reason_not_investigated",
    "finding",
    "remedy",
    "remedy_amount",
    "summary",
]
HISTORY_COLUMNS = ["service", "year", "measure", "value"]

COLUMNS_OF = {
    "complaints": COMPLAINT_COLUMNS,
    "enquiries": ENQUIRY_COLUMNS,
    "compliments": COMPLIMENT_COLUMNS,
    "ombudsman": OMBUDSMAN_COLUMNS,
    "history": HISTORY_COLUMNS,
}


def cell(value: object) -> str:
    """How a value appears in a CSV export: dates ISO, None blank, everything else as text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def complaint_record(reference: str = "C001", **fields) -> dict:
    """One valid adult social care stage 1 complaint received in 2021-22, still open."""
    record = {
        "reference": reference,
        "service": "asc",
        "stage": 1,
        "procedure": None,
        "received": date(2021, 5, 4),
        "acknowledged": None,
        "responded": None,
        "extension": None,
        "team": "Reablement",
        "area": None,
        "category": "Quality of service",
        "outcome": None,
        "status": None,
        "rejection_reason": None,
    }
    record.update(fields)
    return record


def enquiry_record(reference: str = "E001", **fields) -> dict:
    record = {
        "reference": reference,
        "service": "asc",
        "received": date(2021, 5, 4),
        "responded": None,
        "service_area": "Reablement",
    }
    record.update(fields)
    return record


def compliment_record(reference: str = "K001", **fields) -> dict:
    record = {
        "reference": reference,
        "service": "asc",
        "received": date(2021, 5, 4),
        "team": "Reablement",
        "quote": None,
        "publish": None,
    }
    record.update(fields)
    return record


def ombudsman_record(reference: str = "L001", **fields) -> dict:
    record = {
        "reference": reference,
        "service": "asc",
        "received": date(2021, 5, 4),
        "decided": None,
        "investigated": "no",
        "reason_not_investigated": None,
        "finding": None,
        "remedy": None,
        "remedy_amount": None,
        "summary": None,
    }
    record.update(fields)
    return record


def history_record(year: str, measure: str, value: object, service: str = "asc") -> dict:
    return {"service": service, "year": year, "measure": measure, "value": value}


def write_csv_file(
    path: Path, records: list[dict], columns: list[str] | None = None, encoding: str = "utf-8"
) -> Path:
    """Write records as a CSV export (header on row 1), in the given encoding."""
    columns = columns or list(records[0])
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for record in records:
            writer.writerow([cell(record.get(column)) for column in columns])
    return path


def write_xlsx_file(
    path: Path,
    records: list[dict],
    columns: list[str] | None = None,
    *,
    sheet: str = "Sheet1",
    title_rows: list[str] = (),
    sheets_before: dict | None = None,
) -> Path:
    """Write records as an Excel workbook with real Excel dates.

    ``title_rows`` go above the header, each merged across the table as report exports do;
    ``sheets_before`` is ``{sheet name: [rows]}`` of other sheets placed before the table's sheet.
    """
    from openpyxl import Workbook

    columns = columns or list(records[0])
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in (sheets_before or {}).items():
        other = workbook.create_sheet(name)
        for row in rows:
            other.append(list(row))
    table = workbook.create_sheet(sheet)
    for number, title in enumerate(title_rows, start=1):
        table.cell(row=number, column=1, value=title)
        table.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(columns))
    # a blank row between the titles and the header, as report exports often have
    header_row = len(title_rows) + 2 if title_rows else 1
    for position, column in enumerate(columns, start=1):
        table.cell(row=header_row, column=position, value=column)
    for offset, record in enumerate(records, start=1):
        for position, column in enumerate(columns, start=1):
            value = record.get(column)
            if isinstance(value, date) and not isinstance(value, datetime):
                value = datetime(value.year, value.month, value.day)  # a real Excel date cell
            written = table.cell(row=header_row + offset, column=position, value=value)
            if isinstance(value, datetime):
                written.number_format = "DD/MM/YYYY"
    workbook.save(path)
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder, as a council analyst would point ``--data`` at."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def complaint() -> Callable[..., dict]:
    """Build a valid complaint row, overriding only the fields a test is about."""
    return complaint_record


@pytest.fixture
def enquiry() -> Callable[..., dict]:
    """Build a valid Member enquiry row (adult social care, 2021-22, open)."""
    return enquiry_record


@pytest.fixture
def compliment() -> Callable[..., dict]:
    """Build a valid compliment row (adult social care, 2021-22)."""
    return compliment_record


@pytest.fixture
def ombudsman_case() -> Callable[..., dict]:
    """Build a valid LGSCO case row (adult social care, 2021-22, not investigated)."""
    return ombudsman_record


@pytest.fixture
def published_figure() -> Callable[..., dict]:
    """Build a history row: ``published_figure(year, measure, value, service="asc")``."""
    return history_record


@pytest.fixture
def write_csv(data_dir: Path) -> Callable[..., Path]:
    """Write a CSV export into the data folder: ``write_csv(name, records, columns=None, encoding=...)``."""

    def write(
        name: str, records: list[dict], columns: list[str] | None = None, encoding: str = "utf-8"
    ) -> Path:
        if columns is None:
            kind = next((k for k in COLUMNS_OF if name.lower().startswith(k)), None)
            columns = COLUMNS_OF[kind] if kind else list(records[0])
        return write_csv_file(data_dir / name, records, columns, encoding)

    return write


@pytest.fixture
def write_xlsx(data_dir: Path) -> Callable[..., Path]:
    """Write an .xlsx export into the data folder; see :func:`write_xlsx_file` for the options."""

    def write(name: str, records: list[dict], columns: list[str] | None = None, **options) -> Path:
        if columns is None:
            kind = next((k for k in COLUMNS_OF if name.lower().startswith(k)), None)
            columns = COLUMNS_OF[kind] if kind else list(records[0])
        return write_xlsx_file(data_dir / name, records, columns, **options)

    return write


@pytest.fixture
def load_cases(data_dir: Path, write_csv: Callable[..., Path]) -> Callable[..., Inputs]:
    """Write the given records as exports into the data folder and load them through the contract."""

    def load(complaints=(), enquiries=(), compliments=(), ombudsman=(), history=()) -> Inputs:
        # the contract needs a complaints file; a lone 2005 complaint stays out of any tested year
        complaints = list(complaints) or [complaint_record("PLACEHOLDER", received=date(2005, 6, 1))]
        for kind, records in (
            ("complaints", complaints),
            ("enquiries", enquiries),
            ("compliments", compliments),
            ("ombudsman", ombudsman),
            ("history", history),
        ):
            if records:
                write_csv(f"{kind}.csv", list(records))
        return load_inputs(data_dir)

    return load


@pytest.fixture
def close_figures():
    """Close every matplotlib figure when the test is over.

    A test module opts in with ``pytestmark = pytest.mark.usefixtures("close_figures")``.
    """
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# ----------------------------------------------------------------------------- whole builds
EXAMPLE_BUILDS = {"asc": "2020-21", "childrens": "2021-22"}


@pytest.fixture(scope="session")
def example_reports(tmp_path_factory) -> dict[str, Path]:
    """Both bundled example reports built once with the built-in engine: service -> output folder."""
    from complaints_report.build import BuildRequest, build
    from complaints_report.years import ReportingYear

    out = tmp_path_factory.mktemp("example-reports")
    folders = {}
    for service, year in EXAMPLE_BUILDS.items():
        results = build(
            BuildRequest(year=ReportingYear.parse(year), services=[service], out_dir=out, engine="builtin")
        )
        folders[service] = results[0].folder
    return folders


@pytest.fixture
def built_copy(example_reports, tmp_path) -> Path:
    """A copy of the example builds' --out folder: a build into it reuses their analysis (the same
    exports, parameters, notebook and library), so only what a test changes is rebuilt."""
    import shutil

    source = next(iter(example_reports.values())).parents[1]
    out = tmp_path / "out"
    shutil.copytree(source, out, symlinks=True)
    return out


# --------------------------------------------------------------------------- the system browser

CHROMIUM_ARGS = [  # no display, no network, no first-run set-up
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
]


def system_chromium() -> str | None:
    """Debian's /usr/bin/chromium, else a chromium on PATH: the browser tests never download one."""
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    """The system Chromium through Playwright, for a test module's pages (accessibility, layout)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install .[dev])"
    )
    executable = system_chromium()
    if not executable:
        pytest.skip(
            "no system Chromium at /usr/bin/chromium (apt-get install -y chromium); never a downloaded one"
        )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
