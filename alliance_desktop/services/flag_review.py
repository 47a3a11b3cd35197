"""Which flags need the clinician's attention now, and acknowledging them with a note.

Flags come from sources (the alliance rules here; other rules can add theirs with
`add_source`). Today shows the current ones: the flags of a client seen in the last weeks
(the clinician's choice, 6 by default) or booked today, a rating flag only when the rating it
read is from those weeks too, and, for anyone else, only what stays current however long ago
the client was seen (a rupture still open). A flag the
clinician has acknowledged leaves the count until its evidence changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from alliance_desktop.domain.alliance_flags import RATING_KINDS, alliance_flags
from alliance_desktop.domain.alliance_not_working import PersistentConcern, persistent_concern
from alliance_desktop.domain.flags import (
    Flag,
    FlagAcknowledgement,
    FlagState,
    check_acknowledgement,
    with_acknowledgements,
)
from alliance_desktop.domain.rupture import RuptureEntry
from alliance_desktop.domain.session import SessionStatus
from alliance_desktop.services.calendar import SessionCalendar
from alliance_desktop.services.rupture_log import RuptureLog
from alliance_desktop.vault.flag_acknowledgement_repository import (
    FlagAcknowledgementRepository,
)

FlagSource = Callable[[Sequence[int]], list[Flag]]  # the flags of exactly these clients
# Flags that stay current however long ago the client was seen (a rupture still open), for
# every client but those given (whose flags were read already).
PracticeWideSource = Callable[[AbstractSet[int]], list[Flag]]


@dataclass(frozen=True)
class CurrentFlags:
    """What Today shows: the flags that need attention now, in no particular order."""

    needing_attention: list[FlagState]
    acknowledged: list[FlagState]  # current, but seen and noted by the clinician
    seen_today: dict[int, dt.datetime]  # client -> first session today
    recent_weeks: int

    @property
    def count(self) -> int:
        return len(self.needing_attention)


class FlagReview:
    def __init__(
        self,
        acknowledgements: FlagAcknowledgementRepository,
        ruptures: RuptureLog,
        calendar: SessionCalendar,
        now: Callable[[], dt.datetime],
    ) -> None:
        self._acknowledgements = acknowledgements
        self._ruptures = ruptures
        self._calendar = calendar
        self._now = now
        self._sources: list[FlagSource] = [self._alliance_flags]
        self._practice_wide: list[PracticeWideSource] = [self._open_rupture_flags]

    def add_source(
        self, source: FlagSource, practice_wide: PracticeWideSource | None = None
    ) -> None:
        """More rules raising flags through the same card, count and acknowledgements.
        `practice_wide`: the flags of theirs that are current for any client, seen lately or
        not (e.g. a risk review overdue)."""
        self._sources.append(source)
        if practice_wide is not None:
            self._practice_wide.append(practice_wide)

    def for_client(self, client_id: int) -> list[FlagState]:
        """All of one client's flags, acknowledged or not (their page shows both)."""
        flags = self._flags([client_id])
        return with_acknowledgements(flags, self._acknowledgements.for_clients([client_id]))

    def current(self, client_ids: Sequence[int] = ()) -> CurrentFlags:
        """Today's flags: clients seen within the chosen weeks, booked today, or in
        `client_ids` (today's list), plus the always-current kinds for everyone else."""
        now = self._now()
        weeks = self._ruptures.thresholds().recent_weeks
        midnight = dt.datetime.combine(now.date(), dt.time())
        since = midnight - dt.timedelta(weeks=weeks)
        seen_today: dict[int, dt.datetime] = {}
        recent: set[int] = set(client_ids)
        for entry in self._calendar.entries_between(since, midnight + dt.timedelta(days=1)):
            if entry.start >= midnight and entry.status.takes_up_time:
                seen_today.setdefault(entry.client_id, entry.start)
                recent.add(entry.client_id)
            elif entry.status is SessionStatus.ATTENDED:
                recent.add(entry.client_id)
        # A rating flag is current when the rating it read is recent too: a client who stopped
        # rating in the spring is not flagged on Today for a spring rating.
        flags = [
            flag
            for flag in self._flags(sorted(recent))
            if flag.kind not in RATING_KINDS or flag.since >= since.date()
        ] + [
            flag
            for source in self._practice_wide
            for flag in source(recent)
            if flag.client_id not in recent
        ]
        clients = sorted({flag.client_id for flag in flags})
        states = with_acknowledgements(flags, self._acknowledgements.for_clients(clients))
        return CurrentFlags(
            needing_attention=[state for state in states if state.needs_attention],
            acknowledged=[state for state in states if not state.needs_attention],
            seen_today=seen_today,
            recent_weeks=weeks,
        )

    def acknowledge(self, flag: Flag, note: str) -> FlagAcknowledgement:
        """The clinician has seen `flag`; it stays out of Today's count until its evidence
        changes (a new rating, a new or changed entry)."""
        acknowledgement = check_acknowledgement(
            FlagAcknowledgement(flag.kind, flag.client_id, flag.evidence, note, self._now())
        )
        return self._acknowledgements.save(acknowledgement)

    def reopen(self, flag: Flag) -> bool:
        """Take an acknowledgement back."""
        return self._acknowledgements.remove(flag.key)

    def _flags(self, client_ids: Sequence[int]) -> list[Flag]:
        if not client_ids:
            return []
        return [flag for source in self._sources for flag in source(client_ids)]

    def _alliance_flags(self, client_ids: Sequence[int]) -> list[Flag]:
        return [flag for client_id in client_ids for flag in self._ruptures.flags(client_id)]

    def _open_rupture_flags(self, already: AbstractSet[int]) -> list[Flag]:
        """Every other client's rupture flags (still open, follow-up passed), seen lately or
        not."""
        by_client: dict[int, list[RuptureEntry]] = {}
        for open_rupture in self._ruptures.open_ruptures():  # oldest first
            if open_rupture.entry.client_id in already:
                continue
            by_client.setdefault(open_rupture.entry.client_id, []).append(open_rupture.entry)
        today, thresholds = self._now().date(), self._ruptures.thresholds()
        return [
            flag
            for client_id, entries in by_client.items()
            for flag in alliance_flags(client_id, [], entries, today, thresholds)
        ]

    def persistent_concern(self, client_id: int) -> PersistentConcern | None:
        """When flags persist for this client: why, for the steps the client's page suggests."""
        timeline = self._ruptures.timeline(client_id)
        return persistent_concern(
            timeline.check_ins,
            timeline.ruptures,
            self._now().date(),
            self._ruptures.thresholds(),
        )
