"""What the calls ask of one person now, for their home page (`/me/`): reviews to score,
places waiting for their answer, the visits they were given a place in (and, for a visit's
roster, who has a confirmed place on it), and, for coordinators, the calls that wait for their
next step."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, Call, ReviewAssignment, SelectionRun
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.selectors.roster import ConfirmedPlace


def calls_to_review(user, *, now=None) -> QuerySet[Call]:
    """Calls in their review phase (closed, decisions not published) where the person, still a
    reviewer of the programme, has assignments left to score; each with `to_score` and
    `assigned`. One query, whatever the number of calls."""
    now = now or timezone.now()
    mine = Q(applications__review_assignments__reviewer=user)
    reviewing = Membership.objects.filter(user=user, role=Role.REVIEWER).values("programme_id")
    return (
        Call.objects.filter(published_at__isnull=False, closes_at__lte=now)
        .filter(programme_id__in=reviewing)
        .exclude(selection_runs__published_at__isnull=False)
        .annotate(
            assigned=Count("applications__review_assignments", filter=mine),
            to_score=Count(
                "applications__review_assignments",
                filter=mine & Q(applications__review_assignments__completed_at=None),
            ),
        )
        .filter(to_score__gt=0)
        .select_related("programme")
        .order_by("closes_at", "pk")
    )


def places_to_answer(user) -> QuerySet[Application]:
    """Applications whose place waits for the person's answer, the most urgent first."""
    return (
        Application.objects.filter(applicant=user, outcome=Outcome.SELECTED)
        .select_related("call", "outcome_visit__programme")
        .order_by("respond_by", "pk")
    )


# A place held in a visit: given and waiting for the person's answer, or confirmed.
HELD = (Outcome.SELECTED, Outcome.CONFIRMED)


def _places(*, outcomes=HELD, **where) -> QuerySet[Application]:
    """The applications that hold a place (`outcomes`) and match `where`: what "My visits",
    the agenda's mails, /me/ and the roster read, each from its side."""
    return Application.objects.filter(outcome__in=outcomes, **where)


def visits_given_to(user) -> QuerySet[Visit]:
    """Visits the person has a place in: selected (waiting for their answer) or confirmed."""
    return Visit.objects.filter(pk__in=_places(applicant=user).values("outcome_visit_id"))


def visits_confirmed_for(user) -> QuerySet[Visit]:
    """Visits the person confirmed their place in (not those still waiting for an answer)."""
    confirmed = _places(applicant=user, outcomes=[Outcome.CONFIRMED])
    return Visit.objects.filter(pk__in=confirmed.values("outcome_visit_id"))


def people_given_a_place_in(visit: Visit) -> QuerySet:
    """The people with a place in the visit (selected or confirmed): `visits_given_to` read the
    other way."""
    return get_user_model().objects.filter(
        pk__in=_places(outcome_visit=visit).values("applicant_id")
    )


def _count(rows: QuerySet, by: str):
    """How many of `rows` belong to the outer call (`by` names the call), as a subquery so
    several counts on one call multiply no rows."""
    counted = rows.filter(**{by: OuterRef("pk")}).values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def calls_to_steer(user, *, now=None) -> QuerySet[Call]:
    """The calls of the programmes the person coordinates that wait for a step from them:
    drafts, open calls, closed calls with applications whose decisions are not published, and
    published ones whose places still wait for answers. Each with `sent`, `reviews_open`,
    `awaiting` and `decided`; the soonest to close first."""
    now = now or timezone.now()
    coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("programme_id")
    sent = Application.objects.filter(status=Application.Status.SUBMITTED)
    return (
        Call.objects.filter(programme_id__in=coordinated)
        .annotate(
            sent=_count(sent, "call"),
            reviews_open=_count(
                ReviewAssignment.objects.filter(completed_at=None), "application__call"
            ),
            awaiting=_count(Application.objects.filter(outcome=Outcome.SELECTED), "call"),
            decided=Exists(
                SelectionRun.objects.filter(call=OuterRef("pk"), published_at__isnull=False)
            ),
        )
        .filter(Q(decided=False) | Q(awaiting__gt=0))
        # A call that closed with no application sent leaves nothing to select.
        .exclude(Q(closes_at__lte=now) & Q(sent=0) & Q(decided=False))
        .select_related("programme")
        .order_by(F("closes_at").asc(nulls_first=True), "pk")
    )


def confirmed_places(visit: Visit, *, user=None) -> list[ConfirmedPlace]:
    """The visit's confirmed places (only `user`'s, when given), with what each person said
    when applying; a late replacement from the waiting list is one of them once confirmed."""
    applications = _places(outcome_visit=visit, outcomes=[Outcome.CONFIRMED])
    if user is not None:
        applications = applications.filter(applicant=user)
    applications = applications.select_related(
        "applicant__organisation__place", "organisation__place"
    )
    return [
        ConfirmedPlace(
            user=application.applicant,
            organisation=application.organisation,
            challenge=application.challenge,
            access_needs=application.access_needs,
            languages=tuple(application.languages),
        )
        for application in applications
    ]
