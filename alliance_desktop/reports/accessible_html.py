"""An accessible copy of each client-facing document, as semantic HTML.

ReportLab cannot write a tagged PDF, so a screen reader meets the printed pages as a flat run of
text. The same report data is written here as one HTML file a screen reader reads in order:
real headings, lists, tables with header cells and captions, and each chart given as a table
of its points with a sentence that says what it shows. The words are the printed ones (the same
functions make them), so the two copies never tell the client different things.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape

from alliance_desktop.domain.goal import GoalColumn
from alliance_desktop.domain.practice_profile import DateStyle, PracticeProfile
from alliance_desktop.reports.audience import ensure_client_safe
from alliance_desktop.reports.client_ending_summary import CLIENT_REASONS
from alliance_desktop.reports.client_goal_block import (
    CHART_LABELS,
    level_text,
    progress_sentences,
    task_status,
)
from alliance_desktop.reports.client_measures import measure_rows
from alliance_desktop.reports.crisis_section import HEADING as CRISIS_HEADING
from alliance_desktop.reports.crisis_section import crisis_lines
from alliance_desktop.reports.formatting import date_range, long_date, plural, short_date
from alliance_desktop.reports.goal_review import introduction
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    GoalReviewData,
    InstrumentReading,
)

_OWNERS = {"client": "You", "clinician": "Me", "both": "Both of us"}
_STYLE = (
    "body{font-family:system-ui,sans-serif;font-size:1.15rem;line-height:1.55;max-width:42em;"
    "margin:2rem auto;padding:0 1rem;color:#1f2933}h1,h2,h3{line-height:1.25}"
    "h2{color:#2c6e8f;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0}"
    "th,td{border-bottom:1px solid #c7d2da;padding:.3rem .6rem;text-align:left;"
    "vertical-align:top}caption{text-align:left;font-weight:600;padding:.3rem 0}"
    "header,footer{color:#52606d;font-size:1rem}"
)


def goal_review_html(data: GoalReviewData) -> str:
    ensure_client_safe(data)
    style = data.profile.date_style
    period = date_range(data.since, data.until, style)
    body = [f"<h1>Goal review for {escape(data.client_name)}</h1>"]
    if period:
        body.append(f"<p>{escape(period[:1].upper() + period[1:])}</p>")
    body.append(_p(introduction(data)))
    body.append("<h2>Your goals</h2>")
    if not data.goals:
        body.append(
            _p(
                "We haven’t written down any goals yet. We’ll choose them together, in your "
                "own words."
            )
        )
    today = data.until or data.generated_on
    for number, goal in enumerate(data.goals, start=1):
        body += _goal(number, goal, style, today, heading="h3", ending=False)
    body.append("<h2>What we’ll focus on next</h2>")
    body.append(_p(data.next_focus or "To be written together."))
    body += _measures(data.instruments, style)
    body += _crisis(data.profile, "")
    return _page("Goal review", data.profile, short_date(data.generated_on, style), body)


def client_ending_summary_html(data: ClientEndingSummaryData) -> str:
    ensure_client_safe(data)
    style = data.profile.date_style
    period = date_range(data.first_session, data.last_session, style)
    body = [f"<h1>Ending summary for {escape(data.client_name)}</h1>"]
    if period:
        body.append(_p(f"Our work together: {period}"))
    intro = "This summary is yours to keep: what you achieved, what you are still working on, "
    intro += "and your plan for keeping well."
    if data.sessions_attended:
        intro = f"We met for {plural(data.sessions_attended, 'session')}. " + intro
    body.append(_p(intro))
    if data.reason is not None:
        body += ["<h2>Why we are ending</h2>", _p(CLIENT_REASONS[data.reason])]
    today = data.last_session or data.generated_on
    reached = [goal for goal in data.goals if goal.column is GoalColumn.ACHIEVED]
    still_open = [goal for goal in data.goals if goal.column is not GoalColumn.ACHIEVED]
    if not data.goals:
        body += ["<h2>Your goals</h2>", _p("We didn’t set any goals down in writing.")]
    number = 0
    for title, goals in (
        ("What you achieved", reached),
        ("What you are still working on", still_open),
    ):
        if goals:
            body.append(f"<h2>{title}</h2>")
        for goal in goals:
            number += 1
            body += _goal(number, goal, style, today, heading="h3", ending=True)
    body.append("<h2>Your plan for keeping well</h2>")
    plan = data.maintenance
    for title, entries in (
        ("What helped", plan.what_helped),
        ("Warning signs for you to watch for", plan.warning_signs),
        ("Steps that help", plan.coping_steps),
        ("People and services to contact", plan.supports),
    ):
        body.append(f"<h3>{title}</h3>")
        body.append(_list(entries) if entries else _p("To be written together."))
    if data.referral.strip():
        body += ["<h2>Who to see next</h2>", _p(data.referral)]
    body.append("<h2>How to get in touch again</h2>")
    visits = [
        f"We met again for a follow-up session on {long_date(day, style)}"
        if day < data.generated_on
        else f"Follow-up session on {long_date(day, style)} (booked)"
        if day in data.booked_follow_ups
        else f"Follow-up session around {long_date(day, style)} (to be booked)"
        for day in data.follow_up_dates
    ]
    if visits:
        body.append(_list(visits))
    else:
        body.append(_p("No follow-up session is planned yet."))
    body.append(_p(_contact_again(data.profile)))
    body += _measures(data.instruments, style)
    body += _crisis(data.profile, plan.if_things_get_worse)
    if data.closing_words.strip():
        body += ["<h2>A last word</h2>", _p(data.closing_words)]
    return _page("Ending summary", data.profile, short_date(data.generated_on, style), body)


def _goal(
    number: int, goal: ClientGoal, style: DateStyle, today: dt.date, heading: str, ending: bool
) -> list[str]:
    parts = [f"<section><{heading}>{number}. {escape(goal.title)}</{heading}>"]
    rest = "\n".join(goal.words.strip().splitlines()[1:]).strip()
    if rest:
        parts.append(_p(rest))
    if goal.column is GoalColumn.ACHIEVED:
        when = f" on {long_date(goal.achieved_on, style)}" if goal.achieved_on else ""
        parts.append(f"<p><strong>You reached this goal{when}.</strong></p>")
    if goal.hoped_for:
        parts.append(_labelled("What we hoped for", goal.hoped_for))
    if goal.show_current:
        current, started = goal.current, goal.started
        reached = goal.column is GoalColumn.ACHIEVED
        if current is not None:
            if started is not None and started.on < current.on:
                text = f"{_cap(level_text(goal, started.level))} ({long_date(started.on, style)})"
                parts.append(_labelled("Where you started", text))
            text = f"{_cap(level_text(goal, current.level))} ({long_date(current.on, style)})"
            parts.append(_labelled("Where you got to" if reached else "Where you are now", text))
        if goal.column is not GoalColumn.ACHIEVED:
            parts.append(_p(" ".join(progress_sentences(goal, ending))))
        if len(goal.ratings) > 1:
            parts.append(_chart_table(goal, style))
    else:
        parts.append(_p("We’ll talk together about how this goal is going."))
    if goal.tasks:
        done = goal.tasks_done
        count = f" ({done} of {len(goal.tasks)} done so far)" if done else ""
        parts.append(f"<h4>What we agreed to do{count}</h4>")
        parts.append(
            _list(
                f"{_OWNERS[task.owner.value]}: {task.description} — "
                f"{task_status(task, today, style)}"
                for task in goal.tasks
            )
        )
    parts.append("</section>")
    return parts


def _chart_table(goal: ClientGoal, style: DateStyle) -> str:
    """The chart's text alternative: what it shows in one sentence, then its points."""
    first, last = goal.ratings[0], goal.ratings[-1]
    start, end = CHART_LABELS[first.level].lower(), CHART_LABELS[last.level].lower()
    moved = (
        f"“{start}” at the first look and at the latest"
        if start == end
        else f"from “{start}” to “{end}”"
    )
    summary = (
        f"The chart on the printed page shows {plural(len(goal.ratings), 'look')} at this goal "
        f"from {long_date(first.on, style)} to {long_date(last.on, style)}: {moved}."
    )
    rows = "".join(
        f"<tr><td>{escape(long_date(point.on, style))}</td>"
        f"<td>{escape(_cap(level_text(goal, point.level)))}</td></tr>"
        for point in goal.ratings
    )
    return (
        f"<figure><figcaption>{escape(summary)}</figcaption><table>"
        f"<caption>How things have moved for “{escape(goal.title)}”</caption>"
        '<thead><tr><th scope="col">Date</th><th scope="col">Where you were</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></figure>"
    )


