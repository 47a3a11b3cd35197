"""Locking: every record widget, model and undo stack is destroyed, the vault closed; unlocking
returns to the same page and client."""

from __future__ import annotations

import datetime as dt
import enum
import gc
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.services import Practice
from alliance_desktop.ui.app import AppSession
from alliance_desktop.ui.clipboard_guard import ClipboardGuard
from alliance_desktop.ui.dialogs.unlock_dialog import UnlockDialog
from alliance_desktop.ui.lock import IdleWatcher, Place, ScreenLockListener
from alliance_desktop.ui.main_window import CLIENTS_PAGE, MainWindow
from alliance_desktop.ui.settings import (
    LockPreferences,
    failed_unlocks,
    lock_preferences,
    save_lock_preferences,
)
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import PASSPHRASE, make_client, make_session

MARKER = "Quillon-Vesperine"


@pytest.fixture
def record_vault(vault_path: Path) -> tuple[Path, int]:
    """A vault holding a client and a session whose name and note carry the marker."""
    practice = Practice.create(vault_path, PASSPHRASE)
    client = practice.add_client(make_client(name=f"Ada {MARKER}", concerns=(MARKER,)))
    assert client.id is not None
    start = dt.datetime.combine(practice.today() + dt.timedelta(days=1), dt.time(10))
    practice.calendar.book(
        make_session(client.id, start, agenda=f"{MARKER} agenda", progress_note=MARKER)
    )
    practice.close()
    return vault_path, client.id


def _unlock(qtbot: QtBot, session: AppSession) -> MainWindow:
    dialog = session.unlock_dialog
    assert dialog.passphrase.text() == ""
    qtbot.waitUntil(lambda: dialog.passphrase.isEnabled(), timeout=10_000)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.main_window is not None, timeout=10_000)
    window = session.main_window
    assert window is not None
    qtbot.waitUntil(lambda: window.clients_view.is_loaded and not session.tasks.is_busy)
    return window


def _end(session: AppSession) -> None:
    """Quit as the app does, then delete the windows (the app's process would end here)."""
    window = session.main_window
    if window is not None:
        window.close()
    session.finish()
    if session.practice is not None:
        assert not session.practice.is_open
    for leftover in (window, session.unlock_dialog):
        if leftover is not None:
            leftover.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def app_session(qtbot: QtBot, record_vault: tuple[Path, int]) -> Iterator[AppSession]:
    session = AppSession(record_vault[0], clipboard_clear_ms=60_000)
    session.start()
    yield session
    _end(session)


def _texts_of(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLineEdit):
        texts.append(widget.text())
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    elif isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    return texts


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[str]:
    parent = parent or QModelIndex()
    try:
        columns = max(1, model.columnCount(parent))
    except TypeError:  # list models keep columnCount private
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(model.data(index, role))
            if column == 0 and model.rowCount(index) > 0:
                yield from _model_texts(model, index)


_EARLIER: set[int] = set()


@pytest.fixture(autouse=True)
def earlier_objects() -> Iterator[None]:
    """What other tests left for the garbage collector is not this test's concern. (Held
    while the test runs, so no new object can take the id of one of them.)"""
    gc.collect()
    held = gc.get_objects()
    _EARLIER.update(id(thing) for thing in held)
    yield
    _EARLIER.clear()
    del held


# What the app session keeps while locked: itself, its helpers, the unlock window and where
# to return to (ids only).
_SESSION_KINDS = (AppSession, TaskRunner, ClipboardGuard, IdleWatcher, ScreenLockListener, Place)


