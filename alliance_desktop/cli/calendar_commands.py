"""`calendar list` and `calendar export`: the sessions of a date range, for scripts, and as an
.ics file for the therapist's own diary."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from alliance_desktop.cli.passphrase import opened_practice
from alliance_desktop.cli.running import CommandFailed
from alliance_desktop.cli.text_tables import counted, text_table
from alliance_desktop.domain.calendar_privacy import DEFAULT_LABEL, CalendarNaming
from alliance_desktop.domain.diary_events import DiarySession


def calendar_list(args: argparse.Namespace) -> int:
    """Every session in the range, whatever its status: what an export of it must hold."""
    first, last = _checked_range(args, "nothing to list")
    with opened_practice(args) as practice:
        sessions = practice.calendar.diary_between(first, last)
    if args.json:
        print(json.dumps([_session_document(s) for s in sessions], indent=2, ensure_ascii=False))
        return 0
    if sessions:
        print(
            text_table(
                ["ID", "Client", "Start", "End", "Status", "How", "Kind"], _rows(sessions), 2
            )
        )
    print(f"{counted(len(sessions), 'session')} from {first} to {last}.")
    return 0


def calendar_export(args: argparse.Namespace) -> int:
    first, last = _checked_range(args, "nothing to export")
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


def _checked_range(args: argparse.Namespace, outcome: str) -> tuple[dt.date, dt.date]:
    first: dt.date = args.from_date
    last: dt.date = args.to_date
    if last < first:  # said before asking for the passphrase
        raise CommandFailed(f"--to ({last}) is before --from ({first}); {outcome}.")
    return first, last


def _session_document(session: DiarySession) -> dict[str, Any]:
    entry = session.entry
    return {
        "id": entry.session_id,
        "client_id": entry.client_id,
        "start": entry.start.isoformat(timespec="seconds"),
        "end": entry.end.isoformat(timespec="seconds"),
        "duration_minutes": entry.duration_minutes,
        "status": entry.status.value,
        "modality": entry.modality.value,
        "kind": entry.kind.value,
        "series_id": entry.series_id,
        "calendar_uid": session.uid,
        "sequence": session.revision,
    }


def _rows(sessions: list[DiarySession]) -> list[list[str]]:
    return [
        [
            str(s.entry.session_id),
            str(s.entry.client_id),
            f"{s.entry.start:%Y-%m-%d %H:%M}",
            f"{s.entry.end:%H:%M}",
            s.entry.status.label,
            s.entry.modality.label,
            s.entry.kind.label,
        ]
        for s in sessions
    ]
