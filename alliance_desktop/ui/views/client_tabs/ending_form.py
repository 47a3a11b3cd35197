"""The ending plan as a form: why therapy is ending, the last sessions, and the maintenance plan
the client takes with them. It reads and shows an EndingPlan; it never saves."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import long_date, qt_date_format, to_qdate
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.date_list_edit import DateListEdit
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit

# Maintenance lists: (field of MaintenancePlan, label, placeholder), one entry per line.
MAINTENANCE_LISTS = (
    ("what_helped", "What helped", "e.g. walking before work\nnaming the worry out loud"),
    ("warning_signs", "Warning signs", "e.g. skipping meals\nnot answering friends"),
    ("coping_steps", "Coping steps", "e.g. the three-minute breathing space\ncall my sister"),
    ("supports", "People and services to contact", "e.g. Sam (partner)\nGP surgery, 0117 …"),
)


def _text_box(placeholder: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def _heading(text: str, note: str) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 10, 0, 2)
    layout.setSpacing(2)
    title = QLabel(text)
    title.setObjectName("sectionTitle")
    layout.addWidget(title)
    quiet = QLabel(note)
    quiet.setObjectName("quietNote")
    quiet.setWordWrap(True)
    layout.addWidget(quiet)
    return box


class EndingPlanForm(QWidget):
    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan = EndingPlan(client_id=0)
        self._filling = False
        self._style = DateStyle.DAY_MONTH_YEAR
        self.messages = FieldMessages()

        self.reason = QComboBox()
        # No default: the clinician chooses why therapy is ending.
        self.reason.addItem("Choose a reason…", None)
        for reason in EndingReason:
            self.reason.addItem(reason.label, reason)
        self.reason_note = _text_box("In your words: why now, and how you decided together", 84)
        self.started_on = OptionalDateEdit("Started", DateStyle.DAY_MONTH_YEAR, today)
        self.planned_last_session = OptionalDateEdit("Planned", DateStyle.DAY_MONTH_YEAR, today)
        self.tapering = QLineEdit()
        self.tapering.setPlaceholderText("e.g. fortnightly from May, then one month apart")
        self.lists = {
            name: _text_box(placeholder, 64) for name, _label, placeholder in MAINTENANCE_LISTS
        }
        self.if_things_get_worse = _text_box(
            "e.g. book a session; if in crisis, call the GP or 116 123", 64
        )
        self.follow_up_dates = DateListEdit(today)
        self.referral = _text_box("To whom, and what was shared (leave empty if none)", 52)
        self.closing_words = _text_box(
            "A few words to the client to close their copy (e.g. what you noticed in them)", 64
        )

        self._build_layout()
        for edit in (self.reason_note, self.if_things_get_worse, self.referral, self.closing_words):
            edit.textChanged.connect(self._changed)
        for edit in self.lists.values():
            edit.textChanged.connect(self._changed)
        self.tapering.textChanged.connect(self._changed)
        self.reason.currentIndexChanged.connect(self._changed)
        self.started_on.changed.connect(self._changed)
        self.planned_last_session.changed.connect(self._changed)
        self.follow_up_dates.changed.connect(self._changed)

    def _build_layout(self) -> None:
        wrap = self.messages.wrap
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: the tab shares its width with the client list.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        form.addRow("Reason", wrap("reason", self.reason))
        form.addRow("In more detail", wrap("reason_note", self.reason_note))
        form.addRow("Ending work started", wrap("started_on", self.started_on))
        form.addRow("Last regular session", wrap("planned_last_session", self.planned_last_session))
        form.addRow("Tapering", wrap("tapering", self.tapering))
        form.addRow(
            _heading(
                "Maintenance plan",
                "Written with the client, in their words: it goes on their copy of the ending "
                "summary. One entry per line.",
            )
        )
        for name, label, _placeholder in MAINTENANCE_LISTS:
            form.addRow(label, wrap(f"maintenance.{name}", self.lists[name]))
        form.addRow(
            "If things get worse",
            wrap("maintenance.if_things_get_worse", self.if_things_get_worse),
        )
        form.addRow(
            _heading("After the last session", "Booster or follow-up sessions, and any referral.")
        )
        form.addRow("Follow-up dates", wrap("follow_up_dates", self.follow_up_dates))
        form.addRow("Referral", wrap("referral", self.referral))
        form.addRow(
            "Closing words for the client",
            wrap("closing_words", self.closing_words),
        )

    # Filling and reading back

    def set_date_style(self, style: DateStyle) -> None:
        self._style = style
        for date_field in (self.started_on, self.planned_last_session):
            date_field.date_edit.setDisplayFormat(qt_date_format(style))
        self.follow_up_dates.set_date_style(style)

    def fill(self, plan: EndingPlan, today: dt.date) -> None:
        """Show `plan`; dates not set yet start from `today` when the clinician ticks them."""
        self._filling = True
        try:
            self._plan = plan
            self.messages.clear()
            for date_field in (self.started_on, self.planned_last_session):
                date_field.date_edit.setDate(to_qdate(today))
            self.follow_up_dates.new_date.setDate(
                to_qdate(max(today, plan.planned_last_session or today))
            )
            self.reason.setCurrentIndex(max(0, self.reason.findData(plan.reason)))
            self.reason_note.setPlainText(plan.reason_note)
            self.started_on.set_date(plan.started_on)
            self.planned_last_session.set_date(plan.planned_last_session)
            self.tapering.setText(plan.tapering)
            for name, edit in self.lists.items():
                edit.setPlainText("\n".join(getattr(plan.maintenance, name)))
            self.if_things_get_worse.setPlainText(plan.maintenance.if_things_get_worse)
            self.follow_up_dates.set_dates(plan.follow_up_dates)
            self.referral.setPlainText(plan.referral)
            self.closing_words.setPlainText(plan.closing_words)
        finally:
            self._filling = False

    def plan_from_fields(self) -> EndingPlan:
        """The plan as typed, before checking (list lines as typed, so problems can say which
        line they are about)."""
        lines = {name: tuple(edit.toPlainText().splitlines()) for name, edit in self.lists.items()}
        return replace(
            self._plan,
            reason=EndingReason(chosen) if (chosen := self.reason.currentData()) else None,
            reason_note=self.reason_note.toPlainText(),
            started_on=self.started_on.date(),
            planned_last_session=self.planned_last_session.date(),
            tapering=self.tapering.text(),
            maintenance=MaintenancePlan(
                what_helped=lines["what_helped"],
                warning_signs=lines["warning_signs"],
                coping_steps=lines["coping_steps"],
                supports=lines["supports"],
                if_things_get_worse=self.if_things_get_worse.toPlainText(),
            ),
            follow_up_dates=self.follow_up_dates.dates(),
            referral=self.referral.toPlainText(),
            closing_words=self.closing_words.toPlainText(),
        )

    def show_problems(self, problems: dict[str, str]) -> dict[str, str]:
        """Show each problem at its field; return those that have no field here."""
        dates = self.follow_up_dates.dates()
        readable = {}
        for field, text in problems.items():
            parts = field.split(".")
            if parts[0] == "maintenance" and len(parts) == 3 and parts[2].isdigit():
                text = f"Line {int(parts[2]) + 1}: {text}"
            elif parts[0] == "follow_up_dates" and len(parts) == 2 and parts[1].isdigit():
                index = int(parts[1])
                if index < len(dates):
                    text = f"{long_date(dates[index], self._style)}: {text}"
            readable[field] = text
        return self.messages.show(readable)

    def message(self, field: str) -> str:
        return self.messages.message(field)

    def _changed(self, *_signal_args: object) -> None:
        if not self._filling:
            emit(self.changed)
