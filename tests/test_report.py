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
        "Who complained",
        "Outcomes",
        "Response times",
        "Ombudsman (LGSCO) activity",
        "Member enquiries",
        "Compliments",
        "Learning from complaints",
        "Future development work for 21/22",
        "Final comments",
        "What the regulations ask this report to show",
        "How we count",
        "Accessibility",
    ],
    "childrens": [
        "Introduction",
        "Legislation",
        "Overview of the children's complaints procedure",
        "Complaints received",
        "Performance overview",
        "Who complained",
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
        "How we count",
        "Accessibility",
    ],
}
FIGURES = {
    "asc": [
        "trend",  # the five-year trend replaces the seed's three-year volume graph
        "quarters",
        "nature",
        "outcomes",
        "ombudsman",
        "member_enquiries",
        "compliments",
        "comparators",
    ],
    "childrens": ["trend", "quarters", "escalation", "nature", "timeliness", "compliments", "comparators"],
}
# Charts that only repeated a table or a sentence, no longer drawn (issue 11).
DROPPED = {
    "asc": ["areas", "response_times"],
    "childrens": ["received", "departments", "stages", "ombudsman"],
}
# The committee's tables (issues 13 and 15), by caption, and the section each sits in.
TABLES = {
    "asc": {
        # the equality table, one small table a characteristic (its one CSV is table_equality.csv)
        "Complaints accepted in 2020/21 by age": "Who complained",
        "Complaints accepted in 2020/21 by sex": "Who complained",
        "Complaints accepted in 2020/21 by ethnic group": "Who complained",
        "Complaints accepted in 2020/21 by disability": "Who complained",
        "Actions agreed in 2020/21 and their status": "Learning from complaints",
        "Priorities set in 2020/21 for 2021/22": "Future development work for 21/22",
    },
    "childrens": {
        "Complaints accepted in 2021/22 by age": "Who complained",
        "Complaints accepted in 2021/22 by sex": "Who complained",
        "Complaints accepted in 2021/22 by ethnic group": "Who complained",
        "Complaints accepted in 2021/22 by disability": "Who complained",
        "How promptly each stage was answered in 2021/22": "Response times and outcomes",
        "Actions agreed in 2021/22 and their status": "Learning from complaints",
        "Actions agreed before 2021/22 and what has been done": "Learning from complaints",
        "Priorities set before 2021/22 and the progress made": "Delivery against the priorities for 2021/22",
        "Priorities set in 2021/22 for 2022/23": "Priorities for 2022/23",
    },
}
# Each data table's CSV, published beside the report.
TABLE_FILES = {
    "asc": ["table_equality", "table_learning_agreed", "table_priority_agreed"],
    "childrens": [
        "table_equality",
        "table_stage_timeliness",
        "table_learning_agreed",
        "table_learning_followed_up",
        "table_priority_followed_up",
        "table_priority_agreed",
    ],
}
# Where each new chart sits: figure name -> the section it is in.
FIGURE_SECTIONS = {
    "asc": {
        "trend": "Volume of complaints",
        "quarters": "Volume of complaints",
        "comparators": "Who complained",
    },
    "childrens": {
        "trend": "Complaints received",
        "quarters": "Complaints received",
        "escalation": "Complaints received",
        "comparators": "Who complained",
    },
}
KEY_NUMBERS = {
    "asc": [
        "recorded and investigated 85 complaints in 2020/21",
        "Complaints received fell each year, from 111 in 2016/17 to 85 in 2020/21",
        "27 (32%) were about quality of service and 19 (22%) about service failure",
        "44 (52%) were about assessment and care planning",
        "Of the 82 complaints decided, 44 (54%) were upheld or partly upheld",
        "from 49% in 2018/19 to 54% in 2020/21",
        "55 (65%) were answered within 10 working days, 24 (28%) in 11 to 20 working days and 6 (7%)",
        "233 Member enquiries",
        "221 (95%)",
        "Twenty-two compliments",
        "compares them with 2018/19 and 2019/20",
        # the committee's figures (issues 13 and 15)
        "April to June and July to September had the most complaints (24 each)",
        "took 9 working days or fewer to answer (the median), and the average (mean) was 10.0 working days",
        "acknowledged 82 of the 85 complaints (96%) within 3 working days",
        "27.9 for every 1,000 people who used Adult Social Care and 41.6 for every 100,000 residents",
        "Four people made more than one complaint in the year",
        "Compared with 6 similar councils in 2020/21: higher than their median on all 4 measures",
        "All 4 actions agreed this year are done.",
    ],
    "childrens": [
        "received 75 complaints about Children's Services and accepted 63, up from 58 in 2020/21",
        "12 were considered under the statutory procedure and 51 under the non-statutory",
        "51 (81%) were answered within the timescale",
        "rose from 74% in 2020/21 to 81% in 2021/22",
        "22 (36%) were upheld or partly upheld",
        "23 (37%) were about quality of service and 16 (25%)",
        "Twelve complaints went on to stage 2 in 2021/22, up from 5 in 2020/21",
        "£1,100",
        "Fifty-eight compliments",
        # the committee's figures (issues 13 and 15)
        "More complaints were received in 2021/22 (75) than in any of the four years before",
        "October to December had the most complaints (26)",
        "The share of stage 1 complaints that went on to stage 2 rose from 9% in 2020/21 to 19% in 2021/22",
        "81% at stage 1, 90% at stage 2 and 1 of 1 at stage 3 on time",
        "took 7 working days or fewer to answer (the median)",
        "acknowledged 55 of the 61 complaints with a recorded acknowledgement date (90%)",
        "36.8 for every 1,000 people who used Children's Services",
        "between them they made 20 of the 63 complaints accepted (32%)",
        "Compared with 6 similar councils in 2021/22: higher than their median on 4 of 5 measures, lower on 1",
        "Both actions agreed last year are done.",
    ],
}
# What the public report never says: the tool, its files, the row accounting (review_note.py has them).
NOT_PUBLIC = ["complaints-report", "open-source", "rows.csv", "were excluded", "input files held", " tool"]


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
        assert (folder / "charts" / f"{figure}.svg").is_file()
        assert (folder / "data" / f"{figure}.csv").is_file(), f"no data behind chart {figure}"
    for figure in DROPPED[service]:
        assert not (folder / "charts" / f"{figure}.svg").exists(), (
            f"{figure} only repeated a table or a sentence"
        )


