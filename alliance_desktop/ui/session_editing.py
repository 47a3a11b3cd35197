"""Booking, opening, moving and marking sessions: the editor first, then the database worker.

Every view that shows sessions (calendar, Today, a client's Sessions tab) asks this one object,
so the overlap question, the series question and undo behave the same everywhere. After any
change it emits `sessions_changed`, and each view reloads what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from alliance_desktop.domain.boundaries import ClientBoundaries
from alliance_desktop.domain.client import ClientSummary
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.recurrence import RecurrenceRule
from alliance_desktop.domain.session import Session, SessionOverlap, SessionStatus
from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.services import Practice
from alliance_desktop.services.calendar import SessionMove
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.dialogs.session_goal_fields import GoalsToRate, with_typed
from alliance_desktop.ui.dialogs.session_results import Booking, SessionEdit
from alliance_desktop.ui.draft_keeper import forget_draft
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.widgets.calendar_layout import short_day

THIS_ONLY = "This session only"
THIS_AND_FOLLOWING = "This and following"
CANCELLING = (
    SessionStatus.CANCELLED,
    SessionStatus.LATE_CANCELLED,
    SessionStatus.CLINICIAN_CANCELLED,
)


FIRST_HOUR, LAST_HOUR = 8, 19  # a new session is suggested within an ordinary working day


def suggested_start(now: dt.datetime) -> dt.datetime:
    """The next whole hour, or 09:00 when that falls at night (a late-evening booking is
    for tomorrow, one made before dawn for today)."""
    start = now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    if start.hour < FIRST_HOUR:
        return start.replace(hour=9)
    if start.hour > LAST_HOUR or start.date() > now.date():
        return dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(9, 0))
    return start


def _when(start: dt.datetime) -> str:
    return f"{short_day(start.date())}, {start:%H:%M}"


def _rated(edited: SessionEdit) -> str:
    count = len(edited.goal_ratings or ())
    return f", with {count} goal rating{'s' if count != 1 else ''}" if count else ""


def _series_fields(session: Session) -> tuple[object, ...]:
    """What "this and following" carries to the later sessions of a series."""
    return (session.start, session.duration_minutes, session.modality, session.kind)


class _Undoable(QUndoCommand):
    """A change already made; undo and redo run their vault work on the worker."""

    def __init__(
        self,
        editing: SessionEditing,
        text: str,
        undo_work: Callable[[], Any],
        redo_work: Callable[[], Any],
    ) -> None:
        super().__init__(text)
        self._editing = editing
        self._undo_work = undo_work
        self._redo_work = redo_work
        self._done_already = True  # push() calls redo(); the change itself was made before

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._editing.run_change(self._redo_work, f"Redone: {self.text()}.")

    def undo(self) -> None:
        self._editing.run_change(self._undo_work, f"Undone: {self.text()}.")


class SessionEditing(QObject):
    sessions_changed = Signal()
    status_message = Signal(str)

    def __init__(self, practice: Practice, tasks: TaskRunner, window: QWidget) -> None:
        super().__init__(window)
        self._practice = practice
        self._calendar = practice.calendar
        self._tasks = tasks
        self._window = window
        self._editor_open = False
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.undo_stack = QUndoStack(self)
        self._undo_actions: tuple[QAction, QAction] | None = None
        self._signed: dict[int, SignedNote] = {}  # as loaded with the session, for its editor
        self.boundaries: dict[int, ClientBoundaries | None] = {}  # by client, as last loaded

    # Booking

    def new_session(self, start: dt.datetime | None = None, client_id: int | None = None) -> None:
        """Open the editor for a new session (at `start`, or the next sensible hour)."""
        if self._editor_open:
            return
        self._editor_open = True
        practice = self._practice

        def load() -> tuple[list[ClientSummary], Session]:
            minutes = practice.profile().default_session_minutes
            begin = start or suggested_start(practice.local_now())
            return practice.client_summaries(), Session(client_id or 0, begin, minutes)

        self._tasks.submit(load, lambda loaded: self._open_new(*loaded), self._could_not_open)

    def _open_new(
        self,
        clients: list[ClientSummary],
        template: Session,
        repeat: RecurrenceRule | None = None,
        problems: dict[str, str] | None = None,
    ) -> None:
        self._editor_open = True
        try:
            booking = SessionDialog.new(
                self._window, template, clients, self.date_style, repeat, problems
            )
        finally:
            self._editor_open = False
        if booking is not None:
            self._book(booking, clients)

    def _book(
        self, booking: Booking, clients: list[ClientSummary], allow_overlap: bool = False
    ) -> None:
        calendar, session, rule = self._calendar, booking.session, booking.repeat

        def work() -> list[Session]:
            if rule is None:
                return [calendar.book(session, allow_overlap=allow_overlap)]
            return calendar.plan_series(session, rule, allow_overlap=allow_overlap)[1]

        def booked(saved: list[Session]) -> None:
            forget_draft("session", None)
            if len(saved) == 1:
                text = f"Session booked for {_when(saved[0].start)}."
            else:
                text = f"{len(saved)} sessions booked, from {_when(saved[0].start)}."
            self._changed(text)

        self._tasks.submit(
            work,
            booked,
            lambda error: self._failed(
                error,
                "Book anyway",
                retry=lambda: self._book(booking, clients, allow_overlap=True),
                reopen=lambda problems: self._open_new(clients, session, rule, problems),
            ),
        )

    # Opening and saving

    def open_session(self, session_id: int) -> None:
        if self._editor_open:
            # A double-click can arrive as two activations; one editor is enough.
            return
        self._editor_open = True
        practice, calendar = self._practice, self._calendar

        def load() -> tuple[list[ClientSummary], Session, GoalsToRate, SignedNote]:
            session, given = calendar.session(session_id), calendar.goal_ratings(session_id)
            board = tuple(practice.goals.board(session.client_id))
            goals = GoalsToRate(board, given, practice.today())
            # Shown above the note; kept here so the editor's other callers stay as they are.
            self.boundaries[session.client_id] = practice.boundaries.current(session.client_id)
            return (
                practice.client_summaries(),
                session,
                goals,
                practice.notes.signed_note(session_id),
            )

        def loaded(result: tuple[list[ClientSummary], Session, GoalsToRate, SignedNote]) -> None:
            clients, session, goals, signed = result
            self._signed[session_id] = signed
            self._open_existing(clients, session, goals)

        self._tasks.submit(load, loaded, self._could_not_open)

    def _open_existing(
        self,
        clients: list[ClientSummary],
        before: Session,
        goals: GoalsToRate,
        typed: SessionEdit | None = None,
        problems: dict[str, str] | None = None,
    ) -> None:
        self._editor_open = True
        shown = typed or SessionEdit(before)
        goals_shown = with_typed(goals, shown)
        try:
            edited = SessionDialog.edit_record(
                self._window,
                shown.session,
                clients,
                self.date_style,
                problems,
                goals_shown,
                self._signed.get(before.id or 0),
                boundaries=self.boundaries.get(before.client_id),
            )
        finally:
            self._editor_open = False
        if edited is None:
            return
        scope = self.series_scope(before, edited.session)
        if scope is None:  # they stepped back from the series question: back to the editor
            self._open_existing(clients, before, goals, edited)
            return
        self._save(clients, before, goals, edited, scope)

    def series_scope(self, before: Session, after: Session) -> str | None:
        """THIS_ONLY, THIS_AND_FOLLOWING, or None when the clinician cancels the question."""
        if after.series_id is None:
            return THIS_ONLY
        if after.status in CANCELLING and before.status is SessionStatus.SCHEDULED:
            return messages.choose(
                self._window,
                "Cancel a session in a series",
                f"Cancel only this session ({_when(after.start)}), or this one and every later "
                "session of the series?\n\nCancelling the following sessions ends the series "
                "here. Later sessions you have already written in are kept, marked as cancelled "
                "by you; empty ones are removed.",
                [THIS_ONLY, THIS_AND_FOLLOWING],
            )
        if _series_fields(after) != _series_fields(before):
            return messages.choose(
                self._window,
                "Change a session in a series",
                "Apply the new time, length, modality and kind to this session only, or to "
                "this one and every later planned session of the series?",
                [THIS_ONLY, THIS_AND_FOLLOWING],
            )
        return THIS_ONLY

    def _save(
        self,
        clients: list[ClientSummary],
        before: Session,
        goals: GoalsToRate,
        edited: SessionEdit,
        scope: str,
        allow_overlap: bool = False,
    ) -> None:
        """The session and the ratings given in it are saved in one transaction."""
        calendar, after, ratings = self._calendar, edited.session, edited.goal_ratings
        notes = self._practice.notes
        following = scope == THIS_AND_FOLLOWING
        cancelling = following and after.status in CANCELLING

        def work() -> str:
            if cancelling:
                calendar.save(after, allow_overlap=True, goal_ratings=ratings)
                calendar.cancel_following(after.id or 0, after.status)
                return "Session cancelled, and the series ends here."
            if following:
                changed = calendar.change_following(
                    after, allow_overlap=allow_overlap, goal_ratings=ratings
                )
                return f"{len(changed)} sessions of the series changed{_rated(edited)}."
            saved = calendar.save(after, allow_overlap=allow_overlap, goal_ratings=ratings)
            if edited.sign:
                notes.sign(saved.id or 0)
                return f"Session on {_when(saved.start)} saved and its note signed{_rated(edited)}."
            return f"Session on {_when(saved.start)} saved{_rated(edited)}."

        def saved(text: str) -> None:
            forget_draft("session", after.id)
            if not following:
                self._push_undo_of_save(before, goals, edited)  # Edit › Undo names it
            self._changed(text)

        self._tasks.submit(
            work,
            saved,
            lambda error: self._failed(
                error,
                "Save anyway",
                retry=lambda: self._save(clients, before, goals, edited, scope, True),
                reopen=lambda problems: self._open_existing(
                    clients, before, goals, edited, problems
                ),
            ),
        )

    def _push_undo_of_save(self, before: Session, goals: GoalsToRate, edited: SessionEdit) -> None:
        """Edit › Undo puts the session back as it was before the editor saved (its ratings
        too, when the editor had a Goals tab). A signed note is never rewritten: undoing a
        change to it is one more dated amendment."""
        calendar, after = self._calendar, edited.session
        had = None if edited.goal_ratings is None else dict(goals.given)
        gave = edited.goal_ratings

        def undo() -> None:
            current = calendar.session(before.id or 0)
            calendar.save(
                replace(before, series_id=current.series_id), allow_overlap=True, goal_ratings=had
            )

        def redo() -> None:
            current = calendar.session(after.id or 0)
            calendar.save(
                replace(after, series_id=current.series_id), allow_overlap=True, goal_ratings=gave
            )

        text = f"changes to the session on {_when(after.start)}"
        self.undo_stack.push(_Undoable(self, text, undo, redo))

    # Moving and marking (both undoable)

    def move_session(
        self, session_id: int, new_start: dt.datetime, allow_overlap: bool = False
    ) -> None:
        calendar = self._calendar

        def moved(move: SessionMove) -> None:
            latest = [move]

            def undo() -> None:
                calendar.undo_move(latest[0])

            def redo() -> None:
                latest[0] = calendar.move(session_id, move.after.start, allow_overlap=True)

            text = f"move to {_when(move.after.start)}"
            self.undo_stack.push(_Undoable(self, text, undo, redo))
            self._changed(f"Session moved to {_when(move.after.start)}. Ctrl+Z puts it back.")

        def failed(error: Exception) -> None:
            emit(self.sessions_changed)  # the dragged session goes back where it was drawn
            if isinstance(error, SessionOverlap):
                question = f"{error}\n\nMove it there anyway?"
                if messages.confirm(self._window, "Overlapping sessions", question, "Move anyway"):
                    self.move_session(session_id, new_start, allow_overlap=True)
                return
            messages.show_error(self._window, "The session was not moved", error)

        self._tasks.submit(
            lambda: calendar.move(session_id, new_start, allow_overlap=allow_overlap),
            moved,
            failed,
        )

    def set_status(self, session_id: int, status: SessionStatus | str) -> None:
        """Mark attendance in one click (Today's "To close"); marks never ask about overlaps:
        they record what happened."""
        calendar, new_status = self._calendar, SessionStatus(status)

        def mark(to: SessionStatus) -> Session:
            return calendar.save(
                replace(calendar.session(session_id), status=to), allow_overlap=True
            )

        def work() -> tuple[Session, Session]:
            before = calendar.session(session_id)
            return before, mark(new_status)

        def marked(result: tuple[Session, Session]) -> None:
            before, after = result
            text = f"marking {_when(after.start)} as {new_status.label.lower()}"
            self.undo_stack.push(
                _Undoable(self, text, lambda: mark(before.status), lambda: mark(new_status))
            )
            self._changed(f"{_when(after.start)} marked as {new_status.label.lower()}.")

        self._tasks.submit(
            work,
            marked,
            lambda error: messages.show_error(self._window, "Nothing was changed", error),
        )

    def run_change(self, work: Callable[[], Any], done_text: str) -> None:
        """Run an undo or redo on the worker, then let the views reload."""
        self._tasks.submit(
            work,
            lambda _result: self._changed(done_text),
            lambda error: self._undo_failed(error),
        )

    # Outcomes

    def _changed(self, text: str) -> None:
        emit(self.sessions_changed)
        emit(self.status_message, text)

    def _failed(
        self,
        error: Exception,
        anyway_label: str,
        retry: Callable[[], None],
        reopen: Callable[[dict[str, str] | None], None],
    ) -> None:
        """Overlap: ask, then retry or go back to the editor. Anything else: say so and go back
        to the editor with what was typed, so nothing the clinician wrote is lost."""
        if isinstance(error, SessionOverlap):
            question = f"{error}\n\nBook it anyway?"
            if messages.confirm(self._window, "Overlapping sessions", question, anyway_label):
                retry()
            else:
                reopen(None)
            return
        if isinstance(error, InvalidInput):
            reopen(error.problems)
            return
        messages.show_error(self._window, "Nothing was saved", error)
        reopen(None)

    def _could_not_open(self, error: Exception) -> None:
        self._editor_open = False
        messages.show_error(self._window, "Could not open the session", error)

    def _undo_failed(self, error: Exception) -> None:
        emit(self.sessions_changed)
        messages.show_error(self._window, "Could not undo or redo that change", error)

    def bind_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """Edit › Undo and Redo follow the stack: enabled when there is something to undo,
        and named for it ("Undo move to Tue 17 Mar, 11:00")."""
        stack = self.undo_stack
        self._undo_actions = (undo, redo)
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        # Through methods of this object, so Qt disconnects them when the window closes.
        stack.canUndoChanged.connect(self._show_undo_state)
        stack.canRedoChanged.connect(self._show_undo_state)
        stack.undoTextChanged.connect(self._show_undo_state)
        stack.redoTextChanged.connect(self._show_undo_state)
        self._show_undo_state()

    def _show_undo_state(self, *_signal_args: object) -> None:
        if self._undo_actions is None:
            return
        undo, redo = self._undo_actions
        if not (isValid(undo) and isValid(redo)):
            return  # the window is closing
        stack = self.undo_stack
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(f"&Undo {stack.undoText()}".rstrip())
        redo.setText(f"&Redo {stack.redoText()}".rstrip())
