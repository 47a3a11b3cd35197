"""Demo risk reviews, one safety plan, boundaries and preferences, and consent.

Most clients are reviewed once or twice at low or no risk; one client is at moderate risk with
a safety plan written together; one client's review is overdue; several clients have told the
therapist what they are not ready for and how they like to work; and one client seen in
intake has no informed consent on file yet (so Today flags it).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from alliance_desktop.demo.clients import informed_consent
from alliance_desktop.demo.courses import Course
from alliance_desktop.domain.boundaries import ClientBoundaries, SessionStructure
from alliance_desktop.domain.client import ClientStatus, ConsentKind
from alliance_desktop.domain.risk import RiskLevel, RiskReview, SafetyPlan
from alliance_desktop.services.practice import Practice

MODERATE_POSITION = 1  # Siobhán in the small demo
OVERDUE_POSITION = 3  # Eleni
_CURRENT = (ClientStatus.INTAKE, ClientStatus.ACTIVE, ClientStatus.ENDING)

_LOW_GROUNDS = (
    "Asked directly at intake: no thoughts of self-harm or of ending their life, now or "
    "before. Good support from family; plans for the months ahead.",
    "Asked at review: occasional low days, no thoughts of self-harm. Knows how to reach the "
    "GP out of hours.",
    "Asked directly: passing thoughts of 'wanting a break from it all' last winter, none "
    "since; no plans, no history of self-harm.",
)
_NONE_GROUNDS = "Asked directly at intake: no thoughts of self-harm; no history; none observed."
_PROTECTIVE = (
    ("close to her sister", "work she values"),
    ("his children", "running club"),
    ("faith community", "a long-standing friend"),
    ("partner", "looking forward to the summer"),
)

_SAFETY_PLAN = SafetyPlan(
    client_id=0,
    updated_on=dt.date(2000, 1, 1),
    warning_signs=(
        "I stop answering my sister’s messages",
        "Lying awake after 3am going over everything",
        "Thinking “everyone would be better off without me”",
    ),
    things_i_can_do=(
        "Cold water on my face, then slow breathing for five minutes",
        "Walk to the harbour and back, even in the rain",
        "Put on the playlist Aoife made me",
    ),
    people_and_places=("The library café on Park Street", "Evening choir on Thursdays"),
    people_i_can_ask=("Aoife (sister) — 07700 900 418", "Mark from choir — 07700 900 733"),
    professionals=("My therapist (during working hours)", "Dr Hale at the Park Street surgery"),
    safer_surroundings=("Aoife keeps the spare tablets at hers", "No drinking alone at home"),
    what_matters_most=("My niece Róisín", "Finishing my Open University course"),
)

_BOUNDARIES = (
    ClientBoundaries(
        client_id=0,
        changed_on=dt.date(2000, 1, 1),
        topics_not_yet=("the accident",),
        ready_when_i_say=True,
        pace_and_depth="Slowly at first; check in before going deeper.",
        structure=SessionStructure.STRUCTURED,
        values_to_include=("her Nigerian and Scottish family traditions",),
        anything_else="Prefers written summaries of homework at the end of a session.",
    ),
    ClientBoundaries(
        client_id=0,
        changed_on=dt.date(2000, 1, 1),
        topics_not_yet=("my father", "the years in foster care"),
        ready_when_i_say=True,
        pace_and_depth="Stop and ground if I go quiet for long.",
        structure=SessionStructure.CONVERSATIONAL,
        values_to_include=("Catholic faith: it helps, don't treat it as a symptom",),
    ),
    ClientBoundaries(
        client_id=0,
        changed_on=dt.date(2000, 1, 1),
        pace_and_depth="Wants to get to practical steps quickly.",
        structure=SessionStructure.STRUCTURED,
        values_to_include=("Orthodox Easter and family obligations in spring",),
    ),
    ClientBoundaries(
        client_id=0,
        changed_on=dt.date(2000, 1, 1),
        topics_not_yet=("the divorce",),
        pace_and_depth="Gentle; one topic per session.",
        structure=SessionStructure.CONVERSATIONAL,
        anything_else="Use 'they'; avoid gendered examples.",
    ),
)
_BOUNDARY_POSITIONS = (0, 1, 3, 5)


def add_risk_records(practice: Practice, courses: list[Course], seed: int) -> int:
    """Risk reviews for every client with an attended session; returns how many."""
    today = practice.today()
    count = 0
    for course in courses:
        rng = random.Random(f"{seed}:risk:{course.position}")
        start = course.entry.client.start_date
        if start is None or start > today or not course.client_id:
            continue
        for review in _reviews(rng, course, start, today):
            practice.risk.save_review(review)
            count += 1
        if course.position == MODERATE_POSITION:
            practice.risk.save_safety_plan(replace(_SAFETY_PLAN, client_id=course.client_id))
    return count


def add_boundaries(practice: Practice, courses: list[Course]) -> None:
    by_position = {course.position: course for course in courses}
    for position, boundaries in zip(_BOUNDARY_POSITIONS, _BOUNDARIES, strict=True):
        course = by_position.get(position)
        if course is not None and course.client_id:
            practice.boundaries.save(replace(boundaries, client_id=course.client_id))


def leave_one_without_consent(practice: Practice, courses: list[Course]) -> None:
    """The first current client in intake with a session booked keeps no informed consent on
    file (the form is not back yet); every other current client's is complete."""
    chosen = False
    for course in courses:
        client = course.entry.client
        if client.status not in _CURRENT or client.is_archived or not course.client_id:
            continue
        has_consent = any(c.kind is ConsentKind.INFORMED_CONSENT for c in client.consents)
        if client.status is ClientStatus.INTAKE and not chosen and not has_consent:
            chosen = True
            continue
        if not has_consent and client.start_date is not None:
            saved = practice.client(course.client_id)
            consent = informed_consent(client.start_date)
            practice.update_client(replace(saved, consents=(consent, *saved.consents)))


