"""Writing outputs: ordered, reproducible metrics.json; chart images with their data; the index."""

from __future__ import annotations

import json
from datetime import date

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from complaints_report import artefacts, charts
from complaints_report.tables import Table

pytestmark = pytest.mark.usefixtures("close_figures")


def figures() -> dict:
    return {
        "year": "2021-22",
        "service": "asc",
        "year_display": "2021/22",
        "complaints_received": 90,
        "complaints_accepted": 85,
        # largest first, which is not alphabetical
        "category_counts": {"Quality of service": 40, "Communication": 25, "Charging": 20},
        "area_counts": {"Home care": 50, "Assessment": 35},
        "ombudsman_remedy_total": 800.5,
        "median_working_days": np.int64(7),
        "previous_year": {
            "year_display": "2020/21",
            "year": "2020-21",
            "complaints_accepted": 89,
            "category_counts": {"Staff attitude": 30, "Delay": 20, "Assessment": 10},
        },
    }


def strict_json(text: str):
    """Parse as standard JSON: NaN or Infinity are not JSON."""

    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


# --------------------------------------------------------------------------- metrics.json


def test_metrics_keys_in_alphabetical_order(tmp_path):
    path = artefacts.write_metrics(tmp_path, figures())
    assert path == tmp_path / "metrics.json"
    written = strict_json(path.read_text(encoding="utf-8"))
    assert list(written) == sorted(written)
    assert list(written["previous_year"]) == sorted(written["previous_year"])


def test_metrics_count_objects_keep_largest_first_order(tmp_path):
    written = strict_json(artefacts.write_metrics(tmp_path, figures()).read_text(encoding="utf-8"))
    assert list(written["category_counts"]) == ["Quality of service", "Communication", "Charging"]
    assert list(written["area_counts"]) == ["Home care", "Assessment"]
    assert list(written["previous_year"]["category_counts"]) == ["Staff attitude", "Delay", "Assessment"]


def test_metrics_order_does_not_depend_on_the_order_figures_were_computed(tmp_path):
    shuffled = dict(reversed(list(figures().items())))
    first = artefacts.write_metrics(tmp_path / "a", figures()).read_bytes()
    second = artefacts.write_metrics(tmp_path / "b", shuffled).read_bytes()
    assert first == second


def test_metrics_written_twice_are_byte_identical(tmp_path):
    path = artefacts.write_metrics(tmp_path, figures())
    first = path.read_bytes()
    artefacts.write_metrics(tmp_path, figures())
    assert path.read_bytes() == first


def test_metrics_values_are_plain_json(tmp_path):
    data = figures() | {"first_day": date(2021, 4, 1), "share": np.float64(0.5)}
    written = strict_json(artefacts.write_metrics(tmp_path, data).read_text(encoding="utf-8"))
    assert written["median_working_days"] == 7 and isinstance(written["median_working_days"], int)
    assert written["ombudsman_remedy_total"] == 800.5
    assert written["first_day"] == "2021-04-01"
    assert written["share"] == 0.5


def test_metrics_json_is_utf8_with_the_pound_sign_and_apostrophes_as_written(tmp_path):
    data = figures() | {"service_name": "Children’s Services", "note": "£800"}
    text = artefacts.write_metrics(tmp_path, data).read_text(encoding="utf-8")
    assert "Children’s Services" in text and "£800" in text
    assert text.endswith("}\n")


def test_metrics_json_has_no_nan_for_blank_cells(tmp_path):
    # blank text cells of an export arrive as NaN (e.g. an Ombudsman case with no remedy)
    data = figures() | {"ombudsman_cases": [{"remedy": float("nan"), "remedy_amount": None}]}
    text = artefacts.write_metrics(tmp_path, data).read_text(encoding="utf-8")
    written = strict_json(text)
    assert written["ombudsman_cases"] == [{"remedy": None, "remedy_amount": None}]


def test_write_json_refuses_what_it_cannot_write(tmp_path):
    with pytest.raises(TypeError, match="object"):
        artefacts.write_json(tmp_path / "x.json", {"thing": object()})


