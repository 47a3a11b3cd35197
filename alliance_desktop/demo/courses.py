"""Each demo client's course of therapy: a fixed weekly slot, every session date with its kind,
status and modality, and the series still to come.

Past sessions are closed the way a practice closes them (mostly attended; some cancelled, late
cancelled, no-shows, and the therapist's own leave), except a few from the last week that are
left open so the Today view has sessions to close. Nothing here touches the vault.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from alliance_desktop.demo.clients import CaseloadEntry, started_on
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.recurrence import Frequency
from alliance_desktop.domain.session import Modality, SessionKind, SessionStatus

WEEK = dt.timedelta(weeks=1)
_CURRENT = (ClientStatus.ACTIVE, ClientStatus.ENDING)
_MODALITIES = {Modality.IN_PERSON: 65, Modality.VIDEO: 30, Modality.PHONE: 5}


@dataclass(frozen=True)
class Slot:
    weekday: int  # Monday is 0
    hour: int


@dataclass(frozen=True)
class Visit:
    """One session as planned: when, how long, what kind, how it went."""

    start: dt.datetime
    duration: int
    kind: SessionKind
    status: SessionStatus
    modality: Modality

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration)


@dataclass(frozen=True)
class SeriesPlan:
    """A recurring appointment to book with `plan_series` from now on."""

    first_start: dt.datetime
    frequency: Frequency
    count: int
    duration: int
    modality: Modality
    ends_therapy: bool = False  # its last session is the ending session


@dataclass(frozen=True)
class Scale:
    """What differs between the small showcase practice and the large benchmark one."""

    unique_slots: bool  # small: one client per slot; large: more clients than slots
    hours: tuple[int, ...]
    future_weeks: int = 8
    to_close: int = 3
    twice_weekly_share: float = 0.0
    benchmark_sessions: int | None = None  # the first client gets exactly this many


@dataclass
class Course:
    position: int  # in the caseload; the showcase clients come first
    entry: CaseloadEntry
    past: list[Visit] = field(default_factory=list)  # oldest first; start before now
    series: list[SeriesPlan] = field(default_factory=list)
    bookings: list[Visit] = field(default_factory=list)  # one-off sessions still to come
    client_id: int = 0  # known once the client is saved

    @property
    def status(self) -> ClientStatus:
        return self.entry.client.status

    @property
    def attended(self) -> list[int]:
        """Indexes into `past` of the sessions that took place."""
        return [i for i, v in enumerate(self.past) if v.status is SessionStatus.ATTENDED]


def plan_courses(
    rng: random.Random, caseload: list[CaseloadEntry], now: dt.datetime, scale: Scale
) -> list[Course]:
    slots = _assign_slots(rng, caseload, now, scale)
    days_off = _clinician_days_off(rng, caseload, now)
    courses = []
    for position, entry in enumerate(caseload):
        client_rng = random.Random(f"{rng.random()}:{position}")
        benchmark = scale.benchmark_sessions if position == 0 else None
        course = Course(position, entry)
        _plan(client_rng, course, slots[position], now, scale, days_off, benchmark)
        courses.append(course)
    _leave_some_to_close(rng, courses, now, scale.to_close)
    return courses


def _assign_slots(
    rng: random.Random, caseload: list[CaseloadEntry], now: dt.datetime, scale: Scale
) -> list[list[Slot]]:
    """One slot per client (two for a few in the large practice); three current clients are
    seen on today's weekday, so today always has sessions."""
    weekdays = sorted({0, 1, 2, 3, 4, now.weekday()})
    every = [Slot(day, hour) for day in weekdays for hour in scale.hours]
    todays = [slot for slot in every if slot.weekday == now.weekday()]
    rng.shuffle(todays)
    current = [i for i, e in enumerate(caseload) if e.client.status in _CURRENT]
    seen_today = rng.sample(current, min(3, len(current), len(todays)))
    pool = todays[len(seen_today) :] + [s for s in every if s.weekday != now.weekday()]
    rng.shuffle(pool)
    given: list[list[Slot]] = []
    for index, entry in enumerate(caseload):
        if index in seen_today:
            slot = todays[seen_today.index(index)]
        elif scale.unique_slots and pool:
            slot = pool.pop()
        else:  # more clients than slots: they share, as in the large benchmark practice
            slot = every[(index * 7) % len(every)]
        slots = [slot]
        twice = entry.client.status is not ClientStatus.INTAKE
        if twice and index > 0 and rng.random() < scale.twice_weekly_share:
            slots.append(rng.choice([s for s in every if s.weekday != slot.weekday]))
        given.append(slots)
    return given


