"""Practice continuity: a sealed package of every record, for a named custodian to open if the
clinician dies, falls ill or retires (the "professional will" clinicians are asked to arrange).

Each client goes in as a complete handover folder (the same files a handover writes) under
one package password; a letter tells the custodian what this is, how to open it and whom to
contact first. Nothing in the package names a client outside its encrypted files.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path

from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.handover_errors import HandoverError
from alliance_desktop.domain.share_consent import ShareCategory
from alliance_desktop.domain.text_rules import check_text

# What a custodian holds: the clinical record, without the clinician's private process notes
# (those stay private unless the clinician chooses otherwise).
CONTINUITY_CATEGORIES = frozenset(ShareCategory) - {ShareCategory.PROCESS_NOTES}
AUTOMATIC_EVERY_DAYS = 7


@dataclass(frozen=True)
class Custodian:
    name: str
    contact: str = ""  # phone, e-mail or address: how the family or a colleague reaches them


def check_custodian(custodian: Custodian) -> Custodian:
    problems: dict[str, str] = {}
    check_text(problems, "custodian_name", "The custodian's name", custodian.name, required=True)
    check_text(problems, "custodian_contact", "The custodian's contact", custodian.contact)
    if problems:
        raise InvalidInput(problems)
    return Custodian(custodian.name.strip(), custodian.contact.strip())


class ContactReason(enum.StrEnum):
    AT_RISK = "at risk"
    BOOKED = "sessions booked"
    CURRENT = "in therapy"
    FINISHED = "finished"


@dataclass(frozen=True)
class ClientToContact:
    name: str
    folder: str  # the client's folder inside the package
    reason: ContactReason
    next_session: dt.datetime | None = None
    phone: str = ""
    email: str = ""


_ORDER = {
    ContactReason.AT_RISK: 0,
    ContactReason.BOOKED: 1,
    ContactReason.CURRENT: 2,
    ContactReason.FINISHED: 3,
}


def contact_order(clients: list[ClientToContact]) -> list[ClientToContact]:
    """Clients at risk first, then those with sessions booked (soonest first), then the rest."""
    far = dt.datetime.max
    return sorted(
        clients, key=lambda c: (_ORDER[c.reason], c.next_session or far, c.name.casefold())
    )


def is_due(last_made: dt.date | None, today: dt.date) -> bool:
    """An automatic package is due a week after the last one (or when none was ever made)."""
    return last_made is None or (today - last_made).days >= AUTOMATIC_EVERY_DAYS


class ContinuityError(HandoverError):
    """A continuity package could not be made or opened; the message says why in a sentence."""


class CustodianFolderProblem(ContinuityError):
    def __init__(self, folder: Path, detail: str) -> None:
        self.folder = folder
        super().__init__(
            f"The continuity package cannot be written to {folder}: {detail}. Nothing was written."
        )


class NotAContinuityPackage(ContinuityError):
    def __init__(self, folder: Path, detail: str) -> None:
        self.folder = folder
        super().__init__(
            f"{folder} is not an Alliance Desktop continuity package: {detail}. "
            "Nothing was imported."
        )


class ContinuityTooNew(ContinuityError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            f"This continuity package was made by a newer version of Alliance Desktop (format "
            f"{found}; this version reads up to {supported}). Install the newer version to "
            "open it. Nothing was imported."
        )


class WrongPackagePassword(ContinuityError):
    def __init__(self) -> None:
        super().__init__(
            "That is not the package password (check the sealed letter; capitals and spaces "
            "do not matter). Nothing was imported."
        )
