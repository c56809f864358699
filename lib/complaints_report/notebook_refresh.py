"""Re-execute the analysis notebooks on the example data and store their outputs in place.

The stored outputs are nbval's reference (``pytest --nbval notebooks``): refresh them only
when a change to the figures is intended, and review the diff. Run with
``make refresh-notebooks`` or ``python -m complaints_report.notebook_refresh``.
"""

from __future__ import annotations

import nbformat
import papermill

from complaints_report import paths


def clean(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop run timings and papermill bookkeeping so a refresh only changes what changed.

    Papermill gives the cell it injects a random id; it gets a fixed one.
    """
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    return notebook


def refresh(service: str) -> None:
    path = paths.notebook_for(service)
    executed = papermill.execute_notebook(
        str(path), None, kernel_name="python3", progress_bar=False, cwd=str(paths.NOTEBOOKS_DIR)
    )
    nbformat.write(clean(executed), str(path))
    print(f"Refreshed {path.relative_to(paths.PROJECT_ROOT)}")


def main() -> None:
    for service in paths.SERVICES:
        refresh(service)


if __name__ == "__main__":
    main()
