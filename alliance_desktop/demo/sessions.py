"""The demo clients' sessions as the therapist recorded them, and the booking of what is to come.

Attended sessions carry an agenda, a short progress note, a focus, now and then a private
process note, and mostly an alliance check-in: high (8-10) once the work is under way, lower in
the first sessions and around a rupture, recovering as it is repaired. Some clients also have
instrument totals (SRS and ORS each session, PHQ-9 or GAD-7 every few weeks).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from alliance_desktop.demo.courses import Course, Visit
from alliance_desktop.demo.goals import GoalWindow
from alliance_desktop.demo.ruptures import RupturePlan
from alliance_desktop.demo.session_text import (
    ABSENCE_NOTES,
    AGENDAS,
    ENDING_NOTES,
    FOCUS_WORK,
    FOLLOW_UP_NOTES,
    GENERIC_AGENDAS,
    GENERIC_PLANS,
    INTAKE_NOTES,
    PLANS,
    PRIVATE_NOTES,
    REPORTS,
    REVIEW_NOTES,
    RUPTURE_PRIVATE_NOTES,
    WORK_DONE,
)
from alliance_desktop.demo.themes import ANXIETY, TRAUMA, theme_for
from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.recurrence import RecurrenceRule
from alliance_desktop.domain.rupture import RepairOutcome
from alliance_desktop.domain.session import Session, SessionKind, SessionStatus
from alliance_desktop.services.calendar import SessionCalendar

# How quickly a rupture's dip in the check-ins fades, session by session, by outcome.
_RECOVERY = {
    RepairOutcome.RESOLVED: 0.35,
    RepairOutcome.PARTLY: 0.6,
    RepairOutcome.UNRESOLVED: 0.85,
    None: 0.9,
}
_EARLY = (-1.2, -0.7, -0.3)  # the alliance is still forming in the first sessions
_USUAL_FOCUS = ("Exploring patterns", "Problem-solving", "Skills practice", "Ventilation")
_SPECIAL_FOCUS = {
    SessionKind.INTAKE: "Assessment",
    SessionKind.REVIEW: "Goal review",
    SessionKind.ENDING: "Ending and relapse prevention",
    SessionKind.FOLLOW_UP: "Follow-up",
}
_SPECIAL_NOTES = {
    SessionKind.INTAKE: INTAKE_NOTES,
    SessionKind.REVIEW: REVIEW_NOTES,
    SessionKind.ENDING: ENDING_NOTES,
    SessionKind.FOLLOW_UP: FOLLOW_UP_NOTES,
}


@dataclass(frozen=True)
class _Habits:
    """How one client's sessions tend to go and what is measured."""

    theme: str
    name: str
    concern: str
    alliance: float  # the usual overall check-in once the work is under way
    measures: bool  # SRS and ORS every session
    symptom: Instrument | None  # PHQ-9 or GAD-7 every fourth session


def history_sessions(
    rng: random.Random,
    course: Course,
    ruptures: Sequence[RupturePlan],
    windows: Sequence[GoalWindow],
    goal_ids: dict[str, int],
) -> list[Session]:
    """Every past session of the course, in `course.past` order."""
    habits = _habits(rng, course)
    dips = _dips(course, ruptures)
    rupture_visits = {plan.visit for plan in ruptures}
    ordinal = {index: number for number, index in enumerate(course.attended)}
    sessions = []
    for index, visit in enumerate(course.past):
        session = Session(
            client_id=course.client_id,
            start=visit.start,
            duration_minutes=visit.duration,
            modality=visit.modality,
            kind=visit.kind,
            status=visit.status,
        )
        if visit.status is SessionStatus.ATTENDED:
            number = ordinal[index]
            session = _attended(rng, session, habits, number, dips[number], index in rupture_visits)
            session = replace(session, goal_ids=_goals_worked_on(rng, visit, windows, goal_ids))
        elif visit.status is not SessionStatus.SCHEDULED:
            session = replace(session, progress_note=rng.choice(ABSENCE_NOTES[visit.status]))
        sessions.append(session)
    return sessions


