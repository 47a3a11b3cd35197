"""Hand over a client: the wizard from the receiving clinician to the password, shown once.

Pages: who receives the record; the client's consent (required) and the reason; what to include
and the folder, where "Hand over" runs the export on the database worker; then the generated
password with a Copy button. The wizard returns what the export wrote (`HandoverResult`), or
None when it was cancelled before anything was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.handover import HandoverDetails, HandoverResult
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.dialogs.dialog_frame import first_size
from alliance_desktop.ui.dialogs.handover_contents_page import ContentsPage, RunExport
from alliance_desktop.ui.dialogs.handover_pages import (
    ConsentPage,
    ReceiverPage,
    details_from,
    fit_default_button,
    note_label,
)

CopyText = Callable[[str], None]
COPIED_NOTE = "Copied. The clipboard is cleared again in 30 seconds."
# Big enough to read aloud over the phone without a slip; the app style sheet sets 10pt.
PASSWORD_STYLE = (
    "QLabel { font-family: '@family@'; font-size: 17pt; font-weight: 600; "
    "letter-spacing: 1px; color: #163f3c; background: #eef5f3; "
    "border: 1px solid #cfe2de; border-radius: 6px; padding: 8px 14px; }"
)


class PasswordPage(QWizardPage):
    """The folder, its files, and the password: shown here once, stored nowhere."""

    def __init__(self, result: Callable[[], HandoverResult | None], copy_text: CopyText) -> None:
        super().__init__()
        self._result = result
        self._copy_text = copy_text
        self.setTitle("Handed over: now give the password separately")
        self.setSubTitle("The record is written and encrypted. It opens only with this password.")
        self.folder_label = note_label("", "")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files_label = note_label("")
        self.show_folder_button = QPushButton("Show folder")
        self.password = QLabel()
        self.password.setObjectName("handoverPassword")
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password.setAccessibleName("Handover password")
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
        self.password.setStyleSheet(PASSWORD_STYLE.replace("@family@", family))
        self.copy_button = QPushButton("Copy password")
        self.copied_note = note_label(COPIED_NOTE)
        self.copied_note.hide()
        self.give_note = note_label("", "")
        self.cancel_sessions = QCheckBox()
        self.cancel_sessions.hide()
        self.undo_note = note_label(
            "Handed over by mistake? “Undo handover” on the client's page sets their status "
            "back; files already given cannot be recalled."
        )

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.show_folder_button)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password)
        password_row.addStretch(1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_note)
        copy_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.files_label)
        layout.addSpacing(10)
        layout.addWidget(QLabel("Handover password"))
        layout.addLayout(password_row)
        layout.addLayout(copy_row)
        layout.addSpacing(6)
        layout.addWidget(self.give_note)
        layout.addSpacing(10)
        layout.addWidget(self.cancel_sessions)
        layout.addStretch(1)
        layout.addWidget(self.undo_note)

        self.copy_button.clicked.connect(self._copy)
        self.show_folder_button.clicked.connect(self._show_folder)

    def initializePage(self) -> None:
        result = self._result()
        if result is None:
            return
        receiver = result_receiver(self.wizard())
        name = result.client.display_name
        self.folder_label.setText(f"The record of {name} is in {result.folder}")
        names = ", ".join(f.name for f in result.files)
        self.files_label.setText(f"Files: {names}. Send the whole folder.")
        self.password.setText(result.password)
        booked = result.booked_ahead
        self.cancel_sessions.setText(
            f"Cancel my {booked} booked session{'s' if booked != 1 else ''} with {name} "
            f"({receiver} takes over from here)"
        )
        self.cancel_sessions.setVisible(booked > 0)
        self.give_note.setText(
            f"<b>Give this password to {_escaped(receiver)} by phone or in person</b> — never "
            "in the same email or on the same stick as the folder. It is not stored anywhere: "
            "once you close this window it cannot be shown again."
        )

    def cleanupPage(self) -> None:
        self.password.clear()

    def _copy(self) -> None:
        self._copy_text(self.password.text())
        self.copied_note.show()

    def _show_folder(self) -> None:
        result = self._result()
        if result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder)))


def result_receiver(wizard: QWizard | None) -> str:
    if isinstance(wizard, HandoverWizard):
        return wizard.details().receiver_name.strip() or "the receiving clinician"
    return "the receiving clinician"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HandoverWizard(QWizard):
    def __init__(
        self,
        client: Client,
        today: dt.date,
        date_style: DateStyle,
        run_export: RunExport,
        copy_text: CopyText,
        parent: QWidget | None = None,
        cancel_sessions: Callable[[HandoverResult], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._cancel_sessions = cancel_sessions
        self.setWindowTitle(f"Hand over {client.display_name}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Done")
        # The contents page (eight categories and an override) scrolls in a shorter window.
        self.setMinimumSize(680, 540)
        first_size(self, 680, 700)
        self.receiver_page = ReceiverPage(today, date_style, self.details)
        self.consent_page = ConsentPage(client, today, date_style, self.details)
        self.contents_page = ContentsPage(today, self.details, run_export)
        self.password_page = PasswordPage(lambda: self.contents_page.result, copy_text)
        fit_default_button(self.button(QWizard.WizardButton.CommitButton), "Hand over")
        for page in (
            self.receiver_page,
            self.consent_page,
            self.contents_page,
            self.password_page,
        ):
            self.addPage(page)

    def details(self) -> HandoverDetails:
        return details_from(self.receiver_page, self.consent_page)

    def exported(self) -> HandoverResult | None:
        return self.contents_page.result

    def reject(self) -> None:
        if self.contents_page.is_busy:
            return  # the export is running; it finishes (or fails) in a moment
        self.password_page.cleanupPage()
        super().reject()

    def done(self, code: int) -> None:
        """On Done: the sender's own booked sessions are cancelled when the question at the
        end was ticked."""
        result = self.exported()
        wanted = self.password_page.cancel_sessions.isChecked()
        if result is not None and wanted and self._cancel_sessions is not None:
            self._cancel_sessions(result)
        self.password_page.cleanupPage()
        super().done(code)

    @classmethod
    def hand_over(
        cls,
        parent: QWidget | None,
        client: Client,
        today: dt.date,
        date_style: DateStyle,
        run_export: RunExport,
        copy_text: CopyText,
        cancel_sessions: Callable[[HandoverResult], None] | None = None,
    ) -> HandoverResult | None:
        """Run the wizard; what was exported (even if closed on the password page), or None."""
        wizard = cls(client, today, date_style, run_export, copy_text, parent, cancel_sessions)
        wizard.exec()
        return wizard.exported()
