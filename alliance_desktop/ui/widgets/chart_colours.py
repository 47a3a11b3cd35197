"""The colours the charts paint with, in the light and the dark theme.

QtCharts draws its own scene: no style sheet reaches it, so a chart takes these colours when it
is built and again whenever the theme changes (`ThemeFollower`). Text on the chart keeps WCAG
AA contrast (4.5:1) against its background, lines and markers at least 3:1, in both themes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from alliance_desktop.domain.rupture import RepairOutcome
from alliance_desktop.ui.rupture_wording import OUTCOME_COLOURS
from alliance_desktop.ui.theme import dark_theme_on


@dataclass(frozen=True)
class ChartColours:
    background: str
    text: str  # axis labels, axis titles, legend
    grid: str
    axis_line: str
    marker_edge: str  # the ring round a marker, to lift it off a line beneath
    # The alliance lines (overall, goals, tasks, bond) and the goal chart's line.
    overall: str
    goals: str
    tasks: str
    bond: str
    goal_line: str
    outcomes: dict[RepairOutcome | None, str]

    def colour(self, name: str) -> QColor:
        return QColor(getattr(self, name))


LIGHT = ChartColours(
    background="#ffffff",
    text="#4a5a5b",
    grid="#e3e9e7",
    axis_line="#9fb3b1",
    marker_edge="#ffffff",
    overall="#1f4f4c",
    goals="#3d6fb0",
    tasks="#7a4fa3",
    bond="#b0563d",
    goal_line="#2e6f6b",
    outcomes={outcome: colour.name() for outcome, colour in OUTCOME_COLOURS.items()},
)
# The same hues, lighter, on the dark theme's surface (#242b2c).
DARK = ChartColours(
    background="#242b2c",
    text="#b5c2c2",
    grid="#364243",
    axis_line="#66807d",
    marker_edge="#242b2c",
    overall="#a9dcd6",
    goals="#8fb4ea",
    tasks="#c3a6e6",
    bond="#eb9a82",
    goal_line="#8fd0ca",
    outcomes={
        RepairOutcome.RESOLVED: "#6cc59a",
        RepairOutcome.PARTLY: "#e6a84a",
        RepairOutcome.UNRESOLVED: "#f2887f",
        None: "#a9b7b7",
    },
)


def chart_colours() -> ChartColours:
    return DARK if dark_theme_on() else LIGHT


class ThemeFollower(QObject):
    """Calls `recolour` after the application's theme changes under `widget`.

    The palette and style sheet change first and the theme's flag last (`apply_theme`), so the
    call waits for the event loop: by then `dark_theme_on()` tells the new theme.
    """

    def __init__(self, widget: QWidget, recolour: Callable[[], None]) -> None:
        super().__init__(widget)
        self._recolour = recolour
        self._pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        changed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if changed and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._run)
        return super().eventFilter(watched, event)

    def _run(self) -> None:
        self._pending = False
        self._recolour()
