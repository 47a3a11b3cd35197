"""`continuity export` and `continuity import` as DESIGN.md's command line says."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE
from tests.cli.conftest import Run

NEW_PASSPHRASE = "custodian passphrase 2026"


@pytest.fixture
def vault(demo_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "practice" / "demo.vault"
    copy.parent.mkdir()
    shutil.copy(demo_vault, copy)
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO_PASSPHRASE)
    return copy


def printed_password(out: str) -> str:
    lines = out.splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("Continuity password"))
    return lines[heading + 1].strip()


def test_export_then_import_into_a_new_vault(
    run_cli: Callable[..., Run], vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    made = run_cli(
        "continuity", "export", "--vault", str(vault), "--out", str(drive),
        "--custodian-name", "Dr Imogen Reyes", "--custodian-contact", "+44 20 7946 0999",
    )  # fmt: skip
    assert made.code == 0, made.err
    assert "continuity package of 10 clients for Dr Imogen Reyes" in made.out
    password = printed_password(made.out)
    package = next(drive.iterdir())

    again = run_cli(
        "continuity", "export", "--vault", str(vault), "--out", str(drive),
        "--custodian-name", "Dr Imogen Reyes",
    )  # fmt: skip
    assert again.code == 0 and "Continuity password" not in again.out
    assert "already in the custodian's sealed letter" in again.out

    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", password.upper())
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", NEW_PASSPHRASE)
    target = tmp_path / "custodian.vault"
    opened = run_cli("continuity", "import", "--vault", str(target), str(package))
    assert opened.code == 0, opened.err
    assert "10 clients in the new vault" in opened.out
    listed = run_cli("clients", "list", "--vault", str(target), "--json")
    assert listed.code == 0 and listed.out.count('"id"') == 10


def test_import_refuses_an_existing_vault_and_a_wrong_password(
    run_cli: Callable[..., Run], vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    made = run_cli(
        "continuity", "export", "--vault", str(vault), "--out", str(drive),
        "--custodian-name", "Dr Imogen Reyes",
    )  # fmt: skip
    package = next(drive.iterdir())
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", printed_password(made.out))
    existing = run_cli("continuity", "import", "--vault", str(vault), str(package))
    assert existing.code == 1 and "opens into a new vault" in existing.err
    monkeypatch.setenv("ALLIANCE_HANDOVER_PASSWORD", "not-the-password")
    wrong = run_cli("continuity", "import", "--vault", str(tmp_path / "new.vault"), str(package))
    assert wrong.code == 1 and "not the package password" in wrong.err
    assert not (tmp_path / "new.vault").exists()


def test_export_to_a_missing_folder_or_without_a_custodian(
    run_cli: Callable[..., Run], vault: Path, tmp_path: Path
) -> None:
    missing = run_cli(
        "continuity", "export", "--vault", str(vault), "--out", str(tmp_path / "nope"),
        "--custodian-name", "Dr Imogen Reyes",
    )  # fmt: skip
    assert missing.code == 1 and "there is no such folder" in missing.err
    usage = run_cli("continuity", "export", "--vault", str(vault), "--out", str(tmp_path))
    assert usage.code == 2
