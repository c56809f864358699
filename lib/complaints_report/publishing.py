"""Where a build works, and how its folders replace the previous ones only when it succeeded.

A build works in a staging folder beside ``--out`` (same disk, so the finished folders are
moved into place in one step each), made with an unpredictable name and private permissions
(``tempfile``). Each staging folder has a lock file beside it, created first and held (flock)
for the whole build; a staging folder whose lock can be taken, or has no lock file, belongs to
a build that was killed, and the next build into the same ``--out`` removes it. A build that
fails or is interrupted removes its own.

``--out/<year>/<service>/`` is the folder to publish; it is written from an explicit list of
files (``published_files``). ``--out/<year>/<service>-internal/`` beside it keeps what must
not be published (the row accounting, which lists case references) and the notebook's
results, from which a later build re-renders without re-running the notebook.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from complaints_report import paths
from complaints_report.years import ReportingYear

BUILDING = "-building-"
LOCK_SUFFIX = ".lock"


def _lock(handle: int) -> bool:
    """Take an exclusive lock on an open file without waiting; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def stale_staging(parent: Path, out_name: str) -> list[Path]:
    """Staging folders and lock files of killed builds into the same ``--out``."""
    stale = []
    prefix = f".{out_name}{BUILDING}"
    for lock in sorted(Path(parent).glob(prefix + "*" + LOCK_SUFFIX)):
        try:
            handle = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            if _lock(handle):
                stale += [lock.with_suffix(""), lock]
        finally:
            os.close(handle)
    for folder in sorted(Path(parent).glob(prefix + "*")):
        if folder.is_dir() and not folder.with_name(folder.name + LOCK_SUFFIX).exists():
            stale.append(folder)
    return list(dict.fromkeys(stale))


def remove_stale(out_dir: Path) -> None:
    """Remove what killed builds into ``out_dir`` left beside it."""
    out = Path(out_dir).resolve()
    if out.parent.is_dir():
        for path in stale_staging(out.parent, out.name):
            _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


class Staging:
    """``with Staging(out_dir) as folder:`` a private folder beside ``out_dir`` for one build."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.parent = self.out_dir.resolve().parent
        self.handle: int | None = None
        self.lock: Path | None = None
        self.folder: Path | None = None

    def __enter__(self) -> Path:
        self.parent.mkdir(parents=True, exist_ok=True)
        name = self.out_dir.resolve().name
        remove_stale(self.out_dir)
        handle, lock = tempfile.mkstemp(prefix=f".{name}{BUILDING}", suffix=LOCK_SUFFIX, dir=self.parent)
        self.handle, self.lock = handle, Path(lock)
        if not _lock(handle):  # cannot happen for a file just made, but never work unlocked
            raise OSError(f"could not lock {lock}")
        self.folder = self.lock.with_suffix("")
        self.folder.mkdir(mode=0o700)
        return self.folder

    def __exit__(self, *exc) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        if self.lock is not None:
            self.lock.unlink(missing_ok=True)
        if self.handle is not None:
            os.close(self.handle)


def link_or_copy(source, destination) -> None:
    """A hard link where the file system allows one (a previous build's files are never written in
    place, only replaced), else a copy."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, copy_function=link_or_copy)


def copy_files(source: Path, target: Path, files: list[str]) -> None:
    """Copy the named files (relative paths inside ``source``) to the same places in ``target``."""
    for name in files:
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"not a file inside the results folder: {name}")
        destination = Path(target) / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(Path(source) / relative, destination)


def publish(staging: Path, out_dir: Path, year: ReportingYear, services: list[str]) -> None:
    """Move each finished service folder and its internal folder into ``out_dir``; put the old ones
    back if a move fails."""
    out_dir = Path(out_dir)
    moved: list[tuple[Path, Path | None]] = []
    try:
        for service in services:
            for folder in (paths.service_output_dir, paths.internal_output_dir):
                target = folder(out_dir, year.label, service)
                target.parent.mkdir(parents=True, exist_ok=True)
                backup = None
                if target.exists() or target.is_symlink():
                    backup = staging / f"previous-{target.name}"
                    os.replace(target, backup)
                os.replace(folder(staging, year.label, service), target)
                moved.append((target, backup))
    except BaseException:
        for target, backup in reversed(moved):
            shutil.rmtree(target, ignore_errors=True)
            if backup is not None:
                os.replace(backup, target)
        raise


def failed_notebook_path(out_dir: Path, service: str, year: ReportingYear) -> Path:
    """Beside ``--out`` (never inside it: a failed build leaves it as it was), named for the run."""
    out = Path(out_dir).resolve()
    return out.parent / f"{out.name}-failed-{service}-{year.label}.ipynb"