def _habits(rng: random.Random, course: Course) -> _Habits:
    client = course.entry.client
    theme = theme_for(client.concerns)
    symptom = Instrument.GAD7 if theme in (ANXIETY, TRAUMA) else Instrument.PHQ9
    return _Habits(
        theme=theme,
        name=client.preferred_name or client.name.split()[0],
        concern=client.concerns[0] if client.concerns else "feeling low",
        alliance=rng.uniform(8.6, 9.7),
        measures=rng.random() < 0.5,
        symptom=symptom if rng.random() < 0.35 else None,
    )


def _dips(course: Course, ruptures: Sequence[RupturePlan]) -> list[float]:
    """How far below usual each attended session's alliance is, from the ruptures so far."""
    attended = course.attended
    ordinal = {index: number for number, index in enumerate(attended)}
    dips = [0.0] * len(attended)
    for plan in ruptures:
        start = ordinal.get(plan.visit)
        if start is None:
            continue
        depth, recovery = 0.8 + 0.6 * plan.significance, _RECOVERY[plan.outcome]
        for number in range(start, len(attended)):
            effect = depth * recovery ** (number - start)
            if effect < 0.1:
                break
            dips[number] += effect
    return dips


def _attended(
    rng: random.Random,
    session: Session,
    habits: _Habits,
    number: int,
    dip: float,
    ruptured: bool,
) -> Session:
    kind = session.kind
    focus = _SPECIAL_FOCUS.get(kind) or rng.choice(_USUAL_FOCUS)
    if kind in _SPECIAL_NOTES:
        note = rng.choice(_SPECIAL_NOTES[kind]).format(name=habits.name, concern=habits.concern)
    else:
        note = _progress_note(rng, habits, focus)
    if ruptured:
        note += " Some strain between us at one point; we talked about it (see rupture log)."
    private = ""
    if ruptured and rng.random() < 0.6:
        private = rng.choice(RUPTURE_PRIVATE_NOTES)
    elif rng.random() < 0.12:
        private = rng.choice(PRIVATE_NOTES)
    agenda = ""
    if kind is not SessionKind.INTAKE and rng.random() < 0.6:
        pool = GENERIC_AGENDAS if rng.random() < 0.25 else AGENDAS[habits.theme]
        agenda = rng.choice(pool)
    return replace(
        session,
        agenda=agenda,
        progress_note=note,
        private_note=private,
        focus=focus,
        check_in=_check_in(rng, habits, number, dip),
    )


def _progress_note(rng: random.Random, habits: _Habits, focus: str) -> str:
    report = rng.choice(REPORTS[habits.theme])
    work_pool = FOCUS_WORK.get(focus) if rng.random() < 0.3 else None
    work = rng.choice(work_pool or WORK_DONE[habits.theme])
    plan = rng.choice(PLANS[habits.theme] if rng.random() < 0.7 else GENERIC_PLANS)
    return f"{habits.name} {report}. {work} {plan}"


def _check_in(rng: random.Random, habits: _Habits, number: int, dip: float) -> AllianceCheckIn:
    if rng.random() < 0.15:
        return AllianceCheckIn()  # forgotten, or no time at the end
    level = habits.alliance - dip + (_EARLY[number] if number < len(_EARLY) else 0.0)
    # Each person rates most sessions, so each has a series of their own that flags can
    # compare like with like; the clinician's view runs a little below the client's.
    client = _ratings(rng, level) if rng.random() < 0.9 else None
    clinician = _ratings(rng, level - 0.2) if rng.random() < 0.75 else None
    instruments = []
    if habits.measures:
        progress = min(1.0, number / 20)
        ors = 19 + 11 * progress + rng.gauss(0, 2) - dip * 1.5
        instruments.append(InstrumentScore(Instrument.ORS, _tenths(ors, 40)))
        instruments.append(
            InstrumentScore(Instrument.SRS, _tenths(level * 4 + rng.gauss(0, 1), 40))
        )
    if habits.symptom is not None and number % 4 == 0:
        top, start, gain = (27, 16, 10) if habits.symptom is Instrument.PHQ9 else (21, 14, 9)
        score = start - gain * min(1.0, number / 24) + rng.gauss(0, 2) + dip
        instruments.append(InstrumentScore(habits.symptom, float(_whole(score, top))))
    return AllianceCheckIn(client=client, clinician=clinician, instruments=tuple(instruments))


