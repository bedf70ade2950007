"""The demo's closed 2021 participant call: about 300 applicants, reviews and a published
selection whose waiting lists have moved.

One seeded generator draws everything, so every load makes the same people with the same
answers and scores, whatever the date. Everything after the applicants' accounts goes through
the services, told the time it happened (`now=`, `today=`) and told not to mail anyone
(`notify=False`: nobody is told about 2021 today): applications are sent, reviewers assigned,
scores saved, the selection run and its decisions published and answered. The audit trail those
write is then dated in the winter of 2020-21 (`demo.history`).

The applicants are drawn in `applicants`; the texts, dates and pools they are drawn
from are in `data`.
"""

import datetime
import random

from django.db import transaction

from citypeers.calls.enums import Outcome
from citypeers.calls.models import (
    Application,
    Call,
    Criterion,
    Question,
    ReviewAssignment,
    SelectionRun,
)
from citypeers.calls.services.applications import application_save
from citypeers.calls.services.calls import (
    QUESTION_FIELDS,
    call_publish,
    call_save,
    questions_save,
)
from citypeers.calls.services.decisions import decision_respond, decisions_publish
from citypeers.calls.services.review import reviewers_assign, rubric_save, scores_save
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.demo.calls_2021.applicants import applicants_create
from citypeers.demo.calls_2021.data import (
    ANSWER_DAYS,
    BRUSSELS,
    CAPACITY,
    CLOSED_CALL_SLUG,
    CLOSES_AT,
    COMMENTS,
    CRITERIA,
    DESCRIPTION,
    ELIGIBILITY,
    MAX_PER_COUNTRY,
    MIN_CIVIL_SOCIETY,
    MIN_SMALL_MEDIUM,
    OPENS_AT,
    ORGANISATION_TYPES,
    PUBLISHED_ON,
    QUESTIONS,
    REVIEWER_BIAS,
    REVIEWERS,
    REVIEWS_FROM,
    SEED,
    SELECTED_ON,
)
from citypeers.demo.history import entries_dated, entries_from, key, last_entry
from citypeers.people.models import User
from citypeers.places.countries import EU_MEMBERS
from citypeers.programmes.models import Programme, Role, Visit
from citypeers.programmes.services import membership_add

__all__ = ["CLOSED_CALL_SLUG", "load_closed_call"]


@transaction.atomic
def load_closed_call(
    *, programme: Programme, visits: list[Visit], coordinator: User, reviewer: User
) -> Call:
    """The closed 2021 call of `programme` for `visits`, with everything that followed it;
    made once (an existing call is returned as it is)."""
    call = Call.objects.filter(slug=CLOSED_CALL_SLUG).first()
    if call is not None:
        return call
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not a secret
    call = _call(programme, visits, coordinator)
    _applications(call, visits, rng)
    _reviews(call, _reviewers(programme, reviewer, coordinator), coordinator, rng)
    _selection(call, coordinator)
    _answers(call, rng)
    return call


def _call(programme: Programme, visits: list[Visit], coordinator: User) -> Call:
    """The call with its questions and criteria, made by the coordinator in December 2020."""
    mark = last_entry()
    call = Call(
        programme=programme,
        type=Call.Type.PARTICIPANTS,
        title="Call for participants: ten online visits in 2021 (demo)",
        slug=CLOSED_CALL_SLUG,
    )
    data = {
        "description": DESCRIPTION,
        "eligible_countries": sorted(EU_MEMBERS | {"GB"}),
        "eligible_organisation_types": [kind for kind, _weight in ORGANISATION_TYPES],
        "eligibility_text": ELIGIBILITY,
        "opens_at": OPENS_AT,
        "closes_at": CLOSES_AT,
        "time_zone": "Europe/Brussels",
        "max_preferences": 2,
        "notify_on": PUBLISHED_ON,
        "reviewers_per_application": 2,
        "selection_settings": _selection_settings(visits),
    }
    call = call_save(call=call, by=coordinator, data=data, visits=visits)
    call = call_publish(call=call, by=coordinator, now=OPENS_AT)
    blank = Question()
    questions_save(
        call=call,
        by=coordinator,
        rows=[
            {name: getattr(blank, name) for name in QUESTION_FIELDS}
            | {"kind": kind, "label": {"en": label}, "choices": {"en": list(choices)}}
            for kind, label, choices in QUESTIONS
        ],
        deleted=[],
    )
    rubric_save(
        call=call,
        by=coordinator,
        criteria=[
            (position, Criterion(name=name, description=text, weight=weight))
            for position, (name, text, weight) in enumerate(CRITERIA)
        ],
        deleted=[],
    )
    created = datetime.datetime(2020, 12, 14, 11, 0, tzinfo=BRUSSELS)
    Call.objects.filter(pk=call.pk).update(created_at=created)  # stamped by the clock: dated
    entries_from(mark, {key(call)}, created)
    return call


