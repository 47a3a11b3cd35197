"""The rupture table model: checked by Qt's model tester, and saying what it should."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.logging import QtLoggingPlugin

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.domain.rupture import (
    RaisedBy,
    RepairAttempt,
    RepairOutcome,
    RepairStrategy,
    RuptureEntry,
    RuptureKind,
)
from alliance_desktop.services.rupture_log import OpenRupture
from alliance_desktop.ui.models.rupture_table_model import (
    CLIENT_COLUMN,
    CLIENT_ID_ROLE,
    DATE_COLUMN,
    FOLLOW_UP_COLUMN,
    KIND_COLUMN,
    OUTCOME_COLUMN,
    RAISED_BY_COLUMN,
    RUPTURE_ID_ROLE,
    SIGNIFICANCE_COLUMN,
    RuptureRow,
    RuptureTableModel,
)

TODAY = dt.date(2026, 3, 14)
OPEN = RuptureEntry(
    id=4,
    client_id=2,
    occurred_on=dt.date(2026, 3, 2),
    kind=RuptureKind.WITHDRAWAL,
    significance=3,
    raised_by=RaisedBy.CLINICIAN,
    markers=("Minimal responses",),
    follow_up_on=dt.date(2026, 3, 9),
)
RESOLVED = RuptureEntry(
    id=5,
    client_id=2,
    occurred_on=dt.date(2026, 3, 10),
    kind=RuptureKind.CONFRONTATION,
    significance=5,
    raised_by=RaisedBy.CLIENT,
    repairs=(RepairAttempt(RepairStrategy.VALIDATE_ASSERTION, "they were right"),),
    outcome=RepairOutcome.RESOLVED,
    follow_up_on=dt.date(2026, 3, 12),
)


def _text(model: RuptureTableModel, row: int, column: int) -> str:
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_the_model_passes_qts_model_tester(qtlog: QtLoggingPlugin) -> None:
    model = RuptureTableModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)

    model.set_rows([RuptureRow.from_log(OPEN, TODAY), RuptureRow.from_log(RESOLVED, TODAY)])
    model.set_date_style(DateStyle.ISO)
    model.set_rows([RuptureRow.from_log(OPEN, TODAY)])
    model.set_rows([])

    assert tester is not None
    assert [r.message for r in qtlog.records if "FAIL" in r.message] == []
    assert model.rowCount() == 0


def test_rows_say_kind_significance_outcome_and_a_due_follow_up() -> None:
    model = RuptureTableModel()
    model.set_rows([RuptureRow.from_log(OPEN, TODAY), RuptureRow.from_log(RESOLVED, TODAY)])

    assert _text(model, 0, DATE_COLUMN) == "02/03/2026"
    assert _text(model, 0, KIND_COLUMN) == "Withdrawal"
    assert _text(model, 0, SIGNIFICANCE_COLUMN) == "3 · moderate"
    assert _text(model, 0, RAISED_BY_COLUMN) == "Me"
    assert _text(model, 0, OUTCOME_COLUMN) == "No repair yet"
    assert _text(model, 0, FOLLOW_UP_COLUMN) == "09/03/2026 · due"
    bold = model.index(0, FOLLOW_UP_COLUMN).data(Qt.ItemDataRole.FontRole)
    assert isinstance(bold, QFont) and bold.bold()
    # A resolved rupture's follow-up is never "due".
    assert _text(model, 1, OUTCOME_COLUMN) == "Resolved"
    assert _text(model, 1, FOLLOW_UP_COLUMN) == "12/03/2026"
    assert _text(model, 1, RAISED_BY_COLUMN) == "Client"
    assert model.index(1, 0).data(RUPTURE_ID_ROLE) == 5
    assert model.index(1, 0).data(CLIENT_ID_ROLE) == 2
    assert "Validated the client's assertion" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.row_of(5) == 1 and model.row_of(99) is None


def test_practice_wide_rows_carry_the_client_name() -> None:
    model = RuptureTableModel()
    model.set_rows([RuptureRow.from_open(OpenRupture(OPEN, "Ada Quinn", True))])
    model.set_date_style(DateStyle.MONTH_DAY_YEAR)

    assert _text(model, 0, CLIENT_COLUMN) == "Ada Quinn"
    assert _text(model, 0, DATE_COLUMN) == "03/02/2026"
    assert model.headerData(FOLLOW_UP_COLUMN, Qt.Orientation.Horizontal) == "Follow-up"
