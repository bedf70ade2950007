"""The data of the demo's closed 2021 participant call: its dates, texts, questions and
criteria; and the pools of roles, organisation names and answers the generator in `build`
draws from. The countries applicants come from are in `countries`.

Only data: changing a value here changes the demo, and every load still makes the same people.
"""

import datetime
from zoneinfo import ZoneInfo

from citypeers.calls.models import Question
from citypeers.people.models import Organisation

CLOSED_CALL_SLUG = "heritage-in-action-2021-participants"
SEED = 2021
BRUSSELS = ZoneInfo("Europe/Brussels")
OPENS_AT = datetime.datetime(2021, 1, 11, 9, 0, tzinfo=BRUSSELS)
CLOSES_AT = datetime.datetime(2021, 2, 8, 23, 59, tzinfo=BRUSSELS)
REVIEWS_FROM = datetime.datetime(2021, 2, 9, 10, 0, tzinfo=BRUSSELS)
SELECTED_ON = datetime.datetime(2021, 2, 19, 15, 0, tzinfo=BRUSSELS)
PUBLISHED_ON = datetime.date(2021, 2, 22)
# The days people answered, and how many of those holding a place that day declined: most
# answered within two days (a few of the first selected declining), those offered a freed place
# a bit later.
ANSWER_DAYS = [
    (datetime.date(2021, 2, 24), 10),
    (datetime.date(2021, 2, 26), 1),
    (datetime.date(2021, 3, 1), 0),
]
CAPACITY, MAX_PER_COUNTRY, MIN_SMALL_MEDIUM, MIN_CIVIL_SOCIETY = 24, 3, 0.3, 0.1

DESCRIPTION = """\
Cultural Heritage in Action invites people who work with heritage in cities and regions to \
join **ten online peer-learning visits** between March and June 2021. Each visit is hosted by \
a city or region whose practice was chosen for the programme's catalogue.

A visit runs over three to five consecutive days, for at most two hours a day, so that it fits \
beside a working week. About 24 participants meet the host's team, see the practice through a \
virtual tour and work on their own questions in small groups: a peer review clinic, a world \
café, a transfer lab.

## What we ask of participants

- to attend every session of the visit they are selected for;
- to bring a challenge from their own city or region and discuss it openly with peers;
- after the visit, to write a short plan for using what they learnt, and to answer a \
follow-up survey six months later.

Taking part is free; the sessions are in English.

## How participants are chosen

Two of the programme's three reviewers read each application and score it on four criteria: \
how well the learning needs fit the visit, the experience the applicant can share, how clearly \
the local challenge is put and how likely the learning is to be used at home. Places then go \
by score and by the order of the visits chosen, with at most three participants from one \
country on each visit and at least 30% from small or medium-sized cities, so that every group \
mixes places of different sizes from across Europe. Those not selected at once may be offered \
a place freed by someone who declines.

## Timeline

- **8 February 2021, 23:59 (Brussels time)**: the call closes.
- **22 February 2021**: every applicant hears the outcome.
- Within a week: the people selected confirm their place.
"""

ELIGIBILITY = (
    "People working for local or regional authorities, national administrations, "
    "cultural-heritage organisations, civil-society organisations or universities in one of "
    "the 27 EU Member States or the United Kingdom. Several people from one organisation may "
    "apply, each for themselves."
)

QUESTIONS = [
    (
        Question.Kind.SINGLE_CHOICE,
        "Has your organisation taken part in a European city network or exchange before?",
        ["Yes, leading it", "Yes, as a partner", "No, this would be the first time"],
    ),
    (
        Question.Kind.YES_NO,
        "Can you attend every session of the visit you rank first?",
        [],
    ),
]

CRITERIA = [
    (
        "Fit with the visit",
        "The learning needs match what the host's practice can teach.",
        3,
    ),
    (
        "Experience to share",
        "The applicant brings experience other participants can learn from.",
        2,
    ),
    (
        "The local challenge",
        "The challenge is concrete and could be worked on in a peer review clinic.",
        2,
    ),
    (
        "Use at home",
        "The applicant is placed to use what they learn in their organisation.",
        3,
    ),
]

REVIEWERS = [  # beside the demo's reviewer@: email, name, country
    ("reviewer-2@example.org", "Marta Kowalczyk", "PL"),
    ("reviewer-3@example.org", "Jonas Lindqvist", "SE"),
]
REVIEWER_BIAS = [0.0, -0.3, 0.25]  # reviewer@ is fair; one is strict, one generous


