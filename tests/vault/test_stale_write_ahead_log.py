"""A -wal beside a vault that is not its own is refused before SQLite can merge it; a log left
by a crash, or in use by another connection, still opens as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alliance_desktop.domain.custody_errors import VaultInUse
from alliance_desktop.domain.vault_errors import StaleWriteAheadLog
from alliance_desktop.vault import create_vault, open_vault
from alliance_desktop.vault.client_repository import ClientRepository
from alliance_desktop.vault.connection import Vault
from alliance_desktop.vault.copies import export_copy
from alliance_desktop.vault.diagnosis import sidecar, stale_log_reason
from tests.factories import PASSPHRASE, fixed_clock, make_client

OTHER_PASSPHRASE = "another practice's passphrase"


def add_clients(vault: Vault, *names: str) -> None:
    clients = ClientRepository(vault)
    for name in names:
        clients.add(make_client(name=name))


def names_in(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    vault = open_vault(path, passphrase, fixed_clock)
    try:
        return sorted(summary.name for summary in ClientRepository(vault).summaries())
    finally:
        vault.close()


def snapshot(path: Path, suffixes: tuple[str, ...] = ("-wal", "-shm")) -> dict[str, bytes]:
    """The bytes of the vault's sidecars as they are now (the vault still open)."""
    return {suffix: sidecar(path, suffix).read_bytes() for suffix in suffixes}


def put_back(path: Path, files: dict[str, bytes]) -> None:
    for suffix, data in files.items():
        sidecar(path, suffix).write_bytes(data)


@pytest.fixture
def saved(vault_path: Path) -> Path:
    """A closed vault holding one client."""
    vault = create_vault(vault_path, PASSPHRASE, fixed_clock)
    add_clients(vault, "Saved Earlier")
    vault.close()
    return vault_path


def test_a_log_left_by_a_crash_is_still_merged(saved: Path, tmp_path: Path) -> None:
    vault = open_vault(saved, PASSPHRASE, fixed_clock)
    add_clients(vault, "Only In The Log")
    crashed = tmp_path / "crashed" / saved.name
    crashed.parent.mkdir()
    shutil.copyfile(saved, crashed)  # the four files as a crash would leave them
    put_back(crashed, snapshot(saved, ("-wal", "-shm", ".lock")))
    vault.close()

    assert stale_log_reason(crashed, PASSPHRASE) is None
    assert names_in(crashed) == ["Only In The Log", "Saved Earlier"]


def test_a_log_in_use_by_another_window_is_left_alone(saved: Path) -> None:
    first = open_vault(saved, PASSPHRASE, fixed_clock)
    add_clients(first, "Written By The First")
    try:
        assert sidecar(saved, "-wal").stat().st_size > 0
        assert stale_log_reason(saved, PASSPHRASE) is None
        log = snapshot(saved)
        with pytest.raises(VaultInUse, match="open in another window since"):
            open_vault(saved, PASSPHRASE, fixed_clock)  # one writer at a time (issue 12)
        assert snapshot(saved) == log
    finally:
        first.close()
    assert names_in(saved) == ["Saved Earlier", "Written By The First"]


def test_a_log_already_wholly_in_the_vault_is_harmless(saved: Path) -> None:
    vault = open_vault(saved, PASSPHRASE, fixed_clock)
    add_clients(vault, "Checkpointed")
    log = snapshot(saved, ("-wal",))
    vault.close()  # copies every page of the log into the vault
    put_back(saved, log)

    assert stale_log_reason(saved, PASSPHRASE) is None
    assert names_in(saved) == ["Checkpointed", "Saved Earlier"]


def test_a_log_put_back_without_its_index_is_refused(saved: Path) -> None:
    vault = open_vault(saved, PASSPHRASE, fixed_clock)
    add_clients(vault, "In The Old Log")
    log = snapshot(saved, ("-wal",))
    vault.close()
    vault = open_vault(saved, PASSPHRASE, fixed_clock)
    add_clients(vault, "Added Since")
    vault.close()
    put_back(saved, log)
    before = saved.read_bytes()

    with pytest.raises(StaleWriteAheadLog) as raised:
        open_vault(saved, PASSPHRASE, fixed_clock)

    message = str(raised.value)
    assert f"A stale write-ahead log ({sidecar(saved, '-wal')}) lies beside the vault" in message
    assert "-shm index" in message and "Move it aside" in message
    assert raised.value.log == sidecar(saved, "-wal")
    assert saved.read_bytes() == before
    assert sidecar(saved, "-wal").read_bytes() == log["-wal"]
    assert not sidecar(saved, "-shm").exists()
    sidecar(saved, "-wal").rename(saved.with_name("moved-aside-wal"))
    assert names_in(saved) == ["Added Since", "In The Old Log", "Saved Earlier"]


@pytest.mark.parametrize("passphrase", [PASSPHRASE, OTHER_PASSPHRASE], ids=["same", "other"])
def test_a_log_from_another_vault_is_refused(saved: Path, tmp_path: Path, passphrase: str) -> None:
    other_path = tmp_path / "other.vault"
    other = create_vault(other_path, passphrase, fixed_clock)
    add_clients(other, "Someone Else's Client")
    foreign = snapshot(other_path)
    other.close()
    put_back(saved, foreign)  # the log and its index, copied in together

    with pytest.raises(StaleWriteAheadLog) as raised:
        open_vault(saved, PASSPHRASE, fixed_clock)

    assert "encrypted with another key" in str(raised.value)
    assert snapshot(saved) == foreign


def test_a_log_beside_a_vault_replaced_after_a_checkpoint_is_refused(
    saved: Path, tmp_path: Path
) -> None:
    vault = open_vault(saved, PASSPHRASE, fixed_clock)
    backup = export_copy(vault, tmp_path / "backup.vault")
    add_clients(vault, "After The Backup")
    vault.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
    left = snapshot(saved)  # as a crash just after a checkpoint leaves them
    vault.close()
    shutil.copyfile(backup, saved)  # the backup copied over the vault by hand
    put_back(saved, left)

    with pytest.raises(StaleWriteAheadLog) as raised:
        open_vault(saved, PASSPHRASE, fixed_clock)

    assert "the vault file was replaced after the log was written" in str(raised.value)
    assert saved.read_bytes() == backup.read_bytes()


def test_a_log_sqlite_would_ignore_is_not_reported(saved: Path) -> None:
    sidecar(saved, "-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(5000))

    assert stale_log_reason(saved, PASSPHRASE) is None
    assert names_in(saved) == ["Saved Earlier"]
