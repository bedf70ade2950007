"""Predicates of the reports app, on the visit a report is about: who writes it (its
rapporteurs and the programme's coordinators), who checks it (the host, while it is in the
factual check), who reads it before it is published (the visit's team)."""

import rules
from django.db.models import Q

from citypeers.programmes.models import Membership, Role, Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.selectors.reports import report_of
from citypeers.visits.permissions import coordinates_visits_programme, is_visit_host


def _rapporteur_visits(user) -> set[int]:
    """The visits the person is rapporteur of (asked once per request)."""
    if not user.is_authenticated:
        return set()
    if "_rapporteur_visits" not in user.__dict__:
        memberships = Membership.objects.filter(user=user, role=Role.RAPPORTEUR)
        user.__dict__["_rapporteur_visits"] = set(
            memberships.exclude(visit=None).values_list("visit_id", flat=True)
        )
    return user.__dict__["_rapporteur_visits"]


@rules.predicate
def is_visit_rapporteur(user, visit: Visit) -> bool:
    return visit is not None and visit.pk in _rapporteur_visits(user)


# Who writes the report: the visit's rapporteurs and the programme's coordinators.
is_report_writer = is_visit_rapporteur | coordinates_visits_programme


def _status(visit: Visit) -> str | None:
    report = report_of(visit) if visit is not None else None
    return report.status if report is not None else None


@rules.predicate
def has_a_report(user, visit: Visit) -> bool:
    return _status(visit) is not None


@rules.predicate
def is_report_in_check(user, visit: Visit) -> bool:
    return _status(visit) == ReportStatus.CHECK


@rules.predicate
def is_report_published(user, visit: Visit) -> bool:
    return _status(visit) == ReportStatus.PUBLISHED


# The host comments while the report is in the factual check; the writers always.
may_comment_report = is_report_writer | (is_visit_host & is_report_in_check)


def writes_report_now(user, visit: Visit) -> bool:
    """As `is_report_writer`, asked afresh: services check it after roles may have changed in
    the same process (the console, the demo), where the per-request answers would be stale."""
    if not user.is_authenticated:
        return False
    memberships = Membership.objects.filter(user=user).filter(
        Q(visit=visit, role=Role.RAPPORTEUR)
        | Q(visit=None, programme_id=visit.programme_id, role=Role.COORDINATOR)
    )
    return memberships.exists()


def hosts_visit_now(user, visit: Visit) -> bool:
    """The host's role on the visit, asked afresh (see `writes_report_now`)."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, visit=visit, role=Role.HOST).exists()
    )


def coordinates_now(user, visit: Visit) -> bool:
    """A coordinator of the visit's programme, asked afresh (see `writes_report_now`)."""
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, visit=None, programme_id=visit.programme_id, role=Role.COORDINATOR
        ).exists()
    )
