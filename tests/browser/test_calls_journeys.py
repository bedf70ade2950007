import datetime
import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from citypeers.calls.models import (
    Application,
    ApplicationFile,
    Criterion,
    Question,
    ReviewAssignment,
    SelectionRun,
)
from citypeers.calls.selectors.placements import run_placements
from citypeers.calls.services.review import reviewers_assign
from citypeers.core.models import OutboxMessage
from citypeers.programmes.models import Role
from tests.browser.conftest import assert_accessible
from tests.browser.test_catalogue_journeys import sign_in
from tests.calls.helpers import close
from tests.factories import (
    CallFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)
from tests.samples import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_saves_a_draft_ranks_two_visits_submits_and_gets_the_copy(page):
    vantaa = VisitFactory(title="Heritage walks in Vantaa", starts_on=datetime.date(2027, 3, 22))
    kortrijk = VisitFactory(title="Giants of Kortrijk", starts_on=datetime.date(2027, 4, 19))
    CallFactory(title="Call for participants 2027", visits=[vantaa, kortrijk])
    person = UserFactory(display_name="Petra", languages=["en"])
    sign_in(page, person)
    page.goto("/en/calls/")
    assert_accessible(page)
    page.get_by_role("link", name="Call for participants 2027").click()
    assert_accessible(page)
    page.get_by_role("link", name="Apply").click()
    page.get_by_label("Your role in your organisation").fill("Heritage officer")
    page.get_by_label("Visit, choice 1").select_option(value=str(kortrijk.pk))
    page.get_by_role("button", name="Save as a draft").click()
    expect(page.get_by_role("status").first).to_contain_text("Your draft is saved")
    assert_accessible(page)
    assert Application.objects.get().status == "draft"

    page.get_by_label("What you want to learn").fill("How residents co-create heritage.")
    page.get_by_label("What you can share with others").fill("Our mill restoration.")
    page.get_by_label("A challenge from your own city").fill("Empty industrial mills.")
    page.get_by_label("Why you want to take part").fill("To learn from peers.")
    page.get_by_label("Visit, choice 2").select_option(value=str(vantaa.pk))
    page.get_by_role("button", name="Send the application").click()
    # Consent was not given: the error summary says so and keeps everything typed.
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("A challenge from your own city")).to_have_value(
        "Empty industrial mills."
    )
    assert_accessible(page)
    page.get_by_role("checkbox", name="I agree").check()
    page.get_by_role("group", name="Languages you can take part in").get_by_label("English").check()
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My applications")
    expect(page.get_by_role("cell", name="Submitted")).to_be_visible()
    assert_accessible(page)
    application = Application.objects.get()
    assert [p.visit for p in application.preferences.all()] == [kortrijk, vantaa]
    copy = OutboxMessage.objects.get(to=person.email)
    assert "Empty industrial mills." in copy.body


