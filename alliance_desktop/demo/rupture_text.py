"""How the demo therapist records ruptures in the alliance and the attempts to repair them."""

from __future__ import annotations

from alliance_desktop.domain.rupture import RepairStrategy, RuptureKind

RUPTURE_NOTES: dict[RuptureKind, tuple[str, ...]] = {
    RuptureKind.WITHDRAWAL: (
        "Went quiet after I suggested the diary again; 'fine, whatever works'.",
        "Changed the subject twice when I asked about the weekend.",
        "Agreed with everything I said, flatly; felt like going through the motions.",
        "Described a painful week in a detached way, smiling; the feeling did not show.",
        "Long silences and short answers after I mentioned ending dates.",
    ),
    RuptureKind.CONFRONTATION: (
        "'This isn't working. We keep talking and nothing changes.'",
        "Angry that I had moved last week's session at short notice.",
        "Rejected the task I suggested: 'you don't know what it's like'.",
        "Questioned whether I was taking their side or their partner's.",
        "Frustrated by the homework: 'it feels like school'.",
    ),
    RuptureKind.MIXED: (
        "Irritated at the start, then went quiet and apologised for 'being difficult'.",
        "Complained about the fees, then said it didn't matter and changed the topic.",
        "Snapped at a question, then agreed to everything for the rest of the session.",
    ),
}

REPAIR_NOTES: dict[RepairStrategy, tuple[str, ...]] = {
    RepairStrategy.RESTATE_RATIONALE: (
        "Went back over why we are doing this piece of work and what it is for.",
        "Explained again how the diary helps us see patterns, not check up.",
    ),
    RepairStrategy.CHANGE_TASK_OR_GOAL: (
        "Dropped the written homework; agreed on a voice note instead.",
        "Made the next step smaller, with the client choosing it.",
    ),
    RepairStrategy.CLARIFY_MISUNDERSTANDING: (
        "Clarified that moving the session was about my diary, not about them.",
        "Checked what they heard me say; it had sounded like blame.",
    ),
    RepairStrategy.EXPLORE_WHAT_HAPPENED: (
        "Named the shift in the room and asked what happened for them just then.",
        "Talked about how our work feels to them at the moment.",
    ),
    RepairStrategy.ACKNOWLEDGE_OWN_PART: (
        "Said that I had pushed too hard and too fast.",
        "Acknowledged I had not noticed how tired they were.",
    ),
    RepairStrategy.LINK_TO_PATTERNS: (
        "Wondered together whether going quiet is what happens with their father too.",
        "Linked the 'nothing changes' feeling to their experience at work.",
    ),
    RepairStrategy.VALIDATE_ASSERTION: (
        "Told them it was good that they said it out loud; it matters.",
        "Agreed their frustration made sense; thanked them for saying so.",
    ),
}
