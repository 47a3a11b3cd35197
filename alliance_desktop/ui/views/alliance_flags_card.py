"""Alliance flags as a card, each saying why it was raised: on Today the ones that need attention
now (clients seen in the last weeks, ruptures still open), and at the top of a client's overview
all of that client's flags, acknowledged ones with their note.

Each flag can be acknowledged with a short note; it then leaves Today's count until its
evidence changes (a new rating, a changed entry)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_flags import RATING_KINDS, FlagKind
from alliance_desktop.domain.alliance_not_working import PersistentConcern
from alliance_desktop.domain.flags import FlagState
from alliance_desktop.services import Practice
from alliance_desktop.services.flag_review import CurrentFlags
from alliance_desktop.ui.dialogs.acknowledge_flag_dialog import AcknowledgeFlagDialog
from alliance_desktop.ui.risk_wording import RISK_FLAG_KINDS, risk_flag_action
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.views.alliance_steps_panel import AllianceStepsPanel
from alliance_desktop.ui.views.flag_row import FlagRow

NO_FLAGS_TODAY = (
    "Nothing needs attention now. A flag appears here when a client seen in the last "
    "{weeks} weeks rates the session low or lower than before, or a rupture stays open "
    "longer than you chose."
)
NO_FLAGS_FOR_CLIENT = "No alliance flags for this client."
# Until the first answer: "no flags" would be a false all-clear while they are still looked for.
LOOKING = "Looking for alliance flags…"
MORE_AT_A_TIME = 20  # rows "Show more" adds at a time
# The most pressing first: a follow-up that has passed, a rupture left open, then check-ins.
PRIORITY: tuple[str, ...] = (
    *RISK_FLAG_KINDS,
    FlagKind.FOLLOW_UP_DUE,
    FlagKind.UNRESOLVED_RUPTURE,
    FlagKind.FALLING,
    FlagKind.DROP,
    FlagKind.LOW_CHECK_IN,
)


def _priority(kind: str) -> int:
    """Kinds raised by other rules sort after the alliance ones."""
    return PRIORITY.index(kind) if kind in PRIORITY else len(PRIORITY)


class AllianceFlagsCard(QFrame):
    """Either `show_flags_for(client_ids)` (Today, names shown) or `show_client(client_id)`."""

    rupture_chosen = Signal(int)
    client_chosen = Signal(int)
    risk_chosen = Signal(int, object)  # client id, FlagKind: a risk or consent flag
    thresholds_requested = Signal()
    flags_changed = Signal()  # a flag was acknowledged or reopened here
    ending_requested = Signal(int)  # client id: the steps' last one, plan a good ending

    def __init__(
        self,
        practice: Practice,
        tasks: TaskRunner,
        for_one_client: bool = False,
        shown_at_first: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self._practice = practice
        self._tasks = tasks
        self._for_one_client = for_one_client
        self._shown_at_first = shown_at_first
        self._client_id: int | None = None
        self._client_ids: list[int] = []
        self._request = 0
        self._expanded = False
        self._groups: list[list[FlagState]] = []  # one row each, made when first shown
        self._names: dict[int, str] = {}
        self._seen_today: dict[int, dt.datetime] = {}
        self.rows: list[FlagRow] = []  # built so far: those shown, all once expanded

        self.title = QLabel("Alliance flags")
        self.title.setObjectName("cardTitle")
        self.thresholds_button = QPushButton("Thresholds…")
        self.thresholds_button.setObjectName("flagAction")
        self.thresholds_button.setToolTip("Choose when a flag is raised")
        # Until the first load: never a false "no flags" while they are still being looked for.
        self.empty_note = QLabel(LOOKING)
        self.empty_note.setObjectName("quietNote")
        self.empty_note.setWordWrap(not for_one_client)
        self.more_button = QPushButton()
        self.more_button.setObjectName("flagAction")
        self.more_button.hide()
        self.acknowledged_note = QLabel()
        self.acknowledged_note.setObjectName("quietNote")
        self.acknowledged_note.setWordWrap(True)
        self.acknowledged_note.hide()
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(0)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        if for_one_client:
            title_row.addWidget(self.empty_note)  # one quiet line when all is well
        title_row.addStretch(1)
        title_row.addWidget(self.thresholds_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(title_row)
        if not for_one_client:
            layout.addWidget(self.empty_note)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.acknowledged_note)
        self.steps = AllianceStepsPanel(self)  # parented: it goes with the window on a lock
        if for_one_client:
            layout.addWidget(self.steps)
        self.steps.ending_requested.connect(self._ending_requested)

        self.thresholds_button.clicked.connect(self.thresholds_requested)
        self.more_button.clicked.connect(self._toggle_more)

    # Loading

    def show_flags_for(self, client_ids: list[int]) -> None:
        self._client_ids = list(client_ids)
        practice = self._practice
        self._request += 1
        request = self._request

        def load() -> tuple[CurrentFlags, dict[int, str]]:
            names = {s.id: s.display_name for s in practice.client_summaries()}
            return practice.flags.current(client_ids), names

        self._tasks.submit(load, lambda loaded: self._today_loaded(request, *loaded))

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self._request += 1
        request = self._request
        if client_id is None:
            self.set_flags([])
            self.steps.show_concern(None)
            return
        self.empty_note.setText(NO_FLAGS_FOR_CLIENT)
        practice = self._practice

        def load() -> tuple[list[FlagState], PersistentConcern | None]:
            return practice.flags.for_client(client_id), practice.flags.persistent_concern(
                client_id
            )

        self._tasks.submit(load, lambda loaded: self._client_loaded(request, *loaded))

    def _client_loaded(
        self, request: int, states: list[FlagState], concern: PersistentConcern | None
    ) -> None:
        if request != self._request:  # a newer request supersedes this one
            return
        self.set_flags(states)
        self.steps.show_concern(concern)

    def _ending_requested(self) -> None:
        if self._client_id is not None:
            emit(self.ending_requested, self._client_id)

    def refresh(self) -> None:
        """Load again for the same client, or the same clients."""
        if self._for_one_client:
            self.show_client(self._client_id)
        else:
            self.show_flags_for(self._client_ids)

    def _today_loaded(self, request: int, current: CurrentFlags, names: dict[int, str]) -> None:
        if request != self._request:  # a newer request supersedes this one
            return
        self.empty_note.setText(NO_FLAGS_TODAY.format(weeks=current.recent_weeks))
        self.set_flags(current.needing_attention, names, current.seen_today)
        acknowledged = len(current.acknowledged)
        self.acknowledged_note.setText(
            f"{acknowledged} more {'flag is' if acknowledged == 1 else 'flags are'} "
            "acknowledged: see them on the client's page."
        )
        self.acknowledged_note.setVisible(acknowledged > 0)

    def _loaded(
        self,
        request: int,
        states: list[FlagState],
        names: dict[int, str],
        seen_today: dict[int, dt.datetime],
    ) -> None:
        if request == self._request:  # a newer request supersedes this one
            self.set_flags(states, names, seen_today)

    # Showing

    def set_flags(
        self,
        states: list[FlagState],
        names: dict[int, str] | None = None,
        seen_today: dict[int, dt.datetime] | None = None,
    ) -> None:
        """Flags that need attention first; among them clients seen today, in the order of
        their sessions; then the most pressing kinds of flag."""
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        names = names or {}
        seen_today = seen_today or {}
        latest = dt.datetime.max

        def order(state: FlagState) -> tuple[bool, bool, dt.datetime, bool, str, int]:
            flag = state.flag
            start = seen_today.get(flag.client_id)
            rating = flag.kind in RATING_KINDS
            return (
                not state.needs_attention,
                start is None,
                start or latest,
                rating,  # ruptures (and other rules' flags) before ratings
                flag.evidence.split(":")[0] if rating else "",  # the client's, then yours
                _priority(flag.kind),
            )

        ordered = sorted(states, key=order)
        groups: list[list[FlagState]]
        if self._for_one_client:
            groups = [[state] for state in ordered]
        else:  # Today: one row per client, their flags together
            by_client: dict[int, list[FlagState]] = {}
            for state in ordered:
                by_client.setdefault(state.flag.client_id, []).append(state)
            groups = list(by_client.values())
        # Rows are made as they are shown: on a large practice Today has hundreds of flags,
        # and the first few (the most pressing) are what the clinician reads first.
        self._groups, self._names, self._seen_today = groups, names, seen_today
        count = sum(1 for state in states if state.needs_attention)
        clients = len({state.flag.client_id for state in states if state.needs_attention})
        self.title.setText(f"Alliance flags ({count})" if count else "Alliance flags")
        self.title.setToolTip(
            f"{count} {'flag needs' if count == 1 else 'flags need'} attention now, for "
            f"{clients} {'client' if clients == 1 else 'clients'}"
        )
        self.title.setVisible(bool(states) or not self._for_one_client)
        self.empty_note.setVisible(not states)
        self._show_rows()

    def _acknowledge(self, row: FlagRow) -> None:
        flags = row.flags
        practice = self._practice
        if row.is_acknowledged:
            self._tasks.submit(lambda: [practice.flags.reopen(f) for f in flags], self._changed)
            return
        note = AcknowledgeFlagDialog.ask(self.window(), row.flags, row.heading)
        if note is None:
            return
        self._tasks.submit(
            lambda: [practice.flags.acknowledge(f, note) for f in flags], self._changed
        )

    def _changed(self, _result: object) -> None:
        self.refresh()
        emit(self.flags_changed)

    def explanations(self) -> list[str]:
        """Every flag's sentence, in the card's order, shown or not yet."""
        return [state.flag.explanation for group in self._groups for state in group]

    def _action_for(self, row: FlagRow) -> str:
        if row.flag.kind in RISK_FLAG_KINDS:
            return risk_flag_action(FlagKind(row.flag.kind))
        if row.rupture_id is not None:
            return "Open entry"
        return "See timeline" if self._for_one_client else "Open client"

    def _make_rows(self, count: int) -> None:
        """Make rows for the first `count` groups of flags (those not made yet)."""
        for group in self._groups[len(self.rows) : count]:
            client_id = group[0].flag.client_id
            start = self._seen_today.get(client_id)
            seen_at = f"{start:%H:%M}" if start else ""
            row = FlagRow(group, self._names.get(client_id, ""), "", seen_at)
            row.button.setText(self._action_for(row))
            row.button.clicked.connect(lambda _checked=False, r=row: self._open(r))
            row.acknowledge_button.clicked.connect(
                lambda _checked=False, r=row: self._acknowledge(r)
            )
            self._rows_layout.addWidget(row)
            self.rows.append(row)

    def _show_rows(self, limit: int | None = None) -> None:
        limit = self._shown_at_first if limit is None else limit
        self._make_rows(limit)
        for number, row in enumerate(self.rows):
            row.setVisible(number < limit)
        total = len(self._groups)
        self._expanded = limit >= total > self._shown_at_first
        hidden = total - min(limit, total)
        self.more_button.setVisible(total > self._shown_at_first)
        if self._expanded:
            self.more_button.setText("Show fewer")
        elif hidden > MORE_AT_A_TIME:
            self.more_button.setText(f"Show {MORE_AT_A_TIME} more (of {hidden})")
        else:
            self.more_button.setText(f"Show {hidden} more")

    def _toggle_more(self) -> None:
        if self._expanded:
            self._show_rows()
            return
        shown = sum(1 for row in self.rows if not row.isHidden())
        self._show_rows(shown + MORE_AT_A_TIME)

    def _open(self, row: FlagRow) -> None:
        if row.flag.kind in RISK_FLAG_KINDS:
            emit(self.risk_chosen, row.flag.client_id, row.flag.kind)
            return
        if row.rupture_id is not None:
            emit(self.rupture_chosen, row.rupture_id)
        else:
            emit(self.client_chosen, row.flag.client_id)
