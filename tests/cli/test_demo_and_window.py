"""`demo`, `--demo` and opening the window (with a stand-in for the GUI)."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.vault_errors import WrongPassphrase
from alliance_desktop.services import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE, default_demo_vault_path
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE

RunCli = Callable[..., Run]


@pytest.fixture
def window_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path | None, str | None]]:
    """Replace `alliance_desktop.ui.app` with a stand-in that records how it was started."""
    calls: list[tuple[Path | None, str | None]] = []

    def run_gui(vault_path: Path | None = None, prefilled_passphrase: str | None = None) -> int:
        calls.append((vault_path, prefilled_passphrase))
        return 0

    stand_in = types.ModuleType("alliance_desktop.ui.app")
    stand_in.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "alliance_desktop.ui.app", stand_in)
    return calls


def test_demo_prints_its_passphrase_and_clients_list_shows_its_clients(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = run_cli("demo", "--vault", str(vault_path))
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO_PASSPHRASE)
    listed = run_cli("clients", "list", "--vault", str(vault_path), "--json", "--all")

    assert made.code == 0, made.err
    assert f"Passphrase: {DEMO_PASSPHRASE}" in made.out.splitlines()
    assert "12 fictional clients" in made.out
    names = {client["name"] for client in json.loads(listed.out)}
    assert len(names) == 12
    assert {"Siobhán O'Connor", "Ελένη Παπαδοπούλου"} <= names


def test_demo_with_a_passphrase_given_uses_it_and_does_not_print_it(
    run_cli: RunCli, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)

    result = run_cli("demo", "--vault", str(vault_path), "--size", "small", "--seed", "3")

    assert result.code == 0, result.err
    assert PASSPHRASE not in result.out and DEMO_PASSPHRASE not in result.out
    with pytest.raises(WrongPassphrase):
        Practice.open(vault_path, DEMO_PASSPHRASE)
    practice = Practice.open(vault_path, PASSPHRASE)
    assert practice.client_count() == 12
    practice.close()


def test_demo_never_overwrites_a_file(run_cli: RunCli, demo_vault: Path) -> None:
    before = demo_vault.read_bytes()

    result = run_cli("demo", "--vault", str(demo_vault))

    assert result.code == 1
    assert "already exists" in result.err
    assert demo_vault.read_bytes() == before


def test_no_command_opens_the_window_on_the_vault_given(
    run_cli: RunCli, window_calls: list[tuple[Path | None, str | None]], tmp_path: Path
) -> None:
    assert run_cli().code == 0
    assert run_cli("--vault", str(tmp_path / "mine.vault")).code == 0
    assert window_calls == [(None, None), (tmp_path / "mine.vault", None)]


def test_demo_flag_creates_the_demo_once_then_reopens_it(
    run_cli: RunCli, window_calls: list[tuple[Path | None, str | None]]
) -> None:
    path = default_demo_vault_path()

    first = run_cli("--demo")
    made = path.read_bytes()
    second = run_cli("--demo")

    assert (first.code, second.code) == (0, 0)
    assert first.out.splitlines()[0].startswith(f"Demo practice: {path} (created now")
    assert second.out.splitlines() == [f"Demo practice: {path}", f"Passphrase: {DEMO_PASSPHRASE}"]
    assert path.read_bytes() == made
    assert window_calls == [(path, DEMO_PASSPHRASE), (path, DEMO_PASSPHRASE)]
    practice = Practice.open(path, DEMO_PASSPHRASE)
    assert practice.client_count() == 12
    practice.close()


def test_a_window_that_cannot_start_is_one_line(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "alliance_desktop.ui.app", None)  # import fails

    result = run_cli("--vault", "mine.vault")

    assert result.code == 1
    assert result.err.startswith("alliance-desktop: Cannot open the window: ")
    assert result.err.count("\n") == 1
