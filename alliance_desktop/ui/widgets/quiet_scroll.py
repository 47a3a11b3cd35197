"""A scroll area drawn on the colour of what holds it: no frame, no background of its own and
a slim bar (the style sheet's `QScrollArea#quietScroll`). Pages, tabs and dialogs scroll this
way when a short or narrow window cannot show all they hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

QUIET_SCROLL = "quietScroll"


def make_quiet(scroll: QScrollArea, *, sideways: bool = False) -> QScrollArea:
    """Style `scroll` quietly; it scrolls up and down only unless `sideways`."""
    scroll.setObjectName(QUIET_SCROLL)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def quiet_scroll(body: QWidget, *, sideways: bool = False) -> QScrollArea:
    """A quiet scroll area around `body`."""
    scroll = make_quiet(QScrollArea(), sideways=sideways)
    scroll.setWidget(body)
    return scroll
