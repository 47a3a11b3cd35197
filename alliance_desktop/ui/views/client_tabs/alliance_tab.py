"""The client's alliance over time: check-ins as lines, ruptures as markers on the same dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.alliance_flags import CheckInPoint, main_rater
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.services import Practice
from alliance_desktop.services.rupture_log import AllianceTimeline
from alliance_desktop.ui.tasks import TaskRunner
from alliance_desktop.ui.widgets.alliance_chart import AllianceChart
from alliance_desktop.ui.widgets.quiet_scroll import quiet_scroll

NO_CHECK_INS = (
    "No check-ins yet.\n"
    "After a session, the alliance check-in (goals, tasks, bond and overall, 0–10) is drawn "
    "here, with any ruptures marked on the same dates."
)
# (label, days back from the latest check-in or rupture; None: the whole course)
RANGES: tuple[tuple[str, int | None], ...] = (
    ("Last 3 months", 92),
    ("Last 6 months", 183),
    ("Last year", 366),
    ("Whole course", None),
)
DEFAULT_RANGE = 2


class AllianceTab(QWidget):
    rupture_chosen = Signal(int)

    def __init__(
        self, practice: Practice, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._practice = practice
        self._tasks = tasks
        self._client_id: int | None = None
        self._timeline: AllianceTimeline | None = None
        self._loaded_for: int | None = None

        self.title = QLabel("Alliance over time")
        self.title.setWordWrap(True)  # gives way first in a narrow pane, not the choosers
        self.title.setObjectName("sectionTitle")
        self.range = QComboBox()
        self.range.setAccessibleName("How far back")
        for label, _days in RANGES:
            self.range.addItem(label)
        self.range.setCurrentIndex(DEFAULT_RANGE)
        self.range.setToolTip("How far back to draw, from the latest check-in or rupture")
        self.whose = QComboBox()
        self.whose.setAccessibleName("Whose ratings")
        self.whose.addItem("The client's ratings", Rater.CLIENT)
        self.whose.addItem("My own ratings", Rater.CLINICIAN)
        self.whose.setToolTip(
            "Whose ratings to draw. The client's and yours are two separate series: a line "
            "never joins one to the other."
        )
        self._whose_chosen = False
        self.chart = AllianceChart()
        self.empty_state = QLabel(NO_CHECK_INS)
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart)
        self.stack.addWidget(self.empty_state)
        self.note = QLabel()
        self.note.setObjectName("quietNote")
        self.note.setWordWrap(True)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addStretch(1)
        title_row.addWidget(self.whose)
        title_row.addWidget(self.range)
        # In a short window the tab scrolls rather than squeezing the chart below the height
        # its axes and legend need (they were cut off at 1280×720).
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self.scroll_area = quiet_scroll(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self.range.currentIndexChanged.connect(self._draw)
        self.whose.activated.connect(self._whose_changed)
        self.chart.rupture_clicked.connect(self.rupture_chosen)

    def show_client(self, client_id: int | None) -> None:
        self._client_id = client_id
        if client_id is None:
            self._timeline = None
            self._draw()
            return
        self.refresh()

    def refresh(self) -> None:
        client_id = self._client_id
        if client_id is None:
            return
        self._tasks.submit(
            lambda: self._practice.ruptures.timeline(client_id),
            lambda timeline: self._show(client_id, timeline),
        )

    def set_date_style(self, style: DateStyle) -> None:
        self.chart.date_style = style

    @property
    def loaded_client_id(self) -> int | None:
        return self._loaded_for

    def _show(self, client_id: int, timeline: AllianceTimeline) -> None:
        if client_id != self._client_id:
            return
        if client_id != self._loaded_for:
            self._whose_chosen = False  # a new client: start from whoever has rated
        self._timeline = timeline
        self._loaded_for = client_id
        if not self._whose_chosen:
            rater = main_rater(timeline.check_ins) or Rater.CLIENT
            self.whose.setCurrentIndex(self.whose.findData(rater))
        self._draw()

    @property
    def rater(self) -> Rater:
        chosen = self.whose.currentData()  # Qt hands a StrEnum back as a plain str
        return Rater(chosen) if chosen else Rater.CLIENT

    def _whose_changed(self, *_signal_args: object) -> None:
        self._whose_chosen = True
        self._draw()

    def _draw(self, *_signal_args: object) -> None:
        timeline = self._timeline
        rater = self.rater
        rated = [p for p in timeline.check_ins if p.by(rater)] if timeline else []
        ruptures = timeline.ruptures if timeline else []
        if not (timeline and any(p.ratings for p in timeline.check_ins)) and not ruptures:
            self.chart.set_timeline([], [])
            self.stack.setCurrentWidget(self.empty_state)
            self.note.clear()
            return
        everyone = [p for p in timeline.check_ins if p.ratings] if timeline else []
        days = [p.on for p in everyone] + [e.occurred_on for e in ruptures]
        back = RANGES[self.range.currentIndex()][1]
        since = max(days) - dt.timedelta(days=back) if back is not None else dt.date.min
        shown = [p for p in rated if p.on >= since]
        shown_ruptures = [e for e in ruptures if e.occurred_on >= since]
        self.chart.set_timeline(shown, shown_ruptures, rater)
        self.stack.setCurrentWidget(self.chart)
        others = [p for p in timeline.check_ins if p.on >= since] if timeline else []
        self.note.setText(self._note_text(rater, shown, others, len(shown_ruptures)))

    @staticmethod
    def _note_text(
        rater: Rater, shown: list[CheckInPoint], period: list[CheckInPoint], rupture_count: int
    ) -> str:
        whose = "the client's own ratings" if rater is Rater.CLIENT else "your own ratings"
        other = Rater.CLINICIAN if rater is Rater.CLIENT else Rater.CLIENT
        other_count = sum(1 for p in period if p.by(other) is not None)
        if not shown:
            text = f"No check-ins with {whose} in this period."
        else:
            text = f"Lines show {whose} at {_sessions(len(shown))}."
        if other_count:
            other_words = "the client's" if other is Rater.CLIENT else "your own"
            text += (
                f" There are {other_words} ratings at {_sessions(other_count)}: "
                "choose them above to see them (the two are never mixed)."
            )
        if rupture_count:
            text += " Ruptures sit along the bottom; hover for details, click to open one."
        return text


def _sessions(count: int) -> str:
    return f"{count} session" if count == 1 else f"{count} sessions"
