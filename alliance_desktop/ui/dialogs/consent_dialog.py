"""One consent record: what was consented to, when, and (if so) when it was withdrawn."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from alliance_desktop.domain.client import ConsentKind, ConsentRecord
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.share_consent import (
    ShareCategory,
    format_share_scope,
    parse_share_scope,
)
from alliance_desktop.ui.date_formats import from_qdate, to_qdate
from alliance_desktop.ui.dialogs.dialog_frame import DialogButtons, frame_dialog
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
        # Informed consent: the limits of confidentiality were explained (flagged if not).
        self.limits_explained = QCheckBox("Limits of confidentiality explained")
        self.limits_explained.setToolTip(
            "When you would share without consent: risk to the client or others, "
            "safeguarding, a court order"
        )
        # Consent to share a handover: the categories the client agreed to, never free text.
        self.categories: dict[ShareCategory, QCheckBox] = {}
        self.categories_box = QWidget()
        grid = QGridLayout(self.categories_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, category in enumerate(ShareCategory):
            box = QCheckBox(category.label)
            self.categories[category] = box
            grid.addWidget(box, index // 2, index % 2)
        self.categories_message = QLabel()
        self.categories_message.setObjectName("fieldMessage")
        self.categories_message.setWordWrap(True)
        self.categories_message.hide()
        note = QLabel(
            "A withdrawn consent stays on record with the date it was withdrawn, "
            "so the history of what was agreed is never lost."
        )
        note.setObjectName("quietNote")
        note.setWordWrap(True)
        self.buttons = DialogButtons(self, accept=QDialogButtonBox.StandardButton.Ok)

        form = QFormLayout()
        form.addRow("Kind", self.kind)
        form.addRow("Given on", self.given_on)
        form.addRow("Scope", self.scope)
        form.addRow("", self.limits_explained)
        form.addRow("May be shared", self.categories_box)
        form.addRow("", self.categories_message)
        self._form = form
        form.addRow("Withdrawal", self.withdrawn_on)
        frame_dialog(self, [form, note], self.buttons)

        self.kind.currentIndexChanged.connect(lambda _index: self._show_kind())

        self._fill(consent, today)
        self._show_kind()

    def consent(self) -> ConsentRecord:
        kind = ConsentKind(self.kind.currentData())
        scope = self.scope.toPlainText().strip()
        if kind is ConsentKind.HANDOVER_SHARING:
            ticked = frozenset(c for c, box in self.categories.items() if box.isChecked())
            scope = format_share_scope(ticked) if ticked else ""
        return ConsentRecord(
            kind=kind,
            given_on=from_qdate(self.given_on.date()),
            scope=scope,
            withdrawn_on=self.withdrawn_on.date(),
            limits_explained=kind is ConsentKind.INFORMED_CONSENT
            and self.limits_explained.isChecked(),
        )

    def accept(self) -> None:
        consent = self.consent()
        if consent.kind is ConsentKind.HANDOVER_SHARING and not consent.scope:
            self.categories_message.setText(
                "Tick what the client agreed may be shared; a handover exports only these."
            )
            self.categories_message.show()
            return
        super().accept()

    def _show_kind(self) -> None:
        kind = ConsentKind(self.kind.currentData())
        sharing = kind is ConsentKind.HANDOVER_SHARING
        self._form.setRowVisible(self.scope, not sharing)
        self._form.setRowVisible(self.categories_box, sharing)
        self._form.setRowVisible(self.limits_explained, kind is ConsentKind.INFORMED_CONSENT)
        if not sharing:
            self.categories_message.hide()

    def _fill(self, consent: ConsentRecord | None, today: dt.date) -> None:
        if consent is None:
            self.given_on.setDate(to_qdate(today))
            return
        self.kind.setCurrentIndex(self.kind.findData(consent.kind))
        self.given_on.setDate(to_qdate(consent.given_on))
        self.scope.setPlainText(consent.scope)
        self.withdrawn_on.set_date(consent.withdrawn_on)
        self.limits_explained.setChecked(consent.limits_explained)
        if consent.kind is ConsentKind.HANDOVER_SHARING:
            try:
                agreed = parse_share_scope(consent.scope)
            except InvalidInput:
                agreed = frozenset()  # written as free text before categories: tick again
            for category, box in self.categories.items():
                box.setChecked(category in agreed)

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
