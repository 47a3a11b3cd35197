"""Goals as FHIR Goals, and their Goal Attainment Scaling ratings as Observations.

lifecycleStatus: proposed -> `proposed`, agreed -> `accepted`, active -> `active`, achieved
-> `completed`, set aside -> `on-hold` (parked, may be taken up again). achievementStatus is
derived from the board and the last two ratings (achieved, improving, worsening, no-change,
in-progress). The GAS expected outcome (level 0) is `target.detailString`, with the target
date as `dueDate`; all five level descriptions, the weight, the quality check, the board
history, the review date, the clinician's framing and the tasks are Alliance extensions.
`expressedBy` names the client or the clinician; a goal proposed together names neither and
says so in an extension.

A GAS rating is an Observation with `focus` on its Goal, `valueInteger` -2..+2, the day
rated, and performers for who rated it (both for "together").
"""

from __future__ import annotations

from typing import Any

from alliance_desktop.domain.goal import (
    GAS_LEVELS,
    CheckAnswer,
    GasRating,
    Goal,
    GoalColumn,
    GoalMove,
    GoalQuality,
    GoalTask,
    ProposedBy,
    QualityAspect,
    QualityCheck,
    RatedBy,
    TaskOwner,
)
from alliance_desktop.exchange.fhir_terms import (
    GOAL_ACHIEVEMENT,
    GOAL_PRIORITY,
    ReadContext,
    Resource,
    WriteContext,
    alliance_system,
    code_in,
    complex_extension,
    concept,
    extension,
    extension_texts,
    extension_value,
    extensions,
    fhir_date,
    optional_date,
    parse_date,
    part,
    performer_kind,
    performer_refs,
    survey_observation,
    text_extensions,
)

OBSERVATION_CODE = alliance_system("observation")
GAS_RATING_CODE = "gas-rating"
_GAS_LEVEL = concept(
    OBSERVATION_CODE, "gas-level", "Goal Attainment Scaling level", "GAS level (-2 to +2)"
)

_LIFECYCLE = {
    GoalColumn.PROPOSED: "proposed",
    GoalColumn.AGREED: "accepted",
    GoalColumn.ACTIVE: "active",
    GoalColumn.ACHIEVED: "completed",
    GoalColumn.SET_ASIDE: "on-hold",
}
# Read back, with the statuses other systems use.
_COLUMNS = {
    "proposed": GoalColumn.PROPOSED,
    "planned": GoalColumn.AGREED,
    "accepted": GoalColumn.AGREED,
    "active": GoalColumn.ACTIVE,
    "completed": GoalColumn.ACHIEVED,
    "on-hold": GoalColumn.SET_ASIDE,
    "cancelled": GoalColumn.SET_ASIDE,
    "rejected": GoalColumn.SET_ASIDE,
}
_PRIORITIES = {
    1: ("high-priority", "High Priority"),
    2: ("medium-priority", "Medium Priority"),
    3: ("low-priority", "Low Priority"),
}
_ACHIEVEMENT_WORDS = {
    "achieved": "Achieved",
    "improving": "Improving",
    "worsening": "Worsening",
    "no-change": "No Change",
    "in-progress": "In Progress",
}


def goal_resources(goal: Goal, context: WriteContext) -> list[Resource]:
    """The Goal, then one Observation per GAS rating."""
    goal_id = goal.id or 0
    reference = context.ids.reference("Goal", goal_id)
    resources = [_goal(goal, context)]
    for index, rating in enumerate(goal.ratings):
        observation: Resource = {
            **survey_observation(context.ids.of("GasRating", f"{goal_id}/{index}")),
            "code": concept(
                OBSERVATION_CODE,
                GAS_RATING_CODE,
                "Goal Attainment Scaling rating",
                "Goal Attainment Scaling rating (-2 to +2; 0 is the expected outcome)",
            ),
            "subject": context.patient,
            "focus": [reference],
            "effectiveDateTime": fhir_date(rating.rated_on),
            "performer": performer_refs(rating.rated_by.value, context),
            "valueInteger": rating.level,
        }
        session = context.rating_session(rating.id)
        if session is not None:
            observation["encounter"] = session
        if rating.note:
            observation["note"] = [{"text": rating.note}]
        resources.append(observation)
    return resources


