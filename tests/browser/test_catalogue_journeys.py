import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    PlaceFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def test_a_visitor_searches_filters_opens_a_practice_and_downloads_the_csv(page):
    reuse = ThemeFactory(name="Adaptive re-use", slug="adaptive-re-use")
    other = ThemeFactory(name="Participation", slug="participation")
    sibenik = PlaceFactory(name="Šibenik", country="HR", population=31_115)
    nantes = PlaceFactory(name="Nantes", country="FR", population=325_070)
    PublishedPracticeFactory(
        title="Fortress of Culture",
        summary="Three fortresses became a cultural hotspot.",
        places=[sibenik],
        themes=[reuse],
    )
    PublishedPracticeFactory(
        title="Fortress walks in Nantes",
        summary="Citizens guide walks to the castle fortress.",
        places=[nantes],
        themes=[other],
    )
    page.goto("/en/library/")
    assert_accessible(page)
    page.get_by_label("Search words").fill("fortress")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=re.compile("2 practices found"))).to_be_visible()
    page.get_by_label("Theme").select_option("adaptive-re-use")
    page.get_by_label("Country").select_option("HR")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 practice found")).to_be_visible()
    expect(page).to_have_url(re.compile(r"theme=adaptive-re-use.*country=HR|country=HR.*theme="))
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these results (CSV)").click()
    csv_text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Fortress of Culture" in csv_text and "Fortress walks" not in csv_text
    page.get_by_role("link", name="Fortress of Culture").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fortress of Culture")
    assert_accessible(page)


def test_a_practice_goes_from_draft_to_the_library_and_the_feed(new_page):
    programme = ProgrammeFactory(name="Heritage in Action")
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    author = UserFactory(display_name="Aino")
    ThemeFactory(name="Participatory governance", slug="participatory-governance")
    PlaceFactory(name="Tampere", country="FI", population=250_000)

    city = new_page()
    sign_in(city, author)
    city.goto("/en/practices/new/")
    assert_accessible(city)
    # Each text has an input per language; the page's language (English) comes first.
    city.get_by_role("group", name="Title").get_by_label("English").fill("Adopt a Monument")
    city.get_by_role("group", name="Tagline").get_by_label("English").fill(
        "Communities adopt and care for heritage sites."
    )
    city.get_by_label("Places").fill("Tampere (FI)")
    city.get_by_role("group", name="Themes").get_by_label("Participatory governance").check()
    city.get_by_label("Type").select_option("project")
    city.get_by_role("group", name="Summary").get_by_label("English").fill(
        "Residents adopt a monument under an agreement."
    )
    city.get_by_role("button", name="Save the draft").click()
    expect(city.get_by_role("heading", level=1)).to_have_text("Adopt a Monument")
    assert_accessible(city)
    city.get_by_role("button", name="Submit for review").click()
    expect(city.get_by_role("status").first).to_contain_text("Submitted")

    reviewer = new_page()
    sign_in(reviewer, coordinator)
    reviewer.goto("/en/practices/review/")
    assert_accessible(reviewer)
    reviewer.get_by_role("link", name="Adopt a Monument").click()
    assert_accessible(reviewer)
    reviewer.get_by_label("Ask for changes").check()
    reviewer.get_by_label("Comment for the author").fill("Please add what the residents achieved.")
    reviewer.get_by_role("button", name="Send the decision").click()
    expect(reviewer.get_by_role("status").first).to_contain_text("asked for changes")

    city.goto("/en/me/practices/")
    city.get_by_role("link", name="Adopt a Monument").click()
    expect(city.get_by_text("Please add what the residents achieved.")).to_be_visible()
    city.get_by_role("link", name="Edit").click()
    city.get_by_role("group", name="Results and impact").get_by_label("English").fill(
        "Forty sites adopted by local communities."
    )
    city.get_by_role("button", name="Save the draft").click()
    city.get_by_role("button", name="Submit for review").click()
    expect(city.get_by_role("status").first).to_contain_text("Submitted")

    reviewer.goto("/en/practices/review/")
    reviewer.get_by_role("link", name="Adopt a Monument").click()
    reviewer.get_by_label("Publish").check()
    reviewer.get_by_role("button", name="Send the decision").click()
    expect(reviewer.get_by_role("status").first).to_contain_text("published")

    visitor = new_page()
    visitor.goto("/en/library/?q=adopt")
    expect(visitor.get_by_role("link", name="Adopt a Monument")).to_be_visible()
    feed = visitor.request.get("/en/library/feed/").text()
    assert "Adopt a Monument" in feed


def test_results_follow_the_filters_without_pressing_search(page):
    """With JavaScript, htmx refreshes the results and the address as filters change."""
    PublishedPracticeFactory(title="Canal locks", places=[PlaceFactory(country="NL")])
    PublishedPracticeFactory(title="Salt works", places=[PlaceFactory(country="PL")])
    page.goto("/en/library/")
    expect(page.get_by_role("heading", name="2 practices found")).to_be_visible()
    page.get_by_label("Country").select_option("PL")
    expect(page.get_by_role("heading", name="1 practice found")).to_be_visible()
    expect(page).to_have_url(re.compile(r"country=PL"))
    expect(page.get_by_role("link", name="Canal locks")).to_have_count(0)
    page.get_by_label("Search words").fill("salt")
    expect(page).to_have_url(re.compile(r"q=salt"))
    expect(page.get_by_role("link", name="Salt works")).to_be_visible()
