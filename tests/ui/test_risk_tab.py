"""The Risk tab as a clinician uses it: a dated review, its field messages, the safety plan."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_flags import FlagKind
from alliance_desktop.domain.risk import RiskLevel
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.report_request import ReportKind
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.client_tabs.risk_tab import PLAN_SAVED, REVIEW_SAVED, RiskTab
from tests.factories import PASSPHRASE, make_client, make_session


@pytest.fixture
def client_id(practice: Practice) -> int:
    return practice.add_client(make_client(name="Ada Quinn", preferred_name="")).id or 0


def _open_tab(qtbot: QtBot, window: MainWindow, tasks: TaskRunner, client_id: int) -> RiskTab:
    window.clients_view.refresh()
    qtbot.waitUntil(lambda: window.clients_view.model.row_of(client_id) is not None)
    window.open_client(client_id)
    window.clients_view.overview.show_tab("Risk")
    tab = window.risk_views.tab
    qtbot.waitUntil(lambda: tab.loaded_client_id == client_id and not tasks.is_busy)
    assert tab.isVisible()
    return tab


def _reopened(vault_path: Path) -> Practice:
    """A second look at what is on disk, through a copy (the window holds the vault)."""
    folder = Path(tempfile.mkdtemp(prefix="risk-second-look-"))
    copy = folder / vault_path.name
    for suffix in ("", "-wal", "-shm", ".lock", ".anchor"):
        source = Path(f"{vault_path}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{copy}{suffix}"))
    return Practice.open(copy, PASSPHRASE)


def test_a_review_typed_and_recorded_is_in_the_vault_and_on_the_header(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int, vault_path: Path
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.review_form
    assert "No risk review recorded" in tab.latest.text()
    assert "no review recorded" in main_window.risk_views.header.risk_label.text()
    form.assessed_on.setDate(QDate(2026, 3, 12))
    form.level.setCurrentIndex(form.level.findData(RiskLevel.MODERATE))
    qtbot.keyClicks(form.rests_on, "Passive thoughts since the redundancy; no plan")
    qtbot.keyClicks(form.risk_factors, "job loss")
    qtbot.keyClicks(form.protective_factors, "her daughter")
    qtbot.keyClicks(form.actions_agreed, "Safety plan together")
    qtbot.mouseClick(form.next_review_on.known, Qt.MouseButton.LeftButton)
    form.next_review_on.date_edit.setDate(QDate(2026, 3, 26))
    qtbot.mouseClick(tab.save_review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.review_state.text() == REVIEW_SAVED and not tasks.is_busy)

    reopened = _reopened(vault_path)
    try:
        [review] = reopened.risk.history(client_id)
    finally:
        reopened.close()
    assert review.level is RiskLevel.MODERATE
    assert review.assessed_on == dt.date(2026, 3, 12)
    assert review.next_review_on == dt.date(2026, 3, 26)
    assert review.protective_factors == ("her daughter",)
    assert tab.history.count() == 1 and "Moderate" in tab.history.item(0).text()
    assert form.rests_on.toPlainText() == ""  # ready for the next review
    qtbot.waitUntil(lambda: "Moderate" in main_window.risk_views.header.risk_label.text())


def test_bad_review_shows_messages_at_the_fields_and_saves_nothing(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int, vault_path: Path
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    form = tab.review_form
    form.assessed_on.setDate(QDate(2026, 3, 12))
    form.level.setCurrentIndex(form.level.findData(RiskLevel.HIGH))
    qtbot.mouseClick(form.next_review_on.known, Qt.MouseButton.LeftButton)
    form.next_review_on.date_edit.setDate(QDate(2026, 3, 1))
    qtbot.mouseClick(tab.save_review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tasks.is_busy)

    assert "before the assessment" in form.messages.message("next_review_on")
    assert "high level needs what it rests on" in form.messages.message("rests_on")
    assert form.messages.message("assessed_on") == ""
    assert tab.has_unsaved_changes
    reopened = _reopened(vault_path)
    try:
        assert reopened.risk.history(client_id) == []
    finally:
        reopened.close()


def test_safety_plan_saved_and_printed_for_the_client(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int, vault_path: Path
) -> None:
    tab = _open_tab(qtbot, main_window, tasks, client_id)
    requested: list[tuple[int, object]] = []
    tab.report_requested.connect(lambda cid, kind: requested.append((cid, kind)))
    # An empty plan is not printed: the message says why.
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert "empty" in tab.plan_message.text() and requested == []

    qtbot.keyClicks(tab.plan_form.sections["warning_signs"], "I stop answering texts")
    qtbot.keyClicks(tab.plan_form.sections["people_i_can_ask"], "Ana 07700 900123")
    qtbot.mouseClick(tab.save_plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.plan_state.text() == PLAN_SAVED and not tasks.is_busy)
    reopened = _reopened(vault_path)
    try:
        plan = reopened.risk.safety_plan(client_id)
    finally:
        reopened.close()
    assert plan is not None and plan.warning_signs == ("I stop answering texts",)

    tab.report_requested.disconnect()
    tab.report_requested.connect(lambda cid, kind: requested.append((cid, kind)))
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert requested == [(client_id, ReportKind.SAFETY_PLAN)]


def test_risk_flags_on_today_explain_themselves(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    from alliance_desktop.domain.risk import RiskReview

    seen = practice.add_client(make_client(name="Bea Lund", preferred_name="", consents=())).id
    assert seen is not None
    practice.calendar.book(
        make_session(seen, dt.datetime(2026, 3, 14, 15), status=SessionStatus.SCHEDULED)
    )
    practice.risk.save_review(
        RiskReview(seen, dt.date(2026, 3, 1), RiskLevel.HIGH, "Said she had a plan")
    )
    main_window.today_view.refresh()
    card = main_window.today_view.alliance_flags
    # Today shows one row per client, with all of that client's flags in it.
    qtbot.waitUntil(lambda: len(card.rows) == 1 and not tasks.is_busy)
    kinds = [flag.kind for flag in card.rows[0].flags]
    assert kinds == [FlagKind.HIGH_RISK, FlagKind.RISK_REVIEW_DUE, FlagKind.NO_INFORMED_CONSENT]
    assert "overdue" in card.rows[0].explanations[1]
    assert card.rows[0].button.text() == "Open Risk tab"
    qtbot.mouseClick(card.rows[0].button, Qt.MouseButton.LeftButton)
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.tabs.tabText(overview.tabs.currentIndex()) == "Risk")
