"""Fonts, colours and paragraph styles shared by every report.

DejaVu Sans is embedded (shipped in resources/fonts/) so names in Latin, Greek and Cyrillic
scripts and typographic quotes print the same on every computer. Client-facing reports use a
larger type than the clinician's (body at 12.5 pt).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from alliance_desktop.resource_paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#2c6e8f")
RULE = colors.HexColor("#c7d2da")
SHADE = colors.HexColor("#eef3f6")

# Alliance dimensions and rupture outcomes: distinct in colour and, for grey print, in dash.
SERIES_COLOURS = {
    "overall": colors.HexColor("#1f2933"),
    "goals": colors.HexColor("#2c6e8f"),
    "tasks": colors.HexColor("#b86e00"),
    "bond": colors.HexColor("#7b3fa0"),
}
SERIES_DASHES: dict[str, tuple[float, ...]] = {
    "overall": (),
    "goals": (4, 2),
    "tasks": (1, 2),
    "bond": (6, 2, 1, 2),
}
OUTCOME_COLOURS = {
    "resolved": colors.HexColor("#2e7d32"),
    "partly": colors.HexColor("#e08e0b"),
    "unresolved": colors.HexColor("#c62828"),
    "none": colors.HexColor("#7b8794"),
}


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts/DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@dataclass(frozen=True)
class ReportStyles:
    body_size: float
    practice: ParagraphStyle
    letterhead: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    aside: ParagraphStyle  # body size, muted: a plain-words gloss on the line above
    caption: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


@cache
def report_styles(client_facing: bool) -> ReportStyles:
    register_fonts()
    body = 12.5 if client_facing else 10.0
    small = 10.0 if client_facing else 8.5
    cell = 11.0 if client_facing else 9.0

    def style(name: str, size: float, **extra: object) -> ParagraphStyle:
        options: dict[str, object] = {
            "fontName": FONT,
            "bulletFontName": FONT,
            "fontSize": size,
            "leading": round(size * 1.35, 1),
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        options.update(extra)
        return ParagraphStyle(f"{name}-{'client' if client_facing else 'clinician'}", **options)

    return ReportStyles(
        body_size=body,
        practice=style("practice", body + 5, fontName=FONT_BOLD, textColor=ACCENT),
        letterhead=style("letterhead", small, textColor=MUTED),
        title=style("title", body + 9, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=2),
        subtitle=style("subtitle", body + 1, textColor=MUTED, spaceAfter=8),
        heading=style(
            "heading",
            body + 3.5,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        subheading=style(
            "subheading", body + 1, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=1
        ),
        body=style("body", body, spaceAfter=5),
        aside=style("aside", body, textColor=MUTED, spaceAfter=5),
        caption=style("caption", small, textColor=MUTED, spaceBefore=3, spaceAfter=0),
        label=style("label", body, fontName=FONT_BOLD, spaceAfter=1),
        small=style("small", small, textColor=MUTED, spaceAfter=3),
        bullet=style("bullet", body, leftIndent=body * 1.3, bulletIndent=body * 0.3, spaceAfter=2),
        cell=style("cell", cell),
        cell_bold=style("cell-bold", cell, fontName=FONT_BOLD),
    )
