"""The kept-up-to-date calendar file: written when the calendar changed, left alone when not,
never over the vault, and never with a name in it."""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from alliance_desktop.domain.calendar_privacy import CalendarNaming
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.services.diary_file import DiaryFileChoice, DiaryFileKeeper
from tests.factories import make_client, make_session
from tests.services.diary_reading import occurrences

TODAY = dt.date(2026, 3, 14)  # the fixed clock's day


@pytest.fixture
def days() -> list[dt.date]:
    """The keeper's today: the last day in the list (a test appends one to move the date)."""
    return [TODAY]


@pytest.fixture
def keeper(practice: Practice, days: list[dt.date]) -> DiaryFileKeeper:
    return DiaryFileKeeper(practice.calendar, lambda: days[-1], practice.vault_path)


def test_the_file_follows_the_calendar_and_only_rewrites_when_it_changed(
    practice: Practice, keeper: DiaryFileKeeper, tmp_path: Path
) -> None:
    client = practice.add_client(make_client()).id or 0
    for start in (
        dt.datetime(2026, 1, 14, 10),  # two months back: still in
        dt.datetime(2026, 1, 13, 10),  # just before the window
        dt.datetime(2026, 3, 16, 10),
        dt.datetime(2027, 3, 14, 10),  # twelve months ahead: still in
        dt.datetime(2027, 3, 15, 10),  # just after the window
    ):
        practice.calendar.book(make_session(client, start))
    choice = DiaryFileChoice(tmp_path / "practice.ics")

    first = keeper.refresh(choice)
    assert first is not None and first.written
    assert (first.first_day, first.last_day, first.booked) == (
        dt.date(2026, 1, 14),
        dt.date(2027, 3, 14),
        3,
    )
    data = choice.path.read_bytes()
    assert stat.S_IMODE(choice.path.stat().st_mode) == 0o600
    assert b"Margaret" not in data and b"Okonkwo" not in data
    assert keeper.refresh(choice) is None  # nothing changed: not even looked at again

    practice.add_client(make_client(name="Someone Else"))  # a change, not to the calendar
    unchanged = keeper.refresh(choice)
    assert unchanged is not None and not unchanged.written

    entry = practice.calendar.entries_between(dt.datetime(2026, 3, 16), dt.datetime(2026, 3, 17))[0]
    session = practice.calendar.session(entry.session_id)
    practice.calendar.save(replace(session, status=SessionStatus.CANCELLED))
    changed = keeper.refresh(choice)
    assert changed is not None and changed.written
    statuses = {o.start.date(): o.status for o in occurrences(choice.path)}
    assert statuses[dt.date(2026, 3, 16)] == "CANCELLED"
    assert not list(tmp_path.glob(".*partial"))  # no temporary file left behind


def test_a_new_day_moves_the_window(
    practice: Practice, keeper: DiaryFileKeeper, days: list[dt.date], tmp_path: Path
) -> None:
    client = practice.add_client(make_client()).id or 0
    practice.calendar.book(make_session(client, dt.datetime(2027, 3, 20, 10)))
    choice = DiaryFileChoice(tmp_path / "practice.ics")
    keeper.refresh(choice)
    assert occurrences(choice.path) == []

    days.append(dt.date(2026, 3, 20))
    moved = keeper.refresh(choice)

    assert moved is not None and moved.written and moved.last_day == dt.date(2027, 3, 20)
    assert len(occurrences(choice.path)) == 1


def test_initials_or_a_label(practice: Practice, keeper: DiaryFileKeeper, tmp_path: Path) -> None:
    client = practice.add_client(make_client()).id or 0
    practice.calendar.book(make_session(client, dt.datetime(2026, 3, 16, 10)))
    labelled = DiaryFileChoice(tmp_path / "a.ics", CalendarNaming.LABEL, "Clinic")
    keeper.refresh(labelled)
    assert [o.summary for o in occurrences(labelled.path)] == ["Clinic"]
    initialled = DiaryFileChoice(tmp_path / "b.ics")
    keeper.refresh(initialled)
    assert [o.summary for o in occurrences(initialled.path)] == ["Session · M.O."]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".before-upgrade-v1"])
def test_never_over_the_vault_or_a_copy_of_it(
    practice: Practice, keeper: DiaryFileKeeper, suffix: str
) -> None:
    vault = practice.vault_path
    target = vault.with_name(vault.name + suffix + ".ics")
    with pytest.raises(InvalidInput, match="vault"):
        keeper.refresh(DiaryFileChoice(target))
    assert not target.exists()


def test_refuses_a_folder_a_fifo_and_a_missing_folder(
    keeper: DiaryFileKeeper, tmp_path: Path
) -> None:
    (tmp_path / "folder.ics").mkdir()
    os.mkfifo(tmp_path / "pipe.ics")
    for target, message in (
        (tmp_path / "folder.ics", "not a regular file"),
        (tmp_path / "pipe.ics", "not a regular file"),
        (tmp_path / "missing" / "x.ics", "does not exist"),
        (tmp_path / "diary.txt", "must end in .ics"),
    ):
        with pytest.raises(InvalidInput, match=message):
            keeper.refresh(DiaryFileChoice(target))
