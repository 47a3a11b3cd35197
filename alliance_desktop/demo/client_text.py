"""The invented names and the therapist's wording the demo practice draws from.

Values are what matters to the client, in their words or close to them; concerns are what
brought them, written the way a clinician notes them at intake. `{year}` is the year the
client started and `{earlier}` a year or so before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_desktop.domain.client import ClientStatus


@dataclass(frozen=True)
class ShowcaseClient:
    name: str
    preferred_name: str
    pronouns: str
    status: ClientStatus
    archived: bool = False


# The small demo is exactly these: every status, and the names that break careless code
# (accents, Greek and Cyrillic script, an apostrophe, a long double-hyphenated name).
SHOWCASE_CLIENTS: tuple[ShowcaseClient, ...] = (
    ShowcaseClient("Zoë Abernathy-Okafor", "Zo", "she/her", ClientStatus.ACTIVE),
    ShowcaseClient("Siobhán O'Connor", "", "she/they", ClientStatus.ACTIVE),
    ShowcaseClient("José Luis Fernández Castellanos", "Pepe", "he/him", ClientStatus.ENDING),
    ShowcaseClient("Ελένη Παπαδοπούλου", "Eleni", "she/her", ClientStatus.ACTIVE),
    ShowcaseClient("Дмитрий Соколов", "Dima", "he/him", ClientStatus.INTAKE),
    ShowcaseClient(
        "Margarethe-Annelise Lindqvist-Nakamura-Osei", "Anne", "they/them", ClientStatus.ACTIVE
    ),
    ShowcaseClient("Nguyễn Thị Mai", "Mai", "she/her", ClientStatus.ENDED, archived=True),
    ShowcaseClient("Kwame Mensah-D'Souza", "", "he/him", ClientStatus.ACTIVE),
    ShowcaseClient("Björn Ekström", "", "he/him", ClientStatus.HANDED_OVER, archived=True),
    ShowcaseClient("Priya Choudhury", "", "she/her", ClientStatus.INTAKE),
    ShowcaseClient("Robin Thornbury", "", "they/them", ClientStatus.ENDING),
    ShowcaseClient("Małgorzata Dąbrowska", "Gosia", "she/her", ClientStatus.ENDED),
)

# (given name, usual pronouns): pronouns are recorded as the client states them.
GIVEN_NAMES: tuple[tuple[str, str], ...] = (
    *(
        (name, "she/her")
        for name in (
            "Amara",
            "Mei",
            "Fatima",
            "Ingrid",
            "Renée",
            "Lucía",
            "Aoife",
            "Chiamaka",
            "Yuki",
            "Leila",
            "Margit",
            "Nadia",
            "Hannah",
            "Rosa",
            "Tamsin",
            "Marta",
            "Mariana",
            "Marguerite",
            "Maryam",
            "Ngozi",
            "Astrid",
            "Élodie",
            "Thandiwe",
            "Ayşe",
            "Dagný",
            "Ruth",
            "Beatriz",
            "Saoirse",
            "Ana",
            "Mária",
            "Tamara",
            "Greta",
        )
    ),
    *(
        (name, "he/him")
        for name in (
            "José",
            "Tomasz",
            "Kwabena",
            "Arjun",
            "Omar",
            "Mateus",
            "Ciarán",
            "Hiroshi",
            "Emeka",
            "Luca",
            "Rafael",
            "Mohammed",
            "Søren",
            "Ferdinand",
            "Marek",
            "Tariq",
            "Ibrahim",
            "Niall",
            "Felipe",
            "Joaquín",
            "Henrik",
            "Jamal",
            "Mario",
            "Marius",
            "Andrés",
            "Dũng",
        )
    ),
    *((name, "they/them") for name in ("Alex", "Sam", "Robin", "Jordan", "Kai", "Ren", "Eden")),
    ("Sasha", "she/they"),
    ("Noor", "she/her"),
    ("Charlie", "he/they"),
)

FAMILY_NAMES: tuple[str, ...] = (
    "Abernathy",
    "Okafor",
    "Nakamura",
    "Lindqvist",
    "Fernández",
    "Ó Briain",
    "O'Connor",
    "D'Souza",
    "Nguyễn",
    "Kowalczyk",
    "Haddad",
    "Papadakis",
    "Sørensen",
    "Adeyemi",
    "Castellanos",
    "Rahman",
    "Novák",
    "Brennan",
    "Hollis",
    "Whitlock",
    "Varga",
    "Ekström",
    "Moreau",
    "Bianchi",
    "Choudhury",
    "Mensah",
    "Takahashi",
    "Kaya",
    "Petrović",
    "Delacroix",
    "MacLeod",
    "Ferreira",
    "Szabó",
    "Quispe",
    "Halvorsen",
    "Mwangi",
    "Yılmaz",
    "Goldberg",
    "Osei",
    "Ibarra",
    "Thornbury",
    "Lefèvre",
    "Dąbrowski",
    "Marchetti",
    "Amari",
    "Ó Súilleabháin",
)

VALUES: tuple[str, ...] = (
    "wants to be a patient parent",
    "being someone friends can rely on",
    "wants to finish the degree for themselves, not for the family",
    "honesty, even when it costs something",
    "a calm home",
    "keeping up the painting: 'the part of me that is mine'",
    "staying connected to the church community",
    "looking after their health without it taking over",
    "fairness at work; speaking up for the junior staff",
    "rest without guilt",
    "making decisions without checking with everyone first",
    "being close to the grandchildren",
    "wants work to be part of life, not all of it",
    "'I want to stop living small'",
    "kindness towards self, not only towards others",
    "keeping the family's language alive at home",
    "travelling again; adventure",
    "being present with their partner in the evenings",
    "learning new things; curiosity",
    "being a good colleague without rescuing everyone",
    "music: singing in the choir again",
    "wants the children to see a parent who copes",
)

CONCERNS: tuple[str, ...] = (
    "panic in crowded places since {earlier}",
    "low mood since the redundancy in {year}",
    "sleep broken since the baby arrived; up most nights",
    "grief after mother's death ({earlier}); 'stuck'",
    "conflict with partner about money and chores",
    "drinking more than they would like at weekends",
    "burnout; signed off work for six weeks in {year}",
    "intrusive memories of the car accident ({earlier})",
    "perfectionism; holds on to work until it is 'perfect', then misses deadlines",
    "social anxiety: dreads team meetings, leaves parties early",
    "health worry; checks symptoms online most evenings",
    "loneliness since moving here from abroad in {earlier}",
    "anger at work that frightens them afterwards",
    "long-standing sense of not being good enough",
    "anxiety since the birth of their second child",
    "exhausted from caring for a parent with dementia",
    "fear of coming out to family",
    "eating in the evenings to calm down; ashamed afterwards",
    "procrastination now putting the job at risk",
    "relationship ended in {year}; ruminating, not sleeping",
    "chronic back pain and the low mood that came with it",
    "hard to trust people after a controlling relationship",
    "exam anxiety; blanked in the {year} resits",
)

REFERRAL_SOURCES: tuple[str, ...] = (
    "GP",
    "Self-referred (practice website)",
    "Employee assistance programme",
    "University counselling service",
    "Recommended by a former client",
    "Psychiatrist (community mental health team)",
    "Insurance panel",
)

HANDOVER_RECIPIENTS: tuple[str, ...] = (
    "Dr Amelie Brandt (Northside Psychology)",
    "Jonah Whitfield, CBT therapist",
    "the Wrenfield community mental health team",
    "Dr Ikenna Obi, clinical psychologist",
)

# An emergency contact's relation to the client, by the contact's pronouns.
EMERGENCY_RELATIONS: dict[str, tuple[str, ...]] = {
    "she/her": ("sister", "mother", "wife", "partner", "friend"),
    "he/him": ("brother", "father", "husband", "partner", "friend"),
    "": ("partner", "friend", "flatmate"),
}

# Phrases that only fit a client of a certain age (inclusive); the rest fit anyone adult.
AGE_RANGES: dict[str, tuple[int, int]] = {
    "wants to be a patient parent": (24, 60),
    "wants to finish the degree for themselves, not for the family": (18, 35),
    "being close to the grandchildren": (55, 99),
    "wants the children to see a parent who copes": (25, 60),
    "low mood since the redundancy in {year}": (22, 66),
    "burnout; signed off work for six weeks in {year}": (22, 66),
    "sleep broken since the baby arrived; up most nights": (22, 45),
    "anxiety since the birth of their second child": (24, 45),
    "exhausted from caring for a parent with dementia": (40, 70),
    "exam anxiety; blanked in the {year} resits": (18, 28),
}

STREETS: tuple[str, ...] = (
    "Orchard Row",
    "Kiln Lane",
    "Ferris Street",
    "Heron Close",
    "Lantern Walk",
    "Quarry Hill",
    "Marlowe Terrace",
    "Saltings Road",
)

TOWNS: tuple[str, ...] = ("Easthaven", "Millbrook", "Ashcombe", "Wrenfield", "Lower Tolling")
