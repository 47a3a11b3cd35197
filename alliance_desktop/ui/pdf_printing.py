"""Printing a report that is already in memory: each PDF page rendered onto a printer page.

The pages come from the same QPdfDocument the preview shows, so what is printed is what was
seen. Nothing is written to disk here, except where the clinician chose "Print to file" (a
file only they can read).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# Pages are rendered as images at the printer's resolution, but never finer than this: 300 dpi
# is print quality for text, and an A4 page at 1200 dpi would be a 500 MB image.
MOST_DOTS_PER_INCH = 300
POINTS_PER_INCH = 72


class PrintingFailed(Exception):
    """The printer could not be started (e.g. a file it cannot write, or no printer)."""


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """Zero-based page numbers: the range chosen in the print dialog, in the order chosen."""
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
    pages = list(range(first - 1, last))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the document's pages on `printer` (already set up, e.g. by a QPrintDialog);
    return how many pages were printed."""
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PrintingFailed("There is nothing to print yet: wait for the preview to appear.")
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        raise PrintingFailed("The pages chosen are not in this report.")
    _keep_output_file_private(printer)
    # The whole sheet is ours to place the page on: the report has its own margins.
    printer.setFullPage(True)
    _match_page(printer, document.pagePointSize(pages[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintingFailed("The printer could not be started; nothing was printed.")
    try:
        for number, page in enumerate(pages):
            if number:
                _match_page(printer, document.pagePointSize(page))
                printer.newPage()
            _draw_page(painter, printer, document, page)
    finally:
        painter.end()
    return len(pages)


def _keep_output_file_private(printer: QPrinter) -> None:
    """A printer set to "Print to file" writes a PDF of the report: make that file readable
    by its owner only before Qt writes into it (Qt keeps the permissions of a file it
    overwrites)."""
    name = printer.outputFileName()
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
        return
    try:
        descriptor = os.open(name, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(descriptor)
        os.chmod(name, 0o600)
    except OSError as error:
        raise PrintingFailed(f"The file {name} cannot be written: {error.strerror}.") from error


def _match_page(printer: QPrinter, size: QSizeF) -> None:
    """Turn the sheet the way the page is turned (portrait or landscape). When printing to a
    PDF file, also use the report's own paper size so the copy is faithful; a real printer
    keeps the paper it has and the page is scaled to fit it."""
    landscape = size.width() > size.height()
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        portrait_size = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(QPageSize(portrait_size, QPageSize.Unit.Point, "Report page"))
    printer.setPageOrientation(orientation)


def _draw_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
    size = document.pagePointSize(page)
    scale = min(sheet.width() / size.width(), sheet.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    # Centred across the sheet, from the top (as a letter sits on paper of another size).
    target = QRectF((sheet.width() - width) / 2, 0, width, height)
    dots = min(printer.resolution(), MOST_DOTS_PER_INCH)
    pixels = QSize(
        round(size.width() / POINTS_PER_INCH * dots),
        round(size.height() / POINTS_PER_INCH * dots),
    )
    image = document.render(page, pixels)
    painter.drawImage(target, image)
