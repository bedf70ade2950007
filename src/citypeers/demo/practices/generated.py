"""A deterministic set of clearly made-up practices, so that the demo library feels lived-in.

Every summary says in its first sentence that the practice is made up (``DEMO_SENTENCE``).
"""

import datetime
import random

from citypeers.demo.practices.themes import PRACTICE_TYPES, THEMES

SIZE_HINTS = ("small", "medium", "large", "metropolis")
SIZE_WEIGHTS = (35, 35, 20, 10)

DEMO_SENTENCE = "Demo data: this practice is made up for the citypeers demo."

# ---------------------------------------------------------------------------------------------
# Building blocks for generated (made-up) practices
# ---------------------------------------------------------------------------------------------

# What the practice is about; written to follow "the".
SUBJECTS = (
    "former textile mill",
    "Roman aqueduct",
    "wooden churches",
    "industrial harbour",
    "Jewish quarter",
    "Art Nouveau facades",
    "mining landscape",
    "medieval town walls",
    "disused railway station",
    "paper mill",
    "fishing village",
    "Baroque monastery",
    "modernist housing estate",
    "watermills along the river",
    "tobacco factory",
    "port warehouses",
    "castle ruins",
    "covered market hall",
    "shipyard cranes",
    "fortified church",
    "salt works",
    "brick kilns",
    "Cold War bunkers",
    "workers' colony",
    "spa pavilions",
    "stone bridge",
    "timber-frame houses",
    "former sugar refinery",
    "lighthouse and harbour front",
    "river harbour",
    "socialist-era cinema",
    "former village school",
    "Roman villa",
    "vineyard terraces",
    "canal locks",
    "tram depot",
    "synagogue",
    "Hanseatic merchant houses",
    "windmills",
    "former slaughterhouse",
    "village churches",
    "garden city",
)

# (approach, how it works, the type of practice it most often is); approaches read without
# an article so they fit any title template.
APPROACHES = (
    (
        "participatory budgeting",
        "residents decide by vote how part of the heritage budget is spent",
        "policy",
    ),
    (
        "volunteer stewardship",
        "trained volunteers look after the site and open it to visitors",
        "structure",
    ),
    (
        "digital storytelling",
        "residents record stories, photos and films that are shared online and on site",
        "project",
    ),
    (
        "adaptive re-use",
        "empty spaces get new uses chosen together with the neighbourhood",
        "project",
    ),
    (
        "heritage walks with newcomers",
        "newcomers and long-time residents explore the area together and swap stories",
        "event",
    ),
    (
        "school partnerships",
        "local schools use the site for lessons and pupils help to research its history",
        "project",
    ),
    (
        "co-management agreements",
        "the municipality and a residents' association share management under a written agreement",
        "structure",
    ),
    (
        "meanwhile uses",
        "temporary uses test new activities before a lasting plan is made",
        "project",
    ),
    (
        "crowdfunding with residents",
        "residents and local businesses fund repairs through a public campaign",
        "project",
    ),
    (
        "craft apprenticeships",
        "young people learn traditional building crafts by working on the site",
        "project",
    ),
    (
        "open-house weekends",
        "owners and residents open normally closed doors to the public once a year",
        "event",
    ),
    (
        "oral history circles",
        "older residents share memories in small groups and volunteers record them",
        "project",
    ),
    (
        "citizen science",
        "residents help survey and monitor the condition of the heritage",
        "project",
    ),
    (
        "small grants for owners",
        "owners receive modest grants and advice for careful repairs",
        "policy",
    ),
    (
        "artist residencies",
        "artists live and work on site and create new work with residents",
        "project",
    ),
    (
        "a community land trust",
        "a trust owned by residents holds the property for the long term",
        "structure",
    ),
    (
        "digital archiving with residents",
        "residents bring photos and documents to be scanned into a shared digital archive",
        "project",
    ),
    (
        "tax relief for careful restoration",
        "owners who restore with traditional methods pay less local property tax",
        "policy",
    ),
    (
        "heritage-led planning rules",
        "the local plan protects the character of the area and guides new building",
        "policy",
    ),
    (
        "intergenerational workshops",
        "young and older residents work together on hands-on heritage activities",
        "event",
    ),
    (
        "a neighbourhood heritage festival",
        "a yearly festival of tours, music and food celebrates the local heritage",
        "event",
    ),
    (
        "a social enterprise operator",
        "a social enterprise runs the building and reinvests its income in the community",
        "structure",
    ),
    (
        "volunteer-led guided tours",
        "volunteer guides show residents and visitors around the site",
        "event",
    ),
    (
        "repair workshops for old houses",
        "owners learn to maintain historic houses with traditional materials",
        "event",
    ),
    (
        "a heritage advisory council",
        "residents, owners and experts advise the city council on heritage decisions",
        "structure",
    ),
)

