import re

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.urls import reverse
from playwright.sync_api import expect

from citypeers.core.models import OutboxMessage
from citypeers.people.models import User
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import PASSWORD, PublishedPracticeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_switches_to_french_and_back(page):
    page.goto("/en/")
    assert_accessible(page)
    page.locator(".language-picker summary").click()
    page.get_by_role("button", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("villes")
    assert_accessible(page)
    page.locator(".language-picker summary").click()
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Cities and regions learning from each other"
    )


def test_the_root_address_follows_the_browser_language(new_page):
    french_browser = new_page(locale="fr-FR")
    french_browser.goto("/")
    expect(french_browser).to_have_url(re.compile(r"/fr/$"))


def test_keyboard_users_can_skip_to_the_content(page):
    page.goto("/en/places/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_sign_up_confirm_log_in_and_edit_the_profile_while_the_outbox_hides_the_link(new_page):
    staff = UserFactory(is_staff=True)
    person = new_page()
    person.goto("/en/accounts/signup/")
    assert_accessible(person)
    person.get_by_label("Name").fill("Aino Virtanen")
    person.get_by_label("Email").fill("aino@example.org")
    person.get_by_label("Password", exact=True).fill("peer-learning-2026")
    person.get_by_label("Password (again)", exact=True).fill("peer-learning-2026")
    person.get_by_role("button", name="Sign Up").click()
    expect(person.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    assert_accessible(person)

    # Staff open the demo mailbox and find the confirmation message.
    mailbox = new_page()
    mailbox.goto("/en/accounts/login/")
    mailbox.get_by_label("Email").fill(staff.email)
    mailbox.get_by_label("Password").fill(PASSWORD)
    mailbox.get_by_role("button", name="Sign In").click()
    mailbox.get_by_role("navigation", name="Main").get_by_role("link", name="Outbox").click()
    assert_accessible(mailbox)
    mailbox.get_by_role("link", name=re.compile("Please Confirm Your Email Address")).click()
    expect(mailbox.get_by_text("aino@example.org").first).to_be_visible()
    expect(mailbox.get_by_text("hidden in the outbox").first).to_be_visible()
    expect(mailbox.get_by_role("link", name=re.compile("confirm-email"))).to_have_count(0)
    assert_accessible(mailbox)

    # The person opens the link from their own mailbox.
    address = EmailAddress.objects.get(email="aino@example.org")
    person.goto(reverse("account_confirm_email", args=[EmailConfirmationHMAC(address).key]))
    assert_accessible(person)
    person.get_by_role("button", name="Confirm").click()
    expect(person).to_have_url(re.compile(r"/en/accounts/login/"))
    person.get_by_label("Email").fill("aino@example.org")
    person.get_by_label("Password").fill("peer-learning-2026")
    person.get_by_role("button", name="Sign In").click()
    expect(person.get_by_role("heading", level=1)).to_have_text("Welcome, Aino Virtanen")
    assert_accessible(person)

    person.get_by_role("link", name="Edit your profile").click()
    assert_accessible(person)
    person.get_by_label("Country").select_option("FI")
    person.get_by_label("Time zone").select_option("Europe/Helsinki")
    person.get_by_role("group", name="Languages spoken").get_by_label("Finnish").check()
    person.get_by_role("group", name="Languages spoken").get_by_label("English").check()
    person.get_by_role("button", name="Save the profile").click()
    expect(person.get_by_role("status")).to_contain_text("Your profile has been saved.")
    aino = User.objects.get(email="aino@example.org")
    assert (aino.country.code, str(aino.time_zone), aino.languages) == (
        "FI",
        "Europe/Helsinki",
        ["en", "fi"],  # in the order the form lists them
    )
    assert OutboxMessage.objects.filter(to="aino@example.org").count() == 1


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(page):
    user = UserFactory()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("not-my-password")
    page.get_by_role("button", name="Sign In").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("not correct")
    expect(summary).to_be_focused()  # screen readers and the keyboard start from the problems
    expect(page.get_by_label("Email")).to_have_value(user.email)
    assert_accessible(page)


def test_on_a_phone_the_header_stays_compact_and_a_long_word_wraps(page):
    """The longest header (staff, in French) and a one-word title fit a 320 px screen."""
    sign_in(page, UserFactory(is_staff=True, display_name="Aino Coordinator-Virtanen"))
    page.goto("/fr/")
    assert_accessible(page)  # at 320 px: no sideways scroll, header at most a third
    PublishedPracticeFactory(
        title="Denkmalschutzbehördenzusammenarbeitsvereinbarungsentwurf", slug="long"
    )
    page.goto("/fr/practices/long/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Denkmalschutz")
    assert_accessible(page)


def test_an_address_in_a_language_not_offered_shows_the_page_in_the_browsers_language(new_page):
    page = new_page(locale="fr-FR")
    page.goto("/is/calls/")
    assert page.url.endswith("/fr/calls/")
    expect(page.get_by_role("status")).to_contain_text(
        "pas encore disponible en Íslenska ; elle est affichée en français."
    )
    assert_accessible(page)