def _kept_by_the_session(thing: object) -> bool:
    """True for the session's own objects and what belongs to its unlock window; any other
    object of the app's ui classes still alive after a lock came from the window (a widget,
    a model, an undo command, a PDF preview and the bytes it holds, even a Python wrapper whose
    Qt object is gone)."""
    if isinstance(thing, _SESSION_KINDS) or any(thing is kept for kept in _UNLOCK_PARTS):
        return True
    if not isinstance(thing, QObject) or not shiboken6.isValid(thing):
        return False
    owner: QObject | None = thing
    for _ in range(100):  # a parent chain is never this deep
        if owner is None:
            return False
        if isinstance(owner, UnlockDialog | AppSession):
            return True
        owner = QObject.parent(owner)  # item models have a parent(index) of their own
    raise AssertionError(f"no end to the parents of {thing!r}")


_UNLOCK_PARTS: list[object] = []


def _where_the_marker_survives(session: AppSession | None = None) -> list[str]:
    """Every place a Qt object or a record object could still hold the marker."""
    _UNLOCK_PARTS[:] = list(vars(session.unlock_dialog).values()) if session else []
    gc.collect()
    found = [
        f"widget {type(widget).__name__} in {type(widget.window()).__name__}"
        for widget in QApplication.allWidgets()
        if any(MARKER in text for text in _texts_of(widget))
    ]
    for thing in gc.get_objects():
        try:
            kind = type(thing)
            module = kind.__module__
        except ReferenceError:
            continue
        if id(thing) in _EARLIER or isinstance(thing, enum.Enum):
            continue  # enum members (an editor's Answer, a status) hold no one's text
        if isinstance(thing, QAbstractItemModel) and shiboken6.isValid(thing):
            if any(MARKER in text for text in _model_texts(thing)):
                found.append(f"model {kind.__name__}")
        elif isinstance(thing, QUndoStack) and shiboken6.isValid(thing) and thing.count():
            found.append(f"undo stack with {thing.count()} commands")
        if module.startswith("alliance_desktop.ui"):
            if not _kept_by_the_session(thing):
                found.append(f"a live {kind.__name__} object")
        elif module.startswith("alliance_desktop.domain") and MARKER in repr(thing):
            found.append(f"a {kind.__name__} record")
        elif module.startswith("alliance_desktop.services") and kind is Practice:
            found.append("the Practice (with its cached client list)")
    return found


def test_locking_destroys_every_record_and_closes_the_vault_then_unlocking_returns(
    qtbot: QtBot, app_session: AppSession, record_vault: tuple[Path, int]
) -> None:
    _, client_id = record_vault
    window = _unlock(qtbot, app_session)
    practice = app_session.practice
    assert practice is not None and practice.is_open
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.clients_view.overview.client_id == client_id)
    window.clients_view.overview.show_tab("Sessions")
    search = window.clients_view.search
    qtbot.keyClicks(search, MARKER)
    search.selectAll()
    qtbot.keyClick(search, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app_session.clipboard.copied == MARKER)
    del search
    # A move leaves an undo command holding the session (with its note) in the stack.
    sessions = window.session_editing
    entry = practice.calendar.client_history(client_id).entries[0]
    sessions.move_session(entry.session_id, entry.start + dt.timedelta(hours=2))
    qtbot.waitUntil(lambda stack=sessions.undo_stack: stack.count() == 1)
    qtbot.waitUntil(lambda: not app_session.tasks.is_busy)
    del entry
    assert _where_the_marker_survives(), "the test must see the marker before locking"
    tab_before = window.clients_view.overview.tabs.currentIndex()

    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        window.menu_actions.lock.trigger()
    del window, sessions

    assert not practice.is_open
    assert app_session.practice is None and app_session.main_window is None
    assert QGuiApplication.clipboard().text() == ""
    vault_path = practice.vault_path
    assert not vault_path.with_name(vault_path.name + "-wal").exists()  # checkpointed
    del practice
    assert _where_the_marker_survives(app_session) == []
    dialog = app_session.unlock_dialog
    assert dialog.isVisible()
    assert dialog.chosen_path() == vault_path and dialog.passphrase.text() == ""

    window = _unlock(qtbot, app_session)
    assert window.current_page() is window.clients_view
    assert window.navigation.currentRow() == CLIENTS_PAGE
    qtbot.waitUntil(lambda: window.clients_view.selected_client_id() == client_id)
    qtbot.waitUntil(lambda: window.clients_view.overview.client_id == client_id)
    assert window.clients_view.overview.tabs.currentIndex() == tab_before
    reopened = app_session.practice
    assert reopened is not None
    kinds = [entry.kind for entry in reopened.audit_entries(10)]
    assert kinds[:3] == [
        VaultEvent.UNLOCKED.value,
        VaultEvent.LOCKED.value,
        "session.updated",
    ] or kinds[:2] == [VaultEvent.UNLOCKED.value, VaultEvent.LOCKED.value]