SETTLEMENTS = {
    "small": ("small town", "rural municipality", "market town", "village community"),
    "medium": ("medium-sized town", "river town", "regional centre", "former industrial town"),
    "large": ("city", "university city", "port city", "regional capital"),
    "metropolis": ("metropolitan city", "capital city", "district of a capital city"),
}

# Title templates; {Approach} is the approach with a capital letter.
TITLE_TEMPLATES = (
    "{Approach} for the {subject}",
    "The {subject}: {approach} in a {settlement}",
    "Bringing the {subject} back to life with {approach}",
    "{Approach} around the {subject}",
    "Caring for the {subject} through {approach}",
    "A new future for the {subject}: {approach}",
    "From neglect to use: {approach} at the {subject}",
    "Whose heritage? {Approach} and the {subject}",
    "Living with the {subject}: {approach} in a {settlement}",
)

TAGLINE_TEMPLATES = (
    "A {settlement} uses {approach} to {goal} the {subject}.",
    "How a {settlement} and its residents {goal} the {subject} through {approach}.",
    "With {approach}, a {settlement} sets out to {goal} the {subject}.",
)

GOALS = (
    "revive",
    "open up",
    "look after",
    "give a future to",
    "rediscover",
    "share the stories of",
    "protect and use",
)

PROBLEMS = (
    "The {subject} had been neglected for years and had slowly fallen into disrepair.",
    "Few residents knew the history of the {subject}, which played little part in local life.",
    "Maintenance costs for the {subject} were rising while the municipal budget was shrinking.",
    "Protected on paper, the {subject} had long been closed to the public.",
    "Pressure for redevelopment threatened the character of the {subject} and its surroundings.",
    "The history of the {subject} touches on a difficult past that the community had long "
    "avoided discussing.",
    "Young people and newcomers felt little connection to the {subject}.",
    "Responsibility for the {subject} was split between several owners and departments.",
)

AMBITIONS = (
    "The municipality wanted residents to take part in deciding what happens next.",
    "Local associations asked the city for a say in the decisions.",
    "The aim was to find new uses without losing the character of the place.",
    "The challenge was to find a use that serves the neighbourhood as well as visitors.",
)

FIRST_STEPS = (
    "Mapped the {subject}, its owners, users and neighbours.",
    "Surveyed the condition of the {subject} with heritage specialists.",
    "Held an open meeting with residents about the future of the {subject}.",
    "Collected existing knowledge about the {subject} from archives and residents.",
)

LATER_STEPS = (
    "Trained a first group of volunteers and staff.",
    "Invited local schools to join with their pupils.",
    "Ran a pilot year and adjusted the approach with the participants.",
    "Presented the first results at a public event.",
    "Wrote down roles and responsibilities in a short agreement.",
    "Evaluated the work with the partners and planned the next steps.",
)

