"""Exports written by an attacker, or a careless user, built end to end: they print as written.

Both services (Adult Social Care 2020/21, Children's Services 2021/22) are built once each,
through the command line, from the example exports and narrative with a hostile value in every
free-text column that reaches a published file (``hostile_exports.py``): HTML and script,
Markdown, Quarto and Typst syntax, spreadsheet formulas, local and remote images, control
characters, line breaks, a 5,000-character name, and a quote marked ``publish = no``.

Every payload carries a token of its own (``hx07a``: payload 7 as a category). Wherever a token
shows, in the page's text, an attribute or the PDF's text, the whole payload must show around it
as written: had any part of a payload become markup, its token would show without it.
"""

from __future__ import annotations

import base64
import csv
import html
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from hostile_exports import (
    LOCAL_FILE_TEXT,
    REMOTE_HOST,
    TOKEN,
    UNPUBLISHED,
    HostileInputs,
    write_hostile_inputs,
)

pytestmark = pytest.mark.slow

SERVICES = ("asc", "childrens")
# The columns each report shows (every payload given to them is in the page's text); the others
# reach metrics.json and the CSVs only.
SHOWN = {
    "asc": {"category", "area", "service_area", "compliment team", "quote", "council", "meta team"},
    "childrens": {
        "category",
        "team",
        "rejection_reason",
        "compliment team",
        "quote",
        "summary",
        "remedy",
        "reason_not_investigated",
        "finding",
        "council",
    },
}
# Given but never published: the Children's report names no contact team (its meta.yml has no contact).
UNUSED = {"asc": set(), "childrens": {"meta team"}}
# Elements that run, load or submit anything: the report has none.
ACTIVE_ELEMENTS = {
    "script", "iframe", "frame", "object", "embed", "applet", "form", "input", "button", "textarea",
    "base", "link", "audio", "video", "source", "track", "svg", "math", "portal", "template",
}  # fmt: skip
# Attributes that may hold text from the data (a chart's alt text and the name of its data table).
TEXT_ATTRIBUTES = {"alt", "aria-label"}
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
LONG_VALUE = 1000  # characters: a value longer than this may run over a page break
PAGE_BREAK = 300  # characters a page break puts inside a value: the furniture and a table's header row
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def shown(value: str) -> str:
    """A value as a reader sees it: control characters print as nothing, white space runs are one
    space; compared without case (a label in mid-sentence starts in lower case)."""
    return " ".join(_CONTROL.sub("", value).split()).casefold()


def squeezed(value: str) -> str:
    """As pdftotext can give it back: without white space or hyphens. A PDF line may break anywhere
    in a long value (after a ``/``, inside a 5,000-character name), which pdftotext cannot tell
    from a space, and it joins a word broken after a hyphen without the hyphen."""
    return "".join(_CONTROL.sub("", value).split()).replace("-", "").replace("\xad", "").casefold()


def unexplained_tokens(text: str, payloads: Iterable[str], form=shown, wrapped: bool = False) -> list[str]:
    """Tokens in ``text`` (already in ``form``) that are not inside a payload shown as written,
    each with the text around it. With ``wrapped``, a payload of more than a page may be broken by
    what a page puts between its lines (the running header, a table's repeated header row)."""
    for payload in sorted(set(payloads), key=len, reverse=True):
        text = text.replace(form(payload), "\0")
        if wrapped and len(payload) > LONG_VALUE:
            while span := wrapped_span(text, payload, form):
                text = text[: span[0]] + "\0" + text[span[1] :]
    return [
        f"{m.group()}: ...{text[max(0, m.start() - 120) : m.end() + 60]}..." for m in TOKEN.finditer(text)
    ]


def wrapped_span(text: str, payload: str, form) -> tuple[int, int] | None:
    """Where a long payload shows in ``text``, its words in order with at most ``PAGE_BREAK``
    characters between two of them; None when it does not."""
    words = [form(word) for word in payload.split()]
    start = text.find(words[0])
    while start >= 0:
        end = start + len(words[0])
        for word in words[1:]:
            at = text.find(word, end, end + PAGE_BREAK + len(word))
            if at < 0:
                break
            end = at + len(word)
        else:
            return start, end
        start = text.find(words[0], start + 1)
    return None


