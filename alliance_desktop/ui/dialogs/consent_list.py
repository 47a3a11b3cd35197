"""The Consent tab's table of consent records, with Add, Edit and Remove."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
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

from alliance_desktop.domain.client import ConsentKind, ConsentRecord
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.share_consent import ShareCategory, parse_share_scope
from alliance_desktop.ui import messages
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.dialogs.consent_dialog import ConsentDialog

_HEADERS = ("Consent", "Given on", "Scope", "Withdrawn on")


def scope_text(record: ConsentRecord) -> str:
    """The scope as the clinician reads it: categories by their names, and for informed
    consent whether the limits of confidentiality were explained."""
    text = record.scope.replace("\n", " ")
    if record.kind is ConsentKind.HANDOVER_SHARING:
        try:
            agreed = parse_share_scope(record.scope)
        except InvalidInput:
            return text
        return "; ".join(c.label for c in ShareCategory if c in agreed)
    if record.kind is ConsentKind.INFORMED_CONSENT:
        limits = (
            "limits of confidentiality explained"
            if record.limits_explained
            else ("limits of confidentiality not recorded as explained")
        )
        return f"{text} · {limits}" if text else limits
    return text


class ConsentList(QWidget):
    def __init__(
        self, today: dt.date, date_style: DateStyle, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._date_style = date_style
        self._records: list[ConsentRecord] = []

        self.table = QTableWidget(0, len(_HEADERS))
        self.table.setAccessibleName("Consent records")
        self.table.setHorizontalHeaderLabels(_HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("Add consent…")
        self.edit_button = QPushButton("Edit…")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip(
            "For a record entered by mistake. To record a withdrawal, edit the record instead."
        )

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self._edit_selected())
        self._update_buttons()

    def records(self) -> tuple[ConsentRecord, ...]:
        return tuple(self._records)

    def set_records(self, records: Sequence[ConsentRecord]) -> None:
        self._records = list(records)
        self._show_records()

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        has_selection = self._selected_row() is not None
        self.edit_button.setEnabled(has_selection)
        self.remove_button.setEnabled(has_selection)

    def _add(self) -> None:
        record = ConsentDialog.edit(self, None, self._today, self._date_style)
        if record is not None:
            self._records.append(record)
            self._show_records()
            self.table.selectRow(len(self._records) - 1)

    def _edit_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        record = ConsentDialog.edit(self, self._records[row], self._today, self._date_style)
        if record is not None:
            self._records[row] = record
            self._show_records()
            self.table.selectRow(row)

    def _remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        record = self._records[row]
        question = (
            f"Remove the record “{record.kind.label}” given on "
            f"{short_date(record.given_on, self._date_style)}?\n\n"
            "Only do this for a record entered by mistake. If the client withdrew consent, "
            "edit the record and add the withdrawal date instead, so the history is kept."
        )
        if messages.confirm(self, "Remove consent record", question, "Remove"):
            del self._records[row]
            self._show_records()

    def _show_records(self) -> None:
        self.table.setRowCount(len(self._records))
        for row, record in enumerate(self._records):
            cells = (
                record.kind.label,
                short_date(record.given_on, self._date_style),
                scope_text(record),
                short_date(record.withdrawn_on, self._date_style) or "—",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(record.scope if column == 2 else text)
                if column == 3 and record.withdrawn_on is None:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self._update_buttons()