def test_ctrl_l_locks(qtbot: QtBot, app_session: AppSession) -> None:
    window = _unlock(qtbot, app_session)
    assert window.menu_actions.lock.shortcut().toString() == "Ctrl+L"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app_session.is_locked


def test_idle_time_locks_and_an_open_dialog_goes_with_the_window(
    qtbot: QtBot, app_session: AppSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _unlock(qtbot, app_session)
    # A dialog left open with something typed in it: cancelled by the lock, not saved.
    typed: list[object] = []

    def open_dialog(parent: QWidget = window) -> None:
        from alliance_desktop.ui.dialogs.client_dialog import ClientDialog

        typed.append(ClientDialog.edit(parent, make_client(name=MARKER)))

    from PySide6.QtCore import QTimer

    modal: list[bool] = []  # whether a modal dialog was up (never a reference to it)

    def look_for_the_dialog(seen: list[bool] = modal) -> None:
        widget = QApplication.activeModalWidget()  # however long a busy machine takes
        if widget is not None and not seen:
            seen.append(True)

    watcher = QTimer()
    watcher.setInterval(10)
    watcher.timeout.connect(look_for_the_dialog)
    watcher.start()
    app_session.idle.set_timeout_ms(300)
    QTimer.singleShot(0, open_dialog)
    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: typed == [None])
    watcher.stop()
    del watcher, look_for_the_dialog
    assert modal == [True]  # the dialog was open when the lock came
    assert not shiboken6.isValid(window)
    del window, modal, open_dialog
    assert _where_the_marker_survives(app_session) == []


