"""Room for the records in a narrow window.

Below `COMPACT_BELOW` pixels wide (the 900×600 minimum, a window beside another) the
navigation narrows and every page's margins shrink, so the width goes to what the clinician
reads rather than to frames. Wider windows keep the roomy layout each page asks for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject
from PySide6.QtWidgets import QLayout, QScrollArea, QStackedWidget, QWidget

COMPACT_BELOW = 1100
NAV_WIDTH = 190
COMPACT_NAV_WIDTH = 150
COMPACT_MARGINS = QMargins(16, 14, 16, 12)
_ROOMY = "roomyMargins"  # a page's own margins, kept to give back when the window widens


def is_compact(width: int) -> bool:
    return width < COMPACT_BELOW


def _framing_layout(page: QWidget) -> QLayout | None:
    """The layout holding the page's margins: its own, or, for a page that scrolls as a whole
    (Today), the one inside its scroll area."""
    layout = page.layout()
    if layout is None or not layout.contentsMargins().isNull() or layout.count() != 1:
        return layout
    item = layout.itemAt(0)
    only = item.widget() if item is not None else None
    body = only.widget() if isinstance(only, QScrollArea) else None
    return body.layout() if body is not None else layout


def fit_page(page: QWidget, compact: bool) -> None:
    """Give `page` the compact margins, or back the ones it was built with."""
    layout = _framing_layout(page)
    if layout is None:
        return
    roomy = page.property(_ROOMY)
    if not isinstance(roomy, QMargins):
        roomy = layout.contentsMargins()
        page.setProperty(_ROOMY, roomy)
    layout.setContentsMargins(COMPACT_MARGINS if compact else roomy)


class WindowRoom(QObject):
    """Watches `window`'s width and fits `navigation` and the pages of `pages` to it (a page
    built later is fitted when it is first shown)."""

    def __init__(self, window: QWidget, navigation: QWidget, pages: QStackedWidget) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._pages = pages
        self.compact = False
        navigation.setFixedWidth(NAV_WIDTH)
        window.installEventFilter(self)
        pages.currentChanged.connect(self._fit_current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.fit(self._window.width())
        return super().eventFilter(watched, event)

    def fit(self, width: int) -> None:
        compact = is_compact(width)
        if compact == self.compact:
            self._fit_current()
            return
        self.compact = compact
        self._navigation.setFixedWidth(COMPACT_NAV_WIDTH if compact else NAV_WIDTH)
        for index in range(self._pages.count()):
            page = self._pages.widget(index)
            if page is not None:
                fit_page(page, compact)

    def _fit_current(self, *_index: int) -> None:
        page = self._pages.currentWidget()
        if page is not None:
            fit_page(page, self.compact)
