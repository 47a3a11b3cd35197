"""The safety plan on the Reports page: chosen among the reports, previewed for the client
with the crisis contacts, and an empty plan explained where the pages would be."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.risk import RiskLevel, RiskReview, SafetyPlan
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.report_request import FOR_THE_CLIENT_SAFETY_PLAN, ReportKind
from alliance_desktop.ui.tasks import TaskRunner
from tests.factories import make_client

GROUNDS = "Riskgrounds-private"


def test_safety_plan_preview_is_for_the_client_with_the_crisis_contacts(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    practice.save_profile(
        dataclasses.replace(
            practice.profile(), crisis_contacts=(CrisisContact("Samaritans", "116 123"),)
        )
    )
    client_id = practice.add_client(make_client()).id or 0
    practice.risk.save_review(
        RiskReview(client_id, dt.date(2026, 3, 1), RiskLevel.MODERATE, GROUNDS)
    )
    practice.risk.save_safety_plan(
        SafetyPlan(client_id, dt.date(2026, 3, 1), warning_signs=("I stop eating",))
    )
    assert ReportKind.SAFETY_PLAN in main_window.reports_view.options.kind_radios
    main_window.open_report(client_id, ReportKind.SAFETY_PLAN)
    page = main_window.reports_view
    qtbot.waitUntil(lambda: page.shown_request is not None and not tasks.is_busy, timeout=10_000)
    assert page.audience.text() == FOR_THE_CLIENT_SAFETY_PLAN
    assert not page.options.include_instruments.isVisibleTo(page.options)
    reader = PdfReader(io.BytesIO(page.preview.data))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "I stop eating" in text and "Samaritans" in text and "116 123" in text
    assert GROUNDS not in text and "Moderate" not in text


def test_an_empty_safety_plan_is_explained_and_nothing_is_shown(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    client_id = practice.add_client(make_client(name="Ben Ortiz", preferred_name="")).id or 0
    main_window.open_report(client_id, ReportKind.SAFETY_PLAN)
    page = main_window.reports_view
    qtbot.waitUntil(
        lambda: "safety plan is empty" in page.preview.message.text() and not tasks.is_busy,
        timeout=10_000,
    )
    assert page.shown_request is None
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
