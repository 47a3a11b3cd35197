"""The Reports page: choose a client and a report, see its pages, then save or print them.

The PDF is made on the database worker and previewed from memory; Save as… writes it through
the reports service (private to the user, never half-written); Print… renders the previewed
pages onto the printer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.audit import VaultEvent
from alliance_desktop.domain.client import ClientSummary
from alliance_desktop.domain.goal import Goal
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.services.reports import NoClientCopyYet
from alliance_desktop.ui import messages
from alliance_desktop.ui.export_folders import documents_folder
from alliance_desktop.ui.pdf_printing import PrintingFailed, print_pdf
from alliance_desktop.ui.report_request import ReportKind, ReportRequest
from alliance_desktop.ui.settings import app_settings
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.reports.report_options import ReportOptions
from alliance_desktop.ui.widgets.pdf_preview import PdfPreview

REPORTS_FOLDER = "reports/last_folder"  # a folder, never a file name: nothing clinical
_CHOOSE = "Choose a client and a report on the left; its pages appear here."
_AFTER_A_CHOICE_MS = 200
_AFTER_TYPING_MS = 700


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


class ReportsPage(QWidget):
    status_message = Signal(str)
    ending_tab_requested = Signal(int)  # a client id: their copy needs the Ending tab first

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._today = dt.date.today()
        self._generation = 0  # only the newest preview asked for is shown
        self._shown: ReportRequest | None = None
        self._goals_for: int | None = None  # whose goals the "where you are now" list holds

        self.title = QLabel("Reports")
        self.title.setObjectName("pageTitle")
        self.subtitle = QLabel(
            "On your letterhead, as PDF. Look through the pages, then save or print them."
        )
        self.subtitle.setObjectName("pageSubtitle")
        self.subtitle.setWordWrap(True)
        self.options = ReportOptions()
        self.audience = QLabel()
        self.audience.setObjectName("clientNotice")
        self.audience.setWordWrap(True)
        self.audience.hide()
        self.save_button = QPushButton("Save as…")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save as a PDF file that only your user account can read")
        self.print_button = QPushButton("Print…")
        self.problem = QLabel()
        self.problem.setObjectName("fieldMessage")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.ending_link = QPushButton("Open the client's Ending tab")
        self.ending_link.setToolTip("Write the ending plan there; their copy follows from it")
        self.ending_link.hide()
        self.status = QLabel()
        self.status.setObjectName("quietNote")
        self.preview = PdfPreview(_CHOOSE)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)

        self._build_layout()
        self._update_buttons()

        self.options.changed.connect(lambda: self._preview_soon(_AFTER_A_CHOICE_MS))
        self.options.text_changed.connect(lambda: self._preview_soon(_AFTER_TYPING_MS))
        self._preview_timer.timeout.connect(self.make_preview)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        self.ending_link.clicked.connect(self._open_ending_tab)

    def _build_layout(self) -> None:
        choices = QWidget()
        choices.setObjectName("reportChoices")
        column = QVBoxLayout(choices)
        column.setContentsMargins(0, 0, 12, 0)
        column.addWidget(self.options)
        column.addSpacing(10)
        column.addWidget(self.audience)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.problem)
        column.addWidget(self.ending_link)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("reportChoicesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(choices)
        scroll.setFixedWidth(360)

        above_preview = QHBoxLayout()
        above_preview.addWidget(self.status, 1)
        above_preview.addWidget(self.preview.zoom_buttons)
        preview_side = QVBoxLayout()
        preview_side.setSpacing(6)
        preview_side.addLayout(above_preview)
        preview_side.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(scroll)
        body.addLayout(preview_side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(body, 1)

    # Public

    def refresh(self) -> None:
        """Reload the client list; the preview follows."""

        def load() -> tuple[list[ClientSummary], dt.date]:
            return self._practice.client_summaries(), self._practice.today()

        self._tasks.submit(load, self._clients_loaded)

    def open_report(self, client_id: int, kind: ReportKind, client_copy: bool = False) -> None:
        """Show this report for this client (from a button on the client's record)."""
        self.options.preset(client_id, kind, client_copy)

    def set_date_style(self, style: DateStyle) -> None:
        self.options.set_date_style(style)

    @property
    def shown_request(self) -> ReportRequest | None:
        """The report whose pages are in the preview (None while none is, or it is out of date)."""
        return self._shown

    def forget(self) -> None:
        """Drop the previewed report and the typed text from memory (e.g. when locking)."""
        self._generation += 1
        self._shown = None
        self.preview.show_message(_CHOOSE)
        self.options.next_focus.clear()
        self._goals_for = None
        self.options.show_current.set_goals([])  # goal titles are the client's words
        self._update_buttons()

    def make_preview(self) -> None:
        self._preview_timer.stop()
        self._generation += 1
        generation = self._generation
        self._shown = None
        self._show_problem("")
        self.ending_link.hide()
        request = self.options.request()
        self._load_goals(request)
        self._show_audience(request)
        self._update_buttons()
        if request is None:
            self.preview.show_message(_CHOOSE)
            self.status.clear()
            return
        self.status.setText(f"Preparing the {request.title.lower()}…")
        reports = self._practice.reports
        self._tasks.submit(
            lambda: request.make_pdf(reports),
            lambda data: self._preview_ready(generation, request, data),
            lambda error: self._preview_failed(generation, error),
        )

    def save_as(self) -> None:
        request = self._shown
        if request is None:
            return
        suggested = self._save_folder() / request.file_name(self._today)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, f"Save the {request.title.lower()}", str(suggested), "PDF documents (*.pdf)"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        settings = app_settings()
        settings.setValue(REPORTS_FOLDER, str(path.parent))
        reports = self._practice.reports
        accessible = (
            path.with_suffix(".html")
            if request.for_the_client and self.options.accessible_copy.isChecked()
            else None
        )

        def save() -> Path:
            saved = request.save(reports, path)
            if accessible is not None:
                request.save_accessible(reports, accessible)
            return saved

        self._tasks.submit(
            save,
            lambda saved: self._saved(request, saved, accessible),
            self._save_failed,
        )

    def print_report(self) -> None:
        request = self._shown
        if request is None or not self.preview.is_ready:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The print queue shows this name to anyone near the printer: no client name in it.
        printer.setDocName(request.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Print the {request.title.lower()}")
        dialog.setMinMax(1, self.preview.page_count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed pages on a printer already set up; return the pages printed."""
        request = self._shown
        if request is None:
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            printed = print_pdf(self.preview.document, printer)
        except PrintingFailed as error:
            self._show_problem(str(error))
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_problem("")
        practice, client_id = self._practice, request.client_id
        self._tasks.submit(lambda: practice.record_event(VaultEvent.REPORT_PRINTED, client_id))
        text = f"Sent {_pages(printed)} of the {request.title.lower()} to the printer."
        self.status.setText(text)
        emit(self.status_message, text)
        return printed

    # Internals

    def showEvent(self, event: QShowEvent) -> None:
        # Records change elsewhere (a plan saved, a goal rated): look again when shown.
        super().showEvent(event)
        self.refresh()

    def _clients_loaded(self, result: tuple[list[ClientSummary], dt.date]) -> None:
        clients, self._today = result
        self.options.set_clients(clients, self._today)

    def _load_goals(self, request: ReportRequest | None) -> None:
        """List the chosen client's goals for the "where you are now" option, once per client."""
        client_id = request.client_id if request is not None else None
        if client_id == self._goals_for:
            return
        self._goals_for = client_id
        if client_id is None:
            self.options.show_current.set_goals([])
            return
        goals = self._practice.goals

        def shown(loaded: list[Goal]) -> None:
            if self._goals_for == client_id:
                self.options.show_current.set_goals(loaded)

        self._tasks.submit(lambda: goals.board(client_id), shown)

    def _preview_soon(self, delay_ms: int) -> None:
        self._shown = None  # what is shown no longer matches the choices
        self._update_buttons()
        self._preview_timer.start(delay_ms)

    def _preview_ready(self, generation: int, request: ReportRequest, data: bytes) -> None:
        if generation != self._generation:
            return  # the choices changed while this one was being made
        if self.preview.show_pdf(data):
            self._shown = request
            self.status.setText(f"{request.title} · {_pages(self.preview.page_count)}")
        else:
            self.status.clear()
        self._update_buttons()

    def _preview_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.status.clear()
        if isinstance(error, messages.EXPECTED_ERRORS):
            # e.g. no ending plan written yet: say so where the pages would be.
            self.preview.show_message(messages.describe_error(error))
            self.ending_link.setVisible(isinstance(error, NoClientCopyYet))
        else:
            self.preview.show_message("The report could not be made.")
            messages.show_error(self, "The report could not be made", error)

    def _saved(self, request: ReportRequest, path: Path, accessible: Path | None = None) -> None:
        text = f"Saved the {request.title.lower()} to {path}."
        if accessible is not None:
            text = text[:-1] + f", and an accessible copy to {accessible.name}."
        self.status.setText(text)
        emit(self.status_message, text)

    def _save_failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            self._show_problem(f"The report was not saved: {reason}.")
        else:
            messages.show_error(self, "The report was not saved", error)

    def _open_ending_tab(self) -> None:
        client_id = self.options.client_id
        if client_id is not None:
            emit(self.ending_tab_requested, client_id)

    def _show_audience(self, request: ReportRequest | None) -> None:
        if request is None:
            self.audience.hide()
            return
        self.audience.setText(request.audience())
        name = "clientNotice" if request.for_the_client else "privateNotice"
        if self.audience.objectName() != name:
            self.audience.setObjectName(name)
            self.audience.style().unpolish(self.audience)
            self.audience.style().polish(self.audience)
            self.audience.updateGeometry()
        self.audience.show()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _update_buttons(self) -> None:
        ready = self._shown is not None and self.preview.is_ready
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def _save_folder(self) -> Path:
        remembered = app_settings().value(REPORTS_FOLDER)
        if remembered and Path(str(remembered)).is_dir():
            return Path(str(remembered))
        return documents_folder()
