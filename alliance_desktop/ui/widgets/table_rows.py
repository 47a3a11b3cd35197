"""A table that never shrinks below a few rows.

In a short window (900×600) a table sharing its tab with filters and a details pane was
squeezed to its header alone: the list it exists to show was out of sight. A minimum of a few
rows makes the pane beside it (which scrolls) give way instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView


def keep_rows_in_view(table: QTableView, rows: int = 2) -> None:
    header = table.horizontalHeader().sizeHint().height()
    row = table.verticalHeader().defaultSectionSize()
    scroll_bar = table.horizontalScrollBar().sizeHint().height()
    frame = 2 * table.frameWidth()
    table.setMinimumHeight(header + rows * row + scroll_bar + frame)
