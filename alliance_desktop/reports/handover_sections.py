"""Parts of the handover record no other report prints: a goal in full (framing, quality
check, all five GAS levels, every rating, board history, tasks), the session list, session
and process notes, and the details of each rupture.

Long text goes into paragraphs, never table cells: a table row cannot break across pages, and
a long note in one would not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from alliance_desktop.domain.goal import GAS_LEVELS, Goal, GoalColumn, QualityAspect
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import Modality, Session, SessionKind, SessionStatus
from alliance_desktop.reports.charts import goal_rating_chart
from alliance_desktop.reports.formatting import (
    level_words,
    markup,
    short_date,
    signed_level,
)
from alliance_desktop.reports.report_data import RatingPoint
from alliance_desktop.reports.sections import facts_table, grid_table
from alliance_desktop.reports.styles import FONT, ReportStyles


def _gap() -> Spacer:
    return Spacer(1, 2 * mm)


_PRIORITY_WORDS = {1: "High", 2: "Medium", 3: "Low"}
_PROPOSED_WORDS = {"client": "The client", "clinician": "The clinician", "together": "Together"}
_OWNER_WORDS = {"client": "Client", "clinician": "Clinician", "both": "Both"}


def goal_section(
    number: int, goal: Goal, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    head: list[Flowable] = [Paragraph(f"{number}. {markup(goal.title)}", styles.subheading)]
    rest = goal.client_words.strip().splitlines()[1:]
    if any(line.strip() for line in rest):
        head.append(Paragraph(markup("\n".join(rest)), styles.body))
    if goal.clinician_framing:
        head.append(
            Paragraph(f"<b>Clinician’s framing:</b> {markup(goal.clinician_framing)}", styles.body)
        )
    since = goal.moved_on(goal.column)
    status = goal.column.label + (f" since {short_date(since, style)}" if since else "")
    rows = [
        ("Board column", status),
        ("Proposed by", _PROPOSED_WORDS[goal.proposed_by.value]),
        ("Priority", _PRIORITY_WORDS.get(goal.priority, str(goal.priority))),
        ("GAS weight", f"{goal.weight:g}"),
        ("Target date", short_date(goal.target_date, style)),
        ("Review date", short_date(goal.review_date, style)),
        ("Quality check", _quality_text(goal)),
    ]
    head.append(facts_table(rows, styles, width))
    flowables: list[Flowable] = [KeepTogether(head)]

    if any(goal.levels):
        levels = [[Paragraph(h, styles.cell_bold) for h in ("GAS level", "What it looks like")]]
        levels += [
            [
                Paragraph(f"{signed_level(level)} ({level_words(level)})", styles.cell),
                Paragraph(markup(text) or "—", styles.cell),
            ]
            for level, text in zip(GAS_LEVELS, goal.levels, strict=True)
        ]
        flowables += [_gap(), grid_table(levels, [0.34 * width, 0.66 * width])]
    else:
        flowables.append(Paragraph("No GAS levels written yet.", styles.small))
    flowables.append(_gap())
    if goal.history:
        moves = " → ".join(
            f"{move.column.label} {short_date(move.moved_on, style)}" for move in goal.history
        )
        flowables.append(Paragraph(f"<b>On the board:</b> {moves}", styles.body))
    if goal.ratings:
        points = [RatingPoint(rating.rated_on, rating.level) for rating in goal.ratings]
        chart = goal_rating_chart(points, points[0].on, points[-1].on, style, min(width, 150 * mm))
        caption = Paragraph(f"GAS ratings: {markup(goal.title)}", styles.caption)
        flowables.append(KeepTogether([caption, chart]))
        flowables += _ratings(goal, styles, style, width)
    elif goal.column.counts_for_gas:
        flowables.append(Paragraph("Not rated yet.", styles.small))
    if goal.tasks:
        tasks: list[Flowable] = [Paragraph("Tasks", styles.label)]
        for task in goal.tasks:
            due = f" (by {short_date(task.due_on, style)})" if task.due_on else ""
            done = " — done" if task.done else ""
            text = f"<b>{_OWNER_WORDS[task.owner.value]}:</b> {markup(task.description)}{due}{done}"
            tasks.append(Paragraph(text, styles.bullet, bulletText="✓" if task.done else "•"))
        flowables.append(KeepTogether(tasks))
    if goal.column is GoalColumn.ACHIEVED and goal.moved_on(GoalColumn.ACHIEVED) is None:
        flowables.append(Paragraph("Achieved (date not recorded).", styles.small))
    flowables.append(Spacer(1, 3 * mm))
    return flowables


_RATINGS_PER_ROW = 3


def _ratings(goal: Goal, styles: ReportStyles, style: DateStyle, width: float) -> list[Flowable]:
    """Every rating, three to a row (a monthly rating over ten years is 120 of them), then
    the notes written with any of them."""
    header = ("Date", "Level", "Rated by") * _RATINGS_PER_ROW
    rows: list[list[str | Flowable]] = [[Paragraph(h, styles.cell_bold) for h in header]]
    cells = [
        [short_date(r.rated_on, style), signed_level(r.level), r.rated_by.value.capitalize()]
        for r in goal.ratings
    ]
    for start in range(0, len(cells), _RATINGS_PER_ROW):
        group = cells[start : start + _RATINGS_PER_ROW]
        group += [["", "", ""]] * (_RATINGS_PER_ROW - len(group))
        rows.append([cell for triple in group for cell in triple])
    widths = [width * share / _RATINGS_PER_ROW for share in (0.4, 0.25, 0.35)]
    flowables: list[Flowable] = [_table(rows, widths * _RATINGS_PER_ROW, styles)]
    noted = [r for r in goal.ratings if r.note]
    if noted:
        flowables.append(Paragraph("Notes with the ratings", styles.label))
        flowables += [
            Paragraph(
                f"<b>{short_date(r.rated_on, style)}:</b> {markup(r.note)}",
                styles.bullet,
                bulletText="•",
            )
            for r in noted
        ]
    return flowables


def _quality_text(goal: Goal) -> str:
    lines = []
    for aspect in QualityAspect:
        check = goal.quality.check(aspect)
        if check.answer is None and not check.note:
            continue
        answer = check.answer.value if check.answer else "not answered"
        lines.append(f"{aspect.label}: {answer}" + (f" — {check.note}" if check.note else ""))
    return "\n".join(lines) or "Not done"


def sessions_table(
    sessions: Sequence[Session], styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    """Every session, one line each. Most cells are plain strings in columns measured to fit
    their longest possible value: a long course has thousands of cells, and Paragraphs for
    each would double the time the whole record takes to build."""
    if not sessions:
        return [Paragraph("No sessions were booked.", styles.body)]
    size = styles.cell.fontSize
    when = [f"{short_date(s.start.date(), style)} {s.start:%H:%M}" for s in sessions]
    fixed = [
        _fit(when, size),
        _fit(["Min", "480"], size),
        _fit([m.label for m in Modality], size),
        _fit([k.label for k in SessionKind], size),
        _fit([s.label for s in SessionStatus], size),
        _fit(["10 / 10"], size) + 12,
    ]
    widths = [*fixed[:5], width - sum(fixed), fixed[5]]
    header = ("Date", "Min", "How", "Kind", "Status", "Focus", "Check-in")
    rows: list[list[str | Flowable]] = [[Paragraph(h, styles.cell_bold) for h in header]]
    for session, started in zip(sessions, when, strict=True):
        check_in = session.check_in
        overall = ""
        if check_in.client is not None or check_in.clinician is not None:
            overall = " / ".join(
                str(r.overall) if r is not None else "–"
                for r in (check_in.client, check_in.clinician)
            )
        rows.append(
            [
                started,
                str(session.duration_minutes),
                session.modality.label,
                session.kind.label,
                session.status.label,
                _cell(session.focus, styles, widths[5]) if session.focus else "",
                overall,
            ]
        )
    caption = (
        "Check-in: the overall rating out of 10, the client's / the clinician's "
        "(– where not given)."
    )
    return [_table(rows, widths, styles), Paragraph(caption, styles.caption)]


def _fit(texts: Sequence[str], size: float) -> float:
    """A column just wide enough for the widest of `texts`, padding included."""
    return max(float(stringWidth(text, FONT, size)) for text in texts) + 8


def _cell(text: str, styles: ReportStyles, width: float) -> str | Paragraph:
    """Short text as a plain string (fast to lay out: a 500-session table has 4,000 cells);
    a Paragraph only when it has to wrap."""
    if not text:
        return "—"
    if "\n" not in text and stringWidth(text, FONT, styles.cell.fontSize) <= width - 7:
        return text
    return Paragraph(markup(text), styles.cell)


def _table(
    rows: list[list[str | Flowable]],
    widths: Sequence[float],
    styles: ReportStyles,
    long_text: bool = False,
) -> Table:
    table = grid_table(rows, widths, long_text=long_text)
    cell = styles.cell
    table.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
                ("LEADING", (0, 1), (-1, -1), cell.leading),
                ("TEXTCOLOR", (0, 1), (-1, -1), cell.textColor),
            ]
        )
    )
    return table


def session_notes(
    sessions: Sequence[Session], styles: ReportStyles, style: DateStyle, *, private: bool
) -> list[Flowable]:
    """Each session with something written, oldest first: the agenda and progress note, or
    (with `private`) the process notes."""
    flowables: list[Flowable] = []
    for session in sessions:
        agenda = "" if private else session.agenda
        note = session.private_note if private else session.progress_note
        if not agenda and not note:
            continue
        title = (
            f"<b>{short_date(session.start.date(), style)}, {session.start:%H:%M} · "
            f"{session.kind.label} · {session.status.label}</b>"
        )
        lines = [title]
        if session.focus and not private:
            lines.append(f"<b>Focus:</b> {markup(session.focus)}")
        if agenda:
            lines.append(f"<b>Agenda:</b> {markup(agenda)}")
        flowables.append(Paragraph("<br/>".join(lines), _note_heading(styles)))
        flowables += [Paragraph(markup(p), styles.body) for p in note.split("\n\n") if p.strip()]
    if not flowables:
        what = "process notes" if private else "session notes"
        return [Paragraph(f"No {what} were written.", styles.body)]
    return flowables


@cache
def _note_heading(styles: ReportStyles) -> ParagraphStyle:
    """The session's date, focus and agenda, kept with the note below it."""
    return ParagraphStyle(
        f"{styles.body.name}-note-heading", parent=styles.body, spaceBefore=6, keepWithNext=1
    )


def rupture_details(
    ruptures: Sequence[RuptureEntry], styles: ReportStyles, style: DateStyle
) -> list[Flowable]:
    """Markers, what each repair involved and the follow-up: more than the table holds."""
    flowables: list[Flowable] = []
    for entry in ruptures:
        lines = []
        if entry.markers:
            lines.append(f"<b>Markers:</b> {markup('; '.join(entry.markers))}")
        for repair in entry.repairs:
            note = f": {markup(repair.note)}" if repair.note else ""
            lines.append(f"<b>{markup(repair.strategy.label)}</b>{note}")
        if entry.follow_up_on:
            lines.append(f"<b>Follow up:</b> {short_date(entry.follow_up_on, style)}")
        if not lines:
            continue
        title = (
            f"{short_date(entry.occurred_on, style)} · {entry.kind.label} · significance "
            f"{entry.significance} · raised by the {entry.raised_by.value}"
        )
        flowables.append(
            KeepTogether(
                [Paragraph(title, styles.label)]
                + [Paragraph(line, styles.bullet, bulletText="•") for line in lines]
            )
        )
    if flowables:
        flowables.insert(0, Paragraph("Details of each rupture", styles.subheading))
    return flowables