# Organisations: their kinds in these proportions; authorities and bodies named in the
# countries' blocks, the others from these, in the country's template language ("{}": a place).
ORGANISATION_TYPES = [
    (Organisation.Type.LOCAL_AUTHORITY, 40),
    (Organisation.Type.CIVIL_SOCIETY, 22),
    (Organisation.Type.HERITAGE, 15),
    (Organisation.Type.REGIONAL_AUTHORITY, 11),
    (Organisation.Type.UNIVERSITY, 8),
    (Organisation.Type.NATIONAL_AUTHORITY, 4),
]
# A country without bodies of a kind gets people of another kind instead.
INSTEAD = {
    Organisation.Type.REGIONAL_AUTHORITY: Organisation.Type.LOCAL_AUTHORITY,
    Organisation.Type.NATIONAL_AUTHORITY: Organisation.Type.HERITAGE,
    Organisation.Type.UNIVERSITY: Organisation.Type.CIVIL_SOCIETY,
}
NAMES = {
    Organisation.Type.CIVIL_SOCIETY: {
        "en": [
            "{} Civic Society",
            "Friends of {} Heritage",
            "{} Community Arts Network",
            "Open Heritage {}",
        ],
        "fr": [
            "Association des Amis de {}",
            "Collectif Patrimoines vivants de {}",
            "Maison des associations de {}",
        ],
        "de": ["Bürgerverein {}", "Förderverein Altstadt {}", "Kulturnetzwerk {} e.V."],
        "it": [
            "Associazione Amici di {}",
            "Rete civica per il patrimonio di {}",
            "Cooperativa sociale Passaggi di {}",
        ],
        "es": [
            "Asociación Vecinal del Casco Antiguo de {}",
            "Plataforma Ciudadana por el Patrimonio de {}",
            "Fundación Cultura Abierta de {}",
        ],
        "nl": ["Stichting Erfgoed {}", "Bewonersplatform {}", "Vereniging Oud-{}"],
        "pt": [
            "Associação Amigos de {}",
            "Cooperativa Cultural de {}",
            "Associação de Moradores do Centro Histórico de {}",
        ],
    },
    Organisation.Type.HERITAGE: {
        "en": ["{} City Museum", "{} Heritage Centre", "{} Historic Buildings Trust"],
        "fr": ["Musée d'histoire de {}", "Centre d'interprétation du patrimoine de {}"],
        "de": ["Stadtmuseum {}", "Stiftung Baukultur {}", "Geschichtswerkstatt {}"],
        "it": [
            "Museo Civico di {}",
            "Fondazione per il patrimonio culturale di {}",
            "Ecomuseo di {}",
        ],
        "es": ["Museo de Historia de {}", "Centro de Interpretación del Patrimonio de {}"],
        "nl": ["Stadsmuseum {}", "Erfgoedhuis {}", "Historisch Centrum {}"],
        "pt": ["Museu Municipal de {}", "Arquivo Histórico de {}"],
    },
}

ROLES = {
    Organisation.Type.LOCAL_AUTHORITY: [
        "Heritage officer",
        "Head of the culture department",
        "Urban regeneration project manager",
        "EU projects officer",
        "Deputy mayor for culture",
        "Community engagement officer",
        "Architect, city planning office",
        "Cultural strategy adviser",
    ],
    Organisation.Type.REGIONAL_AUTHORITY: [
        "Policy officer for culture and tourism",
        "Head of the heritage unit",
        "Regional development officer",
        "Programme manager, cultural landscapes",
    ],
    Organisation.Type.NATIONAL_AUTHORITY: [
        "Adviser on heritage policy",
        "Senior officer, international cooperation",
        "Head of the participation unit",
    ],
    Organisation.Type.HERITAGE: [
        "Director",
        "Curator",
        "Education and outreach officer",
        "Conservation architect",
        "Collections manager",
        "Volunteer coordinator",
    ],
    Organisation.Type.CIVIL_SOCIETY: [
        "Coordinator",
        "Chair of the board",
        "Project lead",
        "Community organiser",
        "Co-founder",
    ],
    Organisation.Type.UNIVERSITY: [
        "Researcher in heritage studies",
        "Lecturer in urban planning",
        "PhD researcher in cultural policy",
        "Professor of architectural history",
    ],
}

# How often each visit is chosen (by slug), and who is drawn to which.
VISIT_WEIGHTS = {
    "vantaa": 8,
    "kortrijk": 12,
    "central-scotland": 6,
    "val-grande-national-park": 6,
    "tampere": 9,
    "rotterdam": 16,
    "budapest": 10,
    "sibenik": 9,
    "nantes": 14,
    "reggio-nellemilia": 10,
}
AFFINITY = {
    Organisation.Type.LOCAL_AUTHORITY: {"vantaa": 1.4, "rotterdam": 1.2, "reggio-nellemilia": 1.2},
    Organisation.Type.REGIONAL_AUTHORITY: {
        "central-scotland": 1.8,
        "val-grande-national-park": 1.8,
    },
    Organisation.Type.HERITAGE: {"sibenik": 1.6, "central-scotland": 1.6, "tampere": 1.3},
    Organisation.Type.CIVIL_SOCIETY: {"budapest": 1.6, "kortrijk": 1.5, "tampere": 1.3},
    Organisation.Type.UNIVERSITY: {"nantes": 1.4},
    "small": {"val-grande-national-park": 1.8},
}
TWO_PREFERENCES = 0.75

