"""Light and dark: the style sheet and palette for the scheme the clinician chose (Edit ›
Preferences), or the desktop's own scheme when they chose "system".

There is one style sheet, written for the light theme. The dark theme is the same sheet with
each colour replaced by its dark counterpart from `DARK_COLOURS`, so every rule exists in both
and a new rule cannot be forgotten in one of them (a test checks every colour has a
counterpart). Widgets the sheet does not style (check boxes, scroll bars, message boxes) follow
the palette set beside it.
"""

from __future__ import annotations

import enum
import re

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.resource_paths import resource_path
from alliance_desktop.ui.widgets.grid_colours import use_dark_grid

STYLE_SHEET = "styles/light.qss"
APP_ICON = "icons/alliance-desktop.svg"


class ThemeChoice(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Same as the desktop", "light": "Light", "dark": "Dark"}[self.value]


# Light colour -> dark counterpart. Surfaces go dark, text goes light, the teal accent keeps
# its hue; text/background pairs keep WCAG AA contrast (4.5:1) in both themes.
DARK_COLOURS = {
    "#ffffff": "#242b2c",  # surfaces (cards, inputs, tables)
    "#f6f7f5": "#1b2122",  # the page
    "#1f2d2e": "#e3eaea",  # text
    "#5b6b6c": "#a9b7b7",  # quiet text
    "#2e6f6b": "#2e7a75",  # accent (white text on it stays above 4.5:1)
    "#d9e0de": "#3a4546",  # lines
    "#b3261e": "#f2887f",  # error text
    "#163f3c": "#d6f0ec",  # text on a selection
    "#d3e6e2": "#2c4a47",  # selection
    "#c9d2d0": "#4a5657",  # input borders
    "#2b3b3c": "#d5dede",  # strong text
    "#fffafa": "#3a2523",  # an invalid field
    "#f0f6f5": "#2a3536",  # hover
    "#eef2f0": "#1f2627",  # status bar, board columns
    "#9fb3b1": "#66807d",  # hovered borders
    "#4a5a5b": "#b5c2c2",  # headers
    "#1b3a3a": "#e6f2f1",  # titles
    "#f7faf9": "#273031",  # alternate rows
    "#f0f5f4": "#2d3839",  # button hover
    "#c2cccb": "#566465",  # button borders
    "#9dbcb9": "#34504e",  # disabled primary
    "#27605c": "#2a6b66",  # primary hover
    "#1f4f4c": "#245d59",  # primary pressed
    "#fcfbff": "#26232f",  # private note
    "#fbeae8": "#3b2422",  # error banner
    "#f4f8f7": "#8fa8a6",  # disabled primary text
    "#f3f5f4": "#242a2b",  # disabled button
    "#f1f5f4": "#2a3233",  # table headers
    "#f1edf8": "#2d2740",  # private notice
    "#f0f2f1": "#20272a",  # disabled inputs
    "#f0c4bf": "#6b3a35",  # error banner border
    "#eef2f1": "#2f393a",  # list separators
    "#eaf0ee": "#1f2829",  # navigation
    "#e8f3f1": "#263938",
    "#e6ebea": "#313b3c",  # grid lines
    "#e3ebe9": "#2f3a3b",  # progress track
    "#e3e9e7": "#2f3839",
    "#e1ebe9": "#34403f",  # pressed
    "#dde8e5": "#283334",  # navigation hover
    "#dde4e2": "#323d3e",  # board column border
    "#dde3e1": "#313a3b",  # disabled border
    "#d6cce9": "#4a3f66",  # private notice border
    "#cfe2de": "#2c4542",  # navigation selected
    "#c3cecb": "#6a7774",  # scroll bar handle
    "#c2d6d3": "#41605c",  # tab hover
    "#bcd9d4": "#3c5b57",
    "#9aa5a5": "#7c8888",  # disabled text
    "#8c1d18": "#f5b1aa",  # error banner text
    "#8a9696": "#7f8c8c",  # disabled input text
    "#382b5a": "#d4c8f0",  # private notice text
    "#1f4e4b": "#a9dcd6",  # strong teal text
    "#6b4a00": "#f3d08a",  # a warning's text (the backup line)
    "#bcdad5": "#3f5e5a",  # a teal border
    "#efd9a3": "#6a5424",  # a warning's border
    "#fdf3dc": "#3a3020",  # a warning's background
}
# Accent colours used as text (links, link buttons) need a lighter teal on a dark page; as
# backgrounds they keep the darker one above (white text on them).
DARK_TEXT_COLOURS = {"#2e6f6b": "#8fd0ca", "#27605c": "#8fd0ca", "#1f4f4c": "#a9dcd6"}

_DECLARATION = re.compile(r"([\w-]+)\s*:\s*([^;{}]+);")
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
# White text on the accent stays white in the dark theme.
_TEXT_PROPERTIES = ("color", "selection-color")


def desktop_is_dark() -> bool:
    """Whether the desktop asks for dark colours (Qt's colour scheme)."""
    # Imported here: the Qt namespace's enums take 15 ms to load, a tenth of the time the
    # unlock window takes to appear, so that window starts from the scheme remembered.
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(choice: ThemeChoice, desktop_dark: bool | None = None) -> bool:
    """Dark or light for `choice`; for "system", `desktop_dark` when known, else the desktop
    is asked."""
    if choice is ThemeChoice.SYSTEM:
        return desktop_is_dark() if desktop_dark is None else desktop_dark
    return choice is ThemeChoice.DARK


def darkened(sheet: str) -> str:
    """The light sheet with every colour swapped for its dark counterpart."""

    def declaration(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2)

        def colour(hex_match: re.Match[str]) -> str:
            light = hex_match.group(0).lower()
            if name in _TEXT_PROPERTIES and light == "#ffffff":
                return light
            if name == "color" and light in DARK_TEXT_COLOURS:
                return DARK_TEXT_COLOURS[light]
            return DARK_COLOURS.get(light, light)

        return f"{name}: {_HEX.sub(colour, value)};"

    return _DECLARATION.sub(declaration, sheet)


def style_sheet(dark: bool) -> str:
    sheet = resource_path(STYLE_SHEET).read_text(encoding="utf-8")
    icons = resource_path(APP_ICON).parent.as_posix()
    sheet = sheet.replace("@icons@", icons)
    return darkened(sheet) if dark else sheet


def palette(dark: bool) -> QPalette:
    """The palette the sheet's colours come from, for what the sheet does not style."""
    pick = (lambda light: DARK_COLOURS[light]) if dark else (lambda light: light)
    role = QPalette.ColorRole
    colours = {
        role.Window: pick("#f6f7f5"),
        role.WindowText: pick("#1f2d2e"),
        role.Base: pick("#ffffff"),
        role.AlternateBase: pick("#f7faf9"),
        role.Text: pick("#1f2d2e"),
        role.Button: pick("#ffffff"),
        role.ButtonText: pick("#1f2d2e"),
        role.ToolTipBase: pick("#ffffff"),
        role.ToolTipText: pick("#1f2d2e"),
        role.PlaceholderText: pick("#5b6b6c"),
        role.Highlight: pick("#2e6f6b"),
        role.HighlightedText: "#ffffff",
        role.Link: "#8fd0ca" if dark else "#2e6f6b",
        role.Mid: pick("#c9d2d0"),
        role.Midlight: pick("#e3ebe9"),
        role.Dark: pick("#9fb3b1"),
        role.Light: pick("#ffffff"),
        role.Shadow: "#000000" if dark else "#9fb3b1",
    }
    result = QPalette()
    for colour_role, value in colours.items():
        result.setColor(colour_role, QColor(value))
    disabled = QColor(pick("#9aa5a5"))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, colour_role, disabled)
    return result


def apply_theme(app: QApplication, choice: ThemeChoice, desktop_dark: bool | None = None) -> bool:
    """Set the palette and sheet for `choice`; return whether the dark theme is on."""
    dark = is_dark(choice, desktop_dark)
    app.setPalette(palette(dark))
    app.setStyleSheet(style_sheet(dark))
    app.setProperty("darkTheme", dark)
    use_dark_grid(dark)
    return dark


def dark_theme_on() -> bool:
    """For widgets that paint their own colours (charts, the calendar grid)."""
    app = QApplication.instance()
    return bool(app is not None and app.property("darkTheme"))
