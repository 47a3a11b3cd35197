"""The Preferences section for the calendar file kept up to date: on or off, where, and how
events are titled. Returns plain data (CalendarFilePreference)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming, calendar_title
from alliance_desktop.domain.diary_events import KEPT_MONTHS_AHEAD, KEPT_MONTHS_BACK
from alliance_desktop.ui.calendar_file_settings import CalendarFilePreference
from alliance_desktop.ui.widgets.field_messages import FieldMessages

EXAMPLE_NAME = "Margaret Okonkwo-Lee"
_WORDS = {2: "two", 3: "three", 6: "six", 12: "twelve", 18: "eighteen", 24: "twenty-four"}
_NOTE = (
    "Rewritten a moment after every change to the calendar, covering "
    f"{_WORDS[KEPT_MONTHS_BACK]} months back and {_WORDS[KEPT_MONTHS_AHEAD]} ahead. Subscribe "
    "to it in your calendar app (Thunderbird, GNOME Calendar, Outlook, Apple Calendar: see the "
    "README). Only times, how and what kind of session, and your label go in, never names or "
    "notes; the file itself is not encrypted."
)


def _default_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    documents = Path(folder) if folder else None
    return (documents if documents and documents.is_dir() else Path.home()) / (
        "practice-calendar.ics"
    )


class CalendarFileFields(QGroupBox):
    def __init__(self, preference: CalendarFilePreference, parent: QWidget | None = None):
        super().__init__("Calendar file for your calendar app", parent)
        self.messages = FieldMessages()
        self.enabled = QCheckBox("Keep a calendar file up to date on this computer")
        self.path = QLineEdit()
        self.choose_button = QPushButton("Choose…")
        self.naming = QComboBox()
        self.naming.addItem("Label and initials", CalendarNaming.INITIALS.value)
        self.naming.addItem("Label only (no initials)", CalendarNaming.LABEL.value)
        self.label = QLineEdit()
        self.label.setPlaceholderText(DEFAULT_LABEL)
        self.label.setMaxLength(60)
        self.preview = QLabel()
        self.preview.setObjectName("quietNote")
        note = QLabel(_NOTE)
        note.setObjectName("quietNote")
        note.setWordWrap(True)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        file_box = QWidget()
        file_column = QVBoxLayout(file_box)
        file_column.setContentsMargins(0, 0, 0, 0)
        file_column.setSpacing(2)
        file_column.addLayout(file_row)
        file_column.addWidget(self.messages.message_label("path", self.path))
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("File", file_box)
        form.addRow("Event titles", self.naming)
        form.addRow("Label", self.label)
        form.addRow("", self.preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.details)
        layout.addWidget(note)

        self.enabled.toggled.connect(self._show_enabled)
        self.naming.currentIndexChanged.connect(self._update_preview)
        self.label.textChanged.connect(self._update_preview)
        self.choose_button.clicked.connect(self._choose_file)
        self._fill(preference)

    def _fill(self, preference: CalendarFilePreference) -> None:
        self.enabled.setChecked(preference.enabled)
        self.path.setText(str(preference.path or _default_path()))
        self.naming.setCurrentIndex(max(0, self.naming.findData(preference.naming.value)))
        self.label.setText(preference.label)
        self._show_enabled(preference.enabled)
        self._update_preview()

    def _show_enabled(self, on: bool) -> None:
        self.details.setEnabled(on)

    def _naming_chosen(self) -> CalendarNaming:
        chosen = self.naming.currentData()
        return (
            CalendarNaming.LABEL
            if chosen == CalendarNaming.LABEL.value
            else CalendarNaming.INITIALS
        )

    def _update_preview(self, *_signal_args: object) -> None:
        title = calendar_title(EXAMPLE_NAME, self._naming_chosen(), self.label.text())
        self.preview.setText(f"A session with {EXAMPLE_NAME} shows as “{title}”.")

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Keep the calendar file at", self.path.text(), "iCalendar files (*.ics)"
        )
        if path:
            self.path.setText(path)

    def preference(self) -> CalendarFilePreference | None:
        """What was chosen, or None with the problem shown under the file."""
        problems: dict[str, str] = {}
        text = self.path.text().strip()
        path = Path(text).expanduser() if text else None
        on = self.enabled.isChecked()
        if path is not None and path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        if on:
            if path is None:
                problems["path"] = "Choose where to keep the file."
            elif path.is_dir():
                problems["path"] = "That is a folder; add a file name, e.g. practice.ics."
            elif not path.parent.is_dir():
                problems["path"] = f"The folder {path.parent} does not exist."
        self.messages.show(problems)
        if problems:
            return None
        return CalendarFilePreference(on, path, self._naming_chosen(), self.label.text().strip())
