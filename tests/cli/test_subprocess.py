"""The command line as scripts meet it: a separate process, exit codes, no tracebacks, no Qt."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "ALLIANCE_PASSPHRASE"}
    if passphrase is not None:
        env["ALLIANCE_PASSPHRASE"] = passphrase
    result = subprocess.run(
        [sys.executable, "-m", "alliance_desktop", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, "alliance-desktop 0.1.0\n")


def test_demo_then_list_then_wrong_passphrase(tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"

    made = run("demo", "--vault", str(vault))
    listed = run("clients", "list", "--vault", str(vault), "--json", passphrase=DEMO_PASSPHRASE)
    before = vault.read_bytes()
    wrong = run("clients", "list", "--vault", str(vault), passphrase="a wrong passphrase")

    assert made.returncode == 0, made.stderr
    assert listed.returncode == 0, listed.stderr
    assert [set(client) >= {"id", "name", "status"} for client in json.loads(listed.stdout)] == [
        True
    ] * 10
    assert wrong.returncode == 1
    assert "wrong passphrase" in wrong.stderr.lower()
    assert len(wrong.stderr.splitlines()) == 1
    assert vault.read_bytes() == before


def test_no_passphrase_without_a_terminal(tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"
    run("demo", "--vault", str(vault))

    result = run("vault", "check", "--vault", str(vault))

    assert result.returncode == 1
    assert "ALLIANCE_PASSPHRASE" in result.stderr and "--passphrase-file" in result.stderr


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(4096), b"hello\n"])
def test_not_a_vault(tmp_path: Path, content: bytes) -> None:
    other = tmp_path / "picture.vault"
    other.write_bytes(content)

    result = run("vault", "check", "--vault", str(other), passphrase="long enough passphrase")

    assert result.returncode == 1
    assert "not an Alliance Desktop vault" in result.stderr


def test_usage_error_exits_2() -> None:
    result = run("clients", "list", "--jsn")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    vault = tmp_path / "demo.vault"
    script = (
        "import sys\n"
        "from alliance_desktop.__main__ import main\n"
        f"code = main(['demo', '--vault', {str(vault)!r}])\n"
        "assert code == 0, code\n"
        "qt = ('PySide6', 'shiboken6')\n"
        "print(sorted(name for name in sys.modules if name.startswith(qt)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_goals_ruptures_and_calendar_export_for_scripts(tmp_path: Path) -> None:
    vault, diary = tmp_path / "demo.vault", tmp_path / "diary.ics"
    assert run("demo", "--vault", str(vault)).returncode == 0
    listed = run("clients", "list", "--vault", str(vault), "--json", passphrase=DEMO_PASSPHRASE)
    client = next(c for c in json.loads(listed.stdout) if c["status"] == "active")["id"]

    goals = run(
        "goals", "--vault", str(vault), "--client", str(client), "--json",
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    ruptures = run(
        "ruptures", "--vault", str(vault), "--client", str(client), "--json",
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    exported = run(
        "calendar", "export", "--vault", str(vault), "--from", str(dt.date.today()),
        "--to", str(dt.date.today() + dt.timedelta(days=14)), "--out", str(diary),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip
    unknown = run("goals", "--vault", str(vault), "--client", "0", passphrase=DEMO_PASSPHRASE)

    assert goals.returncode == 0, goals.stderr
    document = json.loads(goals.stdout)
    assert set(document) >= {"goals", "gas_t_score"}
    assert all(set(g) >= {"id", "title", "column", "weight", "levels", "ratings"}
               for g in document["goals"])  # fmt: skip
    assert ruptures.returncode == 0, ruptures.stderr
    assert all(set(r) >= {"id", "date", "kind", "outcome", "note"}
               for r in json.loads(ruptures.stdout))  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert int(exported.stdout.split()[1]) > 10  # "Exported 23 booked sessions ..."
    assert diary.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert (unknown.returncode, len(unknown.stderr.splitlines())) == (1, 1)


def test_a_long_answer_arrives_whole_and_the_vault_is_left_closed(tmp_path: Path) -> None:
    """A finished command leaves without Python's teardown (`__main__._leave_now`): what it
    printed must still arrive whole, well past a pipe's buffer, and the vault be closed."""
    vault = tmp_path / "demo.vault"
    assert run("demo", "--vault", str(vault)).returncode == 0
    today = dt.date.today()

    listed = run(
        "calendar", "list", "--vault", str(vault), "--json",
        "--from", (today - dt.timedelta(days=400)).isoformat(),
        "--to", (today + dt.timedelta(days=400)).isoformat(),
        passphrase=DEMO_PASSPHRASE,
    )  # fmt: skip

    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout) > 65_536  # more than a pipe holds at once
    assert all("start" in session for session in json.loads(listed.stdout))
    # Nothing was left open or locked: the next command opens the vault at once.
    assert not Path(f"{vault}-wal").exists() or Path(f"{vault}-wal").stat().st_size == 0
    again = run("clients", "list", "--vault", str(vault), passphrase=DEMO_PASSPHRASE)
    assert again.returncode == 0, again.stderr
