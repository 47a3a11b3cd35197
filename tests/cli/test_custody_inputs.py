"""Issue 12, case 10: inputs a user can type end in one clear line (exit 1 or 2), never
"unexpected error"; what is printed is cleaned of control characters and bidi overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.cli.terminal_text import printable
from alliance_desktop.services import Practice
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, fixed_clock, make_client

RunCli = Callable[..., Run]
ESCAPE_NAME = "Eve \x1b[2J\x1b]0;owned\x07 \u202eevil\u202c"


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "practice.vault"
    practice = Practice.create(path, PASSPHRASE, clock=fixed_clock)
    practice.add_client(make_client(name="Plain Name"))
    practice.close()
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    return path


def test_vault_check_without_vault_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli("vault", "check")
    assert result.code == 2
    assert "required: --vault" in result.err


def test_a_nul_in_the_passphrase_file(run_cli: RunCli, vault: Path, tmp_path: Path) -> None:
    file = tmp_path / "passphrase.txt"
    file.write_bytes(b"correct horse\x00battery staple\n")
    result = run_cli("vault", "check", "--vault", str(vault), "--passphrase-file", str(file))
    assert result.code == 1 and "NUL character" in result.err
    assert "unexpected" not in result.err


@pytest.mark.parametrize("client", ["9223372036854775808", str(10**30), "-9223372036854775809"])
def test_an_id_beyond_64_bits(run_cli: RunCli, vault: Path, client: str) -> None:
    result = run_cli("goals", "--vault", str(vault), "--client", client, "--json")
    assert result.code == 2 and "no record has an id as large as" in result.err


def test_a_new_passphrase_of_spaces_is_refused(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", " " * 10)
    result = run_cli("vault", "create", "--vault", str(tmp_path / "new.vault"))
    assert result.code == 1 and "too easy to guess" in result.err
    assert not (tmp_path / "new.vault").exists()


def test_the_raw_key_form_never_opens_a_vault(
    run_cli: RunCli, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", "x'" + "ab" * 32 + "'")
    result = run_cli("clients", "list", "--vault", str(vault))
    assert result.code == 1 and "raw key bytes" in result.err


def test_names_are_printed_cleaned(run_cli: RunCli, vault: Path) -> None:
    practice = Practice.open(vault, PASSPHRASE, clock=fixed_clock)
    try:
        practice._vault.connection.execute(  # as a handover import or an old version might
            "UPDATE clients SET name = ? WHERE id = 1", (ESCAPE_NAME,)
        )
    finally:
        practice.close()
    result = run_cli("clients", "list", "--vault", str(vault))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\u202e" not in result.out and "\x07" not in result.out
    assert "Eve \\u001b[2J" in result.out


def test_printable_keeps_ordinary_text() -> None:
    assert printable("Zoë Okafor-Lindqvist\tnext\n") == "Zoë Okafor-Lindqvist\tnext\n"
    assert printable("a\u200fb\x00") == "a\\u200fb\\u0000"
