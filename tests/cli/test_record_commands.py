"""`goals`, `ruptures` and `calendar export` on the small demo practice."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import icalendar
import pytest

from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.domain.rupture import RepairOutcome, RuptureKind
from alliance_desktop.services import Practice
from alliance_desktop.services.vault_locations import DEMO_PASSPHRASE
from tests.cli.conftest import Run

RunCli = Callable[..., Run]
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def unlocked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLIANCE_PASSPHRASE", DEMO_PASSPHRASE)


@pytest.fixture(scope="module")
def demo_facts(demo_vault: Path) -> Iterator[dict[str, object]]:
    """What the demo holds, read through the services, to compare the commands against."""
    practice = Practice.open(demo_vault, DEMO_PASSPHRASE)
    try:
        ids = {summary.name: summary.id for summary in practice.client_summaries()}
        facts = {
            "ids": ids,
            "names": set(ids),
            "goals": practice.goals.goals_document(ids["Zoë Abernathy-Okafor"]),
            "ruptures": practice.ruptures.ruptures_document(ids["Siobhán O'Connor"]),
            "today": practice.today(),
        }
    finally:
        practice.close()  # one writer at a time: the commands below open it themselves
    yield facts


def client_id(facts: dict[str, object], name: str) -> str:
    ids = facts["ids"]
    assert isinstance(ids, dict)
    return str(ids[name])


@pytest.mark.usefixtures("unlocked")
def test_goals_json_has_the_contract_shape(
    run_cli: RunCli, demo_vault: Path, demo_facts: dict[str, object]
) -> None:
    zoe = client_id(demo_facts, "Zoë Abernathy-Okafor")

    result = run_cli("goals", "--vault", str(demo_vault), "--client", zoe, "--json")

    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document == demo_facts["goals"]
    assert document["goals"], "an active demo client has goals"
    for goal in document["goals"]:
        assert isinstance(goal["id"], int)
        assert isinstance(goal["title"], str) and goal["title"]
        assert goal["column"] in {column.value for column in GoalColumn}
        assert isinstance(goal["weight"], int | float) and goal["weight"] > 0
        assert [level["level"] for level in goal["levels"]] == [-2, -1, 0, 1, 2]
        for rating in goal["ratings"]:
            assert set(rating) == {"date", "level"}
            assert ISO_DAY.match(rating["date"]) and rating["level"] in range(-2, 3)
    assert isinstance(document["gas_t_score"], float)
    assert 20 <= document["gas_t_score"] <= 80


@pytest.mark.usefixtures("unlocked")
def test_goals_without_json_is_a_table_with_the_t_score(
    run_cli: RunCli, demo_vault: Path, demo_facts: dict[str, object]
) -> None:
    zoe = client_id(demo_facts, "Zoë Abernathy-Okafor")
    document = demo_facts["goals"]
    assert isinstance(document, dict)

    result = run_cli("goals", "--vault", str(demo_vault), "--client", zoe)

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"Goals of Zoë Abernathy-Okafor (Zo) (client {zoe})"
    assert lines[1].split() == ["ID", "Column", "Weight", "Latest", "rating", "Title"]
    rows = lines[2:-1]
    assert len(rows) == len(document["goals"])
    for row, goal in zip(rows, document["goals"], strict=True):
        assert row.split()[0] == str(goal["id"])
        assert goal["title"][:40] in row
    assert lines[-1].endswith(
        f"GAS T-score {document['gas_t_score']:.1f} (from the latest ratings)"
    )


@pytest.mark.usefixtures("unlocked")
def test_ruptures_json_has_the_contract_shape(
    run_cli: RunCli, demo_vault: Path, demo_facts: dict[str, object]
) -> None:
    siobhan = client_id(demo_facts, "Siobhán O'Connor")

    result = run_cli("ruptures", "--vault", str(demo_vault), "--client", siobhan, "--json")

    assert result.code == 0, result.err
    entries = json.loads(result.out)
    assert entries == demo_facts["ruptures"]
    assert isinstance(entries, list) and entries
    outcomes = {outcome.value for outcome in RepairOutcome} | {None}
    for entry in entries:
        assert isinstance(entry["id"], int)
        assert ISO_DAY.match(entry["date"])
        assert entry["kind"] in {kind.value for kind in RuptureKind}
        assert entry["outcome"] in outcomes
        assert isinstance(entry["note"], str) and entry["note"]
    dates = [entry["date"] for entry in entries]
    assert dates == sorted(dates, reverse=True)  # newest first
    assert any(entry["outcome"] == "unresolved" for entry in entries)


@pytest.mark.usefixtures("unlocked")
def test_ruptures_without_json_is_a_table(
    run_cli: RunCli, demo_vault: Path, demo_facts: dict[str, object]
) -> None:
    siobhan = client_id(demo_facts, "Siobhán O'Connor")
    entries = demo_facts["ruptures"]
    assert isinstance(entries, list)

    result = run_cli("ruptures", "--vault", str(demo_vault), "--client", siobhan)

    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Rupture log of Siobhán O'Connor")
    assert lines[1].split()[:3] == ["ID", "Date", "Kind"]
    assert [line.split()[1] for line in lines[2:-1]] == [entry["date"] for entry in entries]
    still_open = sum(1 for entry in entries if entry["outcome"] != "resolved")
    assert lines[-1].endswith(f"({still_open} not resolved)")


@pytest.mark.usefixtures("unlocked")
@pytest.mark.parametrize("command", ["goals", "ruptures"])
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_an_unknown_client_is_one_clear_line(
    run_cli: RunCli, demo_vault: Path, command: str, extra: list[str]
) -> None:
    result = run_cli(command, "--vault", str(demo_vault), "--client", "9999", *extra)

    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("alliance-desktop: There is no client with id 9999")
    assert "clients list" in result.err
    assert result.err.count("\n") == 1


def exported_events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.mark.usefixtures("unlocked")
def test_calendar_export_writes_an_ics_without_names(
    run_cli: RunCli, demo_vault: Path, demo_facts: dict[str, object], tmp_path: Path
) -> None:
    today = demo_facts["today"]
    assert isinstance(today, dt.date)
    first, last = today - dt.timedelta(days=28), today + dt.timedelta(days=28)
    out = tmp_path / "diary.ics"
    practice = Practice.open(demo_vault, DEMO_PASSPHRASE)
    booked = [
        entry
        for entry in practice.calendar.entries_between(
            dt.datetime.combine(first, dt.time()),
            dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
        )
        if entry.status.takes_up_time
    ]
    practice.close()

    result = run_cli(
        "calendar", "export", "--vault", str(demo_vault),
        "--from", first.isoformat(), "--to", last.isoformat(), "--out", str(out),
    )  # fmt: skip

    assert result.code == 0, result.err
    assert result.out == (
        f"Exported {len(booked)} booked sessions from {first} to {last} to {out} "
        "(titled 'Session · initials').\n"
    )
    events = exported_events(out)
    assert events and len(booked) > 20
    assert all(re.fullmatch(r"Session · (\w\.)+", str(e["summary"])) for e in events)
    text = out.read_bytes().decode("utf-8").replace("\r\n ", "")  # unfold long lines
    names = demo_facts["names"]
    assert isinstance(names, set)
    for name in names:
        assert name not in text
        assert name.split()[-1] not in text  # no family names either


@pytest.mark.usefixtures("unlocked")
@pytest.mark.parametrize(
    ("options", "title"),
    [
        (["--label", "Client session"], r"Client session"),
        (["--label", "Client session", "--initials"], r"Client session · (\w\.)+"),
        (["--initials"], r"Session · (\w\.)+"),
    ],
)
def test_calendar_export_naming(
    run_cli: RunCli,
    demo_vault: Path,
    demo_facts: dict[str, object],
    tmp_path: Path,
    options: list[str],
    title: str,
) -> None:
    today = demo_facts["today"]
    assert isinstance(today, dt.date)
    out = tmp_path / "diary.ics"

    result = run_cli(
        "calendar", "export", "--vault", str(demo_vault), "--from", today.isoformat(),
        "--to", (today + dt.timedelta(days=13)).isoformat(), "--out", str(out), *options,
    )  # fmt: skip

    assert result.code == 0, result.err
    summaries = {str(event["summary"]) for event in exported_events(out)}
    assert summaries
    assert all(re.fullmatch(title, summary) for summary in summaries), summaries


@pytest.mark.usefixtures("unlocked")
@pytest.mark.parametrize(
    ("dates", "code", "message"),
    [
        (["2026-02-30", "2026-03-31"], 2, "expected a date as YYYY-MM-DD, got '2026-02-30'"),
        (["2026-03-01", "next week"], 2, "expected a date as YYYY-MM-DD, got 'next week'"),
        (["2026-03-31", "2026-03-01"], 1, "--to (2026-03-01) is before --from (2026-03-31)"),
        (["2020-01-01", "2026-01-01"], 1, "Export at most three years at a time."),
    ],
)
def test_calendar_export_refuses_bad_dates_clearly(
    run_cli: RunCli,
    demo_vault: Path,
    tmp_path: Path,
    dates: list[str],
    code: int,
    message: str,
) -> None:
    out = tmp_path / "diary.ics"

    result = run_cli(
        "calendar", "export", "--vault", str(demo_vault),
        "--from", dates[0], "--to", dates[1], "--out", str(out),
    )  # fmt: skip

    assert result.code == code
    assert message in result.err.splitlines()[-1]
    if code == 1:
        assert result.err.count("\n") == 1
    assert not out.exists()
