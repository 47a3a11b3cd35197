"""Rupture markers: tick the ones seen from the list for the kind, or add one in your own words."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alliance_desktop.domain.rupture import RuptureKind, markers_for

_OWN_WORDS_ROLE = Qt.ItemDataRole.UserRole


class MarkerPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("markerList")
        self.list.setMinimumHeight(120)
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.own_words = QLineEdit()
        self.own_words.setPlaceholderText("Another marker, in your own words")
        self.add_button = QPushButton("Add")
        self.add_button.setEnabled(False)

        add_row = QHBoxLayout()
        add_row.addWidget(self.own_words, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list, 1)
        layout.addLayout(add_row)

        self.own_words.textChanged.connect(
            lambda text: self.add_button.setEnabled(bool(text.strip()))
        )
        self.own_words.returnPressed.connect(self.add_own_marker)
        self.add_button.clicked.connect(self.add_own_marker)
        self._kind = RuptureKind.WITHDRAWAL
        self._fill(markers_for(self._kind), ())

    def set_kind(self, kind: RuptureKind) -> None:
        """Show the pick list for `kind`, keeping every marker already ticked."""
        self._kind = kind
        self._fill(markers_for(kind), self.markers())

    def set_markers(self, markers: Iterable[str]) -> None:
        self._fill(markers_for(self._kind), tuple(markers))

    def markers(self) -> tuple[str, ...]:
        """Ticked markers: the list's first, in its order, then the clinician's own."""
        return tuple(
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() is Qt.CheckState.Checked
        )

    def tick(self, marker: str, ticked: bool = True) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text() == marker:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                item.setCheckState(state)

    def add_own_marker(self) -> None:
        text = " ".join(self.own_words.text().split())
        if not text:
            return
        if text in self.markers():
            self.own_words.clear()
            return
        existing = self.list.findItems(text, Qt.MatchFlag.MatchExactly)
        if existing:
            existing[0].setCheckState(Qt.CheckState.Checked)
        else:
            self._add_item(text, True, own=True)
        self.own_words.clear()

    def _fill(self, pick_list: tuple[str, ...], ticked: tuple[str, ...]) -> None:
        self.list.clear()
        for marker in pick_list:
            self._add_item(marker, marker in ticked, own=False)
        for marker in ticked:
            if marker not in pick_list:
                self._add_item(marker, True, own=True)

    def _add_item(self, text: str, ticked: bool, own: bool) -> None:
        item = QListWidgetItem(text)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsSelectable
        )
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        item.setData(_OWN_WORDS_ROLE, own)
        if own:
            item.setToolTip("Your own words (untick to leave it out)")
        self.list.addItem(item)
