"""Risk reviews and the collaborative safety plan: recorded, dated, reviewed, never missing.

The safety plan follows the structure clinicians know from collaborative safety planning, in
the app's own words; the client's words go in each section.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, replace

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text


class RiskLevel(enum.StrEnum):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    RiskLevel.NONE: "No current risk identified",
    RiskLevel.LOW: "Low",
    RiskLevel.MODERATE: "Moderate",
    RiskLevel.HIGH: "High",
}


@dataclass(frozen=True)
class RiskReview:
    client_id: int
    assessed_on: dt.date
    level: RiskLevel
    rests_on: str  # what the judgement rests on: what the client said, what was asked
    risk_factors: tuple[str, ...] = ()
    protective_factors: tuple[str, ...] = ()
    actions_agreed: str = ""
    next_review_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class SafetyPlan:
    """Written with the client, in the client's words; printed for them to keep."""

    client_id: int
    updated_on: dt.date
    warning_signs: tuple[str, ...] = ()
    things_i_can_do: tuple[str, ...] = ()
    people_and_places: tuple[str, ...] = ()
    people_i_can_ask: tuple[str, ...] = ()
    professionals: tuple[str, ...] = ()
    safer_surroundings: tuple[str, ...] = ()
    what_matters_most: tuple[str, ...] = ()
    id: int | None = None

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.warning_signs,
                self.things_i_can_do,
                self.people_and_places,
                self.people_i_can_ask,
                self.professionals,
                self.safer_surroundings,
                self.what_matters_most,
            )
        )


# When no next review date is set, a review falls due this long after the assessment; a "none"
# level needs no scheduled review (a new concern prompts one).
DEFAULT_REVIEW_DAYS = {
    RiskLevel.NONE: None,
    RiskLevel.LOW: 91,
    RiskLevel.MODERATE: 28,
    RiskLevel.HIGH: 7,
}
# A moderate or high judgement must say what it rests on, so the next reader can weigh it.
LEVELS_NEEDING_GROUNDS = (RiskLevel.MODERATE, RiskLevel.HIGH)


@dataclass(frozen=True)
class SafetyPlanSection:
    field: str
    heading: str  # in the client's voice, printed on their copy
    hint: str  # for the clinician's editor: what goes here


SAFETY_PLAN_SECTIONS = (
    SafetyPlanSection(
        "warning_signs",
        "My warning signs",
        "Thoughts, feelings, situations that tell me things are getting harder",
    ),
    SafetyPlanSection(
        "things_i_can_do",
        "Things I can do on my own",
        "What helps me get through a hard moment without anyone else",
    ),
    SafetyPlanSection(
        "people_and_places",
        "People and places that help me feel better",
        "Where I can go and who I can be with to take my mind off things",
    ),
    SafetyPlanSection(
        "people_i_can_ask",
        "People I can ask for help",
        "Name and how to reach them",
    ),
    SafetyPlanSection(
        "professionals",
        "Professionals I can contact",
        "My therapist, my GP, a care team; the crisis lines are printed below",
    ),
    SafetyPlanSection(
        "safer_surroundings",
        "Making my surroundings safer",
        "What I will put away, hand to someone, or keep out of reach",
    ),
    SafetyPlanSection(
        "what_matters_most",
        "What matters most to me",
        "The people and things that make life worth living for me",
    ),
)


def plan_from_sections(
    client_id: int,
    updated_on: dt.date,
    entries: dict[str, tuple[str, ...]],
    plan_id: int | None = None,
) -> SafetyPlan:
    """A plan from entries keyed by section field; a section not given is empty."""

    def of(field: str) -> tuple[str, ...]:
        return tuple(entries.get(field, ()))

    return SafetyPlan(
        client_id=client_id,
        updated_on=updated_on,
        warning_signs=of("warning_signs"),
        things_i_can_do=of("things_i_can_do"),
        people_and_places=of("people_and_places"),
        people_i_can_ask=of("people_i_can_ask"),
        professionals=of("professionals"),
        safer_surroundings=of("safer_surroundings"),
        what_matters_most=of("what_matters_most"),
        id=plan_id,
    )


