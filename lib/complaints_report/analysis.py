"""Running a service's analysis notebook with Papermill, in the folder where its results go.

The notebook (``notebooks/<service>.ipynb``) runs with its working folder set to the results
folder, so it writes there by relative paths (``out_dir = "."``) and reads the exports through
a link named ``inputs`` to the data folder (``data_dir = "inputs"``), or, in a build, the
exports as the build checked them from a file beside it (``checked_inputs``,
``loading/handover.py``): the executed notebook, which is published, records no path of the
machine, and two builds of the same inputs give the same notebook wherever they write.

It runs on this environment's Python through a kernel spec made for the run, quietly, with a
fixed hash seed so that set ordering cannot change an output. Its kernel is stopped with the
build (``workers.py``) if the build is interrupted or another service fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from complaints_report import paths, workers

KERNEL_NAME = "complaints-report-python"
INPUTS_LINK = "inputs"


class NotebookFailed(Exception):
    """A cell of the notebook failed; ``executed`` is the executed notebook with the error in it."""

    def __init__(self, service: str, cell: int | None, ename: str, evalue: str, executed: Path):
        self.service, self.cell, self.ename, self.evalue, self.executed = (
            service,
            cell,
            ename,
            evalue,
            executed,
        )
        super().__init__(f"The {service} notebook failed in cell {cell}: {ename}: {evalue}")


def _import_papermill():
    """papermill, imported without the IRI grammar that jsonschema builds at import when
    ``rfc3987_syntax`` is installed (1 to 2 seconds of start-up): nbformat's notebook schema
    checks no IRI, and jsonschema treats the package as optional."""
    if "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # an import of it now fails fast
        try:
            import papermill
        finally:
            del sys.modules["rfc3987_syntax"]
    import papermill

    return papermill


def prepare() -> None:
    """Import Papermill in the main thread, before notebooks run side by side in worker threads."""
    _import_papermill()


def _kernel_manager_class():
    """jupyter_client's kernel manager, running *this* Python (the project's environment) quietly,
    with a fixed hash seed, whose kernel is killed when the build stops (workers.py)."""
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

    spec = KernelSpec(
        # log level ERROR: no start-up chatter (e.g. about unencrypted local TCP) in the analyst's console
        argv=[
            sys.executable,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--IPKernelApp.log_level=ERROR",
        ],
        display_name="Python 3 (complaints report)",
        language="python",
        env={"PYTHONHASHSEED": "0"},
    )

    class BuildKernelManager(AsyncKernelManager):
        @property
        def kernel_spec(self):
            return spec

        async def _async_start_kernel(self, **kwargs):
            await super()._async_start_kernel(**kwargs)
            process = getattr(self.provisioner, "process", None)
            if process is not None:
                workers.register(id(self), process.kill)  # released when the kernel is cleaned up

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            workers.release(id(self))
            await super()._async_cleanup_resources(restart=restart)

        start_kernel = _async_start_kernel
        cleanup_resources = _async_cleanup_resources

    return BuildKernelManager


@contextlib.contextmanager
def _inputs_link(results: Path, data_dir: Path) -> Iterator[str]:
    """The data folder as the notebook sees it from its working folder: a link named ``inputs``, or,
    where links cannot be made, the relative path."""
    link = results / INPUTS_LINK
    try:
        link.symlink_to(Path(data_dir).resolve(), target_is_directory=True)
    except OSError:
        yield os.path.relpath(Path(data_dir).resolve(), results.resolve())
        return
    try:
        yield INPUTS_LINK
    finally:
        link.unlink(missing_ok=True)


def run(
    service: str, parameters: dict, data_dir: Path, results: Path, executed: Path, checked_inputs: str = ""
) -> Path:
    """Execute the service's notebook in ``results`` (its working folder); the executed copy is
    written to ``executed``. A failing cell is a :class:`NotebookFailed`.

    ``checked_inputs`` names, relative to ``results``, the file in which the build hands the
    notebook the exports it has checked (``loading/handover.py``); empty, the notebook reads them."""
    papermill = _import_papermill()
    from papermill.exceptions import PapermillExecutionError

    results.mkdir(parents=True, exist_ok=True)
    executed.parent.mkdir(parents=True, exist_ok=True)
    with _inputs_link(results, data_dir) as data_path:
        try:
            papermill.execute_notebook(
                str(paths.notebook_for(service)),
                str(executed),
                parameters={
                    **parameters,
                    "data_dir": data_path,
                    "checked_inputs": checked_inputs,
                    "out_dir": ".",
                },
                kernel_name=KERNEL_NAME,
                progress_bar=False,
                log_output=False,
                start_timeout=120,
                resources={"metadata": {"path": str(results)}},  # the kernel's working folder (no chdir)
                kernel_manager_class=_kernel_manager_class(),
            )
        except PapermillExecutionError as error:
            raise NotebookFailed(service, error.exec_count, error.ename, error.evalue, executed) from None
    tidy(paths.notebook_for(service), executed)
    return executed


def tidy(source: Path, executed: Path) -> None:
    """No run timings or papermill bookkeeping, and the project's usual kernel named, so that it
    opens in JupyterLab as the source notebook does and the same inputs give the same bytes."""
    import nbformat

    from complaints_report.notebook_refresh import clean

    notebook = clean(nbformat.read(str(executed), as_version=4))
    notebook.metadata["kernelspec"] = nbformat.read(str(source), as_version=4).metadata.get("kernelspec", {})
    executed.write_text(nbformat.writes(notebook), encoding="utf-8")


def copy_failed(executed: Path, target: Path) -> Path:
    """A copy of a failed run's notebook at ``target``, written through a new file and renamed into
    place, so a symlink planted at ``target`` is replaced, never followed."""
    target = Path(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out, open(executed, "rb") as source:
            shutil.copyfileobj(source, out)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
