"""The alliance check-in after a session: the app's own short questions, plus totals of licensed
instruments the clinician holds (only numbers are stored; no item text is shipped)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from alliance_desktop.domain.errors import InvalidInput

CHECK_IN_MIN = 0
CHECK_IN_MAX = 10


class AllianceDimension(enum.StrEnum):
    GOALS = "goals"
    TASKS = "tasks"
    BOND = "bond"
    OVERALL = "overall"

    @property
    def question(self) -> str:
        """The app's own wording, asked of the client."""
        return _CLIENT_QUESTIONS[self]

    @property
    def clinician_question(self) -> str:
        """The same part of the alliance, as the clinician answers it from their own view."""
        return _CLINICIAN_QUESTIONS[self]

    def question_for(self, rater: Rater) -> str:
        return self.question if rater is Rater.CLIENT else self.clinician_question

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Our own items on Bordin's three parts of the working alliance (agreement on goals,
# agreement on tasks, the bond) and overall: plain words, answered 0-10 in a few seconds.
# They are deliberately not modelled on any published scale's items.
_CLIENT_QUESTIONS = {
    AllianceDimension.GOALS: "How much was today about the things you came here for?",
    AllianceDimension.TASKS: "How useful did the things we did today feel to you?",
    AllianceDimension.BOND: "How much did you feel at ease working with me today?",
    AllianceDimension.OVERALL: "All in all, how good was today's session for you?",
}
_CLINICIAN_QUESTIONS = {
    AllianceDimension.GOALS: "How well did we agree on what to work on today?",
    AllianceDimension.TASKS: "How well did we agree on how to work on it?",
    AllianceDimension.BOND: "How much trust and warmth was there between us today?",
    AllianceDimension.OVERALL: "All in all, how well did we work together today?",
}


class Rater(enum.StrEnum):
    CLIENT = "client"
    CLINICIAN = "clinician"


@dataclass(frozen=True)
class AllianceRatings:
    """One person's 0-10 answers to the four questions."""

    goals: int
    tasks: int
    bond: int
    overall: int

    def score(self, dimension: AllianceDimension) -> int:
        return int(getattr(self, dimension.value))

    @property
    def lowest_dimension(self) -> int:
        return min(self.goals, self.tasks, self.bond)


class Instrument(enum.StrEnum):
    SRS = "srs"
    WAI_SR = "wai_sr"
    ORS = "ors"
    PHQ9 = "phq9"
    GAD7 = "gad7"

    @property
    def spec(self) -> InstrumentSpec:
        return INSTRUMENTS[self]


@dataclass(frozen=True)
class InstrumentSpec:
    label: str
    minimum: float
    maximum: float
    decimals: int = 0
    subscales: tuple[str, ...] = ()
    subscale_minimum: float = 0
    subscale_maximum: float = 0


INSTRUMENTS = {
    Instrument.SRS: InstrumentSpec("Session Rating Scale (SRS)", 0, 40, decimals=1),
    Instrument.WAI_SR: InstrumentSpec(
        "Working Alliance Inventory, short revised (WAI-SR)",
        12,
        60,
        subscales=("goal", "task", "bond"),
        subscale_minimum=4,
        subscale_maximum=20,
    ),
    Instrument.ORS: InstrumentSpec("Outcome Rating Scale (ORS)", 0, 40, decimals=1),
    Instrument.PHQ9: InstrumentSpec("PHQ-9", 0, 27),
    Instrument.GAD7: InstrumentSpec("GAD-7", 0, 21),
}


@dataclass(frozen=True)
class InstrumentScore:
    instrument: Instrument
    total: float
    subscales: tuple[tuple[str, float], ...] = ()
    # PHQ-9 only: the answer to item 9 (thoughts of self-harm), 0-3, when entered.
    self_harm_item: int | None = None


@dataclass(frozen=True)
class AllianceCheckIn:
    client: AllianceRatings | None = None
    clinician: AllianceRatings | None = None
    instruments: tuple[InstrumentScore, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.client is None and self.clinician is None and not self.instruments

    def ratings(self, rater: Rater) -> AllianceRatings | None:
        return self.client if rater is Rater.CLIENT else self.clinician


def check_alliance_check_in(check_in: AllianceCheckIn) -> AllianceCheckIn:
    problems: dict[str, str] = {}
    for rater in Rater:
        ratings = check_in.ratings(rater)
        if ratings is None:
            continue
        for dimension in AllianceDimension:
            value = ratings.score(dimension)
            if not CHECK_IN_MIN <= value <= CHECK_IN_MAX:
                problems[f"check_in.{rater.value}.{dimension.value}"] = (
                    f"{dimension.label} ({rater.value}) must be from {CHECK_IN_MIN} to "
                    f"{CHECK_IN_MAX} (got {value})."
                )
    seen: set[Instrument] = set()
    for score in check_in.instruments:
        _check_instrument(problems, score, score.instrument in seen)
        seen.add(score.instrument)
    if problems:
        raise InvalidInput(problems)
    return check_in


def _check_instrument(problems: dict[str, str], score: InstrumentScore, repeated: bool) -> None:
    spec = score.instrument.spec
    field = f"check_in.{score.instrument.value}"
    if repeated:
        problems[field] = f"{spec.label} is entered twice for one session."
        return
    if not spec.minimum <= score.total <= spec.maximum:
        problems[field] = (
            f"{spec.label} total must be from {_number(spec.minimum)} to "
            f"{_number(spec.maximum)} (got {_number(score.total)})."
        )
    elif spec.decimals == 0 and score.total != int(score.total):
        problems[field] = f"{spec.label} total is a whole number (got {score.total})."
    _check_self_harm_item(problems, score)
    given = dict(score.subscales)
    if given and set(given) != set(spec.subscales):
        problems[f"{field}.subscales"] = f"{spec.label} subscales are {', '.join(spec.subscales)}."
        return
    for name, value in given.items():
        if not spec.subscale_minimum <= value <= spec.subscale_maximum:
            problems[f"{field}.{name}"] = (
                f"{spec.label} {name} subscale must be from {_number(spec.subscale_minimum)} "
                f"to {_number(spec.subscale_maximum)} (got {_number(value)})."
            )
    if given and not problems.get(field) and abs(sum(given.values()) - score.total) > 1e-9:
        problems[field] = (
            f"{spec.label} total ({_number(score.total)}) is not the sum of its subscales "
            f"({_number(sum(given.values()))})."
        )


SELF_HARM_ITEM_LABEL = "PHQ-9 item 9 (thoughts of self-harm), 0-3"
SELF_HARM_ITEM_MAX = 3


def _check_self_harm_item(problems: dict[str, str], score: InstrumentScore) -> None:
    item = score.self_harm_item
    if item is None:
        return
    field = f"check_in.{score.instrument.value}.self_harm_item"
    if score.instrument is not Instrument.PHQ9:
        problems[field] = f"Only the PHQ-9 has a self-harm item ({score.instrument.spec.label})."
    elif not 0 <= item <= SELF_HARM_ITEM_MAX:
        problems[field] = f"{SELF_HARM_ITEM_LABEL}: the answer must be from 0 to 3 (got {item})."
    elif item > score.total:
        problems[field] = (
            f"{SELF_HARM_ITEM_LABEL}: the answer ({item}) is more than the PHQ-9 total "
            f"({_number(score.total)})."
        )


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"
