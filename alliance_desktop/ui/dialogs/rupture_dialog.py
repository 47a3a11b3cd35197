"""The rupture-and-repair editor. It returns a checked RuptureEntry (or None); it never saves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_flags import CheckInPoint, check_ins_around
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
    check_rupture,
)
from alliance_desktop.domain.session import CalendarEntry
from alliance_desktop.ui.date_formats import from_qdate, short_date, to_qdate
from alliance_desktop.ui.dialogs.dialog_frame import (
    DialogButtons,
    first_size,
    form_message,
    frame_dialog,
)
from alliance_desktop.ui.draft_keeper import keep_drafts
from alliance_desktop.ui.rupture_wording import (
    KIND_DESCRIPTIONS,
    SIGNIFICANCE_WORDS,
    check_in_text,
    private_note,
)
from alliance_desktop.ui.widgets.field_messages import FieldMessages
from alliance_desktop.ui.widgets.marker_picker import MarkerPicker
from alliance_desktop.ui.widgets.optional_date_edit import OptionalDateEdit, make_date_edit
from alliance_desktop.ui.widgets.repair_picker import RepairPicker

CHOOSE_SIGNIFICANCE = "Choose how significant it felt, from 1 (slight) to 5 (threatens the work)."
FOLLOW_UP_AFTER_DAYS = 7
RECENT_SESSION = dt.timedelta(days=14)


def draft_rupture(client_id: int, today: dt.date) -> RuptureEntry:
    """A new, empty entry: significance 0 until the clinician chooses one."""
    return RuptureEntry(
        client_id=client_id,
        occurred_on=today,
        kind=RuptureKind.WITHDRAWAL,
        significance=0,
        raised_by=RaisedBy.CLINICIAN,
    )


def _scrolling(page: QWidget) -> QScrollArea:
    """A tab page that scrolls rather than squeezing its fields when messages appear."""
    scroll = QScrollArea()
    scroll.setObjectName("dialogPage")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


def session_text(session: CalendarEntry, style: DateStyle) -> str:
    return (
        f"{session.start:%a} {short_date(session.start.date(), style)} {session.start:%H:%M}"
        f" · {session.kind.label} · {session.status.label}"
    )


class RuptureDialog(QDialog):
    """Tabs: What happened, Repair. Shows the alliance check-ins either side of the date."""

    def __init__(
        self,
        entry: RuptureEntry,
        sessions: Sequence[CalendarEntry] = (),
        check_ins: Sequence[CheckInPoint] = (),
        today: dt.date | None = None,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        client_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = entry
        self._today = today or dt.date.today()
        self._style = date_style
        self._check_ins = list(check_ins)
        self._result: RuptureEntry | None = None
        what = "New rupture entry" if entry.id is None else "Rupture entry"
        self.setWindowTitle(f"{what} — {client_name}" if client_name else what)
        self.heading = QLabel(self.windowTitle())
        self.heading.setObjectName("dialogTitle")
        # The pages scroll: the first size fits a 720-pixel screen, the minimum a smaller one.
        self.setMinimumSize(760, 500)
        first_size(self, 820, 680)

        self.tabs = QTabWidget()
        self.messages = FieldMessages(self.tabs)
        self.general_message = form_message()

        self.occurred_on = make_date_edit(date_style)
        self.session = QComboBox()
        self.session.addItem("Not linked to a session", None)
        for session in sorted(sessions, key=lambda s: s.start, reverse=True):
            if session.start.date() <= self._today or session.session_id == entry.session_id:
                self.session.addItem(session_text(session, date_style), session.session_id)
        self._session_days = {s.session_id: s.start.date() for s in sessions}
        self._session_statuses = {s.session_id: s.status for s in sessions}
        self.kind = QComboBox()
        for kind in RuptureKind:
            self.kind.addItem(kind.label, kind)
        self.kind_note = QLabel()
        self.kind_note.setObjectName("quietNote")
        self.kind_note.setWordWrap(True)
        self.markers = MarkerPicker()
        self.significance = QButtonGroup(self)
        self.significance_row = QWidget()
        significance_layout = QHBoxLayout(self.significance_row)
        significance_layout.setContentsMargins(0, 0, 0, 0)
        for value, word in SIGNIFICANCE_WORDS.items():
            button = QRadioButton(f"{value} {word}")
            self.significance.addButton(button, value)
            significance_layout.addWidget(button)
        significance_layout.addStretch(1)
        self.raised_by = QButtonGroup(self)
        self.raised_by_client = QRadioButton("The client")
        self.raised_by_me = QRadioButton("I did")
        self.raised_by.addButton(self.raised_by_client)
        self.raised_by.addButton(self.raised_by_me)
        self.raised_by_row = QWidget()
        raised_layout = QHBoxLayout(self.raised_by_row)
        raised_layout.setContentsMargins(0, 0, 0, 0)
        raised_layout.addWidget(self.raised_by_client)
        raised_layout.addWidget(self.raised_by_me)
        raised_layout.addStretch(1)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What happened between you, in a few lines")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)

        self.repairs = RepairPicker()
        self.outcome = QComboBox()
        self.outcome.addItem("No repair tried yet", None)
        for outcome in RepairOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.follow_up = OptionalDateEdit(
            "Planned", date_style, self._today + dt.timedelta(days=FOLLOW_UP_AFTER_DAYS)
        )
        self.alliance_before = QLabel()
        self.alliance_after = QLabel()
        for label in (self.alliance_before, self.alliance_after):
            label.setWordWrap(True)

        self.buttons = DialogButtons(self)
        self.save_button = self.buttons.save_button

        self.tabs.addTab(_scrolling(self._what_happened_page()), "What happened")
        self.tabs.addTab(_scrolling(self._repair_page()), "Repair")
        body = [self.heading, private_note(), self.tabs, self.general_message]
        frame_dialog(self, body, self.buttons).setStretchFactor(self.tabs, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.session.currentIndexChanged.connect(self._session_changed)
        self.occurred_on.dateChanged.connect(self._show_alliance_around)

        self._fill(entry)
        self.drafts = keep_drafts(
            self, "rupture", entry.id, client_id=entry.client_id, title=self.windowTitle()
        )

    # Building

    def _what_happened_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.occurred_on)
        date_layout.addWidget(self.session, 1)
        form.addRow("Date and session", wrap("occurred_on", date_row))
        kind_box = QWidget()
        kind_layout = QVBoxLayout(kind_box)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.setSpacing(2)
        kind_layout.addWidget(self.kind)
        kind_layout.addWidget(self.kind_note)
        form.addRow("Kind", kind_box)
        form.addRow("Markers seen", wrap("markers", self.markers))
        form.addRow("Significance", wrap("significance", self.significance_row))
        form.addRow("Who raised it", self.raised_by_row)
        form.addRow("Note", wrap("note", self.note))
        return page

    def _repair_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        wrap = self.messages.wrap
        form.addRow("Strategies tried", wrap("repairs", self.repairs))
        form.addRow("Outcome", wrap("outcome", self.outcome))
        form.addRow("Follow-up", wrap("follow_up_on", self.follow_up))
        heading = QLabel("Alliance check-ins around this rupture")
        heading.setObjectName("sectionTitle")
        form.addRow(heading)
        form.addRow("Before", self.alliance_before)
        form.addRow("On or after", self.alliance_after)
        return page

    def _fill(self, entry: RuptureEntry) -> None:
        self.occurred_on.setDate(to_qdate(entry.occurred_on))
        self.kind.setCurrentIndex(self.kind.findData(entry.kind))
        self._kind_changed()
        self.markers.set_markers(entry.markers)
        session_index = self.session.findData(entry.session_id) if entry.session_id else 0
        self.session.blockSignals(True)  # keep the entry's own date, not the session's
        self.session.setCurrentIndex(max(session_index, 0))
        self.session.blockSignals(False)
        if entry.id is None and entry.session_id is None:
            self._suggest_latest_session()
        button = self.significance.button(entry.significance)
        if button is not None:
            button.setChecked(True)
        chosen = self.raised_by_client if entry.raised_by is RaisedBy.CLIENT else self.raised_by_me
        chosen.setChecked(True)
        self.note.setPlainText(entry.note)
        self.repairs.set_repairs(entry.repairs)
        self.outcome.setCurrentIndex(max(self.outcome.findData(entry.outcome), 0))
        self.follow_up.set_date(entry.follow_up_on)
        self._show_alliance_around()

    def _suggest_latest_session(self) -> None:
        """A rupture is mostly logged soon after the session: offer the latest recent one."""
        recent = [
            (day, session_id)
            for session_id, day in self._session_days.items()
            if dt.timedelta(0) <= self._today - day <= RECENT_SESSION
            and self.session.findData(session_id) > 0
            and self._session_statuses[session_id].takes_up_time
        ]
        if recent:
            self.session.setCurrentIndex(self.session.findData(max(recent)[1]))

    # Reacting

    def _kind_changed(self, *_args: object) -> None:
        kind = RuptureKind(self.kind.currentData())
        self.kind_note.setText(KIND_DESCRIPTIONS[kind])
        self.markers.set_kind(kind)

    def _session_changed(self, *_args: object) -> None:
        day = self._session_days.get(self.session.currentData())
        if day is not None:
            self.occurred_on.setDate(to_qdate(day))

    def _show_alliance_around(self, *_args: object) -> None:
        day = from_qdate(self.occurred_on.date())
        before, after = check_ins_around(day, self._check_ins)
        self.alliance_before.setText(check_in_text(before, self._style))
        self.alliance_after.setText(check_in_text(after, self._style))

    # Reading back

    def entry_from_fields(self) -> RuptureEntry:
        """The entry as typed, before checking; keeps the id and client of the original."""
        outcome = self.outcome.currentData()
        significance = self.significance.checkedId()
        return replace(
            self._original,
            occurred_on=from_qdate(self.occurred_on.date()),
            session_id=self.session.currentData(),
            kind=RuptureKind(self.kind.currentData()),
            markers=self.markers.markers(),
            significance=significance if significance > 0 else 0,
            raised_by=(
                RaisedBy.CLIENT if self.raised_by_client.isChecked() else RaisedBy.CLINICIAN
            ),
            note=self.note.toPlainText().strip(),
            repairs=self.repairs.repairs(),
            outcome=RepairOutcome(outcome) if outcome else None,
            follow_up_on=self.follow_up.date(),
        )

    def result_entry(self) -> RuptureEntry | None:
        return self._result

    def accept(self) -> None:
        entry = self.entry_from_fields()
        try:
            checked = check_rupture(entry)
        except InvalidInput as error:
            self._show_problems(entry, error.problems)
            return
        self._result = checked
        super().accept()

    def _show_problems(self, entry: RuptureEntry, problems: dict[str, str]) -> None:
        readable = dict(problems)
        if entry.significance == 0 and "significance" in readable:
            readable["significance"] = CHOOSE_SIGNIFICANCE
        for field in problems:
            parts = field.split(".")
            if parts[0] == "repairs" and len(parts) > 1 and parts[1].isdigit():
                strategy: RepairStrategy = entry.repairs[int(parts[1])].strategy
                readable[field] = f"{strategy.label}: {problems[field]}"
        unplaced = self.messages.show(readable)
        self.general_message.setText("\n".join(unplaced.values()))
        self.general_message.setVisible(bool(unplaced))
        self._grow_to_fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Messages make a page taller: grow, while the screen allows, rather than scroll."""
        page = self.tabs.currentWidget()
        content = page.widget() if isinstance(page, QScrollArea) else None
        if not isinstance(page, QScrollArea) or content is None:
            return
        missing = content.sizeHint().height() - page.viewport().height()
        screen = self.screen().availableGeometry().height()
        if missing > 0:
            self.resize(self.width(), min(self.height() + missing, screen - 60))

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        entry: RuptureEntry,
        sessions: Sequence[CalendarEntry] = (),
        check_ins: Sequence[CheckInPoint] = (),
        today: dt.date | None = None,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        client_name: str = "",
    ) -> RuptureEntry | None:
        """Open the editor on `entry` (a `draft_rupture` for a new one); return the checked
        entry to save, or None if cancelled."""
        dialog = cls(entry, sessions, check_ins, today, date_style, client_name, parent)
        dialog.exec()
        return dialog.result_entry()
