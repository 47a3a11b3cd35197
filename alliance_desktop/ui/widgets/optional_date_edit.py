"""A date that may honestly be unknown (a date of birth nobody recorded is not 1 Jan 2000)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, qt_date_format, to_qdate
from alliance_desktop.ui.signal_emit import emit

EARLIEST = QDate(1900, 1, 1)
LATEST = QDate(2200, 12, 31)


def make_date_edit(style: DateStyle, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, limited to the years the domain accepts."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(qt_date_format(style))
    edit.setDateRange(EARLIEST, LATEST)
    return edit


class OptionalDateEdit(QWidget):
    """A tick box saying whether the date is known, and the date when it is."""

    changed = Signal()

    def __init__(
        self,
        known_label: str,
        style: DateStyle,
        default: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.known = QCheckBox(known_label, self)
        self.date_edit = make_date_edit(style, self)
        self.date_edit.setDate(to_qdate(default))
        self.unknown_note = QLabel("Not recorded", self)
        self.unknown_note.setObjectName("quietNote")

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.unknown_note)
        layout.addStretch(1)

        self.known.toggled.connect(self._on_known_toggled)
        self.date_edit.dateChanged.connect(self.changed)
        self._show_state(False)

    def date(self) -> dt.date | None:
        return from_qdate(self.date_edit.date()) if self.known.isChecked() else None

    def set_date(self, date: dt.date | None) -> None:
        if date is not None:
            self.date_edit.setDate(to_qdate(date))
        self.known.setChecked(date is not None)
        self._show_state(date is not None)

    def _on_known_toggled(self, known: bool) -> None:
        self._show_state(known)
        if known:
            self.date_edit.setFocus()
        emit(self.changed)

    def _show_state(self, known: bool) -> None:
        self.date_edit.setVisible(known)
        self.unknown_note.setVisible(not known)