def test_the_reviewers_note_is_beside_the_report_never_in_the_published_folder(report):
    service, folder, _, _ = report
    note = folder.parent / f"{service}-internal" / "review.html"
    assert note.is_file()
    assert not list(folder.rglob("review.html"))
    soup = BeautifulSoup(note.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("a", href="rows.csv") is not None
    assert "adds up" in soup.get_text() and "does not add up" not in soup.get_text()


def test_the_public_report_has_no_tool_or_row_talk_and_only_its_own_timescales(report):
    service, _, _, soup = report
    text = normalise(soup.main.get_text(" "))
    for words in NOT_PUBLIC:
        assert words not in text, f"{words!r} in the public {service} report"
    how = normalise(soup.find("h2", string="How we count").find_next("ul").get_text(" "))
    if service == "asc":
        assert "Stage 2" not in how and "Stage 3" not in how and "Member enquiries: 5 working days" in how
    else:
        assert "Stage 2: 25 working days" in how and "Member enquiries" not in how


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
        assert image["src"].startswith("data:image/svg+xml;base64,"), "images must be embedded"
        assert len(image.get("alt", "")) > 40, f"alt text too thin: {image.get('alt')!r}"
        assert re.search(r"\d", image["alt"]), "alt text should carry the chart's numbers"


def section_of(element) -> str:
    heading = element.find_previous("h2")
    return normalise(heading.get_text(" ", strip=True)) if heading else ""


def test_the_committee_tables_are_in_their_sections_with_their_csv(report):
    service, folder, _, soup = report
    captions = {normalise(c.get_text(" ", strip=True)): c for c in soup.find_all("caption")}
    for caption, section in TABLES[service].items():
        found = [c for text, c in captions.items() if caption in text]
        assert found, f"no table captioned {caption!r} in the {service} report"
        assert section_of(found[0]) == normalise(section), caption
    for name in TABLE_FILES[service]:
        assert (folder / "data" / f"{name}.csv").is_file(), f"no CSV behind {name}"


def test_the_committee_charts_are_in_their_sections(report):
    service, _, _, soup = report
    for name, section in FIGURE_SECTIONS[service].items():
        figure = soup.find(id=f"fig-{name}")
        assert figure is not None, f"no figure fig-{name} in the {service} report"
        assert section_of(figure) == section, name


def test_asc_shows_the_five_year_trend_in_place_of_the_three_year_volume_chart(report):
    service, folder, _, soup = report
    if service == "asc":
        assert soup.find(id="fig-volume") is None
        assert not (folder / "charts" / "volume.png").exists()


def test_no_complainant_identifier_reaches_a_published_file(report):
    _, folder, _, _ = report
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".json", ".ipynb", ".html"):
            assert not re.search(r"\bP-\d{4}\b", path.read_text(encoding="utf-8-sig")), path.name


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
