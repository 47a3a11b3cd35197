"""One line about the last backup ("Last backup: today 09:12 (verified)"), with a warning
beneath it when the records are not safely backed up (none, a week old, not read back)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from alliance_desktop.domain.backup_status import BackupRecord, backup_line, backup_warning


class BackupStatusLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLabel()
        self.line.setObjectName("quietNote")
        self.warning = QLabel()
        self.warning.setObjectName("warningBanner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.line)
        layout.addWidget(self.warning)
        self.hide()  # until the vault has been asked

    def show_backup(self, record: BackupRecord | None, now: dt.datetime) -> None:
        self.line.setText(backup_line(record, now))
        warning = backup_warning(record, now)
        self.warning.setText(warning or "")
        self.warning.setVisible(warning is not None)
        self.show()
