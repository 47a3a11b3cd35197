"""The audit trail: what changed and when, never what it said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    kind: str  # e.g. "client.created"; names an action, never clinical content
    record_type: str
    record_id: int | None


class VaultEvent(StrEnum):
    """Things done with the records that change no record: who opened, locked or took a copy.

    Each is written to the audit trail as its kind; a client's id is the record when the event
    concerns one client (a report), else the record type is "vault".
    """

    UNLOCKED = "vault.unlocked"
    # record_type "failed_attempts", record_id: how many unlocks failed since the last one.
    UNLOCK_FAILED = "vault.unlock_failed"
    LOCKED = "vault.locked"
    RESTORED = "vault.restored"
    REPORT_EXPORTED = "report.exported"
    REPORT_PRINTED = "report.printed"
    CALENDAR_EXPORTED = "calendar.exported"
    CONTINUITY_EXPORTED = "continuity.exported"


# How services that write files tell the audit trail (event, client id or None).
EventRecorder = Callable[[VaultEvent, int | None], None]
