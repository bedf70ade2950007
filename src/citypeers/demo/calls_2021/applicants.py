"""The applicants of the demo's closed 2021 call: who they are, where they work, what they
answered and which visits they chose, drawn from the pools in `data`. Their accounts and
organisations are written here; their applications are sent through the service in `build`.

Every draw comes from the one generator the caller passes, in a fixed order: changing the order
of the draws changes every applicant after it.
"""

import datetime
import random
from dataclasses import dataclass

from citypeers.demo.calls_2021.countries import COUNTRY_BLOCKS
from citypeers.demo.calls_2021.data import (
    ACCESS_NEEDS,
    AFFINITY,
    CHALLENGES,
    CLOSES_AT,
    EXPERTISE,
    EXTRA_LANGUAGES,
    INSTEAD,
    MOTIVATIONS,
    NAMES,
    NEEDS,
    NEEDS_FOR_VISIT,
    OPENS_AT,
    ORGANISATION_TYPES,
    QUESTIONS,
    ROLES,
    TWO_PREFERENCES,
    VISIT_WEIGHTS,
)
from citypeers.people.models import Organisation, User
from citypeers.people.services import affiliations_grant_many
from citypeers.places.models import Place
from citypeers.programmes.models import Visit


@dataclass(frozen=True)
class Country:
    code: str
    applicants: int
    template: str  # the language of organisation names built from templates
    languages: tuple[str, ...]  # spoken, the first most often
    authority: str  # the local authority's name, "{}" being the place's local name
    places: tuple[tuple[str, str, str], ...]  # GeoNames name, local name, authority
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[tuple[str, str], ...]  # male and female forms
    regional: tuple[tuple[str, str], ...]  # name, GeoNames place
    national: tuple[tuple[str, str], ...]
    universities: tuple[tuple[str, str], ...]


def _key_values(lines: list[str]) -> dict[str, str]:
    """ "key: value" lines, a value going on over the lines that follow it."""
    fields: dict[str, str] = {}
    key = ""
    for line in lines:
        name, colon, value = line.partition(": ")
        if colon and name.isalpha() and name.islower():
            key = name
            fields[key] = value
        else:
            fields[key] += " " + line
    return fields


def _country(block: str) -> Country:
    """A country from its block in `COUNTRY_BLOCKS`, whose format is described there."""
    head, *lines = [line.strip() for line in block.strip().splitlines()]
    fields = _key_values(lines)
    numbers, languages, authority = (part.strip() for part in head.split("|"))
    code, applicants, template = numbers.split()

    def items(key: str, separator: str = ";") -> list[str]:
        return [item.strip() for item in fields.get(key, "").split(separator) if item.strip()]

    def place(item: str) -> tuple[str, str, str]:
        geonames, local, name = [*item.split("|"), "", ""][:3]
        local = local or geonames
        return geonames, local, name or authority.format(local)

    def bodies(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(item.split("@")) for item in items(key))

    return Country(
        code=code,
        applicants=int(applicants),
        template=template,
        languages=tuple(languages.split()),
        authority=authority,
        places=tuple(place(item) for item in items("places")),
        women=tuple(items("women", ",")),
        men=tuple(items("men", ",")),
        surnames=tuple(
            (male, female or male)
            for male, _slash, female in (item.partition("/") for item in items("surnames", ","))
        ),
        regional=bodies("regional"),
        national=bodies("national"),
        universities=bodies("universities"),
    )


COUNTRIES = [_country(block) for block in COUNTRY_BLOCKS]


@dataclass
class Draft:
    """One generated applicant, before anything is written."""

    name: str
    country: str
    organisation: tuple[str, str, Place | None]  # name, type, place
    languages: list[str]
    fields: dict
    answers: list[str]  # by question position
    preferences: list[Visit]
    submitted_at: datetime.datetime
    joined_at: datetime.datetime


