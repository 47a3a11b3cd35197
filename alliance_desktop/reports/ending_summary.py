"""The ending summary, clinician version: the full course of therapy, goals and outcomes, the
alliance over time with its ruptures and repairs, the maintenance plan and any referral.

`build_ending_summary` also takes the client copy's data and hands it to the client builder,
which prints the client-facing parts only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from alliance_desktop.domain.alliance_check_in import Rater
from alliance_desktop.domain.alliance_flags import CheckInPoint, main_rater, rater_series
from alliance_desktop.domain.goal import GasRating, Goal, GoalColumn
from alliance_desktop.domain.goal_rules import T_SCORE_TREND_RULE
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import RepairOutcome, RuptureEntry, RuptureKind
from alliance_desktop.reports.charts import alliance_chart, alliance_points, t_score_chart
from alliance_desktop.reports.client_ending_summary import build_client_ending_summary
from alliance_desktop.reports.ending_plan import attendance_text
from alliance_desktop.reports.formatting import (
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
from alliance_desktop.reports.report_data import ClientEndingSummaryData, EndingSummaryData
from alliance_desktop.reports.risk_sections import risk_summary_flowables
from alliance_desktop.reports.sections import (
    facts_table,
    grid_table,
    instrument_summary_table,
    keep_together,
    maintenance_plan_section,
)
from alliance_desktop.reports.signed_note_section import amended_notes_section
from alliance_desktop.reports.styles import ReportStyles

TITLE = "Ending summary"


def build_ending_summary(data: EndingSummaryData | ClientEndingSummaryData) -> bytes:
    if isinstance(data, ClientEndingSummaryData):
        return build_client_ending_summary(data)
    return build_clinician_ending_summary(data)


def build_clinician_ending_summary(data: EndingSummaryData) -> bytes:
    opening = open_report(
        kind=TITLE,
        subject="Summary of a course of therapy (clinician version)",
        profile=data.profile,
        generated_on=data.generated_on,
        client_facing=False,
        title=f"{TITLE} (clinician version)",
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

    story.append(Paragraph("Course of therapy", styles.heading))
    counts = data.attendance
    rows = [
        ("First session", long_date(data.first_session, style) or "None attended"),
        ("Last session", long_date(data.last_session, style) or "None attended"),
        ("Sessions", attendance_text(counts, None)),
        ("Still scheduled", plural(counts.scheduled, "session")),
    ]
    if plan is None:
        rows.append(("Reason for ending", "Not recorded: no ending plan was written."))
    else:
        label = plan.reason.label if plan.reason else "Not chosen yet"
        reason = label + (f". {plan.reason_note}" if plan.reason_note else "")
        rows += [
            ("Reason for ending", reason),
            ("Planned last session", long_date(plan.planned_last_session, style)),
            ("Tapering", plan.tapering),
        ]
    story.append(facts_table(rows, styles, width))

    story.append(Paragraph("Goals and outcomes", styles.heading))
    story += _goals_section(data, styles, style, width)

    story += alliance_section(data.check_ins, data.ruptures, styles, style, width)

    story.append(Paragraph("Ruptures and repairs", styles.heading))
    story += ruptures_section(data.ruptures, styles, style, width)

    if data.instruments:
        story.append(
            KeepTogether(
                [
                    Paragraph("Instrument scores", styles.heading),
                    instrument_summary_table(data.instruments, styles, style, width),
                ]
            )
        )

    if data.amended_notes:
        story += amended_notes_section(data.amended_notes, styles, style)

    heading = Paragraph("Maintenance plan", styles.heading)
    if plan is None:
        story += [heading, Paragraph("No ending plan was written.", styles.body)]
        return render(setup, story)
    # The plan and the referral travel together (a page of their own when they must), so
    # the summary never ends on a near-empty page holding the last lines of the plan.
    ending = [
        heading,
        *maintenance_plan_section(
            plan.maintenance, plan.follow_up_dates, styles, style, width, client_facing=False
        ),
    ]
    ending.append(Paragraph("Referral", styles.heading))
    ending.append(Paragraph(markup(plan.referral) or "No referral.", styles.body))
    story.append(keep_together(ending))
    return render(setup, story)


def _goals_section(
    data: EndingSummaryData, styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    goals = [goal for goal in data.goals if goal.column.counts_for_gas]
    others = [goal for goal in data.goals if not goal.column.counts_for_gas]
    flowables: list[Flowable] = []
    if not goals:
        flowables.append(Paragraph("No goals were agreed.", styles.body))
    else:
        flowables.append(_goals_table(goals, styles, style, width))
    if others:
        names = "; ".join(f"{goal.title} ({goal.column.label.lower()})" for goal in others)
        flowables.append(
            Paragraph(f"Not counted in the T-score, at any point: {markup(names)}.", styles.small)
        )
    points = data.t_scores
    if points:
        first, latest = points[0], points[-1]
        text = (
            f"<b>GAS T-score:</b> {number(first.t_score)} ({short_date(first.on, style)}) → "
            f"{number(latest.t_score)} ({short_date(latest.on, style)}), a change of "
            f"{signed_number(latest.t_score - first.t_score)}. 50 is every goal at its "
            "expected level."
        )
        block: list[Flowable] = [Paragraph(text, styles.body)]
        if len(points) > 1:
            block.append(t_score_chart(points, style, min(width, 150 * mm)))
            entered = any(point.entered for point in points[1:])
            block.append(
                Paragraph(
                    T_SCORE_TREND_RULE
                    + f" Here every point rests on {plural(latest.goals_rated, 'goal')}"
                    + ("; dotted lines mark where a goal entered." if entered else "."),
                    styles.small,
                )
            )
        flowables.append(KeepTogether(block))
    return flowables


def _goals_table(
    goals: Sequence[Goal], styles: ReportStyles, style: DateStyle, width: float
) -> Table:
    header = ("Goal (client’s words; framing)", "Status", "First → latest rating", "Weight")
    rows = [[Paragraph(h, styles.cell_bold) for h in header]]
    for goal in goals:
        words = markup(goal.client_words)
        if goal.clinician_framing:
            words += f'<br/><font color="#52606d">Framing: {markup(goal.clinician_framing)}</font>'
        status = goal.column.label
        achieved = goal.moved_on(GoalColumn.ACHIEVED)
        if goal.column is GoalColumn.ACHIEVED and achieved:
            status += f"<br/>{short_date(achieved, style)}"
        rows.append(
            [
                Paragraph(words, styles.cell),
                Paragraph(status, styles.cell),
                Paragraph(_rating_change(goal.ratings, style), styles.cell),
                Paragraph(f"{goal.weight:g}", styles.cell),
            ]
        )
    return grid_table(rows, [0.5 * width, 0.14 * width, 0.26 * width, 0.1 * width])


def _rating_change(ratings: Sequence[GasRating], style: DateStyle) -> str:
    if not ratings:
        return "Not rated"
    first, latest = ratings[0], ratings[-1]
    if len(ratings) == 1:
        return f"{signed_level(first.level)} ({short_date(first.rated_on, style)})"
    return (
        f"{signed_level(first.level)} ({short_date(first.rated_on, style)}) → "
        f"{signed_level(latest.level)} ({short_date(latest.rated_on, style)})"
    )


def alliance_section(
    check_ins: Sequence[CheckInPoint],
    ruptures: Sequence[RuptureEntry],
    styles: ReportStyles,
    style: DateStyle,
    width: float,
) -> list[Flowable]:
    heading = Paragraph("The alliance over time", styles.heading)
    rater = main_rater(check_ins)
    rated = rater_series(check_ins, rater) if rater else []
    if not rated and not ruptures:
        return [heading, Paragraph("No check-ins were recorded.", styles.body)]
    overall = [point.ratings.overall for point in rated]
    _, group = alliance_points(check_ins, rater=rater)
    whose = (
        "the clinician’s own ratings" if rater is Rater.CLINICIAN else "the client’s own ratings"
    )
    others = rater_series(check_ins, Rater.CLINICIAN) if rater is Rater.CLIENT else []
    lines = [
        f"{plural(len(rated), 'session check-in')} ({whose}"
        + (f", each point the average of {group} in a row" if group > 1 else "")
        + "), with a marker at each rupture, coloured by its outcome."
        + (
            f" The clinician’s own ratings at {plural(len(others), 'session')} are kept apart "
            "and not drawn: the two are never compared with each other."
            if others
            else ""
        )
    ]
    if overall:
        early, late = overall[:3], overall[-3:]
        lowest = min(rated, key=lambda point: point.ratings.overall)
        lines.append(
            f"Overall rating: {number(sum(early) / len(early))} on average over the first "
            f"{plural(len(early), 'check-in')}, {number(sum(late) / len(late))} over the last "
            f"{len(late)}; lowest {min(overall)}/10 ({short_date(lowest.on, style)})."
        )
    chart = alliance_chart(check_ins, ruptures, style, width, rater=rater)
    return [KeepTogether([heading, Paragraph(" ".join(lines), styles.body), chart])]


def ruptures_section(
    ruptures: Sequence[RuptureEntry], styles: ReportStyles, style: DateStyle, width: float
) -> list[Flowable]:
    if not ruptures:
        return [Paragraph("No ruptures were logged.", styles.body)]
    outcomes = Counter(entry.outcome for entry in ruptures)
    kinds = Counter(entry.kind for entry in ruptures)
    strategies = Counter(repair.strategy for entry in ruptures for repair in entry.repairs)
    outcome_text = ", ".join(
        f"{outcomes[outcome]} {outcome.label.lower()}"
        for outcome in RepairOutcome
        if outcomes[outcome]
    )
    if outcomes[None]:
        outcome_text += f"{', ' if outcome_text else ''}{outcomes[None]} with no repair recorded"
    kind_text = ", ".join(
        f"{kinds[kind]} {kind.label.lower()}" for kind in RuptureKind if kinds[kind]
    )
    summary = f"{plural(len(ruptures), 'rupture')} logged ({kind_text}): {outcome_text}."
    if strategies:
        top = ", ".join(
            f"{strategy.label.lower()} ({count})" for strategy, count in strategies.most_common(3)
        )
        summary += f" Repairs tried most often: {top}."
    header = ("Date", "Kind", "Sig.", "Repairs tried", "Outcome", "Note")
    rows = [[Paragraph(h, styles.cell_bold) for h in header]]
    for entry in ruptures:
        repairs = "<br/>".join(markup(repair.strategy.label) for repair in entry.repairs)
        outcome = entry.outcome.label if entry.outcome else "No repair yet"
        if entry.follow_up_on and entry.is_open:
            outcome += f"<br/>follow up {short_date(entry.follow_up_on, style)}"
        rows.append(
            [
                Paragraph(short_date(entry.occurred_on, style), styles.cell),
                Paragraph(entry.kind.label, styles.cell),
                Paragraph(str(entry.significance), styles.cell),
                Paragraph(repairs or "—", styles.cell),
                Paragraph(outcome, styles.cell),
                Paragraph(markup(entry.note) or "—", styles.cell),
            ]
        )
    shares = (0.13, 0.155, 0.055, 0.24, 0.14, 0.28)
    return [
        Paragraph(summary, styles.body),
        grid_table(rows, [share * width for share in shares], long_text=True),
    ]
