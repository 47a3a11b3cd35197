"""Dates shown the way the clinician chose in the practice profile."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from alliance_desktop.domain.practice_profile import DateStyle

_QT_FORMATS = {
    DateStyle.DAY_MONTH_YEAR: "dd/MM/yyyy",
    DateStyle.MONTH_DAY_YEAR: "MM/dd/yyyy",
    DateStyle.ISO: "yyyy-MM-dd",
}

_EXAMPLE_LABELS = {
    DateStyle.DAY_MONTH_YEAR: "31/12/2026 (day/month/year)",
    DateStyle.MONTH_DAY_YEAR: "12/31/2026 (month/day/year)",
    DateStyle.ISO: "2026-12-31 (year-month-day)",
}

# The interface is in English; Qt would otherwise follow the system locale for day names.
_ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def qt_date_format(style: DateStyle) -> str:
    return _QT_FORMATS[style]


def date_style_label(style: DateStyle) -> str:
    return _EXAMPLE_LABELS[style]


def short_date(date: dt.date | None, style: DateStyle) -> str:
    if date is None:
        return ""
    return _ENGLISH.toString(QDate(date.year, date.month, date.day), _QT_FORMATS[style])


def long_date(date: dt.date, style: DateStyle) -> str:
    """'Saturday 21 November 2026', or 'Saturday, November 21, 2026' for month-first styles."""
    pattern = "dddd, MMMM d, yyyy" if style is DateStyle.MONTH_DAY_YEAR else "dddd d MMMM yyyy"
    return _ENGLISH.toString(QDate(date.year, date.month, date.day), pattern)


def to_qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


def from_qdate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
