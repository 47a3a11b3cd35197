"""The single practice-profile row."""

from __future__ import annotations

import json

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.practice_profile import DateStyle, PaperSize, PracticeProfile
from alliance_desktop.vault.audit_trail import record_change
from alliance_desktop.vault.connection import Vault

_COLUMNS = (
    "clinician_name",
    "credentials",
    "practice_name",
    "address",
    "phone",
    "email",
    "website",
    "default_session_minutes",
    "date_style",
    "paper_size",
    "crisis_contacts_json",
)


class PracticeProfileRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def get(self) -> PracticeProfile:
        with self._vault.reading() as connection:
            row = connection.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM practice_profile WHERE id = 1"
            ).fetchone()
        if row is None:
            return PracticeProfile()
        values = dict(zip(_COLUMNS, row, strict=True))
        return PracticeProfile(
            clinician_name=values["clinician_name"],
            credentials=values["credentials"],
            practice_name=values["practice_name"],
            address=values["address"],
            phone=values["phone"],
            email=values["email"],
            website=values["website"],
            default_session_minutes=values["default_session_minutes"],
            date_style=DateStyle(values["date_style"]),
            paper_size=PaperSize(values["paper_size"]),
            crisis_contacts=_contacts_from_json(values["crisis_contacts_json"]),
        )

    def save(self, profile: PracticeProfile) -> PracticeProfile:
        now = self._vault.clock()
        values = (
            profile.clinician_name,
            profile.credentials,
            profile.practice_name,
            profile.address,
            profile.phone,
            profile.email,
            profile.website,
            profile.default_session_minutes,
            profile.date_style.value,
            profile.paper_size.value,
            _contacts_to_json(profile.crisis_contacts),
        )
        updates = ", ".join(f"{column} = excluded.{column}" for column in _COLUMNS)
        with self._vault.transaction() as tx:
            tx.execute(
                f"INSERT INTO practice_profile (id, {', '.join(_COLUMNS)}, updated_at) "
                f"VALUES (1, {', '.join('?' for _ in _COLUMNS)}, ?) "
                f"ON CONFLICT (id) DO UPDATE SET {updates}, updated_at = excluded.updated_at",
                (*values, now.isoformat()),
            )
            record_change(tx, now, "profile.updated", "practice_profile", 1)
        return profile


def _contacts_to_json(contacts: tuple[CrisisContact, ...]) -> str:
    return json.dumps(
        [{"name": c.name, "phone": c.phone, "hours": c.hours} for c in contacts],
        ensure_ascii=False,
    )


def _contacts_from_json(text: str) -> tuple[CrisisContact, ...]:
    return tuple(
        CrisisContact(item["name"], item["phone"], item.get("hours", ""))
        for item in json.loads(text)
    )
