"""What the session editor hands back: plain data, saved by the caller on the worker."""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.domain.goal import GasRating
from alliance_desktop.domain.recurrence import RecurrenceRule
from alliance_desktop.domain.session import Session


@dataclass(frozen=True)
class Booking:
    """A new session, and how it repeats (None for a single session)."""

    session: Session
    repeat: RecurrenceRule | None = None


@dataclass(frozen=True)
class SessionEdit:
    """A booked session as edited, and the GAS ratings given in it by goal id (None when the
    editor had no Goals tab: leave the session's ratings as they are)."""

    session: Session
    goal_ratings: dict[int, GasRating] | None = None
    sign: bool = False  # the clinician ticked "Sign this note when I save"
