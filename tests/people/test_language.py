"""A person's language: the picker keeps the page and, for a signed-in person, the choice;
the profile says it; signing in goes into it."""

import pytest
from django.conf import settings
from django.urls import reverse

from citypeers.core.models import AuditEntry
from citypeers.people.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SWITCH = "/i18n/setlang/"
# The 24 EU languages and Ukrainian, as settings.LANGUAGES will offer them.
ALL_25 = [
    (code, code)
    for code in "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv uk".split()
]


def switch(client, language: str, next_url: str, **headers):
    return client.post(SWITCH, {"language": language, "next": next_url}, headers=headers)


def switch_as_visitor(client, language: str, next_url: str, **headers):
    """The picker of a reader not signed in: a GET (their pages hold no CSRF token)."""
    return client.get(SWITCH, {"language": language, "next": next_url}, headers=headers)


PAGES_MOVED = [
    ("fr", "/en/calls/", "/fr/calls/"),
    ("fr", "/en/library/?q=fortress&country=HR", "/fr/library/?q=fortress&country=HR"),
    ("en", "/fr/places/?country=FR&size=small", "/en/places/?country=FR&size=small"),
    ("fr-be", "/en/news/", "/fr/news/"),  # a regional variant: its offered language
]


@pytest.mark.parametrize(("language", "page", "expected"), PAGES_MOVED)
@pytest.mark.parametrize("send", [switch, switch_as_visitor])
def test_the_picker_keeps_the_page_and_its_query_string(client, send, language, page, expected):
    response = send(client, language, page)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == expected.split("/")[1]


def test_a_visitors_picker_is_a_plain_get_and_a_signed_in_persons_posts(client):
    visitor_page = client.get("/en/calls/").text
    assert '<form class="language-menu" action="/i18n/setlang/" method="get">' in visitor_page
    client.force_login(UserFactory())
    member_page = client.get("/en/calls/").text
    assert '<form class="language-menu" action="/i18n/setlang/" method="post">' in member_page


@pytest.mark.parametrize(
    ("browser", "language", "page", "expected"),
    [
        # Django alone leaves these pages where they are: on the unprefixed /i18n/setlang/ the
        # browser's language is active, and in it the other language's address is no page.
        ({"Accept-Language": "en"}, "en", "/fr/calls/?page=2", "/en/calls/?page=2"),
        ({"Accept-Language": "fr"}, "fr", "/en/calls/?page=2", "/fr/calls/?page=2"),
        ({"Cookie": "django_language=fr"}, "fr", "/en/library/?q=x", "/fr/library/?q=x"),
    ],
)
def test_the_page_moves_whatever_language_the_browser_asks_for(
    client, browser, language, page, expected
):
    if cookie := browser.pop("Cookie", None):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie.split("=")[1]
    assert switch(client, language, page, **browser)["Location"] == expected


def test_without_a_next_address_the_picker_goes_back_to_the_page_it_came_from(client):
    response = client.post(SWITCH, {"language": "fr"}, headers={"Referer": "/en/calls/"})
    assert response["Location"] == "/fr/calls/"


def test_a_language_not_offered_changes_nothing(client):
    response = switch(client, "ja", "/en/calls/")
    assert response["Location"] == "/en/calls/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("send", [switch, switch_as_visitor])
def test_the_picker_never_leads_to_another_site(client, send):
    response = send(client, "fr", "https://elsewhere.example/en/calls/")
    assert response["Location"] == "/"


def test_a_visitors_picker_with_a_language_not_offered_changes_nothing(client):
    response = switch_as_visitor(client, "ja", "/en/calls/")
    assert response["Location"] == "/en/calls/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_get_another_site_sends_changes_no_profile(client):
    person = UserFactory()
    client.force_login(person)
    assert switch_as_visitor(client, "fr", "/en/calls/")["Location"] == "/fr/calls/"
    person.refresh_from_db()
    assert person.language != "fr"
    assert not AuditEntry.objects.filter(action="profile.updated").exists()


