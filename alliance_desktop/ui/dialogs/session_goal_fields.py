"""The session editor's Goals tab: which of the client's goals were worked on in this session,
and, for any of them, where things stand now on its own five GAS levels, who rated it and a
note. Agreed and active goals are listed (plus any other goal this session already names);
proposed, achieved and set-aside goals stay on the goal board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.goal import GAS_LEVELS, GasRating, Goal, GoalColumn, RatedBy
from alliance_desktop.domain.goal_rules import check_session_ratings
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.date_formats import short_date
from alliance_desktop.ui.dialogs.session_results import SessionEdit
from alliance_desktop.ui.goal_wording import RATED_BY_NAMES, SHORT_LEVEL_NAMES, level_number
from alliance_desktop.ui.widgets.field_messages import FieldMessages

NOT_RATED = "Not rated in this session"
_SHOWN_COLUMNS = (GoalColumn.ACTIVE, GoalColumn.AGREED)  # the goals being worked on
_TICK_INDENT = 24  # under the goal's words, past the tick box
_LONGEST_LEVEL_TEXT = 90  # longer level descriptions are cut in the list; the tooltip has all


@dataclass(frozen=True)
class GoalsToRate:
    """What the Goals tab is filled from, read with the session on the database worker."""

    goals: tuple[Goal, ...]  # the client's goals, as on the board
    given: Mapping[int, GasRating]  # the rating each goal was given in this session, by goal id
    today: dt.date


def level_text(goal: Goal, level: int) -> str:
    """'+1 · more: takes the bus alone most days' — the goal's own words for the level."""
    description = " ".join(goal.level_description(level).split())
    if len(description) > _LONGEST_LEVEL_TEXT:
        description = description[: _LONGEST_LEVEL_TEXT - 1].rstrip() + "…"
    head = f"{level_number(level)} · {SHORT_LEVEL_NAMES[level]}"
    return f"{head}: {description}" if description else head