def test_the_screen_locking_locks_the_app(qtbot: QtBot, record_vault: tuple[Path, int]) -> None:
    daemon_path = shutil.which("dbus-daemon")
    if daemon_path is None:
        pytest.skip("no dbus-daemon to stand in for the desktop session")
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    daemon = subprocess.Popen(
        [daemon_path, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        listening = QDBusConnection.connectToBus(address, "alliance-test-listen")
        sending = QDBusConnection.connectToBus(address, "alliance-test-send")
        session = AppSession(record_vault[0], screen_bus=listening)
        session.start()
        try:
            assert session.screen_lock.listening
            window = _unlock(qtbot, session)
            del window
            signal = QDBusMessage.createSignal(
                "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"
            )
            signal.setArguments([True])
            with qtbot.waitSignal(session.locked, timeout=10_000):
                assert sending.send(signal)
            assert session.is_locked
        finally:
            _end(session)
        QDBusConnection.disconnectFromBus("alliance-test-listen")
        QDBusConnection.disconnectFromBus("alliance-test-send")
    finally:
        daemon.terminate()
        daemon.wait(5)


def test_without_a_session_bus_the_screen_listener_stays_quiet(qtbot: QtBot) -> None:
    from PySide6.QtDBus import QDBusConnection

    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "alliance-test-none")
    listener = ScreenLockListener(nowhere)
    assert not listener.listening
    QDBusConnection.disconnectFromBus("alliance-test-none")


def test_input_postpones_the_idle_lock(qtbot: QtBot) -> None:
    now = [100.0]
    watcher = IdleWatcher(60_000, clock=lambda: now[0])
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    watcher.start()
    try:
        now[0] += 50
        qtbot.keyClick(widget, Qt.Key.Key_A)  # input at t=150 restarts the count
        now[0] += 50
        watcher._check_idle()
        assert not fired and watcher.is_watching
        now[0] += 11
        watcher._check_idle()
        assert fired == [True] and not watcher.is_watching
    finally:
        watcher.stop()


def test_lock_preferences_are_kept_per_computer_and_kept_in_range() -> None:
    assert lock_preferences() == LockPreferences(idle_minutes=5, with_screen=True)
    save_lock_preferences(LockPreferences(idle_minutes=12, with_screen=False))
    assert lock_preferences() == LockPreferences(idle_minutes=12, with_screen=False)
    save_lock_preferences(LockPreferences(idle_minutes=0, with_screen=True))
    assert lock_preferences().idle_minutes == 1


def test_failed_unlocks_are_counted_then_logged_at_the_next_unlock(
    qtbot: QtBot, app_session: AppSession, record_vault: tuple[Path, int]
) -> None:
    dialog = app_session.unlock_dialog
    for _ in range(2):
        dialog.passphrase.setText("not the passphrase at all")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.passphrase.isEnabled())
        dialog.error.hide()
    assert failed_unlocks(record_vault[0]) == 2
    dialog.passphrase.clear()

    _unlock(qtbot, app_session)
    practice = app_session.practice
    assert practice is not None
    entries = practice.audit_entries(5)
    assert [(e.kind, e.record_type, e.record_id) for e in entries[:2]] == [
        (VaultEvent.UNLOCKED.value, "vault", None),
        (VaultEvent.UNLOCK_FAILED.value, "failed_attempts", 2),
    ]
    assert failed_unlocks(record_vault[0]) == 0


def test_preferences_change_the_idle_time_and_the_screen_lock(
    qtbot: QtBot, app_session: AppSession
) -> None:
    from alliance_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
    from tests.ui.dialog_driver import ModalDriver

    window = _unlock(qtbot, app_session)
    assert app_session.idle.timeout_ms == 5 * 60_000
    assert "Preferences" in window.menu_actions.preferences.text().replace("&", "")

    def choose(dialog: PreferencesDialog) -> None:
        dialog.idle_minutes.setValue(12)
        dialog.with_screen.setChecked(False)
        dialog.accept()

    driver = ModalDriver(PreferencesDialog, choose)
    window.menu_actions.preferences.trigger()

    assert driver.opened
    assert lock_preferences() == LockPreferences(idle_minutes=12, with_screen=False)
    assert app_session.idle.timeout_ms == 12 * 60_000
    assert not app_session.screen_lock.enabled


def test_a_report_on_screen_goes_with_the_lock(
    qtbot: QtBot, app_session: AppSession, record_vault: tuple[Path, int]
) -> None:
    """The Reports page holds the whole PDF in memory for its preview."""
    from PySide6.QtPdf import QPdfDocument

    _, client_id = record_vault
    window = _unlock(qtbot, app_session)
    window.show_page(window.pages.indexOf(window.reports_view))
    picker = window.reports_view.options.client_picker
    qtbot.waitUntil(lambda choices=picker: choices.findData(client_id) >= 0)
    picker.setCurrentIndex(picker.findData(client_id))
    qtbot.waitUntil(
        lambda page=window.reports_view: (
            page.shown_request is not None and page.preview.document.pageCount() > 0
        ),
        timeout=10_000,
    )
    del picker
    with qtbot.waitSignal(app_session.locked, timeout=10_000):
        window.menu_actions.lock.trigger()
    del window

    assert _where_the_marker_survives(app_session) == []
    previews = [
        thing
        for thing in gc.get_objects()
        if isinstance(thing, QPdfDocument) and shiboken6.isValid(thing) and thing.pageCount()
    ]
    assert previews == []
