"""Therapy sessions: when, how, whether the client came, and what was noted."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, check_alliance_check_in
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import (
    EARLIEST_DATE,
    LATEST_DATE,
    LONG_TEXT_LIMIT,
    check_text,
)

MAX_SESSION_MINUTES = 8 * 60


class SessionStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    ATTENDED = "attended"
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"
    CLINICIAN_CANCELLED = "clinician_cancelled"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def takes_up_time(self) -> bool:
        """Whether the slot is still booked (cancelled sessions free it)."""
        return self in (SessionStatus.SCHEDULED, SessionStatus.ATTENDED, SessionStatus.NO_SHOW)


_STATUS_LABELS = {
    SessionStatus.SCHEDULED: "Scheduled",
    SessionStatus.ATTENDED: "Attended",
    SessionStatus.CANCELLED: "Cancelled",
    SessionStatus.LATE_CANCELLED: "Late cancellation",
    SessionStatus.NO_SHOW: "No-show",
    SessionStatus.CLINICIAN_CANCELLED: "Cancelled by me",
}


class Modality(enum.StrEnum):
    IN_PERSON = "in_person"
    VIDEO = "video"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return {"in_person": "In person", "video": "Video", "phone": "Phone"}[self.value]


class SessionKind(enum.StrEnum):
    INTAKE = "intake"
    REGULAR = "regular"
    REVIEW = "review"
    ENDING = "ending"
    FOLLOW_UP = "follow_up"

    @property
    def label(self) -> str:
        return self.value.replace("_", "-").capitalize()


# Common foci, offered as suggestions; the clinician may write their own.
SESSION_FOCUS_SUGGESTIONS = (
    "Ventilation",
    "Problem-solving",
    "Skills practice",
    "Exploring patterns",
    "Goal review",
    "Crisis support",
    "Psychoeducation",
    "Ending and relapse prevention",
)


@dataclass(frozen=True)
class Session:
    client_id: int
    start: dt.datetime  # local wall-clock time, no timezone: the therapist's own diary
    duration_minutes: int
    id: int | None = None
    modality: Modality = Modality.IN_PERSON
    kind: SessionKind = SessionKind.REGULAR
    status: SessionStatus = SessionStatus.SCHEDULED
    agenda: str = ""  # what the client brought
    progress_note: str = ""  # part of the clinical record
    private_note: str = ""  # process notes: kept apart, never exported unless ticked in
    focus: str = ""
    goal_ids: tuple[int, ...] = ()
    series_id: int | None = None
    series_date: dt.date | None = None  # the date the series planned this occurrence for
    check_in: AllianceCheckIn = field(default_factory=AllianceCheckIn)

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)


def session_between(session: Session, start: dt.datetime, end: dt.datetime) -> Session:
    """The session moved to start..end, refusing an end that is not after the start."""
    problems: dict[str, str] = {}
    if end <= start:
        problems["end"] = "The session must end after it starts."
    _check_start(problems, start)
    if problems:
        raise InvalidInput(problems)
    minutes = int((end - start).total_seconds() // 60)
    return replace(session, start=start, duration_minutes=minutes)


def check_session(session: Session) -> Session:
    """Return the session with text trimmed, or raise InvalidInput with one message per field."""
    problems: dict[str, str] = {}
    _check_start(problems, session.start)
    if session.duration_minutes <= 0:
        problems["duration_minutes"] = (
            f"The duration must be more than 0 minutes (got {session.duration_minutes})."
        )
    elif session.duration_minutes > MAX_SESSION_MINUTES:
        problems["duration_minutes"] = (
            f"A session can last at most {MAX_SESSION_MINUTES // 60} hours "
            f"(got {session.duration_minutes} minutes)."
        )
    check_text(problems, "agenda", "Agenda", session.agenda, limit=LONG_TEXT_LIMIT)
    check_text(
        problems, "progress_note", "Progress note", session.progress_note, limit=LONG_TEXT_LIMIT * 5
    )
    check_text(
        problems, "private_note", "Process notes", session.private_note, limit=LONG_TEXT_LIMIT * 5
    )
    check_text(problems, "focus", "Focus", session.focus)
    try:
        check_alliance_check_in(session.check_in)
    except InvalidInput as error:
        problems.update(error.problems)
    if problems:
        raise InvalidInput(problems)
    return replace(
        session,
        agenda=session.agenda.strip(),
        progress_note=session.progress_note.rstrip(),
        private_note=session.private_note.rstrip(),
        focus=session.focus.strip(),
    )


def overlapping(session: Session, booked: Iterable[CalendarEntry]) -> list[CalendarEntry]:
    """Booked sessions that share time with this one (cancelled ones free their slot)."""
    if not session.status.takes_up_time:
        return []
    return [
        entry
        for entry in booked
        if entry.session_id != session.id
        and entry.status.takes_up_time
        and session.start < entry.end
        and entry.start < session.end
    ]


def _check_start(problems: dict[str, str], start: dt.datetime) -> None:
    if not EARLIEST_DATE <= start.date() <= LATEST_DATE:
        problems["start"] = (
            f"The date must be between 1900 and 2200 (got {start.date().isoformat()})."
        )


@dataclass(frozen=True)
class CalendarEntry:
    """A session as the calendar shows it: who, when, how, and whether it happened. No notes."""

    session_id: int
    client_id: int
    client_name: str
    start: dt.datetime
    duration_minutes: int
    status: SessionStatus
    modality: Modality
    kind: SessionKind
    series_id: int | None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)


class SessionOverlap(Exception):
    """Saving would double-book; the caller asks the clinician and retries with allow_overlap."""

    def __init__(self, clashes: list[CalendarEntry]) -> None:
        self.clashes = clashes
        described = "; ".join(
            f"{entry.client_name} {entry.start:%a %d %b %H:%M}-{entry.end:%H:%M}"
            for entry in clashes[:3]
        )
        super().__init__(f"This overlaps another session: {described}.")


@dataclass(frozen=True)
class AttendanceCounts:
    attended: int = 0
    cancelled: int = 0
    late_cancelled: int = 0
    no_show: int = 0
    clinician_cancelled: int = 0
    scheduled: int = 0

    @classmethod
    def of(cls, entries: Iterable[CalendarEntry]) -> AttendanceCounts:
        counts = {status: 0 for status in SessionStatus}
        for entry in entries:
            counts[entry.status] += 1
        return cls(**{status.value: count for status, count in counts.items()})


def needs_closing(entry: CalendarEntry, now: dt.datetime) -> bool:
    """A session that has ended but is still marked as only scheduled."""
    return entry.status is SessionStatus.SCHEDULED and entry.end <= now
