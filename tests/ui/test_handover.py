"""Handing a client over in the window (the wizard, typed into as a clinician would), undoing it,
and File › Import handover with the right and the wrong password."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.handover import CORE_CATEGORIES, HandoverOptions, ImportPreview
from alliance_desktop.domain.handover_errors import HandoverFolderNotEmpty
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.services import Practice
from alliance_desktop.ui import handover_work, messages
from alliance_desktop.ui.app import AppSession
from alliance_desktop.ui.dialogs.handover_contents_page import HandoverRequest
from alliance_desktop.ui.dialogs.handover_import_dialog import HandoverImportDialog, preview_html
from alliance_desktop.ui.dialogs.handover_wizard import HandoverWizard
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.exchange.samples import DETAILS, NAME, populate
from tests.factories import PASSPHRASE, fixed_clock, make_client, make_session
from tests.ui.dialog_driver import when_dialog_opens

PASSWORD_SHAPE = re.compile(r"^[a-z]{5}(-[a-z]{5}){4}$")
FILES = {"record.pdf", "record.fhir.json.enc", "sessions.ics", "manifest.json"}
NEXT = QWizard.WizardButton.NextButton
COMMIT = QWizard.WizardButton.CommitButton
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def client_id(practice: Practice) -> int:
    client = practice.add_client(make_client())  # Margaret Okonkwo-Lee (Maggie), active
    for day in (2, 9, 16):
        practice.calendar.book(make_session(client.id or 0, dt.datetime(2026, 3, day, 10)))
    return client.id or 0


@pytest.fixture
def handed_over_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A handover exported from another practice's vault: (folder, password)."""
    sending = Practice.create(tmp_path / "sending.vault", PASSPHRASE, clock=fixed_clock)
    try:
        sent = populate(sending)
        result = sending.handover.export(sent, tmp_path / "from-ana", DETAILS, HandoverOptions())
    finally:
        sending.close()
    yield result.folder, result.password


def open_client(qtbot: QtBot, window: MainWindow, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.handover_panel.state is not None)


def fill_receiver_and_consent(qtbot: QtBot, wizard: HandoverWizard, *also: ShareCategory) -> None:
    qtbot.keyClicks(wizard.receiver_page.receiver_name, "Dr Kwame Mensah")
    qtbot.keyClicks(wizard.receiver_page.receiver_organisation, "Riverside Psychology")
    qtbot.mouseClick(wizard.button(NEXT), LEFT)
    assert wizard.currentPage() is wizard.consent_page
    wizard.consent_page.agreed.setChecked(True)
    for category in (ShareCategory.SUMMARY, ShareCategory.GOALS, ShareCategory.SESSIONS, *also):
        wizard.consent_page.scope_boxes[category].setChecked(True)
    qtbot.keyClicks(wizard.consent_page.reason, "Moving to Leeds")
    qtbot.mouseClick(wizard.button(NEXT), LEFT)
    assert wizard.currentPage() is wizard.contents_page


# Handing over


def test_the_wizard_hands_over_and_shows_the_password_once(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
) -> None:
    open_client(qtbot, main_window, client_id)
    assert main_window.handover_panel.hand_over_button.isVisible()
    target = tmp_path / "for-dr-mensah"
    seen: dict[str, str] = {}

    def hand_over(wizard: HandoverWizard) -> None:
        fill_receiver_and_consent(qtbot, wizard)
        contents = wizard.contents_page
        assert not contents.session_notes.isChecked() and not contents.ruptures.isChecked()
        assert not contents.private_notes.isChecked() and contents.fhir.isChecked()
        contents.folder.clear()
        qtbot.keyClicks(contents.folder, str(target))
        qtbot.mouseClick(wizard.button(COMMIT), LEFT)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.password_page)
        page = wizard.password_page
        seen["password"] = page.password.text()
        seen["note"] = page.give_note.text()
        qtbot.mouseClick(page.copy_button, LEFT)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    driver = when_dialog_opens(HandoverWizard, hand_over)
    qtbot.mouseClick(main_window.handover_panel.hand_over_button, LEFT)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert PASSWORD_SHAPE.match(seen["password"])
    assert seen["clipboard"] == seen["password"]
    assert "Dr Kwame Mensah by phone or in person" in seen["note"]
    assert "not stored anywhere" in seen["note"]
    assert {path.name for path in target.iterdir()} == FILES
    assert practice.client(client_id).status is ClientStatus.HANDED_OVER
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.details_label.text().startswith("Handed over"))
    panel = main_window.handover_panel
    qtbot.waitUntil(panel.undo_button.isVisible)
    assert "Handed over to Dr Kwame Mensah (Riverside Psychology) on 14/03/2026" in (
        panel.summary.text()
    )
    assert not panel.hand_over_button.isVisible()
    assert main_window.statusBar().currentMessage().endswith(f"the record is in {target}.")
    QGuiApplication.clipboard().clear()


