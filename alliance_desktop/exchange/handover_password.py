"""The password that protects a handover: generated, never chosen, and easy to read aloud.

Five groups of five letters, each group consonant-vowel-consonant-vowel-consonant
("bafok-telum-risav-donek-pumiz"): pronounceable, so it survives a phone call, and drawn with
`secrets`, so each group carries log2(16·5·16·5·16) ≈ 16.6 bits and the whole ≈ 83 bits.
No look-alike digits or capitals to misread.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata

CONSONANTS = "bdfghjklmnprstvz"  # 16
VOWELS = "aeiou"  # 5
GROUP_SHAPE = (CONSONANTS, VOWELS, CONSONANTS, VOWELS, CONSONANTS)
GROUPS = 5
SEPARATOR = "-"

_SEPARATORS = re.compile(r"[\s\-_.]+")


def password_bits() -> float:
    """The strength of a generated password: every choice is uniform and independent."""
    per_group = math.prod(len(letters) for letters in GROUP_SHAPE)
    return GROUPS * math.log2(per_group)


def new_handover_password() -> str:
    return SEPARATOR.join(
        "".join(secrets.choice(letters) for letters in GROUP_SHAPE) for _ in range(GROUPS)
    )


def canonical_password(typed: str) -> str:
    """The form keys are derived from: read over the phone, a password may come back in
    capitals or with spaces instead of hyphens; both still open the FHIR record. The PDF is
    encrypted under this form too, and its capitals (`pdf_passwords`): a PDF reader compares
    what is typed exactly, so there it must be typed with hyphens."""
    text = unicodedata.normalize("NFC", typed).strip().lower()
    return SEPARATOR.join(part for part in _SEPARATORS.split(text) if part)


def pdf_passwords(canonical: str) -> tuple[str, str]:
    """The two passwords a PDF can hold: as printed, and in capitals (a PDF reader compares
    exactly; the FHIR envelope normalises instead, so it accepts both and spaces as well)."""
    return canonical, canonical.upper()
