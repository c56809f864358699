"""Building the reports: check, compute each service's notebook, render, publish, as little as needed.

For each service of the year, two stages (``cache.py``):

1. **analysis**: the service's notebook, run by Papermill in its results folder, computes
   every figure, chart, table and sentence (``analysis.py``, ``fragments.py``);
2. **render**: the narrative is prepared (``narrative.py``) and report.qmd assembled into
   HTML and PDF by Quarto or the built-in engine (``rendering``).

A stage whose inputs are unchanged since the last build into the same ``--out`` is reused;
when nothing changed nothing is rebuilt, and the build says so. The services are computed
and rendered side by side (``workers.py``). A build works in a staging folder beside
``--out`` and moves the finished folders into place only when every service succeeded, so a
failed or interrupted build leaves ``--out`` exactly as it was (contract section 2).

Heavy libraries (pandas, matplotlib, Papermill) are imported only by the stage that uses them:
an up-to-date build imports none of them.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from complaints_report import (
    cache,
    content,
    manifest,
    markup,
    narrative,
    paths,
    privacy,
    publishing,
    review_note,
    workers,
)
from complaints_report.artefacts import INDEX_FILE, METRICS_FILE, published_files, read_json, write_json
from complaints_report.fragments import FRAGMENTS_DIR, REGULATIONS_FILE, VALUES_FILE
from complaints_report.vocabulary import SERVICE_NAMES
from complaints_report.years import ReportingYear

if TYPE_CHECKING:
    import pandas as pd

    from complaints_report.loading import Inputs, handover

PRIVACY_FILE = "privacy.json"  # quotes and case references the narrative is scanned against (internal)
WARNINGS_FILE = "warnings.json"  # the warnings of the build that rendered the report (internal)
RESULTS_NEEDED = (METRICS_FILE, INDEX_FILE, VALUES_FILE, REGULATIONS_FILE, PRIVACY_FILE)


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
    force: bool = False  # rebuild every stage even when its inputs are unchanged


@dataclass
class ServiceResult:
    service: str
    folder: Path
    warnings: list[str] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)  # stage -> "ran" | "reused"

    @property
    def up_to_date(self) -> bool:
        return bool(self.stages) and all(state == "reused" for state in self.stages.values())


@dataclass
class Plan:
    """One service's build: its keys, and which stages can be reused from the previous build."""

    service: str
    team: str
    analysis_key: str
    render_key: str
    reuse_analysis: bool
    reuse_render: bool
    published: Path  # the service's folder in --out
    internal: Path  # its internal folder in --out


# ----------------------------------------------------------------------------- choosing


def choose_services(request: BuildRequest, inputs: Inputs) -> list[str]:
    from complaints_report.loading import services_with_complaints

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


def _parameters(request: BuildRequest, service: str, team: str) -> dict:
    """The notebook's parameters besides its paths: small values only."""
    return {
        "year": request.year.label,
        "service": service,
        "suppress_below": int(request.suppress_below),
        "team": team,
    }


def plan(request: BuildRequest, service: str, engine: str) -> Plan:
    meta = content.read_meta(request.content_dir, request.year, service)
    team = str(meta.get("team_short") or meta.get("team") or "")
    analysis = cache.analysis_key(request.data_dir, _parameters(request, service, team), service)
    render = cache.render_key(
        analysis, request.content_dir, request.year.label, service, request.formats, engine
    )
    published = paths.service_output_dir(request.out_dir, request.year.label, service)
    internal = paths.internal_output_dir(request.out_dir, request.year.label, service)
    previous = cache.previous_manifest(published)
    reuse_analysis = (
        not request.force
        and cache.stage_key(previous, "analysis") == analysis
        and all((internal / name).is_file() for name in RESULTS_NEEDED)
        and (published / f"{service}.ipynb").is_file()
    )
    reuse_render = (
        reuse_analysis
        and cache.stage_key(previous, "render") == render
        and (internal / WARNINGS_FILE).is_file()
        and cache.files_intact(published, (previous or {}).get("files", {}))
    )
    return Plan(service, team, analysis, render, reuse_analysis, reuse_render, published, internal)


