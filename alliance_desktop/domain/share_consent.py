"""What a client agreed may be shared with another clinician: named categories, never free text.

A handover (and a continuity package) exports only the categories recorded here. Process notes
are their own category because clinicians hold them to a stricter standard than progress notes.
"""

from __future__ import annotations

import enum

from alliance_desktop.domain.errors import InvalidInput


class ShareCategory(enum.StrEnum):
    SUMMARY = "summary"
    GOALS = "goals"
    SESSIONS = "sessions"
    NOTES = "notes"
    RUPTURES = "ruptures"
    PROCESS_NOTES = "process-notes"
    MEASURES = "measures"
    RISK = "risk"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ShareCategory.SUMMARY: "Summary of the work together",
    ShareCategory.GOALS: "Goals and progress on them",
    ShareCategory.SESSIONS: "Session dates and attendance",
    ShareCategory.NOTES: "Progress notes",
    ShareCategory.RUPTURES: "Rupture-and-repair log",
    ShareCategory.PROCESS_NOTES: "Private process notes",
    ShareCategory.MEASURES: "Questionnaire scores and alliance check-ins",
    ShareCategory.RISK: "Risk reviews and the safety plan",
}

ALL_CATEGORIES: frozenset[ShareCategory] = frozenset(ShareCategory)


def parse_share_scope(text: str) -> frozenset[ShareCategory]:
    """`all`, or a comma-separated list of category names, into the set the client agreed to.

    Raises InvalidInput naming every unknown word and the words that are known.
    """
    words = [word.strip().casefold() for word in text.split(",") if word.strip()]
    if not words:
        raise InvalidInput({"consent_scope": _scope_help("The consent scope is empty.")})
    if words == ["all"]:
        return ALL_CATEGORIES
    known = {category.value: category for category in ShareCategory}
    unknown = [word for word in words if word not in known]
    if unknown:
        shown = ", ".join(repr(word) for word in unknown)
        raise InvalidInput({"consent_scope": _scope_help(f"Unknown consent category {shown}.")})
    return frozenset(known[word] for word in words)


def format_share_scope(categories: frozenset[ShareCategory]) -> str:
    """The stored form: `all`, or the categories in their fixed order, comma-separated."""
    if categories == ALL_CATEGORIES:
        return "all"
    return ",".join(category.value for category in ShareCategory if category in categories)


def _scope_help(problem: str) -> str:
    names = ",".join(category.value for category in ShareCategory)
    return f"{problem} Use 'all' or a comma-separated list of: {names}."
