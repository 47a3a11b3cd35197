"""The handover record: a client's record for the next clinician, as one PDF (encrypted by the
caller, over the finished bytes, before it is written).

In order: the handover itself (to whom, why, the client's consent), the client's profile and
consent records, the course of therapy, goals with their history and GAS ratings, the
alliance over time, ruptures and repairs (when included), every session (with notes and
process notes when included), questionnaire scores, and the ending plan.

Built with `invariant=1` like the other reports: the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.domain.alliance_flags import CheckInPoint
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
from alliance_desktop.domain.session import AttendanceCounts, SessionStatus
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.reports.ending_plan import attendance_text
from alliance_desktop.reports.ending_summary import alliance_section, ruptures_section
from alliance_desktop.reports.formatting import long_date, markup, plural, short_date
from alliance_desktop.reports.handover_sections import (
    goal_section,
    rupture_details,
    session_notes,
    sessions_table,
)
from alliance_desktop.reports.page_template import PageSetup, letterhead, render
from alliance_desktop.reports.report_data import InstrumentReading
from alliance_desktop.reports.sections import (
    facts_table,
    grid_table,
    instruments_table,
    maintenance_plan_section,
)
from alliance_desktop.reports.styles import ReportStyles, report_styles

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
    record: ClientRecord  # notes, process notes and ruptures already left out unless included
    details: HandoverDetails
    options: HandoverOptions
    generated_on: dt.date


def build_handover_record(data: HandoverRecordData) -> bytes:
    """The PDF in the clear, for the caller to encrypt before it is written anywhere
    (exchange/pdf_encryption.py)."""
    styles = report_styles(client_facing=False)
    setup = PageSetup(
        title=TITLE,
        subject="A client's record, handed over to the next clinician",
        profile=data.profile,
        generated_on=data.generated_on,
    )
    style = data.profile.date_style
    width = setup.content_width
    record = data.record
    story: list[Flowable] = letterhead(data.profile, styles)
    story.append(Paragraph(TITLE, styles.title))
    story.append(Paragraph(f"Client: {markup(record.client.display_name)}", styles.subtitle))
    story += _handover_section(data, styles, style, width)
    story += _profile_section(record.client, styles, style, width)
    options = data.options
    if options.includes(ShareCategory.SESSIONS):
        story += _course_section(record, styles, style, width)
    story += _goals_part(record, options, styles, style, width)
    if options.includes(ShareCategory.MEASURES):
        story += alliance_section(_check_ins(record), record.ruptures, styles, style, width)
    else:
        story += _not_included(
            "The alliance over time", "Check-ins and questionnaire scores", styles
        )
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
    if options.include_session_notes:
        story.append(Paragraph("Session notes", styles.heading))
        story += session_notes(record.sessions, styles, style, private=False)
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
    readings = _readings(record)
    if readings:
        story.append(Paragraph("Questionnaire scores", styles.heading))
        story.append(instruments_table(readings, styles, style, width))
    if options.includes(ShareCategory.SUMMARY):
        story += _ending_section(record, styles, style, width)
    else:
        story += _not_included("Ending plan", "The summary of the work and the ending plan", styles)
    return render(setup, story)


def _handover_section(
    data: HandoverRecordData, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    details, options = data.details, data.options
    receiver = details.receiver_name
    if details.receiver_organisation:
        receiver += f", {details.receiver_organisation}"
    rows = [
        ("Handed over to", receiver),
        ("Contact", details.receiver_contact),
        ("Handover date", long_date(details.handed_over_on, style)),
        ("Reason for the transfer", details.reason),
        (
            "Client's consent",
            f"Given {long_date(details.consent_given_on, style)}: "
            + (listed_labels(details_consented(details)) or details.consent_scope),
        ),
        ("Included", listed_labels(options.included) or "Only the client's details"),
        ("Left out", listed_labels(options.left_out) or "Nothing"),
    ]
    if options.beyond_consent_reason:
        rows.append(("Beyond the consent, because", options.beyond_consent_reason))
    return [
        Paragraph("Handover", styles.heading),
        facts_table(rows, styles, width),
    ]


def _goals_part(
    record: ClientRecord,
    options: HandoverOptions,
    styles: ReportStyles,
    style: DateStyle,
    width: float,
) -> list[Flowable]:
    if not options.includes(ShareCategory.GOALS):
        return _not_included("Goals", "The goals and their ratings", styles)
    story: list[Flowable] = [Paragraph("Goals", styles.heading)]
    if not record.goals:
        story.append(Paragraph("No goals were written down.", styles.body))
    # Current work first, as in the other reports; proposed and set-aside goals last.
    for number, goal in enumerate(sorted(record.goals, key=_goal_order), start=1):
        story += goal_section(number, goal, styles, style, width)
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
        ("Date of birth", long_date(client.date_of_birth, style)),
        ("E-mail", contact.email),
        ("Phone", contact.phone),
        ("Address", contact.address),
        ("Emergency contact", contact.emergency_contact),
        ("Referral source", client.referral_source),
        ("Start of therapy", long_date(client.start_date, style)),
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
                Paragraph(markup(consent.scope) or "—", styles.cell),
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
    next_booked = f" (next on {long_date(booked[0].start.date(), style)})" if booked else ""
    rows = [
        ("First session", long_date(attended[0], style) if attended else "None attended"),
        ("Last session", long_date(attended[-1], style) if attended else "None attended"),
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
    reason = plan.reason.label + (f". {plan.reason_note}" if plan.reason_note else "")
    rows = [
        ("Reason for ending", reason),
        ("Ending work began", long_date(plan.started_on, style)),
        ("Planned last session", long_date(plan.planned_last_session, style)),
        ("Tapering", plan.tapering),
        ("Referral", plan.referral),
    ]
    flowables: list[Flowable] = [heading, facts_table(rows, styles, width)]
    flowables.append(Paragraph("Maintenance plan", styles.subheading))
    flowables += maintenance_plan_section(
        plan.maintenance, plan.follow_up_dates, styles, style, width, client_facing=False
    )
    return flowables


def _goal_order(goal: Goal) -> int:
    return _GOAL_ORDER.index(goal.column)


def _check_ins(record: ClientRecord) -> list[CheckInPoint]:
    return [
        CheckInPoint(session.id or 0, session.start.date(), check_in.client, check_in.clinician)
        for session in record.sessions
        if (check_in := session.check_in).client or check_in.clinician
    ]


def _readings(record: ClientRecord) -> tuple[InstrumentReading, ...]:
    return tuple(
        InstrumentReading(session.start.date(), score.instrument, score.total)
        for session in record.sessions
        for score in session.check_in.instruments
    )


def details_consented(details: HandoverDetails) -> tuple[ShareCategory, ...]:
    try:
        consented = details.consented
    except InvalidInput:  # a scope recorded before categories existed: shown as written
        return ()
    return tuple(c for c in ShareCategory if c in consented)
