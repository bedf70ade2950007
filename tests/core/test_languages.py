"""Choosing a language: the first visit follows the browser; the picker on every page names each
offered language in itself, however many are offered."""

import re

import pytest
from django.conf import settings
from django.urls import resolve, reverse
from django.utils import translation

from citypeers.core import languages
from citypeers.core.languages import (
    address_in_language,
    offered_codes,
    offered_languages,
    own_name,
    page_in_each_language,
)
from tests.factories import UserFactory
from tests.html_checker import html_errors, require_checker

EU_AND_UKRAINIAN = [
    (code, code)
    for code in "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv uk".split()
]

pytestmark = pytest.mark.django_db


# The first visit -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr", "/fr/"),
        ("fr-BE,fr;q=0.9", "/fr/"),
        ("is-IS,is;q=0.9,fr;q=0.8,en;q=0.5", "/fr/"),  # Icelandic not offered: the next one
        ("de-DE,de;q=0.9", "/de/"),
        ("ja", "/en/"),  # nothing offered: the default
        ("", "/en/"),
    ],
)
def test_the_first_visit_opens_in_the_browsers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_a_language_chosen_before_wins_over_the_browsers(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/fr/"


def test_a_language_offered_later_is_found_from_the_browser_too(client, settings):
    settings.LANGUAGES = EU_AND_UKRAINIAN
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="el-GR,el;q=0.9")["Location"] == "/el/"


# Names and addresses ---------------------------------------------------------------------------


def test_every_eu_language_and_ukrainian_has_its_own_name(settings):
    settings.LANGUAGES = EU_AND_UKRAINIAN
    names = dict(offered_languages())
    assert len(names) == 25
    assert (names["cs"], names["el"], names["mt"], names["uk"]) == (
        "Čeština",
        "Ελληνικά",
        "Malti",
        "Українська",
    )
    assert all(name[0].isupper() for name in names.values())


def test_a_code_that_is_no_language_has_no_name():
    assert own_name("xx") is None
    assert own_name("ru") == "Русский"  # beyond the offered ones: Django's name


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/en/calls/?page=2", "fr", "/fr/calls/?page=2"),
        ("/fr/calls/?page=2", "en", "/en/calls/?page=2"),
        ("https://peers.example.org/fr/library/?q=x#results", "en", None),
        ("/no-language/", "fr", "/no-language/"),
    ],
)
def test_an_address_moves_to_another_language_from_whichever_it_is_in(url, language, expected):
    expected = expected or url.replace("/fr/", "/en/")
    with translation.override("fr"):  # whichever language is active
        assert address_in_language(url, language) == expected


# The page in each language --------------------------------------------------------------------


@pytest.fixture
def reversed_names(monkeypatch) -> list[str]:
    """The names the language links reverse from now on."""
    names = []

    def counting_reverse(name, *args, **kwargs):
        names.append(name)
        return reverse(name, *args, **kwargs)

    monkeypatch.setattr(languages, "reverse", counting_reverse)
    return names


@pytest.mark.parametrize(
    "url", ["/en/places/?country=FR&size=small", "/en/programmes/a-programme/?page=2"]
)
def test_a_page_shown_again_links_each_language_without_reversing_its_name(url, reversed_names):
    path, _mark, query = url.partition("?")
    match = resolve(path)
    first = page_in_each_language(url, match)
    reversed_for_the_first = len(reversed_names)

    again = page_in_each_language(url, match)

    assert len(reversed_names) == reversed_for_the_first
    page = path.removeprefix("/en")
    assert again == first == {code: f"/{code}{page}?{query}" for code in offered_codes()}


def test_the_same_page_with_other_filters_keeps_them_in_each_language(reversed_names):
    match = resolve("/en/places/")
    page_in_each_language("/en/places/?country=FR", match)
    reversed_before = len(reversed_names)

    links = page_in_each_language("/en/places/?country=DE&page=2", match)

    assert len(reversed_names) == reversed_before
    assert links["fr"] == "/fr/places/?country=DE&page=2"
    assert links["en"] == "/en/places/?country=DE&page=2"


def test_a_language_offered_later_is_linked_from_a_page_shown_before(settings):
    match = resolve("/en/places/")
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    assert page_in_each_language("/en/places/", match) == {"en": "/en/places/", "fr": "/fr/places/"}

    settings.LANGUAGES = EU_AND_UKRAINIAN

    links = page_in_each_language("/en/places/", match)
    assert len(links) == 25
    assert links["mt"] == "/mt/places/"


# The picker ------------------------------------------------------------------------------------


def picker(html: str) -> str:
    return re.search(r'<details class="language-picker">.*?</details>', html, re.S).group()


def test_the_picker_names_the_current_language_and_offers_the_others_in_theirs(client):
    html = picker(client.get("/fr/places/?country=FR").text)
    summary = re.search(r"<summary>(.*?)</summary>", html, re.S).group(1)
    assert 'alt=""' in summary and "globe.svg" in summary
    assert re.sub(r"<[^>]+>|\s+", " ", summary).split() == ["Langue", ":", "Français"]
    assert '<input name="next" type="hidden" value="/fr/places/?country=FR">' in html
    offered = re.findall(r'<button type="submit" name="language" value="(\w+)" lang="\1"', html)
    assert offered == [code for code, _name in settings.LANGUAGES]
    assert 'value="fr" lang="fr" class="link-button" aria-current="true">Français<' in html
    assert 'value="en" lang="en" class="link-button">English<' in html


def test_the_picker_offers_every_language_offered(client, settings):
    settings.LANGUAGES = EU_AND_UKRAINIAN
    html = picker(client.get("/en/").text)
    codes = re.findall(r'name="language" value="(\w+)" lang="\1"', html)
    assert codes == [code for code, _name in EU_AND_UKRAINIAN]
    assert ">Deutsch<" in html and ">Gaeilge<" in html and ">Български<" in html


def test_the_picker_is_valid_html_with_every_language_offered(client, settings, tmp_path):
    require_checker()
    settings.LANGUAGES = EU_AND_UKRAINIAN
    (tmp_path / "home.html").write_text(client.get("/en/").text)
    client.force_login(UserFactory())
    (tmp_path / "profile.html").write_text(client.get(reverse("people:profile")).text)
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)
