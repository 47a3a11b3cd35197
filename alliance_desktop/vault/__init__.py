"""SQLCipher storage: the only package that writes SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliance_desktop.vault.connection import Vault
    from alliance_desktop.vault.opening import create_vault, open_vault

__all__ = ["Vault", "create_vault", "open_vault"]


def __getattr__(name: str) -> Any:
    """SQLCipher and the repositories load on first use, so a light module of this package
    (private_folders, for the unlock window's settings) does not bring them with it."""
    if name == "Vault":
        from alliance_desktop.vault.connection import Vault

        return Vault
    if name in ("create_vault", "open_vault"):
        from alliance_desktop.vault import opening

        return getattr(opening, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