def previous_services(request: BuildRequest) -> list[str] | None:
    """The services of the year, as the last build found them in these very exports (so that an
    up-to-date build need not read the exports); None when that is not known."""
    found = []
    data = {path.name: cache.file_digest(path) for path in cache.input_files(request.data_dir)}
    for service in paths.SERVICES:
        previous = cache.previous_manifest(
            paths.service_output_dir(request.out_dir, request.year.label, service)
        )
        if previous is None:
            continue
        recorded = previous.get("build", {}).get("services_in_year")
        if recorded is None or {item["file"]: item["sha256"] for item in previous.get("inputs", [])} != data:
            return None
        found.append(recorded)
    if not found or any(services != found[0] for services in found):
        return None
    built = [
        s for s in found[0] if (paths.service_output_dir(request.out_dir, request.year.label, s)).is_dir()
    ]
    return found[0] if built == found[0] else None


# ----------------------------------------------------------------------------- checks


def narrative_warnings(request: BuildRequest, service: str) -> list[str]:
    """Sections still to write and a report that would name no council (``--strict`` refuses both:
    contract section 1, a placeholder under --strict is an error)."""
    missing = content.missing_sections(request.content_dir, request.year, service)
    folder = Path(request.content_dir) / request.year.label / service
    return [
        f"{service}: no narrative for '{title}' (write it in {folder}); the report shows a placeholder"
        for title in missing
    ] + content.council_warnings(request.content_dir, request.year, service)


def narrative_notes(request: BuildRequest, service: str) -> list[str]:
    """Actions without an owner, a due date or a status: warned of, and listed in the reviewer's note,
    but not refused by ``--strict`` (the report still reads true: it leaves out what no action records,
    and a council's published actions often lack an owner or a date)."""
    return narrative.action_warnings(request.content_dir, request.year, service)


def privacy_material(
    inputs: Inputs,
    service: str,
    year: ReportingYear,
    references: privacy.References | None = None,
) -> dict:
    """What the report's texts are checked against, kept in the internal folder so that a build
    that reuses the analysis can check changed narrative without reading the exports: every case
    reference of the exports, and what the scan of the exports' published texts found (before
    the team's allowed identifiers are applied, since meta.yml may change without the exports).
    ``references`` (every reference of ``inputs``, indexed) is made once for all the services."""
    references = references or privacy.References.from_inputs(inputs)
    found = privacy.scan_inputs(inputs, service, year, (), references.index)
    return {
        "references": references.listed,
        "input_findings": [dataclasses.asdict(finding) for finding in found],
    }


