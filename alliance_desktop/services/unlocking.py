"""Opening a vault key first, for the unlock window and the commands.

Deriving the key (SQLCipher's PBKDF2, about 0.1 s) runs in C with Python's lock released, while
loading the use cases and the window is Python work. So the key is derived before the use cases
load, and the caller loads what it needs next meanwhile (the window's modules on the UI thread,
a command's use cases on a second thread); importing `Practice` first would put the two one
after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_desktop.services.practice import Practice


def open_practice(
    path: Path, passphrase: str, deriving: Callable[[], None] | None = None
) -> Practice:
    """`deriving()` is called as the key derivation starts (the vault's checks done): the
    moment for the caller to load what comes next (sooner, the two threads would take turns
    loading, and the key would start later)."""
    from alliance_desktop.vault.opening import open_vault

    vault = open_vault(path, passphrase, deriving=deriving)
    try:
        from alliance_desktop.services.practice import Practice

        return Practice(vault)
    except BaseException:
        vault.close()
        raise


def create_practice(path: Path, passphrase: str) -> Practice:
    from alliance_desktop.services.practice import Practice

    return Practice.create(path, passphrase)
