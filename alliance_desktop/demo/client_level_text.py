"""Each demo goal's levels as the client would say them, first person, written with the client.

These are the only level words the client's own pages print; the clinician's shorthand in
goal_text.py ("calls self 'useless'") stays in the clinician's record. Gentle at the low end:
they describe where someone is, never a verdict on them."""

from __future__ import annotations

# Keyed by the goal's words; -2 .. +2, separated by ' | ' as in goal_text.py.
_WORDINGS = {
    "I want to get the bus to work without panicking": "I'm not taking the bus yet; I get lifts "
    "or taxis | I take the bus with someone, or get off early | I take the bus on my own three "
    "days a week, even if I feel anxious | I take the bus on my own most days and the "
    "anxiety settles quickly | I take the bus without thinking about it, even at rush hour",
    "Stop checking my body for signs of illness every night": "I spend a long time checking "
    "every evening | I check most evenings, for less time | I check twice a week at most | I "
    "notice the urge and let it pass most times | I don't check; I see the GP when there's a "
    "real reason",
    "Speak up in team meetings instead of staying silent": "I keep quiet in meetings for now | "
    "I speak when someone asks me | I make one planned comment in each meeting | I speak up "
    "without planning now and then | I lead an item on the agenda",
    "Get out of the house every day, even for a short walk": "I'm staying in on most days for "
    "now | I go out two or three days a week | I go out five days a week | I go out every day, "
    "sometimes for longer | I go out every day and do something regular with other people",
    "Be kinder to myself when things go wrong": "The critical voice is loud most of the day | "
    "I notice the critical voice, even when I believe it | I answer the critic kindly some of "
    "the time | I answer the critic kindly most of the time | I treat myself the way I'd "
    "treat a friend",
    "Find work that fits me after the redundancy": "I'm not ready to look yet | I look at jobs "
    "without applying | I send two applications a month | I get an interview | I accept a job "
    "that fits me",
    "Sleep through more nights and wake less tired": "Most nights I sleep under five hours | "
    "I sleep about five hours, with long wakings | I sleep six hours most nights | I sleep "
    "seven hours most nights and sometimes wake rested | I sleep well most nights without "
    "thinking about it",
    "Go back to work without burning out again": "I'm not back at work yet | I'm back part-time "
    "and still working late at home | I work my agreed hours and keep most evenings free | I "
    "work full hours with breaks and no weekend work | I work full hours and I've said no to "
    "extra projects",
    "Share the caring for mum so I get some time back": "I do all of mum's care on my own | "
    "I've asked for help, though none is arranged yet | Someone else covers one afternoon a "
    "week | I have two regular breaks a week | The caring is shared and I've booked a weekend "
    "away",
    "Be able to talk about mum without falling apart": "Saying her name is still too painful |"
    " I talk about her in our sessions | I talk about her with one close person | I share "
    "memories of her with the family | I can remember her with warmth as well as sadness",
    "Stop going over the break-up every night": "I go over it for hours every night | I go over"
    " it most nights, for an hour or more | A few nights a week, for less time | Rarely; I can "
    "turn my attention elsewhere | I can think about it without getting stuck",
    "Sort out the flat without it taking over my life": "I haven't opened the door of her room "
    "yet | I've looked in, though I couldn't start | I sort one box a week | The main rooms are "
    "done | It's done, and I've chosen the things to keep",
    "Talk about money with my partner without it becoming a row": "Our money talks end in "
    "shouting | We avoid the subject | We have one calm talk a month | We have a weekly money "
    "check-in that mostly works | We have a budget we both feel fine about",
    "Tell my sister who I really am": "I haven't told anyone in my family yet | I've told a "
    "friend | I've planned what to say to my sister | I've told my sister | I've told my sister"
    " and I feel supported",
    "Trust people a bit more without feeling stupid": "I keep people at a distance for now | "
    "I see one old friend, still on guard | I meet two friends regularly | I've let someone new"
    " in a little | I feel safe enough to rely on a few people",
    "Drink only at weekends, and not to get drunk": "I drink most evenings, often a lot | I "
    "drink four evenings a week, less heavily | I drink at weekends only, under 10 units | I "
    "drink at weekends only, well under the limit | I drink now and then, by choice",
    "Stop eating to calm down in the evenings": "I eat to calm down every evening | I do it "
    "most evenings | Two or three evenings a week | Once a week or less | I have other ways to "
    "soothe myself, without the shame spiral",
    "Keep my temper at work": "I lose my temper at work most weeks | I lose it about once a "
    "month and put it right after | I leave the room before I shout | I say calmly what's wrong"
    " most times | People know me as someone who stays calm under pressure",
    "Hand in work on time, even if it is not perfect": "I miss most deadlines while I polish | "
    "I meet deadlines only by working all night | I meet most deadlines at the standard we "
    "agreed | I meet deadlines and stop checking after one read | I hand work in on time "
    "without distress",
    "Start tasks instead of putting them off": "I put important tasks off until the last "
    "moment | I start the day before | I start within two days | I start most tasks the day I "
    "get them | I plan my week and keep to it",
    "Leave work at six most days": "I work until nine most nights | I leave by eight | I leave "
    "by six three days a week | I leave by six most days | I leave on time and switch off",
    "Drive on the motorway again": "I'm not driving yet | I drive locally | I drive the bypass "
    "with someone | I drive the bypass on my own | I drive the motorway on my own",
    "Sleep without the nightmares waking me every night": "Nightmares wake me every night | "
    "Four or five nights a week | Two or three nights a week | Once a week or less | Rarely, "
    "and I get back to sleep",
    "Feel less on edge when I hear sirens": "Sirens set off panic for me | I freeze and take an"
    " hour to settle | I startle and settle within ten minutes | I startle only briefly | I "
    "notice them and carry on",
    "Have one evening a week that is just for me": "I have no evenings for myself yet | I have"
    " one free evening a month | I have an evening for me most weeks | I have an evening for me"
    " every week | I have two evenings a week and I enjoy them",
    "Get back to the choir": "I haven't been to the choir for a while | I've emailed the choir "
    "leader | I go once a month | I go most weeks | I go every week and I'm singing in the "
    "concert",
    "Ask for help before things get too much": "I keep things to myself until they get too "
    "much | I ask for help when things are at their worst | I ask one person when I'm "
    "struggling | I ask early, most times | I have a circle of people I can ask",
    "Feel more like myself again": "Most days I don't feel like myself | Some days I feel like "
    "myself | About half the days I feel like myself | Most days I feel like myself | I feel "
    "like myself again",
}


def client_wording(words: str) -> tuple[str, str, str, str, str]:
    """The goal's five levels in the client's words; blank when none were written."""
    text = _WORDINGS.get(words)
    if text is None:
        return ("", "", "", "", "")
    parts = tuple(part.strip() for part in text.split("|"))
    assert len(parts) == 5, words
    return parts
