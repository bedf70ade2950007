"""The demo's closed 2021 participant call: about 300 applicants, reviews and a published
selection whose waiting lists have moved.

One seeded generator draws everything, so every load makes the same people with the same
answers and scores, whatever the date. Applications, scores and their audit entries are
written in bulk, as `application_save` and `scores_save` would have written them but without
the e-mails those send (nobody is told about 2021 today); reviewers are assigned, the
selection run and its decisions published and answered through the services themselves. Times,
those of the audit entries included, are those of the winter of 2020-21.

The applicants are drawn in `applicants`; the texts, dates and pools they are drawn
from are in `data`.
"""

import datetime
import random
from collections.abc import Iterable

from django.db import transaction

from citypeers.calls.enums import Outcome
from citypeers.calls.models import (
    Application,
    Call,
    Criterion,
    Question,
    ReviewAssignment,
    Score,
    SelectionRun,
)
from citypeers.calls.services.decisions import decision_respond, decisions_publish
from citypeers.calls.services.review import reviewers_assign
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.core.audit import log_action
from citypeers.core.models import AuditEntry
from citypeers.demo.calls_2021.applicants import applications_create
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
from citypeers.people.models import User
from citypeers.places.countries import EU_MEMBERS
from citypeers.programmes.models import Membership, Programme, Role, Visit

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
    _reviews(call, _reviewers(programme, reviewer), coordinator, rng)
    _selection(call, coordinator)
    _answers(call, rng)
    return call


def _call(programme: Programme, visits: list[Visit], coordinator: User) -> Call:
    """The call with its questions and criteria, created in December 2020."""
    mark = _last_entry()
    call = Call.objects.create(
        programme=programme,
        type=Call.Type.PARTICIPANTS,
        title="Call for participants: ten online visits in 2021 (demo)",
        slug=CLOSED_CALL_SLUG,
        description=DESCRIPTION,
        eligible_countries=sorted(EU_MEMBERS | {"GB"}),
        eligible_organisation_types=[kind for kind, _weight in ORGANISATION_TYPES],
        eligibility_text=ELIGIBILITY,
        opens_at=OPENS_AT,
        closes_at=CLOSES_AT,
        time_zone="Europe/Brussels",
        max_preferences=2,
        notify_on=PUBLISHED_ON,
        reviewers_per_application=2,
        selection_settings=_selection_settings(visits),
    )
    call.visits.set(visits)
    Question.objects.bulk_create(
        Question(call=call, position=position, kind=kind, label=label, choices="\n".join(choices))
        for position, (kind, label, choices) in enumerate(QUESTIONS)
    )
    Criterion.objects.bulk_create(
        Criterion(call=call, position=position, name=name, description=text, weight=weight)
        for position, (name, text, weight) in enumerate(CRITERIA)
    )
    log_action(call, "call.created", by=coordinator, changes={"title": call.title})
    created = datetime.datetime(2020, 12, 14, 11, 0, tzinfo=BRUSSELS)
    Call.objects.filter(pk=call.pk).update(created_at=created)
    _backdate(mark, call, created)
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
    """The sent applications, each with the audit entry its sending wrote."""
    applications = applications_create(call=call, visits=visits, rng=rng)
    _log_in_bulk(
        (a, "application.submitted", a.applicant, {"call": call.slug}, a.submitted_at)
        for a in applications
    )
    return applications


# Review -------------------------------------------------------------------------------------


def _reviewers(programme: Programme, reviewer: User) -> list[User]:
    """The demo's reviewer and two more, each a reviewer of the whole programme."""
    people = [reviewer]
    for email, name, country in REVIEWERS:
        user = User.objects.filter(email=email).first()
        people.append(
            user or User.objects.create_user(email, None, display_name=name, country=country)
        )
    for user in people:
        Membership.objects.get_or_create(
            user=user, programme=programme, visit=None, role=Role.REVIEWER
        )
    return people


def _reviews(call: Call, reviewers: list[User], coordinator: User, rng: random.Random) -> None:
    """Two reviewers per application, each scoring every criterion: close to one another on
    most applications (each has a quality of its own), far apart on a few."""
    pairs = _assignments(call, reviewers, coordinator)
    criteria = list(call.criteria.all())
    bias = {user.pk: REVIEWER_BIAS[n % len(REVIEWER_BIAS)] for n, user in enumerate(reviewers)}
    scores, done = [], []
    for pair in pairs:
        quality = min(max(rng.gauss(0.2, 0.9), -2.2), 2.2)
        profile = [rng.gauss(0, 0.5) for _criterion in criteria]
        apart = rng.randrange(len(pair)) if rng.random() < 0.04 else None
        base = 2.9 + 0.95 * quality
        for number, assignment in enumerate(pair):
            shift = rng.choice([-2, 2]) if number == apart else 0
            means = [base + leaning + bias[assignment.reviewer_id] + shift for leaning in profile]
            scores += _scores(rng, assignment, criteria, means)
            minutes = rng.randrange(9 * 24 * 60)
            assignment.completed_at = REVIEWS_FROM + datetime.timedelta(minutes=minutes)
            assignment.application.call = call
            done.append(assignment)
    Score.objects.bulk_create(scores, batch_size=1000)
    ReviewAssignment.objects.bulk_update(done, ["completed_at"], batch_size=500)
    _log_in_bulk(
        (a.application, "review.scored", a.reviewer, {"complete": True}, a.completed_at)
        for a in done
    )


