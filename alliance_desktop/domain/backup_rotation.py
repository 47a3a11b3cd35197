"""Which automatic backups to keep: the last 7 days, 4 weeks and 12 months (newest of each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def backups_to_keep(
    taken: Iterable[dt.datetime], daily: int = 7, weekly: int = 4, monthly: int = 12
) -> set[dt.datetime]:
    """The newest backup of each of the most recent `daily` days, `weekly` ISO weeks and
    `monthly` months; everything else may be deleted."""
    newest_first = sorted(set(taken), reverse=True)
    keep: set[dt.datetime] = set()
    for period, count in (
        (lambda moment: moment.date(), daily),
        (lambda moment: moment.isocalendar()[:2], weekly),
        (lambda moment: (moment.year, moment.month), monthly),
    ):
        seen: list[object] = []
        for moment in newest_first:
            key = period(moment)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(moment)
    return keep
