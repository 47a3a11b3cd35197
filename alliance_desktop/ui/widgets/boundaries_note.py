"""The client's boundaries and preferences in a few lines, for the session editor: read just
before the note is written."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from alliance_desktop.domain.boundaries import ClientBoundaries, boundary_lines

TITLE = "The client’s boundaries and preferences"


def boundaries_note(boundaries: ClientBoundaries | None) -> QLabel | None:
    """A compact card, or None when nothing was agreed (no empty card)."""
    if boundaries is None or boundaries.is_empty:
        return None
    lines = "<br>".join(
        f"<b>{html.escape(label)}:</b> {html.escape(text)}"
        for label, text in boundary_lines(boundaries)
    )
    label = QLabel(f"<b>{TITLE}</b><br>{lines}")
    label.setObjectName("boundariesNote")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel#boundariesNote { background: #eef3f6; border: 1px solid #c7d2da; "
        "border-radius: 6px; padding: 6px 8px; }"
    )
    return label