def test_without_the_clients_consent_the_wizard_cannot_go_on(
    qtbot: QtBot, practice: Practice
) -> None:
    started: list[HandoverRequest] = []
    wizard = HandoverWizard(
        practice.add_client(make_client()),
        practice.today(),
        DateStyle.DAY_MONTH_YEAR,
        lambda request, _done, _failed: started.append(request),
        lambda _text: None,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(NEXT), LEFT)
    assert wizard.currentPage() is wizard.receiver_page  # no receiver named yet
    assert "Receiving clinician" in wizard.receiver_page.messages.message("receiver_name")
    qtbot.keyClicks(wizard.receiver_page.receiver_name, "Dr Kwame Mensah")
    qtbot.mouseClick(wizard.button(NEXT), LEFT)
    consent = wizard.consent_page
    assert wizard.currentPage() is consent

    qtbot.keyClicks(wizard.consent_page.reason, "typed before ticking")  # disabled: ignored
    assert not wizard.button(NEXT).isEnabled()
    assert consent.waiting_note.isVisible()
    wizard.next()
    assert wizard.currentPage() is consent
    assert consent.reason.toPlainText() == ""

    consent.agreed.setChecked(True)
    assert wizard.button(NEXT).isEnabled() and not consent.waiting_note.isVisible()
    qtbot.mouseClick(wizard.button(NEXT), LEFT)
    assert wizard.currentPage() is consent  # what they agreed to, and why, are still missing
    assert consent.messages.message("consent_scope")
    assert consent.messages.message("reason")
    assert started == []


