"""The handover record: a client's record for the next clinician, as one PDF (encrypted by the
caller, over the finished bytes, before it is written).

In the order a receiver reads it: page 1 "At a glance" (handover_glance.py), then who the
client is, the goals (each chart captioned with its goal), the alliance and questionnaires
(handover_measures.py), ruptures when included, sessions, the ending plan, and the notes
last. Every page's footer names the client and their date of birth; every date is the
practice's short date.

Built with `invariant=1` like the other reports: the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph

from alliance_desktop.domain.client import Client
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.goal_rules import t_score_history
from alliance_desktop.domain.handover import (
    ClientRecord,
    HandoverDetails,
    HandoverOptions,
    listed_labels,
)
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.domain.risk import RiskReview, SafetyPlan
from alliance_desktop.domain.session import AttendanceCounts, SessionStatus
from alliance_desktop.domain.share_consent import ShareCategory, parse_share_scope
from alliance_desktop.reports.ending_plan import attendance_text
from alliance_desktop.reports.ending_summary import ruptures_section
from alliance_desktop.reports.formatting import markup, plural, short_date
from alliance_desktop.reports.handover_glance import GlanceFacts, client_footer, glance_page
from alliance_desktop.reports.handover_measures import alliance_part, questionnaires_part
from alliance_desktop.reports.handover_sections import (
    goal_section,
    rupture_details,
    session_notes,
    sessions_table,
)
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.sections import (
    facts_table,
    grid_table,
    maintenance_plan_section,
)
from alliance_desktop.reports.styles import ReportStyles

TITLE = "Handover record"
_GOAL_ORDER = (
    GoalColumn.ACTIVE,
    GoalColumn.AGREED,
    GoalColumn.ACHIEVED,
    GoalColumn.PROPOSED,
    GoalColumn.SET_ASIDE,
)


@dataclass(frozen=True)
class HandoverRecordData:
    profile: PracticeProfile  # the sending clinician
    record: ClientRecord  # every category outside the handover already left out
    details: HandoverDetails
    options: HandoverOptions
    generated_on: dt.date
    # Filled in by the risk service once it exists; None prints "No risk review recorded".
    latest_risk_review: RiskReview | None = None
    safety_plan: SafetyPlan | None = None
    now: dt.datetime | None = None  # sessions from here on are "next"; default: that morning


def build_handover_record(data: HandoverRecordData) -> bytes:
    """The PDF in the clear, for the caller to encrypt before it is written anywhere
    (exchange/pdf_encryption.py). In the order a receiver reads it: at a glance, who the
    client is, goals, the alliance, questionnaires, ruptures, sessions, the ending plan, and
    the notes last."""
    client = data.record.client
    style = data.profile.date_style
    born = f", born {short_date(client.date_of_birth, style)}" if client.date_of_birth else ""
    opening = open_report(
        kind=TITLE,
        subject="A client's record, handed over to the next clinician",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=False,
        title=TITLE,
        subtitle=f"Client: {client.display_name + born}",
    )
    setup, styles, width = opening.setup, opening.styles, opening.width
    record, options = data.record, data.options
    story = opening.story + handover_opening(data, styles, width)
    story += glance_page(
        GlanceFacts(
            record,
            data.details,
            options,
            data.latest_risk_review,
            data.safety_plan,
            data.now or dt.datetime.combine(data.generated_on, dt.time()),
            style,
        ),
        styles,
        width,
    )
    story.append(PageBreak())
    story += _profile_section(record.client, styles, style, width)
    if options.includes(ShareCategory.SESSIONS):
        story += _course_section(record, styles, style, width)
    story += _goals_part(record, options, styles, style, width)
    story += alliance_part(record, options, styles, style, width)
    story += questionnaires_part(record, options, styles, style, width)
    story.append(Paragraph("Ruptures and repairs", styles.heading))
    if options.include_ruptures:
        story += ruptures_section(record.ruptures, styles, style, width)
        story += rupture_details(record.ruptures, styles, style)
    else:
        story.append(Paragraph("The rupture log was not included.", styles.body))
    if options.includes(ShareCategory.SESSIONS):
        story.append(Paragraph("Sessions", styles.heading))
        story += sessions_table(record.sessions, styles, style, width)
    else:
        story += _not_included("Sessions", "Session dates and attendance", styles)
    if options.includes(ShareCategory.SUMMARY):
        story += _ending_section(record, styles, style, width)
    else:
        story += _not_included("Ending plan", "The summary of the work and the ending plan", styles)
    story += _notes_part(record, options, styles, style)
    return render(setup, story, footer_subject=client_footer(record, style))


def handover_opening(
    data: HandoverRecordData, styles: ReportStyles, width: float
) -> list[Flowable]:
    """To whom and on what consent the record goes (under the shared report opening)."""
    details, style = data.details, data.profile.date_style
    story: list[Flowable] = []
    receiver = details.receiver_name
    if details.receiver_organisation:
        receiver += f", {details.receiver_organisation}"
    rows = [
        ("Handed over to", receiver),
        ("Contact", details.receiver_contact),
        ("Handover date", short_date(details.handed_over_on, style)),
        (
            "Client's consent",
            f"Given {short_date(details.consent_given_on, style)} to share: "
            + (listed_labels(details_consented(details)) or details.consent_scope),
        ),
    ]
    story.append(facts_table([row for row in rows if row[1]], styles, width))
    return story


def _notes_part(
    record: ClientRecord, options: HandoverOptions, styles: ReportStyles, style: DateStyle
) -> list[Flowable]:
    """Last, because they are the longest: progress notes, then process notes."""
    story: list[Flowable] = [Paragraph("Session notes", styles.heading)]
    if options.include_session_notes:
        story += session_notes(
            record.sessions, styles, style, private=False, signed=record.signed_notes
        )
    else:
        story.append(Paragraph("Progress notes were not included.", styles.body))
    if options.include_private_notes:
        story.append(Paragraph("Process notes", styles.heading))
        story.append(
            Paragraph(
                "The clinician's own process notes, kept apart from the record and shared "
                "with the client's consent.",
                styles.small,
            )
        )
        story += session_notes(record.sessions, styles, style, private=True)
    return story


def _goals_part(
    record: ClientRecord,
    options: HandoverOptions,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
) -> list[Flowable]:
    if not options.includes(ShareCategory.GOALS):
        return _not_included("Goals", "The goals and their ratings", styles)
    heading = Paragraph("Goals", styles.heading)
    if not record.goals:
        return [heading, Paragraph("No goals were written down.", styles.body)]
    story: list[Flowable] = []
    # Current work first, as in the other reports; proposed and set-aside goals last.
    for number, goal in enumerate(sorted(record.goals, key=_goal_order), start=1):
        story += goal_section(number, goal, styles, style, width)
    story[0] = KeepTogether([heading, story[0]])  # never a heading alone at a page's foot
    points = t_score_history(record.goals)
    if points:
        first, latest = points[0], points[-1]
        story.append(
            Paragraph(
                f"GAS T-score from {first.t_score:.1f} ({short_date(first.on, style)}) to "
                f"{latest.t_score:.1f} ({short_date(latest.on, style)}); 50 is every agreed "
                "goal at its expected level.",
                styles.body,
            )
        )
    return story


def _not_included(heading: str, what: str, styles: ReportStyles) -> list[Flowable]:
    return [
        Paragraph(heading, styles.heading),
        Paragraph(
            f"{what} were not included: the client did not agree to share them, or "
            "the clinician left them out.",
            styles.body,
        ),
    ]


def _profile_section(
    client: Client, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    contact = client.contact
    rows = [
        ("Name", client.name),
        ("Preferred name", client.preferred_name),
        ("Pronouns", client.pronouns),
        ("Date of birth", short_date(client.date_of_birth, style)),
        ("E-mail", contact.email),
        ("Phone", contact.phone),
        ("Address", contact.address),
        ("Emergency contact", contact.emergency_contact),
        ("Referral source", client.referral_source),
        ("Start of therapy", short_date(client.start_date, style)),
        ("Status before the handover", client.status.label),
        ("What matters to them", "\n".join(client.values)),
        ("Presenting concerns", "\n".join(client.concerns)),
    ]
    flowables: list[Flowable] = [
        Paragraph("Client profile", styles.heading),
        facts_table(rows, styles, width),
    ]
    consents: list[Flowable] = [Paragraph("Consent records", styles.subheading)]
    if not client.consents:
        consents.append(Paragraph("No consent recorded.", styles.body))
    else:
        header = ("Consent", "Given", "Scope", "Withdrawn")
        table_rows = [[Paragraph(h, styles.cell_bold) for h in header]]
        table_rows += [
            [
                Paragraph(markup(consent.kind.label), styles.cell),
                Paragraph(short_date(consent.given_on, style), styles.cell),
                Paragraph(markup(_scope_words(consent.scope)) or "—", styles.cell),
                Paragraph(short_date(consent.withdrawn_on, style) or "—", styles.cell),
            ]
            for consent in client.consents
        ]
        consents.append(grid_table(table_rows, [w * width for w in (0.28, 0.15, 0.42, 0.15)]))
    flowables.append(KeepTogether(consents))
    return flowables


def _course_section(
    record: ClientRecord, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    counts = {status: 0 for status in SessionStatus}
    for session in record.sessions:
        counts[session.status] += 1
    attendance = AttendanceCounts(**{status.value: n for status, n in counts.items()})
    attended = [s.start.date() for s in record.sessions if s.status is SessionStatus.ATTENDED]
    booked = [s for s in record.sessions if s.status is SessionStatus.SCHEDULED]
    next_booked = f" (next on {short_date(booked[0].start.date(), style)})" if booked else ""
    rows = [
        ("First session", short_date(attended[0], style) if attended else "None attended"),
        ("Last session", short_date(attended[-1], style) if attended else "None attended"),
        ("Sessions", attendance_text(attendance, None)),
        ("Still scheduled", plural(len(booked), "session") + next_booked),
    ]
    return [Paragraph("Course of therapy", styles.heading), facts_table(rows, styles, width)]


def _ending_section(
    record: ClientRecord, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    heading = Paragraph("Ending plan", styles.heading)
    plan = record.ending_plan
    if plan is None:
        return [heading, Paragraph("No ending plan was written.", styles.body)]
    reason = plan.reason.label if plan.reason is not None else "Not yet chosen"
    reason += f". {plan.reason_note}" if plan.reason_note else ""
    rows = [
        ("Reason for ending", reason),
        ("Ending work began", short_date(plan.started_on, style)),
        ("Planned last session", short_date(plan.planned_last_session, style)),
        ("Tapering", plan.tapering),
        ("Referral", plan.referral),
    ]
    flowables: list[Flowable] = [heading, facts_table(rows, styles, width)]
    flowables.append(Paragraph("Maintenance plan", styles.subheading))
    flowables += maintenance_plan_section(
        plan.maintenance,
        plan.follow_up_dates,
        styles,
        style,
        width,
        client_facing=False,
        date_text=short_date,
    )
    return flowables


def _goal_order(goal: Goal) -> int:
    return _GOAL_ORDER.index(goal.column)


def _scope_words(scope: str) -> str:
    """A sharing consent's categories in words; any other scope as it was written."""
    try:
        categories = parse_share_scope(scope)
    except InvalidInput:
        return scope
    return listed_labels(tuple(c for c in ShareCategory if c in categories))


def details_consented(details: HandoverDetails) -> tuple[ShareCategory, ...]:
    try:
        consented = details.consented
    except InvalidInput:  # a scope recorded before categories existed: shown as written
        return ()
    return tuple(c for c in ShareCategory if c in consented)
