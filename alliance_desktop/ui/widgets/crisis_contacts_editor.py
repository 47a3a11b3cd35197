"""The practice's crisis contacts as a small table: name, phone, hours; printed on the safety
plan and on every client page that says what to do if things get worse."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.crisis_contacts import MAX_CRISIS_CONTACTS, CrisisContact

COLUMNS = ("Name", "Phone", "Hours")
_PARTS = {"name": "name", "phone": "phone", "hours": "hours"}


class CrisisContactsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(True)
        header = self.table.horizontalHeader()
        # A service's name is what the clinician checks: it gets the room and wraps, whole,
        # rather than being cut short beside hours that need a few words.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Rows keep the height of the width they were first laid out at unless told again.
        # (After the columns have settled: the stretched one changes last.)
        header.sectionResized.connect(
            lambda *_size: QTimer.singleShot(0, self, self.table.resizeRowsToContents)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(190)  # three wrapped contacts, the usual number, in view
        self.table.setAccessibleName("Crisis contacts")
        self.add_button = QPushButton("Add contact")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected contact")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.table.itemChanged.connect(lambda item: item.setToolTip(item.text()))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self._remove_selected)
        self._update_buttons()

    def set_contacts(self, contacts: tuple[CrisisContact, ...]) -> None:
        self.table.setRowCount(0)
        for contact in contacts:
            self.add_row(contact)
        self._update_buttons()

    def add_row(self, contact: CrisisContact | None = None) -> None:
        if self.table.rowCount() >= MAX_CRISIS_CONTACTS:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (contact.name, contact.phone, contact.hours) if contact else ("", "", "")
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)  # whole, should a cell still be too narrow for it
            self.table.setItem(row, column, item)
        first = self.table.item(row, 0)
        if contact is None and first is not None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(first)
        self._update_buttons()

    def contacts(self) -> tuple[CrisisContact, ...]:
        """Rows as typed; a row left wholly blank is dropped."""
        found = []
        for row in range(self.table.rowCount()):
            name, phone, hours = (self._text(row, column) for column in range(len(COLUMNS)))
            if name.strip() or phone.strip() or hours.strip():
                found.append(CrisisContact(name, phone, hours))
        return tuple(found)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.table.rowCount() < MAX_CRISIS_CONTACTS)
        self.remove_button.setEnabled(self.table.rowCount() > 0)


def contact_problems(problems: dict[str, str]) -> dict[str, str]:
    """The domain's per-contact problems ("crisis_contacts.1.phone") as one message per
    field, each naming the row the clinician sees ("Row 2: ...")."""
    shown: dict[str, str] = {}
    lines = []
    for field, text in problems.items():
        parts = field.split(".")
        if parts[0] != "crisis_contacts":
            shown[field] = text
        elif len(parts) >= 2 and parts[1].isdigit():
            lines.append(f"Row {int(parts[1]) + 1}: {text}")
        else:
            lines.append(text)
    if lines:
        shown["crisis_contacts"] = "\n".join(lines)
    return shown
