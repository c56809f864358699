"""Running a build's services side by side, and stopping all of it when the build stops.

The services of a year are computed and rendered two at a time (``each``), in threads that
spend their time waiting on child processes: a notebook's kernel, pandoc, Typst, Quarto. Those
children are started through this module (``run``, ``stoppable``), so when one service fails,
or the analyst presses Ctrl-C (which Python delivers to the main thread), every child still
running is stopped, the threads finish, and the build can clean up and leave ``--out`` as it
was. Nothing here waits on a clock.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from contextlib import contextmanager
from typing import TypeVar

WORKERS = 2  # the services of a year (there are two) side by side

T = TypeVar("T")
R = TypeVar("R")

_lock = threading.Lock()
_stoppers: dict[int, Callable[[], None]] = {}
_stopping = threading.Event()


class Stopped(Exception):
    """The build is stopping: no new child process is started."""


def register(key: int, stop: Callable[[], None]) -> bool:
    """Call ``stop`` if the build stops, until :func:`release`; False (and stopped at once) when the
    build is already stopping."""
    with _lock:
        _stoppers[key] = stop
        stopping = _stopping.is_set()
    if stopping:
        stop()
    return not stopping


def release(key: int) -> None:
    with _lock:
        _stoppers.pop(key, None)


@contextmanager
def stoppable(stop: Callable[[], None]) -> Iterator[None]:
    """While the block runs, ``stop`` is called if the build stops."""
    key = id(stop)
    try:
        if not register(key, stop):
            raise Stopped
        yield
    finally:
        release(key)


def stop_all() -> None:
    """Stop every registered child; later ``run`` calls raise :class:`Stopped`."""
    _stopping.set()
    with _lock:
        stoppers = list(_stoppers.values())
    for stop in stoppers:
        try:
            stop()
        except Exception:  # a child that has already gone
            pass


def run(
    command: list[str], *, cwd=None, env: dict | None = None, input: str | None = None
) -> subprocess.CompletedProcess:
    """``subprocess.run(..., capture_output=True, text=True)`` whose child is stopped with the build."""
    if _stopping.is_set():
        raise Stopped
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    with stoppable(process.kill):
        try:
            out, err = process.communicate(input)
        except BaseException:
            process.kill()
            process.wait()
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def each(function: Callable[[T], R], items: Iterable[T], workers: int = WORKERS) -> list[R]:
    """``[function(item) for item in items]``, two at a time; the first failure (or Ctrl-C) stops
    the others' children, waits for them, and is raised."""
    items = list(items)
    if len(items) <= 1 or workers <= 1:
        return [function(item) for item in items]
    _stopping.clear()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="service")
    futures = [pool.submit(function, item) for item in items]
    try:
        wait(futures, return_when=FIRST_EXCEPTION)
        _raise_first_failure(futures)
        return [future.result() for future in futures]
    except BaseException as error:
        stop_all()
        for future in futures:
            future.cancel()
        wait(futures)
        if not isinstance(error, KeyboardInterrupt):
            _raise_first_failure(futures)
        raise
    finally:
        pool.shutdown(wait=True)
        _stopping.clear()


def _raise_first_failure(futures) -> None:
    """The first real failure, in the items' order (a child stopped because of it comes second)."""
    failures = [f.exception() for f in futures if f.done() and not f.cancelled() and f.exception()]
    real = [error for error in failures if not isinstance(error, Stopped)]
    if real or failures:
        raise (real or failures)[0]