def test_a_reviewer_scores_an_assigned_application(page):
    call = CallFactory(title="Call for participants 2027", reviewers_per_application=1)
    Criterion.objects.create(call=call, name="Motivation", scale_max=5, weight=2)
    Criterion.objects.create(call=call, name="Expertise", scale_max=5, weight=1)
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    reviewer = MembershipFactory(programme=call.programme, role=Role.REVIEWER).user
    sent_application(
        call, UserFactory(display_name="Aino Applicant"), motivation="To learn from Kortrijk."
    )
    close(call)  # reviewers score once the call has closed
    reviewers_assign(call=call, by=coordinator)
    sign_in(page, reviewer)
    page.goto(f"/en/calls/{call.slug}/review/")
    assert_accessible(page)
    page.get_by_role("link", name="Aino Applicant").click()
    expect(page.get_by_text("To learn from Kortrijk.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Motivation").get_by_label("4").check()
    page.get_by_role("group", name="Expertise").get_by_label("3").check()
    page.get_by_label("Comment on “Motivation”").fill("Clear and concrete.")
    page.get_by_role("button", name="Save the scores").click()
    expect(page.get_by_role("status").first).to_contain_text("Your scores are saved")
    expect(page.get_by_text("scored")).to_be_visible()
    assert_accessible(page)
    assert ReviewAssignment.objects.get().completed_at is not None


def test_a_coordinator_publishes_the_selection_and_a_decline_moves_the_waiting_list(page, new_page):
    vantaa = VisitFactory(title="Heritage walks in Vantaa", starts_on=datetime.date(2027, 3, 22))
    call = CallFactory(title="Call for participants 2027", visits=[vantaa])
    call.selection_settings = {"mode": "merit", "visits": {str(vantaa.pk): {"capacity": 2}}}
    call.save()
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    for name in ("Aino", "Bram", "Chloé", "Dirk"):
        sent_application(
            call, UserFactory(display_name=name, languages=["en"]), preferences=[vantaa]
        )
    close(call)  # decisions are published once the call has closed
    sign_in(page, coordinator)
    page.goto(f"/en/calls/{call.slug}/selection/")
    assert_accessible(page)
    page.get_by_role("button", name="Run the selection (4 applications sent)").click()
    expect(page.get_by_text("Proven optimal")).to_be_visible()
    expect(page.get_by_text("selected for preference 1").first).to_be_visible()
    expect(page.get_by_text("Waiting list, in the order places are offered:")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Publish the decisions of run 1…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the decisions of run 1")
    assert_accessible(page)
    page.get_by_role("button", name="Publish and send 4 e-mails").click()
    expect(page.get_by_role("status").first).to_contain_text("The decisions are published")
    expect(
        page.get_by_role("heading", name="Published decisions (run 1) as they stand")
    ).to_be_visible()
    assert_accessible(page)
    # On a phone the wide tables scroll in their own box (reachable by keyboard), not the page.
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)

    leaving = Application.objects.filter(outcome="selected").select_related("applicant").first()
    first_waiting = Application.objects.select_related("applicant").get(waiting_position=1)
    page = new_page()  # another person, in another browser
    sign_in(page, leaving.applicant)
    page.goto("/en/me/applications/")
    assert_accessible(page)
    page.get_by_role("link", name="Decline…").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, decline my place").click()
    expect(page.get_by_role("status").first).to_contain_text("it goes to the next person waiting")
    first_waiting.refresh_from_db()
    assert first_waiting.outcome == "selected"
    offer = OutboxMessage.objects.filter(to=first_waiting.applicant.email).latest("pk")
    assert "you have a place on the visit “Heritage walks in Vantaa”" in offer.body

    page = new_page()
    sign_in(page, first_waiting.applicant)
    page.goto("/en/me/applications/")
    expect(page.get_by_text("offered the place freed by a decline")).to_be_visible()
    page.get_by_role("button", name="Confirm my place").click()
    expect(page.get_by_role("status").first).to_contain_text("Your place is confirmed")
    assert_accessible(page)


def a_first_run_for_one_place_and_two_applicants(page):
    """The coordinator of a call still open runs its selection: Aino and Bram for one place."""
    vantaa = VisitFactory(title="Heritage walks in Vantaa", starts_on=datetime.date(2027, 3, 22))
    call = CallFactory(title="Call for participants 2027", visits=[vantaa])
    call.selection_settings = {"mode": "merit", "visits": {str(vantaa.pk): {"capacity": 1}}}
    call.save()
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    for name in ("Aino", "Bram"):
        sent_application(call, UserFactory(display_name=name), preferences=[vantaa])
    sign_in(page, coordinator)
    page.goto(f"/en/calls/{call.slug}/selection/")
    page.get_by_role("button", name="Run the selection (2 applications sent)").click()
    expect(page.get_by_text("Proven optimal")).to_be_visible()
    return call, vantaa


def test_a_coordinator_can_publish_the_selection_only_once_the_call_has_closed(page):
    call, _visit = a_first_run_for_one_place_and_two_applicants(page)
    assert call.is_open()
    publish = re.compile(r"\bpublish", re.IGNORECASE)
    expect(page.get_by_role("link", name=publish)).to_have_count(0)
    expect(page.get_by_role("button", name=publish)).to_have_count(0)
    note = page.get_by_text("Decisions are published once the call has closed")
    expect(note).to_be_visible()
    assert_accessible(page)

    close(call)
    page.reload()
    expect(note).to_have_count(0)
    page.get_by_role("link", name="Publish the decisions of run 1…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish the decisions of run 1")
    expect(page.get_by_role("button", name="Publish and send 2 e-mails")).to_be_visible()


def test_a_coordinator_pins_a_person_runs_again_and_sees_who_moved(page):
    call, vantaa = a_first_run_for_one_place_and_two_applicants(page)
    placements = run_placements(SelectionRun.objects.get(call=call, number=1))
    [waiting] = [key for key, placement in placements.items() if placement.outcome == "waitlisted"]
    waiting_name = str(Application.objects.get(pk=waiting).applicant)

    page.get_by_text("Pin a person to a visit, or leave one out").click()
    page.get_by_label("Applicant").select_option(label=waiting_name)
    page.get_by_label("Decision").select_option(label="Pin to a visit")
    page.get_by_label("Visit (when pinning)").select_option(label=vantaa.title)
    page.get_by_label("Why").fill("The host asked for this peer.")
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_role("status").first).to_contain_text("it applies from the next run")
    page.get_by_role("button", name="Run the selection (2 applications sent)").click()
    expect(page.get_by_role("heading", name="Result of run 2")).to_be_visible()

    form = page.get_by_role("form", name="Runs to compare")
    expect(form.get_by_label("From run")).to_have_value("1")
    expect(form.get_by_label("To run")).to_have_value("2")
    form.get_by_label("To run").focus()  # by keyboard: the button follows the selects
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Show who moved")).to_be_focused()
    page.keyboard.press("Enter")
    table = page.get_by_role("table", name="From run 1 to run 2: 2 applicants placed differently")
    expect(table.get_by_role("row", name=waiting_name)).to_contain_text(
        "waiting list of “Heritage walks in Vantaa”, position 1"
    )
    expect(table.get_by_role("row").nth(1)).to_contain_text(waiting_name)
    expect(table.get_by_role("row", name=waiting_name)).to_contain_text(
        "a place on “Heritage walks in Vantaa”"
    )
    assert "compare=1&compare=2" in page.url
    assert_accessible(page)