GOVERNANCE_LINES = (
    "The municipality leads, with a steering group of residents, owners and heritage experts "
    "that meets a few times a year.",
    "A local association runs the day-to-day work under an agreement with the municipality.",
    "The regional heritage office advises on all physical interventions.",
    "A foundation set up for the purpose owns the site; the municipality and residents sit on "
    "its board.",
    "A university partner documents the process and helps to evaluate it.",
    "Decisions are prepared in open meetings and taken jointly by the partners.",
)

RESOURCE_LINES = (
    "The annual budget is about EUR {budget}, mostly from the municipal culture budget.",
    "One staff member works on the practice part-time, supported by volunteers.",
    "Start-up costs were covered by a regional heritage grant; the partners share running costs.",
    "Much of the work is done by volunteers; the municipality pays for materials, insurance "
    "and training.",
    "A small crowdfunding campaign paid for the first repairs.",
    "Partners contribute rooms, equipment and staff time rather than money.",
)

RESULT_LINES = (
    "About {volunteers} volunteers now take part regularly.",
    "The public can visit the {subject} again at weekends and for events.",
    "Several hundred residents took part in activities in the first year.",
    "Local schools now use the site for lessons.",
    "The approach has been written into the municipal cultural strategy.",
    "Visitor numbers have grown steadily without harming the site.",
    "Participants report a stronger sense of belonging to their neighbourhood.",
    "Two neighbouring municipalities have started similar work.",
    "Stories and images collected along the way are now shared in a digital archive.",
)

LESSON_LINES = (
    "Start small and let the practice grow with the people who carry it.",
    "Volunteers stay when they have real responsibility and are thanked for their work.",
    "Involve owners early; their support decides whether anything happens.",
    "A written agreement avoids misunderstandings between the city and residents.",
    "Heritage specialists and residents learn most when they work side by side.",
    "Keep communication simple and report back on what was done with people's ideas.",
    "Digital tools help, but meeting in person at the site builds trust.",
)

TRANSFER_LINES = (
    "The approach works in any {settlement} with a similar heritage site and an active community.",
    "Others can re-use the agreement templates, the volunteer training and the pilot-year format.",
    "The main condition is a municipality willing to share decisions with residents.",
    "It transfers best where a local association or school can act as a partner.",
    "Larger cities can run the approach in several neighbourhoods at once.",
)

VOLUNTEER_COUNTS = (10, 15, 20, 30, 40, 50)
BUDGETS = ("10,000", "20,000", "30,000", "50,000", "80,000", "100,000")

# (ISO code, weight): EU members mostly, some neighbours (all in places.countries).
COUNTRY_WEIGHTS = (
    ("DE", 8),
    ("FR", 8),
    ("IT", 8),
    ("ES", 7),
    ("PL", 6),
    ("NL", 4),
    ("BE", 4),
    ("PT", 4),
    ("RO", 4),
    ("CZ", 3),
    ("GR", 3),
    ("HU", 3),
    ("SE", 3),
    ("AT", 3),
    ("BG", 2),
    ("DK", 2),
    ("FI", 2),
    ("SK", 2),
    ("IE", 2),
    ("HR", 2),
    ("LT", 2),
    ("SI", 2),
    ("LV", 1),
    ("EE", 1),
    ("CY", 1),
    ("LU", 1),
    ("MT", 1),
    ("GB", 4),
    ("NO", 2),
    ("UA", 2),
    ("MD", 1),
    ("RS", 1),
    ("AL", 1),
    ("TR", 1),
)

FIRST_START = datetime.date(2005, 1, 1)
LAST_START = datetime.date(2024, 12, 31)


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _picks(rng: random.Random, lines: tuple[str, ...], k: int, **words: object) -> list[str]:
    return [line.format(**words) for line in rng.sample(lines, k)]


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _title(rng: random.Random, words: dict, seen: set[str]) -> str:
    """A title not in seen; re-draws subject, approach and template until it is new."""
    for _attempt in range(200):
        template = rng.choice(TITLE_TEMPLATES)
        title = template.format(**words, Approach=_capitalised(words["approach"]))
        if title not in seen:
            seen.add(title)
            return title
        words["subject"] = rng.choice(SUBJECTS)
        words["approach"], words["how"], words["usual_type"] = rng.choice(APPROACHES)
    raise ValueError("Ran out of distinct titles; ask for fewer generated practices.")


