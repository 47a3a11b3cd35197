"""The first tab of a client's overview: who they are, what matters to them, consent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.tasks import TaskRunner


class ProfileTab(QWidget):
    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for key, label in (
            ("pronouns", "Pronouns"),
            ("born", "Date of birth"),
            ("contact", "Contact"),
            ("referral", "Referred by"),
            ("values", "What matters to them"),
            ("concerns", "Presenting concerns"),
            ("consent", "Consent"),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(scroll)

    def show_client(self, client_id: int | None) -> None:
        if client_id is None:
            for label in self.fields.values():
                label.clear()
            return
        self._tasks.submit(lambda: self._practice.client(client_id), self._show)

    def _show(self, client: Client) -> None:
        style = self.date_style
        contact = client.contact
        consents = [
            f"{c.kind.label}: {short_date(c.given_on, style)}"
            + (f" — {c.scope}" if c.scope else "")
            + (f" (withdrawn {short_date(c.withdrawn_on, style)})" if c.withdrawn_on else "")
            for c in client.consents
        ]
        texts = {
            "pronouns": client.pronouns,
            "born": short_date(client.date_of_birth, style) if client.date_of_birth else "",
            "contact": "\n".join(v for v in (contact.phone, contact.email, contact.address) if v),
            "referral": client.referral_source,
            "values": "\n".join(f"• {value}" for value in client.values),
            "concerns": "\n".join(f"• {concern}" for concern in client.concerns),
            "consent": "\n".join(consents),
        }
        for key, text in texts.items():
            self.fields[key].setText(text or "—")
