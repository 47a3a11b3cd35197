"""`calendar export`: booked sessions into an .ics file for the therapist's own diary."""

from __future__ import annotations

import argparse
import datetime as dt

from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted
from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming


def calendar_export(args: argparse.Namespace) -> int:
    first: dt.date = args.from_date
    last: dt.date = args.to_date
    if last < first:  # said before asking for the passphrase
        raise CommandFailed(f"--to ({last}) is before --from ({first}); nothing to export.")
    # Initials unless only a label was asked for: "Session · M.O." or just "Client session".
    naming = CalendarNaming.INITIALS if args.initials or not args.label else CalendarNaming.LABEL
    label = args.label or DEFAULT_LABEL
    with opened_practice(args) as practice:
        count = practice.calendar.export_icalendar(args.out, first, last, naming, label)
    titles = f"{label} · initials" if naming is CalendarNaming.INITIALS else label
    print(
        f"Exported {counted(count, 'booked session')} from {first} to {last} to {args.out} "
        f"(titled '{titles}')."
    )
    return 0
