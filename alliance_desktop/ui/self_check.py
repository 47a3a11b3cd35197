"""The Qt half of `alliance-desktop --self-test` (the rest is in cli/self_test.py).

Proves, from whatever install is running (source checkout, wheel or frozen bundle), that the
platform plugin loads, the plugins and Qt modules the app needs are there, icons and the style
sheet resolve, and Qt can read a PDF the app wrote. Each call returns one line of detail or
raises with the reason.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, qVersion
from PySide6.QtGui import QIcon, QImageReader
from PySide6.QtWidgets import QApplication

from alliance_desktop.resource_paths import resource_path

# Platform plugins a bundle must carry beyond the one running now.
_EXPECTED_PLATFORMS = {
    "linux": ("xcb", "offscreen"),
    "win32": ("windows", "offscreen"),
    "darwin": ("cocoa", "offscreen"),
}
_PDF_LOAD_SECONDS = 10.0

_application: QApplication | None = None


def start_application() -> str:
    """Create the QApplication under QT_QPA_PLATFORM (offscreen when Linux has no display)."""
    global _application
    note = ""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        note = " (no display, so offscreen)"
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        _application = existing
    else:
        _application = QApplication(["alliance-desktop"])
    return f"QApplication started on '{_application.platformName()}'{note}, Qt {qVersion()}"


def plugins() -> str:
    platforms = _plugin_names("platforms")
    wanted = _EXPECTED_PLATFORMS.get(_platform_key(), ("offscreen",))
    missing = [name for name in wanted if name not in platforms]
    if missing:
        raise FileNotFoundError(f"platform plugins missing: {', '.join(missing)}")
    if b"svg" not in QImageReader.supportedImageFormats():
        raise FileNotFoundError("the SVG image format plugin did not load")
    if "svgicon" not in _plugin_names("iconengines"):
        raise FileNotFoundError("the SVG icon engine plugin is missing")
    return f"platforms {', '.join(sorted(platforms))}; SVG images and icons"


def modules() -> str:
    import importlib

    from PySide6.QtCharts import QChart
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    import alliance_desktop.ui.app
    import alliance_desktop.ui.main_window  # noqa: F401
    from alliance_desktop.ui.warm_up import LOADED_ON_FIRST_USE

    for name in LOADED_ON_FIRST_USE:
        importlib.import_module(name)

    QChart(), QPrinter(), QPdfDocument()
    return "QtCharts, QtPdf, QtPrintSupport and the app's windows load"


def icons_and_style() -> str:
    from alliance_desktop.ui.theme import APP_ICON, style_sheet

    if _application is None:
        raise RuntimeError("no QApplication")
    icon = QIcon(str(resource_path(APP_ICON)))
    if icon.pixmap(QSize(64, 64)).isNull():
        raise ValueError(f"{APP_ICON} does not render")
    for dark in (False, True):
        sheet = style_sheet(dark)
        _application.setStyleSheet(sheet)
    return f"app icon renders at 64 px; light and dark style sheets apply ({len(sheet):,} chars)"


def read_pdf(pdf: bytes, expected_text: str) -> str:
    """Load the PDF in QtPdf (as a preview would), find `expected_text`, render page 1."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    deadline = time.monotonic() + _PDF_LOAD_SECONDS
    while document.status() == QPdfDocument.Status.Loading and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    if document.status() != QPdfDocument.Status.Ready:
        raise ValueError(f"QtPdf could not load the report ({document.error().name})")
    pages = document.pageCount()
    text = " ".join(document.getAllText(page).text() for page in range(pages))
    if expected_text not in " ".join(text.split()):
        raise ValueError(f"QtPdf did not find {expected_text!r} in the report's text")
    if document.render(0, QSize(300, 424)).isNull():
        raise ValueError("QtPdf could not render page 1")
    document.close()
    return f"QtPdf loaded {pages} page(s), found the goal's words and rendered page 1"


def _platform_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def _plugin_names(kind: str) -> set[str]:
    """Plugin names ('xcb', 'svgicon', ...) of one kind, from Qt's plugin folders."""
    names: set[str] = set()
    for folder in QCoreApplication.libraryPaths():
        kind_folder = Path(folder) / kind
        if not kind_folder.is_dir():
            continue
        for entry in kind_folder.iterdir():
            if entry.suffix in {".so", ".dll", ".dylib"}:
                stem = entry.stem.removeprefix("lib")
                names.add(stem.removeprefix("q"))
    return names