def _measures(readings: Sequence[InstrumentReading], style: DateStyle) -> list[str]:
    parts = []
    for about_sessions, title in (
        (False, "Questionnaires about how you have been"),
        (True, "Your ratings of our sessions"),
    ):
        rows = measure_rows(readings, style, about_sessions)
        if not rows:
            continue
        cells = "".join(
            f'<tr><th scope="row">{escape(row.name)}</th><td>{escape(row.scale)}</td>'
            f"<td>{escape(row.first)}</td><td>{escape(row.latest or 'Filled in once')}</td></tr>"
            for row in rows
        )
        parts += [
            f"<h2>{title}</h2>",
            "<table><thead><tr>"
            + "".join(
                f'<th scope="col">{h}</th>'
                for h in ("Questionnaire", "Scores run", "First", "Latest")
            )
            + f"</tr></thead><tbody>{cells}</tbody></table>",
        ]
    return parts


def _crisis(profile: PracticeProfile, written_together: str) -> list[str]:
    parts = [f"<h2>{CRISIS_HEADING}</h2>"]
    if written_together.strip():
        parts.append(_p(written_together))
    parts.append(_p("If you feel unsafe or can’t keep going, you can contact:"))
    parts.append(_list(crisis_lines(profile)))
    return parts


def _contact_again(profile: PracticeProfile) -> str:
    contact = " or ".join(part for part in (profile.phone, profile.email) if part)
    who = profile.clinician_name or profile.practice_name or "me"
    if contact:
        return f"You are welcome to get in touch again: contact {who} on {contact}."
    return "You are welcome to get in touch again whenever you need to."


def _page(kind: str, profile: PracticeProfile, generated: str, body: Sequence[str]) -> str:
    letterhead = [
        line
        for line in (
            profile.practice_name or profile.clinician_name,
            ", ".join(p for p in (profile.clinician_name, profile.credentials) if p)
            if profile.practice_name
            else profile.credentials,
            ", ".join(profile.address.splitlines()),
            "  ·  ".join(p for p in (profile.phone, profile.email, profile.website) if p),
        )
        if line.strip()
    ]
    header = "".join(_p(line) for line in letterhead)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(kind)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header>{header}</header>\n<main>\n"
        + "\n".join(body)
        + f"\n</main>\n<footer>{_p(f'Confidential · {kind} · Generated {generated}')}</footer>"
        "\n</body>\n</html>\n"
    )


def _p(text: str) -> str:
    return "<p>" + "<br>".join(escape(line) for line in text.strip().splitlines()) + "</p>"


def _labelled(label: str, text: str) -> str:
    return f"<p><strong>{escape(label)}:</strong> {escape(text.strip())}</p>"


def _list(entries: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(entry)}</li>" for entry in entries) + "</ul>"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
