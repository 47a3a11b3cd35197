"""Run in a child process by test_private_exports.py: every kind of export, under umask 0 and
with every temp-dir variable pointing at a watched folder (SQLite and Python read them once)."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

from alliance_desktop.services import Practice
from tests.exchange.samples import DETAILS, EVERYTHING, populate
from tests.factories import PASSPHRASE, fixed_clock, make_session


def main(out: Path) -> None:
    os.umask(0)  # the most careless setting: modes must not depend on the umask
    practice = Practice.create(out / "vault" / "practice.vault", PASSPHRASE, clock=fixed_clock)
    try:
        client_id = populate(practice)
        start = dt.datetime(2026, 3, 20, 10)
        practice.calendar.book(make_session(client_id, start, progress_note="kept private"))
        practice.reports.goal_review(client_id, out / "review.pdf")
        practice.reports.ending_summary(client_id, out / "summary.pdf")
        practice.calendar.export_icalendar(
            out / "diary.ics", dt.date(2026, 3, 1), dt.date(2026, 4, 30)
        )
        practice.safekeeping.back_up()  # into the rotated Backups folder beside the vault
        practice.safekeeping.back_up(out / "chosen" / "copy.vault-backup")
        practice.handover.export(client_id, out / "handover", DETAILS, EVERYTHING)
        # The -wal and -shm exist only while the vault is open: report their modes now.
        for suffix in ("-wal", "-shm"):
            sidecar = out / "vault" / f"practice.vault{suffix}"
            print(f"{sidecar.name} {stat.S_IMODE(sidecar.stat().st_mode):o}", flush=True)
    finally:
        practice.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
