"""A client whose record uses every field a handover carries, built through the services in a
real vault, plus helpers that make a record comparable across two vaults (ids differ)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from alliance_desktop.domain.alliance_check_in import (
    AllianceCheckIn,
    AllianceRatings,
    Instrument,
    InstrumentScore,
)
from alliance_desktop.domain.client import ConsentKind, ConsentRecord
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import (
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalMove,
    GoalQuality,
    GoalTask,
    ProposedBy,
    QualityCheck,
    RatedBy,
    TaskOwner,
)
from alliance_desktop.domain.handover import ClientRecord, HandoverDetails, HandoverOptions
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import Modality, Session, SessionKind, SessionStatus
from alliance_desktop.domain.share_consent import ALL_CATEGORIES
from alliance_desktop.services import Practice
from tests.factories import make_client, make_session

NAME = "Zoë O’Brien-Волкова"
# Clinician-only text, single words so PDF line wrapping cannot hide them from a search.
PROGRESS_NOTE = "Progressnote-bus-trip"
AGENDA = "Agendaword-sleep"
PROCESS_NOTE = "Processnote-countertransference"
RUPTURE_NOTE = "Rupturenote-withdrew"
LEVELS = (
    "Still avoiding the bus",
    "Taking the bus with a friend",
    "Taking the bus on my own twice a week",
    "Taking the bus most days",
    "Taking the bus whenever I need to",
)
PROFILE = PracticeProfile(
    clinician_name="Dr Ana Ferreira",
    credentials="DClinPsy",
    practice_name="Harbour Lane Psychotherapy",
    address="4 Harbour Lane\nBristol BS1 4RN",
    phone="+44 117 496 0000",
    email="ana@harbourlane.example",
    website="https://harbourlane.example",
)
DETAILS = HandoverDetails(
    receiver_name="Dr Kwame Mensah",
    receiver_organisation="Riverside Psychology",
    receiver_contact="kwame@riverside.example, +44 117 496 0999",
    handed_over_on=dt.date(2026, 3, 14),
    consent_given_on=dt.date(2026, 3, 10),
    consent_scope="all",
    reason="Moving to Leeds; continuing with a clinician near her new home.",
)
EVERYTHING = HandoverOptions(categories=ALL_CATEGORIES)
FIRST = dt.datetime(2026, 1, 5, 10, 0)


def populate(practice: Practice) -> int:
    """Profile, one client with every kind of record, and one other client (left alone)."""
    practice.save_profile(PROFILE)
    practice.add_client(make_client(name="Other Client", preferred_name=""))
    client = practice.add_client(
        make_client(
            name=NAME,
            preferred_name="Zoë",
            consents=(
                ConsentRecord(ConsentKind.INFORMED_CONSENT, dt.date(2026, 1, 5), "therapy"),
                ConsentRecord(
                    ConsentKind.OTHER,
                    dt.date(2026, 1, 5),
                    "audio recording for supervision",
                    withdrawn_on=dt.date(2026, 2, 2),
                ),
            ),
        )
    )
    client_id = client.id or 0
    practice.goals.add_many(_goals(client_id))
    goal_ids = [goal.id or 0 for goal in practice.goals.board(client_id)]
    sessions = practice.calendar.add_many(_sessions(client_id, goal_ids))
    practice.ruptures.add_many(_ruptures(client_id, [s.id or 0 for s in sessions]))
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.REFERRAL,
            reason_note="Moving away",
            started_on=dt.date(2026, 2, 23),
            planned_last_session=dt.date(2026, 3, 30),
            tapering="Fortnightly from March",
            maintenance=MaintenancePlan(
                what_helped=("Walking to the station", "Naming the worry"),
                warning_signs=("Skipping breakfast",),
                coping_steps=("Ride two stops", "Call Sam"),
                supports=("GP: Dr Patel", "Samaritans 116 123"),
                if_things_get_worse="Book an appointment with the GP.\nCall 111.",
            ),
            follow_up_dates=(dt.date(2026, 5, 4), dt.date(2026, 6, 29)),
            referral="Riverside Psychology, Leeds",
        )
    )
    return client_id


def _goals(client_id: int) -> list[Goal]:
    started = dt.date(2026, 1, 5)
    return [
        Goal(
            client_id,
            "Take the bus to work\nwithout calling in sick first",
            clinician_framing="Graded exposure to public transport",
            proposed_by=ProposedBy.CLIENT,
            column=GoalColumn.ACTIVE,
            priority=1,
            target_date=dt.date(2026, 6, 1),
            review_date=dt.date(2026, 4, 1),
            quality=GoalQuality(
                focused=QualityCheck(CheckAnswer.YES, "one route"),
                realistic=QualityCheck(CheckAnswer.UNSURE),
                coordinated=QualityCheck(None, "ask about work values"),
            ),
            levels=LEVELS,
            weight=1.5,
            ratings=(
                GasRating(dt.date(2026, 1, 12), -2, RatedBy.CLIENT, "first try"),
                GasRating(dt.date(2026, 2, 9), -1, RatedBy.CLINICIAN),
                GasRating(dt.date(2026, 3, 9), 0, RatedBy.TOGETHER, "on her own!"),
            ),
            tasks=(
                GoalTask("Ride two stops on Saturday", TaskOwner.CLIENT, dt.date(2026, 3, 21)),
                GoalTask("Find the timetable", TaskOwner.BOTH, done=True),
            ),
            history=(
                GoalMove(GoalColumn.PROPOSED, started),
                GoalMove(GoalColumn.AGREED, dt.date(2026, 1, 8)),
                GoalMove(GoalColumn.ACTIVE, dt.date(2026, 1, 12)),
            ),
        ),
        Goal(
            client_id,
            "Sleep through most nights",
            proposed_by=ProposedBy.TOGETHER,
            column=GoalColumn.ACHIEVED,
            priority=2,
            levels=("never", "rarely", "three nights", "five nights", "every night"),
            ratings=(GasRating(dt.date(2026, 2, 2), 1, RatedBy.TOGETHER),),
            history=(
                GoalMove(GoalColumn.AGREED, started),
                GoalMove(GoalColumn.ACTIVE, dt.date(2026, 1, 12)),
                GoalMove(GoalColumn.ACHIEVED, dt.date(2026, 3, 2)),
            ),
        ),
        Goal(
            client_id,
            "Get back in touch with my sister",
            proposed_by=ProposedBy.CLINICIAN,
            column=GoalColumn.SET_ASIDE,
            priority=3,
            history=(GoalMove(GoalColumn.SET_ASIDE, dt.date(2026, 2, 2)),),
        ),
        Goal(
            client_id,
            "Find a new job",
            column=GoalColumn.PROPOSED,
            history=(GoalMove(GoalColumn.PROPOSED, dt.date(2026, 3, 9)),),
        ),
    ]


def _sessions(client_id: int, goal_ids: list[int]) -> list[Session]:
    client = AllianceRatings(goals=8, tasks=7, bond=9, overall=8)
    clinician = AllianceRatings(goals=7, tasks=7, bond=8, overall=7)
    statuses = [
        SessionStatus.ATTENDED,
        SessionStatus.ATTENDED,
        SessionStatus.CANCELLED,
        SessionStatus.ATTENDED,
        SessionStatus.LATE_CANCELLED,
        SessionStatus.NO_SHOW,
        SessionStatus.CLINICIAN_CANCELLED,
        SessionStatus.ATTENDED,
        SessionStatus.ATTENDED,
        SessionStatus.ATTENDED,
    ]
    sessions = []
    for week, status in enumerate(statuses):
        attended = status is SessionStatus.ATTENDED
        sessions.append(
            make_session(
                client_id,
                FIRST + dt.timedelta(weeks=week),
                status=status,
                modality=[Modality.IN_PERSON, Modality.VIDEO, Modality.PHONE][week % 3],
                kind=SessionKind.INTAKE if week == 0 else SessionKind.REGULAR,
                duration_minutes=60 if week == 0 else 50,
                agenda=f"{AGENDA} {week}" if attended else "",
                progress_note=f"{PROGRESS_NOTE} {week}\n\nSecond paragraph." if attended else "",
                private_note=f"{PROCESS_NOTE} {week}" if week in (1, 3) else "",
                focus="Problem-solving" if attended else "",
                goal_ids=tuple(goal_ids[:2]) if attended else (),
                check_in=AllianceCheckIn(
                    client=client if week % 2 == 0 else None,
                    clinician=clinician,
                    instruments=(
                        InstrumentScore(Instrument.PHQ9, 12 - week),
                        InstrumentScore(Instrument.SRS, 32.5),
                        InstrumentScore(
                            Instrument.WAI_SR, 45, (("goal", 15), ("task", 14), ("bond", 16))
                        ),
                    )
                    if week in (0, 9)
                    else (),
                )
                if attended
                else AllianceCheckIn(),
            )
        )
    # Booked ahead: the next clinician's diary. One review, one ending session.
    sessions += [
        make_session(client_id, dt.datetime(2026, 3, 16, 10, 0), kind=SessionKind.REVIEW),
        make_session(
            client_id,
            dt.datetime(2026, 3, 30, 14, 30),
            kind=SessionKind.ENDING,
            modality=Modality.VIDEO,
        ),
    ]
    return sessions


def _ruptures(client_id: int, session_ids: list[int]) -> list[RuptureEntry]:
    return [
        RuptureEntry(
            client_id,
            dt.date(2026, 1, 12),
            RuptureKind.WITHDRAWAL,
            3,
            RaisedBy.CLINICIAN,
            session_id=session_ids[1],
            markers=("Minimal responses", "Shifting the topic"),
            note=f"{RUPTURE_NOTE} when I suggested the bus",
            repairs=(
                RepairAttempt(RepairStrategy.EXPLORE_WHAT_HAPPENED, "named the silence"),
                RepairAttempt(RepairStrategy.ACKNOWLEDGE_OWN_PART),
            ),
            outcome=RepairOutcome.RESOLVED,
        ),
        RuptureEntry(
            client_id,
            dt.date(2026, 2, 23),
            RuptureKind.CONFRONTATION,
            2,
            RaisedBy.CLIENT,
            markers=("Complaints about progress",),
            repairs=(RepairAttempt(RepairStrategy.RESTATE_RATIONALE),),
            outcome=RepairOutcome.PARTLY,
            follow_up_on=dt.date(2026, 3, 16),
        ),
    ]


def comparable(record: ClientRecord) -> ClientRecord:
    """The record with everything vault-specific taken out: ids, series, archive state, and
    goal board positions (their order is kept by the order of `goals`)."""
    goal_number = {goal.id: n for n, goal in enumerate(record.goals)}
    session_number = {session.id: n for n, session in enumerate(record.sessions)}
    return ClientRecord(
        client=replace(record.client, id=None, archived_on=None),
        sessions=tuple(
            replace(
                s,
                id=None,
                client_id=0,
                series_id=None,
                series_date=None,
                goal_ids=tuple(sorted(goal_number[g] for g in s.goal_ids)),
            )
            for s in record.sessions
        ),
        goals=tuple(
            replace(
                g,
                id=None,
                client_id=0,
                position=0,
                ratings=tuple(replace(r, id=None) for r in g.ratings),
                tasks=tuple(replace(t, id=None) for t in g.tasks),
            )
            for g in record.goals
        ),
        ruptures=tuple(
            replace(r, id=None, client_id=0, session_id=session_number.get(r.session_id))
            for r in record.ruptures
        ),
        ending_plan=replace(record.ending_plan, client_id=0) if record.ending_plan else None,
    )