def write_privacy_material(path: Path, material: dict) -> None:
    """privacy.json, compact: it can list a million references."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # never rewrite a file hard-linked from a previous build in place
    path.write_text(json.dumps(material, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def privacy_findings(
    request: BuildRequest,
    material: dict,
    service: str,
    references: privacy.ReferenceIndex | None = None,
) -> list[str]:
    """Personal data or case references in any text the report can publish: the narrative and
    meta.yml, and the exports' texts (quotes, Ombudsman summaries, team, area, category...).
    ``references`` is the index of ``material["references"]`` where the build has one already."""
    folder = Path(request.content_dir) / request.year.label / service
    allowed = content.read_meta(request.content_dir, request.year, service).get("allowed_identifiers") or []
    permitted = privacy.Allowed(allowed)
    from_exports = [
        finding
        for finding in (privacy.Finding(**fields) for fields in material.get("input_findings", []))
        if finding.kind == privacy.CASE_REFERENCE or finding.value not in permitted
    ]
    if references is None:
        references = privacy.ReferenceIndex(material["references"])
    from_narrative = privacy.scan_narrative(folder, allowed, references)
    from_actions = action_findings(request, service, permitted, references)
    return [f"{service}: {finding}" for finding in from_narrative + from_actions + from_exports]


def action_findings(
    request: BuildRequest, service: str, allowed: privacy.Allowed, references: privacy.ReferenceIndex
) -> list[privacy.Finding]:
    """Personal data or case references in the year's actions file (what was learned, the action, the
    owner, the progress), each named by file and row. A file with problems is reported by the narrative
    check, which stops the build."""
    if not narrative.actions_file_exists(request.content_dir, request.year, service):
        return []
    from complaints_report import actions
    from complaints_report.problems import InputError

    try:
        acts = actions.year_actions(request.content_dir, request.year, service)
    except InputError:
        return []
    if not acts:
        return []
    scanner = privacy.Scanner(allowed, references)
    path = actions.actions_path(request.content_dir, request.year, service)
    return [
        privacy.Finding(where, kind, value)
        for where, text in actions.privacy_texts(acts, path).items()
        for kind, value in scanner.scan(text)
    ]


def content_files(request: BuildRequest, service: str) -> list[Path]:
    return sorted((Path(request.content_dir) / request.year.label / service).glob("*"))


def report_metadata(request: BuildRequest, service: str) -> dict:
    """The title names the service and the year; the subtitle the council (from meta.yml). Pandoc
    reads metadata strings as Markdown, so both pass through markup.py."""
    meta = content.read_meta(request.content_dir, request.year, service)
    metadata = {
        "title": markup.text(f"{SERVICE_NAMES[service]} complaints annual report {request.year.display}")
    }
    if meta.get("council"):
        metadata["subtitle"] = markup.text(meta["council"])
    return metadata


# ----------------------------------------------------------------------------- stages


def run_analysis(request: BuildRequest, staging: Path, item: Plan) -> None:
    """Run the notebook into the staging copy of the service's folders."""
    from complaints_report import analysis
    from complaints_report.loading import handover

    results = paths.internal_output_dir(staging, request.year.label, item.service)
    published = paths.service_output_dir(staging, request.year.label, item.service)
    try:
        analysis.run(
            item.service,
            _parameters(request, item.service, item.team),
            Path(request.data_dir),
            results,
            published / f"{item.service}.ipynb",
            checked_inputs=handover.FILE_NAME,
        )
    except analysis.NotebookFailed as failure:
        if workers.stopping():  # stopped on purpose (interrupted, or a service without complaints)
            raise workers.Stopped from None
        if failure.ename == "InputError":
            raise BuildError(failure.evalue) from None
        kept = analysis.copy_failed(
            failure.executed, publishing.failed_notebook_path(request.out_dir, item.service, request.year)
        )
        raise BuildError(
            f"The {item.service} notebook failed in cell {failure.cell}: {failure.ename}: {failure.evalue}. "
            f"The executed notebook, with the full error, is at {kept}"
        ) from None
    except (BuildError, workers.Stopped):
        raise
    except Exception as error:  # the kernel could not start, or died
        if workers.stopping():
            raise workers.Stopped from None
        raise BuildError(
            f"The {item.service} notebook could not be run ({type(error).__name__}: {error}). Check that the "
            "project's environment is installed (make setup) and run the build again."
        ) from None


def reuse_analysis(staging: Path, request: BuildRequest, item: Plan) -> None:
    """The previous build's results and executed notebook, copied into the staging folders."""
    results = paths.internal_output_dir(staging, request.year.label, item.service)
    published = paths.service_output_dir(staging, request.year.label, item.service)
    publishing.copy_tree(item.internal, results)
    published.mkdir(parents=True, exist_ok=True)
    publishing.link_or_copy(item.published / f"{item.service}.ipynb", published / f"{item.service}.ipynb")


