"""Giving freed memory back to the system between the steps of a large run.

A full reconcile frees large structures as it goes (the claim index once searched, the
claims' vectors once the candidates are found, the stored vectors once aligned). What
FAISS and NumPy allocated through the C library's allocator in many pieces of a few
hundred KB (an inverted file's lists) stays mapped to the process once freed, and
Python's own objects, allocated elsewhere, cannot reuse it: the process's resident size
keeps the high-water mark of every step. :func:`give_back` asks the GNU C library to
return its free pages (``malloc_trim``); elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def _trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not the GNU C library (musl has no malloc_trim)
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back() -> None:
    """Return the C allocator's free memory to the system, where it can (GNU C library)."""
    trim = _trim()
    if trim is not None:
        trim(0)