NEEDS_FOR_VISIT = {
    "vantaa": "I want to learn how Vantaa wrote a cultural environment programme together "
    "with residents, and how it became part of land-use planning.",
    "kortrijk": "I would like to see how Kortrijk turned participation from one-off "
    "consultations into a habit of making things together with residents.",
    "central-scotland": "I am looking for ways to make a monument that crosses several "
    "municipalities meaningful to the communities along it, as the Antonine Wall partners did.",
    "val-grande-national-park": "I want to understand how a park and its small mountain "
    "communities agreed a shared path for their commonlands and abandoned rural heritage.",
    "tampere": "I am interested in how Adopt a Monument lets volunteer groups care for sites, "
    "and how the heritage service supports them without taking over.",
    "rotterdam": "I want to learn how Rotterdam brings the city, owners of historic buildings "
    "and developers to work together so that old buildings find new uses.",
    "budapest": "I would like to learn how volunteering around heritage sites builds "
    "community, and how volunteers stay involved over the years.",
    "sibenik": "Our fortifications stand empty most of the year; I want to learn how Šibenik "
    "turned its fortresses into a cultural venue that pays its way.",
    "nantes": "I want to see how Nantes involves citizens in decisions about heritage, "
    "including the difficult memory of the slave trade.",
    "reggio-nellemilia": "I am interested in how a large historic complex can be restored "
    "for culture and social innovation, as San Pietro was in Reggio Emilia.",
}
NEEDS = [
    "Above all I want practical tools: how to set up the governance, whom to involve first "
    "and how to keep the process going after the launch.",
    "I would also like to hear about the mistakes made along the way and how they were put right.",
    "I hope to come back with ways to measure the social value of heritage projects, which "
    "our council keeps asking for.",
    "I am also looking for ways to reach young people and residents who never come to our "
    "cultural events.",
    "I want to understand the budget too: what it cost, who paid, and what volunteers did.",
    "Our team is small, so I am most interested in approaches that work without a large "
    "department.",
    "I would like to compare how decisions are shared between the city and residents' groups.",
]
EXPERTISE = [
    "Ten years of running participatory budgeting for cultural projects in our districts.",
    "We restored a former industrial site with a residents' cooperative, and I can share the "
    "legal model we used.",
    "I coordinate a network of volunteers who guide visitors around our historic centre.",
    "Experience with EU-funded heritage projects, from writing the application to reporting.",
    "Our museum co-curates exhibitions with migrant communities; I can share how we build "
    "trust and share authorship.",
    "A digital map of intangible heritage made with schools and older residents.",
    "We developed a heritage impact assessment for planning permits that the council now uses "
    "routinely.",
    "Research on how small towns use heritage in their development strategies, with case "
    "studies from my region.",
    "Our regional programme funds small heritage projects in rural municipalities; I can "
    "share the criteria and what we learnt from them.",
    "Temporary uses of empty historic buildings while long-term plans are prepared.",
    "Training local guides from unemployed young people, with the employment office.",
]
CHALLENGES = [
    "The historic centre of {} is losing residents to the suburbs; shops close and buildings "
    "stand empty. We need a plan that keeps people living there, not only visitors.",
    "{} has a difficult twentieth-century past that has never been discussed openly. We want "
    "to start that conversation with the communities concerned.",
    "The industrial heritage of {} is being demolished piece by piece because nobody knows "
    "what to do with it. We want to find new uses before it is too late.",
    "In {}, cultural participation is high in the centre and very low in the outer districts. "
    "We want to bring heritage activities to the neighbourhoods.",
    "{} has many small heritage associations that do not work together and compete for the "
    "same small grants.",
    "Tourism in {} has grown faster than our capacity to manage it; residents feel the old "
    "town no longer belongs to them.",
    "Since the pandemic began, our volunteers in {} have become fewer and older; we need new "
    "ways to involve younger people.",
    "{} adopted a new cultural strategy last year, but we have no method yet to involve "
    "residents in carrying it out.",
    "The villages around {} are losing their people, and their chapels, mills and terraces are "
    "falling into disrepair.",
    "The fortress of {} is owned by the state, managed by the region and used by the city: no "
    "one feels responsible for it.",
]
MOTIVATIONS = [
    "A peer-learning visit is a chance to learn from people who faced the same questions, not "
    "only from reports.",
    "Our council adopts its new culture strategy this year, and this visit comes at the right "
    "moment to shape it.",
    "I want to bring concrete ideas back to my colleagues and build lasting contacts with the "
    "host.",
    "We are preparing an application for funding and want to ground it in what has worked "
    "elsewhere.",
    "Online visits make it possible for a small organisation like ours to take part; "
    "travelling would not be.",
    "I took part in a similar exchange before and saw how much a small team can learn in a "
    "few days.",
    "We are looking for partners for a future cooperation project.",
]
ACCESS_NEEDS = [
    "Live captions would help me follow the sessions.",
    "Sessions after 16:00 are hard for me because of childcare.",
    "I use a screen reader; documents shared in advance would help.",
]
EXTRA_LANGUAGES = ["fr", "de", "es", "it"]
COMMENTS = {
    "high": [
        "Clear link between the challenge and this visit.",
        "Strong experience that other participants will value.",
        "Well placed to use the learning: the strategy is being written now.",
    ],
    "low": [
        "The learning needs stay general; little on how this visit would help.",
        "The challenge is described only briefly.",
        "Unclear who would use the learning back home.",
    ],
}
