"""The goal review: printed and handed to the client in a session.

Client-facing: the client's own words, in plain language and large type, progress told from
where they started, what was done, and where to get help. It never holds clinical notes,
rupture entries, the clinician's level descriptions or (unless the clinician ticks them in)
instrument scores; the data type has no room for them and `ensure_client_safe` refuses
anything slipped in.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from alliance_desktop.reports.audience import ensure_client_safe
from alliance_desktop.reports.client_goal_block import client_goal_block
from alliance_desktop.reports.client_measures import client_measures_section
from alliance_desktop.reports.crisis_section import crisis_section
from alliance_desktop.reports.formatting import date_range, markup, plural
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.report_data import GoalReviewData
from alliance_desktop.reports.sections import keep_together, writing_lines

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
    styles, story = opening.styles, opening.story
    style, width = opening.date_style, opening.width
    story.append(Paragraph(introduction(data), styles.body))
    heading = Paragraph("Your goals", styles.heading)
    if not data.goals:
        story += [
            heading,
            Paragraph(
                "We haven’t written down any goals yet. We’ll choose them together, in your "
                "own words.",
                styles.body,
            ),
        ]
    today = data.until or data.generated_on
    for number, goal in enumerate(data.goals, start=1):
        lead = [heading] if number == 1 else []
        story += client_goal_block(
            number, goal, styles, style, width, data.since, data.until, today, lead=lead
        )
    story += client_measures_section(data.instruments, styles, style, width)
    # The last two sections travel together, so the last page never holds a heading alone.
    focus: list[Flowable] = [Paragraph("What we’ll focus on next", styles.heading)]
    if data.next_focus.strip():
        focus.append(Paragraph(markup(data.next_focus), styles.body))
    else:
        focus.append(writing_lines(4, width, gap=10 * mm))
    story.append(keep_together([*focus, *crisis_section(data.profile, styles)]))
    return render(opening.setup, story)


def introduction(data: GoalReviewData) -> str:
    """Says only what is true of this review: no "goals we agreed on" before there are any."""
    met = (
        f"We have met for {plural(data.sessions_attended, 'session')} in this time. "
        if data.sessions_attended
        else ""
    )
    if not data.goals:
        return (
            f"{met}This is where we are starting from. It is yours to keep, and we can "
            "change any of it together."
        )
    return (
        f"{met}This is a summary of the goals we agreed on together and how things are going, "
        "told from where you started. It is yours to keep, and we can change any of it together."
    )
