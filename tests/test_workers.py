"""Services side by side: results in order, and a failure stops the others' children. No clock involved."""

from __future__ import annotations

import sys
import threading

import pytest

from complaints_report import workers


def test_each_returns_results_in_the_order_of_the_items():
    assert workers.each(lambda n: n * n, [3, 1, 2]) == [9, 1, 4]
    assert workers.each(lambda n: n, []) == []


def test_run_captures_the_output_of_a_child():
    result = workers.run([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"], input="text")
    assert result.returncode == 0 and result.stdout.strip() == "TEXT"


def waiting_item(registered: threading.Event):
    """An item whose 'child' waits until the build stops it."""

    def item(_):
        stopped = threading.Event()
        workers.register(id(stopped), stopped.set)
        registered.set()
        stopped.wait()
        workers.release(id(stopped))
        return "stopped"

    return item


def test_a_failure_stops_the_other_items_children_and_is_raised():
    registered = threading.Event()
    wait_for_stop = waiting_item(registered)

    def work(name):
        if name == "waits":
            return wait_for_stop(name)
        registered.wait()
        raise ValueError("the second service failed")

    with pytest.raises(ValueError, match="the second service failed"):
        workers.each(work, ["waits", "fails"])


def test_a_cancelled_item_is_stopped_and_gives_no_result():
    registered = threading.Event()
    batch = workers.Batch(
        lambda name: waiting_item(registered)(name) if name == "a" else name.upper(), ["a", "b"]
    )
    registered.wait()
    batch.cancel(0)
    assert batch.wait() == [None, "B"]


def test_a_real_child_is_killed_when_the_build_stops():
    started = threading.Event()

    def work(name):
        if name == "child":
            started.set()
            return workers.run(
                [sys.executable, "-c", "import time\nwhile True:\n    time.sleep(1)"]
            ).returncode
        started.wait()
        while not workers._stoppers:  # noqa: SLF001 - until the child is registered
            threading.Event().wait(0.01)
        raise RuntimeError("stop the build")

    with pytest.raises(RuntimeError, match="stop the build"):
        workers.each(work, ["child", "fails"])
    assert workers.run([sys.executable, "-c", "print('after')"]).stdout.strip() == "after", (
        "a later build runs"
    )
