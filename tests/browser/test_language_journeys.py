"""Choosing a language as a person would: by keyboard, from a half-filled form that loses
nothing, with a picker that stays usable, accessible and compact with 25 languages."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from citypeers.catalogue.models import Practice
from citypeers.people.models import User
from tests.browser.conftest import PHONE_HEIGHT, PHONE_WIDTH, assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import PlaceFactory, ProgrammeFactory, ThemeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EU_AND_UKRAINIAN = [
    (code, code)
    for code in "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv uk".split()
]


def picker(page):
    return page.locator("details.language-picker")


def column_lefts(buttons) -> set[int]:
    """The distinct left edges of the buttons, read in one layout pass.

    Measuring them one by one let a scrollbar that came or went between two reads (as the
    page finished loading) shift the right-aligned list and count one column twice.
    """
    return set(
        buttons.evaluate_all("els => els.map(e => Math.round(e.getBoundingClientRect().left))")
    )


def press_tab_until_focused(page, target, *, limit: int = 60) -> None:
    """Tabs through the page, as a keyboard user does, until `target` has the focus."""
    for _step in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never took the focus")


def test_switching_language_on_a_half_filled_form_loses_nothing(page):
    ProgrammeFactory(name="Heritage in Action")
    ThemeFactory(name="Participatory governance", slug="participatory-governance")
    PlaceFactory(name="Tampere", country="FI", population=250_000)
    author = UserFactory(display_name="Aino")
    sign_in(page, author)
    page.goto("/en/practices/new/")

    page.get_by_role("group", name="Title").get_by_label("English").fill("Adopt a Monument")
    page.get_by_role("group", name="Tagline").get_by_label("English").fill(
        "Communities adopt and care for heritage sites."
    )
    page.get_by_label("Places").fill("Tampere (FI)")
    page.get_by_role("group", name="Themes").get_by_label("Participatory governance").check()
    page.get_by_label("Type").select_option("project")
    page.get_by_role("group", name="Summary").get_by_label("English").fill(
        "Residents adopt a monument\nunder an agreement."
    )
    page.get_by_label("Willing to host a visit").check()

    # By keyboard: to the picker, open it, down its list to French, and choose it.
    summary = picker(page).locator("summary")
    expect(summary).to_have_accessible_name("Language: English")
    summary.focus()
    page.keyboard.press("Enter")
    expect(picker(page)).to_have_attribute("open", "")
    french = page.get_by_role("button", name="Français")
    press_tab_until_focused(page, french)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/fr/practices/new/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # What was typed in English is back in the English inputs of the French page.
    expect(page.get_by_role("group", name="Titre").get_by_label("English")).to_have_value(
        "Adopt a Monument"
    )
    expect(page.get_by_role("group", name="Accroche").get_by_label("English")).to_have_value(
        "Communities adopt and care for heritage sites."
    )
    expect(page.get_by_label("Lieux")).to_have_value("Tampere (FI)")
    themes = page.get_by_role("group", name="Thèmes")
    expect(themes.get_by_label("Participatory governance")).to_be_checked()
    expect(page.get_by_label("Type")).to_have_value("project")
    expect(page.get_by_role("group", name="Résumé").get_by_label("English")).to_have_value(
        "Residents adopt a monument\nunder an agreement."
    )
    expect(page.get_by_label("Prêt à accueillir une visite")).to_be_checked()
    saved = page.evaluate("Object.keys(sessionStorage)")
    assert [key for key in saved if key.startswith("citypeers:")] == []  # put back, forgotten
    assert_accessible(page)

    # What was put back is what the form sends (with this page's own CSRF token).
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adopt a Monument")
    practice = Practice.objects.get()
    assert practice.summary.splitlines() == ["Residents adopt a monument", "under an agreement."]
    assert practice.willing_to_host and practice.type == "project"
    assert User.objects.get(pk=author.pk).language == "fr"  # the picker kept the choice


def test_nothing_is_kept_but_what_was_typed(page):
    sign_in(page, UserFactory())
    page.goto("/en/me/profile/")
    page.get_by_label("Name").fill("Aino Virtanen")
    picker(page).locator("summary").click()
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/me/profile/$"))
    expect(page.get_by_label("Nom")).to_have_value("Aino Virtanen")
    # The time zone was not touched: its choice is the French page's own, not a copy.
    expect(page.get_by_label("Fuseau horaire")).to_have_value("Europe/Brussels")


def test_the_picker_keeps_the_query_string_and_escape_closes_it(page):
    page.goto("/en/places/?country=FR&size=small")
    summary = picker(page).locator("summary")
    summary.click()
    expect(page.get_by_role("button", name="Français")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(picker(page)).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/places/\?country=FR&size=small$"))


def test_with_25_languages_the_open_picker_is_accessible_in_columns_and_one_on_a_phone(
    page, settings
):
    settings.LANGUAGES = EU_AND_UKRAINIAN
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/en/calls/")
    picker(page).locator("summary").click()
    buttons = picker(page).get_by_role("button")
    expect(buttons).to_have_count(25)
    expect(page.get_by_role("button", name="Ελληνικά")).to_have_attribute("lang", "el")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-current", "true")
    lefts = column_lefts(buttons)
    assert len(lefts) == 3  # columns of up to nine
    menu = picker(page).locator("form").bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 1280
    header = page.evaluate("document.querySelector('.site-header').offsetHeight")
    assert header < 100  # the list lies over the page: the header keeps its height
    assert_accessible(page)  # axe on the open picker; at 320 px, no sideways scroll

    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    lefts = column_lefts(buttons)
    assert len(lefts) == 1  # one column
    menu = picker(page).locator("form").bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= PHONE_WIDTH
    page.get_by_role("button", name="Українська").scroll_into_view_if_needed()
    expect(page.get_by_role("button", name="Українська")).to_be_in_viewport()


def test_on_a_phone_the_header_is_as_high_with_25_languages_as_with_2(page, settings):
    sign_in(page, UserFactory(is_staff=True, display_name="Aino Coordinator-Virtanen"))
    page.set_viewport_size({"width": PHONE_WIDTH, "height": PHONE_HEIGHT})
    page.goto("/fr/")
    with_two = page.evaluate("document.querySelector('.site-header').offsetHeight")
    settings.LANGUAGES = EU_AND_UKRAINIAN
    page.reload()
    expect(picker(page).locator("button")).to_have_count(25)
    assert page.evaluate("document.querySelector('.site-header').offsetHeight") == with_two
    assert with_two <= PHONE_HEIGHT / 3


def test_without_javascript_the_picker_still_opens_and_switches(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/en/places/?country=FR")
        summary = picker(page).locator("summary")
        summary.focus()
        page.keyboard.press("Enter")
        offered = [code for code, _name in settings.LANGUAGES]
        for _ in range(offered.index("fr") + 1):  # through the buttons before French
            page.keyboard.press("Tab")
        expect(page.get_by_role("button", name="Français")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/fr/places/\?country=FR$"))
    finally:
        context.close()
