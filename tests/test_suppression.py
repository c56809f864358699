"""Small-number suppression: small counts hidden, and never recoverable from the total."""

from __future__ import annotations

import json

import pytest

from complaints_report.build import BuildRequest, build
from complaints_report.suppression import for_publication, shown, suppress_counts
from complaints_report.years import ReportingYear


def test_counts_below_the_threshold_are_hidden_and_zero_is_not():
    published = suppress_counts({"Homecare": 14, "Charging": 3, "Delay": 2, "Other": 0}, 5)
    assert published == {"Homecare": 14, "Charging": None, "Delay": None, "Other": 0}


def test_a_single_hidden_count_takes_the_next_smallest_with_it_so_the_total_cannot_reveal_it():
    published = suppress_counts(
        {"Quality of service": 27, "Service failure": 19, "Communication": 11, "DFG/OT": 1}, 5
    )
    assert published["DFG/OT"] is None
    assert published["Communication"] is None, "the next smallest must be hidden too"
    assert published["Quality of service"] == 27 and published["Service failure"] == 19


def test_no_threshold_changes_nothing():
    counts = {"A": 1, "B": 2}
    assert suppress_counts(counts, 0) == counts
    figures = {"category_counts": counts}
    assert for_publication(figures, 0) is figures


def test_for_publication_hides_breakdowns_and_stage_cells_but_keeps_headline_totals():
    figures = {
        "complaints_accepted": 63,
        "upheld": 12,
        "category_counts": {"Quality of service": 23, "Failure to take action": 16, "Delay": 2},
        "area_team_counts": {"Assessment": {"Complex care": 38, "Learning disabilities": 6}},
        "stage_table": [
            {
                "stage": 3,
                "received": 1,
                "statutory": 1,
                "corporate": 0,
                "upheld": 0,
                "partly_upheld": 0,
                "not_upheld": 1,
                "withdrawn": 0,
                "open": 0,
            }
        ],
    }
    published = for_publication(figures, 5)
    assert published["suppressed_below"] == 5
    assert published["complaints_accepted"] == 63 and published["upheld"] == 12
    assert published["category_counts"]["Delay"] is None
    assert (
        published["stage_table"][0]["statutory"] is None and published["stage_table"][0]["not_upheld"] is None
    )
    assert figures["category_counts"]["Delay"] == 2, "the exact figures are left untouched"


def test_hidden_counts_read_fewer_than_the_threshold():
    assert shown(None, 5) == "fewer than 5"
    assert shown(1234, 5) == "1,234"


@pytest.mark.slow
def test_a_suppressed_build_shows_no_small_count_in_its_breakdowns(tmp_path):
    import json

    result = build(
        BuildRequest(
            year=ReportingYear.parse("2020-21"),
            services=["asc"],
            out_dir=tmp_path,
            engine="builtin",
            formats=["html"],
            suppress_below=5,
        )
    )[0]
    metrics = json.loads((result.folder / "metrics.json").read_text(encoding="utf-8"))
    for key in (
        "category_counts",
        "area_counts",
        "team_counts",
        "compliments_by_team",
        "member_enquiries_by_area",
    ):
        assert all(v is None or v >= 5 or v == 0 for v in metrics[key].values()), key
    assert metrics["area_counts"]["DFG/OT"] is None
    html = (result.folder / "report.html").read_text(encoding="utf-8")
    assert "fewer than 5" in html
    areas = (result.folder / "data" / "table_areas.csv").read_text(encoding="utf-8-sig")
    assert "DFG/OT,fewer than 5" in areas


# --------------------------------------------------------------------------- no hidden count anywhere
# Every output of a suppressed build is scanned for every hidden count: the metrics, the CSVs,
# the HTML (its tables and its prose), the PDF's text and the executed notebook's outputs.

STAGE_WORDS = {
    "statutory": "Statutory",
    "corporate": "Non-statutory",
    "upheld": "Upheld",
    "partly_upheld": "Partly upheld",
    "not_upheld": "Not upheld",
    "withdrawn": "Withdrawn",
    "open": "Open",
}


def hidden_counts(exact, published, path=()) -> list[tuple[tuple, str, int]]:
    """(path, label, exact count) of every count the published figures hide."""
    found = []
    if isinstance(exact, dict) and isinstance(published, dict):
        for name, value in exact.items():
            if name not in published:
                continue
            if isinstance(value, int) and not isinstance(value, bool) and published[name] is None:
                found.append((path, name, value))
            else:
                found += hidden_counts(value, published[name], (*path, name))
    elif isinstance(exact, list) and isinstance(published, list):
        for index, (before, after) in enumerate(zip(exact, published, strict=True)):
            found += hidden_counts(before, after, (*path, index))
    return found


def shown_pairs(node) -> set[tuple[str, int]]:
    """Every (name, count) the published metrics show, in any breakdown or year."""
    pairs = set()
    if isinstance(node, dict):
        for name, value in node.items():
            if isinstance(value, int) and not isinstance(value, bool):
                pairs.add((str(name), value))
            pairs |= shown_pairs(value)
    elif isinstance(node, list):
        for item in node:
            pairs |= shown_pairs(item)
    return pairs


