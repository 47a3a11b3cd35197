"""Records for tests: deterministic values and a fixed clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ConsentKind,
    ConsentRecord,
    ContactDetails,
)
from alliance_desktop.domain.session import Session

PASSPHRASE = "correct horse battery staple"
FIXED_NOW = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return FIXED_NOW


def make_client(**overrides: Any) -> Client:
    client = Client(
        name="Margaret Okonkwo-Lee",
        preferred_name="Maggie",
        pronouns="she/her",
        date_of_birth=dt.date(1984, 5, 17),
        contact=ContactDetails(
            email="maggie@example.org",
            phone="+44 20 7946 0000",
            address="12 Orchard Row, Bristol",
            emergency_contact="Sam Lee (partner) +44 20 7946 0001",
        ),
        referral_source="GP",
        start_date=dt.date(2026, 1, 8),
        status=ClientStatus.ACTIVE,
        values=("being a steady parent", "honesty"),
        concerns=("low mood after redundancy", "sleep"),
        consents=(
            ConsentRecord(
                ConsentKind.INFORMED_CONSENT,
                dt.date(2026, 1, 8),
                "therapy and notes",
                limits_explained=True,
            ),
        ),
    )
    return replace(client, **overrides)


def make_session(client_id: int, start: dt.datetime, **overrides: Any) -> Session:
    return replace(Session(client_id=client_id, start=start, duration_minutes=50), **overrides)
