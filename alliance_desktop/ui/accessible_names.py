"""Every form field gets the name its label shows, for screen readers (and its label sits
level with its first line).

A form row's label names what Qt calls its buddy. Many of our rows hold a box (a field with
its message line beneath, two dates side by side, a date with "none"), and a screen reader
cannot announce a box: it meets the controls inside it with no name at all. Rather than ask
every dialog to remember, the app watches widgets as they are first shown and, in each form,
gives the unnamed controls of a row the row's label text and points the label at the first one
(so its mnemonic focuses it too).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

NAMEABLE = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractButton,
)


def _forms_in(layout: QLayout | None) -> list[QFormLayout]:
    """The forms in this widget's own layout tree (nested layouts are the layout's children;
    other widgets' forms are theirs). Found as QObject children, never by walking layout
    items, which has PySide delete widgets it should not own (a message box's buttons)."""
    if layout is None:
        return []
    found = [layout] if isinstance(layout, QFormLayout) else []
    return found + list(layout.findChildren(QFormLayout))


def _controls_in(item_widget: QWidget | None, item_layout: QLayout | None) -> list[QWidget]:
    widgets: list[QWidget] = []
    if item_widget is not None:
        widgets.append(item_widget)
    if item_layout is not None:
        for index in range(item_layout.count()):
            child = item_layout.itemAt(index)
            if child is not None:
                widgets += _controls_in(child.widget(), child.layout())
    controls: list[QWidget] = []
    for widget in widgets:
        for candidate in (widget, *widget.findChildren(QWidget)):
            if (
                isinstance(candidate, NAMEABLE)
                and candidate.focusPolicy() != Qt.FocusPolicy.NoFocus
                and not candidate.objectName().startswith("qt_")
                and candidate not in controls
            ):
                controls.append(candidate)
    return controls


def name_form_fields(widget: QWidget) -> None:
    """Name the unnamed controls of every row of the forms laid out directly in `widget`."""
    for form in _forms_in(widget.layout()):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label_item is None or field_item is None:
                continue
            label = label_item.widget()
            if not isinstance(label, QLabel):
                continue
            name = label.text().replace("&", "").strip().rstrip(":")
            if not name:
                continue
            _align_with_tall_field(label, label_item, field_item)
            controls = _controls_in(field_item.widget(), field_item.layout())
            for control in controls:
                if not control.accessibleName() and not _has_own_words(control):
                    control.setAccessibleName(name)
            if controls:
                label.setBuddy(controls[0])


def _align_with_tall_field(label: QLabel, label_item: QLayoutItem, field: QLayoutItem) -> None:
    """Beside a multi-line field the label sits at its first line, not at its middle."""
    if field.sizeHint().height() > 2 * label.sizeHint().height() + 8:
        label_item.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 6, 0, 0)  # level with the text inside the field's padding


def _has_own_words(control: QWidget) -> bool:
    """A button or check box says what it is on its face."""
    return isinstance(control, QAbstractButton) and bool(control.text().strip())


class FormFieldNamer(QObject):
    """Application-wide: names form fields the first time their widget is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show or not isinstance(watched, QWidget):
            return False
        # Only a widget that lays out a form is touched at all (a dynamic property set on a
        # message box's button box makes Qt rebuild its buttons).
        if _forms_in(watched.layout()) and not watched.property("formFieldsNamed"):
            watched.setProperty("formFieldsNamed", True)
            name_form_fields(watched)
        return False


def install_form_field_namer(app: QApplication) -> None:
    if app.property("formFieldNamer") is None:
        namer = FormFieldNamer(app)
        app.installEventFilter(namer)
        app.setProperty("formFieldNamer", namer)
