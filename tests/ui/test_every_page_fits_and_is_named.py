"""Every page and client tab at 1440×900, at 1280×720 (a small laptop) and at the window's
900×600 minimum: nothing squeezed below what its text needs, nothing cut off at the edge of a
pane that cannot scroll sideways, and every control has a name a screen reader can say. Dialogs
are checked at their own first size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from alliance_desktop.services import Practice
from alliance_desktop.ui.main_window import PAGES, MainWindow
from alliance_desktop.ui.tasks import TaskRunner
from tests.exchange.samples import populate
from tests.factories import make_client
from tests.ui.widget_audit import (
    cut_off_panes,
    hidden_parts,
    squeezed_widgets,
    unnamed_controls,
)

LONG_NAME = "Margarethe-Annelise Lindqvist-Nakamura-Osei"
SIZES = [(1440, 900), (1280, 720), (900, 600)]


@pytest.fixture(autouse=True)
def styled_as_the_app_is(qapp: QApplication) -> None:
    """Sizes depend on the style sheet (paddings, borders): check them as the app shows them."""
    from alliance_desktop.ui.theme import ThemeChoice, apply_theme

    apply_theme(qapp, ThemeChoice.LIGHT)


def visit_everything(  # type: ignore[no-untyped-def]
    qtbot: QtBot, window: MainWindow, tasks: TaskRunner, practice: Practice, client_id: int
):
    """Yield a label for each page and client tab once it is shown and loaded."""
    for index, (title, *_rest) in enumerate(PAGES):
        window.show_page(index)
        qtbot.waitUntil(lambda: not tasks.is_busy)
        QApplication.processEvents()
        yield title
        if title == "Calendar":
            from alliance_desktop.ui.widgets.calendar_layout import CalendarMode

            for mode in (CalendarMode.MONTH, CalendarMode.DAY, CalendarMode.WEEK):
                window.calendar_view.set_mode(mode)
                qtbot.waitUntil(lambda: not tasks.is_busy)
                QApplication.processEvents()
                yield f"Calendar › {mode.value}"
    goal = next(goal for goal in practice.goals.board(client_id) if goal.ratings)
    window.open_goal_board(client_id, goal.id)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    QApplication.processEvents()
    yield "Goals › a client's board, a goal chosen"
    window.open_client(client_id)
    qtbot.waitUntil(lambda: not tasks.is_busy)
    tabs = window.clients_view.overview.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not tasks.is_busy)
        QApplication.processEvents()
        yield f"Clients › {tabs.tabText(index)}"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_page_fits_and_every_control_is_named(
    qtbot: QtBot,
    practice: Practice,
    main_window: MainWindow,
    tasks: TaskRunner,
    width: int,
    height: int,
) -> None:
    client_id = populate(practice)
    # A long name, as real practices have: pickers and lists must not grow to fit it whole.
    practice.add_client(make_client(name=LONG_NAME, preferred_name="Anne"))
    main_window.clients_view.refresh()
    main_window.resize(width, height)
    problems: dict[str, list[str]] = {}
    for where in visit_everything(qtbot, main_window, tasks, practice, client_id):
        found = [f"squeezed: {p}" for p in squeezed_widgets(main_window)]
        found += [f"cut off: {p}" for p in cut_off_panes(main_window)]
        found += [f"out of sight: {p}" for p in hidden_parts(main_window)]
        found += [f"unnamed: {p}" for p in unnamed_controls(main_window)]
        if found:
            problems[where] = found
    report = "\n".join(
        f"{where}: {problem}" for where, found in problems.items() for problem in found
    )
    assert problems == {}, report


def _dialogs(practice: Practice) -> dict[str, QWidget]:
    """Every dialog a clinician meets, filled with the sample client's records."""
    from alliance_desktop.domain.alliance_flags import AllianceThresholds
    from alliance_desktop.ui.dialogs.alliance_thresholds_dialog import AllianceThresholdsDialog
    from alliance_desktop.ui.dialogs.calendar_export_dialog import CalendarExportDialog
    from alliance_desktop.ui.dialogs.client_dialog import ClientDialog
    from alliance_desktop.ui.dialogs.goal_dialog import GoalDialog
    from alliance_desktop.ui.dialogs.handover_wizard import HandoverWizard
    from alliance_desktop.ui.dialogs.help_dialogs import UserGuideDialog
    from alliance_desktop.ui.dialogs.practice_profile_dialog import PracticeProfileDialog
    from alliance_desktop.ui.dialogs.preferences_dialog import PreferencesDialog
    from alliance_desktop.ui.dialogs.retention_dialog import RetentionDialog
    from alliance_desktop.ui.dialogs.rupture_dialog import RuptureDialog
    from alliance_desktop.ui.dialogs.session_dialog import SessionDialog
    from alliance_desktop.ui.settings import LockPreferences

    client_id = populate(practice)
    client = practice.client(client_id)
    today = practice.today()
    goal = next(goal for goal in practice.goals.board(client_id) if goal.ratings)
    first = practice.calendar.client_history(client_id).entries[0]
    session = practice.calendar.session(first.session_id)
    rupture = practice.ruptures.log(client_id)[0]
    return {
        "client": ClientDialog(client, today),
        "session": SessionDialog(session, practice.client_summaries(), is_new=False),
        "goal": GoalDialog(goal, client.values, today),
        "rupture": RuptureDialog(rupture),
        "profile": PracticeProfileDialog(practice.profile()),
        "preferences": PreferencesDialog(LockPreferences()),
        "retention": RetentionDialog(7, [], practice.profile().date_style),
        "thresholds": AllianceThresholdsDialog(AllianceThresholds()),
        "calendar export": CalendarExportDialog(today),
        "handover": HandoverWizard(client, today, practice.profile().date_style, print, print),
        "user guide": UserGuideDialog(),
    }


def test_every_dialog_fits_at_its_first_size_and_every_control_is_named(
    qtbot: QtBot, practice: Practice
) -> None:
    problems = []
    for name, dialog in _dialogs(practice).items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        tabs = dialog.findChildren(QTabWidget)
        pages = [(tab, index) for tab in tabs for index in range(tab.count())] or [(None, 0)]
        for tab, index in pages:
            if tab is not None:
                tab.setCurrentIndex(index)
                QApplication.processEvents()
            problems += [f"{name}: squeezed: {p}" for p in squeezed_widgets(dialog)]
            problems += [f"{name}: cut off: {p}" for p in cut_off_panes(dialog)]
            problems += [f"{name}: out of sight: {p}" for p in hidden_parts(dialog)]
            problems += [f"{name}: unnamed: {p}" for p in unnamed_controls(dialog)]
        dialog.close()
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))
