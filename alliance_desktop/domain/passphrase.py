"""Rules for vault passphrases."""

from __future__ import annotations

import unicodedata

from alliance_desktop.domain.errors import InvalidInput

MINIMUM_PASSPHRASE_LENGTH = 10


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
    if confirmation is not None and normalise_passphrase(confirmation) != normalised:
        raise InvalidInput.single("confirmation", "The two passphrases do not match.")
    return normalised
