"""The background entry points: copies, runs, outcome mails that are never stale."""

import pytest
from django.core import mail

from citypeers.calls.models import Application
from citypeers.calls.services.decisions import decision_respond, decisions_publish
from citypeers.calls.services.selection import selection_execute, selection_start
from tests.calls.helpers import apply

pytestmark = pytest.mark.django_db


def test_someone_who_answered_before_the_mail_went_out_gets_no_stale_mail(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    run = selection_execute(selection_start(call=call, by=coordinator))
    with django_capture_on_commit_callbacks() as queued:  # the mails wait in the queue
        decisions_publish(run=run, by=coordinator)
    aino = Application.objects.get()
    decision_respond(application=aino, by=aino.applicant, accept=True)
    mail.outbox.clear()
    for callback in queued:
        callback()
    assert mail.outbox == []  # not "we are sorry: you were not selected"
