"""SQLCipher storage: the only package that writes SQL."""

from __future__ import annotations

from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.opening import create_vault, open_vault

__all__ = ["Vault", "create_vault", "open_vault"]
