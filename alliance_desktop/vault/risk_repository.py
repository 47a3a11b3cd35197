"""Risk reviews (a dated history per client) and the safety plan (one per client) in the vault.

Each save is one transaction with its audit entry; the audit says what kind of record changed
and whose, never what it says.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from alliance_desktop.domain.errors import RecordNotFound
from alliance_desktop.domain.risk import (
    SAFETY_PLAN_SECTIONS,
    RiskLevel,
    RiskReview,
    SafetyPlan,
    plan_from_sections,
)
from alliance_desktop.domain.risk_flags import SelfHarmAnswer
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_REVIEW_COLUMNS = (
    "client_id, assessed_on, level, rests_on, risk_factors_json, protective_factors_json, "
    "actions_agreed, next_review_on"
)
_PLAN_COLUMNS = tuple(f"{section.field}_json" for section in SAFETY_PLAN_SECTIONS)


class RiskRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # Reviews

    def add_review(self, review: RiskReview) -> RiskReview:
        now = self._vault.clock()
        with self._vault.transaction() as tx:
            _require_client(tx, review.client_id)
            cursor = tx.execute(
                f"INSERT INTO risk_reviews ({_REVIEW_COLUMNS}, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_review_row(review), now.isoformat()),
            )
            review_id = int(cursor.lastrowid or 0)
            record_change(tx, now, "risk_review.recorded", "client", review.client_id)
        return replace(review, id=review_id)

    def reviews(self, client_id: int) -> list[RiskReview]:
        """Newest first: by assessment date, then by the order they were recorded."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_REVIEW_COLUMNS} FROM risk_reviews WHERE client_id = ? "
                "ORDER BY assessed_on DESC, id DESC",
                (client_id,),
            ).fetchall()
        return [_review_from_row(row) for row in rows]

    def latest_reviews(self) -> dict[int, RiskReview]:
        """Each client's latest review, in one query (for Today and the due list)."""
        with self._vault.reading() as connection:
            rows = connection.execute(
                f"SELECT id, {_REVIEW_COLUMNS} FROM risk_reviews r WHERE id = ("
                "SELECT id FROM risk_reviews WHERE client_id = r.client_id "
                "ORDER BY assessed_on DESC, id DESC LIMIT 1)"
            ).fetchall()
        reviews = [_review_from_row(row) for row in rows]
        return {review.client_id: review for review in reviews}

    # Safety plan

    def safety_plan(self, client_id: int) -> SafetyPlan | None:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT updated_on, {', '.join(_PLAN_COLUMNS)} FROM safety_plans "
                "WHERE client_id = ?",
                (client_id,),
            ).fetchone()
        if row is None:
            return None
        sections = {
            section.field: tuple(json.loads(text))
            for section, text in zip(SAFETY_PLAN_SECTIONS, row[1:], strict=True)
        }
        return plan_from_sections(client_id, dt.date.fromisoformat(row[0]), sections, client_id)

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        now = self._vault.clock()
        updates = ", ".join(f"{column} = excluded.{column}" for column in _PLAN_COLUMNS)
        values = [
            json.dumps(list(getattr(plan, section.field)), ensure_ascii=False)
            for section in SAFETY_PLAN_SECTIONS
        ]
        with self._vault.transaction() as tx:
            _require_client(tx, plan.client_id)
            tx.execute(
                f"INSERT INTO safety_plans (client_id, updated_on, {', '.join(_PLAN_COLUMNS)}, "
                f"updated_at) VALUES (?, ?, {', '.join('?' * len(_PLAN_COLUMNS))}, ?) "
                f"ON CONFLICT (client_id) DO UPDATE SET updated_on = excluded.updated_on, "
                f"{updates}, updated_at = excluded.updated_at",
                (plan.client_id, plan.updated_on.isoformat(), *values, now.isoformat()),
            )
            record_change(tx, now, "safety_plan.saved", "client", plan.client_id)
        return replace(plan, id=plan.client_id)

    # PHQ-9 item 9

    def self_harm_answers(self, client_id: int) -> list[SelfHarmAnswer]:
        with self._vault.reading() as connection:
            rows = connection.execute(
                "SELECT s.start, i.self_harm_item FROM instrument_scores i "
                "JOIN sessions s ON s.id = i.session_id "
                "WHERE s.client_id = ? AND i.self_harm_item IS NOT NULL ORDER BY s.start",
                (client_id,),
            ).fetchall()
        return [
            SelfHarmAnswer(dt.datetime.fromisoformat(start).date(), int(item))
            for start, item in rows
        ]

    def has_sessions(self, client_id: int) -> bool:
        """Whether any session was ever booked for the client (consent is due from the first)."""
        with self._vault.reading() as connection:
            row = connection.execute(
                "SELECT EXISTS (SELECT 1 FROM sessions WHERE client_id = ?)", (client_id,)
            ).fetchone()
        return bool(row[0])


def _require_client(tx: Any, client_id: int) -> None:
    if tx.execute("SELECT 1 FROM clients WHERE id = ?", (client_id,)).fetchone() is None:
        raise RecordNotFound(f"There is no client with id {client_id}.")


def _review_row(review: RiskReview) -> tuple[Any, ...]:
    return (
        review.client_id,
        review.assessed_on.isoformat(),
        review.level.value,
        review.rests_on,
        json.dumps(list(review.risk_factors), ensure_ascii=False),
        json.dumps(list(review.protective_factors), ensure_ascii=False),
        review.actions_agreed,
        review.next_review_on.isoformat() if review.next_review_on else None,
    )


def _review_from_row(row: tuple[Any, ...]) -> RiskReview:
    (review_id, client_id, assessed_on, level, rests_on, risks, protections, actions, due) = row
    return RiskReview(
        id=review_id,
        client_id=client_id,
        assessed_on=dt.date.fromisoformat(assessed_on),
        level=RiskLevel(level),
        rests_on=rests_on,
        risk_factors=tuple(json.loads(risks)),
        protective_factors=tuple(json.loads(protections)),
        actions_agreed=actions,
        next_review_on=dt.date.fromisoformat(due) if due else None,
    )
