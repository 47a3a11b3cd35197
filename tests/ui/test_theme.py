"""Light and dark: every colour of the sheet has a dark counterpart, text keeps its contrast,
and the choice in Preferences applies at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from alliance_desktop.resource_paths import resource_path
from alliance_desktop.ui.theme import (
    DARK_COLOURS,
    STYLE_SHEET,
    ThemeChoice,
    apply_theme,
    dark_theme_on,
    style_sheet,
)


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    colour = QColor(hex_colour)
    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_colour_in_the_sheet_has_a_dark_counterpart() -> None:
    sheet = resource_path(STYLE_SHEET).read_text(encoding="utf-8")
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", sheet)}
    assert used - DARK_COLOURS.keys() == set()
    assert all(re.fullmatch(r"#[0-9a-f]{6}", dark) for dark in DARK_COLOURS.values())


def test_the_dark_sheet_has_no_light_surfaces_but_keeps_white_on_the_accent() -> None:
    dark = style_sheet(dark=True)
    assert "background: #ffffff" not in dark
    assert "color: #ffffff" in dark  # the primary button's label


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("#1f2d2e", "#ffffff"),  # text on surfaces
        ("#1f2d2e", "#f6f7f5"),  # text on the page
        ("#5b6b6c", "#ffffff"),  # quiet text
        ("#163f3c", "#d3e6e2"),  # selected text
        ("#b3261e", "#ffffff"),  # field messages
        ("#8c1d18", "#fbeae8"),  # error banner
        ("#382b5a", "#f1edf8"),  # private notice
    ],
)
def test_text_keeps_aa_contrast_in_both_themes(text: str, background: str) -> None:
    assert contrast(text, background) >= 4.5
    assert contrast(DARK_COLOURS[text], DARK_COLOURS[background]) >= 4.5


def test_white_on_the_dark_accent_keeps_aa_contrast() -> None:
    assert contrast("#ffffff", DARK_COLOURS["#2e6f6b"]) >= 4.5


def test_choosing_dark_then_light_switches_palette_and_sheet(qapp: QApplication) -> None:
    try:
        assert apply_theme(qapp, ThemeChoice.DARK)
        assert dark_theme_on()
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert window.lightness() < 60
        assert not apply_theme(qapp, ThemeChoice.LIGHT)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)


def test_the_calendar_grids_repaint_in_the_dark_colours(qapp: QApplication) -> None:
    from alliance_desktop.ui.widgets.grid_colours import BACKGROUND

    try:
        apply_theme(qapp, ThemeChoice.DARK)
        assert BACKGROUND.lightness() < 60
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)
    assert BACKGROUND.name() == "#ffffff"


def test_accent_text_is_lightened_on_the_dark_page() -> None:
    from alliance_desktop.ui.theme import DARK_TEXT_COLOURS

    for light, dark in DARK_TEXT_COLOURS.items():
        assert contrast(dark, DARK_COLOURS["#ffffff"]) >= 4.5, light
    assert "color: #2e6f6b" not in style_sheet(dark=True)


def test_same_as_desktop_starts_from_the_remembered_scheme_then_follows_the_real_one(
    qapp: QApplication,
) -> None:
    """The unlock window is themed before the desktop is asked (asking costs 15 ms), from what
    the desktop was last time; once it is up, the real scheme wins and is remembered."""
    from alliance_desktop.ui.app import apply_remembered_theme, follow_desktop_scheme
    from alliance_desktop.ui.settings import (
        remember_desktop_dark,
        remembered_desktop_dark,
        save_theme_choice,
    )
    from alliance_desktop.ui.theme import desktop_is_dark

    assert not desktop_is_dark()  # the offscreen desktop has no dark scheme
    save_theme_choice("system")
    remember_desktop_dark(True)  # as if the desktop was dark at the last start
    qapp.setProperty("followsDesktopScheme", None)
    try:
        apply_remembered_theme(qapp)  # as the app is configured (without restyling it)
        assert dark_theme_on()
        follow_desktop_scheme(qapp)
        assert not dark_theme_on()
        assert remembered_desktop_dark() is False
    finally:
        apply_theme(qapp, ThemeChoice.LIGHT)
