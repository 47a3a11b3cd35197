"""Words and numbers as the reports print them: dates in the profile's style, GAS levels in
plain language, and user text made safe for ReportLab's paragraph mark-up."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from alliance_desktop.domain.practice_profile import DateStyle

# English month names, not the system locale: the same data must give the same bytes anywhere.
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# What a Goal Attainment Scaling level means, in words a client can read.
_LEVEL_WORDS = {
    -2: "much less than we expected",
    -1: "a little less than we expected",
    0: "what we expected",
    1: "a little more than we expected",
    2: "much more than we expected",
}

MINUS = "\u2212"  # a real minus sign: "−1" reads better than "-1" in print
EM_DASH = "\u2014"


def short_date(day: dt.date | None, style: DateStyle) -> str:
    """14/03/2026, 03/14/2026 or 2026-03-14."""
    if day is None:
        return ""
    if style is DateStyle.MONTH_DAY_YEAR:
        return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
    if style is DateStyle.ISO:
        return day.isoformat()
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def long_date(day: dt.date | None, style: DateStyle) -> str:
    """14 March 2026, March 14, 2026, or 2026-03-14 for the ISO style."""
    if day is None:
        return ""
    month = _MONTHS[day.month - 1]
    if style is DateStyle.MONTH_DAY_YEAR:
        return f"{month} {day.day}, {day.year}"
    if style is DateStyle.ISO:
        return day.isoformat()
    return f"{day.day} {month} {day.year}"


def date_range(first: dt.date | None, last: dt.date | None, style: DateStyle) -> str:
    if first is None and last is None:
        return ""
    if first is None:
        return f"up to {long_date(last, style)}"
    if last is None:
        return f"from {long_date(first, style)}"
    return f"{long_date(first, style)} to {long_date(last, style)}"


def level_words(level: int) -> str:
    return _LEVEL_WORDS[level]


def signed_level(level: int) -> str:
    """+2, +1, 0, −1, −2."""
    if level > 0:
        return f"+{level}"
    if level < 0:
        return f"{MINUS}{-level}"
    return "0"


def signed_number(value: float, decimals: int = 1) -> str:
    text = f"{abs(value):.{decimals}f}"
    if round(value, decimals) > 0:
        return f"+{text}"
    if round(value, decimals) < 0:
        return f"{MINUS}{text}"
    return text


def number(value: float, decimals: int = 1) -> str:
    text = f"{abs(value):.{decimals}f}"
    return f"{MINUS}{text}" if round(value, decimals) < 0 else text


def whole_or_decimal(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def markup(text: str) -> str:
    """User text for a Paragraph: mark-up characters escaped, line breaks kept."""
    lines = text.strip().splitlines()
    return "<br/>".join(escape(line) for line in lines)


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"
