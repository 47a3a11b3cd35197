"""Records and retention: the practice's retention period, each finished client's keep-until
date, and deleting a record for good once its period has run out (never automatically).

The dialog shows and asks; the database work runs on the worker through `RetentionWork`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.retention import (
    MAX_RETENTION_YEARS,
    MIN_RETENTION_YEARS,
    RetentionEntry,
    is_erasable,
)
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.signal_emit import emit

COLUMNS = ("Client", "Status", "Last session", "Keep until", "")


class RetentionDialog(QDialog):
    years_chosen = Signal(int)
    erase_requested = Signal(object)  # the RetentionEntry to delete, confirmed by name

    def __init__(
        self,
        years: int,
        entries: list[RetentionEntry],
        date_style: DateStyle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Records and retention")
        self.setMinimumSize(640, 420)
        self._entries: list[RetentionEntry] = []
        self._date_style = date_style
        # Tests replace this to answer the "type the name" question without a modal box.
        self.ask_name: Callable[[RetentionEntry], str | None] = self._ask_name

        intro = QLabel(
            "A finished client's record is kept for a period after the last session, set by "
            "the rules where you practise. Nothing is deleted automatically: records past "
            "their period are listed first for you to review."
        )
        intro.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setRange(MIN_RETENTION_YEARS, MAX_RETENTION_YEARS)
        self.years.setSuffix(" years")
        self.years.setValue(years)
        self.years.setAccessibleName("Retention period in years")
        self.save_years = QPushButton("Save period")
        self.save_years.setAutoDefault(False)  # Return in the years box must not save by surprise
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Finished clients and how long their records are kept")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_note = QLabel("No client has ended or been handed over yet.")
        self.empty_note.setObjectName("quietNote")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.delete_button = QPushButton("Delete record for good…")
        self.delete_button.setEnabled(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        period = QHBoxLayout()
        period.addWidget(QLabel("Keep records for"))
        period.addWidget(self.years)
        period.addWidget(QLabel("after the last session"))
        period.addWidget(self.save_years)
        period.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(intro)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.explanation)
        layout.addLayout(actions)

        self.save_years.clicked.connect(lambda: emit(self.years_chosen, self.years.value()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self._confirm_delete)
        self.buttons.rejected.connect(self.reject)
        self.show_entries(entries)

    def show_entries(self, entries: list[RetentionEntry]) -> None:
        self._entries = list(entries)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (
                entry.name,
                entry.status.label,
                short_date(entry.last_contact_on, self._date_style),
                short_date(entry.keep_until, self._date_style),
                "Past retention: review" if entry.past_retention else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.explanation)
                self.table.setItem(row, column, item)
        self.table.setColumnHidden(len(COLUMNS) - 1, not any(e.past_retention for e in entries))
        self.table.setVisible(bool(entries))
        self.empty_note.setVisible(not entries)
        self._selection_changed()

    def selected_entry(self) -> RetentionEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.delete_button.setEnabled(entry is not None and is_erasable(entry))
        self.explanation.setText("" if entry is None else entry.explanation)

    def _confirm_delete(self) -> None:
        entry = self.selected_entry()
        if entry is None or not is_erasable(entry):
            return
        typed = self.ask_name(entry)
        if typed is not None and typed.strip() == entry.name.strip():
            emit(self.erase_requested, entry)
        elif typed is not None:
            self.explanation.setText("The name typed did not match; nothing was deleted.")

    def _ask_name(self, entry: RetentionEntry) -> str | None:
        text, accepted = QInputDialog.getText(
            self,
            "Delete record for good",
            f"This deletes every record of {entry.name}: sessions, notes, goals, ruptures and "
            "plans. It cannot be undone. Backups made before today still hold the record until "
            "they rotate out. If you need a copy, export it first (File › Hand over client…).\n\n"
            "Type the client's name to delete the record:",
            QLineEdit.EchoMode.Normal,
        )
        return text if accepted else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return must never press a button here by accident: deleting is always a deliberate
        # click followed by typing the name.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
