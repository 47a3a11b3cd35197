"""Ruptures in the alliance and their repair: the clinician's own, private log.

Markers and repair strategies follow the rupture-resolution literature (Safran & Muran;
Eubanks, Muran & Safran's 3RS), in the app's own words.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import ClassVar

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_date, check_text


class Audience(enum.StrEnum):
    """Who a record may be shown to; reports check it before printing anything."""

    CLINICIAN_ONLY = "clinician_only"
    CLIENT = "client"


class RuptureKind(enum.StrEnum):
    WITHDRAWAL = "withdrawal"
    CONFRONTATION = "confrontation"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


WITHDRAWAL_MARKERS = (
    "Minimal responses",
    "Shifting the topic",
    "Deferential agreement",
    "Content/affect split",
    "Abstract or intellectualised talk",
    "Denying a feeling that shows",
    "Self-criticism or hopelessness",
)
CONFRONTATION_MARKERS = (
    "Complaints about the therapist",
    "Complaints about the activities of therapy",
    "Complaints about progress",
    "Complaints about parameters (time, fees, place)",
    "Rejecting an intervention",
    "Pressure on the therapist",
    "Defending against the therapist",
)


def markers_for(kind: RuptureKind) -> tuple[str, ...]:
    if kind is RuptureKind.WITHDRAWAL:
        return WITHDRAWAL_MARKERS
    if kind is RuptureKind.CONFRONTATION:
        return CONFRONTATION_MARKERS
    return WITHDRAWAL_MARKERS + CONFRONTATION_MARKERS


class RaisedBy(enum.StrEnum):
    CLIENT = "client"
    CLINICIAN = "clinician"


class RepairGroup(enum.StrEnum):
    IMMEDIATE = "immediate"
    EXPLORATORY = "exploratory"


class RepairStrategy(enum.StrEnum):
    RESTATE_RATIONALE = "restate_rationale"
    CHANGE_TASK_OR_GOAL = "change_task_or_goal"
    CLARIFY_MISUNDERSTANDING = "clarify_misunderstanding"
    EXPLORE_WHAT_HAPPENED = "explore_what_happened"
    ACKNOWLEDGE_OWN_PART = "acknowledge_own_part"
    LINK_TO_PATTERNS = "link_to_patterns"
    VALIDATE_ASSERTION = "validate_assertion"

    @property
    def group(self) -> RepairGroup:
        immediate = {"restate_rationale", "change_task_or_goal", "clarify_misunderstanding"}
        return RepairGroup.IMMEDIATE if self.value in immediate else RepairGroup.EXPLORATORY

    @property
    def label(self) -> str:
        return _STRATEGY_LABELS[self]


_STRATEGY_LABELS = {
    RepairStrategy.RESTATE_RATIONALE: "Restated the rationale",
    RepairStrategy.CHANGE_TASK_OR_GOAL: "Changed the task or goal",
    RepairStrategy.CLARIFY_MISUNDERSTANDING: "Clarified a misunderstanding",
    RepairStrategy.EXPLORE_WHAT_HAPPENED: "Talked about what happened between us",
    RepairStrategy.ACKNOWLEDGE_OWN_PART: "Acknowledged my part",
    RepairStrategy.LINK_TO_PATTERNS: "Linked to patterns in other relationships",
    RepairStrategy.VALIDATE_ASSERTION: "Validated the client's assertion",
}


class RepairOutcome(enum.StrEnum):
    RESOLVED = "resolved"
    PARTLY = "partly"
    UNRESOLVED = "unresolved"

    @property
    def label(self) -> str:
        return {"resolved": "Resolved", "partly": "Partly resolved", "unresolved": "Unresolved"}[
            self.value
        ]


@dataclass(frozen=True)
class RepairAttempt:
    strategy: RepairStrategy
    note: str = ""


@dataclass(frozen=True)
class RuptureEntry:
    client_id: int
    occurred_on: dt.date
    kind: RuptureKind
    significance: int  # 1 (slight) to 5 (threatens the work)
    raised_by: RaisedBy
    id: int | None = None
    session_id: int | None = None
    markers: tuple[str, ...] = ()
    note: str = ""
    repairs: tuple[RepairAttempt, ...] = ()
    outcome: RepairOutcome | None = None  # None until a repair has been tried
    follow_up_on: dt.date | None = None

    # The rupture log is the clinician's reflection: never printed for the client.
    audience: ClassVar[Audience] = Audience.CLINICIAN_ONLY

    @property
    def is_open(self) -> bool:
        return self.outcome is not RepairOutcome.RESOLVED


def check_rupture(entry: RuptureEntry) -> RuptureEntry:
    problems: dict[str, str] = {}
    check_date(problems, "occurred_on", "Date", entry.occurred_on)
    check_date(problems, "follow_up_on", "Follow-up date", entry.follow_up_on)
    if not 1 <= entry.significance <= 5:
        problems["significance"] = f"Significance is from 1 to 5 (got {entry.significance})."
    if entry.outcome is not None and not entry.repairs:
        problems["outcome"] = "Record at least one repair strategy before giving an outcome."
    if entry.follow_up_on is not None and entry.follow_up_on < entry.occurred_on:
        problems["follow_up_on"] = "The follow-up cannot be before the rupture."
    check_text(problems, "note", "Note", entry.note, limit=LONG_TEXT_LIMIT)
    for index, marker in enumerate(entry.markers):
        check_text(problems, f"markers.{index}", "Marker", marker, required=True)
    seen: set[RepairStrategy] = set()
    for index, repair in enumerate(entry.repairs):
        check_text(
            problems, f"repairs.{index}.note", "Repair note", repair.note, limit=LONG_TEXT_LIMIT
        )
        if repair.strategy in seen:
            problems[f"repairs.{index}"] = f"'{repair.strategy.label}' is listed twice."
        seen.add(repair.strategy)
    if problems:
        raise InvalidInput(problems)
    return entry
