"""Case 1 of issue 12: no `--out` (report, calendar, backup, handover) can replace the vault,
its log or lock, a backup or moved-aside copy of it, or a path that is not a regular file.
Each refusal exits 1 with one line and leaves every file exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.custody_errors import UnsafeExportTarget
from alliance_desktop.services import Practice
from alliance_desktop.services.export_targets import check_export_file, check_export_folder
from alliance_desktop.services.private_files import write_private_file
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Ada Example"))
    practice.safekeeping.back_up(tmp_path / "kept.vault-backup")
    practice.close()
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file but the vault's log and index, which SQLite itself makes and removes."""
    return {
        entry.name: entry.read_bytes() if entry.is_file() else b"<special>"
        for entry in sorted(folder.iterdir())
        if not entry.name.endswith(("-wal", "-shm"))
    }


def commands(vault: Path, out: Path) -> list[list[str]]:
    v = ["--vault", str(vault)]
    return [
        ["report", "goal-review", *v, "--client", "1", "--out", str(out)],
        ["calendar", "export", *v, "--from", "2026-01-01", "--to", "2026-06-30", "--out", str(out)],
        ["vault", "backup", *v, "--out", str(out)],
    ]


def targets(vault: Path) -> dict[str, Path]:
    folder = vault.parent
    renamed = folder / "renamed-backup.pdf"
    renamed.write_bytes((folder / "kept.vault-backup").read_bytes())
    moved = folder / "moved-aside.bak"
    moved.write_bytes(vault.read_bytes())
    pipe = folder / "pipe"
    os.mkfifo(pipe)
    link = folder / "link-to-vault.pdf"
    link.symlink_to(vault)
    (folder / "a-folder").mkdir()
    wal = folder / f"{vault.name}-wal"
    wal.write_bytes(b"")  # an emptied log after a clean close
    return {
        "the vault": vault,
        "its log": wal,
        "its log index": folder / f"{vault.name}-shm",
        "its lock": folder / f"{vault.name}.lock",
        "a backup": folder / "kept.vault-backup",
        "a renamed backup": renamed,
        "a moved-aside copy": moved,
        "a named pipe": pipe,
        "a link to the vault": link,
        "a folder": folder / "a-folder",
        "a device": Path("/dev/null"),
    }


def test_every_out_refuses_every_unsafe_target(run_cli: RunCli, vault: Path) -> None:
    named = targets(vault)
    before = files_in(vault.parent)
    null_before = os.stat("/dev/null")
    for what, target in named.items():
        for argv in commands(vault, target):
            result = run_cli(*argv)
            assert result.code == 1, (what, argv[:2], result)
            assert "Will not write to" in result.err or "already exists" in result.err, (
                what,
                result.err,
            )
            assert len(result.err.strip().splitlines()) == 1
    assert files_in(vault.parent) == before
    assert os.stat("/dev/null").st_rdev == null_before.st_rdev
    assert Practice.open(vault, PASSPHRASE).client_count() == 1  # still the vault, still opens


def test_handover_out_refuses_the_vault_and_a_pipe(run_cli: RunCli, vault: Path) -> None:
    pipe = vault.parent / "pipe"
    os.mkfifo(pipe)
    before = files_in(vault.parent)
    for target in (vault, pipe):
        result = run_cli(
            "handover", "export", "--vault", str(vault), "--client", "1", "--out", str(target),
            "--to-name", "Dr Next", "--consent-date", "2026-03-01", "--consent-scope", "all",
            "--reason", "moving away",
        )  # fmt: skip
        assert result.code == 1, result
    assert files_in(vault.parent) == before


def test_the_service_writer_refuses_without_the_cli(vault: Path) -> None:
    before = vault.read_bytes()
    with pytest.raises(UnsafeExportTarget, match="encrypted vault"):
        write_private_file(vault, b"%PDF-1.7 not a vault")
    assert vault.read_bytes() == before
    assert not [p for p in vault.parent.iterdir() if p.name.endswith(".partial")]


def test_ordinary_targets_are_still_written(tmp_path: Path) -> None:
    old_pdf = tmp_path / "old.pdf"
    old_pdf.write_bytes(b"%PDF-1.7 an earlier review")
    assert check_export_file(old_pdf) == old_pdf  # replacing one's own earlier export is fine
    assert check_export_file(tmp_path / "new.ics") == tmp_path / "new.ics"
    write_private_file(old_pdf, b"%PDF-1.7 the new review")
    assert old_pdf.read_bytes() == b"%PDF-1.7 the new review"
    assert check_export_folder(tmp_path / "handover") == tmp_path / "handover"


def test_an_export_that_cannot_be_recorded_is_not_left_on_disk(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 6: recording the export fails (a read-only vault): no file, and the message says so."""
    from alliance_desktop.domain.vault_errors import VaultWriteFailed

    def read_only(*args: object) -> None:
        raise VaultWriteFailed("the vault file is read-only")

    monkeypatch.setattr(Practice, "record_event", read_only)
    earlier = vault.parent / "review.pdf"
    earlier.write_bytes(b"%PDF-1.7 last month's review")
    for argv in commands(vault, earlier)[:2] + [
        [*c[:-1], str(vault.parent / "new.ics")] for c in commands(vault, earlier)[1:2]
    ]:
        result = run_cli(*argv)
        assert result.code == 1, result
        assert "Nothing from this change was written" in result.err
    assert earlier.read_bytes() == b"%PDF-1.7 last month's review"  # the old one kept
    assert not (vault.parent / "new.ics").exists()
    assert not [p for p in vault.parent.iterdir() if p.name.endswith(".partial")]
