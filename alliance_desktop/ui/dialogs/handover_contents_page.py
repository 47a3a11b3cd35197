"""The handover wizard's third page: what goes beyond the core record, and where the folder
goes. Pressing "Hand over" runs the export (on the database worker, through `run_export`) with
a busy bar; the wizard moves on to the password only once the files are written and the
handover recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover import (
    CORE_CATEGORIES,
    HandoverDetails,
    HandoverOptions,
    HandoverResult,
    check_within_consent,
)
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.ui import messages
from alliance_desktop.ui.dialogs.handover_pages import note_label, text_box
from alliance_desktop.ui.export_folders import documents_folder
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.quiet_scroll import quiet_scroll

ALWAYS_INCLUDED = (
    "The client's name, contact and consent records always go. Ticked below: what the client "
    "agreed to share. Your own notes and the rupture log go only when you tick them. Booked "
    "sessions still to come go into a calendar file, without the client's name."
)
NOT_CONSENTED = " (not in the client's consent)"
OVERRIDE_NOTE = (
    "You ticked something the client did not agree to share. Say why it must go all the same; "
    "the override is logged with the handover."
)
PRIVATE_NOTES_WARNING = (
    "Process notes are your private reflections, kept apart in the vault. Include them only if "
    "the client agreed to it and the next clinician truly needs them."
)
NO_FHIR_NOTE = "Without it the receiver gets the PDF only and must type the record in again."


@dataclass(frozen=True)
class HandoverRequest:
    folder: Path
    details: HandoverDetails
    options: HandoverOptions


OnExported = Callable[[HandoverResult], None]
OnFailed = Callable[[Exception], None]
RunExport = Callable[[HandoverRequest, OnExported, OnFailed], None]


def default_folder(today: dt.date) -> Path:
    """A new folder in Documents, named by date only (no client name on the file system)."""
    base = documents_folder()
    folder = base / f"Handover {today.isoformat()}"
    number = 2
    while folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        folder = base / f"Handover {today.isoformat()} ({number})"
        number += 1
    return folder


def folder_problem(text: str) -> str | None:
    if not text.strip():
        return "Choose a folder for the handover."
    folder = Path(text.strip()).expanduser()
    if folder.exists():
        if not folder.is_dir():
            return "That is a file; choose a new or empty folder."
        if any(folder.iterdir()):
            return "That folder already holds files; choose a new or empty folder."
    elif not folder.parent.is_dir():
        return f"The folder {folder.parent} does not exist."
    return None


class ContentsPage(QWizardPage):
    def __init__(
        self,
        today: dt.date,
        details: Callable[[], HandoverDetails],
        run_export: RunExport,
    ) -> None:
        super().__init__()
        self._details = details
        self._run_export = run_export
        self._busy = False
        self.result: HandoverResult | None = None
        self.setTitle("What to include, and where")
        self.setSubTitle(
            "Only what the client agreed to share; your own notes only when you tick them."
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Hand over")
        self.messages = FieldMessages()
        self.category_boxes = {category: QCheckBox(category.label) for category in ShareCategory}
        self.session_notes = self.category_boxes[ShareCategory.NOTES]
        self.ruptures = self.category_boxes[ShareCategory.RUPTURES]
        self.private_notes = self.category_boxes[ShareCategory.PROCESS_NOTES]
        self.override_note = note_label(OVERRIDE_NOTE, "fieldMessage")
        self.override_reason = text_box("Why this goes beyond the client's consent", 52)
        self._consented: frozenset[ShareCategory] = frozenset()
        self.private_warning = note_label(PRIVATE_NOTES_WARNING, "fieldMessage")
        self.fhir = QCheckBox("A copy the receiver's clinical software can import")
        self.fhir.setToolTip("In FHIR R4, the standard format for exchanging health records")
        self.fhir.setChecked(True)
        self.no_fhir_note = note_label(NO_FHIR_NOTE)
        self.folder = QLineEdit(str(default_folder(today)))
        self.choose_button = QPushButton("Choose…")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_label = note_label("Writing and encrypting the record…")
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_box = QWidget()
        folder_column = QVBoxLayout(folder_box)
        folder_column.setContentsMargins(0, 0, 0, 0)
        folder_column.setSpacing(2)
        folder_column.addLayout(folder_row)
        folder_column.addWidget(self.messages.message_label("folder", self.folder))
        # The choices scroll, so the wizard fits a 720-pixel screen with every note showing;
        # progress and errors stay in view below them.
        choices = QWidget()
        layout = QVBoxLayout(choices)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(note_label(ALWAYS_INCLUDED))
        layout.addSpacing(6)
        for box in self.category_boxes.values():
            layout.addWidget(box)
        layout.addWidget(self.private_warning)
        layout.addWidget(self.override_note)
        layout.addWidget(self.messages.wrap("beyond_consent_reason", self.override_reason))
        layout.addWidget(self.fhir)
        layout.addWidget(self.no_fhir_note)
        layout.addSpacing(8)
        layout.addWidget(QLabel("Save the handover in a new folder"))
        layout.addWidget(folder_box)
        layout.addStretch(1)
        scroll = quiet_scroll(choices)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll, 1)
        page.addWidget(self.busy_label)
        page.addWidget(self.busy_bar)
        page.addWidget(self.error)
        self._inputs: list[QWidget] = [
            *self.category_boxes.values(),
            self.override_reason,
            self.fhir,
            self.folder,
            self.choose_button,
        ]

        self.private_notes.toggled.connect(self.private_warning.setVisible)
        for box in self.category_boxes.values():
            box.toggled.connect(self._show_override)
        self.fhir.toggled.connect(lambda ticked: self.no_fhir_note.setVisible(not ticked))
        self.choose_button.clicked.connect(self._choose_folder)
        self.private_warning.hide()
        self.no_fhir_note.hide()
        self._show_override()
        self._show_busy(False)
        self.error.hide()

    @property
    def is_busy(self) -> bool:
        return self._busy

    def initializePage(self) -> None:
        """Tick what the client agreed to share (their own writing stays for the clinician to
        tick); process notes outside the consent cannot be ticked at all."""
        try:
            consented = self._details().consented
        except InvalidInput:
            consented = frozenset()
        self.set_consent(consented)

    def set_consent(self, consented: frozenset[ShareCategory]) -> None:
        self._consented = consented
        ticked_by_default = consented & CORE_CATEGORIES
        for category, box in self.category_boxes.items():
            box.setText(category.label + ("" if category in consented else NOT_CONSENTED))
            box.setChecked(category in ticked_by_default)
        process_notes_agreed = ShareCategory.PROCESS_NOTES in consented
        self.private_notes.setEnabled(process_notes_agreed)
        self.private_notes.setToolTip(
            "" if process_notes_agreed else "Process notes need the client's own consent."
        )
        self._show_override()

    def options(self) -> HandoverOptions:
        ticked = frozenset(c for c, box in self.category_boxes.items() if box.isChecked())
        return HandoverOptions(
            categories=ticked,
            include_fhir=self.fhir.isChecked(),
            beyond_consent_reason=self.override_reason.toPlainText()
            if ticked - self._consented
            else "",
        )

    def _show_override(self) -> None:
        ticked = {c for c, box in self.category_boxes.items() if box.isChecked()}
        beyond = bool(ticked - self._consented)
        self.override_note.setVisible(beyond)
        self.override_reason.setVisible(beyond)

    def isComplete(self) -> bool:
        return not self._busy

    def validatePage(self) -> bool:
        """Done once the export has succeeded; until then, pressing "Hand over" starts it."""
        if self.result is not None:
            return True
        if self._busy:
            return False
        problems: dict[str, str] = {}
        problem = folder_problem(self.folder.text())
        if problem:
            problems["folder"] = problem
        try:
            check_within_consent(self.options(), self._consented)
        except InvalidInput as error:
            problems["beyond_consent_reason"] = " ".join(error.problems.values())
        self.messages.show(problems)
        if problems:
            return False
        request = HandoverRequest(
            Path(self.folder.text().strip()).expanduser(), self._details(), self.options()
        )
        self.error.hide()
        self._show_busy(True)
        self._run_export(request, self._exported, self._failed)
        return False

    def _exported(self, result: HandoverResult) -> None:
        self.result = result
        self._show_busy(False)
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, error: Exception) -> None:
        self._show_busy(False)
        self.error.setText("Nothing was handed over. " + _explain(error))
        self.error.show()

    def _show_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        for widget in self._inputs:
            widget.setEnabled(not busy)
        wizard = self.wizard()
        if wizard is not None:
            for button in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
                wizard.button(button).setEnabled(not busy)
        emit(self.completeChanged)

    def _choose_folder(self) -> None:
        start = Path(self.folder.text().strip() or Path.home()).expanduser()
        chosen = QFileDialog.getExistingDirectory(
            self, "Folder for the handover", str(start.parent if not start.is_dir() else start)
        )
        if chosen:
            self.folder.setText(chosen)


def _explain(error: Exception) -> str:
    if isinstance(error, OSError):
        if error.strerror is None:
            return str(error)  # already a sentence, e.g. "The folder … does not exist."
        where = f" ({error.filename})" if error.filename else ""
        return f"The files could not be written: {error.strerror}{where}."
    return messages.describe_error(error)
