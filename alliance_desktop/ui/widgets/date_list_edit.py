"""A short list of dates (e.g. booster or follow-up sessions): pick a date, add it, remove one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, long_date, qt_date_format, to_qdate
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

_DATE_ROLE = Qt.ItemDataRole.UserRole


class DateListEdit(QWidget):
    changed = Signal()

    def __init__(self, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = DateStyle.DAY_MONTH_YEAR
        self.list = QListWidget()
        self.list.setObjectName("dateList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(96)
        self.new_date = make_date_edit(self._style)
        self.new_date.setDate(to_qdate(default))
        self.new_date.setAccessibleName("Date to add")
        self.add_button = QPushButton("Add date")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setEnabled(False)
        for button in (self.add_button, self.remove_button):
            button.setMinimumHeight(button.sizeHint().height())  # never squashed by the form

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_date)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(row)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))

    def dates(self) -> tuple[dt.date, ...]:
        return tuple(self.list.item(row).data(_DATE_ROLE) for row in range(self.list.count()))

    def set_dates(self, dates: Iterable[dt.date]) -> None:
        self.list.clear()
        for day in sorted(set(dates)):
            item = QListWidgetItem(long_date(day, self._style))
            item.setData(_DATE_ROLE, day)
            self.list.addItem(item)
        self.remove_button.setEnabled(False)

    def set_date_style(self, style: DateStyle) -> None:
        self._style = style
        self.new_date.setDisplayFormat(qt_date_format(style))
        self.set_dates(self.dates())

    def add_date(self, day: dt.date) -> None:
        if day not in self.dates():
            self.set_dates((*self.dates(), day))
            emit(self.changed)

    def _add(self) -> None:
        self.add_date(from_qdate(self.new_date.date()))

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            emit(self.changed)
