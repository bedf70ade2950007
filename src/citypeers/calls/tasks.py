"""Background entry points of the calls app: thin, each reads what it needs and calls a
service or sends one mail. Services import these inside the function that enqueues them.

Every task retries with backoff (`core.background.retrying_task`); a mail is sent inside the
task's transaction (`atomic=True`), so a retry or a worker's death never sends it twice to the
outbox, and what the mail starts (a selected person's time to answer) starts with it."""

from django.conf import settings
from django.utils import translation

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, ReviewAssignment, SelectionRun
from citypeers.calls.services.decisions import decision_mailed
from citypeers.calls.services.selection import selection_execute, selection_run_lost
from citypeers.calls.texts.application import changed_labels, receipt_rows
from citypeers.calls.texts.decision_mail import EDITABLE, outcome_message
from citypeers.core.background import retrying_task, will_retry
from citypeers.core.notifications import mail_language, send_templated_mail


@retrying_task(atomic=True)
def send_application_copy(*, application_id: int, first: bool, changed: list | None = None) -> None:
    """The applicant's own copy of everything they sent, in their language; when sent again,
    what changed (`changed`: the keys `application_save` names)."""
    application = (
        Application.objects.select_related("call", "applicant", "organisation", "practice")
        .prefetch_related("preferences__visit", "call__questions", "files__question")
        .filter(pk=application_id, status=Application.Status.SUBMITTED)
        .first()
    )
    if application is None:
        return
    with translation.override(mail_language(application.applicant)):
        questions = list(application.call.questions.all())
        context = {
            "application": application,
            "first": first,
            "answers": receipt_rows(application, questions),
            "changed": changed_labels(application, questions, changed or []),
        }
    send_templated_mail(
        to=application.applicant,
        template="calls/email/application_copy",
        context=context,
        link=("calls:apply", {"slug": application.call.slug}),
    )


@retrying_task
def run_selection(*, run_id: int) -> None:
    """Solves a queued run; an error puts it back in the queue while attempts remain."""
    run = SelectionRun.objects.select_related("call").filter(pk=run_id).first()
    if run is None:
        return
    if run.status == SelectionRun.Status.RUNNING:
        # Only a task handed back after its worker stopped finds its run still running.
        selection_run_lost(run=run)
    elif run.status == SelectionRun.Status.QUEUED:
        selection_execute(run, retry=will_retry(run_selection))


@retrying_task(atomic=True)
def notify_outcome(*, application_id: int, outcome: str | None = None) -> None:
    """The selection's outcome for one applicant, in their language, with what to do next;
    nothing if it changed since it was queued (they answered before the mail went out). A
    selected person's days to answer count from this mail."""
    application = (
        Application.objects.select_related("call", "applicant", "outcome_visit__programme")
        .prefetch_related("preferences", "call__visits")
        .filter(pk=application_id, outcome__in=[outcome] if outcome else EDITABLE)
        .first()
    )
    if application is None or not decision_mailed(application=application):
        return
    with translation.override(mail_language(application.applicant)):
        message = outcome_message(application)
    send_templated_mail(
        to=application.applicant,
        template="calls/email/outcome",
        # A place comes with the visit's pre-visit questionnaire (its link, in the mail).
        context={
            "application": application,
            "message": message,
            "questionnaire": application.outcome == Outcome.SELECTED,
            "site_url": settings.SITE_URL,
        },
        link=("calls:mine", {}),
    )


@retrying_task(atomic=True)
def notify_host_selected(*, application_id: int) -> None:
    """Tells the organisation chosen to host that its visit is planned, with the link to it."""
    application = (
        Application.objects.select_related("call", "applicant", "hosted_visit__programme")
        .filter(pk=application_id)
        .exclude(hosted_visit=None)
        .first()
    )
    if application is None:
        return
    visit = application.hosted_visit
    send_templated_mail(
        to=application.applicant,
        template="calls/email/host_selected",
        context={"application": application, "visit": visit},
        link=("visits:workspace", {"programme": visit.programme.slug, "visit": visit.slug}),
    )


@retrying_task(atomic=True)
def notify_reviews_assigned(*, call_id: int, reviewer_id: int) -> None:
    """Tells a reviewer how many applications of the call wait for their scores, with the link
    to their review page; nothing once they have scored them all."""
    open_reviews = ReviewAssignment.objects.filter(
        application__call_id=call_id, reviewer_id=reviewer_id, completed_at=None
    ).select_related("application__call", "reviewer")
    first = open_reviews.first()
    if first is None:
        return
    call = first.application.call
    send_templated_mail(
        to=first.reviewer,
        template="calls/email/reviews_assigned",
        context={"call": call, "count": open_reviews.count(), "reviewer": first.reviewer},
        link=("calls:review", {"slug": call.slug}),
    )