@dataclass
class Built:
    inputs: HostileInputs
    command: subprocess.CompletedProcess
    published: Path
    internal: Path


@dataclass
class Browsed:
    """What Chromium saw: the elements, the text, what ran and what was asked for."""

    expected_title: str
    title: str
    text: str
    elements: list[dict]
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="module", params=SERVICES)
def built(request, tmp_path_factory) -> Built:
    service = request.param
    folder = tmp_path_factory.mktemp(f"hostile-{service}")
    inputs = write_hostile_inputs(folder, service)
    out = folder / "out"
    command = subprocess.run(
        [
            sys.executable, "-m", "complaints_report", "build", "--year", inputs.year, "--service", service,
            "--data", str(inputs.data), "--content", str(inputs.content), "--out", str(out),
            "--engine", "builtin",
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=900,  # a safety net against a hung build, not a measure of speed
    )  # fmt: skip
    if command.returncode != 0:  # test_the_build_succeeds says why; the other checks have nothing to look at
        pytest.fail(f"the hostile build of {service} failed:\n{command.stderr[-4000:]}")
    return Built(inputs, command, out / inputs.year / service, out / inputs.year / f"{service}-internal")


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S
)
Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1 (points from the page's top left), text
CELL_GAP = 6.0  # points: wider than a space between words at table size, narrower than a table's column gap


def read_as_cells(words: list[Word]) -> list[str]:
    """A page's words as a reader takes them in: each run of text (a paragraph, or a table cell) whole,
    its wrapped lines together, in reading order.

    pdftotext reads a table row by row, so a cell wrapped over two lines has the next column's
    text between its lines (``<b`` ``1`` ``onmouseover=...``): that is the extraction's order, not
    the page's. Here each line is cut where a gap wider than a space separates two words (a table's
    column gap), and a piece continues the run above it when it starts at the same left edge on the
    next line, so a wrapped cell reads as the one value it is.
    """
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w[1]), w[0])):
        if lines and abs(lines[-1][0][1] - word[1]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    runs: list[list[tuple[float, float, float, str]]] = []  # (x0, y0, y1, text) of each piece
    for line in lines:
        line.sort(key=lambda w: w[0])
        pieces, current = [], [line[0]]
        for word in line[1:]:
            if word[0] - current[-1][2] > CELL_GAP:
                pieces.append(current)
                current = [word]
            else:
                current.append(word)
        pieces.append(current)
        for piece in pieces:
            x0, y0, y1 = piece[0][0], min(w[1] for w in piece), max(w[3] for w in piece)
            text = " ".join(w[4] for w in piece)
            above = next(
                (
                    run
                    for run in reversed(runs)
                    if abs(run[-1][0] - x0) < 2 and 0 < y0 - run[-1][1] <= 2 * (run[-1][2] - run[-1][1])
                ),
                None,
            )
            if above is not None:
                above.append((x0, y0, y1, text))
            else:
                runs.append([(x0, y0, y1, text)])
    return ["\n".join(piece[3] for piece in run) for run in runs]


def pdf_words(pdf: Path) -> list[list[Word]]:
    """The words of each page with their boxes (pdftotext -bbox)."""
    result = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [
        [
            (float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in _WORD.findall(page)
        ]
        for page in result.stdout.split("<page ")[1:]
    ]


def test_a_wrapped_table_cell_reads_as_one_value_beside_its_neighbours():
    # a label wrapped over two lines in one column, its count in the next, as Typst sets a table
    words = [
        (50, 100, 70, 110, "Age"),
        (120, 100, 140, 110, "<b"),
        (300, 100, 305, 110, "1"),
        (120, 112, 200, 122, "onmouseover=x"),
        (120, 124, 150, 134, "hx01e"),
        (50, 136, 90, 146, "Next"),
        (95, 136, 120, 146, "row"),
    ]
    assert read_as_cells(words) == ["Age", "<b\nonmouseover=x\nhx01e", "1", "Next row"]


@pytest.fixture(scope="module")
def pdf_text(built) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing (poppler-utils)")
    # the running header and the page numbers fall wherever a page breaks, even inside a caption
    title = BeautifulSoup((built.published / "report.html").read_text(encoding="utf-8"), "html.parser").title
    furniture = re.compile(r"^(Page \d+ of \d+|" + re.escape(title.get_text(" ", strip=True)) + ")$")
    text = "\n".join(run for page in pdf_words(built.published / "report.pdf") for run in read_as_cells(page))
    return "\n".join(line for line in text.splitlines() if not furniture.match(line.strip()))


@pytest.fixture(scope="module")
def browsed(built) -> Browsed:
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("no system Chromium")
    page_file = built.published / "report.html"
    soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    seen = Browsed(expected_title=soup.title.get_text(), title="", text="", elements=[])

    def route(route, request) -> None:
        if request.url == page_file.as_uri():
            route.continue_()
        else:  # a remote host, a local file, anything else: recorded and refused
            seen.requests.append(request.url)
            route.abort()

    def dialog(opened) -> None:
        seen.dialogs.append(f"{opened.type}: {opened.message}")
        opened.dismiss()

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
            ],
        )
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.on("dialog", dialog)
            page.goto(page_file.as_uri(), wait_until="load")
            # whatever a reader could trigger by pointing at or tabbing through the page
            seen.title = page.evaluate(
                """() => {
                    for (const element of document.querySelectorAll('*')) {
                        for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'toggle']) {
                            element.dispatchEvent(new Event(type));
                        }
                    }
                    document.querySelectorAll('details').forEach(details => { details.open = true; });
                    return document.title;
                }"""
            )
            page.keyboard.press("Tab")
            seen.text = page.evaluate("() => document.body.textContent")
            seen.elements = page.evaluate(
                """() => Array.from(document.querySelectorAll('*'), element => ({
                    tag: element.localName,
                    attributes: Array.from(element.attributes, a => [a.name, a.value]),
                    inHead: element.closest('head') !== null,
                }))"""
            )
            seen.title = page.title()
        finally:
            browser.close()
    return seen


