from __future__ import annotations

import datetime as dt

import pytest

from alliance_desktop.domain.practice_profile import DateStyle
from alliance_desktop.reports.formatting import (
    date_range,
    long_date,
    markup,
    short_date,
    signed_level,
    signed_number,
)

DAY = dt.date(2026, 3, 4)


@pytest.mark.parametrize(
    ("style", "short", "long"),
    [
        (DateStyle.DAY_MONTH_YEAR, "04/03/2026", "4 March 2026"),
        (DateStyle.MONTH_DAY_YEAR, "03/04/2026", "March 4, 2026"),
        (DateStyle.ISO, "2026-03-04", "2026-03-04"),
    ],
)
def test_dates_follow_the_style(style: DateStyle, short: str, long: str) -> None:
    assert short_date(DAY, style) == short
    assert long_date(DAY, style) == long
    assert short_date(None, style) == long_date(None, style) == ""


def test_date_ranges_with_open_ends() -> None:
    style = DateStyle.DAY_MONTH_YEAR
    assert date_range(DAY, dt.date(2026, 4, 1), style) == "4 March 2026 to 1 April 2026"
    assert date_range(None, DAY, style) == "up to 4 March 2026"
    assert date_range(DAY, None, style) == "from 4 March 2026"
    assert date_range(None, None, style) == ""


def test_signs_use_a_real_minus() -> None:
    assert [signed_level(level) for level in (-2, -1, 0, 1, 2)] == ["−2", "−1", "0", "+1", "+2"]
    assert signed_number(-3.04) == "−3.0"
    assert signed_number(0.04) == "0.0"
    assert signed_number(12.34) == "+12.3"


def test_markup_escapes_user_text_and_keeps_line_breaks() -> None:
    assert (
        markup("Tom & <b>Jerry</b>\nline two ") == "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;<br/>line two"
    )
