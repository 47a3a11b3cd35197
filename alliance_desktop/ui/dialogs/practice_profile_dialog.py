"""The practice profile: who the clinician is, for letterheads, and a few defaults."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import (
    DateStyle,
    PaperSize,
    PracticeProfile,
    check_practice_profile,
)
from alliance_desktop.ui.date_formats import date_style_label
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, first_size, frame_dialog
from alliance_desktop.ui.widgets.crisis_contacts_editor import (
    CrisisContactsEditor,
    contact_problems,
)
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.quiet_scroll import quiet_scroll


class PracticeProfileDialog(QDialog):
    def __init__(self, profile: PracticeProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Practice profile")
        self.setMinimumWidth(560)
        # 680 wide: crisis contacts read whole (a service's name, its hours); see first_size.
        self._result: PracticeProfile | None = None
        self.messages = FieldMessages()

        intro = QLabel(
            "These details appear on the letterhead of reports you print or send, "
            "and set a few defaults. They are stored inside your encrypted vault."
        )
        intro.setObjectName("quietNote")
        intro.setWordWrap(True)

        self.clinician_name = QLineEdit()
        self.clinician_name.setPlaceholderText("e.g. Dr Alex Morgan")
        self.credentials = QLineEdit()
        self.credentials.setPlaceholderText("e.g. Clinical Psychologist, HCPC PYL01234")
        self.practice_name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(72)
        self.address.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.org")
        self.website = QLineEdit()
        self.session_minutes = QSpinBox()
        self.session_minutes.setRange(10, 240)
        self.session_minutes.setSingleStep(5)
        self.session_minutes.setSuffix(" minutes")
        self.date_style = QComboBox()
        for style in DateStyle:
            self.date_style.addItem(date_style_label(style), style)
        self.paper_size = QComboBox()
        for size in PaperSize:
            self.paper_size.addItem(size.value, size)

        self.crisis_contacts = CrisisContactsEditor()
        self.crisis_contacts.setToolTip(
            "Printed on the safety plan and wherever a client page says what to do if things "
            "get worse"
        )

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        wrap = self.messages.wrap
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Clinician", wrap("clinician_name", self.clinician_name))
        form.addRow("Credentials", wrap("credentials", self.credentials))
        form.addRow("Practice name", wrap("practice_name", self.practice_name))
        form.addRow("Address", wrap("address", self.address))
        form.addRow("Phone", wrap("phone", self.phone))
        form.addRow("E-mail", wrap("email", self.email))
        form.addRow("Website", wrap("website", self.website))
        form.addRow("Session length", wrap("default_session_minutes", self.session_minutes))
        form.addRow("Dates", self.date_style)
        form.addRow("Paper size", self.paper_size)
        form.addRow("Crisis contacts", wrap("crisis_contacts", self.crisis_contacts))
        # The form scrolls on a short screen rather than pushing Save off the bottom of it.
        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        scroll = quiet_scroll(fields)
        layout = frame_dialog(self, [intro, 6, scroll], self.buttons)
        layout.setStretchFactor(scroll, 1)
        self.setMinimumHeight(420)
        first_size(self, 680, min(fields.sizeHint().height() + 170, 800))

        self._fill(profile)

    def _fill(self, profile: PracticeProfile) -> None:
        self.clinician_name.setText(profile.clinician_name)
        self.credentials.setText(profile.credentials)
        self.practice_name.setText(profile.practice_name)
        self.address.setPlainText(profile.address)
        self.phone.setText(profile.phone)
        self.email.setText(profile.email)
        self.website.setText(profile.website)
        self.session_minutes.setValue(profile.default_session_minutes)
        self.date_style.setCurrentIndex(self.date_style.findData(profile.date_style))
        self.paper_size.setCurrentIndex(self.paper_size.findData(profile.paper_size))
        self.crisis_contacts.set_contacts(profile.crisis_contacts)

    def profile_from_fields(self) -> PracticeProfile:
        return PracticeProfile(
            clinician_name=self.clinician_name.text(),
            credentials=self.credentials.text(),
            practice_name=self.practice_name.text(),
            address=self.address.toPlainText(),
            phone=self.phone.text(),
            email=self.email.text(),
            website=self.website.text(),
            default_session_minutes=self.session_minutes.value(),
            date_style=DateStyle(self.date_style.currentData()),
            paper_size=PaperSize(self.paper_size.currentData()),
            crisis_contacts=self.crisis_contacts.contacts(),
        )

    def result_profile(self) -> PracticeProfile | None:
        return self._result

    def accept(self) -> None:
        try:
            checked = check_practice_profile(self.profile_from_fields())
        except InvalidInput as error:
            self.messages.show(contact_problems(error.problems))
            return
        self._result = checked
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, profile: PracticeProfile) -> PracticeProfile | None:
        dialog = cls(profile, parent)
        dialog.exec()
        return dialog.result_profile()
