"""Drafts in the editors: typed text is kept in the vault as it goes, and closing an editor
with changes never throws them away without asking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.draft import Draft
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.vault_errors import VaultWriteFailed
from alliance_desktop.services import Practice
from alliance_desktop.ui.dialogs.client_dialog import ClientDialog
from alliance_desktop.ui.dialogs.goal_dialog import GoalDialog
from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog, draft_rupture
from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
from alliance_desktop.ui.draft_book import DraftBook
from alliance_desktop.ui.draft_keeper import DraftKeeper
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.unsaved_prompt import Answer, answer_of, unsaved_box
from tests.ui.draft_fixtures import NOTE, Prompt, book, booked, prompt, quick_drafts, stored

__all__ = ["book", "booked", "prompt", "quick_drafts"]  # fixtures, used by name


def _session_dialog(qtbot: QtBot, practice: Practice, session_id: int) -> SessionDialog:
    session = practice.calendar.session(session_id)
    clients = practice.client_summaries()
    dialog = SessionDialog(session, clients, is_new=False)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_typing_a_note_keeps_an_encrypted_draft_once_typing_stops(
    qtbot: QtBot, practice: Practice, tasks: TaskRunner, book: DraftBook, booked: tuple[int, int]
) -> None:
    client_id, session_id = booked
    dialog = _session_dialog(qtbot, practice, session_id)
    assert stored(practice, tasks) == {}  # opening alone keeps nothing
    qtbot.keyClicks(dialog.progress_note, NOTE)
    key = ("session", str(session_id))
    qtbot.waitUntil(lambda: key in stored(practice, tasks), timeout=5000)
    draft = stored(practice, tasks)[key]
    assert draft.fields["progress_note"] == NOTE
    assert draft.client_id == client_id
    assert "Ada Lind" in draft.title


def test_escape_with_a_typed_note_asks_and_keep_editing_keeps_it_open(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClicks(dialog.progress_note, NOTE)
    qtbot.keyClick(dialog.progress_note, Qt.Key.Key_Escape)
    assert prompt.asked == ["session note"]
    assert dialog.isVisible()
    assert dialog.progress_note.toPlainText() == NOTE

    # The Cancel button asks the same.
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert prompt.asked == ["session note"] * 2
    assert dialog.isVisible()


def test_discard_on_purpose_closes_and_removes_the_draft(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClicks(dialog.progress_note, NOTE)
    dialog.drafts.keep_now()
    assert stored(practice, tasks)
    prompt.answer = Answer.DISCARD
    qtbot.keyClick(dialog.progress_note, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result_edit() is None
    assert stored(practice, tasks) == {}
    assert book.drafts() == []


def test_save_from_the_question_saves_through_the_editor(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClicks(dialog.progress_note, NOTE)
    prompt.answer = Answer.SAVE
    qtbot.keyClick(dialog.progress_note, Qt.Key.Key_Escape)
    edited = dialog.result_edit()
    assert edited is not None and edited.session.progress_note == NOTE
    # Kept until the save itself succeeds (the editing code forgets it then).
    assert ("session", str(booked[1])) in stored(practice, tasks)


def test_escape_without_changes_closes_without_asking(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClick(dialog.agenda, Qt.Key.Key_Escape)
    assert prompt.asked == []
    assert not dialog.isVisible()
    assert stored(practice, tasks) == {}


def test_the_window_close_button_asks_too(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClicks(dialog.private_note, "my own reflection")
    handle = dialog.windowHandle()
    assert handle is not None
    handle.close()  # as the title bar's close button does
    qtbot.waitUntil(lambda: prompt.asked == ["session note"])
    assert dialog.isVisible()


def _client_dialog(qtbot: QtBot, practice: Practice) -> tuple[ClientDialog, object]:
    dialog = ClientDialog(None, practice.today())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, dialog.concerns


def _goal_dialog(qtbot: QtBot, practice: Practice, client_id: int) -> tuple[GoalDialog, object]:
    dialog = GoalDialog(Goal(client_id=client_id, client_words=""), (), practice.today())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, dialog.client_words


def _rupture_dialog(
    qtbot: QtBot, practice: Practice, client_id: int
) -> tuple[RuptureDialog, object]:
    entry = draft_rupture(client_id, practice.today())
    dialog = RuptureDialog(entry, today=practice.today())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, dialog.note


@pytest.mark.parametrize(
    ("kind", "what"),
    [("client", "client record"), ("goal", "goal"), ("rupture", "rupture entry")],
)
def test_every_editor_keeps_a_draft_and_asks_before_closing(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
    kind: str,
    what: str,
) -> None:
    client_id = booked[0]
    if kind == "client":
        dialog, box = _client_dialog(qtbot, practice)
    elif kind == "goal":
        dialog, box = _goal_dialog(qtbot, practice, client_id)
    else:
        dialog, box = _rupture_dialog(qtbot, practice, client_id)
    qtbot.keyClicks(box, NOTE)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: (kind, "new") in stored(practice, tasks), timeout=5000)
    assert NOTE in stored(practice, tasks)[(kind, "new")].fields.values()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # type: ignore[arg-type]
    assert prompt.asked == [what]
    assert dialog.isVisible()


def test_an_editor_opened_again_shows_its_draft_and_says_so(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    prompt: Prompt,
) -> None:
    session_id = booked[1]
    first = _session_dialog(qtbot, practice, session_id)
    qtbot.keyClicks(first.progress_note, NOTE)
    first.drafts.keep_now()
    first.drafts.stop()
    first.reject()  # e.g. torn down by a lock

    again = _session_dialog(qtbot, practice, session_id)
    assert again.progress_note.toPlainText() == NOTE
    notes = [label.text() for label in again.findChildren(QLabel)]
    assert any(text.startswith("Unsaved changes from today") for text in notes)
    assert again.tabs.tabText(again.tabs.currentIndex()) == "Notes"  # where it was typed
    # The restored draft counts as a change: Escape still asks.
    qtbot.keyClick(again.agenda, Qt.Key.Key_Escape)
    assert prompt.asked == ["session note"]


def test_a_draft_that_cannot_be_written_is_said_and_kept_until_it_can(
    qtbot: QtBot,
    practice: Practice,
    tasks: TaskRunner,
    book: DraftBook,
    booked: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    said: list[str] = []
    book.status_message.connect(said.append)
    real_keep = practice.drafts.keep_draft

    def disk_full(_draft: Draft) -> Draft:
        raise VaultWriteFailed("database or disk is full")

    monkeypatch.setattr(practice.drafts, "keep_draft", disk_full)
    dialog = _session_dialog(qtbot, practice, booked[1])
    qtbot.keyClicks(dialog.progress_note, NOTE)
    dialog.drafts.keep_now()
    qtbot.waitUntil(lambda: book.unwritten_count == 1)
    assert "could not be kept in the vault" in said[-1]
    assert "disk is full" in said[-1]
    assert book.drafts()[0].fields["progress_note"] == NOTE  # still here, in memory
    assert stored(practice, tasks) == {}

    monkeypatch.setattr(practice.drafts, "keep_draft", real_keep)
    book._write_unwritten()  # what the retry timer does
    qtbot.waitUntil(lambda: book.unwritten_count == 0)
    assert stored(practice, tasks)[("session", str(booked[1]))].fields["progress_note"] == NOTE
    assert said[-1] == "Your unsaved text is now kept safely in the vault."


def test_the_real_question_never_defaults_to_discard_and_escape_keeps_editing(
    qtbot: QtBot,
) -> None:
    box = unsaved_box(None, "session note")
    qtbot.addWidget(box)
    labels = {button.text(): button for button in box.buttons()}
    assert set(labels) == {"Save", "Discard changes", "Keep editing"}
    assert box.defaultButton() is labels["Save"]
    assert box.escapeButton() is labels["Keep editing"]
    box.show()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert answer_of(box) is Answer.KEEP_EDITING
    assert isinstance(QApplication.instance(), QApplication)
    assert box.buttonRole(labels["Discard changes"]) is QMessageBox.ButtonRole.DestructiveRole


def test_keepers_find_every_text_field_by_name(
    qtbot: QtBot, practice: Practice, booked: tuple[int, int]
) -> None:
    dialog = _session_dialog(qtbot, practice, booked[1])
    names = set(dialog.drafts.current_fields())
    assert {"agenda", "progress_note", "private_note", "focus", "timing.date"} <= names
    assert isinstance(dialog.drafts, DraftKeeper)
