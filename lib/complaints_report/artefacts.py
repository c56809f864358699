"""Writing the notebook's results: metrics.json, chart images with their data, table CSVs.

The notebook writes everything into one results folder (its working folder during a build):

- ``metrics.json``: every figure, keys sorted (count objects largest first);
- ``charts/<name>.svg`` and ``data/<name>.csv``: each chart and the data behind it;
- ``data/table_<name>.csv``: each table;
- ``artefacts.json``: the index of those files, from which the build publishes exactly these
  (with the report and the executed notebook) and nothing else;
- ``rows.csv``: every input row, counted or excluded and why. It lists case references, so it
  is never published: it stays in the internal folder beside the published one;
- the report's fragments (``fragments.py``).

Files are written byte-for-byte reproducibly: ordered JSON keys, SVG without a date and with fixed ids.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from complaints_report.charts import Chart
    from complaints_report.tables import Table

METRICS_FILE = "metrics.json"
INDEX_FILE = "artefacts.json"
ROWS_FILE = "rows.csv"


def _write_csv(frame: pd.DataFrame, path: Path) -> Path:
    from complaints_report import spreadsheet  # pandas: imported only where CSVs are written

    return spreadsheet.write_csv(frame, path)


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def ordered_metrics(figures: dict) -> dict:
    """Metric keys in alphabetical order (also in ``previous_year``); count objects keep their
    largest-first order, which is the order charts and tables show them in."""
    result = dict(sorted(figures.items()))
    if isinstance(result.get("previous_year"), dict):
        result["previous_year"] = dict(sorted(result["previous_year"].items()))
    return result


def _without_nan(value):
    """JSON has no NaN: a blank cell that reached the figures as NaN is written as null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _without_nan(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_nan(v) for v in value]
    return value


def write_json(path: Path, content) -> Path:
    """Write ``content`` as JSON to a new file at ``path`` (replacing, never rewriting in place, a file
    that may be a hard link shared with a previous build's output)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_without_nan(content), indent=2, ensure_ascii=False, default=_jsonable, allow_nan=False)
    path.unlink(missing_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def save_chart(chart: Chart, out_dir: Path) -> dict:
    """The chart as SVG (no date or software version inside) and its data as CSV."""
    import matplotlib.pyplot as plt

    out_dir = Path(out_dir)
    image = out_dir / "charts" / f"{chart.name}.svg"
    table = out_dir / "data" / f"{chart.name}.csv"
    image.parent.mkdir(parents=True, exist_ok=True)
    table.parent.mkdir(parents=True, exist_ok=True)
    image.unlink(missing_ok=True)  # never rewrite in place a file shared with a previous build
    chart.figure.savefig(image, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white")
    plt.close(chart.figure)
    _write_csv(chart.data, table)
    return {
        "name": chart.name,
        "title": chart.title,
        "note": chart.note,
        "alt": chart.alt,
        "image": image.relative_to(out_dir).as_posix(),
        "data": table.relative_to(out_dir).as_posix(),
    }


def save_table(table: Table, out_dir: Path) -> dict:
    path = Path(out_dir) / "data" / f"{table.name}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_csv(table.data, path)
    return {"name": table.name, "caption": table.caption, "data": path.relative_to(out_dir).as_posix()}


def save_rows(accounts: pd.DataFrame, out_dir: Path) -> Path:
    """The row accounting (case references included): for the internal folder, never published."""
    return _write_csv(accounts, Path(out_dir) / ROWS_FILE)


def write_metrics(out_dir: Path, figures: dict) -> Path:
    return write_json(Path(out_dir) / METRICS_FILE, ordered_metrics(figures))


def write_index(out_dir: Path, charts: list[dict], tables: list[dict]) -> Path:
    return write_json(Path(out_dir) / INDEX_FILE, {"charts": charts, "tables": tables})


def published_files(out_dir: Path) -> list[str]:
    """The results to publish, from the index: metrics.json and each chart's image and data and each
    table's data (relative paths). The row accounting and the fragments are not among them."""
    index = read_json(Path(out_dir) / INDEX_FILE)
    files = [METRICS_FILE]
    for chart in index["charts"]:
        files += [chart["image"], chart["data"]]
    files += [table["data"] for table in index["tables"]]
    return files