def _selection_settings(visits: list[Visit]) -> dict:
    """Selection by merit, every visit with the same places and quotas."""
    quotas = {
        "capacity": CAPACITY,
        "max_per_country": MAX_PER_COUNTRY,
        "min_share_small_medium": MIN_SMALL_MEDIUM,
        "min_share_civil_society": MIN_CIVIL_SOCIETY,
    }
    return {
        "mode": "merit",
        "threshold": None,
        "visits": {str(visit.pk): dict(quotas) for visit in visits},
    }


def _applications(call: Call, visits: list[Visit], rng: random.Random) -> list[Application]:
    """Each applicant sends their application, at the time they sent it in 2021."""
    questions = [str(pk) for pk in call.questions.order_by("position").values_list("pk", flat=True)]
    mark, sent = last_entry(), {}
    applications = []
    for user, draft in applicants_create(visits=visits, rng=rng):
        application = application_save(
            call=call,
            applicant=user,
            fields={"languages": draft.languages, **draft.fields},
            preferences=draft.preferences,
            answers=dict(zip(questions, draft.answers, strict=True)),
            files={},
            consent=True,
            submit=True,
            now=draft.submitted_at,
            notify=False,
        )
        sent[key(application)] = draft.submitted_at
        applications.append(application)
    entries_dated(mark, lambda entry: sent.get((entry.object_type, entry.object_id)))
    return applications


# Review -------------------------------------------------------------------------------------


def _reviewers(programme: Programme, reviewer: User, coordinator: User) -> list[User]:
    """The demo's reviewer and two more, each made a reviewer of the whole programme."""
    people = [reviewer]
    for email, name, country in REVIEWERS:
        user = User.objects.filter(email=email).first()
        people.append(
            user or User.objects.create_user(email, None, display_name=name, country=country)
        )
    for user in people:
        if not user.memberships.filter(programme=programme, visit=None, role=Role.REVIEWER):
            membership_add(
                programme=programme,
                email=user.email,
                role=Role.REVIEWER,
                by=coordinator,
                notify=False,
            )
    return people


def _reviews(call: Call, reviewers: list[User], coordinator: User, rng: random.Random) -> None:
    """Two reviewers per application, each scoring every criterion: close to one another on
    most applications (each has a quality of its own), far apart on a few."""
    pairs = _assignments(call, reviewers, coordinator)
    criteria = list(call.criteria.all())
    bias = {user.pk: REVIEWER_BIAS[n % len(REVIEWER_BIAS)] for n, user in enumerate(reviewers)}
    mark, scored = last_entry(), {}
    for pair in pairs:
        quality = min(max(rng.gauss(0.2, 0.9), -2.2), 2.2)
        profile = [rng.gauss(0, 0.5) for _criterion in criteria]
        apart = rng.randrange(len(pair)) if rng.random() < 0.04 else None
        base = 2.9 + 0.95 * quality
        for number, assignment in enumerate(pair):
            shift = rng.choice([-2, 2]) if number == apart else 0
            means = [base + leaning + bias[assignment.reviewer_id] + shift for leaning in profile]
            scores = _scores(rng, criteria, means)
            minutes = rng.randrange(9 * 24 * 60)
            completed_at = REVIEWS_FROM + datetime.timedelta(minutes=minutes)
            assignment.application.call = call
            scores_save(
                assignment=assignment, by=assignment.reviewer, scores=scores, now=completed_at
            )
            scored[str(assignment.application_id), assignment.reviewer_id] = completed_at
    entries_dated(
        mark,
        lambda entry: (
            (entry.action == "review.scored" and scored.get((entry.object_id, entry.actor_id)))
            or None
        ),
    )


