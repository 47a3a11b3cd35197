"""Local crisis contacts: printed wherever a client page says what to do if things get worse."""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.domain.text_rules import check_text

MAX_CRISIS_CONTACTS = 8


@dataclass(frozen=True)
class CrisisContact:
    name: str  # "Samaritans", "Out-of-hours GP", "Emergency services"
    phone: str
    hours: str = ""  # "24 hours, every day"; empty when not known


def check_crisis_contacts(
    problems: dict[str, str], contacts: tuple[CrisisContact, ...]
) -> tuple[CrisisContact, ...]:
    """Trimmed contacts; a message per field in `problems` for a missing name or phone."""
    if len(contacts) > MAX_CRISIS_CONTACTS:
        problems["crisis_contacts"] = (
            f"At most {MAX_CRISIS_CONTACTS} crisis contacts fit on a client page "
            f"(got {len(contacts)})."
        )
        return contacts
    cleaned = []
    for index, contact in enumerate(contacts):
        field = f"crisis_contacts.{index}"
        check_text(problems, f"{field}.name", "Crisis contact name", contact.name, required=True)
        check_text(problems, f"{field}.phone", "Crisis contact phone", contact.phone, required=True)
        check_text(problems, f"{field}.hours", "Crisis contact hours", contact.hours)
        cleaned.append(
            CrisisContact(contact.name.strip(), contact.phone.strip(), contact.hours.strip())
        )
    return tuple(cleaned)
