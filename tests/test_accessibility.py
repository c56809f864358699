"""The two example reports as disabled readers meet them: WCAG 2.2 AA in a real browser and PDF/UA-1.

The HTML is opened in the system's Chromium through Playwright (never a downloaded browser)
and checked with axe-core, then by hand-written checks of what axe cannot see: the page's
structure, a keyboard-only pass, reflow at 375 px and at 200% zoom, and the data tables
under the charts. The PDF is checked with poppler's ``pdfinfo`` and by reading the file's
catalogue (tags, title, language, A4, bookmarks, PDF/UA-1 identification).

That every PDF is compiled as PDF/UA-1 is checked in tests/test_rendering.py
(``test_the_engine_always_compiles_to_pdf_ua_1``). The charts' colours are checked where they
are made, in tests/test_charts.py:
``test_this_year_and_earlier_years_are_told_apart_by_3_to_1_contrast`` (adjacent bars),
``test_bar_colours_stand_out_from_the_white_background`` (bars, 3:1),
``test_text_colour_contrast_with_the_background`` and ``test_chart_text_is_drawn_in_the_text_colour``
(text, 4.5:1).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

SERVICES = ("asc", "childrens")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]
NO_POPPLER = "pdfinfo missing: install poppler-utils (apt-get install -y poppler-utils)"

# What a keyboard user can reach, and how the page tells where focus is.
FOCUSED_ELEMENT = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const transparent = colour => /rgba\\(.*,\\s*0\\)$/.test(colour) || colour === 'transparent';
  return {
    tag: element.tagName.toLowerCase(),
    text: (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 60),
    x: box.left, y: box.top, width: box.width, height: box.height,
    viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
             && !transparent(style.outlineColor),
    shadow: style.boxShadow !== 'none',
  };
}"""
OPEN_ALL_DETAILS = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"
PAGE_WIDTH = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
SCROLLING_TABLES = """() => [...document.querySelectorAll('table')].map(table => {
  const region = table.closest('.table-wrap');
  const caption = table.querySelector('caption');
  const box = caption ? caption.getBoundingClientRect() : null;
  return {
    caption: caption ? caption.textContent.trim().slice(0, 60) : null,
    wide: table.scrollWidth > (region || table).clientWidth + 1,
    region: region ? {
      overflow: getComputedStyle(region).overflowX,
      tabindex: region.getAttribute('tabindex'),
      role: region.getAttribute('role'),
      name: region.getAttribute('aria-label'),
    } : null,
    captionRight: box ? box.right : null,
  };
})"""


@pytest.fixture
def open_report(browser, example_reports):
    """open_report(service, width, height=900) -> a Playwright page showing that report; the page
    remembers every URL it asked for in ``page.requested``."""
    pages = []

    def open_page(service: str, width: int, height: int = 900):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.requested = []
        page.on("request", lambda request: page.requested.append(request.url))
        page.goto((example_reports[service] / "report.html").as_uri())
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.fixture(scope="module", params=SERVICES)
def soup(request, example_reports) -> BeautifulSoup:
    html = (example_reports[request.param] / "report.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def axe_violations(page) -> list[tuple[str, str, list]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        (v["id"], v["help"], [node["target"] for node in v["nodes"]][:5])
        for v in result.response["violations"]
    ]


# --- axe-core --------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("service", SERVICES)
def test_axe_finds_no_wcag_22_aa_or_best_practice_violation(open_report, service, width):
    pytest.importorskip("axe_playwright_python", reason="axe-playwright-python is not installed")
    page = open_report(service, width)
    assert axe_violations(page) == [], f"{service} at {width}px, data tables closed"
    page.evaluate(OPEN_ALL_DETAILS)
    assert axe_violations(page) == [], f"{service} at {width}px, data tables open"
    assert [url for url in page.requested if not url.startswith(("file:", "data:"))] == []


# --- structure --------------------------------------------------------------------------


