"""Repeat options for a new session: how often, and until when or how many times."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.ui.date_formats import from_qdate, short_date, to_qdate
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.calendar_layout import day_name
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

DEFAULT_COUNT = 10
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


def describe_rule(rule: RecurrenceRule, style: DateStyle) -> str:
    """'Every Monday at 10:00, 10 sessions' — so the choice reads back in words."""
    start = rule.first_start
    weekday = day_name(start.date())
    if rule.frequency is Frequency.WEEKLY:
        when = f"Every {weekday}"
    elif rule.frequency is Frequency.FORTNIGHTLY:
        when = f"Every other {weekday}"
    else:
        when = f"The {_ORDINALS[rule.weekday_position]} {weekday} of each month"
    how_long = (
        f"{rule.count} session{'s' if rule.count != 1 else ''}"
        if rule.count is not None
        else f"until {short_date(rule.until, style)}"
    )
    return f"{when} at {start:%H:%M}, {how_long}"


class RepeatFields(QWidget):
    changed = Signal()

    def __init__(self, style: DateStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = style
        self.frequency = QComboBox()
        self.frequency.addItem("Does not repeat", None)
        for frequency in Frequency:
            self.frequency.addItem(frequency.label, frequency)
        self.by_count = QRadioButton("For")
        self.count = QSpinBox()
        self.count.setRange(0, 999)  # the domain says how many a series may have
        self.count.setValue(DEFAULT_COUNT)
        self.count.setSuffix(" sessions")
        self.by_date = QRadioButton("Until")
        self.until: QDateEdit = make_date_edit(style)
        self.by_count.setChecked(True)
        self._ends = QButtonGroup(self)
        self._ends.addButton(self.by_count)
        self._ends.addButton(self.by_date)
        self.summary = QLabel()
        self.summary.setObjectName("quietNote")
        self.summary.setWordWrap(True)

        self.end_options = QWidget()
        ends = QGridLayout(self.end_options)
        ends.setContentsMargins(0, 0, 0, 0)
        ends.addWidget(self.by_count, 0, 0)
        ends.addWidget(self.count, 0, 1)
        ends.addWidget(self.by_date, 1, 0)
        ends.addWidget(self.until, 1, 1)
        ends.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frequency)
        layout.addWidget(self.end_options)
        layout.addWidget(self.summary)

        self._first_start: dt.datetime | None = None
        self.frequency.currentIndexChanged.connect(self._update)
        self.count.valueChanged.connect(self._update)
        self.until.dateChanged.connect(self._update)
        self.by_count.toggled.connect(self._update)
        self._update()

    def with_messages(self, messages: FieldMessages) -> QWidget:
        """These fields with the count's and the end date's messages below, for a form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self)
        layout.addWidget(messages.message_label("count", self.count))
        layout.addWidget(messages.message_label("until", self.until))
        return box

    def set_first_start(self, start: dt.datetime) -> None:
        """Follow the session's own date and time (the series starts there)."""
        if self._first_start is None and self.until.date() <= to_qdate(start.date()):
            self.until.setDate(to_qdate(start.date() + dt.timedelta(weeks=12)))
        self._first_start = start
        self._update()

    def set_rule(self, rule: RecurrenceRule | None) -> None:
        if rule is None:
            self.frequency.setCurrentIndex(0)
            return
        self.frequency.setCurrentIndex(self.frequency.findData(rule.frequency))
        if rule.count is not None:
            self.by_count.setChecked(True)
            self.count.setValue(rule.count)
        if rule.until is not None:
            self.by_date.setChecked(True)
            self.until.setDate(to_qdate(rule.until))

    def chosen_frequency(self) -> Frequency | None:
        value = self.frequency.currentData()
        return Frequency(value) if value else None

    def rule(self, first_start: dt.datetime) -> RecurrenceRule | None:
        frequency = self.chosen_frequency()
        if frequency is None:
            return None
        if self.by_count.isChecked():
            return RecurrenceRule(frequency, first_start, count=self.count.value())
        return RecurrenceRule(frequency, first_start, until=from_qdate(self.until.date()))

    def _update(self, *_signal_args: object) -> None:
        repeating = self.chosen_frequency() is not None
        self.end_options.setVisible(repeating)
        self.count.setEnabled(self.by_count.isChecked())
        self.until.setEnabled(self.by_date.isChecked())
        rule = self.rule(self._first_start) if self._first_start and repeating else None
        self.summary.setText(describe_rule(rule, self._style) if rule else "")
        self.summary.setVisible(rule is not None)
        emit(self.changed)