def _ratings(rng: random.Random, level: float) -> AllianceRatings:
    return AllianceRatings(
        goals=_whole(level + rng.gauss(0, 0.5), 10),
        tasks=_whole(level - 0.2 + rng.gauss(0, 0.5), 10),
        bond=_whole(level + 0.3 + rng.gauss(0, 0.4), 10),
        # Overall follows how the work is going (early sessions, ruptures) with little
        # noise: a drop in someone's series then means something happened.
        overall=_whole(level + rng.gauss(0, 0.08), 10),
    )


def _goals_worked_on(
    rng: random.Random, visit: Visit, windows: Sequence[GoalWindow], goal_ids: dict[str, int]
) -> tuple[int, ...]:
    day = visit.start.date()
    current = [goal_ids[w.words] for w in windows if w.agreed_on <= day <= w.until]
    if not current:
        return ()
    if visit.kind is SessionKind.REVIEW:
        return tuple(sorted(current))
    return (rng.choice(current),) if rng.random() < 0.5 else ()


def _whole(value: float, top: int) -> int:
    return max(0, min(top, round(value)))


def _tenths(value: float, top: int) -> float:
    return max(0.0, min(float(top), round(value, 1)))


class SessionWriter:
    """Bulk-saves sessions in chunks (one transaction each) and hands back their ids."""

    def __init__(self, calendar: SessionCalendar, chunk_size: int = 5000) -> None:
        self._calendar = calendar
        self._chunk_size = chunk_size
        self._waiting: list[tuple[list[Session], list[int]]] = []
        self._waiting_count = 0
        self.written = 0

    def add(self, sessions: list[Session]) -> list[int]:
        """Queue the sessions; the returned list holds their ids once they are flushed."""
        ids: list[int] = []
        self._waiting.append((sessions, ids))
        self._waiting_count += len(sessions)
        if self._waiting_count >= self._chunk_size:
            self.flush()
        return ids

    def flush(self) -> None:
        if not self._waiting:
            return
        saved = iter(self._calendar.add_many([s for batch, _ in self._waiting for s in batch]))
        for batch, ids in self._waiting:
            ids.extend(next(saved).id or 0 for _ in batch)
            self.written += len(batch)
        self._waiting.clear()
        self._waiting_count = 0


def book_future(calendar: SessionCalendar, course: Course, allow_overlap: bool) -> int:
    """Book the client's series and one-off sessions to come; returns how many sessions."""
    booked = 0
    for plan in course.series:
        template = Session(
            client_id=course.client_id,
            start=plan.first_start,
            duration_minutes=plan.duration,
            modality=plan.modality,
        )
        rule = RecurrenceRule(plan.frequency, plan.first_start, count=plan.count)
        _, planned = calendar.plan_series(template, rule, allow_overlap=allow_overlap)
        if plan.ends_therapy:
            calendar.save(replace(planned[-1], kind=SessionKind.ENDING), allow_overlap=True)
        booked += len(planned)
    for visit in course.bookings:
        session = Session(
            client_id=course.client_id,
            start=visit.start,
            duration_minutes=visit.duration,
            modality=visit.modality,
            kind=visit.kind,
        )
        calendar.book(session, allow_overlap=allow_overlap)
        booked += 1
    return booked
