"""Alliance flags: the things a clinician should see before a session, each saying why."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.rupture import RuptureEntry


@dataclass(frozen=True)
class AllianceThresholds:
    overall_below: int = 9  # out of 10
    dimension_below: int = 8
    drop_of: int = 2
    unresolved_after_days: int = 14


def check_thresholds(thresholds: AllianceThresholds) -> AllianceThresholds:
    problems: dict[str, str] = {}
    for name in ("overall_below", "dimension_below", "drop_of"):
        value = getattr(thresholds, name)
        if not 1 <= value <= 10:
            problems[name] = f"Choose a number from 1 to 10 (got {value})."
    if not 1 <= thresholds.unresolved_after_days <= 365:
        problems["unresolved_after_days"] = "Choose from 1 to 365 days."
    if problems:
        raise InvalidInput(problems)
    return thresholds


class FlagKind(enum.StrEnum):
    LOW_CHECK_IN = "low_check_in"
    DROP = "drop"
    UNRESOLVED_RUPTURE = "unresolved_rupture"
    FOLLOW_UP_DUE = "follow_up_due"
    # Raised by domain/risk_flags.py: risk and consent, shown with the alliance flags.
    HIGH_RISK = "high_risk"
    RISK_REVIEW_DUE = "risk_review_due"
    SELF_HARM_ANSWER = "self_harm_answer"
    NO_INFORMED_CONSENT = "no_informed_consent"


@dataclass(frozen=True)
class CheckInPoint:
    """One session's check-in as the flags and timeline read it."""

    session_id: int
    on: dt.date
    client: AllianceRatings | None
    clinician: AllianceRatings | None

    @property
    def ratings(self) -> AllianceRatings | None:
        """The client's own view when there is one; the clinician's otherwise."""
        return self.client or self.clinician


@dataclass(frozen=True)
class AllianceFlag:
    kind: FlagKind
    client_id: int
    explanation: str
    rupture_id: int | None = None


def alliance_flags(
    client_id: int,
    check_ins: Sequence[CheckInPoint],
    ruptures: Sequence[RuptureEntry],
    today: dt.date,
    thresholds: AllianceThresholds = AllianceThresholds(),
) -> list[AllianceFlag]:
    rated = [point for point in check_ins if point.ratings is not None]
    flags = []
    if rated:
        flags += _low_check_in(client_id, rated[-1], thresholds)
    if len(rated) >= 2:
        flags += _drop(client_id, rated[-2], rated[-1], thresholds)
    for rupture in ruptures:
        flags += _rupture_flags(rupture, today, thresholds)
    return flags


def _low_check_in(
    client_id: int, latest: CheckInPoint, thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    ratings = latest.ratings
    assert ratings is not None
    reasons = []
    if ratings.overall < thresholds.overall_below:
        reasons.append(f"overall {ratings.overall}/10 (below {thresholds.overall_below})")
    for dimension in (AllianceDimension.GOALS, AllianceDimension.TASKS, AllianceDimension.BOND):
        score = ratings.score(dimension)
        if score < thresholds.dimension_below:
            reasons.append(f"{dimension.value} {score}/10 (below {thresholds.dimension_below})")
    if not reasons:
        return []
    return [
        AllianceFlag(
            FlagKind.LOW_CHECK_IN,
            client_id,
            f"Latest check-in ({latest.on:%d %b %Y}) is low: {', '.join(reasons)}.",
        )
    ]


def _drop(
    client_id: int, previous: CheckInPoint, latest: CheckInPoint, thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    before, after = previous.ratings, latest.ratings
    assert before is not None and after is not None
    drops = [
        f"{d.value} {before.score(d)}→{after.score(d)}"
        for d in AllianceDimension
        if before.score(d) - after.score(d) >= thresholds.drop_of
    ]
    if not drops:
        return []
    return [
        AllianceFlag(
            FlagKind.DROP,
            client_id,
            f"Check-in dropped by {thresholds.drop_of} or more since {previous.on:%d %b}: "
            f"{', '.join(drops)}.",
        )
    ]


def _rupture_flags(
    rupture: RuptureEntry, today: dt.date, thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    flags = []
    age = (today - rupture.occurred_on).days
    if rupture.is_open and age > thresholds.unresolved_after_days:
        state = rupture.outcome.label.lower() if rupture.outcome else "no repair recorded"
        flags.append(
            AllianceFlag(
                FlagKind.UNRESOLVED_RUPTURE,
                rupture.client_id,
                f"A {rupture.kind.value} rupture from {rupture.occurred_on:%d %b %Y} is still "
                f"open ({state}) after {age} days "
                f"(flagged after {thresholds.unresolved_after_days}).",
                rupture.id,
            )
        )
    if rupture.follow_up_on is not None and rupture.follow_up_on < today and rupture.is_open:
        flags.append(
            AllianceFlag(
                FlagKind.FOLLOW_UP_DUE,
                rupture.client_id,
                f"Follow-up planned for {rupture.follow_up_on:%d %b %Y} on the "
                f"{rupture.occurred_on:%d %b} rupture has passed.",
                rupture.id,
            )
        )
    return flags


def check_ins_around(
    day: dt.date, check_ins: Sequence[CheckInPoint]
) -> tuple[CheckInPoint | None, CheckInPoint | None]:
    """The last rated check-in before `day` and the first on or after it."""
    rated = [point for point in check_ins if point.ratings is not None]
    before = [point for point in rated if point.on < day]
    after = [point for point in rated if point.on >= day]
    return (before[-1] if before else None, after[0] if after else None)
