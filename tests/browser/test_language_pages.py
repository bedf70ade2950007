"""Every offered language in the browser: the home page in all of them, and the library, a
practice, a call, the apply form and `/me/` each in a share of them (every language gets one),
passing axe-core, the Nu HTML checker and the 320 px phone check, in the language asked."""

import pytest
from django.conf import settings

from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import CallFactory, PublishedPracticeFactory, UserFactory
from tests.html_checker import html_errors, require_checker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGES = ["library", "practice", "call", "apply", "me"]
SIGNED_IN = {"apply", "me"}


def languages_of(page_name: str) -> list[str]:
    """The languages a page is checked in: every fifth, so each language gets one page."""
    return LANGUAGES[PAGES.index(page_name) :: len(PAGES)]


def check(page, address: str, language: str, folder, saved: list) -> None:
    response = page.goto(address)
    assert response.status == 200, address
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    path = folder / f"{len(saved):02d}-{language}.html"
    path.write_text(page.content())
    saved.append(path)


def assert_valid(folder) -> None:
    require_checker()
    assert html_errors(folder) == []


def test_the_home_page_in_every_language(page, tmp_path):
    saved = []
    for language in LANGUAGES:
        check(page, f"/{language}/", language, tmp_path, saved)
    assert_valid(tmp_path)


@pytest.mark.parametrize("page_name", PAGES)
def test_each_page_in_its_share_of_the_languages(new_page, tmp_path, page_name):
    practice = PublishedPracticeFactory(title="Canal locks")
    call = CallFactory(title="Call for participants 2027")
    addresses = {
        "library": "/{language}/library/",
        "practice": f"/{{language}}/practices/{practice.slug}/",
        "call": f"/{{language}}/calls/{call.slug}/",
        "apply": f"/{{language}}/calls/{call.slug}/apply/",
        "me": "/{language}/me/",
    }
    page = new_page()
    if page_name in SIGNED_IN:
        sign_in(page, UserFactory())
    saved = []
    for language in languages_of(page_name):
        check(page, addresses[page_name].format(language=language), language, tmp_path, saved)
    assert_valid(tmp_path)
