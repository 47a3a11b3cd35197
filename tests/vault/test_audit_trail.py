from __future__ import annotations

import pytest

from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.vault_errors import VaultWriteFailed
from alliance_desktop.services import Practice
from tests.factories import FIXED_NOW, make_client


def test_every_change_is_recorded_without_clinical_text(practice: Practice) -> None:
    client = practice.add_client(make_client(name="Audit Subject", concerns=("panic at work",)))
    assert client.id is not None
    practice.update_client(make_client(id=client.id, name="Audit Subject Renamed"))
    practice.archive_client(client.id)
    practice.restore_client(client.id)
    practice.save_profile(PracticeProfile(clinician_name="Dr Rivera"))

    entries = practice.audit_entries()
    kinds = [entry.kind for entry in reversed(entries)]
    assert kinds[-5:] == [
        "client.created",
        "client.updated",
        "client.archived",
        "client.unarchived",
        "profile.updated",
    ]
    assert all(entry.at == FIXED_NOW for entry in entries)
    assert [e.record_id for e in entries[:5]][1:] == [client.id] * 4
    recorded = repr(entries)
    assert "Audit Subject" not in recorded and "panic" not in recorded


def test_the_audit_trail_cannot_be_rewritten(practice: Practice) -> None:
    practice.add_client(make_client())
    vault = practice._vault  # the storage itself, as an attacker with the key would see it
    with pytest.raises(VaultWriteFailed, match="append-only"), vault.transaction() as tx:
        tx.execute("UPDATE audit_trail SET kind = 'nothing happened'")
    with pytest.raises(VaultWriteFailed, match="append-only"), vault.transaction() as tx:
        tx.execute("DELETE FROM audit_trail")
    assert practice.audit_entries()[0].kind == "client.created"


def test_a_failed_write_leaves_no_audit_row(practice: Practice) -> None:
    before = len(practice.audit_entries())
    with pytest.raises(Exception, match="no client"):
        practice.update_client(make_client(id=999))
    assert len(practice.audit_entries()) == before


def test_the_chain_verifies_and_names_the_first_altered_row(practice: Practice) -> None:
    from alliance_desktop.vault.audit_trail import first_broken_link

    for number in range(5):
        practice.add_client(make_client(name=f"Chained {number}"))
    vault = practice._vault
    assert first_broken_link(vault) is None
    assert practice.health().is_healthy
    rows = vault.connection.execute(
        "SELECT id FROM audit_trail WHERE row_hash IS NOT NULL ORDER BY id"
    ).fetchall()
    target = rows[3][0]
    # Someone with the key and a SQLite shell, bypassing the append-only guard:
    with vault.transaction() as tx:
        tx.execute("DROP TRIGGER audit_trail_no_update")
        tx.execute("UPDATE audit_trail SET record_id = 999 WHERE id = ?", (target,))
    assert first_broken_link(vault) == target
    assert f"altered at row {target}" in " ".join(practice.health().problems)


def test_a_deleted_row_breaks_the_chain_at_the_next_one(practice: Practice) -> None:
    from alliance_desktop.vault.audit_trail import first_broken_link

    for number in range(4):
        practice.add_client(make_client(name=f"Chained {number}"))
    vault = practice._vault
    ids = [
        r[0]
        for r in vault.connection.execute(
            "SELECT id FROM audit_trail WHERE row_hash IS NOT NULL ORDER BY id"
        )
    ]
    with vault.transaction() as tx:
        tx.execute("DROP TRIGGER audit_trail_no_delete")
        tx.execute("DELETE FROM audit_trail WHERE id = ?", (ids[1],))
    assert first_broken_link(vault) == ids[2]
