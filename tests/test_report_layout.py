"""The report's layout on a phone and on the page, for the example reports and for reports whose
names are long (tests/report_variants.py): no table hides a column at 375 px, no word of the PDF
overlaps another, no heading is left alone at the foot of a page.

The chart text size and the reflow of wide tables in the example reports are checked in
tests/test_accessibility.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from report_variants import VARIANTS, write_variant
from typer.testing import CliRunner

from complaints_report.cli import app

pytestmark = pytest.mark.slow

OPEN_ALL_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
LAYOUT_VARIANTS = ["long_names", "other_council"]
REPORTS = ["asc", "childrens", *LAYOUT_VARIANTS]
NO_POPPLER = "pdftotext missing: install poppler-utils (apt-get install -y poppler-utils)"

TABLE_WIDTHS = """() => [...document.querySelectorAll('table')].map(table => ({
  caption: (table.querySelector('caption') || {}).textContent,
  width: table.scrollWidth,
  room: (table.closest('.table-wrap') || table.parentElement).clientWidth,
}))"""


@pytest.fixture(scope="module")
def built(example_reports, tmp_path_factory):
    """report name -> its published folder (HTML and PDF); a variant is built through the CLI on first use."""
    folders: dict[str, Path] = {}

    def folder(name: str) -> Path:
        if name not in folders:
            if name in example_reports:
                folders[name] = example_reports[name]
            else:
                service, year = VARIANTS[name]
                where = tmp_path_factory.mktemp(f"layout-{name}")
                data, content = write_variant(name, where)
                out = where / "out"
                result = CliRunner().invoke(
                    app,
                    [
                        "build",
                        "--year",
                        year,
                        "--service",
                        service,
                        "--data",
                        str(data),
                        "--content",
                        str(content),
                    ]
                    + ["--out", str(out), "--engine", "builtin"],
                )
                assert result.exit_code == 0, result.output
                folders[name] = out / year / service
        return folders[name]

    return folder


# --------------------------------------------------------------------------- a phone


@pytest.mark.parametrize("report", REPORTS)
def test_no_table_is_wider_than_a_phone_screen(browser, built, report):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    try:
        page.goto((built(report) / "report.html").as_uri())
        page.evaluate(OPEN_ALL_DETAILS)
        tables = page.evaluate(TABLE_WIDTHS)
    finally:
        page.close()
    assert tables
    too_wide = [(t["caption"], t["width"], t["room"]) for t in tables if t["width"] > t["room"] + 1]
    assert too_wide == [], f"{report}: tables hiding a column at 375px: {too_wide}"


# --------------------------------------------------------------------------- the page

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S
)
OVERLAP_PT = 0.5  # two words that share more than this in both directions overlap


def pdf_pages_words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """The words of each page with their boxes (pdftotext -bbox)."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = result.stdout.split("<page ")[1:]
    return [
        [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in _WORD.findall(page)]
        for page in pages
    ]


def overlaps(words: list[tuple[float, float, float, float, str]]) -> list[tuple[str, str]]:
    found = []
    ordered = sorted(words, key=lambda w: w[1])
    for index, (x0, y0, x1, y1, text) in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other[1] >= y1 - OVERLAP_PT:
                break
            shared_x = min(x1, other[2]) - max(x0, other[0])
            shared_y = min(y1, other[3]) - max(y0, other[1])
            if shared_x > OVERLAP_PT and shared_y > OVERLAP_PT:
                found.append((text, other[4]))
    return found


def test_the_overlap_check_finds_words_that_run_into_each_other():
    words = [(10, 10, 60, 20, "Safeguarding"), (55, 10, 70, 20, "6"), (10, 30, 50, 40, "apart")]
    assert overlaps(words) == [("Safeguarding", "6")]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason=NO_POPPLER)
