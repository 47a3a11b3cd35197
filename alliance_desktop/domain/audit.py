"""The audit trail: what changed and when, never what it said."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    kind: str  # e.g. "client.created"; names an action, never clinical content
    record_type: str
    record_id: int | None
