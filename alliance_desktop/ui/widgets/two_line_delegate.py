"""List rows with a name on top and quieter details beneath, e.g. 'Active · since 08/01/2026'."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
_PADDING_X, _PADDING_Y, _LINE_GAP = 12, 9, 2


class TwoLineDelegate(QStyledItemDelegate):
    """Draws DisplayRole in semibold and DETAIL_ROLE below it; long text is elided."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item_option = QStyleOptionViewItem(option)
        self.initStyleOption(item_option, index)
        title = item_option.text
        detail = str(index.data(DETAIL_ROLE) or "")
        # Let the style (and the style sheet) draw background, hover and selection only.
        item_option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item_option, painter, widget)

        rect: QRect = option.rect.adjusted(_PADDING_X, _PADDING_Y, -_PADDING_X, -_PADDING_Y)
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title_metrics = QFontMetrics(title_font)
        detail_metrics = QFontMetrics(option.font)

        painter.save()
        painter.setFont(title_font)
        title_rect = QRect(rect.left(), rect.top(), rect.width(), title_metrics.height())
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setFont(option.font)
        # The theme's quiet text colour (light or dark), as the style sheet's quiet notes.
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        detail_rect = QRect(
            rect.left(), title_rect.bottom() + _LINE_GAP, rect.width(), detail_metrics.height()
        )
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        height = (
            QFontMetrics(title_font).height()
            + _LINE_GAP
            + QFontMetrics(option.font).height()
            + 2 * _PADDING_Y
        )
        return QSize(200, height)