def _words(rng: random.Random, size_hint: str) -> dict:
    approach, how, usual_type = rng.choice(APPROACHES)
    return {
        "subject": rng.choice(SUBJECTS),
        "approach": approach,
        "how": how,
        "usual_type": usual_type,
        "settlement": rng.choice(SETTLEMENTS[size_hint]),
        "goal": rng.choice(GOALS),
        "volunteers": rng.choice(VOLUNTEER_COUNTS),
        "budget": rng.choice(BUDGETS),
    }


def _texts(rng: random.Random, words: dict) -> dict:
    """The Markdown text fields of one made-up practice."""
    problems = _picks(rng, PROBLEMS, 3, **words)
    steps = [
        rng.choice(FIRST_STEPS).format(**words),
        f"Introduced {words['approach']}: {words['how']}.",
        *_picks(rng, LATER_STEPS, 2, **words),
    ]
    results = _picks(rng, RESULT_LINES, 3, **words)
    summary = (
        f"{DEMO_SENTENCE} {problems[0]} To change this, a {words['settlement']} and its local "
        f"partners turned to {words['approach']}: {words['how']}. {results[0]}"
    )
    return {
        "summary": summary,
        "context": " ".join([*problems[1:], rng.choice(AMBITIONS)]),
        "activities": _bullets(steps),
        "governance": " ".join(_picks(rng, GOVERNANCE_LINES, 2, **words)),
        "resources": " ".join(_picks(rng, RESOURCE_LINES, 2, **words)),
        "results": " ".join(results),
        "lessons": " ".join(_picks(rng, LESSON_LINES, 2, **words)),
        "transferability": " ".join(_picks(rng, TRANSFER_LINES, 2, **words)),
    }


def _size_hints(rng: random.Random, count: int) -> list[str]:
    """count size hints in the proportions of SIZE_WEIGHTS (per cent), in random order."""
    hints = [
        hint
        for hint, weight in zip(SIZE_HINTS, SIZE_WEIGHTS, strict=True)
        for _ in range(round(count * weight / 100))
    ][:count]
    hints += rng.choices(SIZE_HINTS, weights=SIZE_WEIGHTS, k=count - len(hints))
    rng.shuffle(hints)
    return hints


def _practice(rng: random.Random, seen: set[str], size_hint: str) -> dict:
    words = _words(rng, size_hint)
    title = _title(rng, words, seen)
    tagline = _capitalised(rng.choice(TAGLINE_TEMPLATES).format(**words))
    practice_type = words["usual_type"] if rng.random() < 0.5 else rng.choice(PRACTICE_TYPES)
    themes = rng.sample(THEMES, rng.choice((1, 2, 2, 3)))
    started_on = FIRST_START + datetime.timedelta(
        days=rng.randint(0, (LAST_START - FIRST_START).days)
    )
    codes, weights = zip(*COUNTRY_WEIGHTS, strict=True)
    return {
        "title": title,
        "tagline": tagline,
        "type": practice_type,
        "themes": themes,
        **_texts(rng, words),
        "started_on": started_on,
        "links": "",
        "willing_to_host": rng.random() < 0.3,
        "language": "en",
        "size_hint": size_hint,
        "country_hint": rng.choices(codes, weights=weights)[0],
    }


def generated_practices(*, count: int = 300, seed: int = 2021) -> list[dict]:
    """count made-up practices, the same ones for the same seed, with distinct titles."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    seen: set[str] = set()
    return [_practice(rng, seen, size_hint) for size_hint in _size_hints(rng, count)]