def render(request: BuildRequest, staging: Path, item: Plan, engine: str) -> None:
    """Assemble the report from the results and the narrative in a project folder of its own."""
    from complaints_report import rendering

    results = paths.internal_output_dir(staging, request.year.label, item.service)
    published = paths.service_output_dir(staging, request.year.label, item.service)
    project = staging / f"render-{item.service}"
    project.mkdir()
    for source in (paths.REPORT_QMD, paths.QUARTO_PROJECT, paths.quarto_profile(item.service)):
        if source.is_file():
            shutil.copyfile(source, project / source.name)
    publishing.copy_tree(results / FRAGMENTS_DIR, project / FRAGMENTS_DIR)
    if (results / "charts").is_dir():
        publishing.copy_tree(results / "charts", project / "charts")
    figures = read_json(results / METRICS_FILE)
    narrative.prepare(
        project,
        request.content_dir,
        request.year,
        item.service,
        figures,
        read_json(results / REGULATIONS_FILE),
    )
    values = yaml.safe_load((results / VALUES_FILE).read_text(encoding="utf-8")) or {}
    metadata = project / "metadata.yml"
    metadata.write_text(
        yaml.safe_dump(
            {**values, **report_metadata(request, item.service)}, allow_unicode=True, sort_keys=True
        ),
        encoding="utf-8",
    )
    try:
        outputs = rendering.render_report(
            project / paths.REPORT_QMD.name,
            profile=item.service,
            formats=request.formats,
            engine=engine,
            metadata_file=metadata,
        )
    except rendering.EngineError as error:
        raise BuildError(str(error)) from None
    for path in outputs.values():
        shutil.move(str(path), published / f"report{path.suffix}")
    for table in sorted((project / narrative.NARRATIVE_DIR / narrative.DATA_DIR).glob("*.csv")):
        (published / "data").mkdir(parents=True, exist_ok=True)  # the data behind the actions tables
        shutil.copyfile(table, published / "data" / table.name)


def finish(
    request: BuildRequest, staging: Path, item: Plan, engine: str, warnings: list[str], services: list[str]
):
    """Copy the published results from the results folder by the allow-list, record the warnings,
    write the manifest and, beside the results, the reviewer's note (review_note.py)."""
    results = paths.internal_output_dir(staging, request.year.label, item.service)
    published = paths.service_output_dir(staging, request.year.label, item.service)
    publishing.copy_files(results, published, published_files(results))
    write_json(results / WARNINGS_FILE, warnings)
    made_from = manifest.manifest(
        year=request.year.label,
        service=item.service,
        engine=engine,
        formats=request.formats,
        input_files=cache.input_files(request.data_dir),
        options={"suppress_below": request.suppress_below, "strict": request.strict},
        content_files=content_files(request, item.service),
        stages={
            "analysis": {"key": item.analysis_key, "ran": not item.reuse_analysis},
            "render": {"key": item.render_key, "ran": True},
            "services_in_year": services,
        },
        files=manifest.published_hashes(published),
    )
    write_json(published / manifest.MANIFEST_FILE, made_from)
    review_note.write(
        results,
        service=item.service,
        year_display=request.year.display,
        figures=read_json(results / METRICS_FILE),
        manifest=made_from,
        warnings=warnings,
    )


# ----------------------------------------------------------------------------- the build


def _strict(request: BuildRequest, warnings: list[str]) -> None:
    if warnings and request.strict:
        raise BuildError("--strict: the build stops because:\n  - " + "\n  - ".join(warnings))


def build(
    request: BuildRequest, progress: Callable[[str], None] = lambda message: None
) -> list[ServiceResult]:
    """Build the reports asked for; raises InputError, ContentError or BuildError on failure."""
    from complaints_report.rendering import EngineError, engines

    try:  # fail before any work if Quarto was asked for and is absent or too old
        engine = engines.resolve_engine(request.engine)
    except EngineError as error:
        raise BuildError(str(error)) from None
    engine_label = engines.description(engine)
    request.formats = list(dict.fromkeys(request.formats))
    publishing.remove_stale(request.out_dir)  # what killed builds into --out left beside it
    known = list(dict.fromkeys(request.services)) or (None if request.force else previous_services(request))
    candidates = known or list(paths.SERVICES)  # unknown until the exports are read: every service, for now
    plans = {service: plan(request, service, engine_label) for service in candidates}

    if known and all(plans[service].reuse_render for service in known):
        return _up_to_date(request, [plans[service] for service in known])
    # a service whose report is up to date is left as it is while the others are built
    unchanged = _up_to_date(request, [plans.pop(s) for s in known or [] if plans[s].reuse_render])
    remaining = [service for service in known if service in plans] if known else None
    built = _build(request, plans, remaining, engine, engine_label, progress)
    return sorted(built + unchanged, key=lambda result: (known or candidates).index(result.service))