def section_entries(plan: SafetyPlan, section: SafetyPlanSection) -> tuple[str, ...]:
    entries: tuple[str, ...] = getattr(plan, section.field)
    return entries


def review_due_on(review: RiskReview) -> dt.date | None:
    """The agreed next review date, or the default interval for the level; None for "none"."""
    if review.next_review_on is not None:
        return review.next_review_on
    days = DEFAULT_REVIEW_DAYS[review.level]
    return None if days is None else review.assessed_on + dt.timedelta(days=days)


def check_risk_review(review: RiskReview, today: dt.date) -> RiskReview:
    """The review with text trimmed and empty entries dropped, or InvalidInput per field."""
    problems: dict[str, str] = {}
    check_date(problems, "assessed_on", "Assessment date", review.assessed_on)
    check_date(problems, "next_review_on", "Next review date", review.next_review_on)
    if "assessed_on" not in problems and review.assessed_on > today:
        problems["assessed_on"] = (
            f"The assessment date ({review.assessed_on.isoformat()}) is in the future; "
            "record a review on or after the day it took place."
        )
    if (
        "next_review_on" not in problems
        and review.next_review_on is not None
        and review.next_review_on < review.assessed_on
    ):
        problems["next_review_on"] = (
            f"The next review ({review.next_review_on.isoformat()}) is before the assessment "
            f"({review.assessed_on.isoformat()}); choose a later date."
        )
    check_text(problems, "rests_on", "What the level rests on", review.rests_on, limit=LONG)
    needs_grounds = review.level in LEVELS_NEEDING_GROUNDS and not review.rests_on.strip()
    if "rests_on" not in problems and needs_grounds:
        problems["rests_on"] = (
            f"A {review.level.label.lower()} level needs what it rests on: what the client "
            "said, what you asked, what you observed."
        )
    _check_entries(problems, "risk_factors", "A risk factor", review.risk_factors)
    _check_entries(problems, "protective_factors", "A protective factor", review.protective_factors)
    check_text(problems, "actions_agreed", "Actions agreed", review.actions_agreed, limit=LONG)
    if problems:
        raise InvalidInput(problems)
    return replace(
        review,
        rests_on=review.rests_on.strip(),
        risk_factors=_kept(review.risk_factors),
        protective_factors=_kept(review.protective_factors),
        actions_agreed=review.actions_agreed.strip(),
    )


def check_safety_plan(plan: SafetyPlan) -> SafetyPlan:
    """The plan with entries trimmed and blank lines dropped, or InvalidInput per section."""
    problems: dict[str, str] = {}
    check_date(problems, "updated_on", "Date", plan.updated_on)
    kept: dict[str, tuple[str, ...]] = {}
    for section in SAFETY_PLAN_SECTIONS:
        entries = section_entries(plan, section)
        _check_entries(problems, section.field, f"An entry in '{section.heading}'", entries)
        if len(entries) > MAX_PLAN_ENTRIES:
            problems[section.field] = (
                f"'{section.heading}' has {len(entries)} entries; at most {MAX_PLAN_ENTRIES} "
                "fit on the printed plan."
            )
        kept[section.field] = _kept(entries)
    if problems:
        raise InvalidInput(problems)
    return plan_from_sections(plan.client_id, plan.updated_on, kept, plan.id)


def require_printable(plan: SafetyPlan | None) -> SafetyPlan:
    """A plan with something in it; an empty one is never printed."""
    if plan is None or plan.is_empty:
        raise InvalidInput.single(
            "safety_plan",
            "The safety plan is empty: write at least one section with the client before "
            "printing it.",
        )
    return plan


MAX_PLAN_ENTRIES = 12
LONG = LONG_TEXT_LIMIT
ENTRY_LIMIT = 2000


def _check_entries(
    problems: dict[str, str], field: str, label: str, entries: tuple[str, ...]
) -> None:
    for index, entry in enumerate(entries):
        check_text(problems, f"{field}.{index}", label, entry, limit=ENTRY_LIMIT)
        if f"{field}.{index}" in problems and field not in problems:
            problems[field] = problems[f"{field}.{index}"]


def _kept(entries: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in entries if entry.strip())
