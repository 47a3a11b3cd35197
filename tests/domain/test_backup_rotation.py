from __future__ import annotations

import datetime as dt

from alliance_desktop.domain.backup_rotation import backups_to_keep


def test_keeps_the_newest_of_each_recent_day_week_and_month() -> None:
    start = dt.datetime(2026, 1, 1, 18, 0)
    taken = [start + dt.timedelta(days=day) for day in range(400)]
    taken += [start + dt.timedelta(days=399, hours=-3)]  # a second backup on the last day
    keep = backups_to_keep(taken)
    newest = max(taken)
    assert newest in keep
    assert start + dt.timedelta(days=399, hours=-3) not in keep  # older one of the same day
    days = sorted({moment.date() for moment in keep}, reverse=True)
    assert days[:7] == [newest.date() - dt.timedelta(days=n) for n in range(7)]
    months = {(moment.year, moment.month) for moment in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12


def test_few_backups_are_all_kept() -> None:
    taken = [dt.datetime(2026, 3, day, 9) for day in (1, 2, 3)]
    assert backups_to_keep(taken) == set(taken)