def test_a_coordinator_opens_an_application_from_the_list_and_reads_answers_and_files(
    page, private_files
):
    call = CallFactory(title="Call for participants 2027")
    question = Question.objects.create(call=call, kind="long_text", label="Your archive")
    cv = Question.objects.create(call=call, kind="file", label="CV", position=1)
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    sent_application(call, UserFactory(display_name="Aino Applicant"))
    application = sent_application(
        call,
        UserFactory(display_name="Bram Applicant"),
        learning_needs="How residents co-create heritage.",
    )
    application.answers = {str(question.pk): "Letters of the mill workers."}
    application.save()
    ApplicationFile.objects.create(
        application=application,
        question=cv,
        file=ContentFile(PDF, name="bram-cv.pdf"),
        name="bram-cv.pdf",
        content_type="application/pdf",
    )
    sign_in(page, coordinator)
    page.goto(f"/en/calls/{call.slug}/applications/")
    page.get_by_role("link", name="Bram Applicant").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application of Bram Applicant")
    expect(page.get_by_text("How residents co-create heritage.")).to_be_visible()
    expect(page.get_by_text("Letters of the mill workers.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="bram-cv.pdf").click()
    assert download.value.suggested_filename == "bram-cv.pdf"
    expect(page.get_by_role("link", name="Previous application")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_a_coordinator_writes_a_question_in_two_languages_and_a_french_applicant_reads_it(
    page, new_page
):
    call = CallFactory(title={"en": "Call for participants 2027", "fr": "Appel 2027"})
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    sign_in(page, coordinator)
    page.goto(f"/en/calls/{call.slug}/questions/")
    question = page.get_by_role("group", name="A new question")
    question.get_by_label("English").first.fill("How big is your city?")
    question.get_by_label("Kind").select_option(label="One choice")
    choices = page.locator("#id_questions-0-choices")
    choices.get_by_label("English").fill("Small\nLarge")
    for name in ("label", "choices"):  # French waits among the other languages
        page.locator(f"#id_questions-0-{name} summary").click()
    label = page.locator("#id_questions-0-label")
    label.get_by_label("Français").fill("Quelle taille a votre ville ?")  # each by its own name
    choices.get_by_label("Français").fill("Petite\nGrande")
    assert_accessible(page)
    page.get_by_role("button", name="Save the questions").click()
    expect(page.get_by_text("The questions are saved.")).to_be_visible()
    saved = Question.objects.get(call=call)
    assert saved.choices.translations == {"en": ["Small", "Large"], "fr": ["Petite", "Grande"]}

    applicant = new_page("fr-FR")
    sign_in(applicant, UserFactory(display_name="Paul"))
    applicant.goto(f"/fr/calls/{call.slug}/apply/")
    expect(applicant.get_by_role("heading", level=1)).to_contain_text("Appel 2027")
    group = applicant.get_by_role("group", name="Quelle taille a votre ville ?")
    expect(group.get_by_label("Grande")).to_have_value("Large")  # one answer, any language
    assert_accessible(applicant)
