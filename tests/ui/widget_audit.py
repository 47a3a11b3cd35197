"""Walk a window's widget tree as a user (and a screen reader) meets it: every control named,
nothing squeezed below what it needs to show its text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSlider,
)


def describe(widget: QWidget) -> str:
    parts = []
    current: QWidget | None = widget
    while current is not None and len(parts) < 4:
        name = current.objectName() or type(current).__name__
        parts.append(name)
        current = current.parentWidget()
    text = getattr(widget, "text", None)
    shown = f" {text()!r}" if callable(text) else ""
    return " < ".join(parts) + shown


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.window().isVisible()


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible controls a screen reader would announce without a name."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
            continue
        if not _shown(widget) or widget.focusPolicy() == widget.focusPolicy().NoFocus:
            continue
        if type(widget).__name__.startswith("QCalendar") or widget.objectName().startswith("qt_"):
            continue  # Qt's own sub-controls (calendar pop-ups, spin box line edits)
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip() and not widget.accessibleName().strip():
            found.append(describe(widget))
    return found


def squeezed_widgets(root: QWidget) -> list[str]:
    """Visible buttons and labels narrower or shorter than their minimum size hint (text cut)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLabel | QComboBox | QTabBar):
            continue
        if not _shown(widget) or widget.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
            continue  # a tab bar's own arrows, there exactly because the tabs do not fit
        policy = widget.sizePolicy()
        if QSizePolicy.Policy.Ignored in (policy.horizontalPolicy(), policy.verticalPolicy()):
            continue  # drawn elided on purpose (with the whole text in a tooltip)
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        hint = widget.minimumSizeHint()
        if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
            size = f"{widget.width()}x{widget.height()}"
            found.append(f"{describe(widget)}: {size} < {hint.width()}x{hint.height()}")
    return found


def cut_off_panes(root: QWidget) -> list[str]:
    """Visible scroll areas that never scroll sideways yet hold something wider than they show:
    whatever sits at the right edge is cut off with no way to reach it."""
    found = []
    for area in root.findChildren(QScrollArea):
        body = area.widget()
        if body is None or not _shown(area) or not body.isVisible():
            continue
        if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            continue
        shown = area.viewport().width()
        if body.width() > shown + 1:
            found.append(f"{describe(area)}: shows {shown} of {body.width()} px")
    return found


def _scrolls(widget: QWidget) -> bool:
    """Whether `widget` sits in a scroll area's viewport (where being partly out of sight is
    what scrolling is for)."""
    current = widget.parentWidget()
    while current is not None:
        if current.objectName() == "qt_scrollarea_viewport":
            return True
        current = current.parentWidget()
    return False


def _seen(widget: QWidget) -> QRect:
    """The part of `widget` its ancestors leave in sight, in its own coordinates."""
    seen = widget.rect()
    current = widget
    offset = QPoint(0, 0)
    while (parent := current.parentWidget()) is not None and not current.isWindow():
        offset += current.pos()
        seen = seen.intersected(parent.rect().translated(-offset))
        current = parent
    return seen


def hidden_parts(root: QWidget) -> list[str]:
    """Visible controls, labels and charts partly cut off by a parent too small for them, with
    no way to scroll to the rest."""
    found = []
    for widget in root.findChildren(QWidget):
        # Controls, labels and scrolling views, and anything that asks for a size of its own
        # (charts, the calendar grids): those are cut rather than drawn smaller.
        sized = widget.minimumWidth() > 0 or widget.minimumHeight() > 0
        kinds = QAbstractButton | QLabel | QComboBox | QAbstractScrollArea
        if not (sized or isinstance(widget, kinds)):
            continue
        if not _shown(widget) or _scrolls(widget) or widget.objectName().startswith("qt_"):
            continue
        if widget.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
            continue
        seen = _seen(widget)
        if seen.height() + 1 < widget.height() or seen.width() + 1 < widget.width():
            size = f"{widget.width()}x{widget.height()}"
            found.append(f"{describe(widget)}: {seen.width()}x{seen.height()} of {size} seen")
    return found
