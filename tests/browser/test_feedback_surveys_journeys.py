"""The coordinator follows a visit's surveys: from the workspace to the surveys page with its
live response rate, then to the results, each chart drawn beside its table."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.feedback.enums import Audience, Moment
from citypeers.feedback.models import Survey
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import VisitFactory, VisitPlanFactory
from tests.feedback.factories import template_version
from tests.feedback.scene import answered_survey, coordinator_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_follows_the_rate_and_reads_the_results(new_page):
    visit = VisitFactory(title="Heritage walks")
    VisitPlanFactory(visit=visit)
    survey, given, _sessions = answered_survey(responses=4, visit=visit, seed=4)
    invited = survey.invitations.count()
    Survey.objects.create(  # the host's feedback, not sent yet: its anonymity can change
        visit=visit,
        version=template_version(moment=Moment.HOST, audience=Audience.HOSTS),
        moment=Moment.HOST,
        audience=Audience.HOSTS,
        send_at=timezone.now() + datetime.timedelta(days=2),
        closes_at=timezone.now() + datetime.timedelta(days=16),
    )

    page = new_page()
    sign_in(page, coordinator_of(visit))
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/workspace/")
    page.get_by_role("link", name="Surveys", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Surveys: Heritage walks")
    rate = f"4 of {invited} answered ({round(400 / invited)} %)"
    expect(page.get_by_text(rate)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Answers are").select_option(label="Pseudonymous")
    page.get_by_role("button", name="Save how answers to Host's feedback are kept").click()
    expect(page.get_by_text("How the answers are kept is saved.")).to_be_visible()
    page.get_by_role("link", name="Send now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send the survey now?")
    assert_accessible(page)
    page.get_by_role("link", name="Cancel").click()

    page.get_by_role("link", name="Results: End of the visit").click()
    expect(page.get_by_text(f"4 responses of {invited} invited.")).to_be_visible()
    charts = page.locator("img.chart")
    expect(charts.first).to_be_visible()
    assert charts.count() == 3  # a rating, before and after, the sessions
    # Each SVG loaded and drawn (not a broken image); waited for, as a busy machine loads late.
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.chart')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )
    useful = [answers["useful"] for answers in given]
    table = page.get_by_role("table").first
    for rating in range(1, 6):
        row = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=str(rating)))
        expect(row.get_by_role("cell")).to_have_text(str(useful.count(rating)))
    assert_accessible(page)
    assert_fits_phone(page)
