"""Issue 18's "Done when", as a participant lives it: the end-of-visit survey arrives by mail,
its link is answered, a transfer action plan is written from the visit page, and six months
later (the clock moved) the plan is followed up from /me/. The link mailed to one person is
refused to another signed-in participant. axe-clean and 320 px on each page.

The clock: no clock library is in the project, and the live server answers from another
thread, so `django.utils.timezone.now` itself is moved (every `timezone.now()` and
`timezone.localdate()` of the server reads it at call time)."""

import contextlib
import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from citypeers.core.models import OutboxMessage
from citypeers.feedback.models import ActionPlan, Invitation, Response, Survey
from citypeers.feedback.tasks import send_survey
from citypeers.programmes.models import Role, Visit
from tests.browser.conftest import assert_accessible, assert_fits_phone
from tests.browser.test_catalogue_journeys import sign_in
from tests.factories import AgendaSessionFactory, MembershipFactory, VisitFactory
from tests.feedback.factories import survey_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@contextlib.contextmanager
def clock_moved(by: datetime.timedelta):
    """Every reader of `timezone.now()`, the live server's thread included, is `by` later."""
    real_now = timezone.now
    with mock.patch.object(timezone, "now", lambda: real_now() + by):
        yield


def a_finished_visit_with_its_survey_mailed():
    """A visit that ended yesterday, two participants, and its end-of-visit survey sent by
    the send task (the mails land in the outbox, as in the demo)."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    visit = VisitFactory(title="Heritage walks")
    Visit.objects.filter(pk=visit.pk).update(starts_on=yesterday, ends_on=yesterday)
    visit.refresh_from_db()
    walk_starts = timezone.now() - datetime.timedelta(days=1, hours=3)
    AgendaSessionFactory(visit=visit, title="Walk along the river", starts_at=walk_starts)
    aino, bruno = (
        MembershipFactory(
            programme=visit.programme, visit=visit, role=Role.PARTICIPANT, user__display_name=name
        ).user
        for name in ("Aino Participant", "Bruno Participant")
    )
    survey = survey_of(visit, send_at=timezone.now() - datetime.timedelta(hours=1))
    Survey.objects.filter(pk=survey.pk).update(sent_at=None)  # due, not sent yet
    assert send_survey.call(survey_id=survey.pk) == 2
    return visit, aino, bruno


def mailed_link(person) -> str:
    """The address of the survey link in the person's mail, as they would click it."""
    mail = OutboxMessage.objects.get(to=person.email)
    return re.search(r"https?://[^/\s]+(/\S*/surveys/\S+/)", mail.body).group(1)


def test_a_participant_answers_from_the_mail_writes_a_plan_and_follows_it_up(new_page):
    visit, aino, _bruno = a_finished_visit_with_its_survey_mailed()

    page = new_page()
    page.goto(mailed_link(aino))
    expect(page.get_by_text("Nobody, not even the organisers, can see who gave")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name=re.compile("Overall, how satisfied")).get_by_label(
        "4", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("Would you recommend")).get_by_label("Yes").check()
    page.get_by_role("group", name=re.compile("Walk along the river")).get_by_label(
        "5", exact=True
    ).check()
    page.get_by_role("group", name="Before the visit").get_by_label("2", exact=True).check()
    page.get_by_role("group", name="After the visit").get_by_label("4", exact=True).check()
    page.get_by_label("What will you apply in your city?").fill("Walks led by residents")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you, your answers are in")).to_be_visible()
    assert_accessible(page)
    assert Invitation.objects.get(person=aino).answered and Response.objects.count() == 1

    sign_in(page, aino)
    page.goto(f"/en/programmes/{visit.programme.slug}/visits/{visit.slug}/")
    page.get_by_role("link", name="Your transfer action plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your transfer action plan")
    assert_accessible(page)
    page.get_by_label("What I learnt from the practice").fill("Residents make the best guides")
    page.get_by_label("My own challenge").fill("Our old town is seen only by tourists")
    page.get_by_label("What I will adapt, and why").fill("Walks in two languages: we have both")
    page.get_by_label("What", exact=True).nth(0).fill("Train ten resident guides")
    page.get_by_label("What", exact=True).nth(0).press("Enter")  # saves; adds no row
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    page.get_by_role("button", name="Add a step").click()
    page.get_by_label("What", exact=True).nth(1).fill("Run a first walk in May")
    page.get_by_label("Who (a person or a unit)").nth(1).fill("Tourist office")
    assert_fits_phone(page)
    page.get_by_role("button", name="Submit the plan").click()
    expect(page.get_by_text("Your plan is submitted.")).to_be_visible()
    assert_accessible(page)
    plan = ActionPlan.objects.get(person=aino)
    assert plan.is_submitted and plan.steps.count() == 2

    with clock_moved(datetime.timedelta(days=190)):  # six months on
        sign_in(page, aino)  # the session has expired meanwhile
        page.goto("/en/me/")
        assert_accessible(page)
        page.get_by_role("link", name="Update your action plan (six-month follow-up)").click()
        assert_accessible(page)
        page.get_by_label("Where it stands").nth(0).select_option(label="Done")
        page.get_by_label("Evidence").nth(0).fill("Ten guides trained; their list is online")
        page.get_by_label("Link to evidence").nth(0).fill("https://example.org/guides")
        page.get_by_role("button", name="Save the follow-up").click()
        expect(page.get_by_text("Your follow-up is saved.")).to_be_visible()
        assert_accessible(page)
        step = plan.steps.get(what="Train ten resident guides")
        assert step.status == "done" and step.evidence.startswith("Ten guides trained")
        assert step.updates.get().at.date() > visit.ends_on + datetime.timedelta(days=180)
        page.goto("/en/me/")
        expect(page.get_by_text("Update your action plan")).to_have_count(0)


def test_a_mailed_link_opened_by_another_signed_in_participant_is_refused(new_page):
    _visit, aino, bruno = a_finished_visit_with_its_survey_mailed()

    page = new_page()
    sign_in(page, bruno)
    response = page.goto(mailed_link(aino))
    assert response.status == 403
    expect(page.get_by_role("heading", name="This link was sent to someone else")).to_be_visible()
    expect(page.get_by_role("button", name="Send my answers")).to_have_count(0)
    assert_accessible(page)
    assert not Invitation.objects.filter(answered=True).exists()
    assert not Response.objects.exists()
