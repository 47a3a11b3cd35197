"""Pieces more than one report prints: a goal as the client sees it, the maintenance plan,
instrument scores, labelled facts, and ruled lines to write on by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from alliance_desktop.domain.alliance_check_in import Instrument
from alliance_desktop.domain.ending import MaintenancePlan
from alliance_desktop.domain.goal import GoalColumn, GoalTask, TaskOwner
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.reports.charts import goal_rating_chart
from alliance_desktop.reports.formatting import (
    long_date,
    markup,
    short_date,
    whole_or_decimal,
)
from alliance_desktop.reports.report_data import ClientGoal, InstrumentReading
from alliance_desktop.reports.styles import FONT, RULE, SHADE, ReportStyles

_CLIENT_OWNERS = {TaskOwner.CLIENT: "You", TaskOwner.CLINICIAN: "Me", TaskOwner.BOTH: "Both of us"}
_CLIENT_LEVEL_WORDS = {
    -2: "That’s well short of what we hoped for, so far",
    -1: "That’s a step short of what we hoped for, so far",
    0: "That’s where we hoped to be",
    1: "That’s a little beyond what we hoped for",
    2: "That’s well beyond what we hoped for",
}


def client_goal_block(
    number: int,
    goal: ClientGoal,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
    first_day: dt.date | None,
    last_day: dt.date | None,
    lead: Sequence[Flowable] = (),
) -> list[Flowable]:
    """One goal in the client's words: what we hoped for, where they are now, a small chart
    of ratings, and the tasks agreed; kept on one page, with `lead` (a heading) if given."""
    head: list[Flowable] = [*lead, Paragraph(f"{number}. {markup(goal.title)}", styles.subheading)]
    rest = goal.words.strip().splitlines()[1:]
    if any(line.strip() for line in rest):
        head.append(Paragraph(markup("\n".join(rest)), styles.body))
    if goal.column is GoalColumn.ACHIEVED:
        when = f" on {long_date(goal.achieved_on, style)}" if goal.achieved_on else ""
        head.append(Paragraph(f"<b>You reached this goal{when}.</b>", styles.body))
    if goal.expected_outcome:
        head.append(_labelled("What we hoped for", goal.expected_outcome, styles))
    if goal.current is not None:
        description = goal.level_description(goal.current.level)
        words = _CLIENT_LEVEL_WORDS[goal.current.level]
        when = long_date(goal.current.on, style)
        if description:
            head.append(_labelled("Where you are now", description, styles))
            head.append(Paragraph(f"{words} (as of {when}).", styles.aside))
        else:
            head.append(_labelled("Where you are now", f"{words} (as of {when}).", styles))
    else:
        head.append(_labelled("Where you are now", "We haven’t rated this goal yet.", styles))
    flowables = head
    if goal.ratings:
        first = first_day or goal.ratings[0].on
        last = last_day or goal.ratings[-1].on
        chart = goal_rating_chart(goal.ratings, first, last, style, min(width, 150 * mm))
        flowables += [Paragraph("How the ratings have moved", styles.caption), chart]
    if goal.tasks:
        tasks = [Paragraph("What we agreed to do", styles.label)]
        tasks += [_task_line(task, styles, style) for task in goal.tasks]
        flowables += tasks
    return [KeepTogether(flowables), Spacer(1, 4 * mm)]


def _task_line(task: GoalTask, styles: ReportStyles, style: DateStyle) -> Paragraph:
    due = f" (by {long_date(task.due_on, style)})" if task.due_on else ""
    mark = "✓" if task.done else "•"
    done = " — done" if task.done else ""
    text = f"<b>{_CLIENT_OWNERS[task.owner]}:</b> {markup(task.description)}{due}{done}"
    return Paragraph(text, styles.bullet, bulletText=mark)


def _labelled(label: str, text: str, styles: ReportStyles) -> Paragraph:
    return Paragraph(f"<b>{label}:</b> {markup(text)}", styles.body)


def maintenance_plan_section(
    plan: MaintenancePlan,
    follow_up_dates: Sequence[dt.date],
    styles: ReportStyles,
    style: DateStyle,
    width: float,
    client_facing: bool,
    date_text: Callable[[dt.date | None, DateStyle], str] = long_date,
) -> list[Flowable]:
    """What helped, warning signs, coping steps, who to contact, what to do if things get
    worse, and booster or follow-up dates. Empty parts are not hidden: the clinician's copy
    says so, the client's has lines to write on."""

    you = "you" if client_facing else "the client"
    parts = (
        ("What helped", plan.what_helped),
        (f"Warning signs for {you} to watch for", plan.warning_signs),
        ("Steps that help", plan.coping_steps),
        ("People and services to contact", plan.supports),
    )
    flowables: list[Flowable] = []
    for title, entries in parts:
        block: list[Flowable] = [Paragraph(title, styles.subheading)]
        if entries:
            block += [Paragraph(markup(entry), styles.bullet, bulletText="•") for entry in entries]
        else:
            block.append(_empty(styles, width, client_facing))
        flowables += block
    worse: list[Flowable] = [Paragraph("If things get worse", styles.subheading)]
    if plan.if_things_get_worse:
        worse.append(Paragraph(markup(plan.if_things_get_worse), styles.body))
    else:
        worse.append(_empty(styles, width, client_facing, lines=3))
    flowables += worse
    dates: list[Flowable] = [Paragraph("Booster and follow-up sessions", styles.subheading)]
    if follow_up_dates:
        dates += [
            Paragraph(date_text(day, style), styles.bullet, bulletText="•")
            for day in follow_up_dates
        ]
    else:
        dates.append(Paragraph("None booked.", styles.body if client_facing else styles.small))
    flowables += dates
    return flowables


