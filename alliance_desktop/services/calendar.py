"""The session calendar: booking, series, attendance and the therapist's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from alliance_desktop.domain.audit import EventRecorder, VaultEvent
from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming
from alliance_desktop.domain.diary_events import DiarySession
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.goal_rules import check_session_ratings
from alliance_desktop.domain.recurrence import (
    RecurrenceRule,
    SessionSeries,
    check_recurrence,
    occurrences,
)
from alliance_desktop.domain.session import (
    MAX_SESSION_MINUTES,
    AttendanceCounts,
    CalendarEntry,
    Session,
    SessionOverlap,
    SessionStatus,
    check_session,
    needs_closing,
    overlapping,
)
from alliance_desktop.services.private_files import write_private_file
from alliance_desktop.vault.diary_repository import DiaryRepository
from alliance_desktop.vault.session_repository import SessionRepository

_LONGEST = dt.timedelta(minutes=MAX_SESSION_MINUTES)


@dataclass(frozen=True)
class ClientSessionHistory:
    entries: list[CalendarEntry]  # oldest first
    attendance: AttendanceCounts
    next_session: CalendarEntry | None


@dataclass(frozen=True)
class DayPlan:
    sessions: list[CalendarEntry]  # today's, in time order
    to_close: list[CalendarEntry]  # ended but not yet marked attended/cancelled/no-show


@dataclass(frozen=True)
class SessionMove:
    """What a drag changed, so it can be undone."""

    before: Session
    after: Session


if TYPE_CHECKING:
    from alliance_desktop.services.calendar_export import DiaryExport


class SessionCalendar:
    def __init__(
        self,
        sessions: SessionRepository,
        now: Callable[[], dt.datetime],
        record: EventRecorder | None = None,
        *,
        diary: DiaryRepository | None = None,
        zone: Callable[[], ZoneInfo | None] | None = None,
    ) -> None:
        self._sessions = sessions
        self._now = now  # local wall-clock time, like session starts
        self._record = record  # exports go into the audit trail
        self._diary = diary  # sessions with their calendar UIDs, for .ics files
        self._zone = zone  # the computer's time zone, asked at each export (laptops travel)

    # Reading

    def entries_between(self, start: dt.datetime, end: dt.datetime) -> list[CalendarEntry]:
        return self._sessions.entries_between(start, end)

    def session(self, session_id: int) -> Session:
        return self._sessions.get(session_id)

    def goal_ratings(self, session_id: int) -> dict[int, GasRating]:
        """The GAS rating each goal was given in this session, by goal id."""
        return self._sessions.goal_ratings(session_id)

    def clashes(self, session: Session) -> list[CalendarEntry]:
        nearby = self._sessions.entries_between(session.start - _LONGEST, session.end)
        return overlapping(session, nearby)

    def client_history(self, client_id: int) -> ClientSessionHistory:
        entries = self._sessions.client_entries(client_id)
        now = self._now()
        upcoming = [e for e in entries if e.start >= now and e.status is SessionStatus.SCHEDULED]
        return ClientSessionHistory(
            entries=entries,
            attendance=AttendanceCounts.of(entries),
            next_session=upcoming[0] if upcoming else None,
        )

    def day_plan(self, day: dt.date | None = None, look_back_days: int = 60) -> DayPlan:
        now = self._now()
        day = day or now.date()
        midnight = dt.datetime.combine(day, dt.time())
        todays = self._sessions.entries_between(midnight, midnight + dt.timedelta(days=1))
        # Only the sessions still marked scheduled can need closing: the database picks them,
        # rather than two months of sessions being read to find a handful.
        recent = self._sessions.entries_between(
            now - dt.timedelta(days=look_back_days), now, SessionStatus.SCHEDULED
        )
        return DayPlan(
            sessions=todays,
            to_close=[entry for entry in recent if needs_closing(entry, now)],
        )

    def export_icalendar(
        self,
        path: Path,
        first_day: dt.date,
        last_day: dt.date,
        naming: CalendarNaming = CalendarNaming.INITIALS,
        label: str = DEFAULT_LABEL,
    ) -> int:
        """Write an .ics of the sessions for the therapist's own diary (cancelled ones marked
        cancelled); returns how many booked sessions it holds."""
        export = self.icalendar(first_day, last_day, naming, label)
        record = self._record
        # Recorded before the file takes its name: no export exists outside the audit trail.
        write_private_file(
            path,
            export.data,
            before_replace=None
            if record is None
            else lambda: record(VaultEvent.CALENDAR_EXPORTED, None),
        )
        return export.booked

    def diary_between(self, first_day: dt.date, last_day: dt.date) -> list[DiarySession]:
        """Every session from first_day to last_day inclusive, whatever its status, with the
        UID and revision its calendar event carries (for `calendar list`)."""
        if last_day < first_day:
            raise InvalidInput.single("to", "The end date must not be before the start date.")
        start = dt.datetime.combine(first_day, dt.time())
        end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time())
        return self._diary_repository().sessions_between(start, end)

    def icalendar(
        self,
        first_day: dt.date,
        last_day: dt.date,
        naming: CalendarNaming = CalendarNaming.INITIALS,
        label: str = DEFAULT_LABEL,
        zone: ZoneInfo | None = None,
    ) -> DiaryExport:
        """The .ics of the sessions from first_day to last_day, in `zone` (default: this
        computer's), without writing it anywhere."""
        # The iCalendar writer loads with the first export, not when the app starts.
        from alliance_desktop.services.calendar_export import icalendar_for_range

        return icalendar_for_range(
            self._diary_repository(),
            first_day,
            last_day,
            naming,
            label,
            self._now(),
            zone if zone is not None else self._computer_zone(),
        )

    def _computer_zone(self) -> ZoneInfo | None:
        if self._zone is not None:
            return self._zone()
        from alliance_desktop.exchange.local_zone import local_zone

        return local_zone()

    def change_mark(self) -> int:
        """A number that grows with every change written to the vault (cheap to ask often)."""
        return self._diary_repository().change_mark()

    def _diary_repository(self) -> DiaryRepository:
        if self._diary is None:
            raise RuntimeError("This calendar was made without access to calendar UIDs.")
        return self._diary

    # Writing

    def book(self, session: Session, *, allow_overlap: bool = False) -> Session:
        checked = check_session(session)
        self._refuse_clashes(checked, allow_overlap)
        return self._sessions.add(checked)

    def add_many(self, sessions: list[Session]) -> list[Session]:
        """Bulk booking for imports and the demo: every session checked, one transaction,
        no overlap questions (the sessions come from a record that already happened)."""
        return self._sessions.add_many([check_session(session) for session in sessions])

    def save(
        self,
        session: Session,
        *,
        allow_overlap: bool = False,
        goal_ratings: Mapping[int, GasRating] | None = None,
    ) -> Session:
        """Save one session (this occurrence only, when it belongs to a series).

        `goal_ratings` (goal id -> rating) become the GAS ratings given in this session, dated
        on its day and saved in the same transaction as the session; None leaves them as they
        are."""
        checked = check_session(session)
        rated = self._checked_ratings(checked, goal_ratings)
        before = self._sessions.get(session.id or 0)
        if (checked.start, checked.end, checked.status) != (
            before.start,
            before.end,
            before.status,
        ):
            self._refuse_clashes(checked, allow_overlap)
        return self._sessions.update(checked, goal_ratings=rated)

    def move(
        self, session_id: int, new_start: dt.datetime, *, allow_overlap: bool = False
    ) -> SessionMove:
        before = self._sessions.get(session_id)
        after = self.save(replace(before, start=new_start), allow_overlap=allow_overlap)
        return SessionMove(before, after)

    def undo_move(self, move: SessionMove) -> Session:
        current = self._sessions.get(move.after.id or 0)
        return self._sessions.update(
            replace(current, start=move.before.start, duration_minutes=move.before.duration_minutes)
        )

    def plan_series(
        self, template: Session, rule: RecurrenceRule, *, allow_overlap: bool = False
    ) -> tuple[SessionSeries, list[Session]]:
        """Book every occurrence of a recurring appointment in one go."""
        checked_rule = check_recurrence(replace(rule, first_start=template.start))
        checked = check_session(template)
        planned = [
            replace(checked, start=start, series_date=start.date())
            for start in occurrences(checked_rule)
        ]
        if not allow_overlap:
            clashes = [clash for session in planned for clash in self.clashes(session)]
            if clashes:
                raise SessionOverlap(clashes)
        series = SessionSeries(client_id=template.client_id, rule=checked_rule)
        return self._sessions.add_series(series, planned)

    def change_following(
        self,
        changed: Session,
        *,
        allow_overlap: bool = False,
        goal_ratings: Mapping[int, GasRating] | None = None,
    ) -> list[Session]:
        """Apply this session's new time, length, modality and kind to it and every later
        planned session of its series. Sessions in the past or already closed stay as they are.
        `goal_ratings` are this session's own, saved with it as in `save`.
        """
        before = self._sessions.get(changed.id or 0)
        checked = check_session(changed)
        rated = self._checked_ratings(checked, goal_ratings)
        shift = checked.start - before.start
        following = self._following_planned(before)
        updated = [checked] + [
            replace(
                session,
                start=session.start + shift,
                duration_minutes=checked.duration_minutes,
                modality=checked.modality,
                kind=checked.kind,
            )
            for session in following
        ]
        if not allow_overlap:
            moved_ids = {s.id for s in updated}
            clashes = [c for s in updated for c in self.clashes(s) if c.session_id not in moved_ids]
            if clashes:
                raise SessionOverlap(clashes)
        given = None if rated is None else {checked.id or 0: rated}
        return self._sessions.update_many(updated, goal_ratings=given)

    def cancel_following(self, session_id: int, status: SessionStatus) -> Session:
        """Cancel this session and end its series here, in one transaction: later planned
        sessions that hold nothing are removed; any holding anything written (an agenda, a
        note, a check-in, a rating) is kept, marked cancelled by me."""
        session = self._sessions.get(session_id)
        cancelled = replace(session, status=status)
        later = [other.id or 0 for other in self._following_planned(session)]
        self._sessions.end_series_from(cancelled, later, session.start.date())
        return cancelled

    def _following_planned(self, session: Session) -> list[Session]:
        if session.series_id is None:
            return []
        now = self._now()
        return [
            other
            for other in self._sessions.series_sessions(session.series_id)
            if other.start > session.start
            and other.start >= now  # the past is never rewritten by a series change
            and other.status is SessionStatus.SCHEDULED
        ]

    def _checked_ratings(
        self, session: Session, ratings: Mapping[int, GasRating] | None
    ) -> dict[int, GasRating] | None:
        if ratings is None:
            return None
        return check_session_ratings(
            ratings, session.goal_ids, session.start.date(), self._now().date()
        )

    def _refuse_clashes(self, session: Session, allow_overlap: bool) -> None:
        if not allow_overlap:
            clashes = self.clashes(session)
            if clashes:
                raise SessionOverlap(clashes)
