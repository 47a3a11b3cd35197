"""The calendar file kept up to date: Preferences turns it on, every change reaches the file a
moment later on the database worker, a burst gives one rewrite, and a problem is said once."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.calendar_privacy import CalendarNaming
from alliance_desktop.services import Practice
from alliance_desktop.services.diary_file import DiaryFileKeeper
from alliance_desktop.ui.calendar_file_settings import (
    CalendarFilePreference,
    calendar_file_preference,
    save_calendar_file_preference,
)
from alliance_desktop.ui.calendar_file_upkeep import CalendarFileUpkeep
from alliance_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from alliance_desktop.ui.settings import LockPreferences
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client, make_session
from tests.services.diary_reading import occurrences


@pytest.fixture
def upkeep(
    practice: Practice, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> CalendarFileUpkeep:
    keeper = CalendarFileUpkeep(practice, tasks)
    keeper.pause.setInterval(20)
    return keeper


def _count_refreshes(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    original = DiaryFileKeeper.refresh

    def counted(self: DiaryFileKeeper, choice: object, *, force: bool = False) -> object:
        calls.append(force)
        return original(self, choice, force=force)  # type: ignore[arg-type]

    monkeypatch.setattr(DiaryFileKeeper, "refresh", counted)
    return calls


def test_changes_reach_the_file_and_a_burst_gives_one_rewrite(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    upkeep: CalendarFileUpkeep,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = _count_refreshes(monkeypatch)
    client = practice.add_client(make_client()).id or 0
    target = tmp_path / "practice.ics"
    messages: list[str] = []
    upkeep.status_message.connect(messages.append)

    upkeep.apply(CalendarFilePreference(True, target))
    qtbot.waitUntil(lambda: target.exists() and not tasks.is_busy)
    assert occurrences(target) == []
    assert messages and messages[0] == (
        "Calendar file practice.ics kept up to date: 0 booked sessions, 14 Jan 2026 – 14 Mar 2027."
    )

    for day in range(16, 21):  # five saves in a row, each its own task
        tasks.submit(
            lambda day=day: practice.calendar.book(
                make_session(client, dt.datetime(2026, 3, day, 10))
            )
        )
    qtbot.waitUntil(lambda: len(occurrences(target)) == 5, timeout=5000)
    qtbot.wait(300)  # long enough for any loop of rewrites to show itself
    assert not tasks.is_busy
    assert len(calls) <= 4  # the first write, then one look per idle worker, never a loop
    assert {o.summary for o in occurrences(target)} == {"Session · M.O."}


def test_switching_off_stops_the_rewrites(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner, upkeep: CalendarFileUpkeep, tmp_path: Path
) -> None:
    target = tmp_path / "practice.ics"
    upkeep.apply(CalendarFilePreference(True, target, CalendarNaming.LABEL, "Clinic"))
    qtbot.waitUntil(lambda: target.exists() and not tasks.is_busy)
    upkeep.apply(CalendarFilePreference(False, target))
    before = target.read_bytes()

    client = practice.add_client(make_client()).id or 0
    tasks.submit(lambda: practice.calendar.book(make_session(client, dt.datetime(2026, 3, 16, 10))))
    qtbot.wait(200)

    assert not tasks.is_busy and target.read_bytes() == before
    assert upkeep.choice is None


def test_a_problem_is_said_once_and_then_that_it_is_solved(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner, upkeep: CalendarFileUpkeep, tmp_path: Path
) -> None:
    folder = tmp_path / "synced"
    folder.mkdir()
    target = folder / "practice.ics"
    messages: list[str] = []
    upkeep.status_message.connect(messages.append)
    upkeep.apply(CalendarFilePreference(True, target))
    qtbot.waitUntil(lambda: target.exists() and not tasks.is_busy)
    shutil.rmtree(folder)  # e.g. a USB stick taken out

    client = practice.add_client(make_client()).id or 0
    for day in (16, 17):
        tasks.submit(
            lambda day=day: practice.calendar.book(
                make_session(client, dt.datetime(2026, 3, day, 10))
            )
        )
        qtbot.wait(150)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    problems = [m for m in messages if "could not be updated" in m]
    assert problems == [
        f"The calendar file could not be updated: The folder {folder} does not exist."
    ]

    folder.mkdir()
    tasks.submit(lambda: practice.calendar.book(make_session(client, dt.datetime(2026, 3, 18, 10))))
    again = f"The calendar file {target} is up to date again."
    qtbot.waitUntil(lambda: messages[-1] == again, timeout=5000)
    assert len(occurrences(target)) == 3


def test_preferences_choose_the_file_per_vault(qtbot: QtBot, tmp_path: Path) -> None:
    vault = tmp_path / "practice.vault"
    assert calendar_file_preference(vault) == CalendarFilePreference()  # off by default
    dialog = PreferencesDialog(LockPreferences(), None, calendar_file_preference(vault))
    qtbot.addWidget(dialog)
    fields = dialog.calendar_file
    assert fields is not None and not fields.details.isEnabled()

    fields.enabled.setChecked(True)
    fields.path.setText(str(tmp_path / "missing" / "practice"))
    dialog.accept()
    assert fields.messages.message("path") == f"The folder {tmp_path / 'missing'} does not exist."
    assert dialog.result() != PreferencesDialog.DialogCode.Accepted

    fields.path.setText(str(tmp_path / "practice"))
    fields.naming.setCurrentIndex(fields.naming.findData(CalendarNaming.LABEL.value))
    fields.label.setText("Clinic")
    assert fields.preview.text() == "A session with Margaret Okonkwo-Lee shows as “Clinic”."
    chosen = fields.preference()
    assert chosen == CalendarFilePreference(
        True, tmp_path / "practice.ics", CalendarNaming.LABEL, "Clinic"
    )

    save_calendar_file_preference(vault, chosen)
    assert calendar_file_preference(vault) == chosen
    assert calendar_file_preference(tmp_path / "demo.vault") == CalendarFilePreference()


def test_turned_on_in_preferences_and_a_last_change_reaches_the_file_at_lock(
    qtbot: QtBot, vault_path: Path, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from alliance_desktop.ui.app import AppSession
    from tests.factories import PASSPHRASE
    from tests.ui.dialog_driver import ModalDriver

    practice = Practice.create(vault_path, PASSPHRASE)
    client = practice.add_client(make_client()).id or 0
    tomorrow = dt.datetime.combine(practice.today() + dt.timedelta(days=1), dt.time(10))
    practice.calendar.book(make_session(client, tomorrow))
    practice.close()
    session = AppSession(vault_path, clipboard_clear_ms=60_000)
    session.start()
    dialog = session.unlock_dialog
    qtbot.waitUntil(lambda: dialog.passphrase.isEnabled(), timeout=10_000)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=10_000)
    window = session.main_window
    assert window is not None and session.practice is not None
    target = tmp_path / "practice.ics"

    def turn_on(preferences: PreferencesDialog) -> None:
        assert preferences.calendar_file is not None
        preferences.calendar_file.enabled.setChecked(True)
        preferences.calendar_file.path.setText(str(target))
        preferences.accept()

    driver = ModalDriver(PreferencesDialog, turn_on)
    window.menu_actions.preferences.trigger()
    assert driver.opened
    qtbot.waitUntil(lambda: target.exists() and not session.tasks.is_busy, timeout=10_000)
    assert [o.summary for o in occurrences(target)] == ["Session · M.O."]
    assert "kept up to date" in window.statusBar().currentMessage()

    opened = session.practice
    session.tasks.submit(
        lambda: opened.calendar.book(make_session(client, tomorrow + dt.timedelta(days=1)))
    )
    session.lock()  # at once: the pause before the rewrite has not run out
    qtbot.waitUntil(lambda: not opened.is_open, timeout=10_000)

    assert len(occurrences(target)) == 2
    assert calendar_file_preference(vault_path).enabled
    session.unlock_dialog.close()
    session.finish()
