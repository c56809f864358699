"""The build benchmark (issue 14): time and memory of the command line against a bare-import floor.

    make bench                                   # or: .venv/bin/python benchmarks/bench.py
    .venv/bin/python benchmarks/bench.py --rows 100000 --repeat 1 --only validate-archive

Every row runs the project's own command line, as the contract defines it, and is printed as a
ratio to a floor measured in the same run on the same machine: the time the project's Python
takes to ``import pandas, matplotlib.pyplot, seaborn, papermill``. Each row is the median of
``--repeat`` runs; peak memory is the largest single process of any run (benchmarks/measure.py).

Rows 1 to 4 build the bundled example exports (themselves synthetic: data/generate_example.py)
for 2020-21, with a copy of the bundled narrative in which Children's Services 2020-21 gets the
2021-22 narrative, so both services have text. "Cold" is a fresh ``--out``; "nothing changed"
reruns the identical command into the same ``--out``; "one sentence changed" edits a sentence
of the copy's ASC narrative first. Rows 5 and 6 use a seeded synthetic archive written by
benchmarks/archive.py (``--rows``, default 1,000,000: eight councils, ten years, every kind of
export) and a narrative copy for its last complete year.

This is a measuring tool, not a test: it never fails on a missed target, it marks it. It exits
1 only when a command fails. Standard library only, plus the project's command line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import archive

ROOT = Path(__file__).resolve().parent.parent
MEASURE = Path(__file__).resolve().parent / "measure.py"
EXAMPLE_YEAR = "2020-21"
FLOOR_IMPORTS = "import pandas, matplotlib.pyplot, seaborn, papermill"
GIB = 1024**3
EDITED_FILE = Path(EXAMPLE_YEAR) / "asc" / "volume.md"  # the narrative file "one sentence changed" edits


@dataclass
class Row:
    key: str
    work: str
    target: str
    runs: list[float] = field(default_factory=list)
    peak_bytes: int = 0
    timed_out: bool = False
    failed: str = ""  # the log of a failed command

    @property
    def median(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None


ROWS = [
    Row("one-service", "one service, HTML+PDF", "(reported)"),
    Row("both-cold", "both services of a year, HTML+PDF, cold", "<= 3.5x"),
    Row("both-sentence", "the same after one narrative sentence changed", "<= 0.8x"),
    Row("both-unchanged", "the same, nothing changed", "<= 0.5x"),
    Row(
        "validate-archive", "`validate` of a {rows}-row archive (all councils, ten years)", "<= 3x, <= 2 GiB"
    ),
    Row("archive-report", "one report from that archive", "<= 2x the example build, <= 2 GiB"),
]


class Bench:
    def __init__(self, arguments: argparse.Namespace, workdir: Path):
        self.arguments = arguments
        self.workdir = workdir
        self.logs = workdir / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.python = sys.executable
        script = Path(self.python).with_name("complaints-report")
        self.cli = [str(script)] if script.exists() else [self.python, "-m", "complaints_report"]
        self.floor = Row("floor", "floor", "")

    def measure_floor(self) -> bool:
        """One more run of the floor: taken between the rows too, so a machine whose load changes
        during the benchmark (a shared CI runner) moves the floor with the rows."""
        return self.record(
            self.floor, f"floor-{len(self.floor.runs) + 1}", [self.python, "-c", FLOOR_IMPORTS]
        )

    def measure(self, name: str, command: list[str]) -> dict:
        log = self.logs / f"{name}.log"
        result = subprocess.run(
            [
                self.python,
                str(MEASURE),
                "--timeout",
                str(self.arguments.timeout),
                "--log",
                str(log),
                "--",
                *command,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        measured = json.loads(result.stdout.strip().splitlines()[-1])
        measured["log"] = str(log)
        return measured

    def record(self, row: Row, name: str, command: list[str]) -> bool:
        """Run the command once for the row; False when the row cannot go on (failed or timed out)."""
        measured = self.measure(name, command)
        row.peak_bytes = max(row.peak_bytes, measured["peak_bytes"])
        if measured["timed_out"]:
            row.timed_out = True
            return False
        if measured["exit"] != 0:
            row.failed = measured["log"]
            return False
        row.runs.append(measured["seconds"])
        return True

    def build(self, year: str, data: Path, content: Path, out: Path, services: list[str]) -> list[str]:
        command = [*self.cli, "build", "--year", year, "--data", str(data), "--content", str(content)]
        for service in services:
            command += ["--service", service]
        return [*command, "--out", str(out)]


def example_content(workdir: Path) -> Path:
    """A copy of the bundled narrative with Children's Services text for the example year too."""
    content = workdir / "example-content"
    shutil.copytree(ROOT / "content", content)
    childrens = content / EXAMPLE_YEAR / "childrens"
    if not childrens.exists():
        shutil.copytree(ROOT / "content" / "2021-22" / "childrens", childrens)
        (childrens / "actions.csv").unlink(missing_ok=True)  # its actions were agreed in 2021-22
        # The example exports have no Children's cases before 2020-21, so no change from last year
        for path in childrens.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"\{\{ *\w+_change *\}\}", "changed", text), encoding="utf-8")
    return content


