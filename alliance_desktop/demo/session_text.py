"""How the demo therapist writes about sessions: agendas, progress notes and process notes.

A progress note is put together as "{name} {report}. {work} {plan}": what the client brought,
what was done, what was agreed. Every phrase is invented and deliberately ordinary.
"""

from __future__ import annotations

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
from alliance_desktop.domain.session import SessionStatus

# What the client brought, in the words written on the agenda line.
AGENDAS: dict[str, tuple[str, ...]] = {
    ANXIETY: (
        "Panic on the train on Tuesday",
        "Wants to plan the next step on the ladder",
        "Dreading the team away-day",
        "Checked symptoms online most nights again",
        "Managed the supermarket alone; wants to talk about it",
    ),
    MOOD: (
        "Flat week; stayed in bed at the weekend",
        "A job application was rejected",
        "Wants to talk about the 'not good enough' voice",
        "Good few days; wants to understand why",
        "Anniversary of the redundancy coming up",
    ),
    EXHAUSTION: (
        "Sleep worse again",
        "Return-to-work meeting next week",
        "Mum had a fall; back to visiting daily",
        "Wants help saying no to extra shifts",
        "Tried the wind-down routine; mixed results",
    ),
    LOSS: (
        "Mum's birthday on Sunday",
        "Sorting the flat; found old letters",
        "Saw the ex at a friend's party",
        "Wants to talk about feeling guilty for laughing",
        "Cannot face the memorial planning",
    ),
    RELATIONSHIPS: (
        "Row with partner about the holiday money",
        "Thinking about telling my sister",
        "Felt checked up on again at home",
        "Wants to practise what to say at the weekend",
        "A good conversation for once",
    ),
    HABITS: (
        "Drank more than planned at the wedding",
        "Snapped at a colleague; frightened afterwards",
        "Three evenings without the evening eating",
        "Wants to look at the weekend pattern",
        "Slip on Friday; wants to understand it",
    ),
    WORK: (
        "Report deadline on Friday, not started",
        "Sent a piece of work 'unfinished' on purpose",
        "Manager's feedback stung",
        "Wants to plan the week in session",
        "Avoided the inbox all week",
    ),
    TRAUMA: (
        "Nightmares back after the near-miss on the roundabout",
        "Drove on the bypass for the first time",
        "Wants to continue the memory work",
        "The anniversary of the accident is next month",
        "Startled badly at a siren; wants to talk about it",
    ),
}

GENERIC_AGENDAS: tuple[str, ...] = (
    "Nothing in particular; see what comes",
    "Wants to review how things are going",
    "Family visit at the weekend",
    "Holiday plans and the break from sessions",
    "Something from last session stayed with me",
)

# "{name} {report}." — what the client reported since last time.
REPORTS: dict[str, tuple[str, ...]] = {
    ANXIETY: (
        "reported two panic attacks on the commute, both passing within ten minutes",
        "described staying on the bus for four stops before getting off",
        "arrived tense after a bad night of checking symptoms",
        "reported going to the supermarket at a busy time and staying to the end",
        "described avoiding a friend's party and feeling relieved, then low",
    ),
    MOOD: (
        "described a flat week with little energy and most plans cancelled",
        "reported getting out for a walk on four days",
        "arrived brighter; had met a friend for coffee",
        "described a harsh inner commentary after the rejection letter",
        "reported sleeping late at weekends and feeling worse for it",
    ),
    EXHAUSTION: (
        "reported about five hours of broken sleep most nights",
        "described the week as 'running on empty'",
        "reported keeping to the wind-down routine on three nights",
        "described guilt at taking an afternoon off from caring",
        "arrived tired after two extra shifts",
    ),
    LOSS: (
        "spoke about missing mum most in the early evenings",
        "described a wave of grief while sorting the kitchen drawer",
        "reported ruminating about the break-up late at night",
        "described feeling guilty for enjoying a day out",
        "reported visiting the grave for the first time since the funeral",
    ),
    RELATIONSHIPS: (
        "described another argument at home about money",
        "reported a calm conversation with their partner about chores",
        "spoke about feeling watched when messages are not answered quickly",
        "described rehearsing what to say to their sister and stopping short",
        "reported saying no to a request and nothing terrible happening",
    ),
    HABITS: (
        "reported drinking on two evenings rather than four",
        "described eating late on Wednesday after a hard call",
        "reported noticing the anger rising and leaving the room",
        "described a lapse at the weekend and a quick return to the plan",
        "reported three alcohol-free days in a row",
    ),
    WORK: (
        "reported starting the report early and stopping at 'good enough'",
        "described a night of re-checking one spreadsheet",
        "reported missing a deadline and telling the manager in good time",
        "described avoiding email until late afternoon most days",
        "reported handing in work without a final read-through",
    ),
    TRAUMA: (
        "reported two nightmares about the accident this week",
        "described driving on the bypass with some anxiety that settled",
        "reported startling at loud noises less often",
        "described avoiding the junction where the accident happened",
        "reported the flashbacks feeling 'further away'",
    ),
}

