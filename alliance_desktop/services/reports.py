"""Reports: gather a client's record from the other services, build the PDF, and write it
privately (0600, atomically). The `*_pdf` calls return the bytes for a preview instead.

Which records reach a client-facing report is decided here and in the report-data types:
the goal review and the client copy of the ending summary get goals in the client's words,
the maintenance plan and dates; never rupture entries, session notes or clinician framing,
and instrument scores only when `include_instruments` is ticked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

from alliance_desktop.domain.audit import EventRecorder, VaultEvent
from alliance_desktop.domain.client import Client, ClientStatus
from alliance_desktop.domain.errors import InvalidInput, RecordNotFound
from alliance_desktop.domain.goal import Goal, GoalColumn
from alliance_desktop.domain.goal_rules import t_score_history
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.risk import require_printable
from alliance_desktop.domain.session import CalendarEntry, SessionStatus
from alliance_desktop.domain.signed_note import SignedNote
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    EndingPlanData,
    EndingSummaryData,
    GoalReviewData,
    InstrumentReading,
)
from alliance_desktop.services.calendar import SessionCalendar
from alliance_desktop.services.ending_work import EndingWork
from alliance_desktop.services.goal_board import GoalBoard
from alliance_desktop.services.private_files import write_private_file
from alliance_desktop.services.risk_work import RiskWork
from alliance_desktop.services.rupture_log import RuptureLog

# Current work first, then goals agreed but not started, then those reached.
_REPORT_ORDER = (GoalColumn.ACTIVE, GoalColumn.AGREED, GoalColumn.ACHIEVED)


class NoEndingPlan(RecordNotFound):
    """The ending plan report needs a plan written first."""


class NoClientCopyYet(RecordNotFound):
    """The client copy of the ending summary is for a client who is ending or has ended, and
    has an ending plan to take home."""


_ENDING_STATUSES = (ClientStatus.ENDING, ClientStatus.ENDED)
_ENDED_STATUSES = (ClientStatus.ENDED, ClientStatus.HANDED_OVER)


class ReportMaker:
    # Set by Practice: a client's signed notes by session id (for amended notes in reports).
    signed_notes_of: Callable[[int], Mapping[int, SignedNote]] | None = None

    def __init__(
        self,
        profile: Callable[[], PracticeProfile],
        client: Callable[[int], Client],
        calendar: SessionCalendar,
        goals: GoalBoard,
        ruptures: RuptureLog,
        ending: EndingWork,
        today: Callable[[], dt.date],
        record: EventRecorder | None = None,
        risk: RiskWork | None = None,
    ) -> None:
        self._record = record  # every report written to a file goes into the audit trail
        self._risk = risk
        self._profile = profile
        self._client = client
        self._calendar = calendar
        self._goals = goals
        self._ruptures = ruptures
        self._ending = ending
        self._today = today

    # Goal review (client-facing)

    def goal_review(
        self,
        client_id: int,
        path: Path,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        next_focus: str = "",
        include_instruments: bool = False,
        hide_current: Collection[int] = (),
    ) -> Path:
        data = self.goal_review_pdf(
            client_id,
            since=since,
            until=until,
            next_focus=next_focus,
            include_instruments=include_instruments,
            hide_current=hide_current,
        )
        return self._write(path, data, client_id)

    def goal_review_pdf(
        self,
        client_id: int,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        next_focus: str = "",
        include_instruments: bool = False,
        hide_current: Collection[int] = (),
    ) -> bytes:
        """`hide_current`: ids of goals whose "where you are now" the clinician leaves off."""
        return build_goal_review(
            self._goal_review_data(
                client_id,
                since=since,
                until=until,
                next_focus=next_focus,
                include_instruments=include_instruments,
                hide_current=hide_current,
            )
        )

    def accessible_goal_review(
        self,
        client_id: int,
        path: Path,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        next_focus: str = "",
        include_instruments: bool = False,
        hide_current: Collection[int] = (),
    ) -> Path:
        """The goal review as semantic HTML, for a screen reader (the same words as the PDF)."""
        data = self._goal_review_data(
            client_id,
            since=since,
            until=until,
            next_focus=next_focus,
            include_instruments=include_instruments,
            hide_current=hide_current,
        )
        return self._write(path, goal_review_html(data).encode("utf-8"), client_id)

    def accessible_ending_summary(
        self, client_id: int, path: Path, *, include_instruments: bool = False
    ) -> Path:
        """The client copy of the ending summary as semantic HTML, for a screen reader."""
        data = self._client_summary_data(client_id, include_instruments)
        return self._write(path, client_ending_summary_html(data).encode("utf-8"), client_id)

    def _goal_review_data(
        self,
        client_id: int,
        *,
        since: dt.date | None,
        until: dt.date | None,
        next_focus: str,
        include_instruments: bool,
        hide_current: Collection[int],
    ) -> GoalReviewData:
        client = self._client(client_id)
        today = self._today()
        entries = self._calendar.client_history(client_id).entries
        attended = _attended(entries)
        if until is None:
            until = today
            if client.status in _ENDED_STATUSES and attended:
                until = min(today, attended[-1].start.date())  # the work ended there
        goals = _report_goals(self._goals.board(client_id))
        if since is None:
            rated = [r.rated_on for goal in goals for r in goal.ratings if r.rated_on <= until]
            since = min([d for d in (client.start_date, *rated) if d is not None], default=None)
        if since is not None and since > until:
            raise InvalidInput.single("since", "The review cannot start after it ends.")
        shown = [
            ClientGoal.from_goal(goal, since, until, show_current=goal.id not in hide_current)
            for goal in goals
            if not _achieved_before(goal, since)
        ]
        instruments: tuple[InstrumentReading, ...] = ()
        if include_instruments:
            instruments = self._instrument_readings(entries, since, until)
        met = [
            entry
            for entry in attended
            if (since is None or entry.start.date() >= since) and entry.start.date() <= until
        ]
        return GoalReviewData(
            profile=self._profile(),
            client_name=_called(client),
            generated_on=today,
            goals=tuple(shown),
            since=since,
            until=until,
            next_focus=next_focus.strip(),
            instruments=instruments,
            sessions_attended=len(met),
        )

    # Ending plan (clinician)

    def ending_plan(self, client_id: int, path: Path) -> Path:
        return self._write(path, self.ending_plan_pdf(client_id), client_id)

    def ending_plan_pdf(self, client_id: int) -> bytes:
        client = self._client(client_id)
        if not self._ending.has_plan(client_id):
            raise NoEndingPlan(
                f"No ending plan has been written for {client.display_name} yet; "
                "write one before printing it."
            )
        today = self._today()
        history = self._calendar.client_history(client_id)
        booked = [
            entry
            for entry in history.entries
            if entry.status is SessionStatus.SCHEDULED and entry.start.date() >= today
        ]
        data = EndingPlanData(
            profile=self._profile(),
            client_name=client.display_name,
            generated_on=today,
            plan=self._ending.plan(client_id),
            readiness=self._ending.readiness(client_id),
            goals=tuple(_report_goals(self._goals.board(client_id))),
            overall_threshold=self._ruptures.thresholds().overall_below,
            sessions_booked=len(booked),
            next_session=booked[0].start.date() if booked else None,
            risk_review=self._risk.latest_review(client_id) if self._risk else None,
            safety_plan=self._risk.safety_plan(client_id) if self._risk else None,
        )

        return build_ending_plan(data)

    # Ending summary (clinician version, or the client copy)

    def ending_summary(
        self,
        client_id: int,
        path: Path,
        *,
        client_copy: bool = False,
        include_instruments: bool = False,
    ) -> Path:
        data = self.ending_summary_pdf(
            client_id, client_copy=client_copy, include_instruments=include_instruments
        )
        return self._write(path, data, client_id)

    def ending_summary_pdf(
        self, client_id: int, *, client_copy: bool = False, include_instruments: bool = False
    ) -> bytes:

        if client_copy:
            return build_ending_summary(self._client_summary_data(client_id, include_instruments))
        return build_ending_summary(self._clinician_summary_data(client_id, include_instruments))

    def _clinician_summary_data(
        self, client_id: int, include_instruments: bool
    ) -> EndingSummaryData:
        client = self._client(client_id)
        history = self._calendar.client_history(client_id)
        attended = _attended(history.entries)
        goals = _report_goals(self._goals.board(client_id), every_column=True)
        timeline = self._ruptures.timeline(client_id)
        has_plan = self._ending.has_plan(client_id)
        return EndingSummaryData(
            profile=self._profile(),
            client_name=client.display_name,
            generated_on=self._today(),
            plan=self._ending.plan(client_id) if has_plan else None,
            attendance=history.attendance,
            first_session=attended[0].start.date() if attended else None,
            last_session=attended[-1].start.date() if attended else None,
            goals=tuple(goals),
            t_scores=tuple(t_score_history(goals)),
            check_ins=tuple(timeline.check_ins),
            ruptures=tuple(timeline.ruptures),
            instruments=self._instrument_readings(history.entries, None, None)
            if include_instruments
            else (),
            amended_notes=self._amended_notes(client_id, history.entries),
            risk_review=self._risk.latest_review(client_id) if self._risk else None,
            safety_plan=self._risk.safety_plan(client_id) if self._risk else None,
        )

    def _amended_notes(
        self, client_id: int, entries: Sequence[CalendarEntry]
    ) -> tuple[tuple[dt.date, SignedNote], ...]:
        if self.signed_notes_of is None:
            return ()
        signed = self.signed_notes_of(client_id)
        return tuple(
            (entry.start.date(), signed[entry.session_id])
            for entry in entries
            if entry.session_id in signed and signed[entry.session_id].amendments
        )

    def _client_summary_data(
        self, client_id: int, include_instruments: bool
    ) -> ClientEndingSummaryData:
        client = self._client(client_id)
        self.check_client_copy(client_id)
        history = self._calendar.client_history(client_id)
        attended = _attended(history.entries)
        plan = self._ending.plan(client_id)
        scheduled = {
            entry.start.date()
            for entry in history.entries
            if entry.status in (SessionStatus.SCHEDULED, SessionStatus.ATTENDED)
        }
        return ClientEndingSummaryData(
            profile=self._profile(),
            client_name=_called(client),
            generated_on=self._today(),
            goals=tuple(
                ClientGoal.from_goal(g) for g in _report_goals(self._goals.board(client_id))
            ),
            reason=plan.reason,
            referral=plan.referral,
            closing_words=plan.closing_words,
            booked_follow_ups=tuple(day for day in plan.follow_up_dates if day in scheduled),
            first_session=attended[0].start.date() if attended else None,
            last_session=attended[-1].start.date() if attended else None,
            sessions_attended=history.attendance.attended,
            maintenance=plan.maintenance,
            follow_up_dates=plan.follow_up_dates,
            instruments=self._instrument_readings(history.entries, None, None)
            if include_instruments
            else (),
        )

    # Safety plan (client-facing)

    def safety_plan(self, client_id: int, path: Path) -> Path:
        return self._write(path, self.safety_plan_pdf(client_id), client_id)

    def safety_plan_pdf(self, client_id: int) -> bytes:
        """The client's copy: their plan and the practice's crisis contacts, nothing else.
        An empty or missing plan raises InvalidInput and nothing is built."""
        client = self._client(client_id)
        plan = require_printable(self._risk.safety_plan(client_id) if self._risk else None)
        from alliance_desktop.reports.safety_plan import SafetyPlanData, build_safety_plan

        data = SafetyPlanData(
            profile=self._profile(),
            client_name=_called(client),
            generated_on=self._today(),
            plan=plan,
        )
        return build_safety_plan(data)

    def check_client_copy(self, client_id: int) -> None:
        """Refuse the client copy unless the client is ending or ended and has a plan."""
        client = self._client(client_id)
        if client.status not in _ENDING_STATUSES:
            raise NoClientCopyYet(
                f"The client copy of the ending summary is for a client who is ending or has "
                f"ended; {client.display_name} is marked {client.status.label.lower()}. "
                "Start the ending in the client's Ending tab first."
            )
        if not self._ending.has_plan(client_id):
            raise NoClientCopyYet(
                f"No ending plan has been written for {client.display_name} yet; write it in "
                "the client's Ending tab before printing their copy."
            )

    def _write(self, path: Path, data: bytes, client_id: int) -> Path:
        record = self._record
        # Recorded before the file takes its name: no export exists outside the audit trail.
        return write_private_file(
            path,
            data,
            before_replace=None
            if record is None
            else lambda: record(VaultEvent.REPORT_EXPORTED, client_id),
        )

    def _instrument_readings(
        self, entries: Sequence[CalendarEntry], since: dt.date | None, until: dt.date | None
    ) -> tuple[InstrumentReading, ...]:
        readings = []
        for entry in _attended(entries):
            day = entry.start.date()
            if (since is not None and day < since) or (until is not None and day > until):
                continue
            session = self._calendar.session(entry.session_id)
            readings += [
                InstrumentReading(day, score.instrument, score.total)
                for score in session.check_in.instruments
            ]
        return tuple(readings)


def _called(client: Client) -> str:
    """What the client likes to be called: their preferred name, or their name."""
    return client.preferred_name or client.name


def _report_goals(goals: Sequence[Goal], every_column: bool = False) -> list[Goal]:
    """Agreed, active and achieved goals in report order; with `every_column` the proposed
    and set-aside ones follow (the clinician's summary lists them apart)."""
    columns = _REPORT_ORDER + ((GoalColumn.PROPOSED, GoalColumn.SET_ASIDE) if every_column else ())
    return sorted(
        (goal for goal in goals if goal.column in columns),
        key=lambda goal: columns.index(goal.column),
    )


def _achieved_before(goal: Goal, since: dt.date | None) -> bool:
    if since is None or goal.column is not GoalColumn.ACHIEVED:
        return False
    achieved = goal.moved_on(GoalColumn.ACHIEVED)
    return achieved is not None and achieved < since


def _attended(entries: Sequence[CalendarEntry]) -> list[CalendarEntry]:
    return [entry for entry in entries if entry.status is SessionStatus.ATTENDED]


# The builders load ReportLab: they are imported when the first report is made, not when the
# app starts (tests/ui/test_start_imports.py).


def build_goal_review(data: GoalReviewData) -> bytes:
    from alliance_desktop.reports.goal_review import build_goal_review as build

    return build(data)


def build_ending_plan(data: EndingPlanData) -> bytes:
    from alliance_desktop.reports.ending_plan import build_ending_plan as build

    return build(data)


def build_ending_summary(data: EndingSummaryData | ClientEndingSummaryData) -> bytes:
    from alliance_desktop.reports.ending_summary import build_ending_summary as build

    return build(data)


def goal_review_html(data: GoalReviewData) -> str:
    from alliance_desktop.reports.accessible_html import goal_review_html as build

    return build(data)


def client_ending_summary_html(data: ClientEndingSummaryData) -> str:
    from alliance_desktop.reports.accessible_html import client_ending_summary_html as build

    return build(data)
