"""The client editor on its own: it returns checked plain data and never saves."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.client import ClientStatus, ConsentKind, ConsentRecord
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.client_dialog import ClientDialog
from alliance_desktop.ui.dialogs.consent_dialog import ConsentDialog
from tests.factories import make_client
from tests.ui.dialog_driver import when_dialog_opens

TODAY = dt.date(2026, 3, 14)


def _open(qtbot: QtBot, client: object = None) -> ClientDialog:
    dialog = ClientDialog(client, TODAY)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_saving_an_unchanged_record_gives_back_the_same_client(qtbot: QtBot) -> None:
    original = make_client(id=7)
    dialog = _open(qtbot, original)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == ClientDialog.DialogCode.Accepted
    assert dialog.result_client() == original


def test_a_new_client_starts_today_with_unknown_birth_date_and_status_intake(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.name, "  Ada Quinn  ")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = dialog.result_client()
    assert saved is not None
    assert saved.name == "Ada Quinn"  # trimmed by the domain check
    assert saved.start_date == TODAY
    assert saved.date_of_birth is None
    assert saved.status is ClientStatus.INTAKE
    assert saved.id is None


def test_values_are_one_per_line_and_blank_lines_are_dropped(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.name, "Ada Quinn")
    dialog.values.setPlainText("honesty\n\n  being a steady parent  \n")
    dialog.concerns.setPlainText("sleep")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = dialog.result_client()
    assert saved is not None
    assert saved.values == ("honesty", "being a steady parent")
    assert saved.concerns == ("sleep",)


def test_a_missing_name_is_shown_under_the_name_and_the_dialog_stays_open(
    qtbot: QtBot,
) -> None:
    dialog = _open(qtbot)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.result_client() is None
    assert dialog.messages.message("name") == "Name is required."
    assert dialog.name.property("invalid") is True

    qtbot.keyClicks(dialog.name, "Ada Quinn")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_client() is not None


def test_a_birth_date_in_the_future_is_refused_at_its_field(qtbot: QtBot) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.name, "Ada Quinn")
    dialog.date_of_birth.known.setChecked(True)
    dialog.date_of_birth.date_edit.setDate(QDate(2030, 1, 1))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.messages.message("date_of_birth") == "Date of birth cannot be in the future."
    assert dialog.result_client() is None


def test_a_withdrawal_before_consent_names_the_record_on_the_consent_tab(
    qtbot: QtBot,
) -> None:
    bad = ConsentRecord(
        ConsentKind.HANDOVER_SHARING, dt.date(2026, 2, 1), "summary", dt.date(2026, 1, 1)
    )
    dialog = _open(qtbot, make_client(consents=(make_client().consents[0], bad)))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    message = dialog.messages.message("consents")
    assert message.startswith("Consent record 2: ")
    assert "before the date it was given" in message
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Consent"
    assert dialog.consents.table.currentRow() == 1
    assert dialog.result_client() is None


def test_adding_a_consent_record_through_its_own_dialog(qtbot: QtBot) -> None:
    dialog = _open(qtbot, make_client(consents=()))

    def fill_in(consent_dialog: ConsentDialog) -> None:
        index = consent_dialog.kind.findData(ConsentKind.HANDOVER_SHARING)
        consent_dialog.kind.setCurrentIndex(index)
        consent_dialog.accept()  # nothing ticked: refused, said at the categories
        assert "Tick what the client agreed" in consent_dialog.categories_message.text()
        consent_dialog.categories[ShareCategory.GOALS].setChecked(True)
        consent_dialog.categories[ShareCategory.SUMMARY].setChecked(True)
        consent_dialog.accept()

    when_dialog_opens(ConsentDialog, fill_in)
    qtbot.mouseClick(dialog.consents.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = dialog.result_client()
    assert saved is not None
    assert saved.consents == (ConsentRecord(ConsentKind.HANDOVER_SHARING, TODAY, "summary,goals"),)


def test_informed_consent_records_that_the_limits_were_explained(qtbot: QtBot) -> None:
    dialog = _open(qtbot, make_client(consents=()))

    def fill_in(consent_dialog: ConsentDialog) -> None:
        assert consent_dialog.kind.currentData() == ConsentKind.INFORMED_CONSENT
        assert consent_dialog.limits_explained.isVisibleTo(consent_dialog)
        assert not consent_dialog.categories_box.isVisibleTo(consent_dialog)
        qtbot.keyClicks(consent_dialog.scope, "therapy and notes")
        consent_dialog.limits_explained.setChecked(True)
        consent_dialog.accept()

    when_dialog_opens(ConsentDialog, fill_in)
    qtbot.mouseClick(dialog.consents.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = dialog.result_client()
    assert saved is not None
    assert saved.consents == (
        ConsentRecord(
            ConsentKind.INFORMED_CONSENT, TODAY, "therapy and notes", limits_explained=True
        ),
    )


def test_removing_a_consent_record_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda _p, _t, question, _a: asked.append(question) or True
    )
    dialog = _open(qtbot, make_client())
    dialog.consents.select_row(0)

    qtbot.mouseClick(dialog.consents.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert "entered by mistake" in asked[0]
    saved = dialog.result_client()
    assert saved is not None and saved.consents == ()


def test_cancel_returns_nothing(qtbot: QtBot) -> None:
    dialog = _open(qtbot, make_client(id=3))
    qtbot.keyClicks(dialog.name, " changed")

    dialog.reject()

    assert dialog.result_client() is None


def test_dates_follow_the_practice_date_style(qtbot: QtBot) -> None:
    dialog = ClientDialog(make_client(), TODAY, DateStyle.ISO)
    qtbot.addWidget(dialog)

    assert dialog.start_date.date_edit.text() == "2026-01-08"
