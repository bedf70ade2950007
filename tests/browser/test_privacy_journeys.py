"""A person sees and downloads what citypeers keeps about them, then erases their account;
a visitor reads the privacy page from the footer. Each page passes axe-core, the 320 px check
and the Nu HTML checker."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from citypeers.people.models import User
from tests.browser.conftest import assert_accessible
from tests.browser.test_mfa_journeys import give_password_and_second_step
from tests.factories import PASSWORD
from tests.html_checker import html_errors, require_checker
from tests.people.privacy_scene import someone_everywhere
from tests.second_factor import TEST_SECRET, fresh_totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _save(page, folder, saved: list) -> None:
    path = folder / f"{len(saved):02d}.html"
    path.write_text(page.content())
    saved.append(path)


def _sign_in_again(page) -> None:
    """allauth asks for the password before personal data is shown or erased."""
    expect(page.get_by_label("Password")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def test_a_person_downloads_their_data_then_erases_their_account(page, tmp_path, private_files):
    anna = someone_everywhere(word="Quokkatext", name="Annelie Vaskonen")
    saved = []
    give_password_and_second_step(page, anna.user, lambda: fresh_totp_code(TEST_SECRET))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    page.get_by_role("link", name="Your data").click()
    _sign_in_again(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    expect(page.get_by_role("heading", name="Applications to calls")).to_be_visible()
    expect(page.get_by_text("Quokkatext learning", exact=True)).to_be_visible()
    assert_accessible(page)
    _save(page, tmp_path, saved)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download it all (JSON)").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["person"] == anna.user.email
    assert "Quokkatext vegan" in json.dumps(exported, ensure_ascii=False)

    page.get_by_role("link", name="Erase your account").first.click()
    expect(page.get_by_role("heading", name="What is kept, without your name")).to_be_visible()
    assert_accessible(page)
    _save(page, tmp_path, saved)
    page.get_by_label("Your e-mail address").fill("not-me@example.org")
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_text("This is not the address you sign in with.").first).to_be_visible()
    assert_accessible(page)
    _save(page, tmp_path, saved)
    page.get_by_label("Your e-mail address").fill(anna.user.email)
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_text("Your account is erased.")).to_be_visible()
    assert User.objects.get(pk=anna.user.pk).email == f"erased-{anna.user.pk}@invalid"

    page.get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", name="Newsletter subscriptions")).to_be_visible()
    assert_accessible(page)
    _save(page, tmp_path, saved)
    require_checker()
    assert html_errors(tmp_path) == []