def _build(
    request: BuildRequest,
    plans: dict[str, Plan],
    known: list[str] | None,
    engine: str,
    engine_label: str,
    progress: Callable[[str], None],
) -> list[ServiceResult]:
    """Build the services of ``plans`` (``known``: the services, when known before the exports are read)."""
    for service in known or []:  # the narrative is checked before anything runs
        _check_narrative(request, service, _reused_figures(plans[service]))

    from complaints_report.loading import handover

    with publishing.Staging(request.out_dir) as staging:
        computing = [item for item in plans.values() if not item.reuse_analysis]
        handovers: dict[str, handover.Handover] = {}
        batch = beside = None
        try:
            for item in computing:  # each notebook reads the exports as the build checked them
                handovers[item.service] = handover.Handover(
                    _results(staging, request, item.service) / handover.FILE_NAME
                )
            if computing and handover.CAN_WAIT:  # the kernels start while the exports are read
                batch = _start_analysis(request, staging, computing, progress)
            inputs = _load(request, progress) if computing or known is None else None
            services = known or choose_services(request, inputs)
            if inputs is not None:
                choose_services(dataclass_replace(request, services=services), inputs)
            for index, item in enumerate(computing):
                if item.service not in services:  # started before the exports said it has no complaints
                    if batch is not None:
                        batch.cancel(index)
                    handovers.pop(item.service).remove()
            cuts = _cut(request, inputs, handovers)
            # every case reference indexed, the personal-data scan and rows.csv, in a forked copy of
            # the build, beside the notebooks (workers.Forked)
            if cuts:
                beside = workers.Forked(functools.partial(_beside_notebooks, request, staging, inputs, cuts))
            _hand_over(handovers, cuts)
            del cuts
            if batch is None and handovers:
                batch = _start_analysis(request, staging, [plans[service] for service in handovers], progress)
            year_services = (
                choose_services(dataclass_replace(request, services=[]), inputs)
                if inputs is not None
                else previous_services(dataclass_replace(request, services=[])) or services
            )
            items = [plans[service] for service in services]
            for item in items:
                if item.reuse_analysis:
                    reuse_analysis(staging, request, item)
                if known is None:
                    _check_narrative(request, item.service, _reused_figures(item))
            found = _beside_result(beside)
            warnings = {}
            for item in items:
                if item.reuse_analysis:
                    material = read_json(item.internal / PRIVACY_FILE)
                    write_privacy_material(_results(staging, request, item.service) / PRIVACY_FILE, material)
                    found[item.service] = privacy_findings(request, material, item.service)
                warnings[item.service] = narrative_warnings(request, item.service) + found[item.service]
                _strict(request, warnings[item.service])
                warnings[item.service] += narrative_notes(request, item.service)
            if batch is not None:
                batch.wait()
        except BaseException:
            if beside is not None:
                beside.stop()
            if batch is not None:
                batch.stop()  # before the handovers are released: no notebook reads an unwritten one
            raise
        finally:
            for file in handovers.values():
                file.remove()
        for item in items:
            if not item.reuse_analysis:  # the field names, now that the figures are known
                results_dir = paths.internal_output_dir(staging, request.year.label, item.service)
                _check_narrative(request, item.service, read_json(results_dir / METRICS_FILE))
        formats = " and ".join(f.upper() for f in request.formats)
        progress(f"Rendering {formats} of {', '.join(services)} with the {engine} engine")
        workers.each(lambda item: render(request, staging, item, engine), items)
        for item in items:
            finish(request, staging, item, engine_label, warnings[item.service], year_services)
        progress(f"Publishing to {request.out_dir}")
        publishing.publish(staging, request.out_dir, request.year, services)
    return [
        ServiceResult(
            item.service,
            item.published,
            warnings[item.service],
            {"analysis": "reused" if item.reuse_analysis else "ran", "render": "ran"},
        )
        for item in items
    ]


