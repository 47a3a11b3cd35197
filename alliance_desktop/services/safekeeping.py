"""Backups, restore and passphrase change: keeping the records safe from loss and mistakes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from alliance_desktop.domain.backup_rotation import backups_to_keep
from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.services.export_targets import check_export_file
from alliance_desktop.services.private_folders import make_private_folder
from alliance_desktop.vault.connection import Clock, Vault, system_clock
from alliance_desktop.vault.copies import export_copy, record_backup
from alliance_desktop.vault.passphrase_change import change_passphrase
from alliance_desktop.vault.restoring import restore_copy
from alliance_desktop.vault.settings_repository import SettingsRepository

BACKUP_SUFFIX = ".vault-backup"
_STAMP = "%Y%m%d-%H%M%S"
_FOLDER_KEY = "backup_folder"


class Safekeeping:
    def __init__(self, vault: Vault, settings: SettingsRepository) -> None:
        self._vault = vault
        self._settings = settings

    def backup_folder(self) -> Path:
        chosen = self._settings.get(_FOLDER_KEY)
        return Path(chosen) if chosen else self._vault.path.parent / "Backups"

    def choose_backup_folder(self, folder: Path) -> Path:
        self._settings.put(_FOLDER_KEY, str(Path(folder).resolve()))
        return self.backup_folder()

    def back_up(self, target: Path | None = None) -> Path:
        """An encrypted copy now: to `target`, or into the backup folder (then rotated)."""
        if target is not None:
            copy = export_copy(self._vault, check_export_file(Path(target)))
            record_backup(self._vault, "vault.backed_up")
            return copy
        folder = self.backup_folder()
        make_private_folder(folder)
        os.chmod(folder, 0o700)
        stamp = self._vault.clock().astimezone().strftime(_STAMP)
        copy = export_copy(self._vault, folder / f"{self._vault.path.stem}-{stamp}{BACKUP_SUFFIX}")
        record_backup(self._vault, "vault.backed_up")
        self._rotate(folder)
        return copy

    def backups(self) -> list[Path]:
        """This vault's automatic backups, newest first."""
        return [path for path, _ in self._dated_backups(self.backup_folder())]

    def change_passphrase(self, current: str, new: str, confirmation: str | None = None) -> Path:
        """Back up first, then rekey; returns the backup (it keeps the old passphrase)."""
        copy = self.back_up()
        change_passphrase(self._vault, current, new, confirmation)
        return copy

    def _rotate(self, folder: Path) -> None:
        dated = self._dated_backups(folder)
        keep = backups_to_keep(moment for _, moment in dated)
        for path, moment in dated:
            if moment not in keep:
                path.unlink(missing_ok=True)

    def _dated_backups(self, folder: Path) -> list[tuple[Path, dt.datetime]]:
        prefix = f"{self._vault.path.stem}-"
        found = []
        for path in folder.glob(f"{prefix}*{BACKUP_SUFFIX}") if folder.is_dir() else []:
            stamp = path.name[len(prefix) : -len(BACKUP_SUFFIX)]
            try:
                found.append((path, dt.datetime.strptime(stamp, _STAMP)))
            except ValueError:
                continue  # not one of ours
        return sorted(found, key=lambda item: item[1], reverse=True)


def restore_vault(
    vault_path: Path, backup: Path, passphrase: str, clock: Clock = system_clock
) -> Path | None:
    """Put a backup in place of a closed vault; returns where the replaced vault was kept."""
    if Path(backup).resolve() == Path(vault_path).resolve():
        raise VaultError("Choose a backup file, not the vault itself.")
    return restore_copy(backup, vault_path, passphrase, clock().strftime(_STAMP))
