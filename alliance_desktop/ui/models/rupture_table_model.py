"""Rupture entries as a table: one client's log, or the practice's open ruptures.

Rows are handed over by the views (from `practice.ruptures`); the model keeps their order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.services.rupture_log import OpenRupture
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.models.row_table_model import RowTableModel
from alliance_desktop.ui.rupture_wording import (
    OUTCOME_COLOURS,
    RAISED_BY_WORDS,
    outcome_text,
    significance_text,
)

(
    CLIENT_COLUMN,
    DATE_COLUMN,
    KIND_COLUMN,
    SIGNIFICANCE_COLUMN,
    RAISED_BY_COLUMN,
    OUTCOME_COLUMN,
    FOLLOW_UP_COLUMN,
) = range(7)
_HEADERS = ("Client", "Date", "Kind", "Significance", "Raised by", "Outcome", "Follow-up")

RUPTURE_ID_ROLE = Qt.ItemDataRole.UserRole
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class RuptureRow:
    entry: RuptureEntry
    client_name: str = ""
    follow_up_due: bool = False

    @classmethod
    def from_open(cls, found: OpenRupture) -> RuptureRow:
        return cls(found.entry, found.client_name, found.follow_up_due)

    @classmethod
    def from_log(cls, entry: RuptureEntry, today: dt.date) -> RuptureRow:
        due = entry.is_open and entry.follow_up_on is not None and entry.follow_up_on <= today
        return cls(entry, follow_up_due=due)


class RuptureTableModel(RowTableModel[RuptureRow]):
    headers = _HEADERS

    def row_of(self, rupture_id: int) -> int | None:
        for row, found in enumerate(self._rows):
            if found.entry.id == rupture_id:
                return row
        return None

    def cell(self, row: RuptureRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == RUPTURE_ID_ROLE:
            return row.entry.id
        if role == CLIENT_ID_ROLE:
            return row.entry.client_id
        if role == Qt.ItemDataRole.DecorationRole and column == OUTCOME_COLUMN:
            return OUTCOME_COLOURS[row.entry.outcome]
        if role == Qt.ItemDataRole.FontRole and column == FOLLOW_UP_COLUMN and row.follow_up_due:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, row: RuptureRow, column: int) -> str:
        entry = row.entry
        style = self._date_style
        if column == CLIENT_COLUMN:
            return row.client_name
        if column == DATE_COLUMN:
            return short_date(entry.occurred_on, style)
        if column == KIND_COLUMN:
            return entry.kind.label
        if column == SIGNIFICANCE_COLUMN:
            return significance_text(entry.significance)
        if column == RAISED_BY_COLUMN:
            return RAISED_BY_WORDS[entry.raised_by]
        if column == OUTCOME_COLUMN:
            return outcome_text(entry.outcome)
        if entry.follow_up_on is None:
            return ""
        follow_up = short_date(entry.follow_up_on, style)
        return f"{follow_up} · due" if row.follow_up_due else follow_up

    @staticmethod
    def _tooltip(row: RuptureRow) -> str:
        entry = row.entry
        lines = []
        if entry.markers:
            lines.append("Markers: " + "; ".join(entry.markers))
        if entry.repairs:
            lines.append("Tried: " + "; ".join(r.strategy.label for r in entry.repairs))
        if entry.note:
            lines.append(entry.note if len(entry.note) < 200 else entry.note[:200] + "…")
        if row.follow_up_due:
            lines.append("The planned follow-up is due.")
        return "\n".join(lines) or "No markers, repairs or note recorded yet."
