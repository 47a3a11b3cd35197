"""What a demo client's therapy is mostly about, read from the concerns noted at intake.

The theme picks the wording of their goals, agendas and notes, so a client who came with panic
in crowded places does not get notes about grief.
"""

from __future__ import annotations

from collections.abc import Iterable

ANXIETY = "anxiety"
MOOD = "mood"
EXHAUSTION = "exhaustion"
LOSS = "loss"
RELATIONSHIPS = "relationships"
HABITS = "habits"
WORK = "work"
TRAUMA = "trauma"

THEMES = (ANXIETY, MOOD, EXHAUSTION, LOSS, RELATIONSHIPS, HABITS, WORK, TRAUMA)

# Checked in this order: "relationship ended ...; not sleeping" is about loss, not sleep.
_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("intrusive memories", TRAUMA),
    ("grief", LOSS),
    ("relationship ended", LOSS),
    ("panic", ANXIETY),
    ("anxiety", ANXIETY),
    ("health worry", ANXIETY),
    ("drinking", HABITS),
    ("eating", HABITS),
    ("anger", HABITS),
    ("perfectionism", WORK),
    ("procrastination", WORK),
    ("partner", RELATIONSHIPS),
    ("trust", RELATIONSHIPS),
    ("coming out", RELATIONSHIPS),
    ("sleep", EXHAUSTION),
    ("burnout", EXHAUSTION),
    ("exhausted", EXHAUSTION),
    ("low mood", MOOD),
    ("loneliness", MOOD),
    ("good enough", MOOD),
)


def theme_for(concerns: Iterable[str]) -> str:
    """The theme of the first concern that names one; low mood when none does."""
    for concern in concerns:
        lowered = concern.lower()
        for keyword, theme in _KEYWORDS:
            if keyword in lowered:
                return theme
    return MOOD
