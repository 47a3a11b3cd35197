"""The ways opening or writing a vault can fail, each with a message a clinician can act on.

They live in the domain (not in `vault`) so the CLI and the UI can tell them apart without
importing the storage layer.
"""

from __future__ import annotations

from pathlib import Path


class VaultError(Exception):
    """Base class: str(error) is one clear sentence for the GUI or the CLI's stderr."""


class VaultMissing(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"There is no vault at {path}. Create one there, or choose another file.")


class VaultAlreadyExists(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"A file already exists at {path}; choose another name for a new vault.")


class WrongPassphrase(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"Wrong passphrase for {path}. Nothing was changed; try again.")


class NotAVault(VaultError):
    def __init__(self, path: Path, what_it_is: str) -> None:
        self.path = path
        self.what_it_is = what_it_is
        super().__init__(f"{path} is not an Alliance Desktop vault: {what_it_is}.")


class DamagedVault(VaultError):
    def __init__(self, path: Path, detail: str, damaged_pages: tuple[int, ...] = ()) -> None:
        self.path = path
        self.damaged_pages = damaged_pages
        super().__init__(
            f"The vault at {path} is damaged: {detail}. Restore it from a backup; "
            "the damaged file has not been changed."
        )


class StaleWriteAheadLog(VaultError):
    """A -wal file beside the vault holds changes that cannot be the vault's own; SQLite would
    merge it into the vault on opening, so the vault is not opened until it is moved aside."""

    def __init__(self, path: Path, log: Path, reason: str) -> None:
        self.path = path
        self.log = log
        self.reason = reason
        super().__init__(
            f"A stale write-ahead log ({log}) lies beside the vault at {path}: {reason}. "
            "Move it aside (keep it; do not delete it) before opening the vault; "
            "neither file has been changed."
        )


class VaultTooNew(VaultError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"The vault at {path} was written by a newer version of Alliance Desktop "
            f"(schema {found}; this version knows up to {supported}). "
            "Update the app to open it; the vault has not been changed."
        )


class VaultWriteFailed(VaultError):
    def __init__(self, reason: str) -> None:
        super().__init__(f"Could not save: {reason}. Nothing from this change was written.")
