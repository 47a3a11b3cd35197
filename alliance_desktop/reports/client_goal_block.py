"""One goal as the client reads it: in their words, told from where they started, with what
was done, and gentle, forward-looking words where things are not yet where we hoped.

Only the client's own wording of a level prints (`ClientGoal.wordings`); where none was
written, a plain neutral phrase stands in. The clinician's level descriptions never reach here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from alliance_desktop.domain.goal import GoalColumn, GoalTask, TaskOwner
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.reports.charts import goal_rating_chart
from alliance_desktop.reports.formatting import long_date, markup
from alliance_desktop.reports.report_data import ClientGoal
from alliance_desktop.reports.styles import ReportStyles

_OWNERS = {TaskOwner.CLIENT: "You", TaskOwner.CLINICIAN: "Me", TaskOwner.BOTH: "Both of us"}

# A level in plain words, for a goal whose levels were not written with the client.
NEUTRAL_LEVELS = {
    -2: "at the start of the road towards this goal",
    -1: "part of the way towards what we hoped for",
    0: "what we hoped for",
    1: "a little beyond what we hoped for",
    2: "well beyond what we hoped for",
}
# The chart's axis, in plain words: no scale numbers, nothing that reads as a verdict.
CHART_LABELS = {
    2: "Well beyond",
    1: "Beyond",
    0: "Hoped for",
    -1: "On the way",
    -2: "Starting out",
}
_WHERE_IT_STANDS = {
    0: "That’s what we hoped for.",
    1: "That’s a little beyond what we hoped for.",
    2: "That’s well beyond what we hoped for.",
}
_STEP_WORDS = {1: "one step", 2: "two steps", 3: "three steps", 4: "four steps"}


def level_text(goal: ClientGoal, level: int) -> str:
    """The level in the client's words, or a plain phrase ("part of the way towards ...")."""
    return goal.wording(level) or NEUTRAL_LEVELS[level]


def progress_sentences(goal: ClientGoal, ending: bool = False) -> list[str]:
    """Where the client is now, told from where they started; gentle below what we hoped.
    With `ending` (the client's ending summary) the way forward is theirs to carry on."""
    current, started = goal.current, goal.started
    if current is None:
        return ["We haven’t looked at how this is going together yet."]
    if started is None or started.on >= current.on:
        sentences = ["This is where we’re starting from."]
    else:
        moved = current.level - started.level
        if moved == 0:
            sentences = ["That’s about where you were when we started."]
        elif moved > 0:
            sentences = [f"That’s {_STEP_WORDS[moved]} on from where you started."]
        else:
            sentences = [
                "That’s a little further back than when we started. Setbacks are a usual "
                "part of change, and we’ll look together at what would help."
            ]
    if current.level >= 0:
        sentences.append(_WHERE_IT_STANDS[current.level])
    elif ending:
        sentences.append(
            "Change often keeps coming after therapy ends; your plan for keeping well can help "
            "you keep going with this."
        )
    elif started is not None and current.level < started.level:
        sentences.append("We’ll keep working towards what we hoped for, together.")
    else:
        sentences.append(
            "Change often comes in small steps before it shows here; we’ll keep working "
            "towards what we hoped for, together."
        )
    return sentences


def task_status(task: GoalTask, today: dt.date, style: DateStyle) -> str:
    """ "done", "still to do" (a date passed is not printed), or "by 14 March 2026"."""
    if task.done:
        return "done"
    if task.due_on is not None and task.due_on >= today:
        return f"by {long_date(task.due_on, style)}"
    return "still to do"


def client_goal_block(
    number: int,
    goal: ClientGoal,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
    first_day: dt.date | None,
    last_day: dt.date | None,
    today: dt.date,
    lead: Sequence[Flowable] = (),
    ending: bool = False,
) -> list[Flowable]:
    """The goal with `lead` (a heading) if given: what it is and where the client stands kept
    together, then its chart and tasks kept together (the chart's caption names the goal, so
    it reads on its own if a page falls between them)."""
    flowables: list[Flowable] = [
        *lead,
        Paragraph(f"{number}. {markup(goal.title)}", styles.subheading),
    ]
    rest = goal.words.strip().splitlines()[1:]
    if any(line.strip() for line in rest):
        flowables.append(Paragraph(markup("\n".join(rest)), styles.body))
    if goal.column is GoalColumn.ACHIEVED:
        when = f" on {long_date(goal.achieved_on, style)}" if goal.achieved_on else ""
        flowables.append(Paragraph(f"<b>You reached this goal{when}.</b>", styles.body))
    if goal.hoped_for:
        flowables.append(_labelled("What we hoped for", goal.hoped_for, styles))
    chart: list[Flowable] = []
    if goal.show_current:
        flowables += _where_you_are(goal, styles, style, ending)
        chart = _chart(goal, styles, style, width, first_day, last_day)
    else:
        flowables.append(
            Paragraph("We’ll talk together about how this goal is going.", styles.body)
        )
    rest = chart + _what_was_done(goal, styles, style, today)
    blocks: list[Flowable] = [KeepTogether(flowables)]
    if rest:
        blocks.append(KeepTogether(rest))
    return [*blocks, Spacer(1, 4 * mm)]


def _where_you_are(
    goal: ClientGoal, styles: ReportStyles, style: DateStyle, ending: bool
) -> list[Flowable]:
    current, started = goal.current, goal.started
    flowables: list[Flowable] = []
    reached = goal.column is GoalColumn.ACHIEVED
    if current is not None:
        if started is not None and started.on < current.on:
            text = f"{_sentence(level_text(goal, started.level))} ({long_date(started.on, style)})"
            flowables.append(_labelled("Where you started", text, styles))
        text = f"{_sentence(level_text(goal, current.level))} ({long_date(current.on, style)})"
        flowables.append(
            _labelled("Where you got to" if reached else "Where you are now", text, styles)
        )
    if goal.column is not GoalColumn.ACHIEVED:
        flowables.append(Paragraph(" ".join(progress_sentences(goal, ending)), styles.aside))
    return flowables


def _chart(
    goal: ClientGoal,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
    first_day: dt.date | None,
    last_day: dt.date | None,
) -> list[Flowable]:
    if len(goal.ratings) < 2:
        return []
    first = first_day or goal.ratings[0].on
    last = last_day or goal.ratings[-1].on
    chart = goal_rating_chart(
        goal.ratings, first, last, style, min(width, 150 * mm), level_labels=CHART_LABELS
    )
    caption = f"How things have moved for “{markup(goal.title)}”"
    return [Paragraph(caption, styles.caption), chart]


def _what_was_done(
    goal: ClientGoal, styles: ReportStyles, style: DateStyle, today: dt.date
) -> list[Flowable]:
    if not goal.tasks:
        return []
    done = goal.tasks_done
    count = f" ({done} of {len(goal.tasks)} done so far)" if done else ""
    flowables: list[Flowable] = [Paragraph(f"What we agreed to do{count}", styles.label)]
    for task in goal.tasks:
        status = task_status(task, today, style)
        text = f"<b>{_OWNERS[task.owner]}:</b> {markup(task.description)} — {status}"
        flowables.append(Paragraph(text, styles.bullet, bulletText="✓" if task.done else "•"))
    return flowables


def _labelled(label: str, text: str, styles: ReportStyles) -> Paragraph:
    return Paragraph(f"<b>{label}:</b> {markup(text)}", styles.body)


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]