def _empty(styles: ReportStyles, width: float, client_facing: bool, lines: int = 2) -> Flowable:
    if client_facing:
        return writing_lines(lines, width, gap=9 * mm)
    return Paragraph("Not written yet.", styles.small)


def instruments_table(
    readings: Sequence[InstrumentReading], styles: ReportStyles, style: DateStyle, width: float
) -> Table:
    rows = [[Paragraph(h, styles.cell_bold) for h in ("Date", "Questionnaire", "Score")]]
    rows += [
        [
            Paragraph(short_date(reading.on, style), styles.cell),
            Paragraph(markup(reading.instrument.spec.label), styles.cell),
            Paragraph(
                f"{whole_or_decimal(reading.total)} "
                f"(of {whole_or_decimal(reading.instrument.spec.maximum)})",
                styles.cell,
            ),
        ]
        for reading in readings
    ]
    return grid_table(rows, [0.22 * width, 0.53 * width, 0.25 * width])


def instrument_summary_table(
    readings: Sequence[InstrumentReading], styles: ReportStyles, style: DateStyle, width: float
) -> Table:
    """Per questionnaire: the first and latest score and how many times it was filled in."""
    by_instrument: dict[Instrument, list[InstrumentReading]] = {}
    for reading in sorted(readings, key=lambda r: (r.on, r.instrument.value)):
        by_instrument.setdefault(reading.instrument, []).append(reading)
    header = ("Questionnaire", "First", "Latest", "Times")
    rows = [[Paragraph(h, styles.cell_bold) for h in header]]
    for instrument in sorted(by_instrument, key=lambda i: i.spec.label):
        series = by_instrument[instrument]
        rows.append(
            [
                Paragraph(markup(instrument.spec.label), styles.cell),
                Paragraph(_reading(series[0], style), styles.cell),
                Paragraph(_reading(series[-1], style), styles.cell),
                Paragraph(str(len(series)), styles.cell),
            ]
        )
    return grid_table(rows, [0.4 * width, 0.24 * width, 0.24 * width, 0.12 * width])


def _reading(reading: InstrumentReading, style: DateStyle) -> str:
    maximum = whole_or_decimal(reading.instrument.spec.maximum)
    return f"{whole_or_decimal(reading.total)} of {maximum} ({short_date(reading.on, style)})"


def facts_table(
    rows: Sequence[tuple[str, str]], styles: ReportStyles, width: float, label_share: float = 0.32
) -> Table:
    """Two columns: a bold label and its value (value text is escaped here)."""
    cells = [
        [Paragraph(label, styles.cell_bold), Paragraph(markup(value) or "—", styles.cell)]
        for label, value in rows
    ]
    table = Table(cells, colWidths=[label_share * width, (1 - label_share) * width])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def grid_table(
    rows: list[list[Flowable]], widths: Sequence[float], *, long_text: bool = False
) -> Table:
    """A table with a shaded header row repeated on every page. With `long_text` (notes the
    clinician wrote) a row may break across pages: one taller than a page cannot be laid out
    otherwise."""
    table = Table(rows, colWidths=list(widths), repeatRows=1, splitInRow=int(long_text))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def writing_lines(count: int, width: float, gap: float = 9 * mm) -> Table:
    """Ruled lines to write on by hand."""
    table = Table([[""] for _ in range(count)], colWidths=[width], rowHeights=[gap] * count)
    table.setStyle(
        TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), FONT), ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)]
        )
    )
    return table
