"""Answering a survey from a personal link: only its person, once, while open; anonymous
answers keep nothing that leads back to them."""

import datetime

import pytest
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone

from citypeers.core.errors import FeedbackError
from citypeers.core.models import AuditEntry
from citypeers.feedback.enums import Anonymity, Moment
from citypeers.feedback.models import Answer, Response
from citypeers.feedback.selectors.answering import invitation_link
from citypeers.feedback.services.answering import AnswerDraft, pseudonym_of, response_submit
from tests.factories import AgendaSessionFactory, UserFactory, VisitFactory
from tests.feedback.factories import invitation_for, survey_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(display_name="Ada Lovelace")


@pytest.fixture
def invitation(visit, person):
    return invitation_for(survey_of(visit), person)


def _valid_post(invitation) -> dict:
    """The end-of-visit survey's required answers."""
    questions = {q.key: q.pk for q in invitation.survey.version.questions.all()}
    return {
        f"q{questions['satisfaction']}": "4",
        f"q{questions['recommend']}": "0",
        f"q{questions['knowledge']}_before": "2",
        f"q{questions['knowledge']}_after": "4",
        f"q{questions['will-apply']}": "Night-time economy adviser",
    }


def test_the_link_opens_the_form_for_its_person_signed_out(client, invitation):
    page = client.get(invitation_link(invitation))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Nobody, not even the organisers, can see who gave these answers" in text
    assert "Overall, how satisfied are you with the visit? (required)" in text
    assert "<legend>" in text  # ratings are radio groups with a visible legend


def test_the_link_works_for_its_person_signed_in(client, invitation, person):
    client.force_login(person)
    response = client.post(invitation_link(invitation), _valid_post(invitation))
    assert response.status_code == 302
    thanks = client.get(response.url)
    assert "Thank you, your answers are in" in thanks.content.decode()


def test_someone_else_signed_in_is_refused_without_learning_who(client, invitation):
    client.force_login(UserFactory())
    page = client.get(invitation_link(invitation))
    assert page.status_code == 403
    assert "This link was sent to someone else" in page.content.decode()
    assert "Ada Lovelace" not in page.content.decode()
    posted = client.post(invitation_link(invitation), _valid_post(invitation))
    assert posted.status_code == 403 and not Response.objects.exists()


def test_a_tampered_or_foreign_token_is_not_found(client, invitation):
    link = invitation_link(invitation)
    assert client.get(link[:-3] + "abc/").status_code == 404
    forged = signing.dumps(invitation.key, salt="another.purpose")
    assert client.get(reverse("feedback:answer", args=[forged])).status_code == 404


def test_a_closed_survey_says_so_and_when(client, visit, person):
    past = timezone.now() - datetime.timedelta(days=20)
    invitation = invitation_for(survey_of(visit, send_at=past), person)
    page = client.get(invitation_link(invitation))
    assert "This survey has closed" in page.content.decode()
    client.post(invitation_link(invitation), _valid_post(invitation))
    assert not Response.objects.exists()


def test_an_answered_survey_thanks_and_takes_no_second_answer(client, invitation):
    link = invitation_link(invitation)
    client.post(link, _valid_post(invitation))
    again = client.post(link, _valid_post(invitation))
    assert "Thank you, your answers are in" in again.content.decode()
    assert Response.objects.count() == 1
    invitation.refresh_from_db()
    assert invitation.answered


def test_a_missing_answer_is_shown_at_its_field_and_what_was_typed_stays(client, invitation):
    data = _valid_post(invitation)
    satisfaction = next(k for k in data if k.endswith(tuple("0123456789")) and data[k] == "4")
    del data[satisfaction]
    page = client.post(invitation_link(invitation), data)
    text = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in text and "Choose a rating from 1 to 5." in text
    assert f'href="#id_{satisfaction}_0"' in text or f'href="#id_{satisfaction}"' in text
    assert "Night-time economy adviser" in text
    assert not Response.objects.exists()


def test_session_ratings_list_the_sessions_held_and_not_cancelled(client, visit, person):
    held = AgendaSessionFactory(visit=visit, title="Walk along the river")
    AgendaSessionFactory(visit=visit, title="Called off", cancelled_at=timezone.now())
    survey = survey_of(visit, send_at=held.starts_at + datetime.timedelta(days=2))
    AgendaSessionFactory(
        visit=visit,
        title="After the survey",
        starts_at=survey.send_at + datetime.timedelta(hours=1),
    )
    invitation = invitation_for(survey, person)
    Response.objects.all().delete()
    page = client.get(invitation_link(invitation))
    text = page.content.decode()
    assert "Walk along the river" in text
    assert "Called off" not in text and "After the survey" not in text
    sessions = survey.version.questions.get(key="sessions")
    data = _valid_post(invitation) | {f"q{sessions.pk}_s{held.pk}": "5"}
    assert client.post(invitation_link(invitation), data).status_code == 302
    assert Answer.objects.get(question=sessions).session == held


