"""The ending plan: why therapy is ending, what the record says about readiness, the last
sessions and tapering, and the maintenance plan. For the clinician's file."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.ending import ReadinessSignals
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.session import AttendanceCounts
from alliance_desktop.reports.formatting import (
    level_words,
    long_date,
    markup,
    number,
    plural,
    short_date,
    signed_level,
    signed_number,
)
from alliance_desktop.reports.opening import open_report
from alliance_desktop.reports.page_template import render
from alliance_desktop.reports.report_data import EndingPlanData
from alliance_desktop.reports.risk_sections import risk_summary_flowables
from alliance_desktop.reports.sections import (
    facts_table,
    grid_table,
    keep_together,
    maintenance_plan_section,
)
from alliance_desktop.reports.styles import ReportStyles

TITLE = "Ending plan"


def build_ending_plan(data: EndingPlanData) -> bytes:
    opening = open_report(
        kind=TITLE,
        subject="Plan for ending therapy, with the maintenance plan",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=False,
        title=TITLE,
        subtitle=f"Client: {data.client_name}",
    )
    setup, styles, story = opening.setup, opening.styles, opening.story
    style = opening.date_style
    width = opening.width
    plan = data.plan
    story += risk_summary_flowables(
        data.risk_review,
        data.safety_plan,
        styles,
        date_style=style,
        width=width,
        as_of=data.generated_on,
    )

    reason: list[Flowable] = [Paragraph("Reason for ending", styles.heading)]
    label = plan.reason.label if plan.reason else "Not chosen yet"
    reason.append(Paragraph(markup(label), styles.label))
    if plan.reason_note:
        reason.append(Paragraph(markup(plan.reason_note), styles.body))
    story.append(KeepTogether(reason))

    story.append(Paragraph("Readiness signals", styles.heading))
    story.append(
        Paragraph(
            "Computed from the record on the day this plan was printed. They inform the "
            "decision; the client and clinician make it together.",
            styles.small,
        )
    )
    story.append(facts_table(readiness_rows(data.readiness, data.overall_threshold), styles, width))
    if data.goals:
        story.append(
            KeepTogether(
                [
                    Paragraph("Goals", styles.subheading),
                    _goals_table(data.goals, styles, style, width),
                ]
            )
        )

    story.append(Paragraph("Last sessions", styles.heading))
    booked = plural(data.sessions_booked, "session")
    if data.next_session is not None:
        booked += f" (next on {long_date(data.next_session, style)})"
    story.append(
        facts_table(
            [
                ("Ending work began", long_date(plan.started_on, style)),
                ("Planned last session", long_date(plan.planned_last_session, style)),
                ("Tapering", plan.tapering),
                ("Sessions still booked", booked),
            ],
            styles,
            width,
        )
    )

    # The maintenance plan and the referral travel together (a page of their own when they
    # must), so the plan never ends on a near-empty page holding its last lines.
    ending: list[Flowable] = [Paragraph("Maintenance plan", styles.heading)]
    ending += maintenance_plan_section(
        plan.maintenance, plan.follow_up_dates, styles, style, width, client_facing=False
    )
    if plan.referral:
        ending += [
            Paragraph("Referral", styles.heading),
            Paragraph(markup(plan.referral), styles.body),
        ]
    story.append(keep_together(ending))
    return render(setup, story)


def readiness_rows(signals: ReadinessSignals, overall_threshold: int) -> list[tuple[str, str]]:
    goals = (
        f"{signals.goals_at_or_above_expected} of {plural(signals.goals_agreed, 'agreed goal')} "
        "achieved or rated at or above the expected level"
        if signals.goals_agreed
        else "No goals agreed"
    )
    if signals.first_t_score is not None and signals.latest_t_score is not None:
        change = signals.latest_t_score - signals.first_t_score
        t_score = (
            f"{number(signals.first_t_score)} → {number(signals.latest_t_score)} "
            f"({signed_number(change)}; 50 is every goal at its expected level)"
        )
    else:
        t_score = "No goal rated yet"
    whose = (
        "the clinician's own" if signals.alliance_rater is Rater.CLINICIAN else "the client's own"
    )
    if signals.alliance_stable:
        alliance = (
            f"Stable: {whose} last {plural(signals.recent_check_ins, 'check-in')} rated overall "
            f"{overall_threshold}/10 or more, and no rupture is open"
        )
    elif not signals.recent_check_ins:
        alliance = "No check-ins recorded yet"
    elif signals.open_ruptures:
        alliance = f"Not yet stable: {plural(signals.open_ruptures, 'rupture')} still open"
    else:
        alliance = (
            f"Not yet stable: not all of {whose} last "
            f"{plural(signals.recent_check_ins, 'check-in')} rated overall "
            f"{overall_threshold}/10 or more"
        )
    return [
        ("Goals", goals),
        ("GAS T-score, first → latest", t_score),
        ("Alliance", alliance),
        ("Attendance", attendance_text(signals.attendance, signals.attendance_rate)),
    ]


def attendance_text(counts: AttendanceCounts, rate: float | None) -> str:
    counted = counts.attended + counts.cancelled + counts.late_cancelled + counts.no_show
    if not counted:
        return "No sessions held yet"
    text = f"{counts.attended} attended of {counted}"
    if rate is not None:
        text += f" ({round(rate * 100)}%)"
    missed = [
        plural(counts.cancelled, "cancellation") if counts.cancelled else "",
        plural(counts.late_cancelled, "late cancellation") if counts.late_cancelled else "",
        plural(counts.no_show, "no-show") if counts.no_show else "",
    ]
    missed_text = ", ".join(part for part in missed if part)
    if missed_text:
        text += f"; {missed_text}"
    if counts.clinician_cancelled:
        text += f"; {plural(counts.clinician_cancelled, 'session')} cancelled by the clinician"
    return text


def _goals_table(
    goals: tuple[Goal, ...], styles: ReportStyles, style: DateStyle, width: float
) -> Table:
    rows = [[Paragraph(h, styles.cell_bold) for h in ("Goal", "Status", "Latest rating")]]
    for goal in goals:
        if not goal.column.counts_for_gas:
            continue
        status = goal.column.label
        achieved = goal.moved_on(GoalColumn.ACHIEVED)
        if goal.column is GoalColumn.ACHIEVED and achieved:
            status += f" {short_date(achieved, style)}"
        latest = goal.latest_rating
        rating = (
            f"{signed_level(latest.level)}: {level_words(latest.level)} "
            f"({short_date(latest.rated_on, style)})"
            if latest
            else "Not rated"
        )
        rows.append(
            [
                Paragraph(markup(goal.title), styles.cell),
                Paragraph(status, styles.cell),
                Paragraph(markup(rating), styles.cell),
            ]
        )
    return grid_table(rows, [0.46 * width, 0.18 * width, 0.36 * width])