def _reviews(
    rng: random.Random, course: Course, start: dt.date, today: dt.date
) -> list[RiskReview]:
    client_id = course.client_id
    first_day = min(today, start + dt.timedelta(days=7))
    protective = _PROTECTIVE[course.position % len(_PROTECTIVE)]
    if course.position == MODERATE_POSITION:
        return [
            RiskReview(
                client_id,
                first_day,
                RiskLevel.LOW,
                _LOW_GROUNDS[0],
                protective_factors=protective,
            ),
            RiskReview(
                client_id,
                today - dt.timedelta(days=6),
                RiskLevel.MODERATE,
                "Said she has had thoughts of not wanting to be here since the anniversary of "
                "her mother's death; no plan or intent, no past attempts. Drinking more at "
                "weekends.",
                risk_factors=("bereavement anniversary", "drinking alone", "lives alone"),
                protective_factors=("her niece", "choir", "sister nearby"),
                actions_agreed="Safety plan written together; weekly sessions; GP letter with "
                "her consent; review in a fortnight.",
                next_review_on=today + dt.timedelta(days=8),
            ),
        ]
    if course.position == OVERDUE_POSITION:
        assessed = max(start, today - dt.timedelta(days=130))
        return [
            RiskReview(
                client_id,
                assessed,
                RiskLevel.LOW,
                _LOW_GROUNDS[2],
                protective_factors=protective,
                next_review_on=max(
                    assessed, min(today - dt.timedelta(days=12), assessed + dt.timedelta(90))
                ),
            )
        ]
    level = RiskLevel.NONE if rng.random() < 0.45 else RiskLevel.LOW
    grounds = _NONE_GROUNDS if level is RiskLevel.NONE else rng.choice(_LOW_GROUNDS)
    reviews = [RiskReview(client_id, first_day, level, grounds, protective_factors=protective)]
    # A later review a few weeks before now, when the work has gone on long enough.
    later = today - dt.timedelta(days=rng.randint(10, 60))
    if level is RiskLevel.LOW and later > first_day + dt.timedelta(days=30):
        reviews.append(
            RiskReview(
                client_id,
                later,
                RiskLevel.LOW,
                rng.choice(_LOW_GROUNDS),
                protective_factors=protective,
                next_review_on=later + dt.timedelta(days=91),
            )
        )
    return reviews