def test_one_main_a_named_nav_and_british_english(soup):
    assert soup.html["lang"] == "en-GB"
    assert len(soup.find_all("main")) == 1
    navs = soup.find_all("nav")
    assert navs, "the contents should be a <nav>"
    for nav in navs:
        name = nav.get("aria-label") or (nav.get("aria-labelledby") and soup.find(id=nav["aria-labelledby"]))
        assert name, "every <nav> needs an accessible name"


def test_one_h1_and_heading_levels_never_skip(soup):
    headings = [int(tag.name[1]) for tag in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert headings.count(1) == 1 and headings[0] == 1
    pairs = zip(headings, headings[1:], strict=False)
    skips = [(before, after) for before, after in pairs if after > before + 1]
    assert skips == [], "a heading level is skipped (e.g. h2 followed by h4)"


@pytest.mark.parametrize("service", SERVICES)
def test_skip_link_is_the_first_stop_and_moves_focus_to_main(open_report, service):
    page = open_report(service, 1280)
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert first == ["skip-link", "#main-content"]
    assert page.evaluate(FOCUSED_ELEMENT)["x"] >= 0, "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"


# --- keyboard only ------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("service", SERVICES)
def test_every_tab_stop_is_visible_and_shows_focus(open_report, service, width):
    page = open_report(service, width)
    stops = page.evaluate("() => document.querySelectorAll('a[href], summary, [tabindex=\"0\"]').length")
    seen = []
    for _ in range(stops + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_ELEMENT)
        if focused is None or (seen and (focused["tag"], focused["text"], focused["y"]) == seen[0]):
            break  # off the end of the page, or round to the start again
        seen.append((focused["tag"], focused["text"], focused["y"]))
        where = f"{service} at {width}px, Tab stop {len(seen)}: <{focused['tag']}> {focused['text']!r}"
        assert focused["width"] > 0 and focused["height"] > 0, f"{where} has no size"
        assert focused["x"] >= 0 and focused["x"] + focused["width"] <= focused["viewportWidth"] + 1, (
            f"{where} is off the side of the screen"
        )
        assert focused["y"] < focused["viewportHeight"] and focused["y"] + focused["height"] > 0, (
            f"{where} is not scrolled into view"
        )
        assert focused["outline"] or focused["shadow"], f"{where} has no visible focus indicator"
    assert len(seen) >= 10, "the contents links, cross-references and data tables should all be Tab stops"


@pytest.mark.parametrize("service", SERVICES)
def test_chart_data_tables_open_with_enter_and_space(open_report, service):
    page = open_report(service, 1280)
    summaries = page.locator("details > summary")
    assert summaries.count() > 0
    for index in range(summaries.count()):
        summary = summaries.nth(index)
        is_open = lambda s=summary: s.evaluate("s => s.parentElement.open")  # noqa: E731
        summary.focus()
        page.keyboard.press("Enter")
        assert is_open(), f"data table {index + 1} does not open with Enter"
        page.keyboard.press("Enter")
        assert not is_open(), f"data table {index + 1} does not close with Enter"
        page.keyboard.press("Space")
        assert is_open(), f"data table {index + 1} does not open with Space"
        page.keyboard.press("Tab")  # the opened table's scrolling region is the next stop
        assert page.evaluate("() => document.activeElement.closest('details') !== null"), (
            f"the table in data table {index + 1} cannot be reached with Tab"
        )


# --- tables and charts -----------------------------------------------------------------------


def test_every_table_has_a_caption_and_header_cells(soup):
    tables = soup.find_all("table")
    assert tables
    for table in tables:
        caption = table.find("caption")
        assert caption and caption.get_text(strip=True), "a table without a caption"
        headers = table.find_all("th")
        assert headers, f"{caption.get_text(strip=True)!r} has no header cells"
        assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))