def tables_in(folder) -> list[tuple[str, list[list[str]]]]:
    """Every table of the outputs as rows of cell text (CSV files, HTML tables, JSON objects)."""
    import csv
    import io

    from bs4 import BeautifulSoup

    found = []
    for path in sorted(folder.rglob("*.csv")):
        found.append((path.name, list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))))
    soup = BeautifulSoup((folder / "report.html").read_text(encoding="utf-8"), "html.parser")
    for number, table in enumerate(soup.find_all("table")):
        rows = [
            [c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")
        ]
        found.append((f"report.html table {number + 1}", rows))

    def objects(node):
        if isinstance(node, dict):
            yield [[str(k), str(v)] for k, v in node.items() if not isinstance(v, dict | list)]
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for item in node:
                yield from objects(item)

    for notebook in sorted(folder.glob("*.ipynb")):  # the notebook's printed Markdown tables
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/markdown", "")
                lines = ("".join(text) if isinstance(text, list) else str(text)).splitlines()
                rows = [
                    [c.strip() for c in line.strip().strip("|").split("|")]
                    for line in lines
                    if line.startswith("|")
                ]
                if rows:
                    found.append((notebook.name, rows))
    for path in sorted(folder.rglob("*.json")):
        for rows in objects(json.loads(path.read_text(encoding="utf-8"))):
            found.append((path.name, rows))
    return found


def prose_in(folder) -> list[tuple[str, str]]:
    """Every sentence-like text of the outputs: HTML paragraphs, captions and alt text, PDF lines,
    and the notebook's printed outputs."""
    import subprocess

    from bs4 import BeautifulSoup

    found = []
    soup = BeautifulSoup((folder / "report.html").read_text(encoding="utf-8"), "html.parser")
    for element in soup.find_all(["p", "li", "figcaption", "h1", "h2", "h3"]):
        found.append(("report.html", " ".join(element.get_text(" ", strip=True).split())))
    found += [("report.html alt text", img.get("alt", "")) for img in soup.find_all("img")]
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(folder / "report.pdf"), "-"], capture_output=True, text=True
    )
    found += [("report.pdf", " ".join(line.split())) for line in pdf.stdout.splitlines()]
    for notebook in folder.glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                texts = [output.get("text", "")] + list(output.get("data", {}).values())
                for text in texts:
                    text = "".join(text) if isinstance(text, list) else str(text)
                    # a Markdown table's rows are tables (see tables_in), not sentences
                    found += [
                        (notebook.name, " ".join(line.split()))
                        for line in text.splitlines()
                        if not line.lstrip().startswith("|")
                    ]
    return found


def leaks(folder, exact: dict) -> tuple[list[str], int]:
    """Where an output shows a count that the published metrics hide, and how many were checked."""
    import re

    published = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    shown = shown_pairs(published)
    tables, prose = tables_in(folder), prose_in(folder)
    found, checked = [], 0
    for path, name, value in hidden_counts(exact, published):
        if path[:1] == ("stage_table",):
            stage, word = exact["stage_table"][path[1]]["stage"], STAGE_WORDS[name]
            checked += 1
            if stage == 1 and published.get(name) == value:  # the headline figures are stage 1's
                found.append(f"metrics.json: {name} = {value}, hidden at stage 1 in the stages table")
            for source, rows in tables:
                header = rows[0] if rows else []
                for row in rows[1:]:
                    cells = dict(zip(header, row, strict=False))
                    if cells.get("Stage") == str(stage) and cells.get(word) == str(value):
                        found.append(f"{source}: stage {stage} {word} = {value}")
                    if row and row[0] == word and cells.get(f"Stage {stage}") == str(value):
                        found.append(f"{source}: {word} at stage {stage} = {value}")
            for source, text in prose:
                if f"stage {stage}" in text.lower() and re.search(
                    rf"(?<![\d,.]){value} {word.lower()}\b|\b{word}: {value}(?![\d,.])", text, re.I
                ):
                    found.append(f"{source}: '{text}' shows stage {stage} {word} = {value}")
            continue
        if path[:1] == ("previous_year",) and "stage_table" in path:
            continue  # last year's stages are published nowhere but in metrics.json (checked above)
        if (str(name), value) in shown:
            continue  # the same name with the same count is published for something else
        checked += 1
        for source, rows in tables:
            for row in rows:
                if name in row and str(value) in [c for c in row if c != name]:
                    found.append(f"{source}: row {row} shows {name} = {value} ({'/'.join(map(str, path))})")
        label = re.escape(str(name))
        # "Delay (2)", "Delay: 2" or "2 Delay": the forms a sentence, a caption or alt text gives a count in
        pattern = rf"\b{label}(?:: | \(){value}(?![\d,.%])|(?<![\d,.]){value} {label}\b"
        for source, text in prose:
            if re.search(pattern, text):
                found.append(f"{source}: '{text}' shows {name} = {value} ({'/'.join(map(str, path))})")
    return found, checked


