"""The two example reports as a reader gets them: every section, figure and key number, in HTML and PDF.

The figures asserted here are the published Westminster ones the example data reproduces
(see docs/reconciliation.md).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from complaints_report.charts import asc_charts, childrens_charts  # noqa: F401 - the charts each report shows

pytestmark = pytest.mark.slow

SECTIONS = {
    "asc": [
        "About this report",
        "About the process",
        "Volume of complaints",
        "Nature of issue",
        "Complaints activity by team",
        "Outcomes",
        "Response times",
        "Ombudsman (LGSCO) activity",
        "Member enquiries",
        "Compliments",
        "Learning from complaints",
        "Future development work for 21/22",
        "Final comments",
        "What the regulations ask this report to show",
        "About the figures",
        "Accessibility",
    ],
    "childrens": [
        "Introduction",
        "Legislation",
        "Overview of the children's complaints procedure",
        "Complaints received",
        "Performance overview",
        "Response times and outcomes",
        "Complaints at stage 2",
        "Complaints at stage 3",
        "Ombudsman cases",
        "Learning from complaints",
        "Compliments",
        "Delivery against the priorities for 2021/22",
        "Priorities for 2022/23",
        "What the regulations ask this report to show",
        "Appendix A: the statutory complaints procedure",
        "Appendix B: the non-statutory complaints procedure",
        "Appendix C: compliments",
        "About the figures",
        "Accessibility",
    ],
}
FIGURES = {
    "asc": [
        "volume",
        "nature",
        "areas",
        "outcomes",
        "response_times",
        "ombudsman",
        "member_enquiries",
        "compliments",
    ],
    "childrens": ["received", "departments", "stages", "nature", "timeliness", "compliments", "ombudsman"],
}
KEY_NUMBERS = {
    "asc": [
        "85 complaints",
        "slightly lower than last year",
        "32%",
        "22%",
        "65%",
        "28%",
        "7%",
        "233",
        "95%",
        "22 compliments",
        "Just over half",
        "compares the outcomes with the two years before",
        "32% were about quality of service",
    ],
    "childrens": [
        "75 complaints",
        "63",
        "12 under the statutory procedure",
        "51 under the non-statutory",
        "a 9% increase from 58",
        "81%",
        "7 percentage points better than 74% in 2020/21",
        "36%",
        "37%",
        "25%",
        "£1,100",
        "58 compliments",
    ],
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'"))


@pytest.fixture(scope="module", params=["asc", "childrens"])
def report(request, example_reports):
    folder = example_reports[request.param]
    html = (folder / "report.html").read_text(encoding="utf-8")
    return request.param, folder, html, BeautifulSoup(html, "html.parser")


def test_every_output_of_the_contract_is_there(report):
    service, folder, _, _ = report
    for name in ("report.html", "report.pdf", "metrics.json", f"{service}.ipynb", "manifest.json"):
        assert (folder / name).is_file(), name
    # the account of every input row names case references: kept beside the published folder
    assert not (folder / "data" / "rows.csv").exists()
    assert (folder.parent / f"{service}-internal" / "rows.csv").is_file()
    for figure in FIGURES[service]:
        assert (folder / "charts" / f"{figure}.png").is_file()
        assert (folder / "data" / f"{figure}.csv").is_file(), f"no data behind chart {figure}"


def test_html_has_every_section_heading(report):
    service, _, _, soup = report
    headings = [normalise(h.get_text(" ", strip=True)) for h in soup.find_all(["h2"])]
    for section in SECTIONS[service]:
        assert normalise(section) in headings, f"missing section: {section}"


def test_html_has_one_title_in_english_with_the_year(report):
    service, _, _, soup = report
    assert soup.html["lang"] == "en-GB"
    titles = soup.find_all("h1")
    assert len(titles) == 1
    assert ("2020/21" if service == "asc" else "2021/22") in titles[0].get_text()


def test_every_figure_is_embedded_with_alt_text_from_its_data(report):
    service, _, _, soup = report
    images = soup.find_all("img")
    assert len(images) >= len(FIGURES[service])
    for image in images:
        assert image["src"].startswith("data:image/png;base64,"), "images must be embedded"
        assert len(image.get("alt", "")) > 40, f"alt text too thin: {image.get('alt')!r}"
        assert re.search(r"\d", image["alt"]), "alt text should carry the chart's numbers"


def test_html_makes_no_network_request(report):
    _, _, html, soup = report
    for tag, attribute in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("source", "src"),
    ):
        for element in soup.find_all(tag):
            value = element.get(attribute) or ""
            assert not re.match(r"(https?:)?//", value), (
                f"<{tag} {attribute}={value}> would fetch from the network"
            )
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html), "CSS must not fetch from the network"
    assert "@import" not in html


def test_html_states_the_key_published_figures(report):
    service, _, _, soup = report
    text = normalise(soup.get_text(" "))
    for figure in KEY_NUMBERS[service]:
        assert figure in text, f"{figure!r} not in the {service} report"


def test_no_placeholder_is_left_in_the_example_reports(report):
    _, _, _, soup = report
    assert "Narrative needed" not in soup.get_text()


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo, pdftotext) is not installed")
def test_pdf_is_tagged_titled_and_states_the_key_figures(report):
    service, folder, _, _ = report
    info = subprocess.run(["pdfinfo", str(folder / "report.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Title:\s+.*complaints annual report", info, re.M)
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 8 <= pages <= 40
    text = normalise(
        subprocess.run(["pdftotext", str(folder / "report.pdf"), "-"], capture_output=True, text=True).stdout
    )
    for figure in KEY_NUMBERS[service]:
        assert figure in text, f"{figure!r} not in the {service} PDF"
