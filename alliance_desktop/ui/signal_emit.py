"""Emit Qt signals from Python without slowly destroying `True` (a PySide6 6.12 refcount bug).

PySide6 6.12.0's `SignalInstance.emit()` returns `True` without taking a reference to it, so
every emit made from Python drops one reference to the shared `True` object. On Python 3.11
`True` is not immortal: after some thousands of emits the interpreter aborts with "bool_dealloc:
deallocating True or False" (seen at the end of this test suite, and due in a long working day).

All emits in `ui` go through `emit()`, which hands the reference back when this PySide has the
bug. Whether it does is measured once at import, so a fixed PySide needs no change here; should
the measurement ever be wrong, an extra reference to `True` is harmless.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 64


class _Probe(QObject):
    ping = Signal()


_TRUE = ctypes.py_object(True)


def _emit_drops_a_reference_to_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    dropped = before - sys.getrefcount(True)
    # Other threads may touch True meanwhile; the bug shows as one drop per emit.
    buggy = dropped >= _PROBE_EMITS - 4
    if buggy:
        for _ in range(_PROBE_EMITS):  # give back what the probe itself took
            ctypes.pythonapi.Py_IncRef(_TRUE)
    return buggy


_GIVE_BACK = _emit_drops_a_reference_to_true()


def emit(signal: SignalInstance, *args: Any) -> None:
    """`signal.emit(*args)`, keeping `True`'s reference count honest."""
    # The stubs say emit() returns None; at run time it returns a bool.
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]
    if _GIVE_BACK and result is True:
        ctypes.pythonapi.Py_IncRef(_TRUE)