def _clinician_days_off(
    rng: random.Random, caseload: list[CaseloadEntry], now: dt.datetime
) -> set[dt.date]:
    """Two days a year the therapist was ill or at a training day."""
    starts = [e.client.start_date for e in caseload if e.client.start_date is not None]
    first_year = min(starts).year if starts else now.year
    days: set[dt.date] = set()
    for year in range(first_year, now.year + 1):
        for _ in range(2):
            days.add(dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(7, 350)))
    return days


def on_leave(day: dt.date) -> bool:
    """The therapist's annual leave: two weeks in August and Christmas to New Year."""
    return (
        (day.month == 8 and 10 <= day.day <= 23)
        or (day.month == 12 and day.day >= 24)
        or (day.month == 1 and day.day == 1)
    )


def _plan(
    rng: random.Random,
    course: Course,
    slots: list[Slot],
    now: dt.datetime,
    scale: Scale,
    days_off: set[dt.date],
    benchmark: int | None,
) -> None:
    """The client's past sessions at each of their slots, and what is booked next."""
    client = course.entry.client
    start_date = client.start_date or now.date()
    modality = rng.choices(list(_MODALITIES), list(_MODALITIES.values()))[0]
    duration = 60 if rng.random() < 0.1 else 50
    reliability = rng.choice((0.93, 0.91, 0.89, 0.86, 0.8))  # share of sessions attended
    status = client.status
    lead_days = rng.randint(2, 6) if status is ClientStatus.INTAKE else rng.randint(0, 10)
    for number, slot in enumerate(slots):
        first = _next_on(slot, start_date + dt.timedelta(days=lead_days + number))
        fortnightly = number == 0 and status is ClientStatus.ACTIVE and rng.random() < 0.2
        step = 14 if fortnightly and benchmark is None else 7
        starts = _history_starts(rng, first, slot, now, course.entry.ended_on, step, status)
        if benchmark is not None:
            starts = _exactly(slot, now, benchmark - scale.future_weeks)
        visits = [
            _visit(rng, moment, index, duration, modality, reliability, now, days_off, number)
            for index, moment in enumerate(starts)
        ]
        if status in (ClientStatus.ENDED, ClientStatus.HANDED_OVER) and visits:
            visits[-1] = replace(visits[-1], kind=SessionKind.ENDING, status=SessionStatus.ATTENDED)
        course.past.extend(visits)
        _plan_future(rng, course, slot, starts, now, scale, duration, modality, step, number)
    course.past.sort(key=lambda visit: visit.start)
    if benchmark is not None and course.past:
        first_day = course.past[0].start.date()
        earliest = min(first_day, client.start_date or first_day)
        course.entry = replace(course.entry, client=started_on(client, earliest))


def _history_starts(
    rng: random.Random,
    first: dt.date,
    slot: Slot,
    now: dt.datetime,
    last: dt.date | None,
    step: int,
    status: ClientStatus,
) -> list[dt.datetime]:
    """Weekly from the first session; fortnightly clients step down after a few months, and
    ending clients taper to fortnightly over their last weeks."""
    weekly_until = first + dt.timedelta(days=rng.randint(90, 200)) if step == 14 else None
    if status is ClientStatus.ENDING:
        weekly_until = now.date() - dt.timedelta(days=rng.randint(28, 56))
    starts = []
    day = first
    while (last is None or day <= last) and _at(day, slot) < now:
        # Weeks of annual leave are mostly never booked; a few were, then cancelled by me.
        if not on_leave(day) or rng.random() < 0.3:
            starts.append(_at(day, slot))
        tapering = weekly_until is not None and day >= weekly_until
        day += dt.timedelta(days=14 if tapering else 7)
    return starts


def _exactly(slot: Slot, now: dt.datetime, count: int) -> list[dt.datetime]:
    """`count` weekly sessions ending just before now (the benchmark client's long history)."""
    last = _next_on(slot, now.date())
    while _at(last, slot) >= now:
        last -= WEEK
    return [_at(last - WEEK * (count - 1 - n), slot) for n in range(count)]


