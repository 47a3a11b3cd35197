"""Alliance flags: the things a clinician should see before a session, each saying why.

Like is compared with like: the client's ratings with the client's earlier ratings, the
clinician's with the clinician's, never one with the other. Every flag names whose rating it
read. The rules, each with a threshold the clinician chooses:

- low: a rater's latest overall rating is below the threshold (or goals, tasks or bond below
  theirs);
- drop: a rater's latest overall rating is lower than that rater's previous one by the chosen
  amount (1 by default); the parts that fell with it are named;
- falling: a rater's overall rating has gone down at each of their last N check-ins (N = 3 by
  default); it includes the last drop, so a falling series raises this flag instead;
- a rupture still open after N days, and a rupture's follow-up date that has passed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from alliance_desktop.domain.alliance_check_in import AllianceDimension, AllianceRatings, Rater
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.flags import Flag
from alliance_desktop.domain.rupture import RuptureEntry

AllianceFlag = Flag  # the general flag type; alliance rules raise the kinds below


@dataclass(frozen=True)
class AllianceThresholds:
    overall_below: int = 9  # out of 10
    dimension_below: int = 8
    drop_of: int = 1
    unresolved_after_days: int = 14
    falling_over: int = 3  # check-ins in a row, each lower than the one before
    recent_weeks: int = 6  # Today shows flags of clients seen within this many weeks


def check_thresholds(thresholds: AllianceThresholds) -> AllianceThresholds:
    problems: dict[str, str] = {}
    for name in ("overall_below", "dimension_below", "drop_of"):
        value = getattr(thresholds, name)
        if not 1 <= value <= 10:
            problems[name] = f"Choose a number from 1 to 10 (got {value})."
    if not 1 <= thresholds.unresolved_after_days <= 365:
        problems["unresolved_after_days"] = "Choose from 1 to 365 days."
    if not 3 <= thresholds.falling_over <= 10:
        problems["falling_over"] = "Choose from 3 to 10 check-ins."
    if not 1 <= thresholds.recent_weeks <= 52:
        problems["recent_weeks"] = "Choose from 1 to 52 weeks."
    if problems:
        raise InvalidInput(problems)
    return thresholds


class FlagKind(enum.StrEnum):
    LOW_CHECK_IN = "low_check_in"
    DROP = "drop"
    FALLING = "falling"
    UNRESOLVED_RUPTURE = "unresolved_rupture"
    FOLLOW_UP_DUE = "follow_up_due"
    # Raised by domain/risk_flags.py: risk and consent, shown with the alliance flags.
    HIGH_RISK = "high_risk"
    RISK_REVIEW_DUE = "risk_review_due"
    SELF_HARM_ANSWER = "self_harm_answer"
    NO_INFORMED_CONSENT = "no_informed_consent"


RATING_KINDS = frozenset({FlagKind.LOW_CHECK_IN, FlagKind.DROP, FlagKind.FALLING})
RUPTURE_KINDS = frozenset({FlagKind.UNRESOLVED_RUPTURE, FlagKind.FOLLOW_UP_DUE})

# Whose rating a flag read, at the start of its sentence.
WHOSE = {Rater.CLIENT: "Client's", Rater.CLINICIAN: "Your own"}


@dataclass(frozen=True)
class CheckInPoint:
    """One session's check-in: the client's and the clinician's ratings, kept apart."""

    session_id: int
    on: dt.date
    client: AllianceRatings | None
    clinician: AllianceRatings | None

    @property
    def ratings(self) -> AllianceRatings | None:
        """For showing one session on its own: the client's view when there is one, the
        clinician's otherwise. Never compare these across sessions: use `rater_series`."""
        return self.client or self.clinician

    def by(self, rater: Rater) -> AllianceRatings | None:
        return self.client if rater is Rater.CLIENT else self.clinician

    def only(self, rater: Rater) -> CheckInPoint:
        """This check-in with only `rater`'s ratings."""
        if rater is Rater.CLIENT:
            return CheckInPoint(self.session_id, self.on, self.client, None)
        return CheckInPoint(self.session_id, self.on, None, self.clinician)


@dataclass(frozen=True)
class RatedSession:
    """One rater's answers at one session."""

    session_id: int
    on: dt.date
    ratings: AllianceRatings


def rater_series(check_ins: Sequence[CheckInPoint], rater: Rater) -> list[RatedSession]:
    """`rater`'s ratings alone, in session order: the only series flags and charts compare."""
    series = []
    for point in check_ins:
        ratings = point.by(rater)
        if ratings is not None:
            series.append(RatedSession(point.session_id, point.on, ratings))
    return series


def main_rater(check_ins: Sequence[CheckInPoint]) -> Rater | None:
    """The series a summary reads: the client's own when they have rated at all, else the
    clinician's; None when nobody has rated."""
    if any(point.client is not None for point in check_ins):
        return Rater.CLIENT
    if any(point.clinician is not None for point in check_ins):
        return Rater.CLINICIAN
    return None


