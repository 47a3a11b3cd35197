"""Risk and safety: dated risk reviews, the client's safety plan, the flags drawn from them
(a high level, a review due, a PHQ-9 self-harm answer above 0) and the consent flag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from alliance_desktop.domain.alliance_flags import AllianceFlag
from alliance_desktop.domain.client import Client
from alliance_desktop.domain.risk import (
    SAFETY_PLAN_SECTIONS,
    RiskReview,
    SafetyPlan,
    check_risk_review,
    check_safety_plan,
    review_due_on,
)
from alliance_desktop.domain.risk_flags import consent_flags, risk_flags
from alliance_desktop.vault.risk_repository import RiskRepository


@dataclass(frozen=True)
class DueReview:
    client_id: int
    latest: RiskReview
    due_on: dt.date

    def is_overdue(self, today: dt.date) -> bool:
        return self.due_on < today


class RiskWork:
    def __init__(
        self,
        repository: RiskRepository,
        client: Callable[[int], Client],
        today: Callable[[], dt.date],
    ) -> None:
        self._repository = repository
        self._client = client
        self._today = today

    # Reviews

    def latest_review(self, client_id: int) -> RiskReview | None:
        reviews = self._repository.reviews(client_id)
        return reviews[0] if reviews else None

    def history(self, client_id: int) -> list[RiskReview]:
        """Every review of the client, newest first."""
        return self._repository.reviews(client_id)

    def save_review(self, review: RiskReview) -> RiskReview:
        """Record a new dated review (reviews are never overwritten: the history is the record)."""
        return self._repository.add_review(check_risk_review(review, self._today()))

    def reviews_due(self, within_days: int = 0) -> list[DueReview]:
        """Clients whose latest review falls due by today + `within_days`, most overdue first."""
        horizon = self._today() + dt.timedelta(days=within_days)
        due = []
        for client_id, review in self._repository.latest_reviews().items():
            due_on = review_due_on(review)
            if due_on is not None and due_on <= horizon:
                due.append(DueReview(client_id, review, due_on))
        return sorted(due, key=lambda item: (item.due_on, item.client_id))

    # Safety plan

    def safety_plan(self, client_id: int) -> SafetyPlan | None:
        return self._repository.safety_plan(client_id)

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        dated = replace(plan, updated_on=self._today())
        return self._repository.save_safety_plan(check_safety_plan(dated))

    # Flags

    def flags(self, client_id: int) -> list[AllianceFlag]:
        """Risk flags and the informed-consent flag for one client."""
        return self._flags(client_id, self.latest_review(client_id), self._today())

    def flags_for(self, client_ids: Sequence[int]) -> list[AllianceFlag]:
        """The same for many clients (Today), reading every latest review in one query."""
        latest, today = self._repository.latest_reviews(), self._today()
        return [
            flag
            for client_id in dict.fromkeys(client_ids)
            for flag in self._flags(client_id, latest.get(client_id), today)
        ]

    def _flags(
        self, client_id: int, latest: RiskReview | None, today: dt.date
    ) -> list[AllianceFlag]:
        flags = risk_flags(client_id, latest, self._repository.self_harm_answers(client_id), today)
        flags += consent_flags(self._client(client_id), self._repository.has_sessions(client_id))
        return flags

    # Command line

    def risk_document(self, client_id: int) -> dict[str, Any]:
        """The `risk --json` object of the command-line contract."""
        history = self.history(client_id)
        plan = self.safety_plan(client_id)
        current = None
        if history:
            latest = history[0]
            due = review_due_on(latest)
            current = {
                "level": latest.level.value,
                "assessed_on": latest.assessed_on.isoformat(),
                "review_due": due.isoformat() if due else None,
            }
        return {
            "client_id": client_id,
            "current": current,
            "history": [_review_document(review) for review in history],
            "safety_plan": _plan_document(plan) if plan is not None else None,
        }


def _review_document(review: RiskReview) -> dict[str, Any]:
    due = review_due_on(review)
    return {
        "id": review.id,
        "assessed_on": review.assessed_on.isoformat(),
        "level": review.level.value,
        "rests_on": review.rests_on,
        "risk_factors": list(review.risk_factors),
        "protective_factors": list(review.protective_factors),
        "actions_agreed": review.actions_agreed,
        "next_review_on": review.next_review_on.isoformat() if review.next_review_on else None,
        "review_due": due.isoformat() if due else None,
    }


def _plan_document(plan: SafetyPlan) -> dict[str, Any]:
    document: dict[str, Any] = {"updated_on": plan.updated_on.isoformat()}
    for section in SAFETY_PLAN_SECTIONS:
        document[section.field] = list(getattr(plan, section.field))
    return document