def _plan_future(
    rng: random.Random,
    course: Course,
    slot: Slot,
    starts: list[dt.datetime],
    now: dt.datetime,
    scale: Scale,
    duration: int,
    modality: Modality,
    step: int,
    number: int,
) -> None:
    """After the history: the series still to come (active and ending clients), the next
    assessment appointments (intake), or a follow-up six weeks after an ending."""
    status = course.status
    step_days = 14 if status is ClientStatus.ENDING else step
    next_start = starts[-1] + dt.timedelta(days=step_days) if starts else None
    if next_start is None or next_start < now:
        next_start = _at(_next_on(slot, now.date()), slot)
        if next_start < now:
            next_start += WEEK
    if status is ClientStatus.ACTIVE:
        count = scale.future_weeks * 7 // step_days
        frequency = Frequency.WEEKLY if step_days == 7 else Frequency.FORTNIGHTLY
        course.series.append(SeriesPlan(next_start, frequency, count, duration, modality))
    elif status is ClientStatus.ENDING and number == 0:
        count = rng.randint(2, 3)
        course.series.append(
            SeriesPlan(next_start, Frequency.FORTNIGHTLY, count, duration, modality, True)
        )
    elif status is ClientStatus.INTAKE and number == 0:
        if starts:  # assessment under way: the next two weeks are booked one by one
            for week in range(2):
                moment = next_start + WEEK * week
                course.bookings.append(
                    Visit(moment, duration, SessionKind.REGULAR, SessionStatus.SCHEDULED, modality)
                )
        else:  # referred, first appointment offered
            course.bookings.append(
                Visit(next_start, 60, SessionKind.INTAKE, SessionStatus.SCHEDULED, modality)
            )
    elif status is ClientStatus.ENDED and starts and number == 0 and rng.random() < 0.6:
        follow_up = starts[-1] + dt.timedelta(weeks=6)
        kind, closed = SessionKind.FOLLOW_UP, follow_up + dt.timedelta(minutes=duration) <= now
        visit = Visit(follow_up, duration, kind, SessionStatus.SCHEDULED, modality)
        if closed:
            course.past.append(replace(visit, status=SessionStatus.ATTENDED))
        elif follow_up >= now:
            course.bookings.append(visit)


def _visit(
    rng: random.Random,
    start: dt.datetime,
    index: int,
    duration: int,
    modality: Modality,
    reliability: float,
    now: dt.datetime,
    days_off: set[dt.date],
    slot_number: int,
) -> Visit:
    first = index == 0 and slot_number == 0
    kind = SessionKind.INTAKE if first else SessionKind.REGULAR
    if not first and index % 10 == 0:
        kind = SessionKind.REVIEW
    length = 60 if first else duration
    if modality is Modality.IN_PERSON and rng.random() < 0.08:
        modality = Modality.VIDEO  # "video this week: the car is in the garage"
    visit = Visit(start, length, kind, SessionStatus.SCHEDULED, modality)
    if visit.end > now:
        return visit  # still going on: nothing to close yet
    if on_leave(start.date()) or start.date() in days_off:
        return replace(visit, status=SessionStatus.CLINICIAN_CANCELLED)
    if first or rng.random() < reliability:
        return replace(visit, status=SessionStatus.ATTENDED)
    missed = rng.choices(
        (SessionStatus.CANCELLED, SessionStatus.LATE_CANCELLED, SessionStatus.NO_SHOW),
        (55, 25, 20),
    )[0]
    return replace(visit, status=missed)


def _leave_some_to_close(
    rng: random.Random, courses: list[Course], now: dt.datetime, count: int
) -> None:
    """A few sessions of the last week stay 'scheduled': the clinician has not closed them."""
    recent = [
        (course, index)
        for course in courses
        for index, visit in enumerate(course.past)
        if visit.status is SessionStatus.ATTENDED
        and visit.kind is SessionKind.REGULAR
        and now - dt.timedelta(days=7) <= visit.start
    ]
    for course, index in rng.sample(recent, min(count, len(recent))):
        course.past[index] = replace(course.past[index], status=SessionStatus.SCHEDULED)


def _next_on(slot: Slot, day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(slot.weekday - day.weekday()) % 7)


def _at(day: dt.date, slot: Slot) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(slot.hour))
