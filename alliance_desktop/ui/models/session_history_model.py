"""A client's sessions as a table, newest first: rows are CalendarEntry values (no notes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.models.row_table_model import RowTableModel
from alliance_desktop.ui.widgets.calendar_layout import day_name, describe_entry, time_range
from alliance_desktop.ui.widgets.status_palette import look, status_icon

DATE_COLUMN, TIME_COLUMN, STATUS_COLUMN, KIND_COLUMN, MODALITY_COLUMN = range(5)
_HEADERS = ("Date", "Time", "Status", "Kind", "Modality")
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole


class SessionHistoryModel(RowTableModel[CalendarEntry]):
    headers = _HEADERS

    def set_rows(self, rows: Sequence[CalendarEntry]) -> None:
        """Show the sessions newest first (the service gives them oldest first)."""
        super().set_rows(sorted(rows, key=lambda e: (e.start, e.session_id), reverse=True))

    def entry_at(self, row: int) -> CalendarEntry:
        return self.row_at(row)

    def row_of(self, session_id: int) -> int | None:
        return next((n for n, e in enumerate(self._rows) if e.session_id == session_id), None)

    def cell(self, entry: CalendarEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return describe_entry(entry)
        if role == SESSION_ID_ROLE:
            return entry.session_id
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
            return status_icon(entry.status)  # colour and symbol beside the status word
        if role == Qt.ItemDataRole.FontRole and look(entry.status).struck:
            font = QFont()
            font.setStrikeOut(column in (DATE_COLUMN, TIME_COLUMN))
            return font
        return None

    def _display(self, entry: CalendarEntry, column: int) -> str:
        if column == DATE_COLUMN:
            day = entry.start.date()
            return f"{day_name(day)[:3]} {short_date(day, self._date_style)}"
        if column == TIME_COLUMN:
            return time_range(entry.start, entry.duration_minutes)
        if column == STATUS_COLUMN:
            return entry.status.label  # the icon beside it carries the colour and symbol
        if column == KIND_COLUMN:
            return entry.kind.label
        return entry.modality.label
