"""The Ending tab of a client's overview: the ending plan to edit and save, what the record
says about readiness beside it, and the ending reports.

Typed changes are never lost quietly: moving to another client keeps them as a draft in
memory, offered again (unsaved, and saying so) when that client is opened again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.ending import EndingPlan, ReadinessSignals, check_ending_plan
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.form_drafts import FormDrafts
from alliance_desktop.ui.report_request import ReportKind
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.ending_form import EndingPlanForm
from alliance_desktop.ui.views.client_tabs.readiness_card import ReadinessCard
from alliance_desktop.ui.widgets.quiet_scroll import make_quiet, quiet_scroll

NOT_WRITTEN = "No ending plan yet. Write it with the client, then save it."
SAVED = "Saved."
UNSAVED = "Changes not saved yet."
SIDE_WIDTH = 280
NARROW_BELOW = 640  # px of tab width: under it, the signals move above the plan
DRAFT_KEPT = "Unsaved changes from before are shown: save them, or discard them."


@dataclass(frozen=True)
class EndingRecord:
    client_id: int
    plan: EndingPlan
    has_plan: bool
    readiness: ReadinessSignals
    overall_threshold: int
    today: dt.date


def load_ending(practice: Practice, client_id: int) -> EndingRecord:
    """Everything the tab shows, in one trip to the worker."""
    return EndingRecord(
        client_id=client_id,
        plan=practice.ending.plan(client_id),
        has_plan=practice.ending.has_plan(client_id),
        readiness=practice.ending.readiness(client_id),
        overall_threshold=practice.ruptures.thresholds().overall_below,
        today=practice.today(),
    )


class EndingTab(QWidget):
    report_requested = Signal(int, object)  # client id, ReportKind
    plan_saved = Signal(object)  # the EndingPlan as saved

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._record: EndingRecord | None = None
        self._dirty = False
        self._drafts: dict[int, EndingPlan] = {}

        self.form = EndingPlanForm(dt.date.today())
        self.readiness = ReadinessCard()
        self.state = QLabel()
        self.state.setObjectName("quietNote")
        self.state.setWordWrap(True)
        self.general_message = QLabel()
        self.general_message.setObjectName("fieldMessage")
        self.general_message.setWordWrap(True)
        self.general_message.hide()
        self.discard_button = QPushButton("Discard changes")
        self.save_button = QPushButton("Save plan")
        self.save_button.setObjectName("primary")
        self.plan_pdf_button = QPushButton("Ending plan PDF…")
        self.plan_pdf_button.setToolTip("Preview, save or print the plan (for your file)")
        self.summary_button = QPushButton("Ending summary…")
        self.summary_button.setToolTip(
            "Preview, save or print the ending summary: your version or the client's copy"
        )

        self._build_layout()
        self._set_dirty(False)
        self.form_drafts = FormDrafts(self.form, "ending_plan")  # kept in the vault as typed
        self.form.changed.connect(self.form_drafts.typed)

        self.form.changed.connect(lambda: self._set_dirty(True, UNSAVED))
        self.save_button.clicked.connect(lambda: self.save())
        self.discard_button.clicked.connect(self._discard)
        self.plan_pdf_button.clicked.connect(lambda: self._open_report(ReportKind.ENDING_PLAN))
        self.summary_button.clicked.connect(lambda: self._open_report(ReportKind.ENDING_SUMMARY))

    def _build_layout(self) -> None:
        self.scroll_area = make_quiet(QScrollArea())
        body = QWidget()
        self._body_layout = QVBoxLayout(body)
        self._body_layout.setContentsMargins(0, 0, 12, 8)
        self._body_layout.addWidget(self.form)
        self._body_layout.addStretch(1)
        self.scroll_area.setWidget(body)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.save_button)
        left = QVBoxLayout()
        left.addWidget(self.scroll_area, 1)
        left.addWidget(self.general_message)
        left.addWidget(self.state)
        left.addLayout(actions)

        reports_title = QLabel("Ending reports")
        reports_title.setObjectName("sectionTitle")
        self.side_box = side_box = QWidget()
        side = QVBoxLayout(side_box)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(reports_title)
        side.addWidget(self.plan_pdf_button)
        side.addWidget(self.summary_button)
        side.addSpacing(10)
        side.addWidget(self.readiness)
        side.addStretch(1)
        # The signals scroll rather than being cut short in a small window.
        self.side_scroll = side_scroll = quiet_scroll(side_box)
        side_scroll.setFixedWidth(SIDE_WIDTH)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(left, 1)
        layout.addWidget(side_scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Beside the plan when there is room; above it (scrolling with it) in a narrow window.
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_BELOW
        if narrow == self.side_scroll.isHidden():
            return
        if narrow:
            self.side_scroll.takeWidget()
            self.side_box.setAutoFillBackground(False)  # the scroll area had turned it on
            self._body_layout.insertWidget(0, self.side_box)
            self.side_scroll.hide()
        else:
            self._body_layout.removeWidget(self.side_box)
            self.side_scroll.setWidget(self.side_box)
            self.side_scroll.show()
        self.side_box.show()

    # Public

    @property
    def loaded_client_id(self) -> int | None:
        """The client whose plan the form shows (None while loading or with no client)."""
        record = self._record
        if record is None or record.client_id != self._client_id:
            return None
        return record.client_id

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def set_date_style(self, style: DateStyle) -> None:
        self.form.set_date_style(style)

    def show_client(self, client_id: int | None) -> None:
        if self._dirty and self._client_id is not None and client_id != self._client_id:
            self._drafts[self._client_id] = self.form.plan_from_fields()
            self.form_drafts.keep_now()
        if client_id != self._client_id:
            self._record = None
            self._set_dirty(False)
            self._show_general("")
        self._client_id = client_id
        enabled = client_id is not None
        for button in (self.plan_pdf_button, self.summary_button):
            button.setEnabled(enabled)
        if client_id is None:
            self.readiness.show_signals(None, 0)
            return
        self._tasks.submit(lambda: load_ending(self._practice, client_id), self._show)

    def save(self, then: Callable[[], None] | None = None) -> None:
        """Check the plan where it was typed, then save it on the worker."""
        client_id = self._client_id
        if client_id is None or self.loaded_client_id != client_id:
            return
        plan = self.form.plan_from_fields()
        try:
            check_ending_plan(plan)
        except InvalidInput as error:
            self._show_problems(error.problems)
            return
        self.form.messages.clear()
        self._show_general("")
        self.save_button.setEnabled(False)
        self._tasks.submit(
            lambda: self._practice.ending.save_plan(plan),
            lambda saved: self._saved(saved, then),
            self._save_failed,
        )

    # Internals

    def showEvent(self, event: QShowEvent) -> None:
        # Goals, check-ins and ruptures change elsewhere: the readiness signals follow.
        super().showEvent(event)
        if self._client_id is not None:
            self.show_client(self._client_id)

    def _show(self, record: EndingRecord) -> None:
        if record.client_id != self._client_id:
            return  # the selection moved on while this was loading
        self._record = record
        self.readiness.show_signals(record.readiness, record.overall_threshold)
        if self._dirty:
            return  # keep what is being typed; only the signals were refreshed
        self.form.fill(record.plan, record.today)
        kept = self.form_drafts.follow(record.client_id)
        draft = self._drafts.pop(record.client_id, None)
        if draft is not None:
            self.form.fill(draft, record.today)
        if draft is not None or kept is not None:
            self._set_dirty(True, DRAFT_KEPT)
        else:
            self._set_dirty(False)

    def _saved(self, plan: EndingPlan, then: Callable[[], None] | None) -> None:
        emit(self.plan_saved, plan)
        if plan.client_id != self._client_id or self._record is None:
            return
        self._record = EndingRecord(
            plan.client_id,
            plan,
            True,
            self._record.readiness,
            self._record.overall_threshold,
            self._record.today,
        )
        self.form.fill(plan, self._record.today)  # as saved: trimmed, empty lines dropped
        self.form_drafts.forget()
        self._set_dirty(False, SAVED)
        if then is not None:
            then()

    def _save_failed(self, error: Exception) -> None:
        self.save_button.setEnabled(self._dirty)
        if isinstance(error, InvalidInput):
            self._show_problems(error.problems)
        else:
            messages.show_error(self, "The ending plan was not saved", error)

    def _show_problems(self, problems: dict[str, str]) -> None:
        unplaced = self.form.show_problems(problems)
        self._show_general("\n".join(unplaced.values()))
        focused = QApplication.focusWidget()
        if focused is not None and self.form.isAncestorOf(focused):
            self.scroll_area.ensureWidgetVisible(focused)
        self._set_dirty(True, "Not saved: see the messages in red.")

    def _discard(self) -> None:
        if self._record is None:
            return
        self._set_dirty(False)
        self.form.fill(self._record.plan, self._record.today)
        self.form_drafts.forget()
        self._set_dirty(False)

    def _open_report(self, kind: ReportKind) -> None:
        client_id = self._client_id
        if client_id is None:
            return

        def open_it() -> None:
            emit(self.report_requested, client_id, kind)

        if self._dirty:
            self.save(then=open_it)  # the report shows the plan as saved
        elif kind is ReportKind.ENDING_PLAN and self._record and not self._record.has_plan:
            self._show_general("Write the plan and save it first: the PDF shows the saved plan.")
        else:
            open_it()

    def _set_dirty(self, dirty: bool, text: str | None = None) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        if text is None:
            has_plan = self._record is not None and self._record.has_plan
            text = "" if has_plan or self._record is None else NOT_WRITTEN
        self.state.setText(text)
        self.state.setVisible(bool(text))

    def _show_general(self, text: str) -> None:
        self.general_message.setText(text)
        self.general_message.setVisible(bool(text))
