"""UI fixtures: settings kept in tmp, a database worker, a main window on a real vault."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui import messages
from alliance_desktop.ui.accessible_names import install_form_field_namer
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.ui.dialog_driver import stop_all_drivers


@pytest.fixture(autouse=True)
def form_fields_named(qapp: QApplication) -> None:
    """As the app does at start (configure_application): form rows name their controls."""
    install_form_field_namer(qapp)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Path:
    """Keep window layout and last-vault settings out of the real user's config folder."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_surprise_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal box would hang the test; an unexpected one fails it instead.

    Tests that expect a confirmation or a choice replace `messages.confirm` or
    `messages.choose` themselves.
    """
    errors: list[str] = []

    def show_error(_parent: object, title: str, error: BaseException) -> None:
        errors.append(f"{title}: {messages.describe_error(error)}")
        raise AssertionError(f"Unexpected error box: {errors[-1]}")

    def confirm(_parent: object, title: str, question: str, _action: str) -> bool:
        raise AssertionError(f"Unexpected confirmation: {title}: {question}")

    def choose(_parent: object, title: str, question: str, _choices: object) -> str | None:
        raise AssertionError(f"Unexpected question: {title}: {question}")

    monkeypatch.setattr(messages, "show_error", show_error)
    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "choose", choose)
    return errors


@pytest.fixture(autouse=True)
def fresh_dialog_drivers() -> Iterator[None]:
    yield
    stop_all_drivers()


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_until_idle()
    # The vault closes next: work the test's callbacks asked for after this point must not
    # run in a later test, on a closed vault.
    runner.close()


@pytest.fixture
def main_window(qtbot: QtBot, practice: Practice, tasks: TaskRunner) -> Iterator[MainWindow]:
    window = MainWindow(practice, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.clients_view.is_loaded and not tasks.is_busy)
    yield window
    tasks.wait_until_idle()
