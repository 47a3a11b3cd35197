"""Safekeeping from the window: Back up now…, Restore from a backup…, Change passphrase…, and
the daily automatic backup. Each goes through the same services the command line uses
(`Safekeeping`, `restore_vault`, `BackupDiary`), on the database worker, with a progress
window while it runs and one clear result or refusal after.

Restoring replaces the vault this window has open, so the window does not do it under itself:
it asks the app session (`restore_requested`) to close the vault as a lock does (drafts kept
first), restore on the worker, and come back at the unlock window with the outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)
from shiboken6 import isValid

from alliance_desktop.domain.backup_status import BackupRecord
from alliance_desktop.domain.vault_errors import VaultError
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import BACKUP_SUFFIX
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.backup_preferences import BackupPreferences
from alliance_desktop.ui.dialogs.passphrase_change_dialog import (
    PassphraseChange,
    PassphraseChangeDialog,
)
from alliance_desktop.ui.draft_book import current_book
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

# The questions and answers, replaceable in tests (a modal box would wait for a click).


def tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def choose_backup_file(parent: QWidget | None, folder: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        "Restore from a backup",
        str(folder),
        f"Alliance Desktop backups (*{BACKUP_SUFFIX});;All files (*)",
    )
    return Path(chosen) if chosen else None


def ask_backup_passphrase(parent: QWidget | None, backup: Path) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        "Passphrase of the backup",
        f"The passphrase that opens {backup.name}\n(the one the vault had when it was backed up):",
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def ask_new_passphrase(parent: QWidget | None) -> PassphraseChange | None:
    return PassphraseChangeDialog.ask(parent)


def _working(parent: QWidget | None, text: str) -> QProgressDialog:
    """A small window saying what is happening while the worker runs (no Cancel: a backup
    or a passphrase change half done is worse than one finished)."""
    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setWindowTitle("Safekeeping")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setMinimumWidth(420)
    progress.show()
    return progress


class SafekeepingWork(QObject):
    status_message = Signal(str)
    backup_changed = Signal(object, object)  # BackupRecord | None, now
    restore_requested = Signal(object, str)  # backup Path, its passphrase

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._tasks = tasks
        self._window = window
        self._progress: QProgressDialog | None = None

    # Status

    def show_last_backup(self) -> None:
        practice = self._practice
        self._tasks.submit(
            lambda: (practice.backups.last_backup(), practice.local_now()),
            lambda loaded: emit(self.backup_changed, *loaded),
            lambda _error: None,  # the status line stays as it was; nothing was asked
        )

    # Back up now

    def back_up_now(self) -> None:
        practice = self._practice
        folder_hint = "your backup folder"
        self._start("Backing up the vault and reading the copy back…")

        def done(record: BackupRecord) -> None:
            self._finish()
            emit(self.backup_changed, record, practice.local_now())
            if record.verified:
                emit(self.status_message, f"Backed up and checked: {record.path.name}.")
                tell(
                    self._window,
                    "Backup made",
                    f"The vault was backed up to\n{record.path}\nand the copy was read back "
                    "in full: it is whole. It is encrypted and opens with the vault's current "
                    f"passphrase. Older backups in {folder_hint} are thinned out automatically "
                    "(recent days, then weeks, then months are kept).",
                )
            else:
                tell(
                    self._window,
                    "Backup made, but it could not be read back",
                    f"A backup was written to\n{record.path}\nbut reading it back failed, so "
                    "do not rely on it. Check the folder (a full or removed disk?) and try again.",
                )

        self._tasks.submit(practice.backups.back_up_now, done, self._failed("No backup was made"))

    def back_up_if_due(self) -> None:
        """After unlocking: the day's automatic backup, if it is on and not yet made today."""
        practice = self._practice

        def done(record: BackupRecord | None) -> None:
            if record is not None:
                checked = "checked" if record.verified else "NOT readable: make another"
                emit(self.status_message, f"Today's automatic backup: {record.path} ({checked}).")
            self.show_last_backup()

        def failed(error: Exception) -> None:
            emit(
                self.status_message,
                f"Today's automatic backup failed: {messages.describe_error(error)}",
            )
            self.show_last_backup()

        self._tasks.submit(practice.backups.back_up_if_due, done, failed)

    def backup_preferences(self) -> BackupPreferences:
        """The Backups part of Preferences, filled once the worker has read the vault."""
        section = BackupPreferences()
        practice = self._practice

        def load() -> tuple[Path, bool, BackupRecord | None, dt.datetime]:
            return (
                practice.safekeeping.backup_folder(),
                practice.backups.automatic(),
                practice.backups.last_backup(),
                practice.local_now(),
            )

        def loaded(values: tuple[Path, bool, BackupRecord | None, dt.datetime]) -> None:
            if isValid(section):
                section.fill(*values)

        self._tasks.submit(load, loaded)
        return section

    def save_backup_preferences(self, section: BackupPreferences) -> None:
        chosen = section.choice()
        if chosen is None:
            return
        folder, automatic = chosen
        backups, safekeeping = self._practice.backups, self._practice.safekeeping

        def work() -> None:
            safekeeping.choose_backup_folder(folder)
            backups.set_automatic(folder if automatic else None)

        def saved(_none: None) -> None:
            said = "Daily backups" if automatic else "Backups (when you ask)"
            emit(self.status_message, f"{said} go to {folder}.")
            if automatic:
                self.back_up_if_due()

        self._tasks.submit(work, saved, self._failed("The backup settings were not saved"))

    # Restore

    def restore_from_backup(self) -> None:
        folder = self._practice.safekeeping.backup_folder()
        backup = choose_backup_file(self._window, folder)
        if backup is None:
            return
        if backup.resolve() == self._practice.vault_path.resolve():
            tell(self._window, "Not restored", "Choose a backup file, not the vault itself.")
            return
        book = current_book()
        unsaved = len(book.drafts()) if book is not None else 0
        drafts_note = (
            f"\n\nYou have {unsaved} unsaved draft{'s' if unsaved != 1 else ''}. They stay "
            "with the vault being replaced, not the backup: save them first if you need them."
            if unsaved
            else ""
        )
        question = (
            f"Replace the vault with the backup {backup.name}?\n\nThis window will close the "
            "vault, check the backup in full, and only then put it in place. The vault as it "
            "is now is kept beside it (named …replaced-DATE), never deleted. Then you unlock "
            "again with the backup's passphrase. If the backup is not whole, or the vault is "
            f"open in another window, nothing is replaced.{drafts_note}"
        )
        if not messages.confirm(self._window, "Restore from a backup", question, "Restore"):
            return
        passphrase = ask_backup_passphrase(self._window, backup)
        if passphrase is None:
            return
        emit(self.restore_requested, backup, passphrase)

    # Passphrase

    def change_passphrase(self) -> None:
        change = ask_new_passphrase(self._window)
        if change is None:
            return
        safekeeping = self._practice.safekeeping
        folder = safekeeping.backup_folder()
        self._start("Backing up, then changing the passphrase…")

        def done(backup: Path) -> None:
            self._finish()
            emit(self.status_message, "Passphrase changed.")
            tell(
                self._window,
                "Passphrase changed",
                "The vault now opens with the new passphrase only; the old one no longer "
                f"opens it.\n\nA backup taken just before the change is at\n{backup}\n(it "
                "opens with the OLD passphrase).",
            )

        def failed(error: Exception) -> None:
            self._finish()
            said = messages.describe_error(error)
            messages.show_error(
                self._window,
                "The passphrase was not changed",
                VaultError(f"{said} Backups of the vault are in {folder}."),
            )

        self._tasks.submit(
            lambda: safekeeping.change_passphrase(change.current, change.new, change.confirmation),
            done,
            failed,
        )

    # Progress

    def _start(self, text: str) -> None:
        self._finish()
        self._progress = _working(self._window, text)

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _failed(self, title: str) -> Callable[[Exception], None]:
        def failed(error: Exception) -> None:
            self._finish()
            messages.show_error(self._window, title, error)

        return failed
