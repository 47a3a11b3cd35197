"""The client table model: checked by Qt's own model tester, and showing what it should."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.logging import QtLoggingPlugin

from alliance_desktop.domain.client import ClientStatus, ClientSummary
from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.ui.models.client_table_model import (
    CLIENT_ID_ROLE,
    NAME_COLUMN,
    SORT_ROLE,
    START_COLUMN,
    STATUS_COLUMN,
    ClientTableModel,
)


def _summary(client_id: int, name: str, **overrides: object) -> ClientSummary:
    values: dict[str, object] = {
        "id": client_id,
        "name": name,
        "preferred_name": "",
        "status": ClientStatus.ACTIVE,
        "start_date": dt.date(2026, 1, 8),
        "archived": False,
    }
    values.update(overrides)
    return ClientSummary(**values)  # type: ignore[arg-type]


ROWS = [
    _summary(1, "Margaret Okonkwo-Lee", preferred_name="Maggie"),
    _summary(2, "Zoë Adams", status=ClientStatus.INTAKE, start_date=None),
    _summary(3, "Tom Reyes", status=ClientStatus.ENDED, archived=True),
]


def _tester_failures(qtlog: QtLoggingPlugin) -> list[str]:
    return [record.message for record in qtlog.records if "FAIL" in record.message]


def _attach_tester(model: ClientTableModel) -> QAbstractItemModelTester:
    # Warning mode reports through Qt's log instead of aborting; pytest-qt also fails any
    # test whose log holds a model tester failure.
    return QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)


def test_the_model_passes_qts_model_tester_through_resets_and_updates(
    qtlog: QtLoggingPlugin,
) -> None:
    model = ClientTableModel()
    tester = _attach_tester(model)

    model.set_rows(ROWS)
    model.set_date_style(DateStyle.ISO)
    model.set_rows(ROWS[:1])
    model.set_rows([])

    assert tester is not None
    assert _tester_failures(qtlog) == []
    assert model.rowCount() == 0


def test_rows_show_display_name_status_and_start_date_in_the_chosen_style() -> None:
    model = ClientTableModel()
    model.set_rows(ROWS)

    def text(row: int, column: int) -> str:
        return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)

    assert text(0, NAME_COLUMN) == "Margaret Okonkwo-Lee (Maggie)"
    assert text(0, STATUS_COLUMN) == "Active"
    assert text(0, START_COLUMN) == "08/01/2026"
    assert text(1, START_COLUMN) == ""
    assert text(2, STATUS_COLUMN) == "Ended · archived"
    assert model.index(2, NAME_COLUMN).data(CLIENT_ID_ROLE) == 3

    model.set_date_style(DateStyle.MONTH_DAY_YEAR)
    assert text(0, START_COLUMN) == "01/08/2026"


def test_sorting_keys_ignore_case_and_use_dates_not_display_text() -> None:
    model = ClientTableModel()
    model.set_rows(
        [
            _summary(1, "anna", start_date=dt.date(2025, 12, 31)),
            _summary(2, "Bea", start_date=dt.date(2026, 1, 2)),
        ]
    )

    assert model.index(0, NAME_COLUMN).data(SORT_ROLE) == "anna"
    assert model.index(1, NAME_COLUMN).data(SORT_ROLE) == "bea"
    # 31/12/2025 sorts before 02/01/2026 although its text sorts after.
    assert model.index(0, START_COLUMN).data(SORT_ROLE) < model.index(1, START_COLUMN).data(
        SORT_ROLE
    )
    assert model.headerData(STATUS_COLUMN, Qt.Orientation.Horizontal) == "Status"
