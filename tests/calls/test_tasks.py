"""The background entry points: copies, runs, outcome mails that are never stale."""

import datetime
import zoneinfo
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone
from django_tasks_db.models import DBTaskResult

from citypeers.calls.models import Application, Question, SelectionRun
from citypeers.calls.services.decisions import (
    decision_respond,
    decisions_publish,
    pass_on_unanswered,
)
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.calls.tasks import (
    notify_host_selected,
    notify_outcome,
    run_selection,
    send_application_copy,
)
from tests.calls.helpers import apply, close, complete
from tests.core.test_background import run_ready_tasks
from tests.factories import OrganisationFactory, UserFactory, sent_application

pytestmark = pytest.mark.django_db


def test_someone_who_answered_before_the_mail_went_out_gets_no_stale_mail(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    with django_capture_on_commit_callbacks() as queued:  # the mails wait in the queue
        decisions_publish(run=run, by=coordinator)
    aino = Application.objects.get()
    decision_respond(application=aino, by=aino.applicant, accept=True)
    mail.outbox.clear()
    for callback in queued:
        callback()
    assert mail.outbox == []  # not "we are sorry: you were not selected"


def test_a_copy_goes_only_for_an_application_still_sent(call):
    application = apply(call, "Aino")
    question = Question.objects.create(call=call, kind="short_text", label="Your street?")
    application.answers = {str(question.pk): "Mill Lane"}
    application.save()
    send_application_copy.call(application_id=application.pk, first=True)
    [copy] = mail.outbox
    assert copy.to == [application.applicant.email] and "Your street?" in copy.body
    assert "Mill Lane" in copy.body
    mail.outbox.clear()
    application.status = "withdrawn"
    application.save()
    send_application_copy.call(application_id=application.pk, first=False)
    assert mail.outbox == []


def test_a_run_is_solved_once(call, coordinator):
    apply(call, "Aino")
    run = SelectionRun.objects.create(call=call, number=1, instance={}, status="done")
    run_selection.call(run_id=run.pk)
    run.refresh_from_db()
    assert run.instance == {}  # a finished run is not solved again
    queued = SelectionRun.objects.create(call=call, number=2, instance={})
    run_selection.call(run_id=queued.pk)
    queued.refresh_from_db()
    assert queued.status == "done" and queued.instance["applicants"]


def test_an_outcome_mail_without_its_outcome_named_goes_for_any_decision(call):
    application = apply(call, "Aino")
    application.outcome = "waitlisted"
    application.waiting_position = 1
    application.outcome_visit = call.visits.get()
    application.save()
    notify_outcome.call(application_id=application.pk)
    [message] = mail.outbox
    assert "number 1 on the waiting list" in message.body
    mail.outbox.clear()
    application.outcome = "confirmed"
    application.save()
    notify_outcome.call(application_id=application.pk)
    assert mail.outbox == []  # an answer is no decision to announce


def test_a_host_is_told_only_once_its_visit_exists(host_call, city):
    person, _practice = city
    application = sent_application(host_call, person)
    notify_host_selected.call(application_id=application.pk)
    assert mail.outbox == []


def test_a_run_handed_back_after_its_worker_died_is_failed_with_the_reason(call):
    run = SelectionRun.objects.create(call=call, number=1, instance={}, status="running")
    run_selection.call(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == "failed" and "stopped before it finished" in run.error
    assert run.result is None  # not solved behind the coordinator's back


def test_the_week_to_answer_starts_when_the_selected_mail_goes_out(
    call, coordinator, django_capture_on_commit_callbacks
):
    aino = apply(call, "Aino")
    aino.applicant.time_zone = "Pacific/Kiritimati"  # where it is already tomorrow, often
    aino.applicant.save()
    close(call)
    run = selection_execute(selection_start(call=call, by=coordinator))
    with django_capture_on_commit_callbacks() as queued:  # the mail waits in the queue
        decisions_publish(run=run, by=coordinator)
    aino.refresh_from_db()
    assert (aino.outcome, aino.respond_by) == ("selected", None)
    far = timezone.localdate() + datetime.timedelta(days=60)
    assert pass_on_unanswered(today=far) == 0  # a place whose mail never went out stays
    mail.outbox.clear()
    for callback in queued:
        callback()
    aino.refresh_from_db()
    mailed_on = timezone.localdate(timezone=zoneinfo.ZoneInfo("Pacific/Kiritimati"))
    assert aino.respond_by == mailed_on + datetime.timedelta(days=7)
    [message] = mail.outbox
    assert formats.date_format(aino.respond_by, "DATE_FORMAT") in message.body


def test_a_decision_mail_that_fails_is_sent_later_once_and_only_then_starts_the_week(
    call, coordinator, settings
):
    aino = apply(call, "Aino")  # its copy goes first, before the queue under test is set
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    Application.objects.filter(pk=aino.pk).update(
        outcome="selected", outcome_visit=call.visits.get()
    )
    mail.outbox.clear()
    notify_outcome.enqueue(application_id=aino.pk, outcome="selected")
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=ConnectionRefusedError("smtp down"),
    ):
        run_ready_tasks()
    aino.refresh_from_db()
    assert aino.respond_by is None and mail.outbox == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {
        "application_id": aino.pk,
        "outcome": "selected",
        "attempt": 2,
    }
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_ready_tasks()
    aino.refresh_from_db()
    assert aino.respond_by is not None and len(mail.outbox) == 1


def test_the_copy_and_the_outcome_are_in_the_applicants_chosen_language(call):
    application = apply(call, "Aino")
    application.applicant.language, application.applicant.languages = "fr", ["en"]
    application.applicant.save()
    send_application_copy.call(application_id=application.pk, first=True)
    application.outcome, application.waiting_position = "waitlisted", 1
    application.outcome_visit = call.visits.get()
    application.save()
    notify_outcome.call(application_id=application.pk)
    copy, outcome = mail.outbox
    assert copy.subject.startswith("Votre candidature")
    assert f"/fr/calls/{call.slug}/apply/" in copy.body
    assert "numéro 1 sur la liste d'attente" in outcome.body
    assert "/fr/me/applications/" in outcome.body


def test_the_copy_quotes_the_call_and_the_questions_in_the_applicants_language(call):
    call.title = {"en": "Heritage in action", "fr": "Le patrimoine en action"}
    call.save()
    question = Question.objects.create(
        call=call,
        kind="single_choice",
        label={"en": "How big is your city?", "fr": "Quelle taille a votre ville ?"},
        choices={"en": ["Small", "Large"], "fr": ["Petite", "Grande"]},
    )
    application = apply(call, "Aino")
    application.applicant.language = "fr"
    application.applicant.save()
    application.answers = {str(question.pk): "Large"}
    application.save()
    send_application_copy.call(application_id=application.pk, first=True)
    [copy] = mail.outbox
    assert "Le patrimoine en action" in copy.subject
    assert "Quelle taille a votre ville ?:\nGrande" in copy.body
    assert "Heritage in action" not in copy.body and "Large" not in copy.body


def test_a_submission_queues_its_copy_with_the_application_not_after_it(
    client, two_visit_call, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    person = UserFactory(organisation=OrganisationFactory())
    client.force_login(person)
    # The server dies as the submission commits: nothing meant to run after the commit runs.
    with django_capture_on_commit_callbacks(execute=False):
        answer = client.post(
            reverse("calls:apply", args=[two_visit_call.slug]), complete(two_visit_call)
        )
    assert answer["Location"] == reverse("calls:mine")
    assert mail.outbox == []  # not sent in the request: the worker sends it
    [queued] = DBTaskResult.objects.filter(task_path__endswith="send_application_copy")
    assert queued.args_kwargs["kwargs"]["first"] is True
    run_ready_tasks()
    [copy] = mail.outbox
    assert copy.to == [person.email]
