"""Host calls: organisations with a published practice "willing to host" propose a visit,
and a coordinator who selects one creates its visit from a methodology template in one step."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.calls.enums import FALLBACK_ZONE, Outcome
from citypeers.calls.models import Application, Call
from citypeers.core.audit import log_action
from citypeers.core.errors import CallError, VisitError
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.methodology.selectors.planner import current_versions_by_mode
from citypeers.places.countries import country_zone
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.services.plans import visit_create_from_plan


def host_select(
    *, call: Call, application: Application, by, today: datetime.date | None = None
) -> Visit:
    """Makes the proposed visit, planned from the current template of its mode, with the
    applicant in its host role; the application is marked as the chosen host."""
    today = today or timezone.localdate()
    if call.type != Call.Type.HOSTS or application.call_id != call.pk:
        raise CallError(_("Only an application to a host call can be chosen to host."))
    if application.status != Application.Status.SUBMITTED:
        raise CallError(_("Only a sent application can be chosen to host."))
    if call.is_open():  # until the close, applicants may still change or withdraw
        raise CallError(_("Hosts can be chosen once the call has closed."))
    if application.hosted_visit_id:
        raise CallError(_("This host's visit exists already."))
    if not (application.practice and application.proposed_mode and application.proposed_from):
        raise CallError(_("The application does not say which practice, mode and dates."))
    if application.proposed_from <= today:
        raise CallError(
            _(
                "The proposed start, %(date)s, has passed: agree on new dates with the host and "
                "plan the visit from the planner."
            )
            % {"date": application.proposed_from}
        )
    version = current_versions_by_mode().get(application.proposed_mode)
    if version is None:
        raise CallError(_("The methodology has no template for this mode yet."))
    place = application.practice.places.first() or getattr(application.organisation, "place", None)
    if place is None:
        raise CallError(_("The practice names no place to host the visit in."))
    topic = application.proposed_topic or application.practice.title
    request = PlanRequest(
        mode=application.proposed_mode,
        start=application.proposed_from,
        days=version.default_days,
        participants=version.default_participants,
        host_tz=country_zone(place.country.code) or FALLBACK_ZONE,
        host_country=place.country.code,
        topic=topic,
    )
    with transaction.atomic():
        # A double click must not make two visits: lock, and look again.
        Call.objects.select_for_update().get(pk=call.pk)
        if Application.objects.filter(pk=application.pk).exclude(hosted_visit=None).exists():
            raise CallError(_("This host's visit exists already."))
        try:
            visit = visit_create_from_plan(
                programme=call.programme,
                by=by,
                title=f"{place.name}: {topic}"[:300],
                host_place=place,
                practice=application.practice,
                version=version,
                request=request,
                today=today,
            )
        except VisitError as error:
            raise CallError(error.message) from None
        Membership.objects.get_or_create(
            user=application.applicant, programme=call.programme, visit=visit, role=Role.HOST
        )
        application.hosted_visit = application.outcome_visit = visit
        application.outcome = Outcome.CONFIRMED
        application.outcome_reason = "chosen to host a visit"
        application.outcome_why = {"code": "host"}
        application.save()
        log_action(application, "host.selected", by=by, changes={"visit": visit.slug})
    from citypeers.calls.tasks import notify_host_selected  # tasks import services

    transaction.on_commit(lambda: notify_host_selected.enqueue(application_id=application.pk))
    return visit