def archive_content(workdir: Path, year: str) -> Path:
    """Narrative for the archive's year: the bundled ASC 2020-21 and Children's 2021-22 texts."""
    content = workdir / "archive-content"
    shutil.copytree(ROOT / "content" / "2020-21" / "asc", content / year / "asc")
    shutil.copytree(ROOT / "content" / "2021-22" / "childrens", content / year / "childrens")
    return content


def edit_one_sentence(path: Path, original: str, run: int) -> None:
    """Change one sentence of a narrative file: its first sentence gains a clause naming the run."""
    end = re.search(r"[.!?](?=\s|$)", original)
    if end is None:
        raise SystemExit(f"{path} has no full sentence for the benchmark to edit")
    edited = original[: end.start()] + f", as edited in benchmark run {run}" + original[end.start() :]
    path.write_text(edited, encoding="utf-8")


def run_rows(bench: Bench, rows: dict[str, Row], only: set[str]) -> None:
    arguments, workdir = bench.arguments, bench.workdir
    data = ROOT / "data"
    wanted = [key for key in rows if key in only]
    if {"one-service", "both-cold", "both-sentence", "both-unchanged"} & set(wanted):
        content = example_content(workdir)
        edited = content / EDITED_FILE
        original = edited.read_text(encoding="utf-8")
    for run in range(1, arguments.repeat + 1):
        if set(wanted) - {"validate-archive", "archive-report"}:
            bench.measure_floor()
        if "one-service" in wanted and not rows["one-service"].failed and not rows["one-service"].timed_out:
            out = workdir / f"out-one-{run}"
            bench.record(
                rows["one-service"],
                f"one-service-{run}",
                bench.build(EXAMPLE_YEAR, data, content, out, ["asc"]),
            )
        both = [key for key in ("both-cold", "both-unchanged", "both-sentence") if key in wanted]
        if both and not any(rows[k].failed or rows[k].timed_out for k in both):
            out = workdir / f"out-both-{run}"
            command = bench.build(EXAMPLE_YEAR, data, content, out, [])
            cold = (
                rows["both-cold"] if "both-cold" in wanted else Row("cold", "the build the others follow", "")
            )
            if not bench.record(cold, f"both-cold-{run}", command):
                rows["both-cold"].failed = (
                    rows["both-cold"].failed or cold.failed or "(the cold build timed out)"
                )
                continue
            if "both-unchanged" in wanted:
                bench.record(rows["both-unchanged"], f"both-unchanged-{run}", command)
            if "both-sentence" in wanted:
                edit_one_sentence(edited, original, run)
                bench.record(rows["both-sentence"], f"both-sentence-{run}", command)
                edited.write_text(original, encoding="utf-8")
    if {"validate-archive", "archive-report"} & set(wanted):
        folder = workdir / "archive"
        started = time.perf_counter()
        summary = archive.write_archive(folder, arguments.rows, arguments.seed)
        print(
            f"archive: {summary['total']:,} rows "
            f"({', '.join(f'{kind} {count:,}' for kind, count in summary['rows'].items())}), "
            f"{summary['first_year']} to {summary['last_year']}, written in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        year = summary["last_year"]
        narrative = archive_content(workdir, year)
        for run in range(1, arguments.repeat + 1):
            bench.measure_floor()
            row = rows["validate-archive"]
            if "validate-archive" in wanted and not (row.failed or row.timed_out):
                bench.record(row, f"validate-archive-{run}", [*bench.cli, "validate", "--data", str(folder)])
            row = rows["archive-report"]
            if "archive-report" in wanted and not (row.failed or row.timed_out):
                out = workdir / f"out-archive-{run}"
                bench.record(row, f"archive-report-{run}", bench.build(year, folder, narrative, out, ["asc"]))


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s"


def verdict(row: Row, floor: float, rows: dict[str, Row], timeout: float) -> tuple[str, str]:
    """The row's ratio column and whether it met its target ('met', 'not met' or '–')."""
    if row.failed:
        return "failed", f"not met (the command failed: see {row.failed})"
    if row.timed_out and not row.runs:
        return f"> {timeout / floor:.0f}x", "not met (stopped at the timeout)"
    if row.median is None:
        return "–", "–"
    ratio = row.median / floor
    shown = f"{ratio:.1f}x"
    memory_ok = row.peak_bytes <= 2 * GIB
    checks = {
        "both-cold": [ratio <= 3.5],
        "both-sentence": [ratio <= 0.8],
        "both-unchanged": [ratio <= 0.5],
        "validate-archive": [ratio <= 3, memory_ok],
    }.get(row.key)
    if row.key == "archive-report":
        example = rows["one-service"].median
        if example is None:
            return shown, "– (run one-service too to compare)"
        shown += f" ({row.median / example:.1f}x the example build)"
        checks = [row.median <= 2 * example, memory_ok]
    if checks is None:
        return shown, "–"
    return shown, "met" if all(checks) else "not met"


def print_table(rows: dict[str, Row], floor: Row, arguments: argparse.Namespace, timeout: float) -> None:
    print()
    print("| work | median | runs | ratio to floor | peak memory | target | met |")
    print("|---|---|---|---|---|---|---|")
    for row in rows.values():
        if row.key not in arguments.only:
            continue
        ratio, met = verdict(row, floor.median, rows, timeout)
        runs = ", ".join(f"{r:.1f}" for r in row.runs) + (
            f", > {timeout:.0f} (stopped)" if row.timed_out else ""
        )
        work = row.work.format(rows=f"{arguments.rows:,}")
        memory = f"{row.peak_bytes / 1024**2:,.0f} MiB" if row.peak_bytes else "–"
        print(
            f"| {work} | {seconds(row.median)} | {runs or '–'} | {ratio} | {memory} | {row.target} | {met} |"
        )


def main() -> int:
    keys = [row.key for row in ROWS]
    parser = argparse.ArgumentParser(
        description="Time the command line against a bare-import floor.",
        epilog=f"Rows: {', '.join(keys)}.",
    )
    parser.add_argument(
        "--rows", type=int, default=1_000_000, help="rows of the synthetic archive (default 1,000,000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each row; the median is shown (default 3)"
    )
    parser.add_argument(
        "--timeout", type=float, default=900, help="stop a run after this many seconds (default 900)"
    )
    parser.add_argument("--only", default=",".join(keys), help="comma-separated rows to run (default all)")
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic archive")
    parser.add_argument(
        "--workdir", type=Path, help="folder for outputs and logs (default: a new temporary one)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the working folder (outputs, archive, logs)"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    arguments = parser.parse_args()
    arguments.only = {key.strip() for key in arguments.only.split(",") if key.strip()}
    unknown = arguments.only - set(keys)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))} (rows: {', '.join(keys)})")
    if arguments.workdir:
        arguments.workdir.mkdir(parents=True, exist_ok=True)
        workdir = Path(tempfile.mkdtemp(prefix="bench-", dir=arguments.workdir))
    else:
        workdir = Path(tempfile.mkdtemp(prefix="complaints-report-bench-"))
    bench = Bench(arguments, workdir)
    print(
        f"complaints-report benchmark, {date.today().isoformat()}: {platform.python_implementation()} "
        f"{platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs; "
        f"median of {arguments.repeat} run(s) a row; working folder {workdir}",
        flush=True,
    )
    floor = bench.floor
    for _ in range(arguments.repeat):
        bench.measure_floor()
    if floor.median is None:
        print(f"The floor command failed: see {floor.failed}", file=sys.stderr)
        return 1
    print(f'floor: {Path(bench.python).name} -c "{FLOOR_IMPORTS}" = {floor.median:.2f} s', flush=True)
    rows = {row.key: row for row in ROWS}
    try:
        run_rows(bench, rows, arguments.only)
    finally:
        runs = sorted(floor.runs)
        print(
            f"floor over the whole run (measured before each round of rows too): median {floor.median:.2f} s "
            f"of {len(runs)} runs ({runs[0]:.2f} to {runs[-1]:.2f} s)"
        )
        print_table(rows, floor, arguments, arguments.timeout)
    failed = [row for row in rows.values() if row.failed]
    if arguments.json:
        arguments.json.write_text(
            json.dumps(
                {
                    "floor_seconds": floor.runs,
                    "rows": {
                        row.key: {
                            "runs_seconds": row.runs,
                            "peak_bytes": row.peak_bytes,
                            "timed_out": row.timed_out,
                            "failed": bool(row.failed),
                        }
                        for row in rows.values()
                        if row.key in arguments.only
                    },
                    "archive_rows": arguments.rows,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    if failed or arguments.keep:
        print(f"\nOutputs and logs kept in {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
