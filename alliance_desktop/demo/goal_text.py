"""Goals the demo clients set: their own words, the clinician's framing, the five Goal
Attainment Scaling levels (-2 .. +2, where 0 is the expected outcome) and the tasks."""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.demo.themes import (
    ANXIETY,
    EXHAUSTION,
    HABITS,
    LOSS,
    MOOD,
    RELATIONSHIPS,
    TRAUMA,
    WORK,
)
from alliance_desktop.domain.goal import QualityAspect, TaskOwner

C, T, B = TaskOwner.CLIENT, TaskOwner.CLINICIAN, TaskOwner.BOTH


@dataclass(frozen=True)
class GoalIdea:
    words: str
    framing: str
    levels: tuple[str, str, str, str, str]
    tasks: tuple[tuple[str, TaskOwner], ...]

    @property
    def is_broad(self) -> bool:
        """A broad aim, still to be narrowed: it fails the focused check and stays proposed."""
        return self.framing.startswith("Broad aim")


def _idea(words: str, framing: str, levels: str, *tasks: tuple[str, TaskOwner]) -> GoalIdea:
    """`levels` is five descriptions from -2 to +2 separated by ' | '."""
    parts = tuple(part.strip() for part in levels.split("|"))
    assert len(parts) == 5, words
    return GoalIdea(words, framing, parts, tasks)


