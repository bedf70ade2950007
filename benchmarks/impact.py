"""A programme's impact page with 10 visits x 25 people, timed beside /healthz in the same run.

    make bench          (runs this after the feedback benchmark)
    .venv/bin/python benchmarks/impact.py [--views 200]

Builds a throw-away SQLite database with the database cache (as deployed): a programme of 10
visits, 25 participants each in cities of 12 countries, each of whom answered the house's
end-of-visit and six-month surveys and submitted an action plan of 3 steps. Times, through
Django's test client (templates included), the page's first view (the figures counted), then
views with nothing changed (read from the cache), views right after a change (a plan saved, so
counted again), the map's SVG, a visit's impact page and /healthz. Prints milliseconds; writes
benchmarks/results/impact.json. Target: the programme's page p95 under 100 ms.
"""

import datetime
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import (
    command,
    prepared_site,
    summary,
    timed_get,
)

VISITS, PEOPLE = 10, 25
CITIES = [
    ("Ghent", "BE"),
    ("Porto", "PT"),
    ("Tartu", "EE"),
    ("Lyon", "FR"),
    ("Braga", "PT"),
    ("Graz", "AT"),
    ("Turku", "FI"),
    ("Kaunas", "LT"),
    ("Cork", "IE"),
    ("Split", "HR"),
    ("Brno", "CZ"),
    ("Malmö", "SE"),
    ("Leipzig", "DE"),
    ("Matera", "IT"),
]


def build():
    """The programme and its visits, answered and planned, in bulk."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from citypeers.feedback.enums import Audience, Moment, PlanStatus, StepStatus
    from citypeers.feedback.models import (
        ActionPlan,
        ActionStep,
        Answer,
        Invitation,
        Response,
        Survey,
        SurveyTemplate,
    )
    from citypeers.feedback.services.templates import house_templates_load
    from citypeers.people.models import Organisation, User
    from citypeers.places.models import Place
    from citypeers.programmes.models import Membership, Programme, Role, Visit

    rng = random.Random(18)
    house_templates_load()
    now = timezone.now()
    places = [
        Place.objects.create(name=name, country=code, kind="city", population=90_000)
        for name, code in CITIES
    ]
    organisations = [
        Organisation.objects.create(name=f"City of {p.name}", type="local_authority", place=p)
        for p in places
    ]
    programme = Programme.objects.create(
        name="Heritage in Action",
        slug="heritage",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    password = make_password("bench-password")
    versions = {
        moment: SurveyTemplate.objects.get(programme=None, moment=moment).versions.latest("number")
        for moment in (Moment.END_OF_VISIT, Moment.FOLLOW_UP)
    }
    questions = {m: {q.key: q for q in v.questions.all()} for m, v in versions.items()}
    for v in range(VISITS):
        start = datetime.date(2025, 3, 3) + datetime.timedelta(weeks=3 * v)
        visit = Visit.objects.create(
            programme=programme,
            title=f"Visit {v + 1}",
            slug=f"visit-{v + 1}",
            host_place=places[v % len(places)],
            starts_on=start,
            ends_on=start + datetime.timedelta(days=2),
        )
        people = User.objects.bulk_create(
            User(
                email=f"p{v}-{n}@example.org",
                display_name=f"Person {v}-{n}",
                password=password,
                organisation=organisations[rng.randrange(len(organisations))],
            )
            for n in range(PEOPLE)
        )
        Membership.objects.bulk_create(
            Membership(user=p, programme=programme, visit=visit, role=Role.PARTICIPANT)
            for p in people
        )
        for moment, version in versions.items():
            survey = Survey.objects.create(
                visit=visit,
                version=version,
                moment=moment,
                audience=Audience.PARTICIPANTS,
                send_at=now,
                closes_at=now + datetime.timedelta(days=14),
                sent_at=now,
            )
            Invitation.objects.bulk_create(
                Invitation(survey=survey, person=p, key=f"{survey.pk}-{p.pk}", answered=True)
                for p in people
            )
            responses = Response.objects.bulk_create(Response(survey=survey) for _ in people)
            answers = []
            for response in responses:
                answers += _answers(rng, moment, questions[moment], response)
            Answer.objects.bulk_create(answers)
        plans = ActionPlan.objects.bulk_create(
            ActionPlan(
                visit=visit,
                person=p,
                learnt="a",
                challenge="b",
                adaptation="c",
                status=PlanStatus.SUBMITTED,
                submitted_at=now,
                quote_to_publish=f"What {p.display_name} will do at home",
                quote_consent=rng.random() < 0.3,
            )
            for p in people
        )
        ActionStep.objects.bulk_create(
            ActionStep(
                plan=plan,
                position=n,
                what=f"Step {n}",
                status=rng.choice(list(StepStatus.values)),
            )
            for plan in plans
            for n in range(3)
        )
    return programme


def _answers(rng, moment, questions, response) -> list:
    from citypeers.feedback.enums import Moment
    from citypeers.feedback.models import Answer

    if moment == Moment.END_OF_VISIT:
        before = rng.randint(1, 4)
        return [
            Answer(response=response, question=questions["satisfaction"], number=rng.randint(2, 5)),
            Answer(response=response, question=questions["recommend"], choice="Yes"),
            Answer(
                response=response,
                question=questions["knowledge"],
                number_before=before,
                number=rng.randint(before, 5),
            ),
            Answer(response=response, question=questions["confidence"], number=rng.randint(1, 5)),
            Answer(response=response, question=questions["will-apply"], text="A walk"),
        ]
    return [
        Answer(response=response, question=questions["applied"], text="The walk"),
        Answer(
            response=response,
            question=questions["organisation-change"],
            choice=rng.choice(["Nothing yet", "Plans changed", "A pilot"]),
        ),
    ]


def run_here(views: int) -> dict:
    client = prepared_site()
    from citypeers.feedback.models import ActionPlan
    from citypeers.feedback.services.plans import plan_save

    programme = build()
    page = f"/en/programmes/{programme.slug}/impact/"
    for _ in range(3):  # warm-up: imports, templates, connections
        timed_get(client, "/healthz")[0]
    first = [timed_get(client, page)[0]]
    cached = [timed_get(client, page)[0] for _ in range(views)]
    plans = list(ActionPlan.objects.filter(visit__programme=programme)[:20])
    after_change = []
    for plan in plans:  # a changed plan: the next view counts again
        plan_save(visit=plan.visit, person=plan.person, texts={"risks": f"r{plan.pk}"}, steps=[])
        after_change.append(timed_get(client, page)[0])
    maps_first = [timed_get(client, page.replace("impact/", "impact/map.svg"))[0]]
    maps = [timed_get(client, page + "map.svg")[0] for _ in range(50)]
    visit_pages = [
        timed_get(client, page.replace("impact/", "visits/visit-3/impact/"))[0] for _ in range(50)
    ]
    health = [timed_get(client, "/healthz")[0] for _ in range(200)]
    return {
        "impact_page_first": summary(first),
        "impact_page": summary(cached),
        "impact_page_after_change": summary(after_change),
        "impact_map_first": summary(maps_first),
        "impact_map": summary(maps),
        "visit_impact_page": summary(visit_pages),
        "healthz": summary(health),
    }


def main() -> int:
    results = command(
        name="impact",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing the programme's impact page",
        # The database cache, as deployed: the figures are kept there once per change.
        cache_url="dbcache://citypeers_cache",
    )
    if results is not None:
        met = results["impact_page"]["p95_ms"] < 100
        print(f"target: the programme's page p95 under 100 ms: {'met' if met else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
