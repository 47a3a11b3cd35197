"""Words for the risk and consent flags shown with the alliance flags."""

from __future__ import annotations

from alliance_desktop.domain.alliance_flags import FlagKind

# The most pressing first, ahead of the alliance flags.
RISK_FLAG_KINDS = (
    FlagKind.HIGH_RISK,
    FlagKind.SELF_HARM_ANSWER,
    FlagKind.RISK_REVIEW_DUE,
    FlagKind.NO_INFORMED_CONSENT,
)

RISK_TAB = "Risk"
CONSENT_TAB = "Profile"


def risk_flag_action(kind: FlagKind) -> str:
    return "Open details" if kind is FlagKind.NO_INFORMED_CONSENT else "Open Risk tab"


def tab_for(kind: FlagKind) -> str:
    """Which tab of the client's record answers the flag."""
    return CONSENT_TAB if kind is FlagKind.NO_INFORMED_CONSENT else RISK_TAB