def alliance_flags(
    client_id: int,
    check_ins: Sequence[CheckInPoint],
    ruptures: Sequence[RuptureEntry],
    today: dt.date,
    thresholds: AllianceThresholds = AllianceThresholds(),
) -> list[AllianceFlag]:
    flags = []
    for rater in Rater:
        flags += rating_flags(client_id, rater, rater_series(check_ins, rater), thresholds)
    for rupture in ruptures:
        flags += _rupture_flags(rupture, today, thresholds)
    return flags


def rating_flags(
    client_id: int, rater: Rater, series: Sequence[RatedSession], thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    """The low, drop and falling rules on one rater's own series."""
    if not series:
        return []
    flags = _low(client_id, rater, series[-1], thresholds)
    falling = _falling(client_id, rater, series, thresholds)
    if falling:
        flags += falling
    elif len(series) >= 2:
        flags += _drop(client_id, rater, series[-2], series[-1], thresholds)
    return flags


def _evidence(rater: Rater, latest: RatedSession) -> str:
    return f"{rater.value}:session:{latest.session_id}"


def _low(
    client_id: int, rater: Rater, latest: RatedSession, thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    ratings = latest.ratings
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
            f"{WHOSE[rater]} latest rating ({latest.on:%d %b %Y}) is low: {', '.join(reasons)}.",
            latest.on,
            _evidence(rater, latest),
        )
    ]


def _drop(
    client_id: int,
    rater: Rater,
    previous: RatedSession,
    latest: RatedSession,
    thresholds: AllianceThresholds,
) -> list[AllianceFlag]:
    before, after = previous.ratings, latest.ratings
    if before.overall - after.overall < thresholds.drop_of:
        return []
    # The overall rating decides; the parts that fell with it say where to look.
    parts = [
        f"{d.value} {before.score(d)} → {after.score(d)}"
        for d in (AllianceDimension.GOALS, AllianceDimension.TASKS, AllianceDimension.BOND)
        if before.score(d) > after.score(d)
    ]
    return [
        AllianceFlag(
            FlagKind.DROP,
            client_id,
            f"{WHOSE[rater]} overall rating dropped {before.overall} → {after.overall} "
            f"({previous.on:%d %b} to {latest.on:%d %b})"
            + (f"; {', '.join(parts)}." if parts else "."),
            latest.on,
            _evidence(rater, latest),
        )
    ]


def _falling(
    client_id: int, rater: Rater, series: Sequence[RatedSession], thresholds: AllianceThresholds
) -> list[AllianceFlag]:
    last = list(series[-thresholds.falling_over :])
    if len(last) < thresholds.falling_over:
        return []
    overall = [point.ratings.overall for point in last]
    if not all(later < earlier for earlier, later in pairwise(overall)):
        return []
    return [
        AllianceFlag(
            FlagKind.FALLING,
            client_id,
            f"{WHOSE[rater]} overall rating has gone down {len(last)} check-ins running "
            f"({last[0].on:%d %b} to {last[-1].on:%d %b}): "
            f"{' → '.join(str(score) for score in overall)}.",
            last[-1].on,
            _evidence(rater, last[-1]),
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
                rupture.occurred_on,
                f"rupture:{rupture.id}:{rupture.outcome.value if rupture.outcome else 'none'}",
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
                rupture.follow_up_on,
                f"rupture:{rupture.id}:follow-up:{rupture.follow_up_on.isoformat()}",
                rupture.id,
            )
        )
    return flags


def check_ins_around(
    day: dt.date, check_ins: Sequence[CheckInPoint]
) -> tuple[CheckInPoint | None, CheckInPoint | None]:
    """The last check-in before `day` and the first on or after it, from one rater's series
    (the client's when they rated on both sides, else the clinician's when they did), so the
    two can be compared. When no one rated on both sides, each side is its nearest check-in on
    its own. Each point returned carries one rater's ratings, and says whose they are."""
    for rater in (Rater.CLIENT, Rater.CLINICIAN):
        before = [p.only(rater) for p in check_ins if p.on < day and p.by(rater) is not None]
        after = [p.only(rater) for p in check_ins if p.on >= day and p.by(rater) is not None]
        if before and after:
            return before[-1], after[0]
    rated = [p for p in check_ins if p.ratings is not None]
    earlier = [p for p in rated if p.on < day]
    later = [p for p in rated if p.on >= day]
    return (
        _one_rater(earlier[-1]) if earlier else None,
        _one_rater(later[0]) if later else None,
    )


def _one_rater(point: CheckInPoint) -> CheckInPoint:
    return point.only(Rater.CLIENT if point.client is not None else Rater.CLINICIAN)
