"""The pre-visit questionnaire: who answers it, edits until the visit starts and reads it after,
what it refuses, what the audit trail keeps of it, and the link in the outcome mail."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.tasks import notify_outcome
from citypeers.core.audit import AuditEntry
from citypeers.core.errors import VisitError
from citypeers.visits.models import QuestionnaireAnswer
from citypeers.visits.services.questionnaire import questionnaire_answer_save
from tests.races import race
from tests.visits.conftest import placed

pytestmark = pytest.mark.django_db

ANSWERS = {
    "expectations": "See how Tampere runs its heritage walks",
    "challenge": "Our walks reach only tourists",
    "can_share": "Our volunteer guide scheme",
    "dietary_needs": "Vegetarian",
    "access_needs": "",
    "other_needs": "",
}


def url(visit):
    return reverse("visits:questionnaire", args=[visit.programme.slug, visit.slug])


def starts_in(visit, days: int) -> None:
    visit.starts_on = timezone.localdate() + datetime.timedelta(days=days)
    visit.ends_on = visit.starts_on + datetime.timedelta(days=2)
    visit.save()


def test_a_participant_answers_and_changes_their_answer(client, call, visit):
    starts_in(visit, 10)
    ana = placed(call, visit)
    client.force_login(ana)

    response = client.post(url(visit), {**ANSWERS, "shares_with_participants": "on"})
    assert response.status_code == 302 and response["Location"] == url(visit)
    client.post(url(visit), {**ANSWERS, "challenge": "Our walks miss the suburbs"})

    answer = QuestionnaireAnswer.objects.get(visit=visit, person=ana)
    assert answer.challenge == "Our walks miss the suburbs"
    assert answer.shares_with_participants is False  # unticked the second time
    page = client.get(url(visit)).content.decode()
    assert "Our walks miss the suburbs" in page and "Save my answers" in page


def test_consent_to_be_shown_is_off_until_given(client, call, visit):
    ana = placed(call, visit)
    client.force_login(ana)

    client.post(url(visit), ANSWERS)

    assert QuestionnaireAnswer.objects.get(person=ana).shares_with_participants is False


def test_someone_selected_but_not_yet_confirmed_answers_it_too(client, call, visit):
    """The outcome mail of a selected person links it before they confirm."""
    client.force_login(placed(call, visit, outcome="selected"))

    assert client.post(url(visit), ANSWERS).status_code == 302


def test_the_team_answers_it_too(client, visit, people_by_role):
    client.force_login(people_by_role["expert"])

    assert client.post(url(visit), ANSWERS).status_code == 302


@pytest.mark.parametrize("outcome", ["declined", "waitlisted", "not_selected"])
def test_people_without_a_place_are_refused(client, call, visit, outcome):
    client.force_login(placed(call, visit, outcome=outcome))

    assert client.get(url(visit)).status_code == 403
    assert client.post(url(visit), ANSWERS).status_code == 403
    assert not QuestionnaireAnswer.objects.exists()


def test_an_empty_answer_is_refused_with_the_reason(client, call, visit):
    client.force_login(placed(call, visit))

    response = client.post(url(visit), {"can_share": "A method"})

    assert response.status_code == 200
    assert "Say what you expect from the visit or the challenge you bring" in response.text
    assert not QuestionnaireAnswer.objects.exists()


def test_an_answer_too_long_is_refused_at_its_field(client, call, visit):
    client.force_login(placed(call, visit))

    response = client.post(url(visit), {**ANSWERS, "expectations": "x" * 3001})

    assert response.status_code == 200
    assert "Ensure this value has at most 3000 characters" in response.text
    assert not QuestionnaireAnswer.objects.exists()


def test_once_the_visit_has_started_the_answer_is_read_only(client, call, visit):
    starts_in(visit, 1)
    ana = placed(call, visit)
    client.force_login(ana)
    client.post(url(visit), ANSWERS)
    starts_in(visit, 0)

    page = client.get(url(visit)).content.decode()
    refused = client.post(url(visit), {**ANSWERS, "challenge": "Changed"})

    assert "the questionnaire can no longer be changed" in page
    assert "Our walks reach only tourists" in page and "disabled" in page
    assert "Save my answers" not in page
    assert refused.status_code == 403
    assert QuestionnaireAnswer.objects.get(person=ana).challenge == ANSWERS["challenge"]


def test_the_service_refuses_a_change_once_the_visit_has_started(call, visit):
    starts_in(visit, 0)
    ana = placed(call, visit)

    with pytest.raises(VisitError):
        questionnaire_answer_save(visit=visit, person=ana, by=ana, fields=ANSWERS)
    assert not QuestionnaireAnswer.objects.exists()


def test_the_audit_trail_names_changed_needs_without_their_content(call, visit):
    ana = placed(call, visit)

    answer = questionnaire_answer_save(visit=visit, person=ana, by=ana, fields=ANSWERS)
    questionnaire_answer_save(
        visit=visit, person=ana, by=ana, fields={**ANSWERS, "dietary_needs": "Vegan"}
    )

    created, changed = AuditEntry.objects.filter(
        object_type="visits.questionnaireanswer", object_id=str(answer.pk)
    ).order_by("pk")
    assert created.action == "questionnaire.answered"
    assert changed.action == "questionnaire.changed"
    assert changed.changes == {"dietary_needs": "…"}
    assert "Vegan" not in str(created.changes) + str(changed.changes)


def test_the_visit_page_links_the_questionnaire_for_its_people_only(client, call, visit):
    page = reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    client.force_login(placed(call, visit))
    assert url(visit) in client.get(page).content.decode()
    client.force_login(placed(call, visit, outcome="declined"))
    assert url(visit) not in client.get(page).content.decode()


def test_the_mail_of_a_selected_person_links_the_questionnaire(call, visit):
    application = placed(call, visit, outcome="selected").applications.get()

    notify_outcome.call(application_id=application.pk, outcome="selected")

    [message] = mail.outbox
    assert f"/en{url(visit)[3:]}" in message.body


def test_the_mail_of_a_waiting_person_does_not(call, visit):
    application = placed(call, visit, outcome="waitlisted").applications.get()
    application.waiting_position = 1
    application.save()

    notify_outcome.call(application_id=application.pk, outcome="waitlisted")

    [message] = mail.outbox
    assert "questionnaire" not in message.body


@pytest.mark.django_db(transaction=True)
def test_a_first_answer_sent_twice_at_once_is_saved_once(call, visit):
    """A double click on the first sending: on PostgreSQL the second met the first only at the
    unique index and failed with an error page."""
    starts_in(visit, 10)
    ana = placed(call, visit)
    changed = ANSWERS | {"challenge": "Our walks reach only tourists, and only in summer"}
    first, second = race(
        lambda: questionnaire_answer_save(visit=visit, person=ana, by=ana, fields=ANSWERS),
        lambda: questionnaire_answer_save(visit=visit, person=ana, by=ana, fields=changed),
        hold_after="citypeers.visits.services.questionnaire.log_action",
    )
    assert (first.error, second.error) == (None, None)
    [answer] = QuestionnaireAnswer.objects.all()
    assert answer.challenge == changed["challenge"]  # the later sending wins
