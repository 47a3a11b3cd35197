"""The client list as a table: rows are ClientSummary values handed over by the view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.domain.client import ClientSummary
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.models.row_table_model import RowTableModel

NAME_COLUMN, STATUS_COLUMN, START_COLUMN = range(3)
_HEADERS = ("Name", "Status", "Started")

CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole
# Sorting uses plain keys (casefolded names, ISO dates) so 'Zoë' sorts near 'Zoe' and
# dates sort by time whatever the display style.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ClientTableModel(RowTableModel[ClientSummary]):
    headers = _HEADERS

    def summary_at(self, row: int) -> ClientSummary:
        return self.row_at(row)

    def row_of(self, client_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == client_id:
                return row
        return None

    def cell(self, summary: ClientSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME_COLUMN:
            # Long names are elided in the table; the tooltip always has the whole name.
            return summary.display_name + (" (archived)" if summary.archived else "")
        if role == CLIENT_ID_ROLE:
            return summary.id
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        if role == Qt.ItemDataRole.FontRole and summary.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and summary.archived:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _display(self, summary: ClientSummary, column: int) -> str:
        if column == NAME_COLUMN:
            return summary.display_name
        if column == STATUS_COLUMN:
            label = summary.status.label
            return f"{label} · archived" if summary.archived else label
        return short_date(summary.start_date, self._date_style)

    @staticmethod
    def _sort_key(summary: ClientSummary, column: int) -> str:
        if column == NAME_COLUMN:
            return summary.display_name.casefold()
        if column == STATUS_COLUMN:
            return summary.status.label.casefold()
        return summary.start_date.isoformat() if summary.start_date else ""
