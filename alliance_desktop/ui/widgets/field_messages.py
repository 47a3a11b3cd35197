"""Validation messages shown right under the field they are about, in words, not colour alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget  # only named: its enums load with the first tabs

INVALID_PROPERTY = "invalid"


class FieldMessages:
    """Keeps one hidden message label per field and shows the domain's InvalidInput problems.

    Field names are the domain's ("name", "contact.email"); a problem about a list entry such
    as "values.3" is shown at the field registered as "values".
    """

    def __init__(self, tabs: QTabWidget | None = None) -> None:
        self._tabs = tabs
        self._inputs: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}

    def wrap(self, field: str, input_widget: QWidget) -> QWidget:
        """Return the input with its (hidden) message label beneath, ready for a form row."""
        container = QWidget()
        # Grow only as the input does, so a fixed-height box doesn't float in a tall row.
        container.setSizePolicy(
            QSizePolicy.Policy.Preferred, input_widget.sizePolicy().verticalPolicy()
        )
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(input_widget)
        label = self.message_label(field, input_widget)
        layout.addWidget(label)
        return container

    def message_label(self, field: str, input_widget: QWidget) -> QLabel:
        """A message label for `field`, for callers that place it themselves."""
        label = QLabel()
        label.setObjectName("fieldMessage")
        label.setWordWrap(True)
        label.hide()
        self._inputs[field] = input_widget
        self._labels[field] = label
        return label

    def message(self, field: str) -> str:
        label = self._labels[field]
        return label.text() if not label.isHidden() else ""

    def clear(self) -> None:
        for field, label in self._labels.items():
            label.clear()
            label.hide()
            self._inputs[field].setAccessibleDescription("")
            _mark_invalid(self._inputs[field], False)
        if self._tabs is not None:
            for index in range(self._tabs.count()):
                self._tabs.setTabIcon(index, QIcon())

    def show(self, problems: dict[str, str]) -> dict[str, str]:
        """Show each problem at its field; return the ones that have no field here."""
        self.clear()
        unplaced: dict[str, str] = {}
        first_input: QWidget | None = None
        for problem_field, text in problems.items():
            field = self._registered_field(problem_field)
            if field is None:
                unplaced[problem_field] = text
                continue
            label = self._labels[field]
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
            self._inputs[field].setAccessibleDescription(label.text())
            _mark_invalid(self._inputs[field], True)
            self._flag_tab(self._inputs[field])
            first_input = first_input or self._inputs[field]
        if first_input is not None:
            self._reveal(first_input)
        return unplaced

    def _registered_field(self, problem_field: str) -> str | None:
        parts = problem_field.split(".")
        # Try the most specific name first: "contact.email", then "contact".
        for length in range(len(parts), 0, -1):
            candidate = ".".join(parts[:length])
            if candidate in self._labels:
                return candidate
        return None

    def _tab_index(self, widget: QWidget) -> int:
        if self._tabs is None:
            return -1
        for index in range(self._tabs.count()):
            page = self._tabs.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                return index
        return -1

    def _flag_tab(self, widget: QWidget) -> None:
        index = self._tab_index(widget)
        if self._tabs is not None and index >= 0:
            # A warning sign on the tab, so a problem on a tab not in view is not missed.
            from PySide6.QtWidgets import QStyle  # its enums cost the unlock window 6 ms

            icon = self._tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._tabs.setTabIcon(index, icon)

    def _reveal(self, widget: QWidget) -> None:
        index = self._tab_index(widget)
        if self._tabs is not None and index >= 0:
            self._tabs.setCurrentIndex(index)
        widget.setFocus()


def _mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Set the `invalid` property the style sheet draws as a red border, and re-polish."""
    # Unset reads as valid: re-polishing a field that never was invalid costs a window's
    # first appearance tens of milliseconds (the style's enums load) for nothing.
    if bool(widget.property(INVALID_PROPERTY)) == invalid:
        return
    widget.setProperty(INVALID_PROPERTY, invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
