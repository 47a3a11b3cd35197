"""The left side of the Reports page: which client, which report, and its options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import from_qdate, qt_date_format, to_qdate
from alliance_desktop.ui.report_request import ReportKind, ReportRequest
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.views.reports.current_level_picker import CurrentLevelPicker
from alliance_desktop.ui.widgets.name_picker import fit_to_typical_names
from alliance_desktop.ui.widgets.optional_date_edit import make_date_edit

_CURRENT = (ClientStatus.INTAKE, ClientStatus.ACTIVE, ClientStatus.ENDING)
CHOOSE_A_CLIENT = "Choose a client…"


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


class ReportOptions(QWidget):
    changed = Signal()  # a choice that changes the report at once
    text_changed = Signal()  # typing: worth a pause before the preview follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = dt.date.today()
        self._pending_client: int | None = None

        self.client_picker = QComboBox()
        self.client_picker.setAccessibleName("Client the report is about")
        fit_to_typical_names(self.client_picker)
        self.client_picker.addItem(CHOOSE_A_CLIENT, None)

        self.kind_buttons = QButtonGroup(self)
        self.kind_radios: dict[ReportKind, QRadioButton] = {}
        for kind in ReportKind:
            radio = QRadioButton(kind.label)
            radio.setToolTip(kind.description)
            self.kind_radios[kind] = radio
            self.kind_buttons.addButton(radio)
        self.kind_radios[ReportKind.GOAL_REVIEW].setChecked(True)
        self.kind_note = _note(ReportKind.GOAL_REVIEW.description)

        # Goal review
        self.limit_period = QCheckBox("Only a period")
        self.limit_period.setToolTip("Unticked: from the start of the work until today")
        self.since = make_date_edit(DateStyle.DAY_MONTH_YEAR)
        self.since.setAccessibleName("Review from")
        self.until = make_date_edit(DateStyle.DAY_MONTH_YEAR)
        self.until.setAccessibleName("Review until")
        self.period_note = _note("From the start of the work until today.")
        self.next_focus = QPlainTextEdit()
        self.next_focus.setAccessibleName("What we will focus on next")
        self.next_focus.setPlaceholderText(
            "What we'll focus on next, in words you have agreed with the client"
        )
        self.next_focus.setTabChangesFocus(True)
        self.next_focus.setFixedHeight(84)
        self.next_focus.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.show_current = CurrentLevelPicker()
        self.show_current.hide()  # until the client's goals are loaded

        # Ending summary
        self.version_buttons = QButtonGroup(self)
        self.clinician_version = QRadioButton("Clinician version, for your file")
        self.client_copy = QRadioButton("Client copy, to give to the client")
        self.version_buttons.addButton(self.clinician_version)
        self.version_buttons.addButton(self.client_copy)
        self.clinician_version.setChecked(True)

        self.include_instruments = QCheckBox("Include instrument scores (e.g. PHQ-9, ORS)")
        self.include_instruments.setToolTip(
            "In a client's copy, only if you have talked the scores through with them"
        )
        self.accessible_copy = QCheckBox("Also save an accessible copy")
        self.accessible_copy.setToolTip(
            "Saved beside the PDF as a web page (.html) that a screen reader reads in order: "
            "headings, lists, tables and the charts in words"
        )
        self.plan_note = _note(
            "The plan as saved on the client's Ending tab. There are no options to choose."
        )

        self._build_layout()
        self._set_kind_visibility()
        self._show_period(False)

        self.client_picker.currentIndexChanged.connect(lambda _index: emit(self.changed))
        self.kind_buttons.buttonToggled.connect(self._kind_toggled)
        self.version_buttons.buttonToggled.connect(self._option_toggled)
        self.include_instruments.toggled.connect(lambda _on: emit(self.changed))
        self.limit_period.toggled.connect(self._period_toggled)
        self.since.dateChanged.connect(lambda _date: emit(self.changed))
        self.until.dateChanged.connect(lambda _date: emit(self.changed))
        self.next_focus.textChanged.connect(lambda: emit(self.text_changed))
        self.show_current.changed.connect(lambda: emit(self.changed))

    def _build_layout(self) -> None:
        kinds = QVBoxLayout()
        kinds.setSpacing(4)
        for radio in self.kind_radios.values():
            kinds.addWidget(radio)
        dates = QHBoxLayout()
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.since)
        self.period_dash = QLabel("to")
        dates.addWidget(self.period_dash)
        dates.addWidget(self.until)
        dates.addStretch(1)
        self.goal_review_options = QWidget()
        review = QFormLayout(self.goal_review_options)
        review.setContentsMargins(0, 0, 0, 0)
        review.addRow(self.limit_period, self.period_note)
        review.addRow("", dates)
        review.addRow(QLabel("What we'll focus on next"))
        review.addRow(self.next_focus)
        review.addRow(QLabel("Say “where you are now” for"))
        review.addRow(self.show_current)
        self.summary_options = QWidget()
        summary = QVBoxLayout(self.summary_options)
        summary.setContentsMargins(0, 0, 0, 0)
        summary.setSpacing(4)
        summary.addWidget(self.clinician_version)
        summary.addWidget(self.client_copy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(_section("Client"))
        layout.addWidget(self.client_picker)
        layout.addSpacing(6)
        layout.addWidget(_section("Report"))
        layout.addLayout(kinds)
        layout.addWidget(self.kind_note)
        layout.addSpacing(6)
        layout.addWidget(_section("Options"))
        layout.addWidget(self.goal_review_options)
        layout.addWidget(self.summary_options)
        layout.addWidget(self.plan_note)
        layout.addWidget(self.include_instruments)
        layout.addWidget(self.accessible_copy)

    # Public

    @property
    def kind(self) -> ReportKind:
        return next(kind for kind, radio in self.kind_radios.items() if radio.isChecked())

    @property
    def client_id(self) -> int | None:
        data = self.client_picker.currentData()
        return int(data) if data is not None else None

    def request(self) -> ReportRequest | None:
        """The report as chosen, or None while no client is chosen."""
        client_id = self.client_id
        if client_id is None:
            return None
        kind = self.kind
        if kind is ReportKind.GOAL_REVIEW:
            limited = self.limit_period.isChecked()
            return ReportRequest(
                client_id,
                kind,
                since=from_qdate(self.since.date()) if limited else None,
                until=from_qdate(self.until.date()) if limited else None,
                next_focus=self.next_focus.toPlainText(),
                include_instruments=self.include_instruments.isChecked(),
                hide_current=self.show_current.hidden_goal_ids(),
            )
        if kind is ReportKind.ENDING_SUMMARY:
            return ReportRequest(
                client_id,
                kind,
                client_copy=self.client_copy.isChecked(),
                include_instruments=self.include_instruments.isChecked(),
            )
        return ReportRequest(client_id, kind)

    def set_clients(self, clients: Sequence[ClientSummary], today: dt.date) -> None:
        """Fill the client list: clients being seen first, then the others, archived last."""
        self._today = today
        if not self.limit_period.isChecked():
            self._reset_period()
        chosen = self._pending_client if self._pending_client is not None else self.client_id
        self._pending_client = None
        self.client_picker.blockSignals(True)
        self.client_picker.clear()
        self.client_picker.addItem(CHOOSE_A_CLIENT, None)
        for summary in sorted(
            clients,
            key=lambda c: (c.archived, c.status not in _CURRENT, c.display_name.casefold()),
        ):
            suffix = "" if summary.status in _CURRENT else f" ({summary.status.label.lower()})"
            if summary.archived:
                suffix = " (archived)"
            self.client_picker.addItem(summary.display_name + suffix, summary.id)
        index = self.client_picker.findData(chosen) if chosen is not None else 0
        self.client_picker.setCurrentIndex(max(index, 0))
        self.client_picker.blockSignals(False)
        emit(self.changed)

    def preset(self, client_id: int, kind: ReportKind, client_copy: bool = False) -> None:
        """Choose the client and the report (from a button on the client's record)."""
        index = self.client_picker.findData(client_id)
        if index < 0:
            self._pending_client = client_id  # chosen once the client list has loaded
        self.kind_radios[kind].setChecked(True)
        (self.client_copy if client_copy else self.clinician_version).setChecked(True)
        if index >= 0:
            self.client_picker.setCurrentIndex(index)
        emit(self.changed)

    def set_date_style(self, style: DateStyle) -> None:
        for edit in (self.since, self.until):
            edit.setDisplayFormat(qt_date_format(style))

    # Internals

    def _kind_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._set_kind_visibility()
            emit(self.changed)

    def _option_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._set_kind_visibility()
            emit(self.changed)

    def _set_kind_visibility(self) -> None:
        kind = self.kind
        self.kind_note.setText(kind.description)
        self.goal_review_options.setVisible(kind is ReportKind.GOAL_REVIEW)
        self.summary_options.setVisible(kind is ReportKind.ENDING_SUMMARY)
        self.plan_note.setVisible(kind is ReportKind.ENDING_PLAN)
        self.include_instruments.setVisible(
            kind in (ReportKind.GOAL_REVIEW, ReportKind.ENDING_SUMMARY)
        )
        self.accessible_copy.setVisible(
            kind is ReportKind.GOAL_REVIEW
            or (kind is ReportKind.ENDING_SUMMARY and self.client_copy.isChecked())
        )

    def _period_toggled(self, limited: bool) -> None:
        self._show_period(limited)
        if not limited:
            self._reset_period()
        emit(self.changed)

    def _show_period(self, limited: bool) -> None:
        for widget in (self.since, self.period_dash, self.until):
            widget.setVisible(limited)
        self.period_note.setVisible(not limited)

    def _reset_period(self) -> None:
        """Three months up to today: a usual span between reviews, ready when ticked."""
        self.since.blockSignals(True)
        self.until.blockSignals(True)
        self.until.setDate(to_qdate(self._today))
        self.since.setDate(QDate(to_qdate(self._today)).addMonths(-3))
        self.since.blockSignals(False)
        self.until.blockSignals(False)
