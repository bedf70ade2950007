"""A programme with two visits whose participants answered the house's end-of-visit and
follow-up surveys and wrote action plans, drawn at random (seeded), for the impact tests."""

import datetime
import random

from citypeers.feedback.enums import Moment, PlanStatus, StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep
from citypeers.places.models import Place
from tests.factories import OrganisationFactory, PlaceFactory, ProgrammeFactory, VisitFactory
from tests.feedback.factories import invitation_for, on_visit, respond, survey_of

CITIES = [("Ghent", "BE"), ("Porto", "PT"), ("Tartu", "EE"), ("Lyon", "FR"), ("Braga", "PT")]
CHANGES = ["Nothing yet", "Plans changed", "A pilot", "A policy or budget change"]


def organisation_in(name: str, country: str):
    """An organisation in the city, one place per city however many organisations it has."""
    place = Place.objects.filter(name=name, country=country).first()
    return OrganisationFactory(place=place or PlaceFactory(name=name, country=country))


def impact_scene(*, seed: int = 3, people: int = 5, visits: int = 2):
    """The programme, its visits, and their participants (Anna Secret… by name, so a test can
    check no name is shown), each of whom answered both surveys and submitted a plan, some
    with a consented quote and steps done."""
    rng = random.Random(seed)
    programme = ProgrammeFactory()
    made = []
    for v in range(visits):
        visit = VisitFactory(
            programme=programme,
            starts_on=datetime.date(2026, 3, 2 + v * 7),
            ends_on=datetime.date(2026, 3, 4 + v * 7),
        )
        end = survey_of(visit, moment=Moment.END_OF_VISIT)
        follow_up = survey_of(visit, moment=Moment.FOLLOW_UP)
        for n in range(people):
            city, country = CITIES[(n + v) % len(CITIES)]
            person = on_visit(
                visit,
                display_name=f"Anna Secret{v}x{n}",
                organisation=organisation_in(city, country) if n != people - 1 else None,
            )
            invitation_for(end, person)
            before = rng.randint(1, 4)
            respond(
                end,
                question_answers={
                    "satisfaction": rng.randint(1, 5),
                    "recommend": rng.choice(["Yes", "Maybe", "No"]),
                    "knowledge": (before, rng.randint(before - 1 if before > 1 else 1, 5)),
                    "confidence": rng.randint(1, 5),
                    "will-apply": rng.choice(["", "Walks", "A map"]),
                    "improve": "More time",
                },
            )
            respond(
                follow_up,
                question_answers={
                    "applied": rng.choice(["", "The walk", "A market"]),
                    "organisation-change": rng.choice(CHANGES),
                    "results": rng.choice(["", "A budget line"]),
                },
            )
            if n == 0:
                continue  # one participant per visit wrote no plan
            plan = ActionPlan.objects.create(
                visit=visit,
                person=person,
                status=PlanStatus.SUBMITTED if n != 1 else PlanStatus.DRAFT,
                quote_to_publish=f"Quote {v}-{n}: it changed how we work",
                quote_consent=n % 2 == 0,
            )
            for position in range(rng.randint(1, 3)):
                ActionStep.objects.create(
                    plan=plan,
                    position=position,
                    what=f"Step {position}",
                    status=rng.choice(list(StepStatus.values)),
                )
        made.append(visit)
    return programme, made
