"""The practice profile: who the clinician is, for letterheads and defaults."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from alliance_desktop.domain.crisis_contacts import CrisisContact, check_crisis_contacts
from alliance_desktop.domain.errors import InvalidInput
from alliance_desktop.domain.text_rules import LONG_TEXT_LIMIT, check_email, check_text


class PaperSize(enum.StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class DateStyle(enum.StrEnum):
    """How dates are shown to the clinician and printed for clients."""

    DAY_MONTH_YEAR = "dd/mm/yyyy"
    MONTH_DAY_YEAR = "mm/dd/yyyy"
    ISO = "yyyy-mm-dd"


@dataclass(frozen=True)
class PracticeProfile:
    clinician_name: str = ""
    credentials: str = ""
    practice_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    default_session_minutes: int = 50
    date_style: DateStyle = DateStyle.DAY_MONTH_YEAR
    paper_size: PaperSize = PaperSize.A4
    # Printed on every client page that says what to do if things get worse.
    crisis_contacts: tuple[CrisisContact, ...] = ()


def check_practice_profile(profile: PracticeProfile) -> PracticeProfile:
    """Return the profile with surrounding spaces trimmed, or raise InvalidInput per field."""
    problems: dict[str, str] = {}
    check_text(problems, "clinician_name", "Clinician name", profile.clinician_name)
    check_text(problems, "credentials", "Credentials", profile.credentials)
    check_text(problems, "practice_name", "Practice name", profile.practice_name)
    check_text(problems, "address", "Address", profile.address, limit=LONG_TEXT_LIMIT)
    check_text(problems, "phone", "Phone", profile.phone)
    check_text(problems, "website", "Website", profile.website)
    check_email(problems, "email", profile.email)
    if not 10 <= profile.default_session_minutes <= 240:
        problems["default_session_minutes"] = (
            "Default session length must be between 10 and 240 minutes "
            f"(got {profile.default_session_minutes})."
        )
    crisis_contacts = check_crisis_contacts(problems, profile.crisis_contacts)
    if problems:
        raise InvalidInput(problems)
    return PracticeProfile(
        clinician_name=profile.clinician_name.strip(),
        credentials=profile.credentials.strip(),
        practice_name=profile.practice_name.strip(),
        address=profile.address.strip(),
        phone=profile.phone.strip(),
        email=profile.email.strip(),
        website=profile.website.strip(),
        default_session_minutes=profile.default_session_minutes,
        date_style=profile.date_style,
        paper_size=profile.paper_size,
        crisis_contacts=crisis_contacts,
    )
