"""`vault passwd`, `vault backup` and `vault restore` on real vault files."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.vault_errors import WrongPassphrase
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.cli.test_vault_commands import answers
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]
NEW = "a new passphrase, with an apostrophe's quote"


def names(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    practice = Practice.open(path, passphrase, clock=fixed_clock)
    try:
        return sorted(client.name for client in practice.client_summaries())
    finally:
        practice.close()


def add_client(path: Path, name: str) -> None:
    practice = Practice.open(path, PASSPHRASE, clock=fixed_clock)
    try:
        practice.add_client(make_client(name=name))
    finally:
        practice.close()


@pytest.fixture
def vault(vault_path: Path) -> Path:
    Practice.create(vault_path, PASSPHRASE, clock=fixed_clock).close()
    add_client(vault_path, "Kept Safe")
    return vault_path


@pytest.fixture
def unlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)


# vault passwd


@pytest.mark.usefixtures("unlocked")
def test_passwd_from_the_environment(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_NEW_PASSPHRASE", NEW)

    result = run_cli("vault", "passwd", "--vault", str(vault))

    assert result.code == 0, result.err
    [backup] = (vault.parent / "Backups").iterdir()
    assert result.out.splitlines() == [
        f"Changed the passphrase of {vault}: the new one opens it, the old one no longer does.",
        f"Backup taken just before the change: {backup} (it opens with the OLD passphrase).",
    ]
    assert names(vault, NEW) == ["Kept Safe"]
    with pytest.raises(WrongPassphrase):
        names(vault, PASSPHRASE)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert names(backup, PASSPHRASE) == ["Kept Safe"]


def test_passwd_at_a_terminal_asks_for_the_current_one_then_the_new_one_twice(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answers(monkeypatch, PASSPHRASE, NEW, NEW)

    result = run_cli("vault", "passwd", "--vault", str(vault))

    assert result.code == 0, result.err
    assert prompts == [
        f"Passphrase for {vault}: ",
        f"New passphrase for {vault} (at least 10 characters): ",
        "Type the new passphrase again: ",
    ]
    assert names(vault, NEW) == ["Kept Safe"]


def test_passwd_refuses_two_different_new_passphrases_before_any_backup(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(monkeypatch, PASSPHRASE, NEW, NEW + "!")

    result = run_cli("vault", "passwd", "--vault", str(vault))

    assert result.code == 1
    assert result.err == "alliance-desktop: The two passphrases do not match.\n"
    assert names(vault, PASSPHRASE) == ["Kept Safe"]
    assert not (vault.parent / "Backups").exists()


@pytest.mark.usefixtures("unlocked")
@pytest.mark.parametrize(
    ("new", "said"),
    [
        (None, "No new passphrase given: set ALLIANCE_NEW_PASSPHRASE"),
        ("too short", "at least 10 characters"),
        (PASSPHRASE, "The new passphrase is the current one; nothing was changed."),
    ],
    ids=["none", "short", "same"],
)
def test_passwd_refusals_change_nothing(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch, new: str | None, said: str
) -> None:
    if new is not None:
        monkeypatch.setenv("ALLIANCE_NEW_PASSPHRASE", new)
    before = vault.read_bytes()

    result = run_cli("vault", "passwd", "--vault", str(vault))

    assert result.code == 1
    assert said in result.err
    assert result.err.count("\n") == 1
    assert vault.read_bytes() == before
    assert not (vault.parent / "Backups").exists()


# vault backup and vault restore


@pytest.mark.usefixtures("unlocked")
def test_backup_then_restore_round_trip(run_cli: RunCli, vault: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copies" / "before-the-mistake.vault-backup"
    backed_up = run_cli("vault", "backup", "--vault", str(vault), "--out", str(backup))
    add_client(vault, "Added By Mistake")
    log = vault.with_name(vault.name + "-wal")
    log.write_bytes(b"left over from a crash")  # moved aside, never merged

    restored = run_cli("vault", "restore", "--vault", str(vault), str(backup))

    assert backed_up.code == 0, backed_up.err
    assert backed_up.out == (
        f"Wrote an encrypted backup of {vault} to {backup} "
        "(only you can read the file; it opens with the vault's current passphrase).\n"
    )
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert b"Kept Safe" not in backup.read_bytes()
    assert restored.code == 0, restored.err
    [replaced] = [
        p
        for p in tmp_path.glob(f"{vault.name}.replaced-*")
        if not p.name.endswith(("-wal", "-shm", ".lock", ".anchor"))
    ]
    stale = replaced.with_name(replaced.name + "-wal")
    assert restored.out.splitlines() == [
        f"Restored {vault} from {backup} (checked first); the vault it replaced is kept at "
        f"{replaced}.",
        f"Its journal went with it, never merged into the restored vault: {stale}.",
    ]
    assert stale.read_bytes() == b"left over from a crash"
    assert names(vault) == ["Kept Safe"]
    assert names(replaced) == ["Added By Mistake", "Kept Safe"]
    assert stat.S_IMODE(vault.stat().st_mode) == 0o600


@pytest.mark.usefixtures("unlocked")
def test_backup_refuses_an_existing_file(run_cli: RunCli, vault: Path, tmp_path: Path) -> None:
    existing = tmp_path / "precious.txt"
    existing.write_bytes(b"precious")

    result = run_cli("vault", "backup", "--vault", str(vault), "--out", str(existing))

    assert result.code == 1
    assert result.err == (
        f"alliance-desktop: {existing} already exists; choose a new file name for the backup.\n"
    )
    assert existing.read_bytes() == b"precious"


def test_restore_with_the_wrong_passphrase_changes_nothing(
    run_cli: RunCli, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    backup = tmp_path / "copy.vault-backup"
    assert run_cli("vault", "backup", "--vault", str(vault), "--out", str(backup)).code == 0
    add_client(vault, "Written Since")
    before = vault.read_bytes()
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "not the passphrase")

    result = run_cli("vault", "restore", "--vault", str(vault), str(backup))

    assert result.code == 1
    assert result.err == (
        f"alliance-desktop: Wrong passphrase for {backup}. Nothing was changed; try again.\n"
    )
    assert vault.read_bytes() == before
    assert not list(tmp_path.glob("*.replaced-*"))


@pytest.mark.usefixtures("unlocked")
def test_restore_from_a_missing_backup(run_cli: RunCli, vault: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.vault-backup"

    result = run_cli("vault", "restore", "--vault", str(vault), str(missing))

    assert result.code == 1
    assert result.err == f"alliance-desktop: There is no backup at {missing}.\n"
