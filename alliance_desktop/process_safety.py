"""Process-wide protection applied first thing, before any passphrase is typed or read.

A crash must not write the passphrase and decrypted records into a core file: core dumps are
switched off (`RLIMIT_CORE` 0) and, on Linux, the process is marked not dumpable
(`PR_SET_DUMPABLE` 0), which also stops other programs of the same user attaching a debugger
to read its memory. Folders the app makes are private whatever the umask (issue 12, case 11).
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def disable_core_dumps() -> None:
    """No core file, no debugger attach. Best effort where the OS has no such switch."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        libc = _libc()
        if libc is not None:
            libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool | None:
    """Whether the kernel would write a core for this process (None where it cannot be told)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = _libc()
    return None if libc is None else bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))


def _libc() -> ctypes.CDLL | None:
    # The running program's own symbols include libc's: no `find_library`, which runs
    # ldconfig in a subprocess (tens of milliseconds before every window and command).
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
