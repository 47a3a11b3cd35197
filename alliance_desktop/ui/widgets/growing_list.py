"""A list as tall as its rows, for lists inside a page that scrolls as a whole: no box with
scroll bars of its own inside the scrolling page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListWidget, QWidget


class GrowingList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)

    def fit_rows(self) -> None:
        """Take exactly the height of every row; call after filling the list."""
        self.doItemsLayout()
        height = sum(max(self.sizeHintForRow(row), 0) for row in range(self.count()))
        self.setFixedHeight(height + 2 * self.frameWidth() + 8)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(
                0, self, self.fit_rows
            )  # after the rows are laid out at the new width