@pytest.mark.slow
@pytest.mark.parametrize(
    ("council", "service", "year"),
    [
        ("westminster", "asc", "2020-21"),
        ("westminster", "childrens", "2021-22"),
        ("northfield", "asc", "2022-23"),
    ],
)
def test_no_output_of_a_suppressed_build_shows_a_hidden_count(tmp_path, council, service, year):
    from complaints_report import paths
    from complaints_report.loading import load_inputs
    from complaints_report.metrics import compute_metrics

    northfield = paths.PROJECT_ROOT / "examples" / "northfield"
    data, narrative = (
        (paths.DATA_DIR, paths.CONTENT_DIR)
        if council == "westminster"
        else (northfield / "data", northfield / "content")
    )
    reporting_year = ReportingYear.parse(year)
    request = BuildRequest(
        year=reporting_year,
        services=[service],
        data_dir=data,
        content_dir=narrative,
        out_dir=tmp_path,
        engine="builtin",
        suppress_below=5,
    )
    folder = build(request)[0].folder
    exact = json.loads(json.dumps(compute_metrics(load_inputs(data), service, reporting_year)))

    found, checked = leaks(folder, exact)

    assert found == []
    assert checked >= 5, "the build hid too few counts for this test to mean anything"


def test_the_scan_finds_a_hidden_count_shown_in_a_table_or_a_sentence(tmp_path):
    """The scan itself: a stages table and a sentence that give away what metrics.json hides."""
    exact = {"stage_table": [{"stage": 2, "withdrawn": 3}], "category_counts": {"Delay": 2, "Other": 9}}
    (tmp_path / "metrics.json").write_text(
        json.dumps(
            {
                "stage_table": [{"stage": 2, "withdrawn": None}],
                "category_counts": {"Delay": None, "Other": None},
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "table_stages.csv").write_text("Stage,Withdrawn\n2,3\n", encoding="utf-8")
    (tmp_path / "report.html").write_text("<p>Delay (2) was the least common.</p>", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"")

    found, checked = leaks(tmp_path, exact)

    assert checked == 3
    assert any("stage 2 Withdrawn = 3" in f for f in found)
    assert any("Delay = 2" in f for f in found)


def test_equality_counts_are_suppressed_column_by_column_with_secondary_suppression():
    figures = {
        "equality_counts": {
            "sex": {"Female": 30, "Male": 19, "Not recorded": 2},
            "age_band": {"18-64": 20, "65-84": 25, "85+": 6},
        }
    }

    published = for_publication(figures, 5)

    assert published["equality_counts"]["sex"] == {"Female": 30, "Male": None, "Not recorded": None}
    assert published["equality_counts"]["age_band"] == {"18-64": 20, "65-84": 25, "85+": 6}


def test_a_count_shown_under_two_names_is_hidden_under_both():
    figures = {
        "area_counts": {"Finance": 3, "Provider Services": 20, "Safeguarding": 9},
        "area_team_counts": {
            "Finance": {"Financial Assessments": 3},  # the area's only team: the same count
            "Provider Services": {"Home Care": 12, "Reablement": 8},
            "Safeguarding": {"Adult Safeguarding Team": 9},
        },
        "team_counts": {
            "Home Care": 12,
            "Reablement": 8,
            "Adult Safeguarding Team": 9,
            "Financial Assessments": 3,
        },
    }

    published = for_publication(figures, 5)

    assert published["area_counts"]["Finance"] is None
    assert published["area_team_counts"]["Finance"]["Financial Assessments"] is None
    assert published["team_counts"]["Financial Assessments"] is None
    # each breakdown then needs a second hidden cell, and the same count goes under both names
    assert published["team_counts"]["Reablement"] is None
    assert published["area_team_counts"]["Provider Services"]["Reablement"] is None
    assert published["area_counts"]["Safeguarding"] is None
    assert published["team_counts"]["Adult Safeguarding Team"] is None


def test_last_years_breakdowns_are_suppressed_too():
    figures = {
        "category_counts": {"Delay": 9, "Other": 8},
        "previous_year": {"category_counts": {"Delay": 2, "Other": 12, "Charging": 7}},
    }

    published = for_publication(figures, 5)

    assert published["previous_year"]["category_counts"] == {"Delay": None, "Other": 12, "Charging": None}
    assert figures["previous_year"]["category_counts"]["Delay"] == 2


def test_the_stages_tables_stage_1_row_is_the_headline_and_shown_as_it_is():
    figures = {
        "withdrawn": 2,
        "stage_table": [
            {"stage": 1, "received": 63, "statutory": 12, "corporate": 51, "upheld": 12, "partly_upheld": 10,
             "not_upheld": 39, "withdrawn": 2, "open": 0},
            {"stage": 2, "received": 12, "statutory": 4, "corporate": 8, "upheld": 1, "partly_upheld": 2,
             "not_upheld": 1, "withdrawn": 6, "open": 2},
        ],
    }  # fmt: skip

    published = for_publication(figures, 5)

    assert published["stage_table"][0] == figures["stage_table"][0]
    assert published["withdrawn"] == 2
    assert (
        published["stage_table"][1]["statutory"] is None and published["stage_table"][1]["corporate"] is None
    )