def test_every_chart_has_alt_text_and_its_data_table_after_it(soup):
    images = soup.select("figure img")
    assert images
    for image in images:
        assert len(image.get("alt", "").strip()) > 20, "a chart without alt text"
        details = image.find_parent("figure").find_next_sibling()
        assert details is not None and details.name == "details", f"no data table after {image['alt'][:60]!r}"
        assert details.summary and details.summary.get_text(strip=True) == "Data for this chart"
        assert details.find("table") and details.find("table").find("th")


# --- reflow and zoom -----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("service", SERVICES)
def test_no_table_hides_a_column_and_no_caption_is_cut_off(open_report, service, width):
    page = open_report(service, width)
    page.evaluate(OPEN_ALL_DETAILS)
    scroll_width, viewport = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= viewport, f"the page scrolls sideways at {width}px ({scroll_width}px wide)"
    tables = page.evaluate(SCROLLING_TABLES)
    assert tables
    wide = [table["caption"] for table in tables if table["wide"]]
    assert wide == [], f"at {width}px these tables are wider than the page and hide a column: {wide}"
    for table in tables:
        region = table["region"]  # every table still sits in a region that would scroll if it had to
        assert region and region["overflow"] in ("auto", "scroll"), table["caption"]
        assert region["tabindex"] == "0" and region["role"] == "region" and region["name"], table["caption"]
        assert table["captionRight"] <= viewport + 1, f"the caption {table['caption']!r} is cut off"


REFLOWED_TABLES = """() => [...document.querySelectorAll('table.reflow')].map(table => ({
  caption: table.querySelector('caption').textContent.trim().slice(0, 60),
  display: getComputedStyle(table.querySelector('tbody td:nth-child(2)')).display,
  roles: [table.getAttribute('role'), table.querySelector('tbody tr').getAttribute('role'),
          table.querySelector('tbody td').getAttribute('role'), table.querySelector('thead th').getAttribute('role')],
  labelled: [...table.querySelectorAll('tbody td')].every(td => td.dataset.label),
}))"""


@pytest.mark.parametrize("service", SERVICES)
def test_a_wide_table_reflows_on_a_phone_as_labelled_cells_keeping_its_table_roles(open_report, service):
    page = open_report(service, 375)
    reflowed = page.evaluate(REFLOWED_TABLES)
    assert reflowed, "the stages or areas table should reflow on a phone"
    for table in reflowed:
        assert table["display"] == "grid", f"{table['caption']!r} is not shown as labelled cells at 375px"
        assert table["roles"] == ["table", "row", "cell", "columnheader"], table["caption"]
        assert table["labelled"], f"a cell of {table['caption']!r} has no column label"
    wide = open_report(service, 1280).evaluate(REFLOWED_TABLES)
    assert {table["display"] for table in wide} == {"table-cell"}, "on a large screen a table is a table"


LAYOUT_ROUNDING_PX = 0.05  # a browser lays out in 1/64 px
CHART_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('main p')).fontSize);
  return [body, [...document.querySelectorAll('figure img')].map(img => ({
    alt: img.alt.slice(0, 50), natural: img.naturalWidth,
    shown: img.getBoundingClientRect().width - parseFloat(getComputedStyle(img).borderLeftWidth)
           - parseFloat(getComputedStyle(img).borderRightWidth),
  }))];
}"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("service", SERVICES)
def test_chart_text_is_at_least_as_large_as_body_text(open_report, service, width):
    from complaints_report.charts import FONT_SIZE, PX_PER_POINT, WIDTH

    natural = WIDTH * 96  # CSS px; the browser rounds the image's naturalWidth to a whole pixel
    page = open_report(service, width)
    body, images = page.evaluate(CHART_TEXT)
    assert images
    for image in images:
        assert abs(image["natural"] - natural) <= 1, image["alt"]
        assert image["shown"] <= natural + 0.5, f"{image['alt']!r} is enlarged"
        text_px = FONT_SIZE * PX_PER_POINT * image["shown"] / natural
        assert text_px >= body - LAYOUT_ROUNDING_PX, (
            f"at {width}px the text of {image['alt']!r} is {text_px:.1f}px, body {body}px"
        )


