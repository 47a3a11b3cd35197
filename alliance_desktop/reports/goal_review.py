"""The goal review: printed and handed to the client in a session.

Client-facing: the client's own words, in plain language and large type. It never holds
clinical notes, rupture entries or (unless the clinician ticks them in) instrument scores; the
data type has no room for them and `ensure_client_safe` refuses anything slipped in.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.reports.audience import ensure_client_safe
from alliance_desktop.reports.formatting import date_range, markup
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.report_data import GoalReviewData
from alliance_desktop.reports.sections import client_goal_block, instruments_table, writing_lines

TITLE = "Goal review"


def build_goal_review(data: GoalReviewData) -> bytes:
    ensure_client_safe(data)
    period = date_range(data.since, data.until, data.profile.date_style)
    opening = open_report(
        kind=TITLE,
        subject="A review of the goals we agreed on",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=True,
        title=f"Goal review for {data.client_name}",
        subtitle=period[:1].upper() + period[1:],
    )
    setup, styles, story = opening.setup, opening.styles, opening.story
    style = opening.date_style
    width = opening.width
    story.append(
        Paragraph(
            "This is a summary of the goals we agreed on together and how things are going. "
            "It is yours to keep, and we can change any of it together.",
            styles.body,
        )
    )
    heading = Paragraph("Your goals", styles.heading)
    if not data.goals:
        story += [heading, Paragraph("We haven’t agreed on any goals yet.", styles.body)]
    for number, goal in enumerate(data.goals, start=1):
        lead = [heading] if number == 1 else []
        story += client_goal_block(
            number, goal, styles, style, width, data.since, data.until, lead=lead
        )
    focus: list[Flowable] = [Paragraph("What we’ll focus on next", styles.heading)]
    if data.next_focus.strip():
        focus.append(Paragraph(markup(data.next_focus), styles.body))
    else:
        focus.append(writing_lines(4, width, gap=10 * mm))
    story.append(KeepTogether(focus))
    if data.instruments:
        story.append(
            KeepTogether(
                [
                    Paragraph("Questionnaires you filled in", styles.heading),
                    instruments_table(data.instruments, styles, style, width),
                ]
            )
        )
    return render(setup, story)
