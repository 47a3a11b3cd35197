"""The ending summary, client copy: the goals in the client's own words, where they got to,
and their plan for keeping well, in plain language and large type.

Client-facing: never rupture entries, clinician notes or framing, and instrument scores only
when the clinician ticks them in. `ClientEndingSummaryData` has no room for the rest, and
`ensure_client_safe` refuses anything slipped in.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak, Paragraph

from alliance_desktop.reports.audience import ensure_client_safe
from alliance_desktop.reports.formatting import date_range, plural
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.report_data import ClientEndingSummaryData
from alliance_desktop.reports.sections import (
    client_goal_block,
    instrument_summary_table,
    maintenance_plan_section,
)

TITLE = "Ending summary"


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
    setup, styles, story = opening.setup, opening.styles, opening.story
    style = opening.date_style
    width = opening.width
    intro = "This summary is yours to keep: the goals you worked on, where you got to, and "
    intro += "your plan for keeping well."
    if data.sessions_attended:
        intro = f"We met for {plural(data.sessions_attended, 'session')}. " + intro
    story.append(Paragraph(intro, styles.body))

    heading = Paragraph("Your goals", styles.heading)
    if not data.goals:
        story += [heading, Paragraph("We didn’t set any goals down in writing.", styles.body)]
    for number, goal in enumerate(data.goals, start=1):
        lead = [heading] if number == 1 else []
        story += client_goal_block(number, goal, styles, style, width, None, None, lead=lead)

    # The plan for keeping well starts a page of its own, to keep somewhere handy.
    story.append(PageBreak())
    story.append(Paragraph("Your plan for keeping well", styles.heading))
    story += maintenance_plan_section(
        data.maintenance, data.follow_up_dates, styles, style, width, client_facing=True
    )
    if data.instruments:
        story.append(
            KeepTogether(
                [
                    Paragraph("Questionnaires you filled in", styles.heading),
                    instrument_summary_table(data.instruments, styles, style, width),
                ]
            )
        )
    return render(setup, story)
