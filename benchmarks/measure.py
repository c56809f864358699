"""Run one command and report its wall time and peak memory as one line of JSON.

    python benchmarks/measure.py [--timeout S] [--log FILE] -- command args...

Peak memory is ``ru_maxrss`` of ``getrusage(RUSAGE_CHILDREN)``: the largest resident set of any
one process the command ran and waited for (the command itself, a notebook kernel, pandoc,
Typst), not their sum. It is read in this fresh process so no earlier run is counted.
A command still running after ``--timeout`` seconds is stopped with its whole process group.
Standard library only; Linux and macOS.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description="Time a command and measure its peak memory.")
    parser.add_argument(
        "--timeout", type=float, default=None, help="stop the command after this many seconds"
    )
    parser.add_argument("--log", default=os.devnull, help="file for the command's output")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    arguments = parser.parse_args()
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    if not command:
        parser.error("give the command to run after --")
    with open(arguments.log, "wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        timed_out = False
        try:
            code = process.wait(timeout=arguments.timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(process.pid, signal.SIGKILL)
            code = process.wait()
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_bytes = peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB, macOS bytes
    print(json.dumps({"seconds": seconds, "peak_bytes": peak_bytes, "exit": code, "timed_out": timed_out}))


if __name__ == "__main__":
    main()
