"""An export written by an attacker, or by a careless user, built end to end: it prints as written.

The example data with hostile values in the categories, teams, areas, a published quote and an
Ombudsman summary of Adult Social Care 2020/21. In the HTML no element or attribute comes from
the data and no script runs (checked in Chromium); the text shows literally in the page and in
the PDF; no CSV cell would run as a formula; no published file holds a case reference.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints_report import paths
from complaints_report.build import BuildRequest, build
from complaints_report.years import ReportingYear

pytestmark = pytest.mark.slow

CATEGORIES = [
    "<img src=x onerror=\"document.title='PWNED'\"> Quality of service",
    "[x](javascript:alert(1))",
    "Fee $5 and $10",
    "$$x$$",
    "{{< include _quarto.yml >}}",
    "`{python} 1 + 1`",
]
TEAMS = ["Team @home", '#read("/etc/passwd")', "a | b", '=HYPERLINK("http://x","y")']
AREAS = ['<img src="/etc/hosts"> Homecare', '<img src="http://example.com/x.png"> Reablement']
QUOTE = "<script>document.title='PWNED'</script> Thank you " + "very " * 1000 + "much."
SUMMARY = "<b onmouseover=alert(1)>A summary</b> @sec-x {{< meta title >}}"


def rewrite(path: Path, change) -> None:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    for number, row in enumerate(rows):
        change(number, row)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def in_year(row: dict) -> bool:
    day, month, year = (
        (row["received"].split("/") + ["", "", ""])[:3] if "/" in row["received"] else ("", "", "")
    )
    if not year:
        year, month, day = row["received"].split("-")
    return (int(year), int(month)) >= (2020, 4) and (int(year), int(month)) <= (2021, 3)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "data"
    shutil.copytree(paths.DATA_DIR, data)
    count = {"n": 0}

    def complaint(number: int, row: dict) -> None:
        if row["received"] and in_year(row):
            count["n"] += 1
            row["category"] = CATEGORIES[count["n"] % len(CATEGORIES)]
            row["team"] = TEAMS[count["n"] % len(TEAMS)]
            row["area"] = AREAS[count["n"] % len(AREAS)]

    rewrite(data / "complaints_asc.csv", complaint)

    def compliment(number: int, row: dict) -> None:
        if (
            row["service"] == "Adult Social Care"
            and row["received"].startswith("2020")
            and row["publish"] == "yes"
        ):
            row["quote"] = QUOTE

    rewrite(data / "compliments.csv", compliment)

    def ombudsman(number: int, row: dict) -> None:
        if row["service"] == "asc" and row["received"] >= "2020-04" and row["received"] < "2021-04":
            row["summary"] = SUMMARY

    rewrite(data / "ombudsman.csv", ombudsman)
    results = build(
        BuildRequest(
            year=ReportingYear.parse("2020-21"),
            services=["asc"],
            data_dir=data,
            out_dir=folder / "out",
            engine="builtin",
        )
    )
    return results[0].folder


def test_the_page_holds_no_element_or_attribute_from_the_data_and_runs_nothing(hostile_build):
    html = (hostile_build / "report.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find(attrs={"onerror": True}) and not soup.find(attrs={"onmouseover": True})
    assert not soup.find("script") and not soup.find("b", string="A summary")
    assert all(image["src"].startswith("data:image/svg+xml;base64,") for image in soup.find_all("img"))
    assert not [a for a in soup.find_all("a", href=True) if a["href"].lower().startswith("javascript")]
    text = " ".join(soup.get_text(" ").split())
    for value in (*CATEGORIES, *TEAMS, "<script>document.title='PWNED'</script> Thank you very very"):
        assert value in text, value
    # the Adult Social Care report lists no Ombudsman summaries; the published table's CSV holds it as text
    assert SUMMARY in (hostile_build / "data" / "table_ombudsman.csv").read_text(encoding="utf-8-sig")
    browser_path = shutil.which("chromium") or "/usr/bin/chromium"
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(browser_path).exists():
        pytest.skip("no system Chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=browser_path, args=["--headless", "--no-sandbox"]
        )
        try:
            page = browser.new_page()
            page.goto((hostile_build / "report.html").as_uri())
            assert "PWNED" not in page.title()
            assert (
                page.evaluate("() => document.querySelectorAll('[onerror], [onmouseover], script').length")
                == 0
            )
        finally:
            browser.close()


def test_the_pdf_shows_the_values_as_written(hostile_build):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing (poppler-utils)")
    text = subprocess.run(
        ["pdftotext", str(hostile_build / "report.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split()).lower()  # a category inside a sentence starts in lower case
    for value in ("Fee $5 and $10", '#read("/etc/passwd")', "Team @home", "a | b", "`{python} 1 + 1`"):
        assert value.lower() in flat, value


def test_no_csv_cell_would_run_as_a_formula(hostile_build):
    for path in (hostile_build / "data").glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not re.match(r"^[=+@\t\r]", cell) or cell.startswith("'"), f"{path.name}: {cell}"


def test_no_published_file_holds_a_case_reference(hostile_build):
    references = set()
    for name in ("complaints_asc.csv", "compliments.csv", "ombudsman.csv", "enquiries.csv"):
        with open(paths.DATA_DIR / name, encoding="utf-8-sig", newline="") as handle:
            references |= {row["reference"] for row in csv.DictReader(handle)}
    for path in hostile_build.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found = [reference for reference in references if reference.encode() in data]
            assert found == [], f"{path.name}: {found[:3]}"
