"""`vault create` and `vault check`, and how opening a vault fails."""

from __future__ import annotations

import getpass
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from alliance_desktop.cli import passphrase as cli_passphrase
from alliance_desktop.cli import vault_commands
from alliance_desktop.services import Practice
from alliance_desktop.services.practice import VaultHealth
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE

RunCli = Callable[..., Run]
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20


def answers(monkeypatch: pytest.MonkeyPatch, *typed: str) -> list[str]:
    """Pretend to be at a terminal where the user types `typed` at successive prompts."""
    prompts: list[str] = []
    replies: Iterator[str] = iter(typed)

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr(cli_passphrase, "_is_interactive", lambda: True)
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    return prompts


def test_version(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert (result.code, result.out) == (0, "alliance-desktop 0.1.0\n")


def test_create_then_check(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)

    created = run_cli("vault", "create", "--vault", str(vault_path))
    checked = run_cli("vault", "check", "--vault", str(vault_path))

    assert created.code == 0, created.err
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    assert checked.code == 0, checked.err
    assert checked.out.startswith(f"ok: {vault_path} — schema ")
    assert checked.out.rstrip().endswith("0 clients, integrity check passed")
    Practice.open(vault_path, PASSPHRASE).close()


def test_create_refuses_a_short_passphrase(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "too-short")

    result = run_cli("vault", "create", "--vault", str(vault_path))

    assert result.code == 1
    assert "at least 10 characters" in result.err
    assert result.err.count("\n") == 1
    assert not vault_path.exists()


def test_create_refuses_an_existing_file(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_path.write_bytes(b"precious")
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)

    result = run_cli("vault", "create", "--vault", str(vault_path))

    assert result.code == 1
    assert "already exists" in result.err
    assert vault_path.read_bytes() == b"precious"


def test_create_at_a_terminal_asks_twice(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answers(monkeypatch, PASSPHRASE, PASSPHRASE)

    result = run_cli("vault", "create", "--vault", str(vault_path))

    assert result.code == 0, result.err
    assert len(prompts) == 2
    Practice.open(vault_path, PASSPHRASE).close()


def test_create_at_a_terminal_refuses_different_answers(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(monkeypatch, PASSPHRASE, PASSPHRASE + "!")

    result = run_cli("vault", "create", "--vault", str(vault_path))

    assert result.code == 1
    assert "do not match" in result.err
    assert not vault_path.exists()


def test_wrong_passphrase_fails_and_leaves_the_vault_untouched(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_vault.read_bytes()
    beside = {p.name: p.read_bytes() for p in demo_vault.parent.iterdir()}
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "not the right passphrase")

    result = run_cli("clients", "list", "--vault", str(demo_vault))

    assert result.code == 1
    assert "wrong passphrase" in result.err.lower()
    assert result.out == ""
    assert demo_vault.read_bytes() == before
    # The vault and its audit anchor (issue 12), nothing more, nothing changed.
    assert {p.name: p.read_bytes() for p in demo_vault.parent.iterdir()} == beside
    assert sorted(beside) == [demo_vault.name, f"{demo_vault.name}.anchor"]


def test_a_terminal_user_gets_another_try_after_a_wrong_passphrase(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answers(monkeypatch, "a typo in it", "demo-practice-2026")

    result = run_cli("vault", "check", "--vault", str(demo_vault))

    assert result.code == 0, result.err
    assert len(prompts) == 2
    assert "try again" in result.err


def test_a_terminal_user_gets_three_tries(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = answers(monkeypatch, "wrong one", "wrong two", "wrong three", "unused")

    result = run_cli("vault", "check", "--vault", str(demo_vault))

    assert result.code == 1
    assert len(prompts) == 3
    assert "wrong passphrase" in result.err.splitlines()[-1].lower()


def test_missing_vault_says_how_to_create_one(run_cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.vault"

    result = run_cli("vault", "check", "--vault", str(missing))

    assert result.code == 1
    assert f"There is no vault at {missing}" in result.err
    assert f"alliance-desktop vault create --vault {missing}" in result.err
    assert not missing.exists()


@pytest.mark.parametrize(
    "content", [b"Session notes, typed in a text editor.\n" * 50, PNG_BYTES], ids=["text", "png"]
)
def test_a_file_that_is_not_a_vault_is_named_as_such(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    other = tmp_path / "notes.vault"
    other.write_bytes(content)
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)

    result = run_cli("vault", "check", "--vault", str(other))

    assert result.code == 1
    assert "not an Alliance Desktop vault" in result.err
    assert other.read_bytes() == content


def test_check_reports_problems_with_exit_1(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unhealthy(path: Path, passphrase: str) -> VaultHealth:
        return VaultHealth(path, 1, 12, ("page 7 failed authentication",))

    monkeypatch.setattr(vault_commands, "check_vault_file", unhealthy)
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "demo-practice-2026")

    result = run_cli("vault", "check", "--vault", str(demo_vault))

    assert result.code == 1
    assert result.err == (
        f"alliance-desktop: {demo_vault} failed its check: page 7 failed authentication. "
        "Nothing was changed: the vault and its log were only read.\n"
    )
    assert result.out == ""


def test_an_unexpected_error_is_one_line_not_a_traceback(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, passphrase: str) -> VaultHealth:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(vault_commands, "check_vault_file", broken)
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "demo-practice-2026")

    result = run_cli("vault", "check", "--vault", str(demo_vault))

    assert result.code == 1
    assert result.err == "alliance-desktop: unexpected error: RuntimeError: boom second line\n"
