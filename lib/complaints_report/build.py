"""Building the reports: check the exports, run each service's notebook, render, publish.

A build works in a staging folder beside ``--out`` and moves the finished service folders
into place only when every service succeeded, so a failed or interrupted build leaves the
previous outputs exactly as they were (contract section 2, "Bad input").
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from complaints_report import artefacts, content, manifest, paths, privacy
from complaints_report.loading import Inputs, load_inputs, services_with_complaints
from complaints_report.metrics import compute_metrics
from complaints_report.vocabulary import MAPPING_FILE, SERVICE_NAMES
from complaints_report.years import ReportingYear


class BuildError(Exception):
    """A build that cannot go on; the message tells the analyst what to do."""


@dataclass
class BuildRequest:
    year: ReportingYear
    services: list[str] = field(default_factory=list)  # empty: every service with complaints that year
    data_dir: Path = paths.DATA_DIR
    content_dir: Path = paths.CONTENT_DIR
    out_dir: Path = paths.OUTPUT_DIR
    engine: str = "auto"
    formats: list[str] = field(default_factory=lambda: ["html", "pdf"])
    strict: bool = False
    suppress_below: int = 0  # small-number suppression of published breakdowns (0: off)


@dataclass
class ServiceResult:
    service: str
    folder: Path
    warnings: list[str] = field(default_factory=list)


def choose_services(request: BuildRequest, inputs: Inputs) -> list[str]:
    available = services_with_complaints(inputs, request.year)
    if not request.services:
        if not available:
            raise BuildError(
                f"No complaints were received in {request.year.display} in {request.data_dir}: "
                "check --year, or that the exports cover that year"
            )
        return available
    missing = [s for s in request.services if s not in available]
    if missing:
        raise BuildError(
            f"No {', '.join(missing)} complaints were received in {request.year.display} in {request.data_dir}. "
            f"Services with complaints that year: {', '.join(available) or 'none'}"
        )
    return list(dict.fromkeys(request.services))


def narrative_warnings(request: BuildRequest, service: str) -> list[str]:
    missing = content.missing_sections(request.content_dir, request.year, service)
    folder = Path(request.content_dir) / request.year.label / service
    return [
        f"{service}: no narrative for '{title}' (write it in {folder}); the report shows a placeholder"
        for title in missing
    ]


def privacy_findings(request: BuildRequest, inputs: Inputs, service: str) -> list[str]:
    """Personal data or case references in any text the report can publish (see privacy.py)."""
    folder = Path(request.content_dir) / request.year.label / service
    allowed = content.read_meta(request.content_dir, request.year, service).get("allowed_identifiers") or []
    references = privacy.ReferenceIndex.from_inputs(inputs)
    findings = privacy.scan_narrative(folder, allowed, references) + privacy.scan_inputs(
        inputs, service, request.year, allowed, references
    )
    return [f"{service}: {finding}" for finding in findings]


def content_files(request: BuildRequest, service: str) -> list[Path]:
    return sorted((Path(request.content_dir) / request.year.label / service).glob("*"))


def run_notebook(
    service: str,
    year: ReportingYear,
    data_dir: Path,
    out_dir: Path,
    suppress_below: int = 0,
    published_dir: Path | None = None,
) -> Path:
    """Execute the service's notebook with Papermill; the executed copy is saved beside the outputs.

    It runs on the same kernel as the report: this environment's Python, quiet, with a fixed
    hash seed. If a cell fails, the executed notebook is kept in the system's temporary folder
    (the build's own folder is removed) and the error names it.
    """
    import papermill

    from complaints_report.rendering import KERNEL_NAME, kernel_environment

    executed = Path(out_dir) / f"{service}.ipynb"
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    parameters = {
        "year": year.label,
        "service": service,
        "data_dir": str(Path(data_dir).resolve()),
        "out_dir": str(Path(out_dir).resolve()),
        "suppress_below": int(suppress_below),
    }
    try:
        with kernel_environment(paths.NOTEBOOKS_DIR, []):
            papermill.execute_notebook(
                str(paths.notebook_for(service)),
                str(executed),
                parameters=parameters,
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                cwd=str(paths.NOTEBOOKS_DIR),
            )
    except papermill.PapermillExecutionError as error:
        kept = Path(tempfile.gettempdir()) / f"complaints-report-failed-{service}-{year.label}.ipynb"
        shutil.copyfile(executed, kept)
        raise BuildError(
            f"The {service} notebook failed in cell {error.exec_count}: {error.ename}: {error.evalue}. "
            f"The executed notebook, with the full error, is at {kept}"
        ) from None
    _tidy_executed(paths.notebook_for(service), executed, Path(out_dir), published_dir)
    return executed


def _tidy_executed(source: Path, executed: Path, out_dir: Path, published_dir: Path | None) -> None:
    """Tidy the executed copy: no run timings, the folder it will be published in rather than the
    build's temporary one (so the same inputs give the same bytes), and the project's usual
    kernel named, so it opens in JupyterLab as the source notebook does."""
    import nbformat

    from complaints_report.notebook_refresh import clean

    notebook = clean(nbformat.read(str(executed), as_version=4))
    notebook.metadata["kernelspec"] = nbformat.read(str(source), as_version=4).metadata.get("kernelspec", {})
    text = nbformat.writes(notebook)
    if published_dir is not None:
        text = text.replace(str(Path(out_dir).resolve()), str(Path(published_dir).resolve()))
    executed.write_text(text, encoding="utf-8")


def report_metadata(request: BuildRequest, service: str) -> dict:
    """The title names the service and the year; the subtitle the council (from meta.yml)."""
    meta = content.read_meta(request.content_dir, request.year, service)
    metadata = {"title": f"{SERVICE_NAMES[service]} complaints annual report {request.year.display}"}
    if meta.get("council"):
        metadata["subtitle"] = str(meta["council"])
    return metadata


def render(request: BuildRequest, service: str, folder: Path) -> None:
    from complaints_report import rendering

    try:
        rendering.render_report(
            paths.REPORT_QMD,
            profile=service,
            params={
                "service": service,
                "year": request.year.label,
                "artefacts_dir": str(folder.resolve()),
                "content_dir": str(Path(request.content_dir).resolve()),
            },
            work_dir=folder,
            formats=request.formats,
            engine=request.engine,
            metadata=report_metadata(request, service),
        )
    except rendering.EngineError as error:
        message = str(error)
        failed = folder / "report_files" / "report.ipynb"
        if failed.exists():  # the build's folder is removed: keep the executed report for the analyst
            kept = (
                Path(tempfile.gettempdir())
                / f"complaints-report-failed-report-{service}-{request.year.label}.ipynb"
            )
            shutil.copyfile(failed, kept)
            message = message.replace(str(failed), str(kept))
        raise BuildError(message) from None


def publish(staging: Path, out_dir: Path, year: ReportingYear, services: list[str]) -> None:
    """Move each finished service folder into ``out_dir``; put the old ones back if a move fails."""
    out_dir = Path(out_dir)
    moved: list[tuple[Path, Path | None]] = []
    try:
        for service in services:
            target = paths.service_output_dir(out_dir, year.label, service)
            target.parent.mkdir(parents=True, exist_ok=True)
            backup = None
            if target.exists():
                backup = staging / f"previous-{service}"
                os.replace(target, backup)
            os.replace(paths.service_output_dir(staging, year.label, service), target)
            moved.append((target, backup))
    except BaseException:
        for target, backup in reversed(moved):
            shutil.rmtree(target, ignore_errors=True)
            if backup is not None:
                os.replace(backup, target)
        raise


def build(
    request: BuildRequest, progress: Callable[[str], None] = lambda message: None
) -> list[ServiceResult]:
    """Build the reports asked for; raises InputError, ContentError or BuildError on failure."""
    from complaints_report import rendering

    try:  # fail before any work if Quarto was asked for and is absent
        engine = rendering.resolve_engine(request.engine)
    except rendering.EngineError as error:
        raise BuildError(str(error)) from None
    progress(f"Checking the exports in {request.data_dir}")
    inputs = load_inputs(request.data_dir)
    services = choose_services(request, inputs)
    results = []
    for service in services:
        figures = compute_metrics(inputs, service, request.year)
        content.check_fields(
            request.content_dir,
            request.year,
            service,
            {k: v for k, v in figures.items() if not isinstance(v, dict | list)},
        )
        warnings = narrative_warnings(request, service) + privacy_findings(request, inputs, service)
        if warnings and request.strict:
            raise BuildError("--strict: the build stops because:\n  - " + "\n  - ".join(warnings))
        results.append(
            ServiceResult(
                service, paths.service_output_dir(request.out_dir, request.year.label, service), warnings
            )
        )
    out_dir = Path(request.out_dir)
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-building-", dir=parent))
    try:
        for service in services:
            folder = paths.service_output_dir(staging, request.year.label, service)
            progress(f"{service}: running the analysis notebook")
            published = paths.service_output_dir(out_dir, request.year.label, service)
            run_notebook(service, request.year, request.data_dir, folder, request.suppress_below, published)
            progress(
                f"{service}: rendering {' and '.join(f.upper() for f in request.formats)} with the {engine} engine"
            )
            render(dataclasses.replace(request, engine=engine), service, folder)
            artefacts.write_json(
                folder / "manifest.json",
                manifest.manifest(
                    year=request.year.label,
                    service=service,
                    engine=engine,
                    formats=request.formats,
                    input_files=inputs.files
                    + [p for p in [Path(request.data_dir) / MAPPING_FILE] if p.exists()],
                    options={"suppress_below": request.suppress_below, "strict": request.strict},
                    content_files=content_files(request, service),
                ),
            )
        progress(f"Publishing to {out_dir}")
        publish(staging, out_dir, request.year, services)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return results
