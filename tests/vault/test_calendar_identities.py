"""Migration 0015: every session's calendar UID, its revision, and what a removal leaves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_desktop.vault import create_vault
from alliance_desktop.vault import schema as vault_schema
from alliance_desktop.vault.client_repository import ClientRepository
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.session_repository import SessionRepository
from tests.factories import FIXED_NOW, PASSPHRASE, fixed_clock, make_client, make_session

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
START = FIXED_NOW.replace(tzinfo=None, hour=10, minute=0)


def _identities(vault: Vault) -> dict[int, tuple[str, int]]:
    rows = vault.connection.execute("SELECT id, calendar_uid, revision FROM sessions").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def _sessions(vault: Vault, count: int) -> list[int]:
    client = ClientRepository(vault).add(make_client()).id or 0
    saved = SessionRepository(vault).add_many(
        make_session(client, START.replace(day=16 + day)) for day in range(count)
    )
    return [s.id or 0 for s in saved]


def test_sessions_written_before_the_upgrade_get_their_own_uids(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = vault_schema.bundled_migrations()
    older = [m for m in everything if m.version < 15]
    monkeypatch.setattr(vault_schema, "bundled_migrations", lambda: older)
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    ids = _sessions(vault, 5)

    vault_schema.bring_up_to_date(vault, everything)

    found = _identities(vault)
    assert sorted(found) == ids
    assert all(UUID.fullmatch(uid) and revision == 0 for uid, revision in found.values())
    assert len({uid for uid, _ in found.values()}) == 5
    vault.close()


def test_new_sessions_count_their_changes_and_leave_their_uid_when_removed(
    vault_path: Path,
) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    ids = _sessions(vault, 3)
    repository = SessionRepository(vault)
    first = _identities(vault)
    assert all(UUID.fullmatch(uid) and revision == 0 for uid, revision in first.values())

    session = repository.get(ids[2])
    repository.update(session)
    repository.update(session)
    assert _identities(vault)[ids[2]] == (first[ids[2]][0], 2)

    with vault.transaction() as tx:
        tx.execute("DELETE FROM sessions WHERE id = ?", (ids[2],))
    removal = vault.connection.execute(
        "SELECT calendar_uid, start, duration_minutes, revision FROM calendar_removals"
    ).fetchall()
    assert removal == [(first[ids[2]][0], session.start.isoformat(), 50, 3)]

    # SQLite gives the freed id to the next session: it must not inherit the old UID.
    [reused] = repository.add_many([make_session(session.client_id, START)])
    assert reused.id == ids[2]
    assert _identities(vault)[ids[2]][0] != first[ids[2]][0]
    vault.close()
