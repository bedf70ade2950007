import datetime

import pytest
from django.db import InterfaceError, OperationalError
from django.urls import reverse

from citypeers.core.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LATE_EVENING_UTC = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def message(db):
    message = OutboxMessage.objects.create(
        from_email="noreply@example.org", to="ana@example.org", subject="Hello", body="Hi"
    )
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=LATE_EVENING_UTC)
    return message


def sent_shown_to(client, person, message) -> str:
    client.force_login(person)
    return client.get(reverse("core:outbox_message", args=[message.pk])).text


def test_times_are_shown_in_the_signed_in_persons_time_zone(client, message):
    helsinki = UserFactory(is_staff=True, time_zone="Europe/Helsinki")
    assert "2 March 2026, 01:30 (Europe/Helsinki)" in sent_shown_to(client, helsinki, message)


def test_the_next_person_sees_their_own_zone_not_the_previous_ones(client, message):
    sent_shown_to(client, UserFactory(is_staff=True, time_zone="Europe/Helsinki"), message)
    lisbon = UserFactory(is_staff=True, time_zone="Europe/Lisbon")
    assert "1 March 2026, 23:30 (Europe/Lisbon)" in sent_shown_to(client, lisbon, message)


@pytest.mark.parametrize(
    ("path", "accept_language", "expected"),
    [
        ("/is/", "", "/en/"),
        ("/is/calls/", "", "/en/calls/"),
        ("/is/calls/", "fr", "/fr/calls/"),
        ("/is/calls/", "is-IS,is;q=0.9,fr;q=0.8,en;q=0.5", "/fr/calls/"),
        ("/nb/calls/?page=2", "", "/en/calls/?page=2"),
        ("/ca/calls/", "", "/en/calls/"),
        ("/tr/", "", "/en/"),
        ("/fr-be/calls/", "", "/fr/calls/"),
    ],
)
def test_a_language_not_offered_redirects_to_the_closest_offered_one(
    client, path, accept_language, expected
):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_the_page_redirected_to_says_the_language_asked_for_is_not_available_yet(client):
    response = client.get("/is/calls/", follow=True)
    assert response.redirect_chain == [("/en/calls/", 302)]
    assert "This page is not available in Íslenska yet; it is shown in English." in response.text


def test_the_note_is_in_the_language_shown(client):
    response = client.get("/ca/calls/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert response.redirect_chain == [("/fr/calls/", 302)]
    assert "pas encore disponible en català ; elle est affichée en français." in response.text


def test_in_a_further_language_the_note_names_the_language_shown_in_itself(client):
    response = client.get("/ca/calls/", HTTP_ACCEPT_LANGUAGE="de", follow=True)
    assert response.redirect_chain == [("/de/calls/", 302)]
    assert "Deutsch" in response.text and "català" in response.text


def test_a_regional_variant_of_an_offered_language_goes_there_without_a_note(client):
    response = client.get("/fr-be/calls/", follow=True)
    assert "pas encore disponible" not in response.text
    assert "not available" not in response.text


@pytest.mark.parametrize("path", ["/xx/", "/zz/calls/", "/nothing-here/", "/EN/calls/"])
def test_a_first_segment_that_is_no_offered_language_code_is_still_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_signed_in_persons_pages_are_not_kept_by_browsers_or_proxies(client):
    public = client.get("/en/library/")
    assert "no-store" not in public.get("Cache-Control", "")
    client.force_login(UserFactory())
    for path in ("/en/me/", "/en/library/"):
        answer = client.get(path)
        assert answer.status_code == 200
        assert {"private", "no-store"} <= set(answer["Cache-Control"].replace(" ", "").split(","))


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("terminating connection due to administrator command"),
        InterfaceError("connection already closed"),
        OperationalError("database is locked"),
    ],
)
def test_a_database_out_of_reach_mid_request_says_try_again_not_server_error(
    client, monkeypatch, error
):
    def unreachable():
        raise error

    monkeypatch.setattr("citypeers.views.programmes_list", unreachable)
    answer = client.get("/fr/")
    assert answer.status_code == 503 and answer["Retry-After"] == "5"
    assert '<html lang="fr">' in answer.text and "<h1>" in answer.text


def test_other_errors_stay_errors(client, monkeypatch):
    def broken():
        raise ValueError("a bug")

    monkeypatch.setattr("citypeers.views.programmes_list", broken)
    client.raise_request_exception = False
    assert client.get("/en/").status_code == 500
