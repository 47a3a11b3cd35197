"""The colours the calendar grids paint with, for the light and the dark theme.

The grids paint themselves (no style sheet reaches a paintEvent), so they read these shared
QColor objects, which `use_dark_grid(dark)` recolours in place when the theme changes; the next
repaint shows the new theme. Session blocks keep their light status fills in both themes: they
carry their own dark text, so they read the same on a dark page.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# name: (light, dark)
_SCHEME = {
    "accent": ("#2e6f6b", "#4fa29b"),
    "line": ("#e1e7e5", "#343f40"),
    "muted": ("#5b6b6c", "#a9b7b7"),
    "text": ("#1f2d2e", "#e3eaea"),
    "today_tint": ("#eef6f4", "#223433"),
    "weekend_tint": ("#fafbfa", "#202728"),
    "background": ("#ffffff", "#242b2c"),
    "header": ("#f7f9f8", "#2a3233"),
    "other_month": ("#f6f8f7", "#1f2526"),
    "half_line": ("#eef2f1", "#2c3536"),
    "now_line": ("#b3261e", "#f2887f"),
    "hover_edge": ("#9cc3bd", "#4f7f7a"),
}

ACCENT = QColor(_SCHEME["accent"][0])
LINE = QColor(_SCHEME["line"][0])
MUTED = QColor(_SCHEME["muted"][0])
TEXT = QColor(_SCHEME["text"][0])
TODAY_TINT = QColor(_SCHEME["today_tint"][0])
WEEKEND_TINT = QColor(_SCHEME["weekend_tint"][0])
BACKGROUND = QColor(_SCHEME["background"][0])
HEADER = QColor(_SCHEME["header"][0])
OTHER_MONTH = QColor(_SCHEME["other_month"][0])
HALF_LINE = QColor(_SCHEME["half_line"][0])
NOW_LINE = QColor(_SCHEME["now_line"][0])
HOVER_EDGE = QColor(_SCHEME["hover_edge"][0])
ON_ACCENT = QColor("#ffffff")

_COLOURS = {
    "accent": ACCENT,
    "line": LINE,
    "muted": MUTED,
    "text": TEXT,
    "today_tint": TODAY_TINT,
    "weekend_tint": WEEKEND_TINT,
    "background": BACKGROUND,
    "header": HEADER,
    "other_month": OTHER_MONTH,
    "half_line": HALF_LINE,
    "now_line": NOW_LINE,
    "hover_edge": HOVER_EDGE,
}


def use_dark_grid(dark: bool) -> None:
    for name, colour in _COLOURS.items():
        colour.setRgba(QColor(_SCHEME[name][1 if dark else 0]).rgba())