def applicants_create(*, visits: list[Visit], rng: random.Random) -> list[tuple[User, Draft]]:
    """The applicants in the order they sent their applications, each with what they will send;
    numbered accounts and their organisations are made for them."""
    places, taken = _places(), set()
    drafts = [
        _draft(rng, country, places, visits, taken)
        for country in COUNTRIES
        for _number in range(country.applicants)
    ]
    drafts.sort(key=lambda draft: draft.submitted_at)
    users = _applicants(drafts, _organisations(drafts))
    return list(zip(users, drafts, strict=True))


# Drawing one applicant ----------------------------------------------------------------------


def _draft(
    rng: random.Random, country: Country, places: dict, visits: list[Visit], taken: set[str]
) -> Draft:
    """One applicant from `country`, with a name nobody in `taken` has yet."""
    name = _pick_name(rng, country, taken)
    organisation, kind, place, local = _pick_organisation(rng, country, places)
    preferences = _pick_visits(rng, visits, kind, place)
    submitted_at, joined_at = _pick_times(rng)
    fields = _pick_texts(rng, kind, local, preferences[0])
    answers = _pick_answers(rng)
    return Draft(
        name=name,
        country=country.code,
        organisation=(organisation, kind, place),
        languages=_pick_languages(rng, country),
        fields=fields,
        answers=answers,
        preferences=preferences,
        submitted_at=submitted_at,
        joined_at=joined_at,
    )


def _pick_name(rng: random.Random, country: Country, taken: set[str]) -> str:
    woman = rng.random() < 0.55
    name = ""
    for _attempt in range(30):
        first = rng.choice(country.women if woman else country.men)
        male, female = rng.choice(country.surnames)
        surname = female if woman else male
        if country.code in {"ES", "PT"}:  # two family names
            second = rng.choice(country.surnames)[0]
            surname = surname if second == surname else f"{surname} {second}"
        name = f"{first} {surname}"
        if name not in taken:
            break
    taken.add(name)
    return name


def _pick_organisation(
    rng: random.Random, country: Country, places: dict
) -> tuple[str, str, Place | None, str]:
    """Name, type, place, and the local name of the place the person works for."""
    kinds, weights = zip(*ORGANISATION_TYPES, strict=True)
    kind = rng.choices(kinds, weights=weights)[0]
    local_names = {geonames: local for geonames, local, _authority in country.places}
    bodies = {
        Organisation.Type.REGIONAL_AUTHORITY: country.regional,
        Organisation.Type.NATIONAL_AUTHORITY: country.national,
        Organisation.Type.UNIVERSITY: country.universities,
    }
    if kind in bodies and not bodies[kind]:
        kind = INSTEAD[kind]
    if kind in bodies:
        name, geonames = rng.choice(bodies[kind])
        return name, kind, places.get((country.code, geonames)), local_names.get(geonames, geonames)
    geonames, local, authority = rng.choice(country.places)
    if kind == Organisation.Type.LOCAL_AUTHORITY:
        name = authority
    else:
        templates = NAMES[kind].get(country.template) or NAMES[kind]["en"]
        name = rng.choice(templates).format(local)
    return name, kind, places.get((country.code, geonames)), local


def _pick_visits(
    rng: random.Random, visits: list[Visit], kind: str, place: Place | None
) -> list[Visit]:
    """One or two visits, in order of preference, by how much they draw people like this one."""
    small = place is not None and place.population is not None and place.population < 50_000
    weights = {}
    for visit in visits:
        weight = VISIT_WEIGHTS.get(visit.slug, 10) * AFFINITY.get(kind, {}).get(visit.slug, 1)
        weights[visit.pk] = weight * (AFFINITY["small"].get(visit.slug, 1) if small else 1)
    pool, chosen = list(visits), []
    for _rank in range(2 if rng.random() < TWO_PREFERENCES else 1):
        if pool:
            visit = rng.choices(pool, weights=[weights[v.pk] for v in pool])[0]
            chosen.append(visit)
            pool.remove(visit)
    return chosen


def _pick_times(rng: random.Random) -> tuple[datetime.datetime, datetime.datetime]:
    """When the application was sent (most in the last days before the deadline) and, a little
    earlier, when its applicant signed up."""
    span = (CLOSES_AT - OPENS_AT).total_seconds() - 300
    submitted_at = OPENS_AT + datetime.timedelta(seconds=int((1 - rng.random() ** 1.6) * span))
    joined_at = submitted_at - datetime.timedelta(seconds=rng.randrange(1200, 3 * 24 * 3600))
    return submitted_at, joined_at


