"""Running a build's services side by side, and stopping all of it when the build stops.

The services of a year are computed and rendered two at a time (:class:`Batch`, ``each``), in
threads that spend their time waiting on child processes: a notebook's kernel, pandoc, Typst,
Quarto. Those children are started through this module (``run``, ``register``), so when one
service fails, or the analyst presses Ctrl-C (which Python delivers to the main thread), every
child still running is stopped, the threads finish, and the build can clean up and leave
``--out`` as it was. One item of a batch can be cancelled alone (a service found to have no
complaints that year). Nothing here waits on a clock.

Work of the build's own process that would hold Python's interpreter lock for seconds while the
notebooks run (indexing a million case references, writing a million-row ``rows.csv``) is done in
a forked copy of the process instead (:class:`Forked`): Python runs one thread at a time, and the
threads that drive the notebooks' kernels would otherwise wait on it between cells.
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Generic, TypeVar

WORKERS = 2  # the services of a year (there are two) side by side
# A copy of the process can be forked while threads run: Linux. Windows cannot fork, and on macOS a
# fork of a process with threads is unsafe (system libraries may be mid-call); there, Forked runs
# its function in this process when its result is asked for.
CAN_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")

T = TypeVar("T")
R = TypeVar("R")

_lock = threading.Lock()
_stoppers: dict[int, tuple[object, Callable[[], None]]] = {}  # key -> (the item it works for, stop)
_cancelled: set[object] = set()
_stopping = threading.Event()
_local = threading.local()  # .group: the batch item a worker thread is running
_active = 0  # batches running


class Stopped(Exception):
    """The build, or this item of it, is stopping: no new child process is started."""


def _group() -> object:
    return getattr(_local, "group", None)


def _halted(group: object) -> bool:
    return _stopping.is_set() or (group is not None and group in _cancelled)


def stopping() -> bool:
    """True when the build, or the batch item this thread runs, is being stopped."""
    return _halted(_group())


def register(key: int, stop: Callable[[], None]) -> bool:
    """Call ``stop`` if the build (or this thread's item) stops, until :func:`release`. Returns
    False, having called ``stop`` at once, when it is already stopping."""
    group = _group()
    with _lock:
        _stoppers[key] = (group, stop)
        halted = _halted(group)
    if halted:
        stop()
    return not halted


def release(key: int) -> None:
    with _lock:
        _stoppers.pop(key, None)


def _call(stoppers: list[Callable[[], None]]) -> None:
    for stop in stoppers:
        try:
            stop()
        except Exception:  # a child that has already gone
            pass


def stop_all() -> None:
    """Stop every registered child; later ``run`` calls raise :class:`Stopped`."""
    _stopping.set()
    with _lock:
        stoppers = [stop for _, stop in _stoppers.values()]
    _call(stoppers)


def cancel(group: object) -> None:
    """Stop the children of one batch item; its later ``run`` calls raise :class:`Stopped`."""
    with _lock:
        _cancelled.add(group)
        stoppers = [stop for owner, stop in _stoppers.values() if owner == group]
    _call(stoppers)


def run(
    command: list[str], *, cwd=None, env: dict | None = None, input: str | None = None
) -> subprocess.CompletedProcess:
    """``subprocess.run(..., capture_output=True, text=True)`` whose child is stopped with the build."""
    if _halted(_group()):
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
    key = id(process)
    try:
        if not register(key, process.kill):
            process.wait()
            raise Stopped
        out, err = process.communicate(input)
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        release(key)
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _close_event_loop() -> None:
    """Close the event loop the item's work left set in this worker thread: a notebook's client
    (``jupyter_core.utils.run_sync``) sets one and never closes it. Left to the garbage collector, it
    is closed at some later time, in any order with its own pipe, and then prints an error."""
    import asyncio

    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:  # none was set in this thread
        return
    if not loop.is_running() and not loop.is_closed():
        loop.close()
    asyncio.set_event_loop(None)


class Batch(Generic[T, R]):
    """``function(item)`` for each item, two at a time, started at once.

    ``wait()`` returns the results in order (None for a cancelled item); the first failure stops
    the other items' children, waits for them, and is raised. ``stop()`` stops everything and
    waits (for a build that fails or is interrupted while the batch runs).
    """

    def __init__(self, function: Callable[[T], R], items: Iterable[T], workers: int = WORKERS):
        global _active
        with _lock:
            if _active == 0:  # a new build: forget what an earlier one stopped
                _stopping.clear()
                _cancelled.clear()
            _active += 1
        self.items = list(items)
        self.groups = [object() for _ in self.items]
        self.pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(self.items) or 1)))
        self.futures: list[Future] = [
            self.pool.submit(self._run, function, item, group)
            for item, group in zip(self.items, self.groups, strict=True)
        ]
        self.closed = False

    @staticmethod
    def _run(function: Callable[[T], R], item: T, group: object) -> R:
        _local.group = group
        try:
            if _halted(group):
                raise Stopped
            return function(item)
        finally:
            _local.group = None
            _close_event_loop()

    def cancel(self, index: int) -> None:
        cancel(self.groups[index])
        self.futures[index].cancel()

    def _failure(self) -> BaseException | None:
        failures = [
            (index, future.exception())
            for index, future in enumerate(self.futures)
            if future.done()
            and not future.cancelled()
            and self.groups[index] not in _cancelled
            and future.exception()
        ]
        real = [error for _, error in failures if not isinstance(error, Stopped)]
        return (real or [error for _, error in failures] or [None])[0]

    def wait(self) -> list[R | None]:
        try:
            while True:
                error = self._failure()
                if error is not None:
                    raise error
                pending = [f for f in self.futures if not f.done()]
                if not pending:
                    break
                wait(pending, return_when=FIRST_EXCEPTION)
            return [
                None if future.cancelled() or group in _cancelled else future.result()
                for future, group in zip(self.futures, self.groups, strict=True)
            ]
        except BaseException as error:
            self.stop()
            if not isinstance(error, KeyboardInterrupt):
                first = self._failure()
                if first is not None and first is not error:
                    raise first from None
            raise
        finally:
            self.close()

    def stop(self) -> None:
        if self.closed:  # already finished (and its failure raised)
            return
        stop_all()
        for future in self.futures:
            future.cancel()
        wait(self.futures)
        self.close()

    def close(self) -> None:
        global _active
        if self.closed:
            return
        self.closed = True
        self.pool.shutdown(wait=True)
        with _lock:
            _active -= 1
            if _active == 0:  # the build goes on (or ends) without these children
                _stopping.clear()
                _cancelled.clear()


def each(function: Callable[[T], R], items: Iterable[T], workers: int = WORKERS) -> list[R]:
    """``[function(item) for item in items]``, two at a time; the first failure (or Ctrl-C) stops
    the others' children, waits for them, and is raised."""
    items = list(items)
    if len(items) <= 1:
        return [function(item) for item in items]
    return Batch(function, items, workers).wait()


class ForkedFailed(Exception):
    """The forked copy ended without a result (killed, or out of memory)."""


class Forked(Generic[R]):
    """``function()`` computed in a forked copy of this process while this one goes on.

    The copy reads what is already in memory (nothing is sent to it), may write files, and sends
    back only its result, which must be small and picklable. :meth:`result` waits for it and
    returns it, or raises what the copy raised. The copy ignores Ctrl-C: it is stopped with the
    build (``stop_all``, :meth:`stop`). Where processes cannot be forked (:data:`CAN_FORK`),
    ``function()`` runs in this process when :meth:`result` is first called.
    """

    def __init__(self, function: Callable[[], R]):
        self.function = function
        self.process = None
        self.receiver = None
        if not CAN_FORK:
            return
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_forked, args=(function, sender), daemon=True)
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice by the copy
            if stream is not None:
                stream.flush()
        # What is in memory now is left alone by the collector of reference cycles until the copy has
        # finished: a collection writes to every object it looks at, and each page written is
        # copied between the two processes (Python's advice for a fork without exec:
        # https://docs.python.org/3/library/gc.html#gc.freeze). Measured on a report from the
        # 1,000,000-row archive, the build's system time fell from 2.8-3.6 s to about 2.4 s.
        # Garbage is collected first, so none is frozen: it is freed now, not at some later time.
        gc.collect()
        gc.freeze()
        try:
            # Python 3.12+ warns of any fork beside threads: this one is planned
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                self.process.start()
        except BaseException:
            gc.unfreeze()
            raise
        sender.close()
        self.function = None  # the copy has what it needs; this process need not keep it
        register(id(self), self.process.kill)

    def result(self) -> R:
        if self.process is None:
            function, self.function = self.function, None  # what it holds is not kept after it has run
            return function()
        try:
            kind, value = self.receiver.recv()  # the copy's result, once it is sent
        except EOFError:  # it ended without sending one
            kind, value = "ended", None
        except BaseException:  # Ctrl-C while waiting: the copy, which ignores it, is stopped
            self.stop()
            raise
        self._finished()
        if kind == "result":
            return value
        if kind == "error":
            raise value
        if _stopping.is_set():
            raise Stopped
        raise ForkedFailed(f"a forked copy of the build ended with exit code {self.process.exitcode}")

    def stop(self) -> None:
        """Stop the copy (the build failed or was interrupted) and wait for it."""
        if self.process is None or self.receiver.closed:
            return
        self.process.kill()
        self._finished()

    def _finished(self) -> None:
        self.process.join()
        release(id(self))
        self.receiver.close()
        gc.unfreeze()  # the copy is gone: what was frozen for it is collected as usual again


def _forked(function: Callable[[], R], sender) -> None:
    """In the copy: the result or the error, sent back."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the copy
    gc.disable()  # the copy is short-lived: no collection copies the pages it shares (see gc.freeze above)
    try:
        outcome: tuple[str, object] = ("result", function())
    except BaseException as error:  # noqa: BLE001 - every failure is the parent's to raise
        outcome = ("error", error)
    try:
        if outcome[0] == "error":
            pickle.loads(pickle.dumps(outcome[1]))  # an error that cannot be rebuilt over there
        sender.send(outcome)
    except Exception:  # a result or error that cannot be pickled: its words are sent instead
        sender.send(("error", ForkedFailed(f"{type(outcome[1]).__name__}: {outcome[1]}")))
    sender.close()
