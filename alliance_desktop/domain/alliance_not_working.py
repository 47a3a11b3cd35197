"""When the alliance is not working: a concern that persists, and the steps to try, in order.

A single low rating is a flag to look at; a concern persists when the client's own last three
overall ratings fall one after another, or are each low or lower than the one before, or a
rupture is still open after the follow-up planned for it. The steps then go from the least to
the most: talk about it together, revisit the goals, give it time, and only if none helps,
plan a good ending or a change of therapist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.alliance_flags import AllianceThresholds, CheckInPoint, rater_series
from alliance_desktop.domain.rupture import RuptureEntry

PERSISTING_OVER = 3  # the client's own ratings in a row


@dataclass(frozen=True)
class AllianceStep:
    title: str
    detail: str


STEPS_WHEN_NOT_WORKING = (
    AllianceStep(
        "Talk about it together",
        "Ask how the sessions are going for them, say what you have noticed, and own your part.",
    ),
    AllianceStep(
        "Revisit the goals",
        "Check the goals are still theirs and the way you work on them suits them.",
    ),
    AllianceStep(
        "Give it time",
        "Agree when you will look at it again together, a few sessions from now.",
    ),
    AllianceStep(
        "If none of this helps, plan a good ending or a change of therapist",
        "Our way of working may not be the right fit: plan the ending with them, and a "
        "handover if they want to go on with someone else.",
    ),
)


@dataclass(frozen=True)
class PersistentConcern:
    reasons: tuple[str, ...]  # whole sentences, each naming what it read


def persistent_concern(
    check_ins: Sequence[CheckInPoint],
    ruptures: Sequence[RuptureEntry],
    today: dt.date,
    thresholds: AllianceThresholds | None = None,
) -> PersistentConcern | None:
    thresholds = thresholds or AllianceThresholds()
    reasons = []
    full = rater_series(check_ins, Rater.CLIENT)
    if len(full) >= PERSISTING_OVER:
        scores = [point.ratings.overall for point in full]
        start = len(full) - PERSISTING_OVER
        window = scores[start:]
        falling = all(later < earlier for earlier, later in pairwise(window))
        # Or each of the three is low, or lower than the client's rating before it.
        low_or_lower = all(
            scores[n] < thresholds.overall_below or (n > 0 and scores[n] < scores[n - 1])
            for n in range(start, len(full))
        )
        if falling or low_or_lower:
            series = full[start:]
            what = (
                f"overall rating went down at each of their last {PERSISTING_OVER} check-ins"
                if falling
                else f"last {PERSISTING_OVER} overall ratings were each low or lower than "
                "the one before"
            )
            reasons.append(
                f"The client's own {what} ({series[0].on:%d %b} to {series[-1].on:%d %b}): "
                f"{', '.join(str(point.ratings.overall) for point in series)}."
            )
    for entry in ruptures:
        if entry.is_open and entry.follow_up_on is not None and entry.follow_up_on < today:
            reasons.append(
                f"The {entry.kind.value} rupture of {entry.occurred_on:%d %b %Y} is still open "
                f"after the follow-up planned for {entry.follow_up_on:%d %b %Y}."
            )
    return PersistentConcern(tuple(reasons)) if reasons else None
