"""Schema upgrades: one transaction each, an encrypted copy first, fixtures of released schemas."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from alliance_desktop.domain.vault_errors import VaultWriteFailed
from alliance_desktop.vault import create_vault, open_vault
from alliance_desktop.vault.client_repository import ClientRepository
from alliance_desktop.vault.schema import (
    Migration,
    bring_up_to_date,
    bundled_migrations,
    latest_schema_version,
)
from tests.factories import PASSPHRASE, fixed_clock, make_client

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_PASSPHRASE = "fixture vault passphrase"


def _table_names(vault_connection: object) -> set[str]:
    rows = vault_connection.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type = 'table'"
    ).fetchall()
    return {row[0] for row in rows}


def test_bundled_migrations_are_numbered_in_order_once_each() -> None:
    """Gaps are allowed: each branch of the work takes the number it was given."""
    versions = [migration.version for migration in bundled_migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    assert latest_schema_version() == versions[-1]


def test_a_new_vault_is_at_the_latest_schema(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    assert vault.schema_version == latest_schema_version()
    vault.close()


def test_upgrade_takes_an_encrypted_copy_first_and_records_it(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    ClientRepository(vault).add(make_client(name="Before Upgrade"))
    old_version = vault.schema_version
    extra = Migration(old_version + 1, "9999_extra.sql", "CREATE TABLE extra_notes (x TEXT);")
    copy = bring_up_to_date(vault, [*bundled_migrations(), extra])
    assert vault.schema_version == old_version + 1
    assert "extra_notes" in _table_names(vault.connection)
    vault.close()

    assert copy is not None and copy.exists()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert b"Before Upgrade" not in copy.read_bytes()
    # The copy is the vault as it was: old schema, same passphrase, same records.
    before = open_vault(copy, PASSPHRASE, fixed_clock)
    assert before.schema_version == old_version
    assert "extra_notes" not in _table_names(before.connection)
    assert [c.name for c in ClientRepository(before).summaries()] == ["Before Upgrade"]
    before.close()


def test_a_failing_migration_leaves_the_vault_as_it_was(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    old_version = vault.schema_version
    broken = Migration(
        old_version + 1,
        "9999_broken.sql",
        "CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);",
    )
    with pytest.raises(Exception, match="no_such_table"):
        bring_up_to_date(vault, [*bundled_migrations(), broken])
    assert vault.schema_version == old_version
    assert "half_done" not in _table_names(vault.connection)
    assert not vault.connection.in_transaction
    vault.close()


def test_schema_1_fixture_opens_and_keeps_its_records(tmp_path: Path) -> None:
    """A vault written by the first release must open (and upgrade) in every later one."""
    path = tmp_path / "schema-1.vault"
    shutil.copyfile(FIXTURES / "schema-1.vault", path)
    vault = open_vault(path, FIXTURE_PASSPHRASE, fixed_clock)
    assert vault.schema_version == latest_schema_version()
    client = ClientRepository(vault).get(1)
    assert client.name == "Fixture Client Ñandú"
    assert client.values == ("keeping promises",)
    vault.close()


def test_transaction_rolls_back_everything_on_error(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    clients = ClientRepository(vault)
    with pytest.raises(RuntimeError), vault.transaction() as tx:
        tx.execute(
            "INSERT INTO clients (name, status, created_at, updated_at) "
            "VALUES ('Half Written', 'intake', 'now', 'now')"
        )
        raise RuntimeError("crash in the middle of a write")
    assert clients.count() == 0
    vault.close()


def test_storage_errors_become_a_clear_write_failure(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    with pytest.raises(VaultWriteFailed) as raised, vault.transaction() as tx:
        tx.execute(
            "INSERT INTO clients (name, status, created_at, updated_at) "
            "VALUES ('X', 'not-a-status', 'now', 'now')"
        )
    assert "Nothing from this change was written" in str(raised.value)
    assert ClientRepository(vault).count() == 0
    vault.close()