@pytest.mark.parametrize("report", REPORTS)
def test_no_word_of_the_pdf_overlaps_another(built, report):
    for number, words in enumerate(pdf_pages_words(built(report) / "report.pdf"), start=1):
        assert overlaps(words) == [], f"{report}, page {number}: words overlap"


def page_texts(pdf: Path) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout.split("\f")


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
    return " ".join(body[-1].split()) if body else ""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason=NO_POPPLER)
@pytest.mark.parametrize("report", REPORTS)
def test_no_heading_is_left_at_the_foot_of_a_page(built, report):
    folder = built(report)
    soup = BeautifulSoup((folder / "report.html").read_text(encoding="utf-8"), "html.parser")
    headings = {
        " ".join(h.get_text(" ").replace("\u2019", "'").split()) for h in soup.main.find_all(["h2", "h3"])
    }
    pages = page_texts(folder / "report.pdf")[2:-1]  # the body pages (after the cover and contents)
    stranded = [
        (number, last_line(text))
        for number, text in enumerate(pages, start=3)
        if last_line(text).replace("\u2019", "'") in headings
    ]
    assert stranded == [], f"{report}: a heading ends a page: {stranded}"


PAGE_TOP_PT, PAGE_FOOT_PT = 74, 68  # the body's margins in template.typ (2.6 cm, 2.4 cm), in points
MOST_EMPTY = 0.4  # the largest share of a page's text height left blank before a table


def page_fill(pdf: Path) -> list[tuple[float, str]]:
    """For each page: how far down its text height the body's last word reaches (0 to 1), and the
    first line of its body (the running header and the page number left out)."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    found = []
    for page in result.stdout.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page)[1])
        words = [
            (float(y0), float(y1), float(x0), text)
            for x0, y0, _, y1, text in _WORD.findall(page)
            if PAGE_TOP_PT - 3 < float(y0) < height - PAGE_FOOT_PT
        ]
        if not words:
            found.append((0.0, ""))
            continue
        top = min(w[0] for w in words)
        first = " ".join(w[3] for w in sorted(words, key=lambda w: w[2]) if abs(w[0] - top) < 2)
        bottom = max(w[1] for w in words)
        found.append(((bottom - PAGE_TOP_PT) / (height - PAGE_FOOT_PT - PAGE_TOP_PT), first))
    return found


def half_empty_before_a_table(fills: list[tuple[float, str]]) -> list[tuple[int, str]]:
    """Pages (numbered from 1) left more than MOST_EMPTY blank while the next page opens with a table's
    caption: a short table fits in that space, so the table that moved is a tall one that could break."""
    return [
        (number, fills[number][1])
        for number, (fill, _) in enumerate(fills[:-1], start=1)
        if number > 2 and fill < 1 - MOST_EMPTY and re.match(r"Table \d+:", fills[number][1])
    ]


def test_the_blank_page_check_finds_a_table_moved_whole_to_the_next_page():
    fills = [(0.5, "cover"), (0.5, "Contents"), (0.55, "What we are doing"), (0.9, "Table 7: Priorities")]
    assert half_empty_before_a_table(fills) == [(3, "Table 7: Priorities")]
    assert half_empty_before_a_table([(0.5, ""), (0.5, ""), (0.7, "text"), (0.9, "Table 7: x")]) == []
    assert half_empty_before_a_table([(0.5, ""), (0.5, ""), (0.3, "text"), (0.9, "Figure 2: x")]) == []


@pytest.mark.skipif(not shutil.which("pdftotext"), reason=NO_POPPLER)
@pytest.mark.parametrize("report", REPORTS)
def test_no_page_is_left_half_empty_before_a_table(built, report):
    """A table taller than about a third of a page may break (quarto_compat.lua), so it starts on the page
    where its caption falls instead of moving whole to the next and leaving half a page blank."""
    fills = page_fill(built(report) / "report.pdf")
    assert half_empty_before_a_table(fills) == [], f"{report}: a page left half empty before a table"
