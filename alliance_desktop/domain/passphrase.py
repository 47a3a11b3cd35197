"""Rules for vault passphrases.

A new passphrase (create, change) is judged with zxcvbn, the estimator KeePassXC uses (a pure
Python port; the one third-party import the domain allows itself): below a floor it is refused,
with zxcvbn's own advice. A passphrase written like SQLCipher's raw-key form (`x'…'`) is never
accepted, because SQLCipher would take it as the key bytes themselves, not as a passphrase.
"""

from __future__ import annotations

import re
import unicodedata

from alliance_desktop.domain.errors import InvalidInput

MINIMUM_PASSPHRASE_LENGTH = 10
# zxcvbn scores 0-4; 2 is "somewhat guessable" (about 10^8 guesses, unthrottled offline attacks
# on a stolen laptop are the threat). Ten spaces, one repeated letter or "password123" score 0-1.
MINIMUM_STRENGTH = 2
_RAW_KEY_FORM = re.compile(r"^\s*x'.*'\s*$", re.IGNORECASE | re.DOTALL)


def is_raw_key_form(passphrase: str) -> bool:
    """Whether SQLCipher would read this as raw key bytes (x'…') rather than a passphrase."""
    return bool(_RAW_KEY_FORM.match(passphrase))


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """(zxcvbn score 0-4, advice in plain words) for a meter and for refusals."""
    import zxcvbn  # its word lists take a while to load; only a new passphrase needs them

    result = zxcvbn.zxcvbn(passphrase[:200])  # zxcvbn's cost grows with length; 200 is plenty
    feedback = result.get("feedback", {})
    advice = " ".join(
        part for part in [feedback.get("warning", ""), *feedback.get("suggestions", [])] if part
    )
    return int(result["score"]), advice or "Add a few more uncommon words."


def normalise_passphrase(passphrase: str) -> str:
    """NFC-normalise so the same typed characters give the same key on every keyboard and OS."""
    return unicodedata.normalize("NFC", passphrase)


def check_new_passphrase(passphrase: str, confirmation: str | None = None) -> str:
    """Return the normalised passphrase, or raise InvalidInput saying what is wrong with it."""
    normalised = normalise_passphrase(passphrase)
    if len(normalised) < MINIMUM_PASSPHRASE_LENGTH:
        raise InvalidInput.single(
            "passphrase",
            f"The passphrase must be at least {MINIMUM_PASSPHRASE_LENGTH} characters long "
            f"(it has {len(normalised)}): it is the only thing protecting your clients' "
            "records if the laptop is lost.",
        )
    if is_raw_key_form(normalised):
        raise InvalidInput.single(
            "passphrase",
            "A passphrase cannot be written as x'…': the encryption library would take it as "
            "raw key bytes. Choose words instead.",
        )
    if "\x00" in normalised:
        raise InvalidInput.single("passphrase", "The passphrase contains a NUL character.")
    score, advice = passphrase_strength(normalised)
    if score < MINIMUM_STRENGTH:
        raise InvalidInput.single(
            "passphrase",
            f"This passphrase is too easy to guess. {advice} "
            "Four or five ordinary words you will remember make a strong one.",
        )
    if confirmation is not None and normalise_passphrase(confirmation) != normalised:
        raise InvalidInput.single("confirmation", "The two passphrases do not match.")
    return normalised
