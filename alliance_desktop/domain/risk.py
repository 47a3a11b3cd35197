"""Risk reviews and the collaborative safety plan: recorded, dated, reviewed, never missing.

The safety plan follows the structure clinicians know from collaborative safety planning, in
the app's own words; the client's words go in each section.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


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
