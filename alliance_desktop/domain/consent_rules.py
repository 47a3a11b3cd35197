"""Consent on file: informed consent to therapy, with the limits of confidentiality explained.

Consent to share a handover is kept as named categories (domain/share_consent.py); this module
answers whether the client's informed consent is complete.
"""

from __future__ import annotations

from alliance_desktop.domain.client import Client, ConsentKind, ConsentRecord


def current_informed_consent(client: Client) -> ConsentRecord | None:
    """The latest informed consent not withdrawn, or None."""
    held = [
        consent
        for consent in client.consents
        if consent.kind is ConsentKind.INFORMED_CONSENT and consent.withdrawn_on is None
    ]
    return max(held, key=lambda consent: consent.given_on) if held else None


def informed_consent_problem(client: Client) -> str | None:
    """What is missing from the client's informed consent, in words; None when complete."""
    consent = current_informed_consent(client)
    if consent is None:
        withdrawn = any(c.kind is ConsentKind.INFORMED_CONSENT for c in client.consents)
        if withdrawn:
            return (
                "Informed consent to therapy was withdrawn and none is on file now; "
                "record it again before the next session."
            )
        return (
            "No informed consent to therapy is on file, and sessions are booked or held; "
            "record it (with the limits of confidentiality explained) in the client's details."
        )
    if not consent.limits_explained:
        return (
            f"Informed consent ({consent.given_on:%d %b %Y}) does not record that the limits "
            "of confidentiality were explained; tick it in the client's details once you have."
        )
    return None
