"""File › Export calendar: which dates, how clients are named, and where the .ics goes.

Full names never leave the vault: events carry the therapist's label, with initials if chosen.
The dialog returns plain data; the export itself runs on the database worker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming, calendar_title
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, to_qdate
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
from alliance_desktop.ui.export_folders import documents_folder
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

DEFAULT_WEEKS_AHEAD = 13  # about three months of diary
EXAMPLE_NAME = "Margaret Okonkwo-Lee"  # shown only as initials in the preview
_PRIVACY_NOTE = (
    "Only dates, times, how and what kind of session, whether it took place, and your label go "
    "into the file — never full names or notes. "
    "The file itself is not encrypted: import it into your calendar, then delete it."
)


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    first_day: dt.date
    last_day: dt.date
    naming: CalendarNaming
    label: str


def _default_path() -> Path:
    return documents_folder() / "therapy-sessions.ics"


class CalendarExportDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        request: ExportRequest | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export calendar")
        self.setMinimumWidth(560)
        self._result: ExportRequest | None = None
        self.messages = FieldMessages()

        self.first_day = make_date_edit(date_style)
        self.last_day = make_date_edit(date_style)
        self.by_initials = QRadioButton("Label and initials")
        self.by_label = QRadioButton("Label only (no initials)")
        self._naming = QButtonGroup(self)
        self._naming.addButton(self.by_initials)
        self._naming.addButton(self.by_label)
        self.label = QLineEdit()
        self.label.setPlaceholderText(DEFAULT_LABEL)
        self.label.setMaxLength(60)
        self.preview = QLabel()
        self.preview.setObjectName("quietNote")
        self.path = QLineEdit()
        self.choose_button = QPushButton("Choose…")
        self.buttons = DialogButtons(self, "Export")
        self.save_button = self.buttons.save_button

        intro = QLabel(
            "Write your sessions to an iCalendar (.ics) file for the calendar on your phone or "
            "laptop. Each session keeps its own identity, so importing a later export updates "
            "the sessions already there instead of adding copies, and cancelled ones show as "
            "cancelled. To keep a file up to date by itself, see Edit › Preferences…"
        )
        intro.setWordWrap(True)
        note = QLabel(_PRIVACY_NOTE)
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        dates = QHBoxLayout()
        dates.addWidget(self.first_day)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.last_day)
        dates.addStretch(1)
        dates_box = QWidget()
        dates_column = QVBoxLayout(dates_box)
        dates_column.setContentsMargins(0, 0, 0, 0)
        dates_column.setSpacing(2)
        dates_column.addLayout(dates)
        dates_column.addWidget(self.messages.message_label("last_day", self.last_day))
        naming = QVBoxLayout()
        naming.addWidget(self.by_initials)
        naming.addWidget(self.by_label)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        file_box = QWidget()
        file_column = QVBoxLayout(file_box)
        file_column.setContentsMargins(0, 0, 0, 0)
        file_column.setSpacing(2)
        file_column.addLayout(file_row)
        file_column.addWidget(self.messages.message_label("path", self.path))
        form = QFormLayout()
        form.addRow("Sessions from", dates_box)
        form.addRow("Event titles", naming)
        form.addRow("Label", self.label)
        form.addRow("", self.preview)
        form.addRow("Save as", file_box)
        frame_dialog(self, [intro, 6, form, note], self.buttons)

        self.by_initials.toggled.connect(self._update_preview)
        self.label.textChanged.connect(self._update_preview)
        self.choose_button.clicked.connect(self._choose_file)
        self._fill(today, request)

    def _fill(self, today: dt.date, request: ExportRequest | None) -> None:
        first = request.first_day if request else today
        last = request.last_day if request else today + dt.timedelta(weeks=DEFAULT_WEEKS_AHEAD)
        self.first_day.setDate(to_qdate(first))
        self.last_day.setDate(to_qdate(last))
        naming = request.naming if request else CalendarNaming.INITIALS
        (self.by_initials if naming is CalendarNaming.INITIALS else self.by_label).setChecked(True)
        self.label.setText(request.label if request else DEFAULT_LABEL)
        self.path.setText(str(request.path if request else _default_path()))
        self._update_preview()

    def _naming_chosen(self) -> CalendarNaming:
        return CalendarNaming.INITIALS if self.by_initials.isChecked() else CalendarNaming.LABEL

    def _update_preview(self, *_signal_args: object) -> None:
        title = calendar_title(EXAMPLE_NAME, self._naming_chosen(), self.label.text())
        self.preview.setText(f"A session with {EXAMPLE_NAME} shows as “{title}”.")

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export calendar to", self.path.text(), "iCalendar files (*.ics)"
        )
        if path:
            self.path.setText(path)

    def request(self) -> ExportRequest | None:
        """What was chosen, or None with the problems shown at their fields."""
        problems: dict[str, str] = {}
        first, last = from_qdate(self.first_day.date()), from_qdate(self.last_day.date())
        if last < first:
            problems["last_day"] = "The last day must not be before the first."
        text = self.path.text().strip()
        path = Path(text).expanduser() if text else None
        if path is None:
            problems["path"] = "Choose where to save the file."
        elif path.is_dir():
            problems["path"] = "That is a folder; add a file name, e.g. sessions.ics."
        elif not path.parent.is_dir():
            problems["path"] = f"The folder {path.parent} does not exist."
        self.messages.show(problems)
        if problems or path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        return ExportRequest(path, first, last, self._naming_chosen(), self.label.text().strip())

    def accept(self) -> None:
        self._result = self.request()
        if self._result is not None:
            super().accept()

    def result_request(self) -> ExportRequest | None:
        return self._result

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        request: ExportRequest | None = None,
        problems: dict[str, str] | None = None,
    ) -> ExportRequest | None:
        dialog = cls(today, date_style, request, parent)
        if problems:
            dialog.messages.show(problems)
        dialog.exec()
        return dialog.result_request()
