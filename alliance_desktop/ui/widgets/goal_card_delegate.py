"""Draws a goal as a card: its title, a quiet detail line, and badges that say what needs
attention in words and a symbol (a failed or missing quality check, a due review, open tasks)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QTextLayout
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from alliance_desktop.ui.goal_wording import Badge
from alliance_desktop.ui.models.goal_column_model import BADGES_ROLE, DETAIL_ROLE
from alliance_desktop.ui.theme import dark_theme_on

AnyIndex = QModelIndex | QPersistentModelIndex

_MARGIN = 4  # space around a card, between neighbours
_PADDING = 10
_GAP = 4
_TITLE_LINES = 3
_BADGE_PAD_X, _BADGE_PAD_Y = 6, 2


@dataclass(frozen=True)
class CardColours:
    text: QColor
    quiet: QColor
    card: QColor
    border: QColor
    selected: QColor
    accent: QColor
    # (background, border, text) per badge kind; the text carries the meaning, colour helps.
    badges: dict[str, tuple[QColor, QColor, QColor]]


def _scheme(colours: dict[str, str], badges: dict[str, tuple[str, str, str]]) -> CardColours:
    return CardColours(
        **{name: QColor(value) for name, value in colours.items()},
        badges={kind: (QColor(a), QColor(b), QColor(c)) for kind, (a, b, c) in badges.items()},
    )


LIGHT_CARDS = _scheme(
    {
        "text": "#1f2d2e",
        "quiet": "#5b6b6c",
        "card": "#ffffff",
        "border": "#d3dbd9",
        "selected": "#eaf4f2",
        "accent": "#2e6f6b",
    },
    {
        "problem": ("#fbeae8", "#e9b5ae", "#8c1d18"),
        "missing": ("#fdf4e3", "#e6cf9c", "#6b4a07"),
        "due": ("#e9eff9", "#b9c9e6", "#1f3f73"),
        "info": ("#eef2f1", "#d9e0de", "#3d4d4e"),
    },
)
# The cards paint themselves (no style sheet reaches a delegate): in the dark theme they are
# dark surfaces with light text, as every other card, not white tiles on a dark board.
DARK_CARDS = _scheme(
    {
        "text": "#e3eaea",
        "quiet": "#a9b7b7",
        "card": "#242b2c",
        "border": "#3a4546",
        "selected": "#2c4a47",
        "accent": "#8fd0ca",
    },
    {
        "problem": ("#3b2422", "#6b3a35", "#f5b1aa"),
        "missing": ("#3a3020", "#6a5424", "#f3d08a"),
        "due": ("#1f2a3d", "#3b5078", "#bcd0f4"),
        "info": ("#2f393a", "#465354", "#d5dede"),
    },
)


def card_colours() -> CardColours:
    return DARK_CARDS if dark_theme_on() else LIGHT_CARDS


@dataclass
class _PlacedBadge:
    rect: QRect  # relative to the card's content area
    badge: Badge
    lines: list[str]  # a long badge wraps rather than hiding what it says


@dataclass
class _CardLayout:
    title_lines: list[str]
    detail_lines: list[str]
    badges: list[_PlacedBadge]
    height: int


def _wrapped(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        elided = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = [*lines[: max_lines - 1], elided]
    return lines or [""]


class GoalCardDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        badge = QFont(option.font)
        badge.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return title, QFont(option.font), badge

    def _content_width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width()
        view = option.widget
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width()
        return max(60, width - 2 * (_MARGIN + _PADDING))

    def _layout(self, option: QStyleOptionViewItem, index: AnyIndex) -> _CardLayout:
        title_font, detail_font, badge_font = self._fonts(option)
        width = self._content_width(option)
        title_lines = _wrapped(str(index.data() or ""), title_font, width, _TITLE_LINES)
        y = QFontMetrics(title_font).lineSpacing() * len(title_lines)
        detail = str(index.data(DETAIL_ROLE) or "")
        detail_lines = _wrapped(detail, detail_font, width, 2) if detail else []
        if detail_lines:
            y += _GAP + QFontMetrics(detail_font).lineSpacing() * len(detail_lines)
        metrics = QFontMetrics(badge_font)
        line_height = metrics.lineSpacing()
        inner = width - 2 * _BADGE_PAD_X
        placed: list[_PlacedBadge] = []
        x, row_top, row_height = 0, y + _GAP + 2, 0
        for badge in list(index.data(BADGES_ROLE) or []):
            # A little slack: elidedText measures a hair wider than horizontalAdvance.
            text_width = metrics.horizontalAdvance(badge.text) + 2
            lines = (
                [badge.text] if text_width <= inner else _wrapped(badge.text, badge_font, inner, 2)
            )
            badge_width = min(text_width, inner) + 2 * _BADGE_PAD_X
            badge_height = line_height * len(lines) + 2 * _BADGE_PAD_Y
            if x and x + badge_width > width:
                x, row_top, row_height = 0, row_top + row_height + _GAP, 0
            placed.append(_PlacedBadge(QRect(x, row_top, badge_width, badge_height), badge, lines))
            x += badge_width + _GAP
            row_height = max(row_height, badge_height)
        if placed:
            y = row_top + row_height
        return _CardLayout(title_lines, detail_lines, placed, y + 2 * _PADDING + 2 * _MARGIN)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        item_option = QStyleOptionViewItem(option)
        self.initStyleOption(item_option, index)
        return QSize(self._content_width(item_option), self._layout(item_option, index).height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item_option = QStyleOptionViewItem(option)
        self.initStyleOption(item_option, index)
        layout = self._layout(item_option, index)
        title_font, detail_font, badge_font = self._fonts(item_option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)

        colours = card_colours()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))
        painter.setBrush(colours.selected if selected else colours.card)
        painter.setPen(QPen(colours.accent if selected else colours.border, 2 if selected else 1))
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        if focused:
            painter.setPen(QPen(colours.accent, 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(3, 3, -3, -3), 5, 5)

        left = int(card.left()) + _PADDING
        top = int(card.top()) + _PADDING
        width = int(card.width()) - 2 * _PADDING
        painter.setPen(colours.text)
        painter.setFont(title_font)
        line_height = QFontMetrics(title_font).lineSpacing()
        for number, line in enumerate(layout.title_lines):
            painter.drawText(
                QRect(left, top + number * line_height, width, line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        y = top + line_height * len(layout.title_lines) + _GAP
        detail_height = QFontMetrics(detail_font).lineSpacing()
        painter.setFont(detail_font)
        painter.setPen(colours.quiet)
        for number, line in enumerate(layout.detail_lines):
            painter.drawText(
                QRect(left, y + number * detail_height, width, detail_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        painter.setFont(badge_font)
        badge_line = QFontMetrics(badge_font).lineSpacing()
        for placed in layout.badges:
            background, border, text = colours.badges.get(placed.badge.kind, colours.badges["info"])
            shape = QRectF(placed.rect.translated(left, top)).adjusted(0.5, 0.5, -0.5, -0.5)
            radius = min(shape.height() / 2, 9.0)
            painter.setBrush(background)
            painter.setPen(QPen(border, 1))
            painter.drawRoundedRect(shape, radius, radius)
            painter.setPen(text)
            for number, line in enumerate(placed.lines):
                painter.drawText(
                    QRectF(
                        shape.left() + _BADGE_PAD_X,
                        shape.top() + _BADGE_PAD_Y + number * badge_line,
                        shape.width() - 2 * _BADGE_PAD_X + 2,
                        badge_line,
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    line,
                )
        painter.restore()
