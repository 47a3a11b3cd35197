"""How the demo therapist records ruptures in the alliance and the attempts to repair them."""

from __future__ import annotations

from alliance_desktop.domain.rupture import RepairStrategy, RuptureKind

# Each note with the markers it shows, so the log never names a marker its note contradicts.
RUPTURE_NOTES: dict[RuptureKind, tuple[tuple[str, tuple[str, ...]], ...]] = {
    RuptureKind.WITHDRAWAL: (
        (
            "Went quiet after I suggested the diary again; 'fine, whatever works'.",
            ("Minimal responses", "Deferential agreement"),
        ),
        ("Changed the subject twice when I asked about the weekend.", ("Shifting the topic",)),
        (
            "Agreed with everything I said, flatly; felt like going through the motions.",
            ("Deferential agreement",),
        ),
        (
            "Described a painful week in a detached way, smiling; the feeling did not show.",
            ("Content/affect split", "Denying a feeling that shows"),
        ),
        (
            "Long silences and short answers after I mentioned ending dates.",
            ("Minimal responses",),
        ),
    ),
    RuptureKind.CONFRONTATION: (
        (
            "'This isn't working. We keep talking and nothing changes.'",
            ("Complaints about progress",),
        ),
        (
            "Angry that I had moved last week's session at short notice.",
            ("Complaints about parameters (time, fees, place)", "Complaints about the therapist"),
        ),
        (
            "Rejected the task I suggested: 'you don't know what it's like'.",
            ("Rejecting an intervention", "Defending against the therapist"),
        ),
        (
            "Questioned whether I was taking their side or their partner's.",
            ("Complaints about the therapist", "Pressure on the therapist"),
        ),
        (
            "Frustrated by the homework: 'it feels like school'.",
            ("Complaints about the activities of therapy",),
        ),
    ),
    RuptureKind.MIXED: (
        (
            "Irritated at the start, then went quiet and apologised for 'being difficult'.",
            (
                "Complaints about the therapist",
                "Minimal responses",
                "Self-criticism or hopelessness",
            ),
        ),
        (
            "Complained about the fees, then said it didn't matter and changed the topic.",
            ("Complaints about parameters (time, fees, place)", "Shifting the topic"),
        ),
        (
            "Snapped at a question, then agreed to everything for the rest of the session.",
            ("Defending against the therapist", "Deferential agreement"),
        ),
    ),
}

# Written so each fits whatever the rupture was about: no repair note names a different event.
REPAIR_NOTES: dict[RepairStrategy, tuple[str, ...]] = {
    RepairStrategy.RESTATE_RATIONALE: (
        "Went back over why we are doing this piece of work and what it is for.",
        "Explained again what the task is for and how it links to their goal.",
    ),
    RepairStrategy.CHANGE_TASK_OR_GOAL: (
        "Made the next step smaller, with the client choosing it.",
        "Changed the task together so it fits their week.",
    ),
    RepairStrategy.CLARIFY_MISUNDERSTANDING: (
        "Checked what they heard me say; it had sounded like blame.",
        "Clarified what I had meant, and asked how it had landed.",
    ),
    RepairStrategy.EXPLORE_WHAT_HAPPENED: (
        "Named the shift in the room and asked what happened for them just then.",
        "Talked about how our work feels to them at the moment.",
    ),
    RepairStrategy.ACKNOWLEDGE_OWN_PART: (
        "Said that I had pushed too hard and too fast.",
        "Acknowledged I had not noticed how they were feeling.",
    ),
    RepairStrategy.LINK_TO_PATTERNS: (
        "Wondered together whether this happens in other close relationships too.",
        "Linked what happened between us to a pattern they had noticed elsewhere.",
    ),
    RepairStrategy.VALIDATE_ASSERTION: (
        "Told them it was good that they said it out loud; it matters.",
        "Said their reaction made sense; thanked them for telling me.",
    ),
}
