"""Two columns that sit side by side when the pane has room for both, and one under the other
when it does not (a narrow window, the record beside the client list), scrolling together.

A column is never squeezed below what its fields need and never cut at the right edge: the
pane stacks them before that happens.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QScrollArea, QWidget

from alliance_desktop.ui.widgets.quiet_scroll import make_quiet

_SPACING = 16


class SideBySide(QScrollArea):
    def __init__(self, first: QWidget, second: QWidget, column_width: int = 340) -> None:
        super().__init__()
        make_quiet(self)
        self._columns = (first, second)
        self._column_width = column_width
        body = QWidget()
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, body)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(_SPACING)
        self._box.addWidget(first, 1)
        self._box.addWidget(second, 1)
        self.setWidget(body)

    @property
    def stacked(self) -> bool:
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def room_for_both(self, width: int) -> bool:
        needed = sum(
            max(self._column_width, column.minimumSizeHint().width()) for column in self._columns
        )
        return width >= needed + _SPACING

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The scroll bar's width is left out, so showing it cannot flip the columns back.
        width = event.size().width() - self.verticalScrollBar().sizeHint().width()
        direction = (
            QBoxLayout.Direction.LeftToRight
            if self.room_for_both(width)
            else QBoxLayout.Direction.TopToBottom
        )
        if direction != self._box.direction():
            self._box.setDirection(direction)
        super().resizeEvent(event)
