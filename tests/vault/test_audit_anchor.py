"""Issue 12, case 7: the audit chain is keyed (HMAC with a key only the vault's holder has) and
anchored outside the table, so `vault check` names deletion of the last rows, a recomputed
chain, nulled hashes and a row slipped in before the chain."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlcipher3

from alliance_desktop.services import Practice
from alliance_desktop.vault.audit_chain import CHAIN_START, anchor_path, audit_key
from alliance_desktop.vault.checking import check_vault
from alliance_desktop.vault.sqlcipher_settings import apply_key, connect
from tests.factories import PASSPHRASE, fixed_clock, make_client


@pytest.fixture
def audited(vault_path: Path) -> Path:
    practice = Practice.create(vault_path, PASSPHRASE, clock=fixed_clock)
    for number in range(6):
        practice.add_client(make_client(name=f"Audited {number}"))
    practice.close()
    return vault_path


def tamper(path: Path, *statements: str) -> None:
    """What someone with the passphrase and a SQLCipher shell could do (guards dropped)."""
    connection = connect(path)
    apply_key(connection, PASSPHRASE)
    connection.execute("DROP TRIGGER audit_trail_no_update")
    connection.execute("DROP TRIGGER audit_trail_no_delete")
    for statement in statements:
        connection.execute(statement)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def recompute_unkeyed(path: Path) -> None:
    """Rewrite the whole chain with plain SHA-256, as the old unkeyed design allowed."""
    connection = connect(path)
    apply_key(connection, PASSPHRASE)
    connection.execute("DROP TRIGGER audit_trail_no_update")
    previous = CHAIN_START
    rows = connection.execute(
        "SELECT id, at, kind, record_type, record_id FROM audit_trail ORDER BY id"
    ).fetchall()
    for row_id, at, kind, record_type, record_id in rows:
        if row_id == rows[-2][0]:
            kind = "nothing happened"
        content = "\x1f".join((previous, at, kind, record_type, str(record_id)))
        digest = hashlib.sha256(content.encode()).hexdigest()
        connection.execute(
            "UPDATE audit_trail SET kind = ?, previous_hash = ?, row_hash = ? WHERE id = ?",
            (kind, previous, digest, row_id),
        )
        previous = digest
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


TAMPERING: dict[str, tuple[Callable[[Path], None], str]] = {
    "last rows deleted": (
        lambda p: tamper(
            p, "DELETE FROM audit_trail WHERE id > (SELECT max(id) - 3 FROM audit_trail)"
        ),
        "3 row(s) are missing",
    ),
    "chain recomputed": (recompute_unkeyed, "the audit trail was altered at row"),
    "hashes nulled": (
        lambda p: tamper(p, "UPDATE audit_trail SET previous_hash = NULL, row_hash = NULL"),
        "the audit trail was altered at row 1",
    ),
    "row inserted before the chain": (
        lambda p: tamper(
            p,
            "INSERT INTO audit_trail (id, at, kind, record_type, record_id) "
            "VALUES (0, '2020-01-01T00:00:00+00:00', 'client.created', 'client', 1)",
        ),
        "the audit trail was altered at row 0",
    ),
}


@pytest.mark.parametrize("how", list(TAMPERING))
def test_check_names_each_kind_of_tampering(audited: Path, how: str) -> None:
    assert check_vault(audited, PASSPHRASE).problems == ()
    assert anchor_path(audited).exists()
    do, said = TAMPERING[how]

    do(audited)

    problems = " ".join(check_vault(audited, PASSPHRASE).problems)
    assert said in problems


def test_the_chain_is_keyed_not_plain_sha256(audited: Path) -> None:
    connection = connect(audited, immutable=True)
    apply_key(connection, PASSPHRASE)
    try:
        key = audit_key(connection)
        at, kind, record_type, record_id, previous, stored = connection.execute(
            "SELECT at, kind, record_type, record_id, previous_hash, row_hash "
            "FROM audit_trail ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    assert key is not None
    content = "\x1f".join((previous, at, kind, record_type, str(record_id)))
    assert stored != hashlib.sha256(content.encode()).hexdigest()


def test_a_forged_anchor_is_named(audited: Path) -> None:
    anchor_path(audited).write_text(
        '{"at": "x", "count": 1, "head": "00", "sig": "not a signature"}\n'
    )
    assert "was not written by this vault" in " ".join(check_vault(audited, PASSPHRASE).problems)


def test_a_backup_carries_its_anchor_inside(audited: Path, tmp_path: Path) -> None:
    practice = Practice.open(audited, PASSPHRASE, clock=fixed_clock)
    backup = practice.safekeeping.back_up(tmp_path / "copy.vault-backup")
    practice.close()
    assert not anchor_path(backup).exists()  # no extra file in the backup folder
    assert check_vault(backup, PASSPHRASE).problems == ()
    tamper(backup, "DELETE FROM audit_trail WHERE id = (SELECT max(id) FROM audit_trail)")
    assert "1 row(s) are missing" in " ".join(check_vault(backup, PASSPHRASE).problems)


def test_tampering_without_the_key_cannot_reach_the_secret(audited: Path) -> None:
    connection = connect(audited, immutable=True)
    apply_key(connection, "not the passphrase at all")
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT audit_secret FROM vault_custody").fetchone()
    connection.close()


def test_an_old_vault_is_upgraded_to_a_keyed_chain(tmp_path: Path) -> None:
    """Schema 1 (no chain at all) opens, is re-chained with the HMAC once, and checks clean."""
    import shutil

    FIXTURE_PASSPHRASE = "fixture vault passphrase"  # noqa: N806 - as in test_migrations

    path = tmp_path / "old.vault"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema-1.vault", path)
    practice = Practice.open(path, FIXTURE_PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="After The Upgrade"))
    assert practice.health().is_healthy
    practice.close()
    found = check_vault(path, FIXTURE_PASSPHRASE)
    assert found.problems == ()
    connection = connect(path, immutable=True)
    apply_key(connection, FIXTURE_PASSPHRASE)
    try:
        assert audit_key(connection) is not None
        nulls = "SELECT count(*) FROM audit_trail WHERE row_hash IS NULL"
        assert connection.execute(nulls).fetchone()[0] == 0
    finally:
        connection.close()
