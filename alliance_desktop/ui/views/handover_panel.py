"""Above a client's tabs: "Hand over…" for a client in your care, or, once handed over, to whom
and when, with "Undo handover…"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.handover import Handover
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner


@dataclass(frozen=True)
class HandoverState:
    client: Client
    latest: Handover | None  # the handover in force, if any


def handover_state(practice: Practice, client_id: int) -> HandoverState:
    """Runs on the database worker."""
    client = practice.client(client_id)
    in_force = [h for h in practice.handover.history(client_id) if h.undone_at is None]
    return HandoverState(client, in_force[-1] if in_force else None)


class HandoverPanel(QFrame):
    hand_over_requested = Signal(int)
    undo_requested = Signal(int)

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self.date_style = DateStyle.DAY_MONTH_YEAR
        self.state: HandoverState | None = None
        self.setObjectName("handoverPanel")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.hand_over_button = QPushButton("Hand over…")
        self.hand_over_button.setToolTip(
            "Export this client's record for the clinician who continues the work"
        )
        self.undo_button = QPushButton("Undo handover…")
        self.undo_button.setToolTip("Set the client's status back to what it was before")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.hand_over_button)
        layout.addWidget(self.undo_button)

        self.hand_over_button.clicked.connect(self._hand_over)
        self.undo_button.clicked.connect(self._undo)
        self.hide()

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if client_id is None:
            self.state = None
            self.hide()
            return
        practice = self._practice
        self._tasks.submit(lambda: handover_state(practice, client_id), self._show)

    def refresh(self) -> None:
        self.show_client(self._client_id)

    def _show(self, state: HandoverState) -> None:
        if state.client.id != self._client_id:
            return  # another client was chosen meanwhile
        self.state = state
        handed_over = state.client.status is ClientStatus.HANDED_OVER
        self.hand_over_button.setVisible(not handed_over)
        self.undo_button.setVisible(handed_over)
        self.summary.setText(self._summary(state) if handed_over else "")
        self.show()

    def _summary(self, state: HandoverState) -> str:
        handover = state.latest
        if handover is None:
            return "Handed over to another clinician."
        details = handover.details
        receiver = details.receiver_name
        if details.receiver_organisation:
            receiver += f" ({details.receiver_organisation})"
        day = short_date(details.handed_over_on, self.date_style)
        return f"Handed over to {receiver} on {day}."

    def _hand_over(self) -> None:
        if self._client_id is not None:
            emit(self.hand_over_requested, self._client_id)

    def _undo(self) -> None:
        if self._client_id is not None:
            emit(self.undo_requested, self._client_id)
