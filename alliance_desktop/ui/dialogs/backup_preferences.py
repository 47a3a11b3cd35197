"""The Backups part of Preferences: where automatic backups go, whether they are made each
day, and when the last one was made. Filled from the vault once the worker has read it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.backup_status import BackupRecord
from alliance_desktop.ui.widgets.backup_status_line import BackupStatusLine

NOTE = (
    "Each backup is a whole, encrypted copy of the vault, read back after it is written; it "
    "opens with the vault's passphrase. A USB stick or a synced folder is fine. Older "
    "backups are thinned out: recent days, then weeks, then months are kept."
)


def choose_folder(parent: QWidget | None, start: Path) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, "Folder for backups", str(start))
    return Path(chosen) if chosen else None


class BackupPreferences(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("Backups")
        title.setObjectName("sectionTitle")
        self.status = BackupStatusLine()
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText("Reading the vault…")
        self.choose_button = QPushButton("Choose…")
        self.automatic = QCheckBox("Back up automatically on the first unlock of each day")
        note = QLabel(NOTE)
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Folder"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.status)
        layout.addLayout(folder_row)
        layout.addWidget(self.automatic)
        layout.addWidget(note)
        self._loaded: tuple[Path, bool] | None = None
        self.setEnabled(False)  # until filled
        self.choose_button.clicked.connect(self._choose)

    def fill(
        self, folder: Path, automatic: bool, record: BackupRecord | None, now: dt.datetime
    ) -> None:
        self.folder.setText(str(folder))
        self.automatic.setChecked(automatic)
        self.status.show_backup(record, now)
        self._loaded = (folder, automatic)
        self.setEnabled(True)
        window = self.window()
        if window is not self:
            window.adjustSize()  # the status and its warning can need more room than before

    def choice(self) -> tuple[Path, bool] | None:
        """(folder, automatic) when changed from what the vault holds; else None."""
        if self._loaded is None:
            return None
        chosen = (Path(self.folder.text()), self.automatic.isChecked())
        return None if chosen == self._loaded else chosen

    def _choose(self) -> None:
        folder = choose_folder(self, Path(self.folder.text() or Path.home()))
        if folder is not None:
            self.folder.setText(str(folder))
            self.automatic.setChecked(True)  # choosing a folder is asking for backups there
