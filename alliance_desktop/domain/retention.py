"""How long a finished client's record is kept: a number of years after the last session.

The period is set by the clinician for their jurisdiction (7 years is a common adult minimum).
Nothing is ever deleted automatically: records past their period are listed for review, and the
clinician decides, record by record, to export and then delete.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from alliance_desktop.domain.client import ClientStatus
from alliance_desktop.domain.errors import InvalidInput

DEFAULT_RETENTION_YEARS = 7
MIN_RETENTION_YEARS = 1
MAX_RETENTION_YEARS = 100

# Only a client whose work has finished can start the retention clock.
FINISHED_STATUSES = frozenset({ClientStatus.ENDED, ClientStatus.HANDED_OVER})


@dataclass(frozen=True)
class FinishedClient:
    client_id: int
    name: str
    status: ClientStatus
    last_contact_on: dt.date | None  # the last session held (or booked), else the start date


@dataclass(frozen=True)
class RetentionEntry:
    client_id: int
    name: str
    status: ClientStatus
    last_contact_on: dt.date | None
    keep_until: dt.date | None  # None when there is no date to count from
    past_retention: bool

    @property
    def explanation(self) -> str:
        if self.keep_until is None:
            return "No session or start date on file: review this record by hand."
        if self.past_retention:
            return (
                f"Kept since {self.keep_until.isoformat()}, the end of its retention period: "
                "review whether to export and delete it."
            )
        return f"Keep until {self.keep_until.isoformat()}."


def check_retention_years(years: int) -> int:
    if not MIN_RETENTION_YEARS <= years <= MAX_RETENTION_YEARS:
        raise InvalidInput.single(
            "retention_years",
            f"The retention period must be between {MIN_RETENTION_YEARS} and "
            f"{MAX_RETENTION_YEARS} years (got {years}); check the rule where you practise.",
        )
    return years


def keep_until(last_contact_on: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return last_contact_on.replace(year=last_contact_on.year + years)
    except ValueError:
        return last_contact_on.replace(year=last_contact_on.year + years, day=28)


def retention_entries(
    clients: list[FinishedClient], years: int, today: dt.date
) -> list[RetentionEntry]:
    """Finished clients with their keep-until date; those past it (to review) come first."""
    entries = []
    for client in clients:
        if client.status not in FINISHED_STATUSES:
            continue
        until = (
            None if client.last_contact_on is None else keep_until(client.last_contact_on, years)
        )
        past = until is None or until <= today
        entries.append(
            RetentionEntry(
                client.client_id, client.name, client.status, client.last_contact_on, until, past
            )
        )
    return sorted(
        entries, key=lambda e: (not e.past_retention, e.keep_until or dt.date.min, e.name)
    )


def is_erasable(entry: RetentionEntry) -> bool:
    """A record may be deleted for good only once its retention period has run out."""
    return entry.keep_until is not None and entry.past_retention