def test_a_failed_export_says_why_and_lets_the_clinician_try_again(
    qtbot: QtBot, practice: Practice, tmp_path: Path
) -> None:
    attempts: list[HandoverRequest] = []

    def refuse(request: HandoverRequest, _done: object, failed: object) -> None:
        attempts.append(request)
        assert callable(failed)
        failed(HandoverFolderNotEmpty(request.folder))

    wizard = HandoverWizard(
        practice.add_client(make_client()),
        practice.today(),
        DateStyle.DAY_MONTH_YEAR,
        refuse,
        lambda _text: None,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    fill_receiver_and_consent(qtbot, wizard, ShareCategory.PROCESS_NOTES)
    contents = wizard.contents_page
    contents.private_notes.setChecked(True)
    assert contents.private_warning.isVisible()
    contents.folder.setText(str(tmp_path / "new"))
    qtbot.mouseClick(wizard.button(COMMIT), LEFT)

    assert len(attempts) == 1
    assert attempts[0].options.include_private_notes
    assert attempts[0].details.receiver_name == "Dr Kwame Mensah"
    assert wizard.currentPage() is contents
    assert contents.error.isVisible()
    assert contents.error.text().startswith("Nothing was handed over. The folder ")
    assert wizard.button(COMMIT).isEnabled() and not contents.is_busy


def test_undo_handover_sets_the_status_back(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    practice.handover.export(client_id, tmp_path / "out", DETAILS, HandoverOptions())
    asked: list[str] = []

    def confirm(_parent: object, _title: str, question: str, _action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    open_client(qtbot, main_window, client_id)
    panel = main_window.handover_panel
    assert panel.undo_button.isVisible()

    qtbot.mouseClick(panel.undo_button, LEFT)
    qtbot.waitUntil(lambda: practice.client(client_id).status is ClientStatus.ACTIVE)
    qtbot.waitUntil(panel.hand_over_button.isVisible)

    assert "Their status goes back to active" in asked[0]
    assert "cannot be recalled" in asked[0]
    assert not panel.undo_button.isVisible()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    assert main_window.clients_view.overview.details_label.text().startswith("Active")


# Receiving


def test_import_with_the_right_password_creates_the_client_and_opens_it(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    handed_over_folder: tuple[Path, str],
) -> None:
    folder, password = handed_over_folder
    previewed: list[str] = []

    def import_it(dialog: HandoverImportDialog) -> None:
        qtbot.keyClicks(dialog.folder, str(folder))
        qtbot.keyClicks(dialog.password, password.upper().replace("-", " "))
        qtbot.mouseClick(dialog.go_button, LEFT)
        qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1)
        previewed.append(dialog.summary.text())
        assert dialog.go_button.text() == "Import"
        qtbot.mouseClick(dialog.go_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(HandoverImportDialog, import_it)
    main_window.menu_actions.import_handover.trigger()
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert NAME in previewed[0] and "From Dr Ana Ferreira" in previewed[0]
    clients = practice.client_summaries()
    assert [summary.name for summary in clients] == [NAME]
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.client_id == clients[0].id)
    qtbot.waitUntil(lambda: overview.name_label.text() == NAME)
    assert main_window.current_page() is main_window.clients_view


def test_import_with_a_wrong_password_says_so_and_creates_nothing(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    handed_over_folder: tuple[Path, str],
) -> None:
    folder, _ = handed_over_folder
    shown: list[str] = []

    def try_wrong(dialog: HandoverImportDialog) -> None:
        qtbot.keyClicks(dialog.folder, str(folder))
        qtbot.keyClicks(dialog.password, "bafok-telum-risav-donek-pumiz")
        qtbot.mouseClick(dialog.go_button, LEFT)
        qtbot.waitUntil(dialog.error.isVisible)
        shown.append(dialog.error.text())
        assert dialog.steps.currentIndex() == 0 and dialog.go_button.isEnabled()
        assert dialog.password.text() == "bafok-telum-risav-donek-pumiz"  # to correct, not retype
        qtbot.mouseClick(dialog.cancel_button, LEFT)

    driver = when_dialog_opens(HandoverImportDialog, try_wrong)
    main_window.menu_actions.import_handover.trigger()
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)

    assert shown[0].startswith("That password does not open this handover.")
    assert "Traceback" not in shown[0]
    assert practice.client_summaries() == []


def test_the_preview_warns_about_clashes_and_clients_of_the_same_name() -> None:
    preview = ImportPreview(
        client_name="Ana <Ruiz>",
        from_clinician="Dr Ana Ferreira",
        exported_at=dt.datetime(2026, 3, 14, 9, 30),
        format_version=1,
        options=HandoverOptions(CORE_CATEGORIES | {ShareCategory.NOTES}),
        sessions=12,
        future_sessions=2,
        clashing_sessions=1,
        goals=3,
        gas_ratings=7,
        check_ins=9,
        ruptures=0,
        has_ending_plan=True,
        same_name_clients=1,
    )

    text = preview_html(preview, DateStyle.DAY_MONTH_YEAR)

    assert "Ana &lt;Ruiz&gt;" in text and "<Ruiz>" not in text
    assert "exported 14/03/2026 at 09:30" in text
    assert "12 sessions, 2 of them still to come" in text
    assert "1 future session falls at the same time as sessions already in your calendar" in text
    assert "You already have 1 client named" in text
    assert "progress notes, " in text
    assert "(left out: rupture-and-repair log and private process notes)" in text


def test_a_copied_password_leaves_the_clipboard_after_a_while(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handover_work, "CLEAR_COPY_AFTER_MS", 50)
    clipboard = QGuiApplication.clipboard()

    handover_work.copy_then_clear("dijus-nenug-kisuv-bekaf-zezag")
    assert clipboard.text() == "dijus-nenug-kisuv-bekaf-zezag"
    qtbot.waitUntil(lambda: clipboard.text() == "")

    handover_work.copy_then_clear("dijus-nenug-kisuv-bekaf-zezag")
    clipboard.setText("copied elsewhere since")
    qtbot.wait(150)
    assert clipboard.text() == "copied elsewhere since"  # not ours to clear
    clipboard.clear()


def test_hand_over_from_the_menu_without_a_client_says_what_to_do(
    main_window: MainWindow,
) -> None:
    main_window.menu_actions.hand_over.trigger()

    assert main_window.statusBar().currentMessage() == (
        "Choose a client in Clients first, then hand them over."
    )


def test_in_the_app_the_password_copy_goes_through_the_clipboard_guard(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "practice.vault"
    Practice.create(path, PASSPHRASE).close()
    session = AppSession(path)
    session.start()
    try:
        qtbot.waitUntil(session.unlock_dialog.passphrase.isEnabled)
        qtbot.keyClicks(session.unlock_dialog.passphrase, PASSPHRASE)
        qtbot.keyClick(session.unlock_dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: session.main_window is not None, timeout=10_000)
        window = session.main_window
        assert window is not None

        window.handovers.copy_text("dijus-nenug-kisuv-bekaf-zezag")
        assert session.clipboard.copied == "dijus-nenug-kisuv-bekaf-zezag"
        session.lock()  # locking clears what the app copied

        assert QGuiApplication.clipboard().text() == ""
    finally:
        if session.main_window is not None:
            session.main_window.close()
        session.finish()


def test_the_contents_page_ticks_what_the_client_agreed_and_asks_why_beyond_it(
    qtbot: QtBot, main_window: MainWindow, client_id: int, tmp_path: Path
) -> None:
    open_client(qtbot, main_window, client_id)
    seen: dict[str, object] = {}

    def look(wizard: HandoverWizard) -> None:
        fill_receiver_and_consent(qtbot, wizard)
        contents = wizard.contents_page
        boxes = contents.category_boxes
        seen["ticked"] = {c for c, box in boxes.items() if box.isChecked()}
        seen["process_notes_enabled"] = contents.private_notes.isEnabled()
        seen["override_hidden"] = contents.override_reason.isHidden()
        contents.ruptures.setChecked(True)  # beyond the consent
        seen["override_shown"] = not contents.override_reason.isHidden()
        contents.folder.clear()
        qtbot.keyClicks(contents.folder, str(tmp_path / "out"))
        qtbot.mouseClick(wizard.button(COMMIT), LEFT)
        seen["refused"] = contents.messages.message("beyond_consent_reason")
        seen["still_here"] = wizard.currentPage() is contents
        wizard.reject()

    driver = when_dialog_opens(HandoverWizard, look)
    qtbot.mouseClick(main_window.handover_panel.hand_over_button, LEFT)
    qtbot.waitUntil(lambda: driver.opened)
    assert seen["ticked"] == {ShareCategory.SUMMARY, ShareCategory.GOALS, ShareCategory.SESSIONS}
    assert seen["process_notes_enabled"] is False
    assert seen["override_hidden"] and seen["override_shown"]
    assert "beyond what the client agreed" in str(seen["refused"])
    assert seen["still_here"]
    assert not (tmp_path / "out").exists()


def test_a_handover_imported_before_asks_before_a_second_copy(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    handed_over_folder: tuple[Path, str],
) -> None:
    folder, password = handed_over_folder
    practice.handover.import_(folder, password)
    seen: dict[str, object] = {}

    def import_again(dialog: HandoverImportDialog) -> None:
        qtbot.keyClicks(dialog.folder, str(folder))
        qtbot.keyClicks(dialog.password, password)
        qtbot.mouseClick(dialog.go_button, LEFT)
        qtbot.waitUntil(lambda: dialog.steps.currentIndex() == 1)
        seen["summary"] = dialog.summary.text()
        seen["asked"] = dialog.again.isVisibleTo(dialog)
        qtbot.mouseClick(dialog.go_button, LEFT)  # not ticked: refused, nothing written
        seen["refused"] = dialog.error.text()
        dialog.again.setChecked(True)
        qtbot.mouseClick(dialog.go_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    driver = when_dialog_opens(HandoverImportDialog, import_again)
    main_window.menu_actions.import_handover.trigger()
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert "already imported" in str(seen["summary"])
    assert seen["asked"] is True
    assert "Import it again" in str(seen["refused"])
    assert [s.name for s in practice.client_summaries()] == [NAME, NAME]


def test_the_last_page_offers_to_cancel_the_booked_sessions(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
) -> None:
    open_client(qtbot, main_window, client_id)
    seen: dict[str, object] = {}

    def hand_over(wizard: HandoverWizard) -> None:
        fill_receiver_and_consent(qtbot, wizard)
        contents = wizard.contents_page
        contents.folder.clear()
        qtbot.keyClicks(contents.folder, str(tmp_path / "out"))
        qtbot.mouseClick(wizard.button(COMMIT), LEFT)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.password_page)
        question = wizard.password_page.cancel_sessions
        seen["question"] = question.text() if question.isVisibleTo(wizard) else ""
        question.setChecked(True)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)

    driver = when_dialog_opens(HandoverWizard, hand_over)
    qtbot.mouseClick(main_window.handover_panel.hand_over_button, LEFT)
    qtbot.waitUntil(lambda: driver.opened and not tasks.is_busy)
    assert "Cancel my 1 booked session with" in str(seen["question"])
    qtbot.waitUntil(lambda: not tasks.is_busy)
    statuses = [s.status for s in practice.calendar.client_history(client_id).entries]
    # Only the session still to come (16 March); the two before today stay as they were.
    assert statuses == [SessionStatus.SCHEDULED] * 2 + [SessionStatus.CLINICIAN_CANCELLED]
