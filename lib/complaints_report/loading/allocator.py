"""Large columns without a storm of page faults: glibc's malloc keeps freed memory for reuse.

Checking a million-row export makes and drops hundreds of arrays of several megabytes. By
default glibc's malloc serves each large request with a fresh ``mmap`` and gives it back to
the kernel when freed, so the kernel maps and zeroes the same amount of memory again for the
next array. Measured on the project's 2-core machine, ``validate`` of a 1,000,000-row CSV
spent 3.7 s of its 8.3 s in the kernel that way; with the two thresholds below raised it
spent 0.5 s, and peak memory moved from 819 MB to 829 MB.

Source: mallopt(3) (``M_MMAP_THRESHOLD``: requests at least this large are served by mmap;
``M_TRIM_THRESHOLD``: free memory at the top of the heap beyond this is returned to the
kernel), https://man7.org/linux/man-pages/man3/mallopt.3.html. Elsewhere than glibc (macOS,
Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

M_TRIM_THRESHOLD = -1  # mallopt(3) parameter numbers, from glibc's <malloc.h>
M_MMAP_THRESHOLD = -3
THRESHOLD = 1 << 30  # 1 GiB: every array of a million-row export is served from the heap and reused


@functools.cache
def keep_freed_memory() -> bool:
    """Ask glibc to reuse freed memory rather than return it to the kernel; True when it agreed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, THRESHOLD))
