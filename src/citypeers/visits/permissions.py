"""Predicates of the visits app: who is on a visit's team, who takes part in it, who may change
one of its tasks, who may give it a plan, and whether the visit has started or is over (its
workspace is then a record nobody changes)."""

import datetime

import rules
from django.db.models import Q
from django.utils import timezone

from citypeers.core.permissions import is_staff
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import RECOMMENDATION_ANSWER_DAYS, TEAM_ROLES, ResourceVisibility
from citypeers.visits.selectors.feeds import visit_people
from citypeers.visits.selectors.mine import visits_placed
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.selectors.roster import has_a_place


def _roles_on_visit(user, visit_id: int) -> set[str]:
    """The person's roles on the visit, plus "coordinator" when they coordinate its programme
    (asked once per person and visit in a request, however many tasks a page shows)."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_visit_roles", {})
    if visit_id not in cache:
        memberships = Membership.objects.filter(user=user).filter(
            Q(visit_id=visit_id) | Q(role=Role.COORDINATOR, programme__visits=visit_id)
        )
        cache[visit_id] = set(memberships.values_list("role", flat=True))
    return cache[visit_id]


@rules.predicate
def is_visit_team(user, visit: Visit) -> bool:
    """The programme's coordinators and the visit's host, experts and rapporteurs."""
    if visit is None:
        return False
    roles = _roles_on_visit(user, visit.pk)
    return Role.COORDINATOR in roles or bool(roles & TEAM_ROLES)


def _programmes_coordinated(user) -> set[int]:
    """The programmes the person coordinates (asked once per request, however many visits a
    page asks about)."""
    if not user.is_authenticated:
        return set()
    if "_coordinated_programmes" not in user.__dict__:
        coordinated = Membership.objects.filter(user=user, role=Role.COORDINATOR)
        user.__dict__["_coordinated_programmes"] = set(
            coordinated.values_list("programme_id", flat=True)
        )
    return user.__dict__["_coordinated_programmes"]


@rules.predicate
def coordinates_visits_programme(user, visit: Visit) -> bool:
    return visit is not None and visit.programme_id in _programmes_coordinated(user)


@rules.predicate
def has_a_plan(user, visit: Visit) -> bool:
    return visit is not None and plan_of(visit) is not None


def visit_last_day(visit: Visit) -> datetime.date | None:
    return visit.ends_on or visit.starts_on


@rules.predicate
def is_finished_visit(user, visit: Visit) -> bool:
    """A visit whose last day (its end, else its start) is before today; undated: not yet."""
    last_day = visit_last_day(visit) if visit is not None else None
    return last_day is not None and last_day < timezone.localdate()


@rules.predicate
def is_in_finished_visit(user, task) -> bool:
    return task is not None and is_finished_visit(user, task.visit)


@rules.predicate
def may_act_on_task(user, task) -> bool:
    """Its owner; while nobody owns it, whoever holds its role on the visit (they take it, as
    its reminders go to them); the visit's host team; the programme's coordinators."""
    if task is None:
        return False
    roles = _roles_on_visit(user, task.visit_id)
    if not (Role.COORDINATOR in roles or roles & TEAM_ROLES):
        return False  # an owner who left the team
    return (
        task.owner_id == user.pk
        or (task.owner_id is None and task.role in roles)
        or bool(roles & {Role.HOST, Role.COORDINATOR})
    )


@rules.predicate
def is_visit_participant(user, visit: Visit) -> bool:
    """A confirmed place on the visit (from the published selection), or its participant's
    role: they see the other participants who consented."""
    return visit is not None and has_a_place(user, visit)


@rules.predicate
def is_given_a_place(user, visit: Visit) -> bool:
    """A place on the visit, confirmed or still waiting for their answer (the outcome mail
    links the questionnaire), or its participant's role."""
    if visit is None or not user.is_authenticated:
        return False
    return is_visit_participant(user, visit) or visits_placed(user).filter(pk=visit.pk).exists()


@rules.predicate
def has_started(user, visit: Visit) -> bool:
    """Its first day has come; undated: not yet."""
    return (
        visit is not None
        and visit.starts_on is not None
        and (visit.starts_on <= timezone.localdate())
    )


@rules.predicate
def is_visit_person(user, visit: Visit) -> bool:
    """One of the visit's people (`feeds.visit_people`): its team, the programme's coordinators
    and those given a place. Only they get its room links."""
    return (
        visit is not None
        and user.is_authenticated
        and user.pk in {person.pk for person in visit_people(visit)}
    )


@rules.predicate
def is_visit_host(user, visit: Visit) -> bool:
    """The visit's host (its membership's role), who answers the team's recommendations."""
    return visit is not None and Role.HOST in _roles_on_visit(user, visit.pk)


@rules.predicate
def is_visit_expert(user, visit: Visit) -> bool:
    """The visit's expert (its membership's role), who may read plans shared with them."""
    return visit is not None and Role.EXPERT in _roles_on_visit(user, visit.pk)


def recommendations_answerable_until(visit: Visit) -> datetime.date | None:
    """The last day the host may answer: a year after the visit's last day; undated: open."""
    last_day = visit_last_day(visit)
    if last_day is None:
        return None
    return last_day + datetime.timedelta(days=RECOMMENDATION_ANSWER_DAYS)


@rules.predicate
def is_past_answering(user, visit: Visit) -> bool:
    """More than a year after the visit's last day: its recommendations' answers are kept."""
    until = recommendations_answerable_until(visit) if visit is not None else None
    return until is not None and until < timezone.localdate()


def resource_reach(user, visit: Visit) -> ResourceVisibility:
    """The widest visibility of session resources meant for `user`: the visit's team,
    coordinators (and staff, who run any visit) see every one; its people the visit's; anyone
    else the public ones."""
    if is_staff(user) or is_visit_team(user, visit):
        return ResourceVisibility.TEAM
    if is_visit_person(user, visit):
        return ResourceVisibility.VISIT
    return ResourceVisibility.PUBLIC
