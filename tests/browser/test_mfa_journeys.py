"""Two-factor sign-in as people do it: set up an app, sign in with its code or a recovery
code, a coordinator sent to set one up, a security key on a virtual authenticator."""

from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.html_checker import html_errors, require_checker
from tests.second_factor import fresh_totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def give_password_and_second_step(page, person, second_step: str | Callable[[], str]) -> None:
    """Signs in; `second_step` is a code, or makes one when it is asked for (a TOTP code made
    earlier may belong to a window already past)."""
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in: second step")
    assert_accessible(page)
    page.get_by_label("Code").fill(second_step() if callable(second_step) else second_step)
    page.get_by_role("button", name="Sign in", exact=True).click()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def assert_mfa_pages_valid(new_page, folder) -> None:
    """The Nu checker finds no error in any two-factor page the journey was shown."""
    require_checker()
    for number, (url, _language, text) in enumerate(new_page.html):
        if "/2fa/" in url or "reauthenticate" in url:
            (folder / f"page{number}.html").write_text(text)
    assert list(folder.glob("*.html")), "no two-factor page was shown"
    assert html_errors(folder) == []


def test_a_person_sets_up_an_app_then_signs_in_with_a_code_and_a_recovery_code(
    page, new_page, tmp_path
):
    person = UserFactory(display_name="Aino")
    sign_in(page, person)
    page.get_by_role("link", name="Two-factor sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
    assert_accessible(page)
    page.get_by_role("link", name="Set up an authenticator app").click()
    page.get_by_label("Password").fill(PASSWORD)  # setting it up asks for the password again
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("img", name="QR code of your authenticator secret")).to_be_visible()
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text().strip()
    page.get_by_label("Authenticator code").fill("000000")
    page.get_by_role("button", name="Turn on the authenticator app").click()
    expect(page.locator(".error-summary")).to_be_visible()  # a wrong code, said at the top
    assert_accessible(page)
    page.get_by_label("Authenticator code").fill(fresh_totp_code(secret))
    page.get_by_role("button", name="Turn on the authenticator app").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    assert_accessible(page)
    recovery_codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(recovery_codes) == 10
    sign_out(page)

    give_password_and_second_step(page, person, lambda: fresh_totp_code(secret))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    sign_out(page)

    give_password_and_second_step(page, person, recovery_codes[0])
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    sign_out(page)

    give_password_and_second_step(page, person, recovery_codes[0])  # a used code is spent
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in: second step")
    expect(page.locator(".error-summary")).to_be_visible()
    assert_mfa_pages_valid(new_page, tmp_path)


def test_a_coordinator_without_a_second_factor_is_sent_to_set_one_up(page, settings):
    settings.MFA_REQUIRED_FOR_STAFF = True
    coordinator = MembershipFactory(role=Role.COORDINATOR).user
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
    expect(page.get_by_text("your account needs a second factor")).to_be_visible()
    page.goto("/en/me/")  # every other page sends them back
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor sign-in")
    assert_accessible(page)


def test_a_person_adds_a_security_key_and_signs_in_with_it(page, new_page, tmp_path):
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    person = UserFactory(display_name="Aino")
    sign_in(page, person)
    page.goto("/en/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a security key")
    assert_accessible(page)
    page.get_by_label("Name").fill("Blue key")
    page.get_by_role("button", name="Add the key").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    page.goto("/en/accounts/2fa/webauthn/")
    expect(page.get_by_role("cell", name="Blue key", exact=True)).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("button", name="Use a security key").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    assert_mfa_pages_valid(new_page, tmp_path)
