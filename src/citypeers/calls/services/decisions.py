"""Publishing a selection's decisions, and the answers of the people selected.

Publishing gives each applicant the placement of the run (`selectors/placements.py`). A decline or a
lapsed answer frees a place: it goes to the first person waiting for that visit (its own
waiting list, then those the run also listed for it) whose entry keeps every quota of the
visit as it stands then (`optim/freed_places.py`). Every change takes the call's row lock."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.calls.enums import RESPOND_WITHIN, Outcome
from citypeers.calls.models import Application, Call, SelectionRun
from citypeers.calls.optimiser import freed_place_offer
from citypeers.calls.selectors.calls import published_run
from citypeers.calls.selectors.placements import (
    Placement,
    answered_applications,
    run_capacities,
    run_placements,
)
from citypeers.core.audit import log_action
from citypeers.core.errors import CallError


def _notify(applications: list[Application]) -> None:
    """After the commit, one mail per person, about the outcome they have now."""
    from citypeers.calls.tasks import notify_outcome  # tasks import services

    queued = [(application.pk, application.outcome) for application in applications]
    transaction.on_commit(
        lambda: [notify_outcome.enqueue(application_id=pk, outcome=o) for pk, o in queued]
    )


def decisions_publish(
    *,
    run: SelectionRun,
    by,
    today: datetime.date | None = None,
    notify: bool = True,
    now: datetime.datetime | None = None,
) -> int:
    """Gives every application the run considered its outcome, and tells each person
    (unless `notify` is false: demo data about past programmes sends no mail). Only once the
    call has closed: before, others may still apply or change what they sent."""
    if not run.call.is_closed(now):
        raise CallError(
            _(
                "Decisions are published once the call has closed, so that nobody is told "
                "while others may still apply."
            )
        )
    if run.status != SelectionRun.Status.DONE or run.result.get("status") not in {
        "optimal",
        "feasible",
    }:
        raise CallError(_("Only a finished run that found a selection can be published."))
    today = today or timezone.localdate()
    decisions = run.result.get("decisions", {})
    placements = run_placements(run)
    considered = {item["id"] for item in run.instance["applicants"]}
    published = []
    with transaction.atomic():
        # The call's row lock orders publishing against answers and freed places.
        Call.objects.select_for_update().get(pk=run.call_id)
        run.refresh_from_db(fields=["published_at"])
        if run.published_at:
            raise CallError(_("These decisions are published already."))
        if answered_applications(run.call).exists():
            # Publishing again would take back places people have already confirmed.
            raise CallError(
                _(
                    "People have already answered the published decisions; publishing "
                    "another run would undo their answers."
                )
            )
        sent = run.call.applications.filter(
            pk__in=[int(k) for k in considered], status=Application.Status.SUBMITTED
        )
        # Whoever this run left out (withdrawn since, left out by hand) keeps no earlier outcome.
        run.call.applications.exclude(pk__in=sent.values("pk")).exclude(outcome="").update(
            outcome="",
            outcome_visit=None,
            waiting_position=None,
            respond_by=None,
            outcome_reason="",
            outcome_why={},
        )
        for application in sent:
            key = str(application.pk)
            decision = decisions.get(key, {})
            application.outcome_reason = (decision.get("reason") or "")[:300]
            application.outcome_why = decision.get("why") or {}
            placement = placements.get(key, Placement(Outcome.NOT_SELECTED))
            application.outcome = placement.outcome
            application.outcome_visit_id = int(placement.visit) if placement.visit else None
            application.waiting_position = placement.position
            selected = placement.outcome == Outcome.SELECTED
            # The days to answer count from the mail (`decision_mailed`); without one, today.
            application.respond_by = today + RESPOND_WITHIN if selected and not notify else None
            application.save()
            published.append(application)
        run.call.selection_runs.exclude(pk=run.pk).update(published_at=None)
        run.published_at = timezone.now()
        run.save(update_fields=["published_at"])
        log_action(run.call, "selection.published", by=by, changes={"run": run.number})
        if notify:
            _notify(published)
    return len(published)


def decision_mailed(*, application: Application, today: datetime.date | None = None) -> bool:
    """Called by the outcome mail's task in its transaction, before the mail is written: a
    selected person's days to answer start now, in their own time zone, so a mail that never
    went out never lets their place lapse. False if they answered meanwhile (no mail then)."""
    if application.outcome != Outcome.SELECTED or application.respond_by:
        return True
    today = today or timezone.localdate(timezone=application.applicant.time_zone)
    respond_by = today + RESPOND_WITHIN
    updated = Application.objects.filter(
        pk=application.pk, outcome=Outcome.SELECTED, respond_by=None
    ).update(respond_by=respond_by)
    application.respond_by = respond_by
    return bool(updated)


def decision_respond(
    *,
    application: Application,
    by,
    accept: bool,
    today: datetime.date | None = None,
    notify: bool = True,
) -> Application:
    """The selected person confirms or declines; a decline offers the place to the next."""
    today = today or timezone.localdate()
    with transaction.atomic():
        # Locked and read again: a double click or the daily lapse may have answered already.
        call = Call.objects.select_for_update().get(pk=application.call_id)
        applicant = application.applicant
        application.refresh_from_db()  # this forgets the related objects: give them back
        application.call, application.applicant = call, applicant
        if application.outcome != Outcome.SELECTED:
            raise CallError(_("There is no place waiting for your answer."))
        if application.respond_by and today > application.respond_by:
            raise CallError(_("The time to answer has passed; contact the coordinators."))
        application.outcome = Outcome.CONFIRMED if accept else Outcome.DECLINED
        application.respond_by = None
        application.save(update_fields=["outcome", "respond_by", "updated_at"])
        log_action(
            application,
            "selection.confirmed" if accept else "selection.declined",
            by=by,
            changes={},
        )
        if not accept and application.outcome_visit_id:
            _offer_next(application, today, notify=notify)
    return application


def pass_on_unanswered(today: datetime.date | None = None) -> int:
    """Places not confirmed by their date count as declined and go to the next in line; a
    place whose mail has not gone out yet has no date, so it never lapses."""
    today = today or timezone.localdate()
    lapsed = Application.objects.filter(outcome=Outcome.SELECTED, respond_by__lt=today)
    count = 0
    for application in lapsed.select_related("call"):
        with transaction.atomic():
            Call.objects.select_for_update().get(pk=application.call_id)
            application.refresh_from_db()
            if application.outcome != Outcome.SELECTED:  # answered meanwhile
                continue
            application.outcome = Outcome.DECLINED
            application.outcome_reason = "no answer by the date asked"
            application.outcome_why = {"code": "no_answer"}
            application.respond_by = None
            application.save(
                update_fields=[
                    "outcome",
                    "outcome_reason",
                    "outcome_why",
                    "respond_by",
                    "updated_at",
                ]
            )
            log_action(application, "selection.lapsed", changes={})
            if application.outcome_visit_id:
                _offer_next(application, today)
        count += 1
    return count


def _offer_next(declined: Application, today: datetime.date, *, notify: bool = True) -> None:
    """Called with the call's row locked, so two freed places never go to the same person
    and one place never to two. The visit's own waiting list comes first; after it, those
    the run also listed for this visit who wait on another visit they ranked higher."""
    visit_id = declined.outcome_visit_id
    applications = declined.call.applications
    run = published_run(declined.call)
    candidates = _candidates(applications, run, visit_id)
    holders = [
        str(pk)
        for pk in applications.filter(
            outcome__in=[Outcome.SELECTED, Outcome.CONFIRMED], outcome_visit_id=visit_id
        ).values_list("pk", flat=True)
    ]
    if not candidates or (run and len(holders) >= run_capacities(run).get(str(visit_id), 0)):
        return
    offer = freed_place_offer(
        instance=run.instance if run else None,
        visit_id=str(visit_id),
        holders=holders,
        candidates=[str(application.pk) for application in candidates],
    )
    if offer.applicant is None:
        log_action(declined, "selection.place_open", by=None, changes={"why": offer.note})
        return
    first = next(item for item in candidates if str(item.pk) == offer.applicant)
    left_list = first.outcome_visit_id
    first.outcome, first.outcome_visit_id, first.waiting_position = Outcome.SELECTED, visit_id, None
    first.respond_by = None if notify else today + RESPOND_WITHIN  # else set by the mail
    first.outcome_reason = "offered the place freed by a decline"
    first.outcome_why = {"code": "offered"}
    first.save()
    for list_visit in {visit_id, left_list}:
        _renumber(applications, list_visit)
    log_action(
        first, "selection.offered", by=None, changes={"after": declined.pk, "quotas": offer.note}
    )
    if notify:
        _notify([first])


def _candidates(applications, run, visit_id: int) -> list[Application]:
    waiting = applications.filter(
        outcome=Outcome.WAITLISTED, status=Application.Status.SUBMITTED
    ).order_by("waiting_position")
    own = [application for application in waiting if application.outcome_visit_id == visit_id]
    listed = (run.result or {}).get("waiting_lists", {}).get(str(visit_id), []) if run else []
    elsewhere = {str(a.pk): a for a in waiting if a.outcome_visit_id != visit_id}
    return own + [elsewhere[key] for key in listed if key in elsewhere]


def _renumber(applications, visit_id: int) -> None:
    """Positions on a visit's waiting list count from 1 again after someone left it."""
    waiting = applications.filter(outcome=Outcome.WAITLISTED, outcome_visit_id=visit_id)
    for position, application in enumerate(waiting.order_by("waiting_position"), start=1):
        if application.waiting_position != position:
            application.waiting_position = position
            application.save(update_fields=["waiting_position"])
