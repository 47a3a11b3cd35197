"""Ending plans in the vault: one per client, saved as a whole."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_COLUMNS = (
    "reason",
    "reason_note",
    "started_on",
    "planned_last_session",
    "tapering",
    "what_helped_json",
    "warning_signs_json",
    "coping_steps_json",
    "supports_json",
    "if_things_get_worse",
    "follow_up_dates_json",
    "referral",
    "closing_words",
)


class EndingPlanRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self, client_id: int) -> EndingPlan | None:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM ending_plans WHERE client_id = ?",
                (client_id,),
            ).fetchone()
        return _plan_from_row(client_id, row) if row else None

    def save(self, plan: EndingPlan) -> EndingPlan:
        now = self._vault.clock()
        updates = ", ".join(f"{column} = excluded.{column}" for column in _COLUMNS)
        with self._vault.transaction() as tx:
            tx.execute(
                f"INSERT INTO ending_plans (client_id, {', '.join(_COLUMNS)}, updated_at) "
                f"VALUES (?, {', '.join('?' * len(_COLUMNS))}, ?) "
                f"ON CONFLICT (client_id) DO UPDATE SET {updates}, "
                "updated_at = excluded.updated_at",
                (plan.client_id, *_row(plan), now.isoformat()),
            )
            record_change(tx, now, "ending_plan.saved", "client", plan.client_id)
        return plan


def _row(plan: EndingPlan) -> tuple[Any, ...]:
    maintenance = plan.maintenance
    return (
        plan.reason.value if plan.reason else None,  # NOT NULL: a plan is checked first
        plan.reason_note,
        _iso(plan.started_on),
        _iso(plan.planned_last_session),
        plan.tapering,
        _json(maintenance.what_helped),
        _json(maintenance.warning_signs),
        _json(maintenance.coping_steps),
        _json(maintenance.supports),
        maintenance.if_things_get_worse,
        json.dumps([day.isoformat() for day in plan.follow_up_dates]),
        plan.referral,
        plan.closing_words,
    )


def _plan_from_row(client_id: int, row: tuple[Any, ...]) -> EndingPlan:
    (
        reason,
        reason_note,
        started_on,
        last_session,
        tapering,
        helped,
        warnings,
        coping,
        supports,
        if_worse,
        follow_ups,
        referral,
        closing_words,
    ) = row
    return EndingPlan(
        client_id=client_id,
        reason=EndingReason(reason),
        reason_note=reason_note,
        started_on=_date(started_on),
        planned_last_session=_date(last_session),
        tapering=tapering,
        maintenance=MaintenancePlan(
            what_helped=tuple(json.loads(helped)),
            warning_signs=tuple(json.loads(warnings)),
            coping_steps=tuple(json.loads(coping)),
            supports=tuple(json.loads(supports)),
            if_things_get_worse=if_worse,
        ),
        follow_up_dates=tuple(dt.date.fromisoformat(day) for day in json.loads(follow_ups)),
        referral=referral,
        closing_words=closing_words,
    )


def _json(entries: tuple[str, ...]) -> str:
    return json.dumps(list(entries), ensure_ascii=False)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
