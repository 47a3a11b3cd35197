"""Creating and unlocking real encrypted vault files, and every way that can go wrong."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.vault_errors import (
    DamagedVault,
    NotAVault,
    VaultAlreadyExists,
    VaultMissing,
    VaultTooNew,
    WrongPassphrase,
)
from alliance_desktop.vault import create_vault, open_vault
from alliance_desktop.vault.client_repository import ClientRepository
from tests.factories import PASSPHRASE, fixed_clock, make_client


def _make_vault_with_clients(path: Path, count: int = 40) -> None:
    vault = create_vault(path, PASSPHRASE, fixed_clock)
    clients = ClientRepository(vault)
    for number in range(count):
        clients.add(make_client(name=f"Client number {number}", concerns=("x" * 500,)))
    vault.close()


def test_created_vault_reopens_with_the_same_passphrase(vault_path: Path) -> None:
    _make_vault_with_clients(vault_path, 2)
    vault = open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert ClientRepository(vault).count() == 2
    assert vault.schema_version >= 1
    vault.close()


def test_vault_and_its_sidecars_are_private_to_the_user(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    ClientRepository(vault).add(make_client())
    sidecars = [vault_path.with_name(vault_path.name + s) for s in ("-wal", "-shm")]
    for path in [vault_path, *sidecars]:
        assert path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    vault.close()
    assert not sidecars[0].exists() or sidecars[0].stat().st_size == 0


def test_new_vault_folder_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new-folder" / "practice.vault"
    create_vault(path, PASSPHRASE, fixed_clock).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_short_passphrase_is_refused_and_nothing_is_created(vault_path: Path) -> None:
    with pytest.raises(InvalidInput) as raised:
        create_vault(vault_path, "too short", fixed_clock)
    assert "at least 10" in str(raised.value)
    assert not vault_path.exists()


def test_create_never_overwrites_an_existing_file(vault_path: Path) -> None:
    vault_path.write_bytes(b"precious")
    with pytest.raises(VaultAlreadyExists):
        create_vault(vault_path, PASSPHRASE, fixed_clock)
    assert vault_path.read_bytes() == b"precious"


def test_wrong_passphrase_is_named_and_changes_nothing(
    vault_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _make_vault_with_clients(vault_path, 3)
    before = vault_path.read_bytes()
    with pytest.raises(WrongPassphrase) as raised:
        open_vault(vault_path, "not the passphrase", fixed_clock)
    assert "Wrong passphrase" in str(raised.value)
    assert vault_path.read_bytes() == before
    # SQLCipher's own HMAC error logging must not reach the terminal.
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_passphrase_with_a_quote_and_accents_works(vault_path: Path) -> None:
    passphrase = "it's O'Brien's café ünïcode"
    create_vault(vault_path, passphrase, fixed_clock).close()
    open_vault(vault_path, passphrase, fixed_clock).close()
    with pytest.raises(WrongPassphrase):
        open_vault(vault_path, passphrase.replace("'", ""), fixed_clock)


def test_missing_file_is_reported_as_missing(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing) as raised:
        open_vault(tmp_path / "nowhere.vault", PASSPHRASE, fixed_clock)
    assert "no vault" in str(raised.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"Dear colleague,\nplease find attached...\n" * 200, "not encrypted"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(8000), "PNG image"),
        (b"SQLite format 3\x00" + bytes(4080), "unencrypted SQLite"),
    ],
)
def test_files_that_are_not_vaults_say_what_they_are(
    vault_path: Path, content: bytes, expected: str
) -> None:
    vault_path.write_bytes(content)
    with pytest.raises(NotAVault) as raised:
        open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert "not an Alliance Desktop vault" in str(raised.value)
    assert expected in str(raised.value)
    assert vault_path.read_bytes() == content


def test_a_damaged_page_is_named_and_told_apart_from_a_wrong_passphrase(
    vault_path: Path,
) -> None:
    _make_vault_with_clients(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[4096 * 2 + 200] ^= 0xFF  # page 3
    vault_path.write_bytes(bytes(data))
    vault = open_vault(vault_path, PASSPHRASE, fixed_clock)
    with pytest.raises(DamagedVault) as raised:
        ClientRepository(vault).summaries()  # reading every client reaches page 3
    vault.close()
    assert "page(s) 3" in str(raised.value)
    assert raised.value.damaged_pages == (3,)


def test_a_damaged_first_page_is_damage_not_a_wrong_passphrase(vault_path: Path) -> None:
    _make_vault_with_clients(vault_path)
    data = bytearray(vault_path.read_bytes())
    data[300] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    with pytest.raises(DamagedVault) as raised:
        open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert raised.value.damaged_pages == (1,)
    assert "page(s) 1" in str(raised.value)


def test_damage_where_the_schema_lives_is_named_too(vault_path: Path) -> None:
    """SQLite calls a broken schema page "malformed", not "not a database"; it is still
    damage, with its pages named, and the file is left as it was."""
    _make_vault_with_clients(vault_path)
    data = bytearray(vault_path.read_bytes())
    pages = len(data) // 4096
    for page in range(2, pages + 1):  # every page but the first: the schema's among them
        data[4096 * (page - 1) + 200] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    with pytest.raises(DamagedVault) as raised:
        open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert raised.value.damaged_pages == tuple(range(2, pages + 1))
    assert "Wrong passphrase" not in str(raised.value)
    assert vault_path.read_bytes() == bytes(data)


def test_a_truncated_vault_is_damaged(vault_path: Path) -> None:
    _make_vault_with_clients(vault_path)
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[: len(data) - 2048])
    with pytest.raises(DamagedVault) as raised:
        open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert "truncated" in str(raised.value)


def test_a_vault_from_a_newer_app_is_refused_unchanged(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    vault.connection.execute("PRAGMA user_version = 999")
    vault.close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNew) as raised:
        open_vault(vault_path, PASSPHRASE, fixed_clock)
    assert "newer version" in str(raised.value)
    assert "999" in str(raised.value)
    assert vault_path.read_bytes() == before


def test_connection_settings_are_in_force(vault_path: Path) -> None:
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    pragma = vault.connection.execute
    assert pragma("PRAGMA cipher_version").fetchone()[0]
    assert pragma("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
    assert pragma("PRAGMA secure_delete").fetchone()[0] == 1
    assert int(pragma("PRAGMA kdf_iter").fetchone()[0]) == 256_000  # SQLCipher 4 default
    vault.close()
