"""Page 1 of the handover record, "At a glance": what the receiving clinician needs before
anything else, on one page.

Why the care moves, the latest risk review (or that none is recorded), the active goals with
their latest level, open ruptures and follow-ups due, the next booked sessions, the ending plan
and referral, and what the handover holds and what it leaves out. Each line says plainly when
its part was not included, so an empty line is never mistaken for "nothing to report".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.handover import ClientRecord, HandoverDetails, HandoverOptions
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.risk import RiskReview, SafetyPlan
from alliance_desktop.domain.rupture import RepairOutcome, RuptureEntry
from alliance_desktop.domain.session import Session, SessionStatus
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.reports.formatting import level_words, plural, short_date, signed_level
from alliance_desktop.reports.sections import facts_table
from alliance_desktop.reports.styles import ReportStyles

GLANCE_TITLE = "At a glance"
NO_RISK_REVIEW = "No risk review recorded"
NEXT_SESSIONS_SHOWN = 3
_NOT_INCLUDED = "Not included (outside the client's consent, or left out)"


@dataclass(frozen=True)
class GlanceFacts:
    record: ClientRecord
    details: HandoverDetails
    options: HandoverOptions
    latest_risk_review: RiskReview | None
    safety_plan: SafetyPlan | None
    today: dt.date
    style: DateStyle


def glance_page(facts: GlanceFacts, styles: ReportStyles, width: float) -> list[Flowable]:
    options = facts.options
    rows = [
        ("Reason for the transfer", facts.details.reason),
        ("Latest risk review", _risk_text(facts)),
        ("Safety plan", _safety_plan_text(facts)),
        ("Active goals", _goals_text(facts.record.goals, options, facts.style)),
        ("Open ruptures", _ruptures_text(facts.record.ruptures, options, facts.style)),
        ("Follow-ups due", _follow_ups_text(facts)),
        ("Next sessions", _next_sessions_text(facts)),
        ("Ending plan", _ending_text(facts)),
        ("Referral", _referral_text(facts)),
        ("Included", _included_text(options)),
        ("Left out", _left_out_text(options)),
    ]
    if options.beyond_consent_reason:
        rows.append(("Beyond the consent, because", options.beyond_consent_reason))
    return [Paragraph(GLANCE_TITLE, styles.heading), facts_table(rows, styles, width)]


def _risk_text(facts: GlanceFacts) -> str:
    if not facts.options.includes(ShareCategory.RISK):
        return _NOT_INCLUDED
    review = facts.latest_risk_review
    if review is None:
        return NO_RISK_REVIEW
    parts = [f"{review.level.label} ({short_date(review.assessed_on, facts.style)})"]
    if review.rests_on:
        parts.append(f"Rests on: {review.rests_on}")
    if review.next_review_on is not None:
        parts.append(f"Next review due {short_date(review.next_review_on, facts.style)}")
    return "\n".join(parts)


def _safety_plan_text(facts: GlanceFacts) -> str:
    if not facts.options.includes(ShareCategory.RISK):
        return _NOT_INCLUDED
    plan = facts.safety_plan
    if plan is None or plan.is_empty:
        return "No safety plan recorded"
    return f"Written with the client, last updated {short_date(plan.updated_on, facts.style)}"


def _goals_text(goals: Sequence[Goal], options: HandoverOptions, style: DateStyle) -> str:
    if not options.includes(ShareCategory.GOALS):
        return _NOT_INCLUDED
    active = [g for g in goals if g.column in (GoalColumn.ACTIVE, GoalColumn.AGREED)]
    if not active:
        return "No active goals"
    lines = []
    for goal in active:
        latest = goal.latest_rating
        level = (
            f"latest level {signed_level(latest.level)}, {level_words(latest.level)} "
            f"({short_date(latest.rated_on, style)})"
            if latest is not None
            else "not rated yet"
        )
        lines.append(f"• {goal.title}: {level}")
    return "\n".join(lines)


def _open_ruptures(ruptures: Sequence[RuptureEntry]) -> list[RuptureEntry]:
    return [r for r in ruptures if r.outcome is not RepairOutcome.RESOLVED]


def _ruptures_text(
    ruptures: Sequence[RuptureEntry], options: HandoverOptions, style: DateStyle
) -> str:
    if not options.include_ruptures:
        return "The rupture log was not included"
    open_ = _open_ruptures(ruptures)
    if not open_:
        return "None open" if ruptures else "No ruptures were logged"
    lines = []
    for entry in open_:
        outcome = entry.outcome.label.lower() if entry.outcome else "no repair tried yet"
        lines.append(
            f"• {short_date(entry.occurred_on, style)}: {entry.kind.label.lower()}, "
            f"significance {entry.significance} of 5, {outcome}"
        )
    return "\n".join(lines)


def _follow_ups_text(facts: GlanceFacts) -> str:
    style, today = facts.style, facts.today
    due: list[tuple[dt.date, str]] = []
    if facts.options.include_ruptures:
        due += [
            (r.follow_up_on, "rupture follow-up")
            for r in _open_ruptures(facts.record.ruptures)
            if r.follow_up_on is not None
        ]
    plan = facts.record.ending_plan
    if plan is not None:
        due += [(day, "booster or follow-up session") for day in plan.follow_up_dates]
    due = sorted(d for d in due if d[0] >= today)
    if not due:
        return "None due"
    return "\n".join(f"• {short_date(day, style)}: {what}" for day, what in due)


def _next_sessions_text(facts: GlanceFacts) -> str:
    if not facts.options.includes(ShareCategory.SESSIONS):
        return _NOT_INCLUDED
    booked: list[Session] = [
        s
        for s in facts.record.sessions
        if s.status is SessionStatus.SCHEDULED and s.start.date() >= facts.today
    ]
    if not booked:
        return "None booked"
    lines = [
        f"• {short_date(s.start.date(), facts.style)} {s.start:%H:%M}, "
        f"{s.duration_minutes} min, {s.modality.label.lower()}"
        for s in booked[:NEXT_SESSIONS_SHOWN]
    ]
    more = len(booked) - NEXT_SESSIONS_SHOWN
    if more > 0:
        lines.append(f"and {plural(more, 'more session')} booked")
    lines.append("(also in sessions.ics, without the client's name)")
    return "\n".join(lines)


def _ending_text(facts: GlanceFacts) -> str:
    if not facts.options.includes(ShareCategory.SUMMARY):
        return _NOT_INCLUDED
    plan = facts.record.ending_plan
    if plan is None:
        return "No ending plan was written"
    parts = [plan.reason.label + (f": {plan.reason_note}" if plan.reason_note else "")]
    if plan.planned_last_session is not None:
        parts.append(f"Planned last session {short_date(plan.planned_last_session, facts.style)}")
    if plan.tapering:
        parts.append(f"Tapering: {plan.tapering}")
    return "\n".join(parts)


def _referral_text(facts: GlanceFacts) -> str:
    if not facts.options.includes(ShareCategory.SUMMARY):
        return _NOT_INCLUDED
    plan = facts.record.ending_plan
    return plan.referral if plan is not None and plan.referral else "None recorded"


def _included_text(options: HandoverOptions) -> str:
    if not options.included:
        return "Only the client's details"
    return "\n".join(f"• {c.label}" for c in options.included)


def _left_out_text(options: HandoverOptions) -> str:
    if not options.left_out:
        return "Nothing"
    return "\n".join(f"• {c.label}" for c in options.left_out)


def client_footer(record: ClientRecord, style: DateStyle) -> str:
    """The client named on every page: name and date of birth (when recorded)."""
    client = record.client
    born = f", born {short_date(client.date_of_birth, style)}" if client.date_of_birth else ""
    return f"{client.name}{born}"