def test_the_picker_is_not_a_form_another_site_can_send(client):
    client.handler.enforce_csrf_checks = True
    assert switch(client, "fr", "/en/calls/").status_code == 403


def test_a_signed_in_persons_choice_is_kept_on_their_profile(client):
    person = UserFactory()
    client.force_login(person)
    assert switch(client, "fr", "/en/calls/")["Location"] == "/fr/calls/"
    person.refresh_from_db()
    assert person.language == "fr"
    entry = AuditEntry.objects.get(action="profile.updated", object_id=str(person.pk))
    assert entry.changes == {"language": "fr"}


def test_choosing_the_language_one_has_writes_nothing(client):
    person = UserFactory(language="fr")
    client.force_login(person)
    switch(client, "fr", "/en/calls/")
    assert not AuditEntry.objects.filter(action="profile.updated").exists()


def test_a_visitors_choice_is_only_the_cookie(client):
    switch(client, "fr", "/en/calls/")
    assert not User.objects.exclude(language="").exists()


def test_a_language_offered_later_is_picked_and_kept_like_the_first_ones(client, settings):
    settings.LANGUAGES = ALL_25
    person = UserFactory()
    client.force_login(person)
    assert switch(client, "de", "/fr/calls/?page=2")["Location"] == "/de/calls/?page=2"
    person.refresh_from_db()
    assert person.language == "de"


# The profile -----------------------------------------------------------------------------------


def profile(**fields) -> dict:
    return {"display_name": "Aino", "time_zone": "Europe/Helsinki", "languages": ["fi"]} | fields


def test_the_profile_offers_each_language_by_its_own_name_or_the_browsers(client, settings):
    settings.LANGUAGES = ALL_25
    client.force_login(UserFactory())
    page = client.get(reverse("people:profile")).text
    assert "Language of pages and e-mails" in page
    assert '<option value="" selected>As your browser says</option>' in page
    assert '<option value="de" lang="de">Deutsch</option>' in page
    assert '<option value="el" lang="el">Ελληνικά</option>' in page
    assert '<option value="mt" lang="mt">Malti</option>' in page


def test_the_profile_saves_the_language_and_goes_on_in_it(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("people:profile"), profile(language="fr"), follow=True)
    assert response.redirect_chain[0][0] == "/fr/me/"
    assert "Votre profil a été enregistré." in response.text
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    person.refresh_from_db()
    assert person.language == "fr"


def test_the_profile_can_leave_the_language_to_the_browser(client):
    person = UserFactory(language="fr")
    client.force_login(person)
    response = client.post(reverse("people:profile"), profile(language=""))
    assert response["Location"] == "/en/me/"
    person.refresh_from_db()
    assert person.language == ""


def test_a_language_not_offered_is_refused_at_the_field(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("people:profile"), profile(language="ja"))
    assert response.status_code == 200
    assert 'href="#id_language"' in response.text
    person.refresh_from_db()
    assert person.language == ""


# Signing in ------------------------------------------------------------------------------------


def sign_in(client, person, next_url: str | None = None):
    data = {"login": person.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


def test_signing_in_goes_into_the_persons_language(client):
    response = sign_in(client, UserFactory(language="fr"))
    assert response["Location"] == "/fr/me/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def test_signing_in_keeps_the_page_asked_for_in_the_persons_language(client):
    response = sign_in(client, UserFactory(language="fr"), "/en/calls/?page=2")
    assert response["Location"] == "/fr/calls/?page=2"


def test_the_signed_in_message_is_in_the_persons_language(client):
    response = client.post(
        reverse("account_login"),
        {"login": UserFactory(language="fr").email, "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[0][0] == "/fr/me/"
    assert "Connexion avec" in response.text


def test_without_a_chosen_language_signing_in_stays_in_the_pages_language(client):
    response = sign_in(client, UserFactory())
    assert response["Location"] == "/en/me/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_chosen_language_no_longer_offered_is_left_aside(client):
    response = sign_in(client, UserFactory(language="is"))
    assert response["Location"] == "/en/me/"