def _goal(goal: Goal, context: WriteContext) -> Resource:
    found_extensions = [
        *text_extensions("clinician-framing", [goal.clinician_framing]),
        extension("proposed-by", "Code", goal.proposed_by.value),
        extension("gas-weight", "Decimal", goal.weight),
        *(
            complex_extension(
                "gas-level", [("level", "Integer", level), ("description", "String", text)]
            )
            for level, text in zip(GAS_LEVELS, goal.levels, strict=True)
            if text
        ),
        *(
            complex_extension(
                "quality-check",
                [
                    ("aspect", "Code", aspect.value),
                    ("answer", "Code", check.answer.value if check.answer else None),
                    ("note", "String", check.note),
                ],
            )
            for aspect in QualityAspect
            if (check := goal.quality.check(aspect)).answer is not None or check.note
        ),
        *(
            complex_extension(
                "board-move",
                [("column", "Code", move.column.value), ("date", "Date", fhir_date(move.moved_on))],
            )
            for move in goal.history
        ),
        *(
            complex_extension(
                "goal-task",
                [
                    ("description", "String", task.description),
                    ("owner", "Code", task.owner.value),
                    ("due", "Date", fhir_date(task.due_on) if task.due_on else None),
                    ("done", "Boolean", task.done),
                ],
            )
            for task in goal.tasks
        ),
    ]
    if goal.review_date is not None:
        found_extensions.append(extension("review-date", "Date", fhir_date(goal.review_date)))
    code, words = _PRIORITIES[goal.priority]
    resource: Resource = {
        "resourceType": "Goal",
        "id": context.ids.of("Goal", goal.id or 0),
        "extension": found_extensions,
        "lifecycleStatus": _LIFECYCLE[goal.column],
        "priority": concept(GOAL_PRIORITY, code, words),
        "description": {"text": goal.client_words},
        "subject": context.patient,
    }
    achievement = _achievement(goal)
    if achievement is not None:
        resource["achievementStatus"] = concept(
            GOAL_ACHIEVEMENT, achievement, _ACHIEVEMENT_WORDS[achievement]
        )
    if goal.proposed_by is ProposedBy.CLIENT:
        resource["expressedBy"] = context.patient
    elif goal.proposed_by is ProposedBy.CLINICIAN:
        resource["expressedBy"] = context.practitioner
    target: Resource = {}
    if goal.expected_outcome:
        target = {"measure": _GAS_LEVEL, "detailString": goal.expected_outcome}
    if goal.target_date is not None:
        target["dueDate"] = fhir_date(goal.target_date)
    if target:
        resource["target"] = [target]
    if goal.history:
        resource["statusDate"] = fhir_date(goal.history[-1].moved_on)
    return resource


def _achievement(goal: Goal) -> str | None:
    if goal.column is GoalColumn.ACHIEVED:
        return "achieved"
    if not goal.column.counts_for_gas:
        return None
    levels = [rating.level for rating in goal.ratings]
    if len(levels) >= 2:
        if levels[-1] > levels[-2]:
            return "improving"
        return "worsening" if levels[-1] < levels[-2] else "no-change"
    return "in-progress" if levels or goal.column is GoalColumn.ACTIVE else None


# Reading


