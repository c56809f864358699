"""CSVs safe to open in Excel: export text never runs as a formula (OWASP CSV injection advice)."""

import csv
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaints_report.spreadsheet import ENCODING, safe_cell, safe_frame, write_csv

NUMBER = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"
)  # what Excel reads as a number, not a formula


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTeam",
        "=1+1",
    ],
)
def test_text_a_spreadsheet_would_run_is_written_as_text(text):
    assert safe_cell(text) == "'" + text


def test_a_carriage_return_is_a_line_break_inside_its_cell(tmp_path):
    assert safe_cell("\rTeam") == "'\nTeam"
    assert safe_cell("line one\rline two\r\nline three") == "line one\nline two\nline three"
    path = write_csv(pd.DataFrame({"Team": ["a\rb", "c"], "Complaints": [1, 2]}), tmp_path / "t.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["Team", "Complaints"], ["a\nb", "1"], ["c", "2"]]


@pytest.mark.parametrize(
    "value", ["-5", "+3.5", "-1,234", "12%", "Homecare", "Team @home", "", 7, -3, 2.5, None]
)
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert safe_cell(value) == value


def test_a_written_csv_has_no_cell_excel_would_run(tmp_path):
    frame = pd.DataFrame(
        {"=Team": ['=HYPERLINK("http://x","y")', "Homecare"], "Complaints": [-1, 5], "Share": ["-5", "@x"]}
    )

    path = write_csv(frame, tmp_path / "table.csv")

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    assert not [
        c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and c not in ("-1", "-5"))
    ]
    assert rows[1] == ['\'=HYPERLINK("http://x","y")', "-1", "-5"]


def test_a_written_csv_shows_pounds_and_curly_apostrophes_in_excel(tmp_path):
    path = write_csv(pd.DataFrame({"Team": ["Children’s £ team"]}), tmp_path / "t.csv")

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    assert "Children’s £ team" in path.read_text(encoding="utf-8-sig")


# --- any cell at all ------------------------------------------------------------------------------

CELL_TEXT = st.text(
    alphabet=st.sampled_from(list("=+-@\t\r\n,\"' ;|0123456789.%aZ£’") + ["\x00", "\u00a0"]), max_size=12
)
NUMBER_TEXT = st.from_regex(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?", fullmatch=True)
RUNS_AS_FORMULA = re.compile(r"^[=+\-@\t\r]")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(CELL_TEXT | NUMBER_TEXT)
def test_no_text_cell_is_left_to_run_and_none_loses_a_character(text):
    cell = safe_cell(text)
    as_written = text.replace("\r\n", "\n").replace("\r", "\n")  # a line break, as a line feed
    assert cell == as_written or cell == "'" + as_written
    if RUNS_AS_FORMULA.match(cell):
        assert NUMBER.fullmatch(cell), "only a number may start with + or -"


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(CELL_TEXT, st.integers(-5, 5), CELL_TEXT), min_size=1, max_size=6), CELL_TEXT)
def test_a_written_csv_reads_back_cell_for_cell_each_made_safe(tmp_path_factory, rows, heading):
    frame = pd.DataFrame(rows, columns=[heading or "Team", "Complaints", "Area"])
    path = write_csv(frame, tmp_path_factory.mktemp("csv") / "table.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == [safe_cell(heading or "Team"), "Complaints", "Area"]
    assert read[1:] == [[safe_cell(team), str(count), safe_cell(area)] for team, count, area in rows]


@pytest.mark.parametrize("chunk_rows", [7, 1000, 3000, 50_000])
def test_a_large_frame_of_text_and_whole_numbers_is_written_as_pandas_writes_it(
    tmp_path, monkeypatch, chunk_rows
):
    """Large frames (a row accounting) take a faster path than pandas' writer, written a part at a
    time: the same bytes, wherever the parts end."""
    import numpy as np

    from complaints_report import spreadsheet

    monkeypatch.setattr(spreadsheet, "CHUNK_ROWS", chunk_rows)

    awkward = [
        "=1+2",
        "+44 20 7946 0958",
        "-5",
        "@SUM(A1)",
        "\tTab",
        "a,b",
        'say "hi"',
        "line\nbreak",
        "carriage\rreturn",
        "\rat the start",
        "",
        None,
    ]
    teams = np.array(awkward + ["Reablement", "Home care"], dtype=object)[
        np.arange(3000) % 14
    ]  # few distinct
    references = np.array([f"ASC-{n:05d}" for n in range(3000)], dtype=object)  # each different
    references[::7] = '=HYPERLINK("http://x","y")'
    references[::11] = 'REF, "quoted"'
    frame = pd.DataFrame(
        {
            "team": pd.array(teams, dtype="str"),
            "row": np.arange(3000),
            "reference": pd.array(references, dtype="str"),
            "=reason": pd.array(teams[::-1], dtype="str"),
        }
    )

    written = write_csv(frame, tmp_path / "fast.csv").read_bytes()

    safe_frame(frame).to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n", encoding=ENCODING)
    assert written == (tmp_path / "pandas.csv").read_bytes()
    assert b'"\'=HYPERLINK(""http' in written and b"'=reason" in written.splitlines()[0]