def test_a_pulse_rates_only_that_days_sessions(client, visit, person):
    first = AgendaSessionFactory(visit=visit, day=1, title="Day one talk")
    AgendaSessionFactory(
        visit=visit,
        day=2,
        title="Day two talk",
        starts_at=first.starts_at + datetime.timedelta(days=1),
    )
    send_at = first.starts_at + datetime.timedelta(days=1, hours=8)
    pulse = survey_of(visit, moment=Moment.DAILY_PULSE, day=2, send_at=send_at)
    pulse.version.questions.filter(kind="rating").update(kind="sessions")
    text = client.get(invitation_link(invitation_for(pulse, person))).content.decode()
    assert "Day two talk" in text and "Day one talk" not in text


def test_the_response_has_no_field_leading_to_a_person_or_a_time():
    for field in Response._meta.get_fields() + Answer._meta.get_fields():
        if field.is_relation and field.related_model is not None:
            assert field.related_model._meta.label in {
                "feedback.Survey",
                "feedback.Response",
                "feedback.Answer",
                "feedback.Question",
                "visits.AgendaSession",
            }, field
        assert not isinstance(field, models.DateField | models.TimeField), field
    assert isinstance(Response._meta.pk, models.UUIDField)


def test_thirty_anonymous_answers_are_stored_out_of_their_order(visit):
    survey = survey_of(visit)
    question = survey.version.questions.get(key="improve")
    for number in range(30):
        invitation = invitation_for(survey, UserFactory())
        answers = [AnswerDraft(question, text=f"answer {number:02}")]
        response_submit(invitation=invitation, answers=answers)
    submitted = [f"answer {n:02}" for n in range(30)]
    by_default_order = [r.answers.get().text for r in Response.objects.all()]
    by_id = [r.answers.get().text for r in Response.objects.order_by("pk")]
    assert sorted(by_default_order) == submitted
    assert by_default_order != submitted and by_id != submitted
    assert not Response.objects.exclude(pseudonym="").exists()


def test_the_audit_log_names_nobody_for_an_anonymous_answer(invitation, person):
    before = AuditEntry.objects.count()
    response_submit(invitation=invitation, answers=[])
    entries = AuditEntry.objects.all()[before:] if before else AuditEntry.objects.all()
    for entry in entries:
        assert entry.actor_id != person.pk
        assert str(person.pk) not in (entry.object_id, str(entry.changes))
        assert person.email not in entry.object_repr + str(entry.changes)


def test_a_pseudonym_is_stable_across_a_visits_surveys_and_differs_between_people(visit):
    ada, bob = UserFactory(), UserFactory()
    end = survey_of(visit, anonymity=Anonymity.PSEUDONYMOUS)
    later = survey_of(visit, moment=Moment.FOLLOW_UP, anonymity=Anonymity.PSEUDONYMOUS)
    first = response_submit(invitation=invitation_for(end, ada), answers=[])
    second = response_submit(invitation=invitation_for(later, ada), answers=[])
    other = response_submit(invitation=invitation_for(end, bob), answers=[])
    assert first.pseudonym == second.pseudonym == pseudonym_of(person=ada, visit=visit)
    assert len(first.pseudonym) == 16 and other.pseudonym != first.pseudonym
    assert pseudonym_of(person=ada, visit=VisitFactory()) != first.pseudonym


def test_the_service_refuses_a_second_answer_and_a_closed_survey(invitation):
    response_submit(invitation=invitation, answers=[])
    with pytest.raises(FeedbackError):
        response_submit(invitation=invitation, answers=[])
    late = invitation_for(invitation.survey, UserFactory())
    with pytest.raises(FeedbackError):
        response_submit(
            invitation=late, answers=[], now=invitation.survey.closes_at + datetime.timedelta(1)
        )


def test_the_service_refuses_a_rating_off_the_scale(invitation):
    question = invitation.survey.version.questions.get(key="satisfaction")
    with pytest.raises(FeedbackError):
        response_submit(invitation=invitation, answers=[AnswerDraft(question, number=9)])
    assert not Response.objects.exists()


def test_a_choice_answered_in_french_is_kept_in_english(client, invitation):
    data = _valid_post(invitation)
    link = invitation_link(invitation).replace("/en/", "/fr/", 1)
    assert "Oui" in client.get(link).content.decode()
    client.post(link, data)
    assert Answer.objects.get(question__key="recommend").choice == "Yes"


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_keep_one_answer(visit, person):
    from tests.races import race

    invitation = invitation_for(survey_of(visit), person)

    def submit():
        return response_submit(invitation=invitation, answers=[])

    first, second = race(
        submit, submit, hold_after="citypeers.feedback.services.answering._answers_save"
    )
    errors = [o.error for o in (first, second) if o.error is not None]
    assert len(errors) == 1 and isinstance(errors[0], FeedbackError)
    assert Response.objects.count() == 1


def test_the_link_is_in_the_persons_chosen_language(visit):
    person = UserFactory(language="fr", languages=["en"])
    assert invitation_link(invitation_for(survey_of(visit), person)).startswith("/fr/")
