"""The first two pages of the handover wizard: who receives the record, and the client's consent
with the reason for the transfer.

Each page checks its own fields with the domain's rules (`check_handover_details`) when Next is
pressed and shows the problems under the fields; the consent page cannot be left until the
clinician confirms the client agreed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from alliance_desktop.domain.client import Client, ConsentKind, ConsentRecord
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover import HandoverDetails, check_handover_details
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.share_consent import (
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)
from alliance_desktop.ui.date_formats import from_qdate, short_date, to_qdate
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

DetailsSource = Callable[[], HandoverDetails]


def note_label(text: str, name: str = "quietNote") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def fit_default_button(button: QAbstractButton, text: str) -> None:
    """Wide enough for `text` in the bold face the style sheet gives default buttons (Qt sizes
    buttons with the plain face, which cut "Check handover" short). The app style sheet's
    min-width would override setMinimumWidth, so this is a style sheet too."""
    button.ensurePolished()
    bold = QFont(button.font())
    bold.setBold(True)
    button.setStyleSheet(f"min-width: {QFontMetrics(bold).horizontalAdvance(text) + 8}px;")


def text_box(placeholder: str, height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


def problems_in(details: HandoverDetails, today: dt.date) -> dict[str, str]:
    try:
        check_handover_details(details, today)
    except InvalidInput as error:
        return error.problems
    return {}


class ReceiverPage(QWizardPage):
    """The receiving clinician and the date of the handover."""

    FIELDS = ("receiver_name", "receiver_organisation", "receiver_contact", "handed_over_on")

    def __init__(self, today: dt.date, date_style: DateStyle, details: DetailsSource) -> None:
        super().__init__()
        self._today = today
        self._details = details
        self.setTitle("Who will receive the record?")
        self.setSubTitle("The clinician who continues the work. Their details go into the record.")
        self.messages = FieldMessages()
        self.receiver_name = QLineEdit()
        self.receiver_name.setPlaceholderText("e.g. Dr Kwame Mensah")
        self.receiver_organisation = QLineEdit()
        self.receiver_organisation.setPlaceholderText("Practice or service (optional)")
        self.receiver_contact = text_box("Phone, email or address (optional)", 56)
        self.handed_over_on = make_date_edit(date_style)
        self.handed_over_on.setDate(to_qdate(today))

        form = QFormLayout()
        form.addRow("Name", self.messages.wrap("receiver_name", self.receiver_name))
        form.addRow(
            "Organisation",
            self.messages.wrap("receiver_organisation", self.receiver_organisation),
        )
        form.addRow("Contact", self.messages.wrap("receiver_contact", self.receiver_contact))
        form.addRow("Handover date", self.messages.wrap("handed_over_on", self.handed_over_on))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        problems = problems_in(self._details(), self._today)
        mine = {field: text for field, text in problems.items() if field in self.FIELDS}
        self.messages.show(mine)
        return not mine


class ConsentPage(QWizardPage):
    """The client's consent to this transfer (required) and the reason for it."""

    FIELDS = ("consent_given_on", "consent_scope", "reason")

    def __init__(
        self,
        client: Client,
        today: dt.date,
        date_style: DateStyle,
        details: DetailsSource,
    ) -> None:
        super().__init__()
        self._today = today
        self._details = details
        name = client.display_name
        self.setTitle("The client's consent")
        self.setSubTitle(
            f"A record leaves your practice only with {name}'s agreement. Note when they gave "
            "it and what they agreed may be passed on."
        )
        self.messages = FieldMessages()
        self.agreed = QCheckBox(f"{name} has agreed to this transfer of their record")
        self.consent_given_on = make_date_edit(date_style)
        self.consent_given_on.setDate(to_qdate(today))
        self.scope_boxes = {category: QCheckBox(category.label) for category in ShareCategory}
        self.consent_scope = QWidget()  # the categories they agreed to share, one box each
        scope_column = QVBoxLayout(self.consent_scope)
        scope_column.setContentsMargins(0, 0, 0, 0)
        scope_column.setSpacing(2)
        for box in self.scope_boxes.values():
            scope_column.addWidget(box)
        self.reason = text_box("Why their care moves on, e.g. 'Moving to Leeds'")
        self.waiting_note = note_label(
            "You can go on once the client has agreed. Without their consent nothing is exported.",
            "fieldMessage",
        )
        self.prefill_note = note_label("")
        self.prefill_note.hide()

        form = QFormLayout()
        form.addRow(
            "Consent given on", self.messages.wrap("consent_given_on", self.consent_given_on)
        )
        form.addRow("What they agreed to", self.messages.wrap("consent_scope", self.consent_scope))
        form.addRow("Reason for the transfer", self.messages.wrap("reason", self.reason))
        layout = QVBoxLayout(self)
        layout.addWidget(self.agreed)
        layout.addWidget(self.waiting_note)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.prefill_note)
        layout.addStretch(1)

        self.agreed.toggled.connect(self._agreement_changed)
        self._prefill(client.consents, date_style)
        self._agreement_changed(False)

    def _prefill(self, consents: tuple[ConsentRecord, ...], date_style: DateStyle) -> None:
        """The latest handover consent in the client's profile, if one is still in force."""
        recorded = [
            c for c in consents if c.kind is ConsentKind.HANDOVER_SHARING and c.withdrawn_on is None
        ]
        if not recorded:
            return
        latest = max(recorded, key=lambda c: c.given_on)
        self.consent_given_on.setDate(to_qdate(latest.given_on))
        try:
            agreed = parse_share_scope(latest.scope)
        except InvalidInput:  # written before consent had categories: shown, not guessed
            agreed = frozenset()
        self.set_scope(agreed)
        recorded_as = "" if agreed else f' It reads "{latest.scope}": tick what it covers.'
        self.prefill_note.setText(
            "Filled in from the handover consent in their profile "
            f"({short_date(latest.given_on, date_style)}). Check it covers this transfer."
            + recorded_as
        )
        self.prefill_note.show()

    def set_scope(self, categories: frozenset[ShareCategory]) -> None:
        for category, box in self.scope_boxes.items():
            box.setChecked(category in categories)

    def scope_text(self) -> str:
        """`all` or the ticked categories (empty when none is ticked, which is refused)."""
        ticked = frozenset(c for c, box in self.scope_boxes.items() if box.isChecked())
        return format_share_scope(ticked) if ticked else ""

    def _agreement_changed(self, agreed: bool) -> None:
        for widget in (self.consent_given_on, self.consent_scope, self.reason):
            widget.setEnabled(agreed)
        self.waiting_note.setVisible(not agreed)
        emit(self.completeChanged)

    def isComplete(self) -> bool:
        return self.agreed.isChecked()

    def validatePage(self) -> bool:
        if not self.agreed.isChecked():
            self.waiting_note.show()
            return False
        problems = problems_in(self._details(), self._today)
        mine = {field: text for field, text in problems.items() if field in self.FIELDS}
        self.messages.show(mine)
        return not mine


def details_from(receiver: ReceiverPage, consent: ConsentPage) -> HandoverDetails:
    """What the two pages hold, as typed (the domain trims it when checking)."""
    return HandoverDetails(
        receiver_name=receiver.receiver_name.text(),
        receiver_organisation=receiver.receiver_organisation.text(),
        receiver_contact=receiver.receiver_contact.toPlainText(),
        handed_over_on=from_qdate(receiver.handed_over_on.date()),
        consent_given_on=from_qdate(consent.consent_given_on.date()),
        consent_scope=consent.scope_text(),
        reason=consent.reason.toPlainText(),
    )
