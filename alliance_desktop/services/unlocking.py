"""Opening a vault from the unlock window, key first.

Deriving the key (SQLCipher's PBKDF2, about 0.1 s) runs in C with Python's lock released, while
loading the use cases and the window is Python work. So the worker derives the key before it
loads the use cases, and the window's modules load on the UI thread meanwhile; importing
`Practice` first would put the two one after the other.
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
    moment for the window's modules to load on the UI thread (sooner, the two threads would
    take turns loading, and the key would start later)."""
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