def _pick_texts(rng: random.Random, kind: str, local: str, first_visit: Visit) -> dict[str, str]:
    """The application's written fields; the learning needs open with the first visit's."""
    needs = NEEDS_FOR_VISIT.get(first_visit.slug, "")
    return {
        "role": rng.choice(ROLES[kind]),
        "learning_needs": f"{needs} {rng.choice(NEEDS)}".strip(),
        "expertise": rng.choice(EXPERTISE),
        "challenge": rng.choice(CHALLENGES).format(local),
        "motivation": " ".join(rng.sample(MOTIVATIONS, rng.choice([1, 1, 2]))),
        "access_needs": rng.choice(ACCESS_NEEDS) if rng.random() < 0.05 else "",
    }


def _pick_answers(rng: random.Random) -> list[str]:
    """Answers to the call's questions: networks joined before, and attending every session."""
    networks = QUESTIONS[0][2]
    return [
        rng.choices(networks, weights=[15, 40, 45])[0],
        "yes" if rng.random() < 0.92 else "no",
    ]


def _pick_languages(rng: random.Random, country: Country) -> list[str]:
    languages = [country.languages[0]]
    if len(country.languages) > 1 and rng.random() < 0.4:
        languages.append(country.languages[1])
    if "en" not in languages and rng.random() < 0.93:
        languages.append("en")
    extra = rng.choice(EXTRA_LANGUAGES)
    if extra not in languages and rng.random() < 0.25:
        languages.append(extra)
    return languages


# Writing the people and their organisations -------------------------------------------------


def _places() -> dict[tuple[str, str], Place]:
    """The reference places the countries' blocks name, by (country, GeoNames name)."""
    names = {place[0] for country in COUNTRIES for place in country.places}
    names |= {
        body[1]
        for country in COUNTRIES
        for body in country.regional + country.national + country.universities
    }
    found = Place.objects.filter(geonames_id__isnull=False, name__in=names).order_by("population")
    return {(place.country.code, place.name): place for place in found}  # the largest wins


def _organisations(drafts: list[Draft]) -> dict[tuple[str, int | None], Organisation]:
    """Every organisation the drafts name, existing ones reused, by (name, place id)."""
    wanted = {}
    for name, kind, place in (draft.organisation for draft in drafts):
        wanted[name, place.pk if place else None] = (kind, place)
    found = {
        (organisation.name, organisation.place_id): organisation
        for organisation in Organisation.objects.filter(name__in={key[0] for key in wanted})
    }
    missing = [
        Organisation(name=name, type=kind, place=place)
        for (name, place_id), (kind, place) in wanted.items()
        if (name, place_id) not in found
    ]
    for organisation in Organisation.objects.bulk_create(missing):
        found[organisation.name, organisation.place_id] = organisation
    return found


def _applicants(drafts: list[Draft], organisations: dict) -> list[User]:
    """An account per draft (`applicant-001@example.org`, …), numbered in order of sending;
    they cannot log in."""
    emails = [f"applicant-{number:03d}@example.org" for number in range(1, len(drafts) + 1)]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    new = []
    for email, draft in zip(emails, drafts, strict=True):
        if email in existing:
            continue
        name, _kind, place = draft.organisation
        user = User(
            email=email,
            display_name=draft.name,
            country=draft.country,
            languages=draft.languages,
            time_zone=(place.time_zone if place and place.time_zone else "Europe/Brussels"),
            date_joined=draft.joined_at,
        )
        user.set_unusable_password()
        new.append((user, organisations[name, place.pk if place else None]))
    created = User.objects.bulk_create([user for user, _organisation in new])
    # Their organisations as approved affiliations, through the service (as if each had asked
    # and been approved when they joined).
    affiliations_grant_many(grants=new, by=None, reason="The demo's 2021 applicants.")
    existing |= {user.email: user for user in created}
    return [existing[email] for email in emails]
