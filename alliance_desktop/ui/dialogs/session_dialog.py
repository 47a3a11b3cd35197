"""The session editor. It returns a checked Session (with the GAS ratings given in it) or a new
booking with its repeat rule, or None; it never saves. Bad input is shown at its field and the
dialog stays open."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.boundaries import ClientBoundaries
from alliance_desktop.domain.client import ClientSummary
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.recurrence import RecurrenceRule, check_recurrence
from alliance_desktop.domain.session import (
    SESSION_FOCUS_SUGGESTIONS,
    Modality,
    Session,
    SessionKind,
    SessionStatus,
    check_session,
)
from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.ui.dialogs.check_in_fields import CheckInFields
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, form_message, frame_dialog
from alliance_desktop.ui.dialogs.repeat_fields import RepeatFields
from alliance_desktop.ui.dialogs.session_goal_fields import GoalsToRate, SessionGoalFields
from alliance_desktop.ui.dialogs.session_results import Booking, SessionEdit
from alliance_desktop.ui.dialogs.session_timing import SessionTiming
from alliance_desktop.ui.draft_keeper import keep_drafts
from alliance_desktop.ui.widgets.boundaries_note import boundaries_note
from alliance_desktop.ui.widgets.calendar_layout import short_day
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.note_history import NoteHistory
from alliance_desktop.ui.widgets.status_palette import status_icon

PRIVATE_NOTICE = (
    "Private process notes: your own reflections, kept apart from the clinical record. "
    "They are never exported or printed unless you tick them in."
)


_FIELD_ORDER = (
    "client_id",
    "start",
    "end",
    "duration_minutes",
    "count",
    "until",
    "agenda",
    "focus",
    "progress_note",
    "goal_ratings",
    "private_note",
    "check_in",
)


def _field_order(field: str) -> int:
    root = field.split(".")[0]
    return _FIELD_ORDER.index(root) if root in _FIELD_ORDER else len(_FIELD_ORDER)


def _text_box(placeholder: str, height: int, grows: bool = False) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    if grows:
        box.setMinimumHeight(height)
    else:
        box.setFixedHeight(height)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def _note(text: str, name: str = "quietNote") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _scrolled(page: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(page)
    # Let the tab's white show through (a scroll area paints its own grey by default).
    page.setAutoFillBackground(False)
    scroll.viewport().setAutoFillBackground(False)
    return scroll


def _enum_combo(values: Sequence[Modality | SessionKind]) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(value.label, value)
    return combo


class SessionDialog(QDialog):
    """Tabs: Session (who, when, how, status, repeat), Notes, Goals (a booked session, when
    given its client's goals), Process notes, Alliance check-in."""

    def __init__(
        self,
        session: Session,
        clients: Sequence[ClientSummary],
        *,
        is_new: bool,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        repeat: RecurrenceRule | None = None,
        parent: QWidget | None = None,
        goals: GoalsToRate | None = None,
        signed: SignedNote | None = None,
        boundaries: ClientBoundaries | None = None,
    ) -> None:
        super().__init__(parent)
        self._boundaries = boundaries
        self._original = session
        self._is_new = is_new
        self._result: Booking | None = None
        self._goal_ratings: dict[int, GasRating] | None = None
        self.setWindowTitle("New session" if is_new else "Session")
        self.setMinimumSize(760, 600)

        self.tabs = QTabWidget()
        self.messages = FieldMessages(self.tabs)
        self.general_message = form_message()

        self.client = QComboBox()
        self.client.setPlaceholderText("Choose a client…")
        usable = [c for c in clients if not c.archived or c.id == session.client_id]
        for summary in sorted(usable, key=lambda c: c.display_name.casefold()):
            self.client.addItem(summary.display_name, summary.id)
        self.timing = SessionTiming(date_style)
        self.modality = _enum_combo(list(Modality))
        self.kind = _enum_combo(list(SessionKind))
        self.status = QComboBox()
        for status in SessionStatus:
            self.status.addItem(status_icon(status), status.label, status)
        self.repeat = RepeatFields(date_style)
        self.series_note = _note(
            "Part of a repeating series. If you change its time, length or kind, you can "
            "choose to change the later sessions of the series too."
        )

        self.agenda = _text_box("What the client brought today, in their words", 84)
        self.focus = QComboBox()
        self.focus.setEditable(True)
        self.focus.addItems(["", *SESSION_FOCUS_SUGGESTIONS])
        focus_line = self.focus.lineEdit()
        if focus_line is not None:
            focus_line.setPlaceholderText("Choose one, or write your own")
        self.progress_note = _text_box("What happened and what was agreed", 160, grows=True)
        self.private_note = _text_box("Your own process notes", 200, grows=True)
        self.note_history = None if is_new else NoteHistory(signed)
        self.private_note.setObjectName("privateNote")
        self.private_note.setAccessibleName("Private process notes")
        self.check_in = CheckInFields(self.messages)
        self.goal_fields = None
        if goals is not None and not is_new:
            self.goal_fields = SessionGoalFields(
                self.messages, goals, session.goal_ids, session.start.date(), date_style
            )

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        self.tabs.addTab(self._session_page(), "Session")
        self.tabs.addTab(self._notes_page(), "Notes")
        if self.goal_fields is not None:
            self.tabs.addTab(_scrolled(self.goal_fields), "Goals")
        self.tabs.addTab(self._private_page(), "Process notes (private)")
        self.tabs.addTab(_scrolled(self.check_in), "Alliance check-in")
        frame_dialog(self, [self.tabs, self.general_message], self.buttons)

        self.timing.date.dateChanged.connect(self._follow_start)
        self.timing.start.timeChanged.connect(self._follow_start)
        self.client.currentIndexChanged.connect(self._update_title)

        self._fill(session, repeat)
        (self.client if is_new and session.client_id == 0 else self.agenda).setFocus()
        self.drafts = keep_drafts(
            self,
            "session",
            None if is_new else session.id,
            client_id=session.client_id or None,
            title=self.windowTitle(),
        )

    # Building

    def _session_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        form.addRow("Client", wrap("client_id", self.client))
        form.addRow("Date", wrap("start", self.timing.date))
        form.addRow("Time", self.timing.time_row(self.messages))
        form.addRow("Modality", self.modality)
        form.addRow("Kind", self.kind)
        form.addRow("Status", self.status)
        if self._is_new:
            form.addRow("Repeat", self.repeat.with_messages(self.messages))
        elif self._original.series_id is not None:
            form.addRow("Series", self.series_note)
        return page

    def _notes_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        self.boundaries_note = boundaries_note(self._boundaries)
        if self.boundaries_note is not None:
            form.addRow(self.boundaries_note)
        form.addRow("Agenda", wrap("agenda", self.agenda))
        form.addRow("Focus", wrap("focus", self.focus))
        form.addRow("Progress note", wrap("progress_note", self.progress_note))
        form.addRow("", _note("The progress note is part of the client's record."))
        if self.note_history is not None:
            form.addRow("", self.note_history)
        return page

    def _private_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_note(PRIVATE_NOTICE, "privateNotice"))
        layout.addWidget(self.messages.wrap("private_note", self.private_note), 1)
        return page

    def _fill(self, session: Session, repeat: RecurrenceRule | None) -> None:
        index = self.client.findData(session.client_id)
        self.client.setCurrentIndex(index)
        self.timing.set_times(session.start, session.duration_minutes)
        self.modality.setCurrentIndex(self.modality.findData(session.modality))
        self.kind.setCurrentIndex(self.kind.findData(session.kind))
        self.status.setCurrentIndex(self.status.findData(session.status))
        self.agenda.setPlainText(session.agenda)
        self.focus.setCurrentText(session.focus)
        self.progress_note.setPlainText(session.progress_note)
        self.private_note.setPlainText(session.private_note)
        self.check_in.set_check_in(session.check_in)
        self.repeat.set_rule(repeat)
        self._follow_start()

    def _follow_start(self, *_signal_args: object) -> None:
        self.repeat.set_first_start(self.timing.start_moment())
        if self.goal_fields is not None:
            self.goal_fields.set_session_day(self.timing.start_moment().date())
        self._update_title()

    def _update_title(self, *_signal_args: object) -> None:
        who = self.client.currentText() if self.client.currentIndex() >= 0 else ""
        when = short_day(self.timing.start_moment().date())
        if self._is_new:
            self.setWindowTitle(f"New session — {who}, {when}" if who else "New session")
        else:
            self.setWindowTitle(f"{who} — session on {when}")

    # Reading back

    def session_from_fields(self) -> Session:
        """The session as typed, checked by the domain; InvalidInput lists every problem."""
        problems: dict[str, str] = {}
        client_id = self.client.currentData()
        if client_id is None:
            problems["client_id"] = (
                "Choose the client this session is with."
                if self.client.count()
                else "Add the client first (File › New client), then book their session."
            )
        base = replace(
            self._original,
            client_id=int(client_id or 0),
            modality=Modality(self.modality.currentData()),
            kind=SessionKind(self.kind.currentData()),
            status=SessionStatus(self.status.currentData()),
            agenda=self.agenda.toPlainText(),
            focus=self.focus.currentText(),
            progress_note=self.progress_note.toPlainText(),
            private_note=self.private_note.toPlainText(),
        )
        if self.goal_fields is not None:
            base = replace(base, goal_ids=self.goal_fields.goal_ids())
        try:
            base = replace(base, check_in=self.check_in.check_in())
        except InvalidInput as error:
            problems.update(error.problems)
        try:
            base = self.timing.applied_to(base)
        except InvalidInput as error:
            problems.update(error.problems)
        try:
            checked = check_session(base)
        except InvalidInput as error:
            problems = {**error.problems, **problems}  # ours say more (e.g. "not a number")
            raise InvalidInput(problems) from None
        if problems:
            raise InvalidInput(problems)
        return checked

    def booking_from_fields(self) -> Booking:
        problems: dict[str, str] = {}
        session: Session | None = None
        try:
            session = self.session_from_fields()
        except InvalidInput as error:
            problems.update(error.problems)
        rule = self.repeat.rule(self.timing.start_moment()) if self._is_new else None
        if rule is not None:
            try:
                check_recurrence(rule)
            except InvalidInput as error:
                problems.update(error.problems)
        if self.goal_fields is not None:
            try:
                self._goal_ratings = self.goal_fields.checked_ratings()
            except InvalidInput as error:
                problems.update(error.problems)
        if problems or session is None:
            raise InvalidInput(problems)
        return Booking(session, rule)

    def result_booking(self) -> Booking | None:
        return self._result

    def result_edit(self) -> SessionEdit | None:
        booking = self._result
        if booking is None:
            return None
        sign = self.note_history is not None and self.note_history.sign_requested
        return SessionEdit(booking.session, self._goal_ratings, sign=sign)

    def accept(self) -> None:
        try:
            self._result = self.booking_from_fields()
        except InvalidInput as error:
            self.show_problems(error.problems)
            return
        super().accept()

    def show_problems(self, problems: dict[str, str]) -> None:
        # In the order of the tabs, so the first problem revealed is the first on the way.
        ordered = dict(sorted(problems.items(), key=lambda item: _field_order(item[0])))
        unplaced = self.messages.show(ordered)
        self.general_message.setText("\n".join(unplaced.values()))
        self.general_message.setVisible(bool(unplaced))

    # Opening

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        session: Session,
        clients: Sequence[ClientSummary],
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        problems: dict[str, str] | None = None,
    ) -> Session | None:
        """Open a booked session; return it checked and changed, or None if cancelled."""
        edited = cls.edit_record(parent, session, clients, date_style, problems)
        return edited.session if edited else None

    @classmethod
    def edit_record(
        cls,
        parent: QWidget | None,
        session: Session,
        clients: Sequence[ClientSummary],
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        problems: dict[str, str] | None = None,
        goals: GoalsToRate | None = None,
        signed: SignedNote | None = None,
        boundaries: ClientBoundaries | None = None,
    ) -> SessionEdit | None:
        """Open a booked session with a Goals tab when given its client's goals; return the
        session checked and changed with the ratings given in it, or None if cancelled."""
        dialog = cls(
            session,
            clients,
            is_new=False,
            date_style=date_style,
            parent=parent,
            goals=goals,
            signed=signed,
            boundaries=boundaries,
        )
        if problems:
            dialog.show_problems(problems)
        dialog.exec()
        return dialog.result_edit()

    @classmethod
    def new(
        cls,
        parent: QWidget | None,
        template: Session,
        clients: Sequence[ClientSummary],
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        repeat: RecurrenceRule | None = None,
        problems: dict[str, str] | None = None,
    ) -> Booking | None:
        """Book a new session (client_id 0 leaves the client to choose); None if cancelled."""
        dialog = cls(
            template, clients, is_new=True, date_style=date_style, repeat=repeat, parent=parent
        )
        if problems:
            dialog.show_problems(problems)
        dialog.exec()
        return dialog.result_booking()
