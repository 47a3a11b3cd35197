"""The ending summary, client copy: why we are ending, what the client achieved and what is
still open, their plan for keeping well, who to see next, how to get in touch again, a short
closing from the clinician, and where to get help if things get worse.

Client-facing: never rupture entries, clinician notes or framing, the clinician's note on the
reason for ending, and instrument scores only when the clinician ticks them in.
`ClientEndingSummaryData` has no room for the rest, and `ensure_client_safe` refuses anything
slipped in.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.domain.ending import EndingReason
from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.reports.audience import ensure_client_safe
from alliance_desktop.reports.client_goal_block import client_goal_block
from alliance_desktop.reports.client_measures import client_measures_section
from alliance_desktop.reports.crisis_section import crisis_section
from alliance_desktop.reports.formatting import date_range, long_date, markup, plural
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.report_data import ClientEndingSummaryData
from alliance_desktop.reports.sections import maintenance_plan_section
from alliance_desktop.reports.styles import ReportStyles

TITLE = "Ending summary"

# The reason for ending as the client reads it; the clinician's own note never prints.
CLIENT_REASONS = {
    EndingReason.GOALS_MET: "You have reached the goals we set together.",
    EndingReason.CLIENT_FEELS_ABLE: "You feel able to carry on from here on your own.",
    EndingReason.LIFE_CHANGE: "A change in your life means this is the right time to stop.",
    EndingReason.REFERRAL: "Another service can offer what would help you most next.",
    EndingReason.ALLIANCE_NOT_WORKING: (
        "We agreed that our way of working was not the best fit for you, and that another "
        "approach may suit you better. That is nobody’s failing."
    ),
    EndingReason.OTHER: "We agreed together that this is the right time to end.",
}


def build_client_ending_summary(data: ClientEndingSummaryData) -> bytes:
    ensure_client_safe(data)
    period = date_range(data.first_session, data.last_session, data.profile.date_style)
    opening = open_report(
        kind=TITLE,
        subject="A summary of our work together, and a plan for keeping well",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=True,
        title=f"Ending summary for {data.client_name}",
        subtitle=f"Our work together: {period}" if period else "",
    )
    styles, story = opening.styles, opening.story
    style, width = opening.date_style, opening.width
    intro = "This summary is yours to keep: what you achieved, what you are still working "
    intro += "on, and your plan for keeping well."
    if data.sessions_attended:
        intro = f"We met for {plural(data.sessions_attended, 'session')}. " + intro
    story.append(Paragraph(intro, styles.body))
    if data.reason is not None:
        story.append(
            KeepTogether(
                [
                    Paragraph("Why we are ending", styles.heading),
                    Paragraph(CLIENT_REASONS[data.reason], styles.body),
                ]
            )
        )
    story += _goals(data, styles, style, width)
    story.append(Paragraph("Your plan for keeping well", styles.heading))
    story += maintenance_plan_section(
        data.maintenance,
        data.follow_up_dates,
        styles,
        style,
        width,
        client_facing=True,
    )
    if data.referral.strip():
        story.append(
            KeepTogether(
                [
                    Paragraph("Who to see next", styles.heading),
                    Paragraph(markup(data.referral), styles.body),
                ]
            )
        )
    story.append(KeepTogether(_getting_in_touch(data, styles, style)))
    story += client_measures_section(data.instruments, styles, style, width)
    story += crisis_section(data.profile, styles, data.maintenance.if_things_get_worse)
    if data.closing_words.strip():
        story.append(
            KeepTogether(
                [
                    Paragraph("A last word", styles.heading),
                    Paragraph(markup(data.closing_words), styles.body),
                ]
            )
        )
    return render(opening.setup, story)


def _goals(
    data: ClientEndingSummaryData, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    """What the client achieved first, then what is still open."""
    if not data.goals:
        return [
            Paragraph("Your goals", styles.heading),
            Paragraph("We didn’t set any goals down in writing.", styles.body),
        ]
    reached = [goal for goal in data.goals if goal.column is GoalColumn.ACHIEVED]
    still_open = [goal for goal in data.goals if goal.column is not GoalColumn.ACHIEVED]
    today = data.last_session or data.generated_on
    flowables: list[Flowable] = []
    number = 0
    for title, goals in (
        ("What you achieved", reached),
        ("What you are still working on", still_open),
    ):
        for index, goal in enumerate(goals):
            number += 1
            lead = [Paragraph(title, styles.heading)] if index == 0 else []
            flowables += client_goal_block(
                number, goal, styles, style, width, None, None, today, lead=lead, ending=True
            )
    return flowables


def _getting_in_touch(
    data: ClientEndingSummaryData, styles: ReportStyles, style: DateStyle
) -> list[Flowable]:
    flowables: list[Flowable] = [Paragraph("How to get in touch again", styles.heading)]
    for day in data.follow_up_dates:
        if day < data.generated_on:
            text = f"We met again for a follow-up session on {long_date(day, style)}"
        elif day in data.booked_follow_ups:
            text = f"Follow-up session on {long_date(day, style)} (booked)"
        else:
            text = f"Follow-up session around {long_date(day, style)} (to be booked)"
        flowables.append(Paragraph(text, styles.bullet, bulletText="•"))
    profile = data.profile
    contact = " or ".join(part for part in (profile.phone, profile.email) if part)
    who = profile.clinician_name or profile.practice_name or "me"
    if contact:
        text = f"You are welcome to get in touch again: contact {markup(who)} on {markup(contact)}."
    else:
        text = "You are welcome to get in touch again whenever you need to."
    if not data.follow_up_dates:
        text = "No follow-up session is planned yet. " + text
    flowables.append(Paragraph(text, styles.body))
    return flowables
