"""Background entry points of the calls app: thin, each reads what it needs and calls a
service or sends one mail. Services import these inside the function that enqueues them."""

from django.utils import translation
from django_tasks import task

from citypeers.calls.models import Application, SelectionRun
from citypeers.calls.services.selection import selection_execute
from citypeers.calls.texts.decision_mail import EDITABLE, outcome_message
from citypeers.core.notifications import preferred_language, send_templated_mail


@task()
def send_application_copy(*, application_id: int, first: bool) -> None:
    """The applicant's own copy of what they sent, in their language."""
    application = (
        Application.objects.select_related("call", "applicant", "organisation")
        .prefetch_related("preferences__visit", "call__questions")
        .filter(pk=application_id, status=Application.Status.SUBMITTED)
        .first()
    )
    if application is None:
        return
    questions = application.call.questions.all()
    answers = [(q.label, application.answers.get(str(q.pk), "")) for q in questions]
    send_templated_mail(
        to=application.applicant,
        template="calls/email/application_copy",
        context={"application": application, "answers": answers, "first": first},
        link=("calls:apply", {"slug": application.call.slug}),
    )


@task()
def run_selection(*, run_id: int) -> None:
    run = SelectionRun.objects.filter(pk=run_id, status=SelectionRun.Status.QUEUED).first()
    if run is not None:
        selection_execute(run)


@task()
def notify_outcome(*, application_id: int, outcome: str | None = None) -> None:
    """The selection's outcome for one applicant, in their language, with what to do next;
    nothing if it changed since it was queued (they answered before the mail went out)."""
    application = (
        Application.objects.select_related("call", "applicant", "outcome_visit")
        .prefetch_related("preferences", "call__visits")
        .filter(pk=application_id, outcome__in=[outcome] if outcome else EDITABLE)
        .first()
    )
    if application is None:
        return

    with translation.override(preferred_language(application.applicant.languages)):
        message = outcome_message(application)
    send_templated_mail(
        to=application.applicant,
        template="calls/email/outcome",
        context={"application": application, "message": message},
        link=("calls:mine", {}),
    )


@task()
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