def _quiet(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("quietNote")
    label.setWordWrap(True)
    return label


class GoalRow(QFrame):
    """One goal: a tick, then its rating, who rated it and a note (usable once ticked)."""

    def __init__(self, goal: Goal, given: GasRating | None, about: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.goal = goal
        self._given_id = given.id if given else None
        self._can_rate = True
        self.worked_on = QCheckBox(goal.title)
        self.worked_on.setToolTip("Worked on in this session")
        self.about = _quiet(about)
        self.level = QComboBox()
        self.level.setAccessibleName(f"Where things stand now: {goal.title}")
        self.level.addItem(NOT_RATED, None)
        for level in reversed(GAS_LEVELS):  # better outcomes higher up, as on the board
            self.level.addItem(level_text(goal, level), level)
            full = goal.level_description(level)
            if full:
                self.level.setItemData(self.level.count() - 1, full, Qt.ItemDataRole.ToolTipRole)
        self.level.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.level.setMinimumContentsLength(28)
        self.level.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.rated_by = QComboBox()
        self.rated_by.setAccessibleName(f"Rated by: {goal.title}")
        for who, name in RATED_BY_NAMES.items():
            self.rated_by.addItem(name, who)
        self.note = QLineEdit()
        self.note.setPlaceholderText("What the client said about it (optional)")
        self.note.setAccessibleName(f"Rating note: {goal.title}")
        self.rating_box = QWidget()
        self.rating_box.hide()

        if given is not None:
            self.level.setCurrentIndex(self.level.findData(given.level))
            self.rated_by.setCurrentIndex(self.rated_by.findData(given.rated_by))
            self.note.setText(given.note)
        self.worked_on.toggled.connect(self._follow_tick)

    def place(self, messages: FieldMessages, can_rate: bool) -> None:
        """The tick and what is known of the goal; below, once ticked, its rating."""
        field = f"goal_ratings.{self.goal.id}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.worked_on)
        self.about.setContentsMargins(_TICK_INDENT, 0, 0, 0)
        layout.addWidget(self.about)
        layout.addWidget(messages.message_label(field, self.worked_on))
        grid = QGridLayout(self.rating_box)
        grid.setContentsMargins(_TICK_INDENT, 6, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.addWidget(QLabel("Where things stand now"), 0, 0)
        grid.addWidget(self.level, 0, 1)
        grid.addWidget(messages.message_label(f"{field}.level", self.level), 1, 1)
        who = QHBoxLayout()
        who.addWidget(self.rated_by)
        who.addStretch(1)
        grid.addWidget(QLabel("Rated by"), 2, 0)
        grid.addLayout(who, 2, 1)
        grid.addWidget(QLabel("Note"), 3, 0)
        grid.addWidget(self.note, 3, 1)
        grid.addWidget(messages.message_label(f"{field}.note", self.note), 4, 1)
        layout.addWidget(self.rating_box)
        self.set_can_rate(can_rate)

    def set_can_rate(self, can_rate: bool) -> None:
        self._can_rate = can_rate
        self._follow_tick(self.worked_on.isChecked())

    def _follow_tick(self, ticked: bool) -> None:
        # Unticked goals stay one line. A session still to come offers no rating, but keeps
        # one already given in view (its date moved ahead), so it can be taken back.
        rated = self.level.currentData() is not None
        self.rating_box.setVisible(ticked and (self._can_rate or rated))

    def rating(self, day: dt.date) -> GasRating | None:
        """The rating chosen, when the goal is ticked and a level picked (unchecked)."""
        level = self.level.currentData()
        if not self.worked_on.isChecked() or level is None:
            return None
        return GasRating(
            rated_on=day,
            level=int(level),
            rated_by=RatedBy(self.rated_by.currentData()),
            note=self.note.text(),
            id=self._given_id,
        )


class SessionGoalFields(QWidget):
    def __init__(
        self,
        messages: FieldMessages,
        goals: GoalsToRate,
        worked_on: Sequence[int],
        session_day: dt.date,
        date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages = messages
        self._today = goals.today
        self._session_day = session_day
        named = set(worked_on)
        shown = sorted(
            (g for g in goals.goals if g.column in _SHOWN_COLUMNS or g.id in named),
            key=lambda g: (_order(g.column), g.position),
        )
        # Goals this session names that are not listed (none, unless one was removed) are kept.
        self._unlisted = tuple(sorted(named - {g.id for g in shown}))
        given_ids = {r.id for r in goals.given.values()}
        self.rows: dict[int, GoalRow] = {}
        for goal in shown:
            about = _about(goal, given_ids, session_day, date_style)
            row = GoalRow(goal, goals.given.get(goal.id or 0), about)
            row.worked_on.setChecked(goal.id in named)
            self.rows[goal.id or 0] = row

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        title = QLabel("Goals worked on in this session")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.intro = _quiet()
        layout.addWidget(self.intro)
        self.problem = QLabel()  # for problems about the ratings as a whole
        layout.addWidget(messages.message_label("goal_ratings", self.problem))
        for row in self.rows.values():
            row.place(messages, self._can_rate)
            layout.addWidget(row)
        if not self.rows:
            empty = _quiet(
                "This client has no agreed or active goals yet. Shape them together on the "
                "goal board; they appear here once agreed."
            )
            empty.setObjectName("emptyState")
            layout.addWidget(empty)
        else:
            layout.addWidget(
                _quiet("Proposed, achieved and set-aside goals are on the goal board.")
            )
        layout.addStretch(1)
        self._explain()

    @property
    def _can_rate(self) -> bool:
        return self._session_day <= self._today

    def set_session_day(self, day: dt.date) -> None:
        """The session's date changed: ratings are dated on it, and wait for it to come."""
        self._session_day = day
        for row in self.rows.values():
            row.set_can_rate(self._can_rate)
        self._explain()

    def _explain(self) -> None:
        self.intro.setVisible(bool(self.rows))
        if self._can_rate:
            self.intro.setText(
                "Tick each goal you worked on. Rate any of them on its own five levels, as "
                "things stand now; the rating is dated on the session's day and counts "
                "towards the goal score (GAS T-score)."
            )
        else:
            self.intro.setText(
                "This session is still to come: tick the goals you plan to work on. Ratings "
                "can be given from the day of the session."
            )

    def goal_ids(self) -> tuple[int, ...]:
        ticked = {goal_id for goal_id, row in self.rows.items() if row.worked_on.isChecked()}
        return tuple(sorted(ticked | set(self._unlisted)))

    def ratings(self) -> dict[int, GasRating]:
        """Ratings as chosen (ticked goals with a level), unchecked."""
        chosen = {goal_id: row.rating(self._session_day) for goal_id, row in self.rows.items()}
        return {goal_id: rating for goal_id, rating in chosen.items() if rating is not None}

    def checked_ratings(self) -> dict[int, GasRating]:
        """The ratings checked by the domain; InvalidInput names the field of each problem."""
        return check_session_ratings(
            self.ratings(), self.goal_ids(), self._session_day, self._today
        )


def _order(column: GoalColumn) -> int:
    return _SHOWN_COLUMNS.index(column) if column in _SHOWN_COLUMNS else len(_SHOWN_COLUMNS)


def _about(goal: Goal, given_ids: set[int | None], day: dt.date, style: DateStyle) -> str:
    """'Active · last rated +1 (more) on 03/03/2026', from ratings given before this session."""
    column = goal.column.label if goal.column in _SHOWN_COLUMNS else f"Now {goal.column.label}"
    earlier = [r for r in goal.ratings if r.id not in given_ids and r.rated_on <= day]
    if not earlier:
        return f"{column} · not rated before"
    last = earlier[-1]
    level = f"{level_number(last.level)} ({SHORT_LEVEL_NAMES[last.level]})"
    return f"{column} · last rated {level} on {short_date(last.rated_on, style)}"


def with_typed(goals: GoalsToRate, typed: SessionEdit) -> GoalsToRate:
    """The same goals, showing the ratings typed (when reopening the editor after a failed
    save); as loaded when the editor had none."""
    ratings = typed.goal_ratings
    return goals if ratings is None else replace(goals, given=dict(ratings))
