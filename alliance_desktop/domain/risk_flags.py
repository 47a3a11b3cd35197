"""Risk and consent flags: a high level, a review due, a PHQ-9 self-harm answer above 0, and a
client seen without informed consent on file. Each says why, like the alliance flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from alliance_desktop.domain.alliance_flags import AllianceFlag, FlagKind
from alliance_desktop.domain.client import Client
from alliance_desktop.domain.consent_rules import informed_consent_problem
from alliance_desktop.domain.risk import RiskLevel, RiskReview, review_due_on

# How far ahead a review counts as due: the clinician sees it before the session, not after.
DUE_WITHIN_DAYS = 7


@dataclass(frozen=True)
class SelfHarmAnswer:
    """PHQ-9 item 9 (thoughts of self-harm) as entered for one session, 0-3."""

    on: dt.date
    answer: int


def risk_flags(
    client_id: int,
    latest: RiskReview | None,
    self_harm_answers: Sequence[SelfHarmAnswer],
    today: dt.date,
) -> list[AllianceFlag]:
    flags = []
    if latest is not None and latest.level is RiskLevel.HIGH:
        flags.append(
            AllianceFlag(
                FlagKind.HIGH_RISK,
                client_id,
                f"The latest risk review ({latest.assessed_on:%d %b %Y}) judged the level high. "
                "Check the safety plan and the actions agreed before the session.",
                since=latest.assessed_on,
                evidence=f"high:{latest.assessed_on.isoformat()}",
            )
        )
    if latest is not None:
        due = review_due_on(latest)
        if due is not None and due <= today + dt.timedelta(days=DUE_WITHIN_DAYS):
            if due < today:
                when = f"was due on {due:%d %b %Y} ({(today - due).days} days overdue)"
            elif due == today:
                when = "is due today"
            else:
                when = f"is due on {due:%d %b %Y}"
            flags.append(
                AllianceFlag(
                    FlagKind.RISK_REVIEW_DUE,
                    client_id,
                    f"A risk review {when}; the last one ({latest.assessed_on:%d %b %Y}) "
                    f"judged the level {latest.level.label.lower()}.",
                    since=latest.assessed_on,
                    evidence=f"due:{due.isoformat()}",
                )
            )
    flags += _self_harm_flag(client_id, latest, self_harm_answers)
    return flags


def _self_harm_flag(
    client_id: int, latest: RiskReview | None, answers: Sequence[SelfHarmAnswer]
) -> list[AllianceFlag]:
    """The most recent answer above 0 that no risk review has followed (on or after its day)."""
    raised = [answer for answer in answers if answer.answer > 0]
    if not raised:
        return []
    newest = max(raised, key=lambda answer: answer.on)
    if latest is not None and latest.assessed_on >= newest.on:
        return []
    return [
        AllianceFlag(
            FlagKind.SELF_HARM_ANSWER,
            client_id,
            f"PHQ-9 item 9 (thoughts of self-harm) was answered {newest.answer} of 3 on "
            f"{newest.on:%d %b %Y}, and no risk review has been recorded since. "
            "Record a risk review.",
            since=newest.on,
            evidence=f"phq9-item9:{newest.on.isoformat()}:{newest.answer}",
        )
    ]


def consent_flags(client: Client, has_sessions: bool) -> list[AllianceFlag]:
    """From the first session on, a client needs informed consent on file."""
    if client.id is None or not has_sessions:
        return []
    problem = informed_consent_problem(client)
    if problem is None:
        return []
    return [
        AllianceFlag(
            FlagKind.NO_INFORMED_CONSENT,
            client.id,
            problem,
            since=client.start_date or dt.date(1900, 1, 1),
            evidence=f"consent:{problem}",
        )
    ]
