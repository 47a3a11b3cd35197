"""An ending plan for every demo client who is ending or has ended: a chosen reason, the last
sessions, a maintenance plan written with the client, a follow-up, a referral and a few closing
words, so the ending plan and both ending summaries show real content."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from alliance_desktop.demo.courses import Course
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.session import SessionKind, SessionStatus

_WHAT_HELPED = (
    "Noticing the first signs early and naming them",
    "Breaking big steps into small ones I choose",
    "Talking it through with someone I trust",
    "Getting outside every day, even briefly",
    "Being kinder to myself on the hard days",
    "Writing things down before I go to sleep",
)
_WARNING_SIGNS = (
    "Cancelling plans and staying in",
    "Sleeping badly for more than a few nights",
    "The critical voice getting louder",
    "Skipping meals or eating to calm down",
    "Snapping at people I care about",
    "Putting things off again",
)
_COPING_STEPS = (
    "Go back to the small daily steps that helped",
    "Tell one person how I'm doing",
    "Use the breathing exercise for ten minutes",
    "Plan one thing I enjoy this week",
    "Look at my notes from our sessions",
)
_SUPPORTS = (
    "My GP surgery",
    "A close friend",
    "My sister",
    "The peer support group on Thursday evenings",
)
_REFERRALS = {
    EndingReason.GOALS_MET: (
        "No further therapy needed now; your GP knows you can come back here if you wish.",
        "The peer support group on Thursday evenings, to keep going with others.",
    ),
    EndingReason.CLIENT_FEELS_ABLE: (
        "Your GP, for a check-in in three months.",
        "The local walking group, which you said you would like to try.",
    ),
    EndingReason.LIFE_CHANGE: (
        "A counsellor near your new home: we looked at the BACP directory together.",
        "Your new GP, with a short letter from me if you would like one.",
    ),
    EndingReason.REFERRAL: (
        "The community mental health team, for a medication review.",
        "A specialist trauma service; your GP has sent the referral.",
    ),
}
_CLOSING_WORDS = (
    "You kept coming, even on the weeks that were hard. That took courage, and it is yours "
    "to keep.",
    "I have seen you become kinder to yourself. I hope you keep noticing the small steps.",
    "You did the work between our sessions. Remember that when things wobble.",
)


def plan_ending(rng: random.Random, course: Course, goals: Sequence[Goal]) -> EndingPlan | None:
    """The plan for a client who is ending or ended; None for anyone else."""
    if course.status not in (ClientStatus.ENDING, ClientStatus.ENDED):
        return None
    held = [course.past[i].start.date() for i in course.attended]
    if not held:
        return None
    last = _planned_last(course, held)
    started = held[max(0, len(held) - 6)]
    reason = _reason(rng, goals)
    return EndingPlan(
        client_id=course.client_id,
        reason=reason,
        reason_note="Decided together over the last few sessions.",
        started_on=min(started, last),
        planned_last_session=last,
        tapering="Fortnightly for the last sessions",
        maintenance=MaintenancePlan(
            what_helped=tuple(rng.sample(_WHAT_HELPED, 3)),
            warning_signs=tuple(rng.sample(_WARNING_SIGNS, 3)),
            coping_steps=tuple(rng.sample(_COPING_STEPS, 3)),
            supports=tuple(rng.sample(_SUPPORTS, 2)),
            if_things_get_worse="Get in touch and we can book a session; if you are in crisis, "
            "use the numbers below.",
        ),
        follow_up_dates=(_follow_up(course, last),),
        referral=rng.choice(_REFERRALS[reason]),
        closing_words=rng.choice(_CLOSING_WORDS),
    )


def _planned_last(course: Course, held: list[dt.date]) -> dt.date:
    ending = [plan for plan in course.series if plan.ends_therapy]
    if course.status is ClientStatus.ENDING and ending:
        plan = ending[0]
        return (plan.first_start + dt.timedelta(days=14 * (plan.count - 1))).date()
    regular = [
        visit.start.date()
        for visit in course.past
        if visit.status is SessionStatus.ATTENDED and visit.kind is not SessionKind.FOLLOW_UP
    ]
    return regular[-1] if regular else held[-1]


def _follow_up(course: Course, last: dt.date) -> dt.date:
    """The follow-up already on the calendar, or six weeks after the last session."""
    visits = [*course.past, *course.bookings]
    booked = [v.start.date() for v in visits if v.kind is SessionKind.FOLLOW_UP]
    later = [day for day in booked if day >= last]
    return later[0] if later else last + dt.timedelta(weeks=6)


def _reason(rng: random.Random, goals: Sequence[Goal]) -> EndingReason:
    agreed = [goal for goal in goals if goal.column.counts_for_gas]
    met = [
        goal
        for goal in agreed
        if goal.column is GoalColumn.ACHIEVED
        or (goal.latest_rating is not None and goal.latest_rating.level >= 0)
    ]
    if agreed and len(met) == len(agreed):  # "goals met" only when it is true of every one
        return EndingReason.GOALS_MET
    return rng.choice(
        (EndingReason.CLIENT_FEELS_ABLE, EndingReason.LIFE_CHANGE, EndingReason.REFERRAL)
    )
