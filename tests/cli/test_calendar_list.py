"""`calendar list --json` against `calendar export` of the same days, read back with vobject:
same sessions, same times, same words; and a series across the clocks changing, in London."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from alliance_desktop.domain.recurrence import Frequency, RecurrenceRule
from alliance_desktop.domain.session import Modality, SessionKind, SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE
from tests.cli.conftest import Run
from tests.factories import PASSPHRASE, make_client, make_session
from tests.services.diary_reading import occurrences

RunCli = Callable[..., Run]
REPOSITORY = Path(__file__).resolve().parents[2]


def _expected_description(session: dict[str, object]) -> str:
    return " · ".join(
        [
            Modality(session["modality"]).label,
            f"{SessionKind(session['kind']).label} session",
            SessionStatus(session["status"]).label,
        ]
    )


def test_the_list_and_the_export_of_the_same_days_agree(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO_PASSPHRASE)
    days = ["--from", "2026-10-01", "--to", "2027-01-31"]
    out = tmp_path / "diary.ics"

    listed = run_cli("calendar", "list", "--vault", str(demo_vault), *days, "--json")
    exported = run_cli("calendar", "export", "--vault", str(demo_vault), *days, "--out", str(out))

    assert listed.code == 0 and exported.code == 0, listed.err + exported.err
    sessions = json.loads(listed.out)
    assert len(sessions) > 60
    assert all(
        set(s) >= {"id", "client_id", "start", "end", "status", "modality", "kind", "series_id"}
        for s in sessions
    )
    assert {s["status"] for s in sessions} > {"attended", "scheduled"}  # cancelled ones too
    found = occurrences(out)
    assert len(found) == len(sessions)
    utc = dt.UTC  # the tests run in UTC (tests/conftest.py), so local times are UTC times
    from_list = sorted(
        (
            s["calendar_uid"],
            dt.datetime.fromisoformat(s["start"]).replace(tzinfo=utc),
            dt.datetime.fromisoformat(s["end"]).replace(tzinfo=utc),
            _expected_description(s),
            "CONFIRMED" if SessionStatus(s["status"]).takes_up_time else "CANCELLED",
            s["sequence"],
        )
        for s in sessions
    )
    from_file = sorted((o.uid, o.start, o.end, o.description, o.status, o.sequence) for o in found)
    assert from_file == from_list
    booked = sum(1 for s in sessions if SessionStatus(s["status"]).takes_up_time)
    assert f"Exported {booked} booked sessions" in exported.out


def test_a_backwards_range_is_one_clear_line(run_cli: RunCli, demo_vault: Path) -> None:
    result = run_cli(
        "calendar", "list", "--vault", str(demo_vault), "--from", "2027-01-02",
        "--to", "2027-01-01", "--json",
    )  # fmt: skip
    assert result.code == 1
    assert result.err == (
        "alliance-desktop: --to (2027-01-01) is before --from (2027-01-02); nothing to list.\n"
    )


def test_a_series_in_london_keeps_its_hour_when_the_clocks_change(tmp_path: Path) -> None:
    """Run in a zone with summer time (the other tests run in UTC)."""
    vault = tmp_path / "london.vault"
    practice = Practice.create(vault, PASSPHRASE)
    client = practice.add_client(make_client()).id or 0
    first = dt.datetime(2027, 3, 15, 18, 0)  # British Summer Time starts on 28 March 2027
    practice.calendar.plan_series(
        make_session(client, first), RecurrenceRule(Frequency.WEEKLY, first, count=5)
    )
    practice.close()
    out = tmp_path / "london.ics"
    environment = {
        **os.environ,
        "TZ": "Europe/London",
        "ALLIANCE_PASSPHRASE": PASSPHRASE,
        "PYTHONPATH": str(REPOSITORY),
    }
    days = ["--vault", str(vault), "--from", "2027-03-01", "--to", "2027-04-30"]

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "alliance_desktop", "calendar", *argv, *days],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    exported = run("export", "--out", str(out))
    listed = run("list", "--json")

    assert exported.returncode == 0 and listed.returncode == 0, exported.stderr + listed.stderr
    assert b"TZID=Europe/London" in out.read_bytes()
    london = ZoneInfo("Europe/London")
    found = occurrences(out)
    starts = [dt.datetime.fromisoformat(s["start"]) for s in json.loads(listed.stdout)]
    assert [o.start.astimezone(london).replace(tzinfo=None) for o in found] == starts
    assert {start.time() for start in starts} == {dt.time(18)}
    in_utc = [o.start.astimezone(dt.UTC).hour for o in found]
    assert in_utc == [18, 18, 17, 17, 17]  # 15 and 22 March in GMT, then BST
