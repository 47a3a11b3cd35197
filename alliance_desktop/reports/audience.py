"""The last check before a client-facing report is drawn: nothing meant for the clinician alone.

The client report-data types have no field for rupture entries, session notes or clinician
framing. This walk makes sure nothing was slipped in anyway (a rupture entry put where a task
belongs, a whole `Goal` instead of a `ClientGoal`): every value must be of a kind known to be
safe, and any record whose domain type says `audience is Audience.CLINICIAN_ONLY` is refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from typing import Any

from alliance_desktop.domain.crisis_contacts import CrisisContact
from alliance_desktop.domain.ending import MaintenancePlan
from alliance_desktop.domain.goal import GoalTask
from alliance_desktop.domain.practice_profile import PracticeProfile
from alliance_desktop.domain.rupture import Audience
from alliance_desktop.reports.report_data import (
    ClientEndingSummaryData,
    ClientGoal,
    GoalReviewData,
    InstrumentReading,
    RatingPoint,
)

_SAFE_RECORDS = (
    GoalReviewData,
    ClientEndingSummaryData,
    ClientGoal,
    RatingPoint,
    GoalTask,
    InstrumentReading,
    MaintenancePlan,
    PracticeProfile,
    CrisisContact,  # the practice's crisis lines: printed on every client page
)
_SAFE_VALUES = (str, int, float, bool, dt.date, enum.Enum, type(None))


class ClinicianOnlyContent(ValueError):
    """Client-facing report data holds something only the clinician may see."""


def ensure_client_safe(data: GoalReviewData | ClientEndingSummaryData) -> None:
    _walk(data, type(data).__name__)


def _walk(value: Any, where: str) -> None:
    if getattr(type(value), "audience", None) is Audience.CLINICIAN_ONLY:
        raise ClinicianOnlyContent(
            f"{where} holds a {type(value).__name__}, which is for the clinician only; "
            "it can never be printed in a client-facing report."
        )
    if isinstance(value, tuple | list):
        for index, item in enumerate(value):
            _walk(item, f"{where}[{index}]")
        return
    if isinstance(value, _SAFE_VALUES):
        return
    if not isinstance(value, _SAFE_RECORDS):
        raise ClinicianOnlyContent(
            f"{where} holds a {type(value).__name__}, which is not known to be safe to show "
            "the client."
        )
    for item in dataclasses.fields(value):
        _walk(getattr(value, item.name), f"{where}.{item.name}")
