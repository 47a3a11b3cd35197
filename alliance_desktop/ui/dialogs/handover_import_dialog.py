"""File › Import handover: open a folder with its password, see what it holds, then import.

Two steps in one dialog. First the folder and the password; "Check handover" verifies both on
the database worker and reads the record without writing anything. Then the preview: who it
is, what comes with them, sessions that clash with this calendar, clients of the same name
already here. "Import" creates the client in one transaction. Every failure (wrong password,
a changed or missing file, a handover from a newer version) is the domain's own sentence. The
dialog returns the new client, or None.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.handover import ImportPreview, listed_labels
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui import messages
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.dialogs.handover_pages import fit_default_button, note_label
from alliance_desktop.ui.export_folders import documents_folder

OnFailed = Callable[[Exception], None]


class HandoverCalls(Protocol):
    """The two vault calls the dialog needs, run on the database worker."""

    def preview(
        self,
        folder: Path,
        password: str,
        done: Callable[[ImportPreview], None],
        failed: OnFailed,
    ) -> None: ...

    def import_(
        self,
        folder: Path,
        password: str,
        done: Callable[[Client], None],
        failed: OnFailed,
        again: bool = False,
    ) -> None: ...


def _plural(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def preview_html(preview: ImportPreview, date_style: DateStyle) -> str:
    """The preview as a short, readable page (rich text; every value escaped)."""
    when = preview.exported_at
    sender = html.escape(preview.from_clinician or "an unnamed clinician")
    lines = [
        f"<p style='font-size:15pt'><b>{html.escape(preview.client_name)}</b></p>",
        f"<p>From {sender}, exported {short_date(when.date(), date_style)} at {when:%H:%M}.</p>",
        "<ul>",
        f"<li>{_plural(preview.sessions, 'session')}, "
        f"{preview.future_sessions} of them still to come</li>",
        f"<li>{_plural(preview.goals, 'goal')} with {_plural(preview.gas_ratings, 'rating')}</li>",
        f"<li>{_plural(preview.check_ins, 'session')} with alliance check-ins</li>",
        f"<li>{_plural(preview.ruptures, 'rupture entry', 'rupture entries')}</li>",
        f"<li>{'An ending plan' if preview.has_ending_plan else 'No ending plan'}</li>",
        "</ul>",
        f"<p>The sending clinician included: {html.escape(_included(preview))}.</p>",
        f"<p>{html.escape(preview.client_name)} joins your practice as "
        f"<b>{preview.status.label.lower()}</b>.</p>",
    ]
    warnings = []
    if preview.imported_before:
        warnings.append(
            "<b>This handover was already imported</b> ("
            + html.escape(", ".join(preview.imported_before))
            + "). Importing it again makes a second copy of the client."
        )
    if preview.clashing_sessions:
        warnings.append(
            f"{_plural(preview.clashing_sessions, 'future session')} "
            f"{'falls' if preview.clashing_sessions == 1 else 'fall'} at the same time as "
            "sessions already in your calendar. They are imported as booked; move them "
            "afterwards."
        )
    if preview.same_name_clients:
        warnings.append(
            f"You already have {_plural(preview.same_name_clients, 'client')} named "
            f"{html.escape(preview.client_name)}. Was this handover imported before? Importing "
            "again makes a second record."
        )
    for skipped in preview.skipped:
        warnings.append(
            f"Left out: {skipped.count} {html.escape(skipped.resource_type)} "
            f"({html.escape(skipped.reason)})."
        )
    if warnings:
        lines.append("<p><b>Please check:</b></p><ul>")
        lines.extend(f"<li>{warning}</li>" for warning in warnings)
        lines.append("</ul>")
    lines.append("<p>Nothing is written to your vault until you press Import.</p>")
    return "\n".join(lines)


def _included(preview: ImportPreview) -> str:
    options = preview.options
    included = listed_labels(options.included) or "only the client's details"
    left_out = listed_labels(options.left_out)
    return included + (f" (left out: {left_out[0].lower() + left_out[1:]})" if left_out else "")


class HandoverImportDialog(QDialog):
    def __init__(
        self,
        calls: HandoverCalls,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._calls = calls
        self._date_style = date_style
        self._busy = False
        self.imported: Client | None = None
        self.preview: ImportPreview | None = None
        self.setWindowTitle("Import a handover")
        self.setMinimumSize(620, 520)

        self.folder = QLineEdit()
        self.folder.setPlaceholderText("The folder you were given, with manifest.json in it")
        self.choose_button = QPushButton("Choose…")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("e.g. bafok-telum-risav-donek-pumiz")
        self.show_password = QCheckBox("Show")
        self.again = QCheckBox("Import it again all the same (a second copy)")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setObjectName("errorBanner")
        self.error.setWordWrap(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.back_button = QPushButton("Back")
        self.go_button = QPushButton("Check handover")
        self.go_button.setDefault(True)
        fit_default_button(self.go_button, "Check handover")
        self.cancel_button = QPushButton("Cancel")

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password, 1)
        password_row.addWidget(self.show_password)
        form = QFormLayout()
        form.addRow("Folder", folder_row)
        form.addRow("Password", password_row)
        opening = QWidget()
        opening_layout = QVBoxLayout(opening)
        opening_layout.setContentsMargins(0, 0, 0, 0)
        opening_layout.addWidget(
            note_label(
                "Open the folder another clinician handed over to you, with the password "
                "they gave you separately (by phone or in person).",
                "",
            )
        )
        opening_layout.addSpacing(6)
        opening_layout.addLayout(form)
        opening_layout.addStretch(1)
        self.steps = QStackedWidget()
        self.steps.addWidget(opening)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        summary_scroll.setWidget(self.summary)
        summary_scroll.viewport().setAutoFillBackground(False)
        summary_scroll.setStyleSheet("background: transparent;")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        preview_step = QWidget()
        preview_layout = QVBoxLayout(preview_step)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(summary_scroll, 1)
        preview_layout.addWidget(self.again)
        self.steps.addWidget(preview_step)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.go_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.choose_button.clicked.connect(self._choose_folder)
        self.show_password.toggled.connect(self._show_password)
        self.go_button.clicked.connect(self._go)
        self.back_button.clicked.connect(self._back)
        self.cancel_button.clicked.connect(self.reject)
        self._show_step(0)
        self._set_busy(False)

    @property
    def is_busy(self) -> bool:
        return self._busy

    def _folder_path(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def _go(self) -> None:
        if self._busy:
            return
        if self.steps.currentIndex() == 0:
            self._check()
        else:
            self._import()

    def _check(self) -> None:
        if not self.folder.text().strip():
            self._show_error("Choose the handover folder first.")
            return
        if not self.password.text().strip():
            self._show_error("Type the password the sending clinician gave you.")
            return
        self._set_busy(True)
        self._calls.preview(
            self._folder_path(), self.password.text(), self._previewed, self._failed
        )

    def _previewed(self, preview: ImportPreview) -> None:
        self._set_busy(False)
        self.preview = preview
        self.summary.setText(preview_html(preview, self._date_style))
        self.again.setChecked(False)
        self.again.setVisible(bool(preview.imported_before))
        self._show_step(1)

    def _import(self) -> None:
        again = self.again.isChecked()
        if self.preview is not None and self.preview.imported_before and not again:
            self._show_error(
                "This handover is already in your vault. Tick “Import it again” to make a "
                "second copy, or Cancel."
            )
            return
        self._set_busy(True)
        self._calls.import_(
            self._folder_path(), self.password.text(), self._done, self._failed, again
        )

    def _done(self, client: Client) -> None:
        self._set_busy(False)
        self.imported = client
        self.password.clear()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_error(messages.describe_error(error))

    def _back(self) -> None:
        self._show_step(0)

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.error.hide()
        self.back_button.setVisible(step == 1)
        self.go_button.setText("Check handover" if step == 0 else "Import")
        if step == 0:
            self.password.setFocus()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        if busy:
            self.error.hide()
        for widget in (self.folder, self.choose_button, self.password, self.go_button):
            widget.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)

    def _choose_folder(self) -> None:
        start = self.folder.text().strip() or str(documents_folder())
        chosen = QFileDialog.getExistingDirectory(self, "The handover folder", start)
        if chosen:
            self.folder.setText(chosen)

    def reject(self) -> None:
        if self._busy:
            return  # the vault call finishes in a moment
        self.password.clear()
        super().reject()

    @classmethod
    def import_handover(
        cls,
        parent: QWidget | None,
        calls: HandoverCalls,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> Client | None:
        dialog = cls(calls, date_style, parent)
        dialog.exec()
        return dialog.imported