# One or two sentences of what was done in the session.
WORK_DONE: dict[str, tuple[str, ...]] = {
    ANXIETY: (
        "We drew the panic cycle for Tuesday's attack and named the safety behaviours.",
        "Planned the next step on the exposure ladder; expected anxiety 6/10.",
        "Practised slow breathing and noticing without fighting the sensations.",
        "Looked at the cost of checking; predicted and actual anxiety compared.",
    ),
    MOOD: (
        "Reviewed the activity diary; mood higher on days with something planned.",
        "Explored the self-critical voice and where it learnt its lines.",
        "Scheduled three small valued activities for the week.",
        "Worked on a more compassionate reply to the 'not good enough' thought.",
    ),
    EXHAUSTION: (
        "Looked at the sleep diary; bedtime drifting later on work nights.",
        "Mapped where the energy goes in a week; named one thing to drop.",
        "Role-played saying no to the extra shift.",
        "Talked about asking the sibling to share visits to mum.",
    ),
    LOSS: (
        "Gave space to the grief; talked about mum's last months.",
        "Explored the guilt about moving on; what mum would have said.",
        "Looked at the rumination loop at night and what interrupts it.",
        "Planned how to mark the anniversary in a way that feels right.",
    ),
    RELATIONSHIPS: (
        "Looked at the argument step by step; both sides' needs named.",
        "Practised asking for what is needed without blaming.",
        "Explored the fear of the family's reaction and what support exists.",
        "Linked the feeling of being watched to the earlier relationship.",
    ),
    HABITS: (
        "Chain analysis of Wednesday's evening eating: trigger, urge, action, after.",
        "Reviewed the drinking diary; urges strongest on Friday after work.",
        "Built an 'anger thermometer' with early warning signs.",
        "Planned what to do in the first ten minutes of an urge.",
    ),
    WORK: (
        "Set a 'good enough' standard for the report before starting.",
        "Broke the application into three 25-minute pieces.",
        "Looked at what the perfectionism protects against.",
        "Planned the week in session with the hardest task first.",
    ),
    TRAUMA: (
        "Continued the memory work; distress peaked at 7/10 and came down to 3.",
        "Grounding practice with the five senses; used it twice in session.",
        "Updated the meaning of the memory: 'I could not have seen the car'.",
        "Planned the next driving step with a friend in the car.",
    ),
}

FOCUS_WORK: dict[str, tuple[str, ...]] = {
    "Ventilation": (
        "Mostly space to talk; I listened and reflected back.",
        "A heavy week to put down; little structured work today.",
    ),
    "Crisis support": (
        "Checked safety: no thoughts of harm; support from a friend this weekend.",
        "Made a plan for the next 48 hours and who to call.",
    ),
    "Psychoeducation": (
        "Explained the stress response and why avoidance keeps fear going.",
        "Went through how sleep pressure works; handout given.",
    ),
    "Goal review": (
        "Rated the goals together; talked about what helped and what got in the way.",
        "Reviewed progress on the goals and adjusted the next step.",
    ),
    "Ending and relapse prevention": (
        "Wrote the 'what helped' list together and named early warning signs.",
        "Talked about how it feels to be ending; some sadness, some pride.",
    ),
}

