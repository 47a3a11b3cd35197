"""The Reports page: a preview made on the worker from a real vault, the line saying who a
report is for, Save as… (private, atomic) and printing the previewed pages."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QRadioButton
from pytestqt.qtbot import QtBot

from alliance_desktop.domain.alliance_check_in import AllianceCheckIn, AllianceRatings
from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.ending import EndingPlan, EndingReason, MaintenancePlan
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import MainWindow
from alliance_desktop.ui.pdf_printing import pages_to_print
from alliance_desktop.ui.report_request import (
    FOR_THE_CLIENT,
    FOR_YOUR_FILE_WITH_RUPTURES,
    ReportKind,
)
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.reports.reports_page import ReportsPage
from tests.factories import make_client, make_session

NAME = "Ada Quinn"
GOAL = "Take the bus to work"
FRAMING = "Framingsecret-exposure-hierarchy"
RUPTURE_NOTE = "Rupturenote-withdrew"
REASON_NOTE = "Reasonnote-private"
WHAT_HELPED = "Walking-to-work"
LEVELS = ("never", "rarely", "twice a week", "most days", "every day")


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def client_id(practice: Practice) -> int:
    client = make_client(name=NAME, preferred_name="", status=ClientStatus.ENDING)
    client_id = practice.add_client(client).id or 0
    goal = practice.goals.add_goal(
        Goal(client_id, GOAL, clinician_framing=FRAMING, column=GoalColumn.ACTIVE, levels=LEVELS)
    )
    for day, level in ((dt.date(2026, 1, 12), -2), (dt.date(2026, 3, 2), 0)):
        practice.goals.rate(goal.id or 0, GasRating(day, level))
    for week in range(6):
        practice.calendar.book(
            make_session(
                client_id,
                dt.datetime(2026, 1, 12, 10) + dt.timedelta(weeks=week),
                status=SessionStatus.ATTENDED,
                check_in=AllianceCheckIn(client=AllianceRatings(8, 8, 9, 9)),
            )
        )
    practice.ruptures.add(
        RuptureEntry(
            client_id,
            dt.date(2026, 2, 2),
            RuptureKind.WITHDRAWAL,
            3,
            RaisedBy.CLINICIAN,
            note=RUPTURE_NOTE,
            repairs=(RepairAttempt(RepairStrategy.ACKNOWLEDGE_OWN_PART),),
            outcome=RepairOutcome.RESOLVED,
        )
    )
    practice.ending.save_plan(
        EndingPlan(
            client_id,
            EndingReason.GOALS_MET,
            reason_note=REASON_NOTE,
            planned_last_session=dt.date(2026, 4, 27),
            maintenance=MaintenancePlan(what_helped=(WHAT_HELPED,)),
        )
    )
    return client_id


def _reports_page(qtbot: QtBot, window: MainWindow, client_id: int) -> ReportsPage:
    window.show_page(window.pages.indexOf(window.reports_view))
    page = window.reports_view
    picker = page.options.client_picker
    qtbot.waitUntil(lambda: picker.findData(client_id) >= 0)
    picker.setCurrentIndex(picker.findData(client_id))
    return page


def _click(qtbot: QtBot, radio: QRadioButton) -> None:
    """On the round button itself, as a user would (the row is wider than what it shows)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _wait_for_preview(qtbot: QtBot, page: ReportsPage, tasks: TaskRunner) -> bytes:
    qtbot.waitUntil(lambda: page.shown_request is not None and not tasks.is_busy, timeout=10_000)
    assert page.preview.document.status() == QPdfDocument.Status.Ready
    return page.preview.data


