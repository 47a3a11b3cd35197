"""Goals the client and clinician agree on: their wording, quality check, board column,
Goal Attainment Scaling levels and ratings, and the tasks that serve them."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

GAS_LEVELS = (-2, -1, 0, 1, 2)


class GoalColumn(enum.StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    SET_ASIDE = "set_aside"

    @property
    def label(self) -> str:
        return "Set aside" if self is GoalColumn.SET_ASIDE else self.value.capitalize()

    @property
    def counts_for_gas(self) -> bool:
        """Goals both people have signed up to; proposed and set-aside ones are left out."""
        return self in (GoalColumn.AGREED, GoalColumn.ACTIVE, GoalColumn.ACHIEVED)


class ProposedBy(enum.StrEnum):
    CLIENT = "client"
    CLINICIAN = "clinician"
    TOGETHER = "together"


class RatedBy(enum.StrEnum):
    CLIENT = "client"
    CLINICIAN = "clinician"
    TOGETHER = "together"


class TaskOwner(enum.StrEnum):
    CLIENT = "client"
    CLINICIAN = "clinician"
    BOTH = "both"


class CheckAnswer(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class QualityAspect(enum.StrEnum):
    FOCUSED = "focused"
    REALISTIC = "realistic"
    COORDINATED = "coordinated"

    @property
    def question(self) -> str:
        return _QUALITY_QUESTIONS[self]

    @property
    def label(self) -> str:
        return self.value.capitalize()


_QUALITY_QUESTIONS = {
    QualityAspect.FOCUSED: "Focused: specific enough to work on, not too broad?",
    QualityAspect.REALISTIC: "Realistic: achievable, and sustainable for this client now?",
    QualityAspect.COORDINATED: "Coordinated: fits the client's values and personality?",
}


@dataclass(frozen=True)
class QualityCheck:
    answer: CheckAnswer | None = None  # None: not checked yet
    note: str = ""


@dataclass(frozen=True)
class GoalQuality:
    focused: QualityCheck = field(default_factory=QualityCheck)
    realistic: QualityCheck = field(default_factory=QualityCheck)
    coordinated: QualityCheck = field(default_factory=QualityCheck)

    def check(self, aspect: QualityAspect) -> QualityCheck:
        result: QualityCheck = getattr(self, aspect.value)
        return result

    @property
    def failing(self) -> list[QualityAspect]:
        return [a for a in QualityAspect if self.check(a).answer is CheckAnswer.NO]

    @property
    def missing(self) -> list[QualityAspect]:
        return [a for a in QualityAspect if self.check(a).answer is None]

    @property
    def unsure(self) -> list[QualityAspect]:
        return [a for a in QualityAspect if self.check(a).answer is CheckAnswer.UNSURE]


@dataclass(frozen=True)
class GasRating:
    rated_on: dt.date
    level: int
    rated_by: RatedBy = RatedBy.TOGETHER
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class GoalTask:
    description: str
    owner: TaskOwner = TaskOwner.CLIENT
    due_on: dt.date | None = None
    done: bool = False
    id: int | None = None


@dataclass(frozen=True)
class GoalMove:
    column: GoalColumn
    moved_on: dt.date


@dataclass(frozen=True)
class Goal:
    client_id: int
    client_words: str  # the goal as the client says it
    id: int | None = None
    clinician_framing: str = ""
    proposed_by: ProposedBy = ProposedBy.TOGETHER
    column: GoalColumn = GoalColumn.PROPOSED
    position: int = 0  # order within its column
    priority: int = 2  # 1 high, 2 medium, 3 low
    target_date: dt.date | None = None
    review_date: dt.date | None = None
    quality: GoalQuality = field(default_factory=GoalQuality)
    levels: tuple[str, str, str, str, str] = ("", "", "", "", "")  # -2..+2; 0 is expected
    # The same levels as the client would say them, first person, written with the client
    # ("I ask one person when I'm struggling"). Only these reach client pages; `levels` is the
    # clinician's shorthand and never prints for the client.
    client_levels: tuple[str, str, str, str, str] = ("", "", "", "", "")
    weight: float = 1.0
    ratings: tuple[GasRating, ...] = ()  # oldest first
    tasks: tuple[GoalTask, ...] = ()
    history: tuple[GoalMove, ...] = ()  # oldest first

    @property
    def title(self) -> str:
        return self.client_words.strip().splitlines()[0] if self.client_words.strip() else ""

    def level_description(self, level: int) -> str:
        return self.levels[GAS_LEVELS.index(level)]

    @property
    def expected_outcome(self) -> str:
        return self.level_description(0)

    def client_level_wording(self, level: int) -> str:
        """The level in the client's words, or "" when none was written."""
        return self.client_levels[GAS_LEVELS.index(level)]

    @property
    def latest_rating(self) -> GasRating | None:
        return self.ratings[-1] if self.ratings else None

    def rating_on(self, day: dt.date) -> GasRating | None:
        """The most recent rating on or before `day`."""
        earlier = [rating for rating in self.ratings if rating.rated_on <= day]
        return earlier[-1] if earlier else None

    @property
    def open_tasks(self) -> int:
        return sum(1 for task in self.tasks if not task.done)

    def moved_on(self, column: GoalColumn) -> dt.date | None:
        """When the goal last entered `column` ("agreed on 3 March")."""
        dates = [move.moved_on for move in self.history if move.column is column]
        return dates[-1] if dates else None


@dataclass(frozen=True)
class GoalReviewItem:
    """A goal the practice-wide view lists: due for review, or not rated for a while."""

    client_id: int
    client_name: str
    goal_id: int
    title: str
    column: GoalColumn
    review_date: dt.date | None
    last_rated_on: dt.date | None
