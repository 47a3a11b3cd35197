"""`clients list`, where the passphrase comes from, and usage errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_desktop.domain.client import ClientStatus
from tests.cli.conftest import Run

RunCli = Callable[..., Run]
DEMO = "demo-practice-2026"


def test_clients_list_json_has_the_contract_shape(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("clients", "list", "--vault", str(demo_vault), "--json")

    assert result.code == 0, result.err
    clients = json.loads(result.out)
    assert isinstance(clients, list)
    assert len(clients) == 10  # the small demo's 12, less its 2 archived clients
    for client in clients:
        assert isinstance(client["id"], int)
        assert isinstance(client["name"], str) and client["name"]
        assert client["status"] in {status.value for status in ClientStatus}
        assert client["archived"] is False
        assert client["start_date"] is None or len(client["start_date"]) == 10
        assert isinstance(client["preferred_name"], str)
    by_name = {client["name"]: client for client in clients}
    assert by_name["Zoë Abernathy-Okafor"]["preferred_name"] == "Zo"
    assert by_name["Дмитрий Соколов"]["status"] == "intake"


def test_clients_list_all_includes_archived_clients(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("clients", "list", "--vault", str(demo_vault), "--json", "--all")

    clients = json.loads(result.out)
    assert len(clients) == 12
    archived = {client["name"] for client in clients if client["archived"]}
    assert archived == {"Nguyễn Thị Mai", "Björn Ekström"}


def test_clients_list_table_is_aligned(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("clients", "list", "--vault", str(demo_vault))

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    header, rows, footer = lines[0], lines[1:-1], lines[-1]
    assert header.split() == ["ID", "Name", "Status", "Started"]
    assert len(rows) == 10
    assert any("Zoë Abernathy-Okafor (Zo)" in row for row in rows)
    assert not any("Björn" in row for row in rows)
    status_column = header.index("Status")
    labels = {status.label for status in ClientStatus}
    for row in rows:
        assert row[status_column:].split("  ")[0].strip() in labels, row
    assert footer == "10 clients (2 archived not shown; add --all to list them)"


def test_passphrase_from_the_first_line_of_a_file(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(f"{DEMO}\r\nthe second line is ignored\n", encoding="utf-8")

    result = run_cli("vault", "check", "--vault", str(demo_vault), "--passphrase-file", str(secret))

    assert result.code == 0, result.err
    assert "12 clients" in result.out


def test_passphrase_file_wins_over_the_environment(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("a wrong passphrase\n", encoding="utf-8")
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("vault", "check", "--vault", str(demo_vault), "--passphrase-file", str(secret))

    assert result.code == 1
    assert "wrong passphrase" in result.err.lower()


def test_passphrase_from_the_environment(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("vault", "check", "--vault", str(demo_vault))

    assert result.code == 0, result.err


@pytest.mark.parametrize("content", [None, ""], ids=["missing", "empty"])
def test_an_unusable_passphrase_file_is_one_clear_line(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path, content: str | None
) -> None:
    secret = tmp_path / "passphrase.txt"
    if content is not None:
        secret.write_text(content, encoding="utf-8")

    result = run_cli("vault", "check", "--vault", str(demo_vault), "--passphrase-file", str(secret))

    assert result.code == 1
    assert f"passphrase file {secret}" in result.err
    assert result.err.count("\n") == 1


def test_no_passphrase_and_no_terminal_names_both_ways_to_give_one(
    run_cli: RunCli, demo_vault: Path
) -> None:
    result = run_cli("clients", "list", "--vault", str(demo_vault))

    assert result.code == 1
    assert "ALLIANCE_PASSPHRASE" in result.err
    assert "--passphrase-file" in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["no-such-command"],
        ["clients", "list"],
        ["vault"],
        ["vault", "check", "--vault", "x.vault", "--bogus"],
        ["demo", "--vault", "x.vault", "--size", "huge"],
        ["demo", "--vault", "x.vault", "--seed", "seven"],
        ["--demo", "clients", "list", "--vault", "x.vault"],
        ["--demo", "--vault", "x.vault"],
        [
            "calendar",
            "export",
            "--vault",
            "x",
            "--from",
            "31/12/2026",
            "--to",
            "2027-01-31",
            "--out",
            "x.ics",
        ],
    ],
)
def test_usage_errors_exit_2(run_cli: RunCli, argv: list[str]) -> None:
    result = run_cli(*argv)

    assert result.code == 2
    assert "usage: alliance-desktop" in result.err
    assert not Path("x.vault").exists()


def test_vault_may_also_come_before_the_command(
    run_cli: RunCli, demo_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO)

    result = run_cli("--vault", str(demo_vault), "clients", "list", "--json")

    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == 10
