"""The background entry points: copies, runs, outcome mails that are never stale."""

import pytest
from django.core import mail

from citypeers.calls.models import Application, Question, SelectionRun
from citypeers.calls.services.decisions import decision_respond, decisions_publish
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.calls.tasks import (
    notify_host_selected,
    notify_outcome,
    run_selection,
    send_application_copy,
)
from tests.calls.helpers import apply, close
from tests.factories import sent_application

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
