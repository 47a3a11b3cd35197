"""Replaces PyInstaller's PySide6.QtGui hook to leave out Qt plugins a desktop app never loads.

Filtering here, before PyInstaller follows each plugin's library dependencies, also keeps out
what only those plugins need (the GTK 3 theme plugin alone pulls in GTK, cairo and pango).
"""

from __future__ import annotations

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# (plugin folder, file name without lib prefix or suffix); a folder alone drops all of it.
_LEFT_OUT = {
    ("egldeviceintegrations", None),  # eglfs on bare KMS screens
    ("generic", None),  # evdev and TUIO input for kiosks
    ("platforms", "qeglfs"),
    ("platforms", "qlinuxfb"),
    ("platforms", "qvnc"),
    ("platforms", "qminimalegl"),
    ("platforms", "qvkkhrdisplay"),
    ("platformthemes", "qgtk3"),  # the app draws with Fusion and its own style sheet
    ("platforminputcontexts", "qtvirtualkeyboardplugin"),  # needs QML and Quick
    ("wayland-shell-integration", "ivi-shell"),  # in-vehicle displays
    ("wayland-shell-integration", "fullscreen-shell-v1"),
    ("imageformats", "qtiff"),
    ("imageformats", "qwebp"),
    ("imageformats", "qtga"),
    ("imageformats", "qwbmp"),
    ("imageformats", "qicns"),
    ("imageformats", "qpdf"),  # PDFs are shown through QtPdf itself, not as images
}


def _kept(source: str) -> bool:
    path = PurePath(source)
    folder = path.parent.name
    name = path.stem.removeprefix("lib")
    return (folder, None) not in _LEFT_OUT and (folder, name) not in _LEFT_OUT


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, target) for source, target in binaries if _kept(source)]