def test_the_build_succeeds(built):
    assert built.command.returncode == 0
    assert "Traceback" not in built.command.stderr
    assert (built.published / "report.html").is_file() and (built.published / "report.pdf").is_file()


def test_every_free_text_column_was_given_hostile_values(built):
    given = {column for column, values in built.inputs.columns.items() if values}
    wanted = {"category", "team", "age_band", "sex", "ethnicity", "disability", "rejection_reason"}
    wanted |= {
        "compliment team",
        "quote",
        "summary",
        "remedy",
        "finding",
        "ombudsman area",
        "council",
        "meta team",
    }
    wanted |= {"area", "service_area"} if built.inputs.service == "asc" else {"reason_not_investigated"}
    assert wanted <= given
    assert any(len(value) == 5000 for value in built.inputs.columns["category"])


def test_nothing_from_the_data_runs_in_chromium(built, browsed):
    assert browsed.dialogs == []
    assert browsed.requests == [], "the page asked for something other than itself"
    assert browsed.title == browsed.expected_title
    assert "PWNED" not in browsed.title


def test_the_page_holds_no_element_or_attribute_from_the_data(built, browsed):
    payloads = built.inputs.given()
    charts = sorted((built.published / "charts").glob("*.svg"))
    images = [e for e in browsed.elements if e["tag"] == "img"]
    assert len(images) == len(charts), "an image that is not a chart"
    ids = {value for e in browsed.elements for name, value in e["attributes"] if name == "id"}
    for element in browsed.elements:
        tag, attributes = element["tag"], dict(element["attributes"])
        assert tag not in ACTIVE_ELEMENTS, tag
        assert tag not in ("style", "meta", "title") or element["inHead"], tag
        assert not TOKEN.search(tag), tag
        for name, value in element["attributes"]:
            assert not name.startswith("on") and not TOKEN.search(name), (tag, name)
            if TOKEN.search(value) and not (tag == "img" and name == "src"):  # a chart's bytes, checked below
                assert name in TEXT_ATTRIBUTES, (tag, name, value[:200])
                assert unexplained_tokens(shown(value), payloads) == [], (tag, name, value[:200])
        if tag == "img":
            assert attributes["src"].startswith("data:image/svg+xml;base64,")
        if "href" in attributes:
            href = attributes["href"]
            assert not TOKEN.search(href), href
            if href.startswith("#"):
                assert href[1:] in ids, href
            else:
                assert urlparse(href).scheme in ("https", "mailto"), href
                assert REMOTE_HOST not in href, href


