"""Which report, for which client, with which options: what the Reports page previews, saves
and prints, and who each report is meant for."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alliance_desktop.services.reports import ReportMaker  # built with the first report


class ReportKind(enum.StrEnum):
    GOAL_REVIEW = "goal_review"
    ENDING_PLAN = "ending_plan"
    ENDING_SUMMARY = "ending_summary"
    SAFETY_PLAN = "safety_plan"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_LABELS = {
    ReportKind.GOAL_REVIEW: "Goal review",
    ReportKind.ENDING_PLAN: "Ending plan",
    ReportKind.ENDING_SUMMARY: "Ending summary",
    ReportKind.SAFETY_PLAN: "Safety plan",
}

_DESCRIPTIONS = {
    ReportKind.GOAL_REVIEW: "To go through with the client: their goals in their words, "
    "where they stand, and what comes next.",
    ReportKind.ENDING_PLAN: "Why therapy is ending, the readiness signals, the last sessions "
    "and the maintenance plan, from the client's Ending tab.",
    ReportKind.ENDING_SUMMARY: "The course of therapy at its end: a clinician version for "
    "your file, or a client copy to take away.",
    ReportKind.SAFETY_PLAN: "The client's safety plan in their words, in large plain type, "
    "with your crisis contacts; written on the client's Risk tab.",
}

FOR_THE_CLIENT = "For the client — no notes, no rupture log."
FOR_THE_CLIENT_WITH_SCORES = (
    "For the client — no notes, no rupture log; with the instrument scores you ticked in."
)
FOR_THE_CLIENT_SAFETY_PLAN = (
    "For the client — their plan and your crisis contacts; no risk review, no notes."
)
FOR_YOUR_FILE = "For your file — contains clinical notes. Not for the client."
FOR_YOUR_FILE_WITH_RUPTURES = (
    "For your file — contains clinical notes and the rupture log. Not for the client."
)


@dataclass(frozen=True)
class ReportRequest:
    client_id: int
    kind: ReportKind
    since: dt.date | None = None  # goal review: None = from the start of the work
    until: dt.date | None = None  # goal review: None = today
    next_focus: str = ""  # goal review: "what we'll focus on next"
    include_instruments: bool = False  # goal review and ending summary
    client_copy: bool = False  # ending summary
    hide_current: tuple[int, ...] = ()  # goal review: goals without "where you are now"

    @property
    def for_the_client(self) -> bool:
        return self.kind in (ReportKind.GOAL_REVIEW, ReportKind.SAFETY_PLAN) or (
            self.kind is ReportKind.ENDING_SUMMARY and self.client_copy
        )

    @property
    def title(self) -> str:
        if self.kind is ReportKind.ENDING_SUMMARY:
            version = "client copy" if self.client_copy else "clinician version"
            return f"{self.kind.label} ({version})"
        return self.kind.label

    def audience(self) -> str:
        """One line saying who the report is for, shown beside the preview."""
        if self.kind is ReportKind.ENDING_PLAN:
            return FOR_YOUR_FILE
        if not self.for_the_client:
            return FOR_YOUR_FILE_WITH_RUPTURES
        if self.kind is ReportKind.SAFETY_PLAN:
            return FOR_THE_CLIENT_SAFETY_PLAN
        if self.include_instruments:
            return FOR_THE_CLIENT_WITH_SCORES
        return FOR_THE_CLIENT

    def file_name(self, today: dt.date) -> str:
        """A name without the client's: file names show in recent-file lists, search indexes,
        sync logs and e-mail attachments, where a name beside 'ending summary' says who is in
        therapy. The clinician can add initials in the save box if they want."""
        stem = self.kind.value.replace("_", "-")
        if self.kind is ReportKind.ENDING_SUMMARY:
            stem += "-client-copy" if self.client_copy else "-clinician"
        return f"{stem}-{today.isoformat()}.pdf"

    def make_pdf(self, reports: ReportMaker) -> bytes:
        """The PDF in memory, for the preview (call on the database worker)."""
        if self.kind is ReportKind.GOAL_REVIEW:
            return reports.goal_review_pdf(
                self.client_id,
                since=self.since,
                until=self.until,
                next_focus=self.next_focus,
                include_instruments=self.include_instruments,
                hide_current=self.hide_current,
            )
        if self.kind is ReportKind.ENDING_PLAN:
            return reports.ending_plan_pdf(self.client_id)
        if self.kind is ReportKind.SAFETY_PLAN:
            return reports.safety_plan_pdf(self.client_id)
        return reports.ending_summary_pdf(
            self.client_id,
            client_copy=self.client_copy,
            include_instruments=self.include_instruments,
        )

    def save_accessible(self, reports: ReportMaker, path: Path) -> Path:
        """Write the accessible copy (semantic HTML) of a client-facing report (on the worker)."""
        if self.kind is ReportKind.GOAL_REVIEW:
            return reports.accessible_goal_review(
                self.client_id,
                path,
                since=self.since,
                until=self.until,
                next_focus=self.next_focus,
                include_instruments=self.include_instruments,
                hide_current=self.hide_current,
            )
        return reports.accessible_ending_summary(
            self.client_id, path, include_instruments=self.include_instruments
        )

    def save(self, reports: ReportMaker, path: Path) -> Path:
        """Write the report to `path`, privately (0600) and atomically (on the worker)."""
        if self.kind is ReportKind.GOAL_REVIEW:
            return reports.goal_review(
                self.client_id,
                path,
                since=self.since,
                until=self.until,
                next_focus=self.next_focus,
                include_instruments=self.include_instruments,
                hide_current=self.hide_current,
            )
        if self.kind is ReportKind.ENDING_PLAN:
            return reports.ending_plan(self.client_id, path)
        if self.kind is ReportKind.SAFETY_PLAN:
            return reports.safety_plan(self.client_id, path)
        return reports.ending_summary(
            self.client_id,
            path,
            client_copy=self.client_copy,
            include_instruments=self.include_instruments,
        )
