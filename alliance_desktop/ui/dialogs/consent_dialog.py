"""One consent record: what was consented to, when, and (if so) when it was withdrawn."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import ConsentKind, ConsentRecord
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, to_qdate
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit, make_date_edit


class ConsentDialog(QDialog):
    def __init__(
        self,
        consent: ConsentRecord | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Consent record" if consent else "Add consent record")
        self.setMinimumWidth(460)

        self.kind = QComboBox()
        for kind in ConsentKind:
            self.kind.addItem(kind.label, kind)
        self.given_on = make_date_edit(date_style)
        self.scope = QPlainTextEdit()
        self.scope.setPlaceholderText(
            "What the client agreed to, e.g. 'therapy and session notes' or "
            "'handover summary to Dr Rao'"
        )
        self.scope.setTabChangesFocus(True)
        self.scope.setFixedHeight(72)
        self.withdrawn_on = OptionalDateEdit("Withdrawn", date_style, today)
        note = QLabel(
            "A withdrawn consent stays on record with the date it was withdrawn, "
            "so the history of what was agreed is never lost."
        )
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        form = QFormLayout()
        form.addRow("Kind", self.kind)
        form.addRow("Given on", self.given_on)
        form.addRow("Scope", self.scope)
        form.addRow("Withdrawal", self.withdrawn_on)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._fill(consent, today)

    def consent(self) -> ConsentRecord:
        return ConsentRecord(
            kind=ConsentKind(self.kind.currentData()),
            given_on=from_qdate(self.given_on.date()),
            scope=self.scope.toPlainText().strip(),
            withdrawn_on=self.withdrawn_on.date(),
        )

    def _fill(self, consent: ConsentRecord | None, today: dt.date) -> None:
        if consent is None:
            self.given_on.setDate(to_qdate(today))
            return
        self.kind.setCurrentIndex(self.kind.findData(consent.kind))
        self.given_on.setDate(to_qdate(consent.given_on))
        self.scope.setPlainText(consent.scope)
        self.withdrawn_on.set_date(consent.withdrawn_on)

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        consent: ConsentRecord | None,
        today: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    ) -> ConsentRecord | None:
        dialog = cls(consent, today, date_style, parent)
        return dialog.consent() if dialog.exec() == QDialog.DialogCode.Accepted else None
