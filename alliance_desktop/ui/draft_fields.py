"""Reading and writing an editor's fields as plain values, whatever the editor is.

Fields are found by the Python attribute names the editor gives its widgets (`progress_note`,
`timing.start`), walking into composite parts; any other input widget inside the editor is
named by its type and position. So an editor needs no code of its own for its draft to be
kept and put back.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QDateTime, QObject, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from alliance_desktop.domain.draft import FieldValue

_INPUTS = (
    QPlainTextEdit,
    QTextEdit,
    QLineEdit,
    QComboBox,
    QDateTimeEdit,
    QSpinBox,
    QDoubleSpinBox,
    QAbstractButton,
    QAbstractSlider,
)
_MAX_DEPTH = 4
# Helpers that only point at the editor's fields (to show messages beside them): walking them
# would name a field after the helper.
_POINTERS_ONLY = frozenset({"FieldMessages"})


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar):
        return False  # where a page is scrolled to is not something typed (and Qt replaces them)
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()
    if isinstance(widget, QLineEdit):
        # The line inside an editable combo box or a spin box belongs to that widget.
        return not isinstance(widget.parent(), (QComboBox, QAbstractSpinBox))
    return isinstance(widget, _INPUTS)


def _items(obj: object) -> Iterator[tuple[str, object]]:
    for name, value in list(getattr(obj, "__dict__", {}).items()):
        if name.startswith("__"):
            continue
        name = name.lstrip("_")
        if isinstance(value, (list, tuple)):
            yield from ((f"{name}.{i}", v) for i, v in enumerate(value))
        elif isinstance(value, dict):
            yield from ((f"{name}.{getattr(k, 'value', k)}", v) for k, v in value.items())
        else:
            yield name, value


def _named(root: QWidget) -> Iterator[tuple[str, QWidget]]:
    """Breadth first, so a widget is named by its shortest path (`progress_note`, not the
    name some helper holding it gives it)."""
    seen: set[int] = {id(root)}
    queue: deque[tuple[object, str, int]] = deque([(root, "", 0)])
    while queue:
        obj, prefix, depth = queue.popleft()
        for name, item in _items(obj):
            if id(item) in seen:
                continue
            key = f"{prefix}{name}"
            if isinstance(item, QWidget):
                if not root.isAncestorOf(item):
                    continue  # the window the editor opened over, and the like
                seen.add(id(item))
                if _is_input(item):
                    yield key, item
            elif type(item).__name__ in _POINTERS_ONLY or not (
                isinstance(item, QObject) or type(item).__module__.startswith("alliance_desktop.ui")
            ):
                continue
            else:
                seen.add(id(item))
            if depth < _MAX_DEPTH:
                queue.append((item, f"{key}.", depth + 1))


def input_fields(root: QWidget) -> dict[str, QWidget]:
    """Every input in `root`, keyed by a stable name."""
    fields = dict(_named(root))
    known = {id(widget) for widget in fields.values()}
    counts: dict[str, int] = {}
    for widget in root.findChildren(QWidget):
        if id(widget) in known or not _is_input(widget):
            continue
        kind = type(widget).__name__
        counts[kind] = counts.get(kind, 0) + 1
        fields[f"{kind}#{counts[kind]}"] = widget
    return fields


def value_of(widget: QWidget) -> FieldValue:
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, (QSpinBox, QDoubleSpinBox, QAbstractSlider)):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def set_value(widget: QWidget, value: FieldValue) -> None:
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and isinstance(value, str):
        if widget.toPlainText() != value:
            widget.setPlainText(value)
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, str):
        index = widget.findText(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        elif widget.isEditable():
            widget.setCurrentText(value)
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        moment = QDateTime.fromString(value, Qt.DateFormat.ISODate)
        if moment.isValid():
            widget.setDateTime(moment)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, (int, float)):
        widget.setValue(float(value))
    elif isinstance(widget, (QSpinBox, QAbstractSlider)) and isinstance(value, (int, float)):
        widget.setValue(int(value))
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


def read_fields(fields: Mapping[str, QWidget]) -> dict[str, FieldValue]:
    return {key: value_of(widget) for key, widget in fields.items()}


def write_fields(fields: Mapping[str, QWidget], values: Mapping[str, FieldValue]) -> None:
    """Put values back. Twice: setting one field can change another (a date moves the end
    time, a combo shows more fields), so the second pass makes every field what was typed."""
    for _ in range(2):
        for key, value in values.items():
            widget = fields.get(key)
            if widget is not None and value_of(widget) != value:
                set_value(widget, value)


def change_signal(widget: QWidget) -> SignalInstance | None:
    if isinstance(widget, (QPlainTextEdit, QTextEdit, QLineEdit)):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, (QSpinBox, QDoubleSpinBox, QAbstractSlider)):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None
