"""The Risk tab of a client's overview: record a dated risk review, read the history, and
write the safety plan with the client, in their words; print it for them.

Typed changes are never lost quietly: moving to another client keeps them as a draft in
memory, offered again (unsaved, and saying so) when that client is opened again.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.risk import (
    RiskLevel,
    RiskReview,
    SafetyPlan,
    check_risk_review,
    check_safety_plan,
    require_printable,
    review_due_on,
)
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.date_formats import long_date, short_date
from alliance_desktop.ui.report_request import ReportKind
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.risk_forms import RiskReviewForm, SafetyPlanForm
from alliance_desktop.ui.widgets.side_by_side import SideBySide

NO_REVIEW = "No risk review recorded yet. Record the first one below."
NO_PLAN = "No safety plan yet. Write it with the client, in their words, then save it."
REVIEW_SAVED = "Review recorded."
PLAN_SAVED = "Safety plan saved."
NOT_SAVED = "Not saved: see the messages in red."
DRAFT_KEPT = "Unsaved changes from before are shown: save them, or discard them."


@dataclass(frozen=True)
class RiskRecord:
    client_id: int
    history: list[RiskReview]
    plan: SafetyPlan | None
    today: dt.date


def load_risk(practice: Practice, client_id: int) -> RiskRecord:
    return RiskRecord(
        client_id,
        practice.risk.history(client_id),
        practice.risk.safety_plan(client_id),
        practice.today(),
    )


def review_line(review: RiskReview, style: DateStyle) -> str:
    """'12/03/2026 · Moderate · next review 26/03/2026'"""
    due = review_due_on(review)
    parts = [short_date(review.assessed_on, style), review.level.label]
    parts.append(f"next review {short_date(due, style)}" if due else "no review scheduled")
    return " · ".join(parts)


class RiskTab(QWidget):
    report_requested = Signal(int, object)  # client id, ReportKind
    risk_changed = Signal(int)  # client id: the header and the flags follow

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._record: RiskRecord | None = None
        self._style = DateStyle.DAY_MONTH_YEAR
        self._review_dirty = False
        self._plan_dirty = False
        self._drafts: dict[int, tuple[RiskReview | None, SafetyPlan | None]] = {}

        self.latest = QLabel()
        self.latest.setWordWrap(True)
        self.latest.setTextFormat(Qt.TextFormat.RichText)
        self.review_form = RiskReviewForm(dt.date.today())
        self.review_state = _quiet_label()
        self.review_message = _message_label()
        self.save_review_button = QPushButton("Record review")
        self.save_review_button.setObjectName("primary")
        self.history = QListWidget()
        self.history.setObjectName("riskHistory")
        self.history.setAccessibleName("Earlier risk reviews")
        self.history.setMinimumHeight(110)
        self.history.setWordWrap(True)
        self.plan_form = SafetyPlanForm()
        self.plan_state = _quiet_label()
        self.plan_message = _message_label()
        self.discard_plan_button = QPushButton("Discard changes")
        self.save_plan_button = QPushButton("Save safety plan")
        self.save_plan_button.setObjectName("primary")
        self.print_button = QPushButton("Print for the client…")
        self.print_button.setToolTip(
            "Preview, save or print the safety plan in large plain type, with your crisis "
            "contacts; nothing clinical is printed"
        )
        self._build_layout()
        self._set_review_dirty(False)
        self._set_plan_dirty(False)

        self.review_form.changed.connect(lambda: self._set_review_dirty(True))
        self.plan_form.changed.connect(lambda: self._set_plan_dirty(True))
        self.save_review_button.clicked.connect(lambda: self.save_review())
        self.save_plan_button.clicked.connect(lambda: self.save_plan())
        self.discard_plan_button.clicked.connect(self._discard_plan)
        self.print_button.clicked.connect(self._print)

    def _build_layout(self) -> None:
        left_body = QWidget()
        left = QVBoxLayout(left_body)
        left.setContentsMargins(0, 0, 12, 8)
        left.addWidget(_title("Latest review"))
        left.addWidget(self.latest)
        left.addWidget(_title("Record a review"))
        left.addWidget(self.review_form)
        left.addWidget(self.review_message)
        row = QHBoxLayout()
        row.addWidget(self.review_state, 1)
        row.addWidget(self.save_review_button)
        left.addLayout(row)
        left.addWidget(_title("History"))
        left.addWidget(self.history)
        left.addStretch(1)

        right_body = QWidget()
        right = QVBoxLayout(right_body)
        right.setContentsMargins(0, 0, 12, 8)
        right.addWidget(_title("Safety plan"))
        note = _quiet_label()
        note.setText(
            "Written with the client, in their words. The printed copy adds your "
            "crisis contacts and nothing else from the record."
        )
        right.addWidget(note)
        right.addWidget(self.plan_form)
        right.addWidget(self.plan_message)
        right.addWidget(self.plan_state)
        # Saving on one row, printing on the next: three buttons do not fit one row of the
        # record's pane on a 1280-pixel screen.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.discard_plan_button)
        actions.addWidget(self.save_plan_button)
        right.addLayout(actions)
        printing = QHBoxLayout()
        printing.addStretch(1)
        printing.addWidget(self.print_button)
        right.addLayout(printing)
        right.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        # Reviews beside the safety plan when the record's pane has room, above it when not.
        self.columns = SideBySide(left_body, right_body)
        layout.addWidget(self.columns)

    # Public

    @property
    def loaded_client_id(self) -> int | None:
        record = self._record
        if record is None or record.client_id != self._client_id:
            return None
        return record.client_id

    @property
    def has_unsaved_changes(self) -> bool:
        return self._review_dirty or self._plan_dirty

    def set_date_style(self, style: DateStyle) -> None:
        self._style = style
        self.review_form.set_date_style(style)
        if self._record is not None:
            self._show_history(self._record)

    def show_client(self, client_id: int | None) -> None:
        if self._client_id is not None and client_id != self._client_id:
            self._keep_draft(self._client_id)
        if client_id != self._client_id:
            self._record = None
            self._set_review_dirty(False)
            self._set_plan_dirty(False)
        self._client_id = client_id
        self.print_button.setEnabled(client_id is not None)
        if client_id is None:
            return
        self._tasks.submit(lambda: load_risk(self._practice, client_id), self._show)

    def save_review(self) -> None:
        client_id = self.loaded_client_id
        if client_id is None or self._record is None:
            return
        review = self.review_form.review_from_fields(client_id)
        try:
            check_risk_review(review, self._record.today)
        except InvalidInput as error:
            self._review_problems(error.problems)
            return
        self.review_form.messages.clear()
        self._show_message(self.review_message, "")
        self.save_review_button.setEnabled(False)
        self._tasks.submit(
            lambda: self._practice.risk.save_review(review),
            self._review_saved,
            lambda error: self._failed(error, "The risk review was not recorded", True),
        )

    def save_plan(self, then: Callable[[], None] | None = None) -> None:
        client_id = self.loaded_client_id
        if client_id is None or self._record is None:
            return
        plan = self.plan_form.plan_from_fields(client_id, self._record.today)
        try:
            check_safety_plan(plan)
        except InvalidInput as error:
            self._plan_problems(error.problems)
            return
        self.plan_form.messages.clear()
        self._show_message(self.plan_message, "")
        self.save_plan_button.setEnabled(False)
        self._tasks.submit(
            lambda: self._practice.risk.save_safety_plan(plan),
            lambda saved: self._plan_saved(saved, then),
            lambda error: self._failed(error, "The safety plan was not saved", False),
        )

    # Loading and showing

    def _show(self, record: RiskRecord) -> None:
        if record.client_id != self._client_id:
            return  # the selection moved on while this was loading
        self._record = record
        self._show_history(record)
        review_draft, plan_draft = self._drafts.pop(record.client_id, (None, None))
        if not self._review_dirty:
            latest = record.history[0].level if record.history else RiskLevel.LOW
            self.review_form.reset(record.today, latest)
            if review_draft is not None:
                self.review_form.fill(review_draft)
                self._set_review_dirty(True, DRAFT_KEPT)
            else:
                self._set_review_dirty(False)
        if not self._plan_dirty:
            self.plan_form.fill(plan_draft or record.plan)
            if plan_draft is not None:
                self._set_plan_dirty(True, DRAFT_KEPT)
            else:
                self._set_plan_dirty(False)

    def _show_history(self, record: RiskRecord) -> None:
        self.history.clear()
        for review in record.history:
            item = QListWidgetItem(review_line(review, self._style))
            details = [review.rests_on, review.actions_agreed]
            item.setToolTip("\n".join(part for part in details if part))
            self.history.addItem(item)
        if not record.history:
            self.latest.setText(html.escape(NO_REVIEW))
            return
        latest = record.history[0]
        due = review_due_on(latest)
        text = (
            f"<b>{html.escape(latest.level.label)}</b> on "
            f"{long_date(latest.assessed_on, self._style)}"
        )
        if due is not None:
            overdue = " (overdue)" if due < record.today else ""
            text += f" · next review {long_date(due, self._style)}{overdue}"
        if latest.rests_on:
            text += f"<br>{html.escape(latest.rests_on)}"
        self.latest.setText(text)

    def _review_saved(self, review: RiskReview) -> None:
        emit(self.risk_changed, review.client_id)
        if review.client_id != self._client_id or self._record is None:
            return
        record = self._record
        self._record = RiskRecord(
            record.client_id, [review, *record.history], record.plan, record.today
        )
        self._record.history.sort(key=lambda r: (r.assessed_on, r.id or 0), reverse=True)
        self._show_history(self._record)
        self.review_form.reset(record.today, review.level)
        self._set_review_dirty(False, REVIEW_SAVED)

    def _plan_saved(self, plan: SafetyPlan, then: Callable[[], None] | None) -> None:
        emit(self.risk_changed, plan.client_id)
        if plan.client_id != self._client_id or self._record is None:
            return
        record = self._record
        self._record = RiskRecord(record.client_id, record.history, plan, record.today)
        self.plan_form.fill(plan)
        self._set_plan_dirty(False, PLAN_SAVED)
        if then is not None:
            then()

    def _failed(self, error: Exception, title: str, review: bool) -> None:
        if isinstance(error, InvalidInput):
            (self._review_problems if review else self._plan_problems)(error.problems)
            return
        self._set_review_dirty(self._review_dirty)
        self._set_plan_dirty(self._plan_dirty)
        messages.show_error(self, title, error)

    def _review_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.review_form.show_problems(problems)
        self._show_message(self.review_message, "\n".join(unplaced.values()))
        self._set_review_dirty(True, NOT_SAVED)

    def _plan_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.plan_form.messages.show(problems)
        self._show_message(self.plan_message, "\n".join(unplaced.values()))
        self._set_plan_dirty(True, NOT_SAVED)

    def _discard_plan(self) -> None:
        if self._record is not None:
            self.plan_form.fill(self._record.plan)
        self._set_plan_dirty(False)

    def _print(self) -> None:
        client_id = self._client_id
        if client_id is None:
            return

        def open_it() -> None:
            emit(self.report_requested, client_id, ReportKind.SAFETY_PLAN)

        if self._plan_dirty:
            self.save_plan(then=open_it)  # the printed plan is the saved plan
            return
        try:
            require_printable(self._record.plan if self._record else None)
        except InvalidInput as error:
            self._show_message(self.plan_message, error.problems["safety_plan"])
            return
        open_it()

    def _keep_draft(self, client_id: int) -> None:
        review = self.review_form.review_from_fields(client_id) if self._review_dirty else None
        plan = None
        if self._plan_dirty and self._record is not None:
            plan = self.plan_form.plan_from_fields(client_id, self._record.today)
        if review is not None or plan is not None:
            self._drafts[client_id] = (review, plan)

    def _set_review_dirty(self, dirty: bool, text: str | None = None) -> None:
        self._review_dirty = dirty
        self.save_review_button.setEnabled(dirty and self._record is not None)
        _set_text(self.review_state, text or "")

    def _set_plan_dirty(self, dirty: bool, text: str | None = None) -> None:
        self._plan_dirty = dirty
        self.save_plan_button.setEnabled(dirty and self._record is not None)
        self.discard_plan_button.setEnabled(dirty)
        if text is None:
            text = NO_PLAN if self._record is not None and self._record.plan is None else ""
        _set_text(self.plan_state, text)

    def _show_message(self, label: QLabel, text: str) -> None:
        _set_text(label, text)


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _quiet_label() -> QLabel:
    label = QLabel()
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldMessage")
    label.setWordWrap(True)
    label.hide()
    return label


def _set_text(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