PLANS: dict[str, tuple[str, ...]] = {
    ANXIETY: (
        "Plan: two practice journeys, staying until the anxiety halves.",
        "Agreed: no symptom checking after 8 pm; note the urge instead.",
        "Plan: go to the café at a busy time once this week.",
    ),
    MOOD: (
        "Plan: keep the activity diary and add one walk.",
        "Agreed: write one kind sentence to self each evening.",
        "Plan: contact one friend before next session.",
    ),
    EXHAUSTION: (
        "Plan: same wake-up time every day, including Sunday.",
        "Agreed: say no to one extra shift this week.",
        "Plan: phone the carers' line about respite.",
    ),
    LOSS: (
        "Plan: visit the bench by the river on Sunday.",
        "Agreed: 15 minutes of 'grief time' instead of fighting it at night.",
        "Plan: look at the photographs with her brother.",
    ),
    RELATIONSHIPS: (
        "Plan: suggest a weekly money conversation at a calm time.",
        "Agreed: practise one 'I' statement this week.",
        "Plan: write down what to say to the sister, no deadline to send it.",
    ),
    HABITS: (
        "Plan: keep the diary; two alcohol-free evenings at the weekend.",
        "Agreed: ten-minute delay and a walk when the urge comes.",
        "Plan: tell one colleague about the early warning signs.",
    ),
    WORK: (
        "Plan: send the draft by Thursday at the agreed standard.",
        "Agreed: email twice a day at set times.",
        "Plan: notice the 'one more check' urge and stop at one.",
    ),
    TRAUMA: (
        "Plan: drive the bypass twice with a friend.",
        "Agreed: grounding before bed on nightmare nights.",
        "Plan: read the updated account of the memory once a day.",
    ),
}

GENERIC_PLANS: tuple[str, ...] = (
    "Next session as usual.",
    "Plan: notice what helps this week and bring it next time.",
    "Agreed to pick this up next week.",
)

INTAKE_NOTES: tuple[str, ...] = (
    "Assessment. {name} described {concern}. No risk to self or others disclosed. "
    "Explained confidentiality and its limits; consent form signed. Hopes for therapy: "
    "'to feel like myself again'. Agreed to meet weekly and review after six sessions.",
    "First meeting. {name} came because of {concern}. Talked about what they want from "
    "therapy and how we might work. Risk screen clear. Agreed an initial six sessions.",
)

REVIEW_NOTES: tuple[str, ...] = (
    "Review session. Rated the goals together and looked at the alliance check-ins over "
    "the last weeks. {name} feels the work is 'on the right track'; agreed to continue.",
    "Review. Went through what has changed since we started and what has not. Adjusted one "
    "goal; agreed to keep meeting at the same time.",
)

ENDING_NOTES: tuple[str, ...] = (
    "Final session. Went through the maintenance plan together: what helped, warning "
    "signs, who to call. {name} said the work 'gave me my evenings back'. Door left open "
    "for a follow-up.",
    "Last session. Reviewed the goals and the journey since the start. Some sadness at "
    "ending, mostly pride. Relapse-prevention plan given to take away.",
)

FOLLOW_UP_NOTES: tuple[str, ...] = (
    "Follow-up six weeks after ending. {name} keeping up the plan; one wobble handled well. "
    "No further sessions needed for now.",
)

# Short notes for sessions that did not take place.
ABSENCE_NOTES: dict[SessionStatus, tuple[str, ...]] = {
    SessionStatus.CANCELLED: (
        "Cancelled the day before (child unwell).",
        "Cancelled by text two days ahead; work trip.",
        "Cancelled; on holiday this week.",
    ),
    SessionStatus.LATE_CANCELLED: (
        "Cancelled an hour before; car broke down. Fee waived this once.",
        "Late cancellation by text, no reason given; will ask next time.",
    ),
    SessionStatus.NO_SHOW: (
        "Did not attend; sent a short text to check in.",
        "No-show; rang later to apologise, had forgotten.",
    ),
    SessionStatus.CLINICIAN_CANCELLED: (
        "I was unwell; offered a phone call instead.",
        "My annual leave, planned in advance.",
    ),
}

# Process notes: the clinician's own reactions, kept apart from the record.
PRIVATE_NOTES: tuple[str, ...] = (
    "Noticed I rushed to reassure when they went quiet. My tiredness? Take to supervision.",
    "Felt protective today; watch for doing too much of the work for them.",
    "I was more directive than usual. Check next time how that landed.",
    "Something about the way they described their father stayed with me afterwards.",
    "Bored in the middle stretch; usually means something is being avoided. By whom?",
    "Warm session. I liked the humour coming back.",
    "Wondered whether they say what they think I want to hear. Ask about it gently.",
    "Ran five minutes over; I let it happen. Hold the boundary next week.",
)

RUPTURE_PRIVATE_NOTES: tuple[str, ...] = (
    "I pushed the homework too hard; the irritation was fair. Own it next time.",
    "The flat 'fine' after my suggestion. I felt shut out and went on explaining anyway.",
    "Stung by the comment about progress. Supervision: my need to be helpful.",
)
