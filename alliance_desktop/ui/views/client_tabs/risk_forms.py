"""The two forms of the Risk tab: a dated risk review, and the safety plan in the client's
words. They read and show records; they never save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.risk import (
    SAFETY_PLAN_SECTIONS,
    RiskLevel,
    RiskReview,
    SafetyPlan,
    plan_from_sections,
    section_entries,
)
from alliance_desktop.ui.date_formats import from_qdate, qt_date_format, to_qdate
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit, make_date_edit


def text_box(placeholder: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def lines_of(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(edit.toPlainText().splitlines())


class RiskReviewForm(QWidget):
    """A new review: every save records a new dated entry in the history."""

    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = FieldMessages()
        self.assessed_on: QDateEdit = make_date_edit(DateStyle.DAY_MONTH_YEAR)
        self.level = QComboBox()
        for level in RiskLevel:
            self.level.addItem(level.label, level)
        self.rests_on = text_box(
            "What the judgement rests on: what you asked, what the client said, what you saw",
            76,
        )
        self.risk_factors = text_box("One per line, e.g. recent loss of work", 64)
        self.protective_factors = text_box("One per line, e.g. her daughter; her faith", 64)
        self.actions_agreed = text_box("e.g. safety plan written together; GP letter", 56)
        self.next_review_on = OptionalDateEdit(
            "Agreed", DateStyle.DAY_MONTH_YEAR, today + dt.timedelta(days=28)
        )
        self.due_note = QLabel(
            "Without an agreed date: high levels are due in a week, moderate in four weeks, "
            "low in three months."
        )
        self.due_note.setObjectName("quietNote")
        self.due_note.setWordWrap(True)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Assessed on", self.messages.wrap("assessed_on", self.assessed_on))
        form.addRow("Level", self.messages.wrap("level", self.level))
        form.addRow("Rests on", self.messages.wrap("rests_on", self.rests_on))
        form.addRow("Risk factors", self.messages.wrap("risk_factors", self.risk_factors))
        form.addRow(
            "Protective factors",
            self.messages.wrap("protective_factors", self.protective_factors),
        )
        form.addRow("Actions agreed", self.messages.wrap("actions_agreed", self.actions_agreed))
        form.addRow("Next review", self.messages.wrap("next_review_on", self.next_review_on))
        form.addRow("", self.due_note)
        self.reset(today)

        self.assessed_on.dateChanged.connect(lambda _date: emit(self.changed))
        self.level.currentIndexChanged.connect(lambda _index: emit(self.changed))
        for edit in (self.rests_on, self.risk_factors, self.protective_factors):
            edit.textChanged.connect(lambda: emit(self.changed))
        self.actions_agreed.textChanged.connect(lambda: emit(self.changed))
        self.next_review_on.changed.connect(lambda: emit(self.changed))

    def set_date_style(self, style: DateStyle) -> None:
        self.assessed_on.setDisplayFormat(qt_date_format(style))
        self.next_review_on.date_edit.setDisplayFormat(qt_date_format(style))

    def reset(self, today: dt.date, level: RiskLevel = RiskLevel.LOW) -> None:
        """Empty, dated today, starting from `level` (the latest review's, when there is one)."""
        self.blockSignals(True)
        self.assessed_on.setDate(to_qdate(today))
        self.level.setCurrentIndex(self.level.findData(level))
        for edit in (self.rests_on, self.risk_factors, self.protective_factors):
            edit.clear()
        self.actions_agreed.clear()
        self.next_review_on.set_date(None)
        self.next_review_on.date_edit.setDate(to_qdate(today + dt.timedelta(days=28)))
        self.blockSignals(False)
        self.messages.clear()

    def fill(self, review: RiskReview) -> None:
        """Show a review not yet saved (a draft kept while another client was open)."""
        self.blockSignals(True)
        self.assessed_on.setDate(to_qdate(review.assessed_on))
        self.level.setCurrentIndex(self.level.findData(review.level))
        self.rests_on.setPlainText(review.rests_on)
        self.risk_factors.setPlainText("\n".join(review.risk_factors))
        self.protective_factors.setPlainText("\n".join(review.protective_factors))
        self.actions_agreed.setPlainText(review.actions_agreed)
        self.next_review_on.set_date(review.next_review_on)
        self.blockSignals(False)

    def review_from_fields(self, client_id: int) -> RiskReview:
        return RiskReview(
            client_id=client_id,
            assessed_on=from_qdate(self.assessed_on.date()),
            level=RiskLevel(self.level.currentData()),
            rests_on=self.rests_on.toPlainText(),
            risk_factors=lines_of(self.risk_factors),
            protective_factors=lines_of(self.protective_factors),
            actions_agreed=self.actions_agreed.toPlainText(),
            next_review_on=self.next_review_on.date(),
        )

    def show_problems(self, problems: dict[str, str]) -> dict[str, str]:
        return self.messages.show(problems)


class SafetyPlanForm(QWidget):
    """The seven sections, one entry per line, typed with the client in their words."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = FieldMessages()
        self.sections: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for section in SAFETY_PLAN_SECTIONS:
            title = QLabel(f"<b>{section.heading}</b>")
            edit = text_box(f"{section.hint}. One per line.", 64)
            edit.setAccessibleName(section.heading)
            edit.textChanged.connect(lambda: emit(self.changed))
            self.sections[section.field] = edit
            layout.addWidget(title)
            layout.addWidget(self.messages.wrap(section.field, edit))

    def fill(self, plan: SafetyPlan | None) -> None:
        self.blockSignals(True)
        for section in SAFETY_PLAN_SECTIONS:
            entries = section_entries(plan, section) if plan is not None else ()
            self.sections[section.field].setPlainText("\n".join(entries))
        self.blockSignals(False)
        self.messages.clear()

    def plan_from_fields(self, client_id: int, today: dt.date) -> SafetyPlan:
        entries = {field: lines_of(edit) for field, edit in self.sections.items()}
        return plan_from_sections(client_id, today, entries)