def _assignments(
    call: Call, reviewers: list[User], coordinator: User
) -> list[list[ReviewAssignment]]:
    """Assigns the reviewers, on the day reviewing began; each application's assignments, in the
    order of the applications and, within one, of `reviewers`."""
    mark = last_entry()
    reviewers_assign(call=call, by=coordinator)
    assignments = ReviewAssignment.objects.filter(application__call=call)
    assignments.update(created_at=REVIEWS_FROM)
    entries_from(mark, _about_the_call(call), REVIEWS_FROM)
    order = {user.pk: number for number, user in enumerate(reviewers)}
    by_application: dict[int, list[ReviewAssignment]] = {}
    for assignment in assignments.select_related("reviewer", "application__applicant"):
        by_application.setdefault(assignment.application_id, []).append(assignment)
    return [
        sorted(by_application[pk], key=lambda a: order[a.reviewer_id])
        for pk in sorted(by_application)
    ]


def _scores(
    rng: random.Random, criteria: list[Criterion], means: list[float]
) -> dict[Criterion, tuple[int, str]]:
    """One reviewer's score on each criterion, around its mean; now and then a comment on one
    that is not middling."""
    commented = rng.randrange(len(criteria)) if rng.random() < 0.3 else None
    scores = {}
    for index, (criterion, mean) in enumerate(zip(criteria, means, strict=True)):
        value = min(max(round(mean + rng.gauss(0, 0.45)), 0), criterion.scale_max)
        comment = ""
        if index == commented and value != 3:
            comment = rng.choice(COMMENTS["high" if value > 3 else "low"])
        scores[criterion] = (value, comment)
    return scores


# Selection and answers ----------------------------------------------------------------------


def _selection(call: Call, coordinator: User) -> SelectionRun:
    """Run at once (the task `selection_start` queues finds it done) and published."""
    mark = last_entry()
    run = selection_execute(selection_start(call=call, by=coordinator))
    found = (run.result or {}).get("status")
    if run.status != SelectionRun.Status.DONE or found not in {"optimal", "feasible"}:
        raise RuntimeError(f"The 2021 demo selection failed: {run.error or found}")
    entries_from(mark, _about_the_call(call), SELECTED_ON)
    mark = last_entry()
    decisions_publish(run=run, by=coordinator, today=PUBLISHED_ON, notify=False)
    published = datetime.datetime.combine(PUBLISHED_ON, datetime.time(10), tzinfo=BRUSSELS)
    SelectionRun.objects.filter(pk=run.pk).update(
        created_at=SELECTED_ON,
        finished_at=SELECTED_ON + datetime.timedelta(seconds=4),
        published_at=published,
    )
    entries_from(mark, _about_the_call(call), published)
    return run


def _answers(call: Call, rng: random.Random) -> None:
    """Everyone offered a place answers: a few of the first selected decline, and their
    places go down the waiting lists to people who mostly confirm."""
    for day, declines in ANSWER_DAYS:
        offered = list(
            call.applications.filter(outcome=Outcome.SELECTED)
            .select_related("applicant", "call")
            .order_by("submitted_at", "pk")
        )
        declining = set(rng.sample(range(len(offered)), min(declines, len(offered) // 3)))
        mark = last_entry()
        for number, application in enumerate(offered):
            decision_respond(
                application=application,
                by=application.applicant,
                accept=number not in declining,
                today=day,
                notify=False,
            )
        morning = datetime.datetime.combine(day, datetime.time(8, 30), tzinfo=BRUSSELS)
        entries_from(mark, _about_the_call(call), morning, step=datetime.timedelta(minutes=3))


def _about_the_call(call: Call) -> set[tuple[str, str]]:
    """The audit keys of the call and its applications."""
    return {key(call)} | {
        ("calls.application", str(pk)) for pk in call.applications.values_list("pk", flat=True)
    }
