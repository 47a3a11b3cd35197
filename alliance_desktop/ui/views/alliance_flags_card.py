"""Alliance flags as a card, each saying why it was raised: on Today for the clients being seen,
and at the top of a client's overview for that client."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_flags import AllianceFlag, FlagKind
from alliance_desktop.services import Practice
from alliance_desktop.ui.rupture_wording import FLAG_TITLES, icon
from alliance_desktop.ui.signal_emit import emit
from alliance_desktop.ui.tasks import TaskRunner

NO_FLAGS_TODAY = (
    "No alliance flags. A flag appears here when a check-in is low or drops, or a rupture "
    "stays open longer than you chose."
)
NO_FLAGS_FOR_CLIENT = "No alliance flags for this client."
# Until the first answer: "no flags" would be a false all-clear while they are still looked for.
LOOKING = "Looking for alliance flags…"
# The most pressing first: a follow-up that has passed, a rupture left open, then check-ins.
PRIORITY = (
    FlagKind.FOLLOW_UP_DUE,
    FlagKind.UNRESOLVED_RUPTURE,
    FlagKind.DROP,
    FlagKind.LOW_CHECK_IN,
)


class FlagRow(QFrame):
    def __init__(
        self, flag: AllianceFlag, client_name: str, action: str, seen_at: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName("flagRow")
        self.flag = flag
        picture = QLabel()
        picture.setPixmap(icon("alliance-flag.svg").pixmap(18, 18))
        heading = FLAG_TITLES[flag.kind]
        if client_name:
            heading = f"{html.escape(client_name)} · {heading}"
        if seen_at:
            heading = f"{heading} · seeing them today at {seen_at}"
        self.text = QLabel(f"<b>{heading}</b><br>{html.escape(flag.explanation)}")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.button = QPushButton(action)
        self.button.setObjectName("flagAction")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)

    @property
    def explanation(self) -> str:
        return self.flag.explanation


class AllianceFlagsCard(QFrame):
    """Either `show_flags_for(client_ids)` (Today, names shown) or `show_client(client_id)`."""

    rupture_chosen = Signal(int)
    client_chosen = Signal(int)
    thresholds_requested = Signal()

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
        self.rows: list[FlagRow] = []  # built so far: those shown, all once expanded
        self._sorted: list[tuple[AllianceFlag, str, str]] = []  # flag, client name, seen at

        self.title = QLabel("Alliance flags")
        self.title.setObjectName("cardTitle")
        self.thresholds_button = QPushButton("Thresholds…")
        self.thresholds_button.setObjectName("flagAction")
        self.thresholds_button.setToolTip("Choose when a flag is raised")
        self.empty_note = QLabel(LOOKING)
        self.empty_note.setObjectName("quietNote")
        self.empty_note.setWordWrap(not for_one_client)
        self.more_button = QPushButton()
        self.more_button.setObjectName("flagAction")
        self.more_button.hide()
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

        self.thresholds_button.clicked.connect(self.thresholds_requested)
        self.more_button.clicked.connect(self._toggle_more)

    # Loading

    def show_flags_for(self, client_ids: list[int]) -> None:
        self._client_ids = list(client_ids)
        practice = self._practice
        self._request += 1
        request = self._request

        def load() -> tuple[list[AllianceFlag], dict[int, str], dict[int, dt.datetime]]:
            names = {s.id: s.display_name for s in practice.client_summaries()}
            midnight = dt.datetime.combine(practice.today(), dt.time())
            seen_today: dict[int, dt.datetime] = {}
            for entry in practice.calendar.entries_between(
                midnight, midnight + dt.timedelta(days=1)
            ):
                if entry.status.takes_up_time:
                    seen_today.setdefault(entry.client_id, entry.start)
            ids = list(dict.fromkeys([*seen_today, *client_ids]))
            return practice.ruptures.flags_for(ids), names, seen_today

        self._tasks.submit(load, lambda loaded: self._loaded(request, *loaded))

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        self._request += 1
        request = self._request
        if client_id is None:
            self.set_flags([])
            return
        self._tasks.submit(
            lambda: self._practice.ruptures.flags(client_id),
            lambda flags: self._loaded(request, flags, {}, {}),
        )

    def refresh(self) -> None:
        """Load again for the same client, or the same clients."""
        if self._for_one_client:
            self.show_client(self._client_id)
        else:
            self.show_flags_for(self._client_ids)

    def _loaded(
        self,
        request: int,
        flags: list[AllianceFlag],
        names: dict[int, str],
        seen_today: dict[int, dt.datetime],
    ) -> None:
        if request == self._request:  # a newer request supersedes this one
            self.set_flags(flags, names, seen_today)

    # Showing

    def set_flags(
        self,
        flags: list[AllianceFlag],
        names: dict[int, str] | None = None,
        seen_today: dict[int, dt.datetime] | None = None,
    ) -> None:
        """Clients seen today come first, in the order of their sessions; then the most
        pressing kinds of flag."""
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        names = names or {}
        seen_today = seen_today or {}
        latest = dt.datetime.max

        def order(flag: AllianceFlag) -> tuple[bool, dt.datetime, int]:
            start = seen_today.get(flag.client_id)
            return (start is None, start or latest, PRIORITY.index(flag.kind))

        self._sorted = []
        for flag in sorted(flags, key=order):
            start = seen_today.get(flag.client_id)
            seen_at = f"{start:%H:%M}" if start else ""
            self._sorted.append((flag, names.get(flag.client_id, ""), seen_at))
        count = len(flags)
        self.title.setText(f"Alliance flags ({count})" if count else "Alliance flags")
        self.title.setVisible(bool(flags) or not self._for_one_client)
        self.empty_note.setText(NO_FLAGS_FOR_CLIENT if self._for_one_client else NO_FLAGS_TODAY)
        self.empty_note.setVisible(not flags)
        self._expanded = False
        self._show_rows()

    def explanations(self) -> list[str]:
        return [flag.explanation for flag, _name, _seen_at in self._sorted]

    def _action_for(self, flag: AllianceFlag) -> str:
        if flag.rupture_id is not None:
            return "Open entry"
        return "See timeline" if self._for_one_client else "Open client"

    def _show_rows(self) -> None:
        """Rows are built when first shown: a practice with 200 flags opens Today with the
        first few built, the rest when "Show more" is pressed."""
        total = len(self._sorted)
        limit = total if self._expanded else min(total, self._shown_at_first)
        for flag, name, seen_at in self._sorted[len(self.rows) : limit]:
            row = FlagRow(flag, name, self._action_for(flag), seen_at)
            row.button.clicked.connect(lambda _checked=False, f=flag: self._open(f))
            self._rows_layout.addWidget(row)
            self.rows.append(row)
        for number, row in enumerate(self.rows):
            row.setVisible(number < limit)
        hidden = total - self._shown_at_first
        self.more_button.setVisible(hidden > 0)
        self.more_button.setText("Show fewer" if self._expanded else f"Show {hidden} more")

    def _toggle_more(self) -> None:
        self._expanded = not self._expanded
        self._show_rows()

    def _open(self, flag: AllianceFlag) -> None:
        if flag.rupture_id is not None:
            emit(self.rupture_chosen, flag.rupture_id)
        else:
            emit(self.client_chosen, flag.client_id)
