"""The visit's surveys page for its team: each survey with its times, anonymity (changeable
until sent) and live response rate; preparing them from the agenda; sending one now."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models import Survey
from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, VisitFactory
from tests.feedback.factories import house_templates, on_visit, published_visit, utc
from tests.feedback.scene import sent_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    return VisitFactory(starts_on=datetime.date(2027, 3, 22), ends_on=datetime.date(2027, 3, 23))


@pytest.fixture
def team(client, visit):
    host = MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user
    client.force_login(host)
    return client


def _url(name, visit, *args):
    return reverse(name, args=[visit.programme.slug, visit.slug, *args])


def test_the_page_shows_how_many_answered_and_the_fragment_says_the_same(team, visit):
    survey = sent_survey(visit, invited=24)
    survey.invitations.filter(pk__in=survey.invitations.values("pk")[:12]).update(answered=True)
    page = team.get(_url("feedback:surveys", visit)).content.decode()
    assert "12 of 24 answered (50 %)" in page
    assert 'data-hx-trigger="every 10s"' in page
    fragment = team.get(_url("feedback:survey_rates", visit))
    assert "12 of 24 answered (50 %)" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()


@pytest.mark.parametrize("surveys", [1, 3])
def test_the_page_asks_the_same_queries_however_many_surveys(
    team, visit, surveys, django_assert_max_num_queries
):
    version = sent_survey(visit, invited=2).version
    for day in range(1, surveys):
        Survey.objects.create(
            visit=visit,
            version=version,
            moment=Moment.DAILY_PULSE,
            audience=Audience.PARTICIPANTS,
            day=day,
            send_at=timezone.now() + datetime.timedelta(days=day),
            closes_at=timezone.now() + datetime.timedelta(days=day + 14),
        )
    with django_assert_max_num_queries(14):
        assert team.get(_url("feedback:surveys", visit)).status_code == 200


def test_preparing_places_the_surveys_on_the_published_agenda(team, visit):
    house_templates()
    published_visit(visit, sessions=[(1, utc(2027, 3, 22, 8), 60), (2, utc(2027, 3, 23, 8), 60)])
    response = team.post(_url("feedback:surveys_prepare", visit), follow=True)
    assert "The surveys follow the agenda as it is now." in response.content.decode()
    assert Survey.objects.filter(visit=visit).count() == 5
    page = response.content.decode()
    assert "Six-month follow-up" in page and "Pseudonymous" in page


def test_the_anonymity_is_changed_before_sending_and_refused_after(team, visit):
    survey = sent_survey(visit)
    planned = Survey.objects.create(
        visit=visit,
        version=survey.version,
        moment=Moment.HOST,
        audience=Audience.HOSTS,
        send_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=15),
    )
    changed = team.post(
        _url("feedback:survey_anonymity", visit, planned.pk),
        {f"s{planned.pk}-anonymity": Anonymity.PSEUDONYMOUS},
    )
    assert changed.status_code == 302
    planned.refresh_from_db()
    assert planned.anonymity == Anonymity.PSEUDONYMOUS

    refused = team.post(
        _url("feedback:survey_anonymity", visit, survey.pk),
        {f"s{survey.pk}-anonymity": Anonymity.PSEUDONYMOUS},
    )
    assert refused.status_code == 400
    assert "its answers stay as the invitation promised" in refused.content.decode()
    survey.refresh_from_db()
    assert survey.anonymity == Anonymity.ANONYMOUS


def test_send_now_asks_first_then_sends(team, visit, django_capture_on_commit_callbacks):
    on_visit(visit, email="p@example.org")
    survey = sent_survey(visit, invited=0)
    Survey.objects.filter(pk=survey.pk).update(sent_at=None, send_at=utc(2027, 3, 23, 16))
    address = _url("feedback:survey_send", visit, survey.pk)
    assert "Send the survey now?" in team.get(address).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert team.post(address).status_code == 302
    survey.refresh_from_db()
    assert survey.sent_at is not None
    assert [m.to[0] for m in mail.outbox] == ["p@example.org"]
    again = team.post(address)
    assert again.status_code == 400 and "sent already" in again.content.decode()


def test_the_workspace_links_to_the_surveys(team, visit):
    page = team.get(reverse("visits:workspace", args=[visit.programme.slug, visit.slug]))
    assert _url("feedback:surveys", visit) in page.content.decode()
