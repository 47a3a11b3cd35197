"""When a session is: its date, start and end, and its length, kept in step with each other.

Changing the start keeps the length (the end follows); changing the end or the length changes
the other. What is read back is what the clinician sees: the date with the start and end
times, checked by the domain (an end before the start is refused at the end field).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.session import Session, session_between
from alliance_desktop.ui.date_formats import from_qdate, to_qdate
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

LONGEST_TYPED_MINUTES = 24 * 60  # the domain, not the spin box, says what is too long


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setWrapping(True)
    return edit


def _qtime(moment: dt.time) -> QTime:
    return QTime(moment.hour, moment.minute)


def _minutes(time: QTime) -> int:
    return time.hour() * 60 + time.minute()


class SessionTiming:
    """The four timing inputs, for the dialog to place in its form."""

    def __init__(self, style: DateStyle, parent: QWidget | None = None) -> None:
        self.date = make_date_edit(style, parent)
        self.start = _time_edit()
        self.end = _time_edit()
        self.duration = QSpinBox()
        self.duration.setRange(0, LONGEST_TYPED_MINUTES)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setAccelerated(True)
        self.start.setToolTip("When the session starts")
        self.end.setToolTip("When it ends")
        self.duration.setToolTip("How long it lasts, in minutes")
        self._syncing = False
        self.start.timeChanged.connect(self._start_changed)
        self.end.timeChanged.connect(self._end_changed)
        self.duration.valueChanged.connect(self._duration_changed)

    def time_row(self, messages: FieldMessages) -> QWidget:
        """'10:00 to 10:50   Length 50 min', with the end's and the length's messages below."""
        times = QWidget()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel("to"))
        row.addWidget(self.end)
        row.addSpacing(12)
        row.addWidget(QLabel("Length"))
        row.addWidget(self.duration)
        row.addStretch(1)
        column = QVBoxLayout(times)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(messages.message_label("end", self.end))
        column.addWidget(messages.message_label("duration_minutes", self.duration))
        return times

    def set_times(self, start: dt.datetime, minutes: int) -> None:
        self._syncing = True
        try:
            self.date.setDate(to_qdate(start.date()))
            self.start.setTime(_qtime(start.time()))
            self.duration.setValue(minutes)
            self.end.setTime(_qtime((start + dt.timedelta(minutes=minutes)).time()))
        finally:
            self._syncing = False

    def start_moment(self) -> dt.datetime:
        return dt.datetime.combine(
            from_qdate(self.date.date()),
            dt.time(self.start.time().hour(), self.start.time().minute()),
        )

    def end_moment(self) -> dt.datetime:
        end = self.end.time()
        return dt.datetime.combine(from_qdate(self.date.date()), dt.time(end.hour(), end.minute()))

    def applied_to(self, session: Session) -> Session:
        """The session at the times shown; InvalidInput names the field that is wrong."""
        start, end = self.start_moment(), self.end_moment()
        if end == start:
            # A length of 0 typed in: let the domain say so at the length field.
            return replace(session, start=start, duration_minutes=0)
        return session_between(session, start, end)

    # Keeping the fields in step

    def _start_changed(self, time: QTime) -> None:
        if not self._syncing:
            self._set(self.end, time.addSecs(self.duration.value() * 60))

    def _end_changed(self, time: QTime) -> None:
        if not self._syncing:
            self._set_duration(max(0, _minutes(time) - _minutes(self.start.time())))

    def _duration_changed(self, minutes: int) -> None:
        if not self._syncing:
            self._set(self.end, self.start.time().addSecs(minutes * 60))

    def _set(self, edit: QTimeEdit, time: QTime) -> None:
        self._syncing = True
        try:
            edit.setTime(time)
        finally:
            self._syncing = False

    def _set_duration(self, minutes: int) -> None:
        self._syncing = True
        try:
            self.duration.setValue(minutes)
        finally:
            self._syncing = False
