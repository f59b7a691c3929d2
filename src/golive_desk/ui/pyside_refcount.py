"""Guard against PySide6 builds that drop references to None, True and False.

Seen with PySide6 6.12.0 (the cp310-abi3 wheel) on CPython 3.11: every call of a
void Qt method from Python (``setText``, ``setVisible`` …) gives back ``None``
without taking a reference, and every ``SignalInstance.emit()`` does the same
with ``True`` — as if the singletons were immortal, which they are only from
CPython 3.12 on. On 3.11 each call then lowers their reference counts by one,
and after some 10⁴ calls (minutes of normal use; seconds of scrolling a big
register) the interpreter aborts with "none_dealloc" or "bool_dealloc".

:func:`protect` measures whether this PySide6 leaks and, if it does, gives the
three singletons a reference count no session can run down — what CPython
3.12 does for them anyway. Remove this module once the supported PySide6
builds no longer leak (or Python 3.11 support is dropped).
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

_HEADROOM = 1 << 40  # far more calls than any session makes
_PROBES = 16


def leaks() -> bool:
    """True when void calls or ``emit()`` lose references to None or True."""
    probe = QObject()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
        probe.objectNameChanged.emit("probe")
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    return lost_none >= _PROBES or lost_true >= _PROBES


def protect() -> bool:
    """Make None, True and False outlive a leaking PySide6; returns True if it was needed."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal there: nothing to run down
    if not leaks():
        return False
    raised = False
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _HEADROOM:  # once per process
            count.value += _HEADROOM
            raised = True
    if raised:
        log.warning("this PySide6 build leaks references to None/True; protected them")
    return True
