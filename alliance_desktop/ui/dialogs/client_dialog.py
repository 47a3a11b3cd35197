"""The client record editor. It returns a checked Client (or None); it never saves."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import (
    Client,
    ClientStatus,
    ContactDetails,
    check_client,
)
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.dialogs.consent_list import ConsentList
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, form_message, frame_dialog
from alliance_desktop.ui.draft_keeper import keep_drafts
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit

_COMMON_PRONOUNS = ("", "she/her", "he/him", "they/them")


def _multiline(placeholder: str, height: int, grows: bool = False) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    # Tab moves on to the next field, as in every other field of the form.
    edit.setTabChangesFocus(True)
    if grows:
        edit.setMinimumHeight(height)
    else:
        # A fixed height keeps the form rows tight instead of spreading them apart.
        edit.setFixedHeight(height)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return edit


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(edit.toPlainText().splitlines())


class ClientDialog(QDialog):
    """Tabs: Details, Contact, Values & concerns, Consent.

    Later parts of the record (sessions, goals, ruptures, ending) get their own tabs by adding
    a page in `_build_tabs`; the dialog's contract (a Client in, a Client or None out) stays.
    """

    def __init__(
        self,
        client: Client | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = client
        self._today = today
        self._result: Client | None = None
        self.setWindowTitle(f"{client.display_name} — client record" if client else "New client")
        self.setMinimumSize(720, 560)

        self.tabs = QTabWidget()
        self.messages = FieldMessages(self.tabs)
        self.general_message = form_message()

        self.name = QLineEdit()
        self.name.setPlaceholderText("Full name, as the client gives it (required)")
        self.preferred_name = QLineEdit()
        self.preferred_name.setPlaceholderText("What they like to be called, if different")
        self.pronouns = QComboBox()
        self.pronouns.setEditable(True)
        self.pronouns.addItems(_COMMON_PRONOUNS)
        self.date_of_birth = OptionalDateEdit("Known", date_style, dt.date(1990, 1, 1))
        self.start_date = OptionalDateEdit("Started", date_style, today)
        self.status = QComboBox()
        for status in ClientStatus:
            self.status.addItem(status.label, status)
        self.referral_source = QLineEdit()
        self.referral_source.setPlaceholderText("e.g. GP, self-referral, employee assistance")

        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.phone = QLineEdit()
        self.address = _multiline("Postal address", 76)
        self.emergency_contact = _multiline("Name, relationship and phone number", 76)

        self.values = _multiline("e.g. being a steady parent\nhonesty", 110, grows=True)
        self.values.setAccessibleName("What matters to the client, one per line")
        self.concerns = _multiline("e.g. low mood since a redundancy\npoor sleep", 110, grows=True)
        self.concerns.setAccessibleName("Presenting concerns, one per line")

        self.consents = ConsentList(today, date_style)

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        self._build_tabs()
        frame_dialog(self, [self.tabs, self.general_message], self.buttons)

        self._fill(client)
        self.name.setFocus()
        self.drafts = keep_drafts(
            self,
            "client",
            client.id if client else None,
            client_id=client.id if client else None,
            title=self.windowTitle(),
        )

    # Building

    def _build_tabs(self) -> None:
        self.tabs.addTab(self._details_page(), "Details")
        self.tabs.addTab(self._contact_page(), "Contact")
        self.tabs.addTab(self._values_page(), "Values && concerns")
        self.tabs.addTab(self._consent_page(), "Consent")

    def _form_page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return page, form

    def _details_page(self) -> QWidget:
        page, form = self._form_page()
        wrap = self.messages.wrap
        form.addRow("Name", wrap("name", self.name))
        form.addRow("Preferred name", wrap("preferred_name", self.preferred_name))
        form.addRow("Pronouns", wrap("pronouns", self.pronouns))
        form.addRow("Date of birth", wrap("date_of_birth", self.date_of_birth))
        form.addRow("Start date", wrap("start_date", self.start_date))
        form.addRow("Status", self.status)
        form.addRow("Referral source", wrap("referral_source", self.referral_source))
        return page

    def _contact_page(self) -> QWidget:
        page, form = self._form_page()
        wrap = self.messages.wrap
        form.addRow("E-mail", wrap("contact.email", self.email))
        form.addRow("Phone", wrap("contact.phone", self.phone))
        form.addRow("Address", wrap("contact.address", self.address))
        form.addRow("Emergency contact", wrap("contact.emergency_contact", self.emergency_contact))
        return page

    def _values_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("<b>What matters to the client</b>"))
        layout.addWidget(
            _note(
                "Their values, in their own words, one per line. "
                "Goals are later checked against these."
            )
        )
        layout.addWidget(self.messages.wrap("values", self.values), 1)
        layout.addSpacing(8)
        layout.addWidget(QLabel("<b>Presenting concerns</b>"))
        layout.addWidget(_note("What brings them to therapy, one per line."))
        layout.addWidget(self.messages.wrap("concerns", self.concerns), 1)
        return page

    def _consent_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _note(
                "When the client gave consent and to what. Record withdrawals with their "
                "date rather than removing the record."
            )
        )
        layout.addWidget(self.consents, 1)
        layout.addWidget(self.messages.message_label("consents", self.consents.table))
        return page

    def _fill(self, client: Client | None) -> None:
        if client is None:
            self.start_date.set_date(self._today)
            return
        self.name.setText(client.name)
        self.preferred_name.setText(client.preferred_name)
        self.pronouns.setCurrentText(client.pronouns)
        self.date_of_birth.set_date(client.date_of_birth)
        self.start_date.set_date(client.start_date)
        self.status.setCurrentIndex(self.status.findData(client.status))
        self.referral_source.setText(client.referral_source)
        self.email.setText(client.contact.email)
        self.phone.setText(client.contact.phone)
        self.address.setPlainText(client.contact.address)
        self.emergency_contact.setPlainText(client.contact.emergency_contact)
        self.values.setPlainText("\n".join(client.values))
        self.concerns.setPlainText("\n".join(client.concerns))
        self.consents.set_records(client.consents)

    # Reading back

    def client_from_fields(self) -> Client:
        """The record as typed, before checking; keeps id and archive state of the original."""
        base = self._original or Client(name="")
        return replace(
            base,
            name=self.name.text(),
            preferred_name=self.preferred_name.text(),
            pronouns=self.pronouns.currentText(),
            date_of_birth=self.date_of_birth.date(),
            start_date=self.start_date.date(),
            status=ClientStatus(self.status.currentData()),
            referral_source=self.referral_source.text(),
            contact=ContactDetails(
                email=self.email.text(),
                phone=self.phone.text(),
                address=self.address.toPlainText(),
                emergency_contact=self.emergency_contact.toPlainText(),
            ),
            values=_lines(self.values),
            concerns=_lines(self.concerns),
            consents=self.consents.records(),
        )

    def result_client(self) -> Client | None:
        return self._result

    def accept(self) -> None:
        try:
            checked = check_client(self.client_from_fields(), self._today)
        except InvalidInput as error:
            self._show_problems(error.problems)
            return
        self._result = checked
        super().accept()

    def _show_problems(self, problems: dict[str, str]) -> None:
        readable = {field: self._with_context(field, text) for field, text in problems.items()}
        unplaced = self.messages.show(readable)
        self.general_message.setText("\n".join(unplaced.values()))
        self.general_message.setVisible(bool(unplaced))
        consent_rows = [f for f in problems if f.startswith("consents.")]
        if consent_rows:
            self.consents.select_row(int(consent_rows[0].split(".")[1]))

    @staticmethod
    def _with_context(field: str, text: str) -> str:
        """'consents.1.withdrawn_on' needs to say which record; other messages stand alone."""
        parts = field.split(".")
        if parts[0] == "consents" and len(parts) > 1 and parts[1].isdigit():
            return f"Consent record {int(parts[1]) + 1}: {text}"
        return text

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        client: Client | None,
        today: dt.date | None = None,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> Client | None:
        """Open the editor; return the checked client to save, or None if cancelled."""
        dialog = cls(client, today or dt.date.today(), date_style, parent)
        dialog.exec()
        return dialog.result_client()
