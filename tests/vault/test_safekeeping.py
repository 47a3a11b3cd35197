"""Backups, restore and passphrase change on real vault files."""

from __future__ import annotations

import stat
import unicodedata
from pathlib import Path

import pytest

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.vault_errors import NotAVault, VaultError, WrongPassphrase
from alliance_desktop.services import Practice
from alliance_desktop.services.safekeeping import restore_vault
from tests.factories import PASSPHRASE, fixed_clock, make_client

NEW_PASSPHRASE = "a new one, with an apostrophe's quote"


def _names(practice: Practice) -> list[str]:
    return [c.name for c in practice.find_clients(include_archived=True)]


def test_backup_is_encrypted_private_and_complete(practice: Practice, tmp_path: Path) -> None:
    practice.add_client(make_client(name="Backed Up"))
    copy = practice.safekeeping.back_up()
    assert copy.parent == tmp_path / "Backups"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    assert b"Backed Up" not in copy.read_bytes()
    opened = Practice.open(copy, PASSPHRASE, clock=fixed_clock)
    assert _names(opened) == ["Backed Up"]
    opened.close()
    assert practice.safekeeping.backups() == [copy]
    assert practice.audit_entries()[0].kind == "vault.backed_up"


def test_backup_to_a_chosen_file(practice: Practice, tmp_path: Path) -> None:
    practice.add_client(make_client(name="Chosen"))
    target = tmp_path / "elsewhere" / "copy.vault"
    practice.safekeeping.back_up(target)
    opened = Practice.open(target, PASSPHRASE, clock=fixed_clock)
    assert _names(opened) == ["Chosen"]
    opened.close()


def test_passphrase_change_new_opens_old_fails(practice: Practice, vault_path: Path) -> None:
    practice.add_client(make_client(name="Kept Through Rekey"))
    backup = practice.safekeeping.change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert _names(practice) == ["Kept Through Rekey"]  # still open, on the new key
    practice.add_client(make_client(name="Written After"))
    practice.close()
    with pytest.raises(WrongPassphrase):
        Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    reopened = Practice.open(vault_path, NEW_PASSPHRASE, clock=fixed_clock)
    assert _names(reopened) == ["Kept Through Rekey", "Written After"]
    assert reopened.health().is_healthy
    assert "vault.passphrase_changed" in [e.kind for e in reopened.audit_entries()]
    reopened.close()
    old_copy = Practice.open(backup, PASSPHRASE, clock=fixed_clock)  # the backup keeps the old
    old_copy.close()


def test_passphrase_change_is_refused_without_the_current_one(
    practice: Practice, vault_path: Path
) -> None:
    with pytest.raises(WrongPassphrase):
        practice.safekeeping.change_passphrase("not the current one", NEW_PASSPHRASE)
    with pytest.raises(InvalidInput):
        practice.safekeeping.change_passphrase(PASSPHRASE, "short")
    practice.close()
    Practice.open(vault_path, PASSPHRASE, clock=fixed_clock).close()


def test_new_passphrase_is_nfc_normalised(practice: Practice, vault_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "crème brûlée forever")
    practice.safekeeping.change_passphrase(PASSPHRASE, decomposed)
    practice.close()
    Practice.open(vault_path, "crème brûlée forever", clock=fixed_clock).close()


def test_restore_puts_the_backup_back_and_keeps_the_replaced_vault(
    practice: Practice, vault_path: Path
) -> None:
    practice.add_client(make_client(name="Before Backup"))
    backup = practice.safekeeping.back_up()
    practice.add_client(make_client(name="After Backup"))
    practice.close()

    replaced = restore_vault(vault_path, backup, PASSPHRASE, fixed_clock)
    restored = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    assert _names(restored) == ["Before Backup"]
    restored.close()
    assert replaced is not None
    kept = Practice.open(replaced, PASSPHRASE, clock=fixed_clock)
    assert _names(kept) == ["After Backup", "Before Backup"]
    kept.close()


def test_restore_never_merges_a_stale_wal(practice: Practice, vault_path: Path) -> None:
    practice.add_client(make_client(name="In Backup"))
    backup = practice.safekeeping.back_up()
    for number in range(20):
        practice.add_client(make_client(name=f"Only In WAL {number}"))
    wal = vault_path.with_name(vault_path.name + "-wal")
    stale = wal.read_bytes()
    assert len(stale) > 0
    practice.close()
    wal.write_bytes(stale)  # a WAL left behind beside the file to be restored

    restore_vault(vault_path, backup, PASSPHRASE, fixed_clock)
    restored = Practice.open(vault_path, PASSPHRASE, clock=fixed_clock)
    assert _names(restored) == ["In Backup"]
    assert restored.health().is_healthy
    restored.close()
    assert list(vault_path.parent.glob("*.replaced-*-wal"))  # kept with the file it belongs to


def test_restore_refuses_a_bad_backup_and_changes_nothing(
    practice: Practice, vault_path: Path, tmp_path: Path
) -> None:
    practice.add_client(make_client(name="Precious"))
    practice.close()
    before = vault_path.read_bytes()
    not_a_backup = tmp_path / "holiday.png"
    not_a_backup.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5000))
    with pytest.raises(NotAVault):
        restore_vault(vault_path, not_a_backup, PASSPHRASE, fixed_clock)
    with pytest.raises(VaultError):
        restore_vault(vault_path, tmp_path / "missing.vault-backup", PASSPHRASE, fixed_clock)
    assert vault_path.read_bytes() == before
