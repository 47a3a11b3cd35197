"""Refusals that keep a vault in one piece: an export aimed at the vault or something that is
not a plain file, and a vault already open for writing elsewhere. Subclasses of VaultError, so
the CLI and the UI say them as one line like every other vault failure."""

from __future__ import annotations

from pathlib import Path

from alliance_desktop.domain.vault_errors import VaultError


class UnsafeExportTarget(VaultError):
    """Writing an export to `path` would destroy something that must not be replaced."""

    def __init__(self, path: Path, what_it_is: str) -> None:
        self.path = path
        self.what_it_is = what_it_is
        super().__init__(
            f"Will not write to {path}: {what_it_is}. Choose a new file name; nothing was written."
        )


class VaultInUse(VaultError):
    """Another window or program holds the vault open for writing."""

    def __init__(self, path: Path, holder: str, action: str = "open it here") -> None:
        self.path = path
        self.holder = holder
        super().__init__(
            f"The vault at {path} is {holder}; close it there first, then {action}. "
            "Nothing was changed."
        )


class WrongPassphraseForm(VaultError):
    """A passphrase SQLCipher would misread: raw key bytes (x'…') or a NUL that cuts it short."""

    def __init__(self) -> None:
        super().__init__(
            "That cannot be a vault passphrase: it is written as raw key bytes (x'…') or "
            "holds a NUL character. Nothing was opened or changed."
        )