@pytest.mark.parametrize("zoom", ["page zoom 200%", "text size 200%"])
@pytest.mark.parametrize("service", SERVICES)
def test_no_horizontal_scrolling_at_200_percent_zoom(open_report, service, zoom):
    if zoom == "page zoom 200%":
        page = open_report(service, 640, 450)  # 1280 x 900 at 200%
    else:
        page = open_report(service, 1280)
        page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.evaluate(OPEN_ALL_DETAILS)
    scroll_width, viewport = page.evaluate(PAGE_WIDTH)
    assert scroll_width <= viewport, f"{zoom}: the page scrolls sideways ({scroll_width}px in {viewport}px)"


# --- PDF -------------------------------------------------------------------------------------------


PDF_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_string(literal: bytes | None, hexadecimal: bytes | None) -> str:
    """A PDF text string: a literal (with its backslash escapes) or hex; UTF-16 when it starts with a BOM."""
    if hexadecimal:
        raw = bytes.fromhex(hexadecimal.decode())
    else:
        raw = re.sub(
            rb"\\([0-7]{1,3}|.)",
            lambda m: (
                bytes([int(m.group(1), 8)])
                if m.group(1).isdigit()
                else PDF_ESCAPES.get(m.group(1), m.group(1))
            ),
            literal,
            flags=re.S,
        )
    return raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def pdf_titles(data: bytes) -> list[str]:
    """The bookmark titles of a PDF whose outline items are not in compressed object streams."""
    character = rb"(?:[^()\\]|\\.)"  # balanced parentheses may stand unescaped in a literal string
    pattern = (
        rb"/Parent \d+ 0 R[^>]*?/Title(?:\(((?:" + character + rb"|\(" + character + rb"*\))*)\)"
        rb"|<([0-9A-Fa-f]+)>)"
    )
    return [pdf_string(literal, hexadecimal) for literal, hexadecimal in re.findall(pattern, data, re.S)]


def plain(text: str) -> str:
    """Text compared as words: one space between them, typographic apostrophes as straight ones."""
    return " ".join(text.replace("\u2019", "'").split())


@pytest.fixture(scope="module", params=SERVICES)
def pdf(request, example_reports):
    if not shutil.which("pdfinfo"):
        pytest.skip(NO_POPPLER)
    folder = example_reports[request.param]
    html = BeautifulSoup((folder / "report.html").read_text(encoding="utf-8"), "html.parser")
    return folder / "report.pdf", html


def test_pdf_is_tagged_titled_a4_and_in_british_english(pdf):
    path, html = pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    title = re.search(r"^Title:\s+(.+)$", info, re.M)
    assert title and plain(title.group(1)) == plain(html.title.get_text())
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$", info, re.M)
    data = path.read_bytes()
    assert re.search(rb"/Lang\s*\(en-GB\)", data)
    assert re.search(rb"/DisplayDocTitle\s*true", data), "viewers should show the title, not the file name"


def test_pdf_identifies_itself_as_pdf_ua_1(pdf):
    path, _ = pdf
    metadata = subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part=\"1\"", metadata)


def test_pdf_has_a_bookmark_for_every_section(pdf):
    path, html = pdf
    data = path.read_bytes()
    assert re.search(rb"/Type\s*/Outlines", data), "the PDF has no bookmarks"
    sections = [plain(h2.get_text(" ")) for h2 in html.main.find_all("h2")]
    titles = [plain(title) for title in pdf_titles(data)]
    missing = [section for section in sections if section not in titles]
    assert missing == [], f"sections without a bookmark: {missing}"


def test_pdf_charts_carry_their_alt_text(pdf):
    path, html = pdf
    figures = len(html.select("figure img"))
    assert len(re.findall(rb"/Alt\s*[(<]", path.read_bytes())) >= figures
