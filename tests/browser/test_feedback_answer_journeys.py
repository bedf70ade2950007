"""A participant answers the end-of-visit survey from their link; a coordinator customises
a survey template and saves a new version."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from citypeers.feedback.models import Answer
from citypeers.feedback.selectors.answering import invitation_link
from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import AgendaSessionFactory, MembershipFactory, UserFactory, VisitFactory
from tests.feedback.factories import invitation_for, survey_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_answers_the_end_of_visit_survey_from_their_link(new_page):
    visit = VisitFactory(title="Heritage walks")
    walk = AgendaSessionFactory(visit=visit, title="Walk along the river")
    survey = survey_of(visit, send_at=walk.starts_at + datetime.timedelta(days=2))
    invitation = invitation_for(survey, UserFactory())

    page = new_page()
    page.goto(invitation_link(invitation))
    expect(page.get_by_text("Nobody, not even the organisers, can see who gave")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What will you apply in your city?").fill("Guided walks by residents")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_label("What will you apply in your city?")).to_have_value(
        "Guided walks by residents"
    )
    assert_accessible(page)

    satisfaction = page.get_by_role("group", name=re.compile("Overall, how satisfied"))
    satisfaction.get_by_label("4", exact=True).check()
    page.get_by_role("group", name=re.compile("Would you recommend")).get_by_label("Yes").check()
    page.get_by_role("group", name=re.compile("Walk along the river")).get_by_label(
        "5", exact=True
    ).check()
    page.get_by_role("group", name="Before the visit").get_by_label("2", exact=True).check()
    page.get_by_role("group", name="After the visit").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you, your answers are in")).to_be_visible()
    assert_accessible(page)
    assert_fits_phone(page)

    rating = Answer.objects.get(question__key="sessions")
    assert (rating.session_id, rating.number) == (walk.pk, 5)
    knowledge = Answer.objects.get(question__key="knowledge")
    assert (knowledge.number_before, knowledge.number) == (2, 4)


def test_a_coordinator_customises_a_template_and_saves_a_new_version(new_page):
    coordinator = MembershipFactory(role=Role.COORDINATOR)
    survey_of(VisitFactory(programme=coordinator.programme))  # loads the house templates
    page = new_page()
    sign_in(page, coordinator.user)
    page.goto(f"/en/programmes/{coordinator.programme.slug}/surveys/templates/")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile(r"^Customise\W+End of the visit$")).click()
    expect(page.get_by_role("heading", name=re.compile("Edit the questions"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Move question 1 down").click()
    expect(page.get_by_label("Question").first).to_have_value(
        "Would you recommend such a visit to a colleague?"
    )
    page.get_by_label("What changed").fill("Recommendation first")
    page.get_by_role("button", name="Save as a new version").first.click()
    expect(page.get_by_text("Saved as version 2.")).to_be_visible()
    expect(page.get_by_role("cell", name="Recommendation first")).to_be_visible()
    assert_accessible(page)
