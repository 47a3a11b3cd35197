"""Risk first in clinical output: the latest risk review and the safety plan, as flowables any
clinician document can put on its first page (the ending plan, the clinician's ending summary,
and the handover record).

Never in client-facing output: the client's own copy of the safety plan is
reports/safety_plan.py, which prints their words and the crisis contacts only.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.risk import (
    SAFETY_PLAN_SECTIONS,
    RiskReview,
    SafetyPlan,
    review_due_on,
    section_entries,
)
from alliance_desktop.reports.formatting import long_date, markup
from alliance_desktop.reports.sections import facts_table
from alliance_desktop.reports.styles import ReportStyles

HEADING = "Risk and safety"
NO_REVIEW = "No risk review recorded."
NO_PLAN = "No safety plan written."
DEFAULT_WIDTH = 170 * mm  # A4 less the report margins


def risk_summary_flowables(
    review: RiskReview | None,
    plan: SafetyPlan | None,
    styles: ReportStyles,
    *,
    date_style: DateStyle = DateStyle.DAY_MONTH_YEAR,
    width: float = DEFAULT_WIDTH,
    as_of: dt.date | None = None,
) -> list[Flowable]:
    """The heading, the latest review (or "No risk review recorded."), and the safety plan
    (or "No safety plan written."); `as_of` marks a review date already passed as overdue."""
    flowables: list[Flowable] = [Paragraph(HEADING, styles.heading)]
    if review is None:
        flowables.append(Paragraph(f"<b>{NO_REVIEW}</b>", styles.body))
    else:
        flowables.append(
            KeepTogether(
                [
                    Paragraph("Latest risk review", styles.subheading),
                    facts_table(_review_rows(review, date_style, as_of), styles, width),
                ]
            )
        )
    flowables += _plan_flowables(plan, styles, date_style)
    return flowables


def _review_rows(
    review: RiskReview, style: DateStyle, as_of: dt.date | None
) -> list[tuple[str, str]]:
    due = review_due_on(review)
    if due is None:
        next_review = "None scheduled"
    else:
        next_review = long_date(due, style)
        if review.next_review_on is None:
            next_review += " (the usual interval for this level)"
        if as_of is not None and due < as_of:
            next_review += f" — overdue on {long_date(as_of, style)}"
    return [
        ("Level", review.level.label),
        ("Assessed on", long_date(review.assessed_on, style)),
        ("What it rests on", review.rests_on or "Not written"),
        ("Risk factors", "; ".join(review.risk_factors) or "None recorded"),
        ("Protective factors", "; ".join(review.protective_factors) or "None recorded"),
        ("Actions agreed", review.actions_agreed or "None recorded"),
        ("Next review", next_review),
    ]


def _plan_flowables(
    plan: SafetyPlan | None, styles: ReportStyles, style: DateStyle
) -> list[Flowable]:
    if plan is None or plan.is_empty:
        return [Paragraph(f"<b>{NO_PLAN}</b>", styles.body)]
    written = [s for s in SAFETY_PLAN_SECTIONS if section_entries(plan, s)]
    flowables: list[Flowable] = [
        Paragraph("Safety plan", styles.subheading),
        Paragraph(
            f"Written with the client; last changed {long_date(plan.updated_on, style)} "
            f"({len(written)} of {len(SAFETY_PLAN_SECTIONS)} sections written).",
            styles.small,
        ),
    ]
    for section in written:
        entries = "; ".join(section_entries(plan, section))
        flowables.append(
            Paragraph(f"<b>{markup(section.heading)}:</b> {markup(entries)}", styles.body)
        )
    return flowables
