"""Repair strategies tried, in their two groups, each with a short note of how it went."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.rupture import RepairAttempt, RepairGroup, RepairStrategy
from alliance_desktop.ui.rupture_wording import GROUP_TITLES


class RepairPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[RepairStrategy, QCheckBox] = {}
        self.notes: dict[RepairStrategy, QLineEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in RepairGroup:
            box = QGroupBox(GROUP_TITLES[group])
            grid = QGridLayout(box)
            grid.setColumnStretch(1, 1)
            strategies = [s for s in RepairStrategy if s.group is group]
            for row, strategy in enumerate(strategies):
                tick = QCheckBox(strategy.label)
                note = QLineEdit()
                note.setPlaceholderText("How it went (optional)")
                note.setEnabled(False)
                tick.toggled.connect(note.setEnabled)
                self.boxes[strategy] = tick
                self.notes[strategy] = note
                grid.addWidget(tick, row, 0)
                grid.addWidget(note, row, 1)
            layout.addWidget(box)
        # Line the notes of both groups up under each other.
        widest = max(tick.sizeHint().width() for tick in self.boxes.values())
        for tick in self.boxes.values():
            tick.setMinimumWidth(widest)
        # The order repairs are kept in: as first recorded, new ones after.
        self._order: list[RepairStrategy] = []

    def set_repairs(self, repairs: Iterable[RepairAttempt]) -> None:
        self._order = []
        for strategy in RepairStrategy:
            self.boxes[strategy].setChecked(False)
            self.notes[strategy].clear()
        for repair in repairs:
            if repair.strategy in self._order:
                continue
            self._order.append(repair.strategy)
            self.boxes[repair.strategy].setChecked(True)
            note = self.notes[repair.strategy]
            note.setText(repair.note)
            note.setCursorPosition(0)  # show how the note begins, not how it ends
            note.setToolTip(repair.note)

    def repairs(self) -> tuple[RepairAttempt, ...]:
        ticked = [s for s in RepairStrategy if self.boxes[s].isChecked()]
        ordered = [s for s in self._order if s in ticked] + [
            s for s in ticked if s not in self._order
        ]
        return tuple(RepairAttempt(s, self.notes[s].text().strip()) for s in ordered)

    def first_input(self) -> QWidget:
        return self.boxes[next(iter(RepairStrategy))]
