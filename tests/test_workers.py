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


def test_an_event_loop_an_item_set_in_its_worker_thread_is_closed_with_its_work():
    """A notebook's client leaves an event loop set in the thread that ran it: closed there, not
    left to the garbage collector (which may close it after its own pipe and print an error)."""
    import asyncio

    loops = []

    def work(name):
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loops.append(loop)
        return name

    assert workers.Batch(work, ["asc", "childrens"]).wait() == ["asc", "childrens"]
    assert len(loops) == 2 and all(loop.is_closed() for loop in loops)


# --------------------------------------------------------------------------- a forked copy of the build


def test_a_forked_copy_reads_what_is_in_memory_writes_files_and_sends_back_its_result(tmp_path):
    rows = list(range(1000))  # in memory before the fork: nothing is sent to the copy

    def work():
        (tmp_path / "rows.csv").write_text("\n".join(map(str, rows)), encoding="utf-8")
        return {"written": len(rows)}

    forked = workers.Forked(work)
    assert forked.result() == {"written": 1000}
    assert (tmp_path / "rows.csv").read_text(encoding="utf-8").splitlines()[-1] == "999"


@pytest.mark.skipif(not workers.CAN_FORK, reason="this system cannot fork: Forked runs in the process")
def test_the_forked_copy_is_another_process_that_shares_memory_without_collecting_it():
    """No collection of reference cycles in the copy, and none of what was in memory at the fork in
    this process until the copy has finished: a collection writes to the objects it looks at, and
    each page written is copied between the processes."""
    import gc
    import os

    pid, collecting = workers.Forked(lambda: (os.getpid(), gc.isenabled())).result()
    assert pid != os.getpid() and collecting is False
    forked = workers.Forked(lambda: "done")
    assert gc.get_freeze_count() > 0, "what was in memory at the fork is left alone while the copy runs"
    assert forked.result() == "done" and gc.get_freeze_count() == 0 and gc.isenabled()


def test_an_input_error_in_the_forked_copy_is_raised_with_its_problems():
    from complaints_report.problems import InputError, Problem

    problem = Problem(
        file="complaints.csv",
        message="not a date",
        row=7,
        reference="ASC-1",
        column="received",
        value="31/02/2021",
    )

    def work():
        raise InputError([problem])

    with pytest.raises(InputError) as raised:
        workers.Forked(work).result()
    assert raised.value.problems == [problem]
    assert "complaints.csv" in str(raised.value) and "31/02/2021" in str(raised.value)


def test_an_error_that_cannot_be_sent_back_is_raised_in_its_own_words():
    class Unsendable(Exception):
        def __init__(self, first, second):
            super().__init__(f"{first} and {second}")

    def work():
        raise Unsendable("rows.csv", "the disk is full")

    with pytest.raises(Exception, match="rows.csv and the disk is full"):
        workers.Forked(work).result()


def test_without_fork_the_work_runs_in_this_process_when_its_result_is_asked_for(monkeypatch):
    import os

    monkeypatch.setattr(workers, "CAN_FORK", False)
    ran = []
    forked = workers.Forked(lambda: ran.append(os.getpid()) or "done")
    assert ran == [], "nothing runs before the result is asked for"
    assert forked.result() == "done" and ran == [os.getpid()]


@pytest.mark.skipif(not workers.CAN_FORK, reason="this system cannot fork: Forked runs in the process")
def test_a_stopped_copy_ends_and_leaves_no_process_behind():
    import os

    reading, writing = os.pipe()

    def work():
        os.write(writing, b"started")
        threading.Event().wait()  # until it is stopped

    forked = workers.Forked(work)
    assert os.read(reading, 7) == b"started"  # waits for the copy, not for a length of time
    forked.stop()
    assert not forked.process.is_alive() and forked.process.exitcode is not None


@pytest.mark.skipif(not workers.CAN_FORK, reason="this system cannot fork: Forked runs in the process")
def test_ctrl_c_while_the_build_waits_for_the_copy_stops_the_copy():
    """The copy ignores Ctrl-C (the terminal sends it to both): the build, interrupted while it waits
    for the copy's result, stops it rather than waiting for it to finish."""
    import os

    reading, writing = os.pipe()

    def work():
        os.write(writing, b"started")
        threading.Event().wait()  # would wait for ever

    forked = workers.Forked(work)
    pipe = forked.receiver

    class InterruptedWhileWaiting:
        closed = False

        def recv(self):
            os.read(reading, 7)  # the copy is running
            raise KeyboardInterrupt

        def close(self):
            pipe.close()
            self.closed = True

    forked.receiver = InterruptedWhileWaiting()
    with pytest.raises(KeyboardInterrupt):
        forked.result()
    assert not forked.process.is_alive()