def _assignments(
    call: Call, reviewers: list[User], coordinator: User
) -> list[list[ReviewAssignment]]:
    """Assigns the reviewers, on the day reviewing began; each application's assignments, in the
    order of the applications and, within one, of `reviewers`."""
    mark = _last_entry()
    reviewers_assign(call=call, by=coordinator)
    assignments = ReviewAssignment.objects.filter(application__call=call)
    assignments.update(created_at=REVIEWS_FROM)
    _backdate(mark, call, REVIEWS_FROM)
    order = {user.pk: number for number, user in enumerate(reviewers)}
    by_application: dict[int, list[ReviewAssignment]] = {}
    for assignment in assignments.select_related("reviewer", "application__applicant"):
        by_application.setdefault(assignment.application_id, []).append(assignment)
    return [
        sorted(by_application[pk], key=lambda a: order[a.reviewer_id])
        for pk in sorted(by_application)
    ]


def _scores(
    rng: random.Random, assignment: ReviewAssignment, criteria: list[Criterion], means: list[float]
) -> list[Score]:
    """One reviewer's score on each criterion, around its mean; now and then a comment on one
    that is not middling."""
    commented = rng.randrange(len(criteria)) if rng.random() < 0.3 else None
    scores = []
    for index, (criterion, mean) in enumerate(zip(criteria, means, strict=True)):
        value = min(max(round(mean + rng.gauss(0, 0.45)), 0), criterion.scale_max)
        comment = ""
        if index == commented and value != 3:
            comment = rng.choice(COMMENTS["high" if value > 3 else "low"])
        scores.append(
            Score(assignment=assignment, criterion=criterion, value=value, comment=comment)
        )
    return scores


# Selection and answers ----------------------------------------------------------------------


def _selection(call: Call, coordinator: User) -> SelectionRun:
    """Run at once (the task `selection_start` queues finds it done) and published."""
    mark = _last_entry()
    run = selection_execute(selection_start(call=call, by=coordinator))
    found = (run.result or {}).get("status")
    if run.status != SelectionRun.Status.DONE or found not in {"optimal", "feasible"}:
        raise RuntimeError(f"The 2021 demo selection failed: {run.error or found}")
    _backdate(mark, call, SELECTED_ON)
    mark = _last_entry()
    decisions_publish(run=run, by=coordinator, today=PUBLISHED_ON, notify=False)
    published = datetime.datetime.combine(PUBLISHED_ON, datetime.time(10), tzinfo=BRUSSELS)
    SelectionRun.objects.filter(pk=run.pk).update(
        created_at=SELECTED_ON,
        finished_at=SELECTED_ON + datetime.timedelta(seconds=4),
        published_at=published,
    )
    _backdate(mark, call, published)
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
        mark = _last_entry()
        for number, application in enumerate(offered):
            decision_respond(
                application=application,
                by=application.applicant,
                accept=number not in declining,
                today=day,
                notify=False,
            )
        morning = datetime.datetime.combine(day, datetime.time(8, 30), tzinfo=BRUSSELS)
        _backdate(mark, call, morning, step=datetime.timedelta(minutes=3))


# Audit entries as `log_action` writes them, dated when they happened in 2021 -----------------


def _last_entry() -> int:
    last = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return last or 0


def _log_in_bulk(rows: Iterable[tuple]) -> None:
    """`log_action` for many (object, action, who, changes, when) at once."""
    entries, times = [], []
    for obj, action, by, changes, at in rows:
        entries.append(
            AuditEntry(
                actor=by,
                action=action,
                object_type=obj._meta.label_lower,
                object_id=str(obj.pk),
                object_repr=str(obj)[:200],
                changes=changes,
            )
        )
        times.append(at)
    entries = AuditEntry.objects.bulk_create(entries, batch_size=1000)
    for entry, at in zip(entries, times, strict=True):
        entry.at = at  # `at` is set on creation; the past is written afterwards
    AuditEntry.objects.bulk_update(entries, ["at"], batch_size=500)


def _backdate(
    mark: int, call: Call, at: datetime.datetime, step: datetime.timedelta | None = None
) -> None:
    """Dates the entries about the call and its applications written since `mark` from `at`,
    `step` apart."""
    keys = {("calls.call", str(call.pk))} | {
        ("calls.application", str(pk)) for pk in call.applications.values_list("pk", flat=True)
    }
    entries = [
        entry
        for entry in AuditEntry.objects.filter(pk__gt=mark).order_by("pk")
        if (entry.object_type, entry.object_id) in keys
    ]
    for number, entry in enumerate(entries):
        entry.at = at + (step or datetime.timedelta(0)) * number
    AuditEntry.objects.bulk_update(entries, ["at"], batch_size=500)