GOAL_IDEAS: dict[str, tuple[GoalIdea, ...]] = {
    ANXIETY: (
        _idea(
            "I want to get the bus to work without panicking",
            "Graded exposure to bus travel; drop safety behaviours (sitting by the door).",
            "Avoids the bus; lifts or taxis every day | Takes the bus only with company or "
            "gets off early most days | Takes the bus alone three days a week; anxiety up to "
            "6/10 | Takes the bus alone most days; anxiety settles within minutes | Takes the "
            "bus without thinking about it, rush hour included",
            ("Ride two stops at a quiet time and stay until anxiety halves", C),
            ("Send the panic-cycle diagram", T),
            ("Build the exposure ladder", B),
        ),
        _idea(
            "Stop checking my body for signs of illness every night",
            "Reduce health-related checking and reassurance seeking; tolerate uncertainty.",
            "Checks symptoms online every evening, over an hour | Checks most evenings, "
            "under an hour | Checks at most twice a week | Notices the urge and lets it pass "
            "most times | No checking; sees the GP when there is a real reason",
            ("Keep a tally of checking urges and what was done", C),
            ("Agree a 'worry time' slot", B),
        ),
        _idea(
            "Speak up in team meetings instead of staying silent",
            "Social anxiety: drop rehearsing and self-monitoring; test the feared outcome.",
            "Says nothing in meetings; skips them when possible | Speaks only when asked "
            "directly | Makes one planned comment per meeting | Comments unplanned now and "
            "then | Leads an agenda item",
            ("Make one comment in Thursday's meeting", C),
            ("Behavioural experiment: predict, then check what happened", B),
        ),
    ),
    MOOD: (
        _idea(
            "Get out of the house every day, even for a short walk",
            "Behavioural activation: regular, valued activity to lift mood.",
            "Stays in on most days | Goes out two or three days a week | Goes out five days "
            "a week | Goes out every day, sometimes for longer | Goes out daily and has taken "
            "up a regular activity with others",
            ("Activity diary with mood ratings", C),
            ("Plan the week's walks in session", B),
        ),
        _idea(
            "Be kinder to myself when things go wrong",
            "Self-compassion work with the self-critical voice.",
            "Harsh self-talk all day; calls self 'useless' | Notices the voice but agrees "
            "with it | Answers the critic kindly some of the time | Answers kindly most of "
            "the time | Treats self as they would a friend",
            ("Write the compassionate letter", C),
            ("Bring a recording of the soothing-rhythm exercise", T),
        ),
        _idea(
            "Find work that fits me after the redundancy",
            "Problem-solving and values work on the next job; manage rejection.",
            "Not looking; avoids job sites | Looks but does not apply | Sends two "
            "applications a month | Gets an interview | Accepts a role that fits",
            ("Update the CV", C),
            ("Role-play an interview", B),
        ),
    ),
    EXHAUSTION: (
        _idea(
            "Sleep through more nights and wake less tired",
            "CBT for insomnia: regular wake time, stimulus control, wind-down routine.",
            "Under 5 hours most nights; awake for hours | About 5 hours; long wakings | "
            "6 hours on most nights | 7 hours most nights; wakes rested some days | "
            "Sleeps well most nights without thinking about it",
            ("Sleep diary every morning", C),
            ("Send the sleep-window worksheet", T),
        ),
        _idea(
            "Go back to work without burning out again",
            "Phased return with boundaries; spot early signs of overload.",
            "Not back at work; dreads the thought | Back part-time but working late at home "
            "| Back on agreed hours, keeps most evenings free | Full hours with breaks and "
            "no weekend work | Full hours; has said no to extra projects",
            ("List the early warning signs", C),
            ("Draft the return-to-work plan together", B),
        ),
        _idea(
            "Share the caring for mum so I get some time back",
            "Carer strain: ask for help, use respite, protect one rest period a week.",
            "Does all the caring alone, every day | Has asked for help but none arranged | "
            "One afternoon a week covered by someone else | Two regular breaks a week | "
            "Caring shared with siblings and services; a weekend away booked",
            ("Ring the carers' support line", C),
            ("Family meeting: who can do what", C),
        ),
    ),
    LOSS: (
        _idea(
            "Be able to talk about mum without falling apart",
            "Grief work: approach rather than avoid memories; continuing bonds.",
            "Cannot say her name without breaking down | Talks about her only in session | "
            "Talks about her with one close person | Shares memories at family gatherings "
            "| Can remember her with warmth as well as sadness",
            ("Choose three photographs to bring", C),
            ("Write a letter to mum (not to send)", C),
        ),
        _idea(
            "Stop going over the break-up every night",
            "Reduce rumination; re-engage with friends and routines.",
            "Ruminates for hours every night | Most nights, an hour or more | A few nights "
            "a week, shorter | Rarely; can move attention away | Thinks about it without "
            "getting stuck",
            ("Rumination log: when, how long, what helped", C),
            ("Plan two evenings with friends", C),
        ),
        _idea(
            "Sort out the flat without it taking over my life",
            "Paced approach to the practical tasks of bereavement.",
            "Has not opened the door of her room | Looked but could not start | One box "
            "a week | Main rooms done | Done, with keepsakes chosen",
            ("One box on Saturday morning, then a walk", C),
        ),
    ),
    RELATIONSHIPS: (
        _idea(
            "Talk about money with my partner without it becoming a row",
            "Communication skills: timing, 'I' statements, a shared plan.",
            "Every money talk ends in shouting | Avoids the subject | One calm talk a month "
            "| A weekly money check-in that mostly works | A shared budget both feel fine "
            "about",
            ("Suggest a fixed time for the money talk", C),
            ("Practise the speaker-listener exercise", B),
        ),
        _idea(
            "Tell my sister who I really am",
            "Coming out at a pace and in a way the client chooses; build support first.",
            "Has told nobody in the family | Has told a friend | Has planned what to say to "
            "the sister | Has told the sister | Has told the sister and feels supported",
            ("Write what I want her to know", C),
            ("Find the LGBT+ support group details", T),
        ),
        _idea(
            "Trust people a bit more without feeling stupid",
            "Work on hypervigilance after a controlling relationship; test trust gradually.",
            "Checks everyone's motives; sees nobody | Sees one old friend, on guard | "
            "Meets two friends regularly | Has let a new person in a little | Feels safe "
            "enough to rely on a few people",
            ("Notice one time trust was justified", C),
        ),
    ),
    HABITS: (
        _idea(
            "Drink only at weekends, and not to get drunk",
            "Controlled drinking with a diary; alternatives for Friday evenings.",
            "Drinks most evenings, often over 6 units | Drinks four evenings, less "
            "heavily | Weekends only, under 10 units | Weekends only, well under the limit "
            "| Drinks occasionally and by choice",
            ("Drink diary every day", C),
            ("Plan Friday evening differently", B),
        ),
        _idea(
            "Stop eating to calm down in the evenings",
            "Emotion regulation: urge surfing, other ways to soothe.",
            "Eats to calm down every evening | Most evenings | Two or three evenings a week "
            "| Once a week or less | Uses other ways to soothe; no shame spiral",
            ("Ten-minute delay when the urge comes", C),
            ("List five other ways to calm down", B),
        ),
        _idea(
            "Keep my temper at work",
            "Anger management: early warning signs, time-out, assertive alternatives.",
            "Shouts at colleagues weekly | Shouts monthly; apologises after | Leaves the "
            "room before shouting | Says what is wrong calmly most times | Known as someone "
            "who stays calm under pressure",
            ("Anger thermometer on the phone", C),
            ("Practise the time-out script", B),
        ),
    ),
    WORK: (
        _idea(
            "Hand in work on time, even if it is not perfect",
            "Perfectionism: set 'good enough' standards, test the feared consequence.",
            "Misses most deadlines polishing | Meets deadlines only with all-nighters | "
            "Meets most deadlines at an agreed standard | Meets deadlines and stops "
            "checking at one read | Hands in on time without distress",
            ("Define 'good enough' before starting", C),
            ("Survey: what do colleagues notice?", B),
        ),
        _idea(
            "Start tasks instead of putting them off",
            "Procrastination: break tasks down, start small, reward starting.",
            "Avoids important tasks until crisis | Starts only the day before | Starts "
            "within two days of setting | Starts most tasks the day they are set | Plans "
            "the week and keeps to it",
            ("25-minute starts each morning", C),
        ),
        _idea(
            "Leave work at six most days",
            "Boundaries around work hours; tolerate unfinished tasks overnight.",
            "Works until nine most nights | Leaves by eight | Leaves by six three days a "
            "week | Leaves by six most days | Leaves on time and switches off",
            ("Diary of leaving times", C),
        ),
    ),
    TRAUMA: (
        _idea(
            "Drive on the motorway again",
            "Trauma-focused CBT: reclaiming driving after the accident.",
            "Does not drive at all | Drives locally only | Drives the bypass with someone "
            "| Drives the bypass alone | Drives the motorway alone",
            ("Drive the bypass with a friend", C),
            ("Update the memory account", B),
        ),
        _idea(
            "Sleep without the nightmares waking me every night",
            "Imagery rehearsal and memory work for trauma nightmares.",
            "Nightmares every night | Four or five nights a week | Two or three nights | "
            "Once a week or less | Rare; goes back to sleep after",
            ("Rewrite the nightmare ending and rehearse it", C),
        ),
        _idea(
            "Feel less on edge when I hear sirens",
            "Reduce hyperarousal and startle; grounding skills.",
            "Panics at every siren | Freezes, takes an hour to settle | Startles, settles "
            "in ten minutes | Startles briefly | Notices and carries on",
            ("Grounding practice twice a day", C),
        ),
    ),
}

