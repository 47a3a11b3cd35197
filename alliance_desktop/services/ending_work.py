"""The ending of therapy: the plan, and what the record says about readiness."""

from __future__ import annotations

from alliance_desktop.domain.ending import (
    EndingPlan,
    ReadinessSignals,
    check_ending_plan,
    readiness_signals,
)
from alliance_desktop.services.calendar import SessionCalendar
from alliance_desktop.services.goal_board import GoalBoard
from alliance_desktop.services.rupture_log import RuptureLog
from alliance_desktop.vault.ending_plan_repository import EndingPlanRepository


class EndingWork:
    def __init__(
        self,
        plans: EndingPlanRepository,
        calendar: SessionCalendar,
        goals: GoalBoard,
        ruptures: RuptureLog,
    ) -> None:
        self._plans = plans
        self._calendar = calendar
        self._goals = goals
        self._ruptures = ruptures

    def plan(self, client_id: int) -> EndingPlan:
        """The saved plan, or a fresh one to start from."""
        return self._plans.get(client_id) or EndingPlan(client_id=client_id)

    def has_plan(self, client_id: int) -> bool:
        return self._plans.get(client_id) is not None

    def save_plan(self, plan: EndingPlan) -> EndingPlan:
        return self._plans.save(check_ending_plan(plan))

    def readiness(self, client_id: int) -> ReadinessSignals:
        timeline = self._ruptures.timeline(client_id)
        return readiness_signals(
            goals=self._goals.board(client_id),
            check_ins=timeline.check_ins,
            open_ruptures=sum(1 for entry in timeline.ruptures if entry.is_open),
            attendance=self._calendar.client_history(client_id).attendance,
            overall_threshold=self._ruptures.thresholds().overall_below,
        )