def goal_from(resource: Resource, context: ReadContext) -> Goal | None:
    """The goal without its ratings (they are Observations); None when it is not a goal this
    app can hold (entered in error, or no words for it)."""
    status = resource.get("lifecycleStatus")
    description = resource.get("description") or {}
    words = str(description.get("text") or "").strip()
    if status == "entered-in-error" or not words:
        return None
    levels = ["", "", "", "", ""]
    for item in extensions(resource, "gas-level"):
        level, text = part(item, "level", "Integer"), part(item, "description", "String")
        if level in GAS_LEVELS and isinstance(text, str):
            levels[GAS_LEVELS.index(level)] = text
    targets = [t for t in resource.get("target") or [] if isinstance(t, dict)]
    if not levels[2] and targets and isinstance(targets[0].get("detailString"), str):
        levels[2] = targets[0]["detailString"]
    column = _COLUMNS.get(str(status), GoalColumn.PROPOSED)
    if column is GoalColumn.ACTIVE and not all(levels):
        column = GoalColumn.AGREED  # from another system: cannot be rated until scaled
    weight = extension_value(resource, "gas-weight", "Decimal")
    return Goal(
        client_id=0,
        client_words=words,
        clinician_framing=_first(extension_texts(resource, "clinician-framing")),
        proposed_by=_proposed_by(resource, context),
        column=column,
        priority=_priority(resource.get("priority")),
        target_date=optional_date(targets[0].get("dueDate")) if targets else None,
        review_date=optional_date(extension_value(resource, "review-date", "Date")),
        quality=_quality(resource),
        levels=(levels[0], levels[1], levels[2], levels[3], levels[4]),
        weight=float(weight) if isinstance(weight, int | float) else 1.0,
        tasks=tuple(_task(item) for item in extensions(resource, "goal-task")),
        history=tuple(
            GoalMove(
                GoalColumn(str(part(item, "column", "Code"))),
                parse_date(part(item, "date", "Date")),
            )
            for item in extensions(resource, "board-move")
            if part(item, "column", "Code") in set(GoalColumn)
        ),
    )


def rating_from(observation: Resource, context: ReadContext) -> tuple[int, GasRating] | None:
    if code_in(observation.get("code"), OBSERVATION_CODE) != GAS_RATING_CODE:
        return None
    focus = observation.get("focus") or []
    goal_id = context.goal_id(focus[0]) if focus else None
    level = observation.get("valueInteger")
    if goal_id is None or not isinstance(level, int):
        return None
    notes = [str(n.get("text", "")) for n in observation.get("note") or [] if n.get("text")]
    return goal_id, GasRating(
        rated_on=parse_date(observation.get("effectiveDateTime")),
        level=level,
        rated_by=RatedBy(performer_kind(observation.get("performer"), context)),
        note="\n".join(notes),
    )


def _proposed_by(resource: Resource, context: ReadContext) -> ProposedBy:
    stated = extension_value(resource, "proposed-by", "Code")
    if stated in set(ProposedBy):
        return ProposedBy(stated)
    if context.is_patient(resource.get("expressedBy")):
        return ProposedBy.CLIENT
    if context.is_practitioner(resource.get("expressedBy")):
        return ProposedBy.CLINICIAN
    return ProposedBy.TOGETHER


def _priority(value: Any) -> int:
    code = code_in(value, GOAL_PRIORITY)
    return next((number for number, (c, _) in _PRIORITIES.items() if c == code), 2)


def _quality(resource: Resource) -> GoalQuality:
    checks: dict[str, QualityCheck] = {}
    for item in extensions(resource, "quality-check"):
        aspect, answer = part(item, "aspect", "Code"), part(item, "answer", "Code")
        if aspect in set(QualityAspect):
            checks[str(aspect)] = QualityCheck(
                CheckAnswer(answer) if answer in set(CheckAnswer) else None,
                str(part(item, "note", "String") or ""),
            )
    return GoalQuality(**checks)


def _task(item: Resource) -> GoalTask:
    owner = part(item, "owner", "Code")
    return GoalTask(
        description=str(part(item, "description", "String") or ""),
        owner=TaskOwner(owner) if owner in set(TaskOwner) else TaskOwner.CLIENT,
        due_on=optional_date(part(item, "due", "Date")),
        done=part(item, "done", "Boolean") is True,
    )


def _first(texts: tuple[str, ...]) -> str:
    return texts[0] if texts else ""
