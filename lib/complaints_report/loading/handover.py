"""The checked inputs handed from a build to a service's notebook, so the exports are read once.

A build reads and checks every export itself (every bad row stops it before anything is
published), cuts the checked frames to the report (``for_report``) and writes them into the
notebook's working folder; the notebook's ``checked_inputs`` parameter names that file, and the
notebook reads it instead of the exports. Run on its own (JupyterLab, nbval), the notebook reads
the exports from ``data_dir`` as before.

The notebook may start before the build has checked the exports, so that its kernel starts
while they are read: the build creates the file and holds a lock on it (``flock``) until the
inputs are written, and :func:`read` waits for that lock, not for any length of time. Where
file locks are not available (:data:`CAN_WAIT` is False) the build writes the file before it
starts the notebook.

The file holds pandas frames as Python's ``pickle`` writes them: it is written and read by the
same environment, in the build's private staging folder, and removed when the notebook has run.
It is never read from anywhere else.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from complaints_report.loading import Inputs

FILE_NAME = "checked-inputs.pickle"  # in the notebook's working folder, named relatively
CAN_WAIT = fcntl is not None  # a notebook can be started before its inputs are written


class HandoverError(Exception):
    """The build stopped before it handed over the checked inputs."""


class Handover:
    """The build's side: the file, created (and locked, where locks exist) before the notebook
    starts; :meth:`write` fills it and releases the lock; :meth:`close` releases it unwritten."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.unlink(missing_ok=True)
        self.handle = open(self.path, "xb")  # noqa: SIM115 - held open until written or closed
        if fcntl is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX)

    def write(self, inputs: Inputs) -> None:
        pickle.dump(inputs, self.handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.close()

    def close(self) -> None:
        if self.handle.closed:
            return
        self.handle.flush()
        if fcntl is not None:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
        self.handle.close()

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)


def read(path: Path | str) -> Inputs:
    """The inputs the build handed over, once it has written them."""
    with open(path, "rb") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH)  # blocks while the build still holds it
        data = handle.read()
    if not data:
        raise HandoverError(
            f"{path} is empty: the build stopped before it had checked the exports. Run the build again, "
            "or leave checked_inputs empty to read the exports from data_dir"
        )
    return pickle.loads(data)
