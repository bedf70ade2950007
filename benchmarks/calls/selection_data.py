"""A closed call with 10,000 reviewed applications over 100 visits, as real rows, bulk-created.

The people come from the seeded generator of benchmarks/optim/selection.py (countries skewed
like Europe's population, city sizes, two ranked visits whose popularity falls off like Zipf's
law, a merit score from 40 to 100); here each of them becomes a person with an organisation in
a place of their country and size, a submitted application with its two preferences, and two
completed reviews whose mean is close to the generator's score. The call's selection settings
set each visit's places (20 to 30, the generator's) and two quotas: at most 3 per country and
at least half from small or medium cities.
"""

import datetime
import random

from benchmarks.optim.selection import instance as generated_instance

CALL_SLUG = "bench-selection-call"
MAX_PER_COUNTRY = 3
MIN_SHARE_SMALL_MEDIUM = 0.5
# The generator's size names, as the places' populations make them (settings' thresholds).
POPULATION_BY_SIZE = {
    "small": 30_000,
    "medium": 120_000,
    "large": 500_000,
    "metropolitan": 2_000_000,
}
ORGANISATION_TYPES = {
    "local": 0.4,
    "heritage": 0.2,
    "civil": 0.2,
    "regional": 0.1,
    "university": 0.1,
}
BATCH = 2000


def create_call(*, applicants: int, visits: int, seed: int = 7):
    """Every row of the call; returns the call and a coordinator to start runs as."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from citypeers.calls.models import (
        Application,
        Call,
        Criterion,
        Preference,
        ReviewAssignment,
        Score,
    )
    from citypeers.people.models import Organisation, User
    from citypeers.places.models import Place
    from citypeers.programmes.models import Programme, Visit

    data = generated_instance(applicants, visits, seed=seed)
    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    places = {
        (country, size): Place(
            name=f"{size.title()} town of {country}", country=country, population=population
        )
        for country in sorted({p["attributes"]["country"] for p in data["applicants"]})
        for size, population in POPULATION_BY_SIZE.items()
    }
    Place.objects.bulk_create(places.values())
    organisations = {
        (key, kind): Organisation(name=f"{kind} office, {place.name}", type=kind, place=place)
        for key, place in places.items()
        for kind in ORGANISATION_TYPES
    }
    Organisation.objects.bulk_create(organisations.values())

    programme = Programme.objects.create(
        name="Selection benchmark",
        slug="bench-selection",
        starts_on=today,
        ends_on=today + datetime.timedelta(days=365),
    )
    hosts = list(places.values())
    visit_rows = Visit.objects.bulk_create(
        Visit(
            programme=programme,
            title=f"Visit {item['id']}",
            slug=item["id"],
            host_place=hosts[number % len(hosts)],
            starts_on=today + datetime.timedelta(days=30 + number),
            ends_on=today + datetime.timedelta(days=33 + number),
        )
        for number, item in enumerate(data["visits"])
    )
    visit_by_id = {item["id"]: row for item, row in zip(data["visits"], visit_rows, strict=True)}
    call = Call.objects.create(
        programme=programme,
        type=Call.Type.PARTICIPANTS,
        slug=CALL_SLUG,
        title="A call with 10,000 applicants",
        description="For the benchmark.",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=1),
        max_preferences=2,
        selection_settings={
            "mode": "merit",
            "visits": {
                str(visit_by_id[item["id"]].pk): {
                    "capacity": item["capacity"],
                    "max_per_country": MAX_PER_COUNTRY,
                    "min_share_small_medium": MIN_SHARE_SMALL_MEDIUM,
                }
                for item in data["visits"]
            },
        },
    )
    call.visits.set(visit_rows)

    password = make_password("not-used-nobody-logs-in")
    coordinator = User.objects.create(email="coordinator@bench.example.org", password=password)
    reviewers = User.objects.bulk_create(
        User(email=f"reviewer{n}@bench.example.org", password=password) for n in range(2)
    )
    kinds, shares = list(ORGANISATION_TYPES), list(ORGANISATION_TYPES.values())
    people = data["applicants"]
    homes = []
    for person in people:
        attributes = person["attributes"]
        place_key = (attributes["country"], attributes["city_size"])
        homes.append(organisations[place_key, rng.choices(kinds, weights=shares)[0]])
    users = User.objects.bulk_create(
        (
            User(
                email=f"{person['id']}@bench.example.org",
                password=password,
                display_name=f"Applicant {person['id']}",
                organisation=home,
                country=person["attributes"]["country"],
            )
            for person, home in zip(people, homes, strict=True)
        ),
        batch_size=BATCH,
    )
    applications = Application.objects.bulk_create(
        (
            Application(
                call=call,
                applicant=user,
                organisation=home,
                status="submitted",
                role="Heritage officer",
                motivation="To learn from peers.",
                languages=["en"],
                consent_version=1,
                consented_at=now - datetime.timedelta(days=3),
                submitted_at=now - datetime.timedelta(days=3),
            )
            for user, home in zip(users, homes, strict=True)
        ),
        batch_size=BATCH,
    )
    Preference.objects.bulk_create(
        (
            Preference(application=application, visit=visit_by_id[visit_id], rank=rank)
            for application, person in zip(applications, people, strict=True)
            for rank, visit_id in enumerate(person["preferences"], start=1)
        ),
        batch_size=BATCH,
    )
    criterion = Criterion.objects.create(call=call, name="Overall", scale_max=100)
    assignments = ReviewAssignment.objects.bulk_create(
        (
            ReviewAssignment(application=application, reviewer=reviewer, completed_at=now)
            for application in applications
            for reviewer in reviewers
        ),
        batch_size=BATCH,
    )
    scores = {
        application.pk: person["score"]
        for application, person in zip(applications, people, strict=True)
    }
    Score.objects.bulk_create(
        (
            Score(
                assignment=assignment,
                criterion=criterion,
                value=max(0, min(100, round(scores[assignment.application_id] + rng.gauss(0, 4)))),
            )
            for assignment in assignments
        ),
        batch_size=BATCH,
    )
    return call, coordinator