def test_ordered_metrics_leaves_the_input_alone():
    data = figures()
    keys = list(data)
    artefacts.ordered_metrics(data)
    assert list(data) == keys


# --------------------------------------------------------------------------- charts and tables


def make_chart() -> charts.Chart:
    return charts.horizontal_bars(
        "nature",
        {"Quality of service": 40, "Communication": 25, "Charging": 20},
        "Quality of service was the most common issue (47%)",
        "complaints",
        "nature of issue",
    )


def test_save_chart_writes_svg_and_csv(tmp_path):
    chart = make_chart()
    chart.note = "Complaints accepted in 2021/22."
    entry = artefacts.save_chart(chart, tmp_path)
    assert entry == {
        "name": "nature",
        "title": "Quality of service was the most common issue (47%)",
        "note": "Complaints accepted in 2021/22.",
        "alt": chart.alt,
        "image": "charts/nature.svg",
        "data": "data/nature.csv",
    }
    image = (tmp_path / "charts" / "nature.svg").read_bytes()
    assert image.startswith(b"<?xml") and b"<svg" in image[:400]
    assert b'width="259.2pt"' in image[:400] and b'viewBox="0 0 259.2 ' in image[:400]
    saved = pd.read_csv(tmp_path / "data" / "nature.csv")
    pd.testing.assert_frame_equal(saved, chart.data)
    assert b"\r\n" not in (tmp_path / "data" / "nature.csv").read_bytes()


def test_save_chart_svg_carries_no_date_or_software_version(tmp_path):
    artefacts.save_chart(make_chart(), tmp_path)
    image = (tmp_path / "charts" / "nature.svg").read_bytes()
    assert b"<dc:date>" not in image
    assert b"matplotlib" not in image.lower()


def test_two_saves_of_the_same_chart_are_byte_identical(tmp_path):
    artefacts.save_chart(make_chart(), tmp_path / "first")
    artefacts.save_chart(make_chart(), tmp_path / "second")
    for name in ("charts/nature.svg", "data/nature.csv"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name


def test_saving_one_chart_object_twice_is_byte_identical(tmp_path):
    chart = make_chart()
    artefacts.save_chart(chart, tmp_path / "first")
    artefacts.save_chart(chart, tmp_path / "second")
    assert (tmp_path / "first" / "charts" / "nature.svg").read_bytes() == (
        tmp_path / "second" / "charts" / "nature.svg"
    ).read_bytes()


def test_save_chart_closes_the_figure(tmp_path):
    chart = make_chart()
    number = chart.figure.number
    artefacts.save_chart(chart, tmp_path)
    assert number not in plt.get_fignums()


def test_save_table_and_index(tmp_path):
    table = Table(
        "table_areas",
        "Complaints by area in 2021/22",
        pd.DataFrame({"Area": ["Home care", "Finance"], "Complaints": [33, 8]}),
    )
    table_entry = artefacts.save_table(table, tmp_path)
    assert table_entry == {
        "name": "table_areas",
        "caption": "Complaints by area in 2021/22",
        "data": "data/table_areas.csv",
    }
    assert (tmp_path / "data" / "table_areas.csv").read_text(encoding="utf-8-sig") == (
        "Area,Complaints\nHome care,33\nFinance,8\n"
    )
    chart_entry = artefacts.save_chart(make_chart(), tmp_path)
    path = artefacts.write_index(tmp_path, [chart_entry], [table_entry])
    assert path == tmp_path / "artefacts.json"
    assert artefacts.read_json(path) == {"charts": [chart_entry], "tables": [table_entry]}
    artefacts.write_metrics(tmp_path, {"year": "2021-22"})
    artefacts.save_rows(pd.DataFrame({"reference": ["C1"], "result": ["counted"]}), tmp_path)
    # what is published: the figures, each chart and its data, each table; never the row accounting
    assert artefacts.published_files(tmp_path) == [
        "metrics.json",
        chart_entry["image"],
        chart_entry["data"],
        "data/table_areas.csv",
    ]
    assert (tmp_path / artefacts.ROWS_FILE).is_file()
