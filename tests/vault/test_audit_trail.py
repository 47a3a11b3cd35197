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
