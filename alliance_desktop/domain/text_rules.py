"""Small checks shared by the record validators: lengths, dates and e-mail shape."""

from __future__ import annotations

import datetime as dt
import re

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)
SHORT_TEXT_LIMIT = 200
LONG_TEXT_LIMIT = 20_000

_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Control characters other than tab and newline are never typed on purpose; they come from
# bad pastes or imports and break PDFs and exports later.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_text(
    problems: dict[str, str],
    field: str,
    label: str,
    value: str,
    *,
    required: bool = False,
    limit: int = SHORT_TEXT_LIMIT,
) -> None:
    """Add a message to `problems` when a text field is missing, too long or has control codes."""
    if required and not value.strip():
        problems[field] = f"{label} is required."
    elif len(value) > limit:
        problems[field] = f"{label} is too long ({len(value)} characters; at most {limit})."
    elif _CONTROL_CHARACTERS.search(value):
        problems[field] = f"{label} contains invisible control characters; please retype it."


def check_date(problems: dict[str, str], field: str, label: str, value: dt.date | None) -> None:
    """Add a message when a date lies outside the years the app accepts (1900-2200)."""
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        problems[field] = f"{label} must be between 1900 and 2200 (got {value.isoformat()})."


def check_email(problems: dict[str, str], field: str, value: str) -> None:
    if value and not _EMAIL_SHAPE.match(value.strip()):
        problems[field] = f"'{value}' does not look like an e-mail address (name@example.org)."