GENERIC_IDEAS: tuple[GoalIdea, ...] = (
    _idea(
        "Have one evening a week that is just for me",
        "Protect time for rest and enjoyment.",
        "No free evenings | One free evening a month | One evening a week most weeks | "
        "One evening every week | Two evenings a week and enjoys them",
        ("Choose the evening and tell the household", C),
    ),
    _idea(
        "Get back to the choir",
        "Re-engage with a valued activity and the people in it.",
        "Has not been for a year | Has emailed the choir leader | Goes once a month | "
        "Goes most weeks | Goes every week and has joined the concert",
        ("Email the choir leader", C),
    ),
    _idea(
        "Ask for help before things get too much",
        "Earlier help-seeking; name the signs and the people.",
        "Asks nobody until crisis | Asks only in crisis | Asks one person when struggling "
        "| Asks early most times | Has a circle of people to ask",
        ("List who I could ask, and for what", C),
    ),
    _idea(
        "Feel more like myself again",
        "Broad aim; to be narrowed into specific goals.",
        "Feels a stranger to self most days | Some days feel like self | About half the "
        "days | Most days | Feels like self again",
        ("Notice the days that feel like me", C),
    ),
)

# What the clinician wrote beside a quality-check answer that was not a plain yes.
QUALITY_NOTES: dict[QualityAspect, tuple[str, ...]] = {
    QualityAspect.FOCUSED: (
        "Still broad; agreed to name one situation to start with.",
        "Two goals in one; may split it at the next review.",
    ),
    QualityAspect.REALISTIC: (
        "Not while the night shifts continue; revisit in the spring.",
        "Depends on the GP changing the medication; unsure for now.",
    ),
    QualityAspect.COORDINATED: (
        "Is this what they want, or what the family expects? Keep asking.",
        "Fits their wish for independence, but clashes with caring duties.",
    ),
}

RATING_NOTES: dict[str, tuple[str, ...]] = {
    "up": (
        "Clear step forward; client surprised themselves.",
        "A step up since the last rating; rated together.",
        "Managed it three times since the last rating.",
    ),
    "same": (
        "Holding steady.",
        "Some good days, some not; about the same overall.",
    ),
    "down": (
        "A harder month; work stress got in the way.",
        "Slipped back after the family visit; talked about what would help.",
    ),
}