def test_a_goal_review_is_previewed_for_the_client_from_memory(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Anything written to the temp folder while previewing would land here.
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    page = _reports_page(qtbot, main_window, client_id)
    assert page.options.kind is ReportKind.GOAL_REVIEW  # the report chosen first

    data = _wait_for_preview(qtbot, page, tasks)

    assert page.preview.document.pageCount() > 0
    assert page.preview.view.isVisible()
    assert page.status.text().startswith("Goal review · ")
    assert page.audience.text() == FOR_THE_CLIENT
    assert page.save_button.isEnabled() and page.print_button.isEnabled()
    text = text_of(data)
    assert GOAL in text
    assert FRAMING not in text and RUPTURE_NOTE not in text
    assert list(temp.iterdir()) == []


def test_what_we_focus_on_next_reaches_the_preview_after_typing(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    _wait_for_preview(qtbot, page, tasks)

    qtbot.keyClicks(page.options.next_focus, "Ride-the-bus-on-Mondays")
    assert not page.save_button.isEnabled()  # the pages shown are now out of date

    qtbot.waitUntil(
        lambda: (
            page.shown_request is not None
            and page.shown_request.next_focus == "Ride-the-bus-on-Mondays"
        ),
        timeout=10_000,
    )
    assert "Ride-the-bus-on-Mondays" in text_of(page.preview.data)


def test_the_client_copy_leaves_out_what_the_clinician_version_holds(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    _click(qtbot, page.options.kind_radios[ReportKind.ENDING_SUMMARY])
    qtbot.waitUntil(
        lambda: (
            page.shown_request is not None and page.shown_request.kind is ReportKind.ENDING_SUMMARY
        ),
        timeout=10_000,
    )
    clinician = text_of(_wait_for_preview(qtbot, page, tasks))
    assert page.audience.text() == FOR_YOUR_FILE_WITH_RUPTURES

    _click(qtbot, page.options.client_copy)
    qtbot.waitUntil(
        lambda: page.shown_request is not None and page.shown_request.client_copy,
        timeout=10_000,
    )
    client_copy = text_of(_wait_for_preview(qtbot, page, tasks))

    assert page.audience.text() == FOR_THE_CLIENT
    assert RUPTURE_NOTE in clinician and REASON_NOTE in clinician
    assert RUPTURE_NOTE not in client_copy and REASON_NOTE not in client_copy
    assert WHAT_HELPED in client_copy  # the maintenance plan is theirs to keep
    assert "clinician version" in clinician and "clinician version" not in client_copy


def test_where_you_are_now_can_be_left_off_a_goal_in_the_preview(
    qtbot: QtBot, main_window: MainWindow, tasks: TaskRunner, client_id: int
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    picker = page.options.show_current
    qtbot.waitUntil(lambda: picker.count() == 1, timeout=10_000)
    shown = text_of(_wait_for_preview(qtbot, page, tasks))
    assert "Where you are now" in shown

    item = picker.item(0)
    assert item is not None and item.text() == GOAL
    item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(
        lambda: page.shown_request is not None and page.shown_request.hide_current != (),
        timeout=10_000,
    )
    hidden = text_of(_wait_for_preview(qtbot, page, tasks))
    assert "Where you are now" not in hidden
    assert "We’ll talk together about how this goal is going." in hidden


def test_the_client_copy_for_a_client_not_ending_points_to_the_ending_tab(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    active = practice.add_client(make_client(name="Sam Jones", status=ClientStatus.ACTIVE))
    page = _reports_page(qtbot, main_window, active.id or 0)
    _click(qtbot, page.options.kind_radios[ReportKind.ENDING_SUMMARY])
    _click(qtbot, page.options.client_copy)
    qtbot.waitUntil(lambda: "Ending tab" in page.preview.message.text(), timeout=10_000)
    assert "ending or has ended" in page.preview.message.text()
    assert page.shown_request is None and not page.save_button.isEnabled()

    assert page.ending_link.isVisibleTo(page)
    _click(qtbot, page.ending_link)
    assert main_window.current_page() is main_window.clients_view
    overview = main_window.clients_view.overview
    qtbot.waitUntil(lambda: overview.client_id == active.id, timeout=10_000)
    assert overview.tabs.tabText(overview.tabs.currentIndex()) == "Ending"


def test_save_as_writes_the_previewed_report_privately_under_a_name_without_the_client(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    shown = _wait_for_preview(qtbot, page, tasks)
    suggested: list[str] = []

    def choose(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(start)
        return str(tmp_path / "for Ada"), "PDF documents (*.pdf)"  # typed without .pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "for Ada.pdf"
    qtbot.waitUntil(lambda: target.exists() and not tasks.is_busy)

    assert Path(suggested[0]).name == "goal-review-2026-03-14.pdf"
    assert "Ada" not in suggested[0] and "Quinn" not in suggested[0]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_bytes() == shown  # what was seen is what was saved
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    assert main_window.statusBar().currentMessage().startswith("Saved the goal review to ")


def test_an_accessible_copy_is_saved_beside_a_client_facing_report(
    qtbot: QtBot,
    main_window: MainWindow,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    _wait_for_preview(qtbot, page, tasks)
    assert page.options.accessible_copy.isVisibleTo(page)
    page.options.accessible_copy.setChecked(True)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_args: (str(tmp_path / "review.pdf"), "PDF documents (*.pdf)")),
    )
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    html = tmp_path / "review.html"
    qtbot.waitUntil(lambda: html.exists() and not tasks.is_busy, timeout=10_000)

    assert stat.S_IMODE(os.stat(html).st_mode) == 0o600
    text = html.read_text(encoding="utf-8")
    assert "<h2>If things get worse</h2>" in text and RUPTURE_NOTE not in text
    assert "an accessible copy to review.html" in main_window.statusBar().currentMessage()

    # The clinician's version has no accessible copy to offer.
    _click(qtbot, page.options.kind_radios[ReportKind.ENDING_SUMMARY])
    _click(qtbot, page.options.clinician_version)
    assert not page.options.accessible_copy.isVisibleTo(page)


def test_printing_to_a_pdf_file_gives_every_previewed_page(
    qtbot: QtBot,
    main_window: MainWindow,
    practice: Practice,
    tasks: TaskRunner,
    client_id: int,
    tmp_path: Path,
) -> None:
    page = _reports_page(qtbot, main_window, client_id)
    _click(qtbot, page.options.kind_radios[ReportKind.ENDING_SUMMARY])
    qtbot.waitUntil(
        lambda: (
            page.shown_request is not None and page.shown_request.kind is ReportKind.ENDING_SUMMARY
        ),
        timeout=10_000,
    )
    _wait_for_preview(qtbot, page, tasks)
    pages = page.preview.page_count
    assert pages > 0
    printed_file = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed_file))

    assert page.print_to(printer) == pages

    reader = PdfReader(printed_file)
    assert len(reader.pages) == pages
    assert stat.S_IMODE(os.stat(printed_file).st_mode) == 0o600  # "print to file" stays private
    first = page.preview.document.pagePointSize(0)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - first.width()) < 2  # the report's own paper, upright
    assert abs(float(box.height) - first.height()) < 2
    assert main_window.statusBar().currentMessage().startswith(f"Sent {pages} page")
    tasks.wait_until_idle()
    qtbot.waitUntil(lambda: not tasks.is_busy)
    latest = practice.audit_entries(1)[0]
    assert (latest.kind, latest.record_id) == ("report.printed", client_id)  # in the audit trail


def test_an_ending_plan_not_yet_written_is_explained_where_the_pages_would_be(
    qtbot: QtBot, practice: Practice, main_window: MainWindow, tasks: TaskRunner
) -> None:
    other_id = practice.add_client(make_client(name="Ben Ortiz", preferred_name="")).id or 0
    main_window.open_report(other_id, ReportKind.ENDING_PLAN)
    page = main_window.reports_view
    qtbot.waitUntil(
        lambda: (
            "No ending plan has been written" in page.preview.message.text() and not tasks.is_busy
        ),
        timeout=10_000,
    )
    assert main_window.current_page() is page
    assert page.options.client_id == other_id
    assert page.shown_request is None
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()


def test_the_pages_printed_follow_the_range_and_order_chosen() -> None:
    printer = QPrinter()
    assert pages_to_print(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 5)  # beyond the end: up to the last page
    assert pages_to_print(printer, 3) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages_to_print(printer, 3) == [2, 1]
