"""CSVs safe to open in Excel: export text never runs as a formula (OWASP CSV injection advice)."""

import csv

import pandas as pd
import pytest

from complaints_report.spreadsheet import ENCODING, safe_cell, safe_frame, write_csv


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x","y")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTeam",
        "\rTeam",
        "=1+1",
    ],
)
def test_text_a_spreadsheet_would_run_is_written_as_text(text):
    assert safe_cell(text) == "'" + text


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


def test_a_large_frame_of_text_and_whole_numbers_is_written_as_pandas_writes_it(tmp_path):
    """Large frames (a row accounting) take a faster path than pandas' writer: the same bytes."""
    import numpy as np

    awkward = [
        "=1+2",
        "+44 20 7946 0958",
        "-5",
        "@SUM(A1)",
        "\tTab",
        "a,b",
        'say "hi"',
        "line\nbreak",
        "",
        None,
    ]
    teams = np.array(awkward + ["Reablement", "Home care"], dtype=object)[
        np.arange(3000) % 12
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
