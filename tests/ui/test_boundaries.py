"""The client's boundaries and preferences: edited from the header card, saved as a dated
version, shown on the header and in the session editor above the note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.boundaries import ClientBoundaries, SessionStructure
from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.session import Session
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.boundaries_dialog import BoundariesDialog
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import PASSPHRASE, make_client
from tests.ui.dialog_driver import when_dialog_opens
from tests.ui.second_look import second_look

TODAY = dt.date(2026, 3, 14)


def test_boundaries_typed_in_the_dialog_are_saved_dated_and_shown_on_the_header(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner, vault_path: Path
) -> None:
    client_id = practice.add_client(make_client()).id or 0
    main_window.clients_view.refresh()
    qtbot.waitUntil(lambda: main_window.clients_view.model.row_of(client_id) is not None)
    main_window.open_client(client_id)
    header = main_window.risk_views.header
    qtbot.waitUntil(lambda: "none recorded" in header.boundaries_label.text())

    def fill_in(dialog: BoundariesDialog) -> None:
        qtbot.keyClicks(dialog.topics_not_yet, "my father")
        dialog.ready_when_i_say.setChecked(True)
        dialog.structure.setCurrentIndex(dialog.structure.findData(SessionStructure.STRUCTURED))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(BoundariesDialog, fill_in)
    qtbot.mouseClick(header.boundaries_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "my father" in header.boundaries_label.text() and not tasks.is_busy)
    assert "ready" in header.boundaries_label.text()

    with second_look(vault_path, PASSPHRASE) as reopened:
        [saved] = reopened.boundaries.history(client_id)
    assert saved.topics_not_yet == ("my father",)
    assert saved.structure is SessionStructure.STRUCTURED
    assert saved.changed_on == TODAY


def test_too_long_an_entry_is_shown_at_its_field(qtbot: QtBot) -> None:
    dialog = BoundariesDialog(1, [], TODAY)
    qtbot.addWidget(dialog)
    dialog.pace_and_depth.setPlainText("x" * 5000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "too long" in dialog.messages.message("pace_and_depth")
    assert dialog.result_boundaries() is None


def test_the_session_editor_shows_them_above_the_note(qtbot: QtBot) -> None:
    boundaries = ClientBoundaries(1, TODAY, topics_not_yet=("the accident",))
    clients = [ClientSummary(1, "Ana Ruiz", "", ClientStatus.ACTIVE, None, False)]
    dialog = SessionDialog(
        Session(1, dt.datetime(2026, 3, 16, 10), 50), clients, is_new=False, boundaries=boundaries
    )
    qtbot.addWidget(dialog)
    assert dialog.boundaries_note is not None
    assert "the accident" in dialog.boundaries_note.text()
    plain = SessionDialog(Session(1, dt.datetime(2026, 3, 16, 10), 50), clients, is_new=False)
    qtbot.addWidget(plain)
    assert plain.boundaries_note is None


def test_long_boundaries_are_cut_on_the_header_and_whole_in_the_tooltip() -> None:
    from alliance_desktop.domain.practice_profile import DateStyle
    from alliance_desktop.ui.views.risk_header_card import (
        SHORT_LIMIT,
        boundaries_text,
        boundaries_tooltip,
    )

    long = ClientBoundaries(
        1,
        TODAY,
        topics_not_yet=("the accident",),
        pace_and_depth="Slowly at first; " * 20,
        anything_else="Prefers written summaries",
    )
    shown = boundaries_text(long, DateStyle.DAY_MONTH_YEAR)
    assert "the accident" in shown and "…" in shown
    assert len(shown) < SHORT_LIMIT + 200  # markup and the date besides the words
    assert "Prefers written summaries" in boundaries_tooltip(long)
