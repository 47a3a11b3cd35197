"""A PDF shown from memory, every page one under the other, as it will be printed.

The bytes stay in memory (a QBuffer the document reads from): a clinical report is never
written to a temporary file to be previewed.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class PdfPreview(QWidget):
    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._data = b""
        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(14)
        self.view.setAccessibleName("Report preview")
        # QPdfView paints around the pages with the palette's Dark: a quiet grey, not a slab.
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, QColor("#dfe5e3"))
        self.view.setPalette(palette)
        self.message = QLabel(empty_text)
        self.message.setObjectName("emptyState")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        # Reading the words, or seeing how a whole page sits: the clinician chooses.
        self.zoom_buttons = QWidget()
        self.fit_width_button = QPushButton("Page width")
        self.whole_page_button = QPushButton("Whole page")
        zoom_group = QButtonGroup(self)
        zoom_row = QHBoxLayout(self.zoom_buttons)
        zoom_row.setContentsMargins(0, 0, 0, 0)
        zoom_row.setSpacing(0)
        for button, mode in (
            (self.fit_width_button, QPdfView.ZoomMode.FitToWidth),
            (self.whole_page_button, QPdfView.ZoomMode.FitInView),
        ):
            button.setObjectName("segment")
            button.setCheckable(True)
            # Room for the label in bold, as it is drawn when chosen (the style sheet's
            # min-width would win over setMinimumWidth, so say it in the same language).
            button.ensurePolished()
            bold = QFont(button.font())
            bold.setBold(True)
            width = QFontMetrics(bold).horizontalAdvance(button.text()) + 6
            button.setStyleSheet(f"min-width: {width}px;")
            zoom_group.addButton(button)
            zoom_row.addWidget(button)
            button.clicked.connect(lambda _checked=False, mode=mode: self.view.setZoomMode(mode))
        self.fit_width_button.setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    @property
    def data(self) -> bytes:
        """The PDF shown, exactly as it was generated (empty when nothing is shown)."""
        return self._data

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self._data else 0

    @property
    def is_ready(self) -> bool:
        return bool(self._data) and self.document.status() == QPdfDocument.Status.Ready

    def show_pdf(self, data: bytes) -> bool:
        """Show the PDF; False (and the message kept) if Qt cannot read it."""
        previous = self._buffer
        self.document.close()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        # The document reads from the buffer while it is shown: keep it until the next one.
        self._buffer = buffer
        if previous is not None:
            previous.close()
        if self.document.status() != QPdfDocument.Status.Ready:
            self._data = b""
            self.show_message("The preview could not be shown. Try saving the report instead.")
            return False
        self._data = data
        self.stack.setCurrentWidget(self.view)
        return True

    def show_message(self, text: str) -> None:
        """Show words instead of a document (nothing chosen yet, or why there is no report)."""
        self.clear()
        self.message.setText(text)

    def clear(self) -> None:
        """Forget the document and its bytes (e.g. before the vault locks)."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer = None
        self._data = b""
        self.stack.setCurrentWidget(self.message)