def test_the_page_shows_every_value_as_written(built, browsed):
    text = shown(browsed.text)
    payloads = built.inputs.given()
    assert unexplained_tokens(text, payloads) == []
    for column in SHOWN[built.inputs.service]:
        missing = [value[:80] for value in built.inputs.columns[column] if shown(value) not in text]
        assert missing == [], column


def test_the_pdf_shows_what_the_page_shows_outside_its_data_tables(built, pdf_text):
    soup = BeautifulSoup((built.published / "report.html").read_text(encoding="utf-8"), "html.parser")
    for element in soup.find_all(["details", "title"]):  # the data under each chart is on the web page only
        element.decompose()
    page = shown(soup.get_text(" "))
    pdf = squeezed(pdf_text)
    payloads = built.inputs.given()
    assert unexplained_tokens(pdf, payloads, form=squeezed, wrapped=True) == []
    expected = [value for value in payloads if shown(value) in page]
    assert len(expected) > 40
    assert any(len(value) > LONG_VALUE for value in expected)
    missing = [
        value[:80]
        for value in expected
        if squeezed(value) not in pdf and not wrapped_span(pdf, value, squeezed)
    ]
    assert missing == []


def test_every_value_is_published_as_written_somewhere(built, browsed, pdf_text):
    places = [shown(browsed.text), squeezed(pdf_text)]
    metrics = json.loads((built.published / "metrics.json").read_text(encoding="utf-8"))
    places += [shown(text) for text in strings_in(metrics)]
    for path in (built.published / "data").glob("*.csv"):
        places += [shown(cell.removeprefix("'")) for row in csv_rows(path) for cell in row]
    every = "\n".join(places)
    missing = [
        (column, value[:80])
        for column, values in built.inputs.columns.items()
        if column not in UNUSED[built.inputs.service]
        for value in values
        if shown(value) not in every
    ]
    assert missing == []


def test_no_csv_cell_would_run_as_a_formula(built):
    cells = [
        (path.name, cell)
        for path in sorted((built.published / "data").glob("*.csv"))
        for row in csv_rows(path)
        for cell in row
    ]
    assert len(cells) > 100
    live = [(name, cell[:60]) for name, cell in cells if _FORMULA.match(cell) and not _NUMBER.match(cell)]
    assert live == []
    protected = {cell for _, cell in cells if cell.startswith("'")}
    assert any(cell.startswith("'=HYPERLINK(") for cell in protected)
    assert any(cell.startswith(("'=1+1", "'=2+2")) for cell in protected), "a tab or CR before '=' is trimmed"


def test_no_published_file_holds_a_case_reference_an_unpublished_quote_or_a_local_file(built, pdf_text):
    identifiers = built.inputs.references | built.inputs.complainants
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(identifiers))) + r")(?![\w-])")
    secrets = [UNPUBLISHED, LOCAL_FILE_TEXT, base64.b64encode(LOCAL_FILE_TEXT.encode()).decode()[:24]]
    files = sorted(path for path in built.published.rglob("*") if path.is_file())
    names = {path.relative_to(built.published).as_posix() for path in files}
    assert {
        "report.html",
        "report.pdf",
        "metrics.json",
        f"{built.inputs.service}.ipynb",
        "manifest.json",
    } <= names
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        if path.name == "report.pdf":
            text += "\n" + pdf_text
        assert pattern.findall(text) == [], path.name
        assert [secret for secret in secrets if secret in text] == [], path.name
        assert "hx99z" not in text, path.name
    # the references are there to be found: the row accounting kept outside the folder lists them
    rows = (built.internal / "rows.csv").read_text(encoding="utf-8-sig")
    assert len(set(pattern.findall(rows))) > 50


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def strings_in(value) -> Iterable[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