def _up_to_date(request: BuildRequest, items: list[Plan]) -> list[ServiceResult]:
    """Nothing changed: the previous build's warnings, and nothing written."""
    results = []
    for item in items:
        warnings = read_json(item.internal / WARNINGS_FILE)
        _strict(request, [w for w in warnings if not narrative.is_action_warning(w, item.service)])
        stages = {"analysis": "reused", "render": "reused"}
        results.append(ServiceResult(item.service, item.published, warnings, stages))
    return results


def _reused_figures(item: Plan) -> dict | None:
    return read_json(item.internal / METRICS_FILE) if item.reuse_analysis else None


def _start_analysis(request: BuildRequest, staging: Path, items: list[Plan], progress) -> workers.Batch:
    """The notebooks of ``items``, started side by side while the main thread reads the exports."""
    from complaints_report import analysis

    analysis.prepare()
    progress(f"Running the analysis notebook of {', '.join(item.service for item in items)}")
    return workers.Batch(lambda item: run_analysis(request, staging, item), items)


def dataclass_replace(request: BuildRequest, **changes) -> BuildRequest:
    import dataclasses

    return dataclasses.replace(request, **changes)


def _results(staging: Path, request: BuildRequest, service: str) -> Path:
    return paths.internal_output_dir(staging, request.year.label, service)


def _cut(
    request: BuildRequest, inputs: Inputs | None, handovers: dict[str, handover.Handover]
) -> dict[str, tuple[Inputs, pd.DataFrame]]:
    """Each computing service's inputs cut to its report (``loading.for_report``), with its row
    accounting: the build makes it, so the notebook is handed neither the rows left out of its
    report nor the writing of rows.csv."""
    if not handovers:
        return {}
    from complaints_report import row_accounting
    from complaints_report.loading import for_report

    cuts = {}
    for service in handovers:
        cut = for_report(inputs, request.year, [service])
        cuts[service] = (cut, row_accounting.row_accounts(cut, service, request.year))
    return cuts


def _hand_over(handovers: dict[str, handover.Handover], cuts: dict[str, tuple[Inputs, pd.DataFrame]]) -> None:
    """Each notebook's inputs (``loading/handover.py``): its cut, and the summary of its row accounting."""
    from complaints_report import row_accounting
    from complaints_report.loading import accounted

    for service, file in handovers.items():
        cut, accounts = cuts[service]
        file.write(accounted(cut, row_accounting.summary(accounts)))


def _beside_notebooks(
    request: BuildRequest, staging: Path, inputs: Inputs, cuts: dict[str, tuple[Inputs, pd.DataFrame]]
) -> dict[str, list[str]]:
    """What the build works out from the exports while the notebooks compute, for each service
    whose notebook runs: its privacy material (every case reference of the exports, indexed once
    for the services) and what the personal-data scan finds, and its rows.csv. Returns each
    service's findings."""
    from complaints_report import artefacts

    references = privacy.References.from_inputs(inputs)
    found = {}
    for service, (_, accounts) in cuts.items():
        results = _results(staging, request, service)
        material = privacy_material(inputs, service, request.year, references)
        write_privacy_material(results / PRIVACY_FILE, material)
        found[service] = privacy_findings(request, material, service, references.index)
        artefacts.save_rows(accounts, results)
    return found


def _beside_result(beside: workers.Forked | None) -> dict[str, list[str]]:
    """The personal-data findings worked out beside the notebooks (``_beside_notebooks``)."""
    if beside is None:
        return {}
    try:
        return beside.result()
    except workers.ForkedFailed as failure:
        raise BuildError(
            f"The check for case references and personal data, and rows.csv, stopped before they were done "
            f"({failure}). Run the build again; if it stops again, close other programs (the machine may be "
            "short of memory)."
        ) from None


def _load(request: BuildRequest, progress: Callable[[str], None]) -> Inputs:
    from complaints_report.loading import load_inputs

    progress(f"Checking the exports in {request.data_dir}")
    return load_inputs(request.data_dir)


def _check_narrative(request: BuildRequest, service: str, figures: dict | None) -> None:
    """Stop on narrative the report cannot use (file and line), before anything is built from it."""
    found = narrative.problems(request.content_dir, request.year, service, figures)
    if found:
        raise content.ContentError("The narrative cannot be used as it is:\n  - " + "\n  - ".join(found))
