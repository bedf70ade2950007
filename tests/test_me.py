"""A person's home (`/me/`): what needs them now, from each of their roles, then the rest."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, ReviewAssignment, SelectionRun
from citypeers.programmes.models import Role
from tests.calls.helpers import apply, close, reviewer
from tests.factories import (
    CallFactory,
    MembershipFactory,
    UserFactory,
    VisitFactory,
    VisitTaskFactory,
)

pytestmark = pytest.mark.django_db


def test_my_page_is_for_signed_in_people(client):
    response = client.get(reverse("programmes:dashboard"))
    assert response["Location"].startswith(reverse("account_login"))


def test_my_page_lists_my_roles_and_visits_by_programme(client, programme, visit):
    member = MembershipFactory(programme=programme, visit=visit, role=Role.RAPPORTEUR).user
    client.force_login(member)
    page = client.get(reverse("programmes:dashboard")).text
    assert "Rapporteur" in page
    assert programme.name in page
    assert reverse("visits:visit", args=[programme.slug, visit.slug]) in page
    assert reverse("visits:dashboard") in page
    assert "A visit's tasks appear here in the week they are due" in page  # their kind of work
    assert reverse("planner:plan") not in page  # making visits is for coordinators


def test_someone_without_a_role_is_told_where_roles_come_from(client):
    client.force_login(UserFactory())
    page = client.get(reverse("programmes:dashboard")).text
    assert "You have no role in a programme yet." in page
    assert "Nothing waits for you" in page
    assert "A place on a visit appears here when a selection gives you one" in page
    assert "Applications to review appear here" not in page  # not a reviewer


def test_a_reviewer_finds_the_review_page_of_a_closed_call_with_what_is_left(client, programme):
    call = CallFactory(programme=programme, title="Call 2027", notify_on=datetime.date(2027, 4, 2))
    person = reviewer(programme)
    for name in ["Aino", "Bram"]:
        ReviewAssignment.objects.create(application=apply(call, name), reviewer=person)
    client.force_login(person)
    assert reverse("calls:review", args=[call.slug]) not in client.get("/en/me/").text  # open
    close(call)
    page = client.get("/en/me/").text
    assert reverse("calls:review", args=[call.slug]) in page
    assert "2 of 2 applications still to score" in page
    assert "applicants are told by 2 Apr 2027" in page


def test_a_selected_person_finds_the_answer_to_give_and_the_visit(client, programme):
    visit = VisitFactory(
        programme=programme, title="Vantaa", starts_on=timezone.localdate() + datetime.timedelta(30)
    )
    call = CallFactory(programme=programme, visits=[visit])
    application = apply(call, "Aino")
    Application.objects.filter(pk=application.pk).update(
        outcome=Outcome.SELECTED, outcome_visit=visit, respond_by=datetime.date(2027, 1, 9)
    )
    client.force_login(application.applicant)
    page = client.get("/en/me/").text
    assert "Confirm or decline your place in Vantaa" in page
    assert "answer by 9 Jan 2027" in page
    assert reverse("calls:mine") in page
    assert page.count(reverse("visits:visit", args=[programme.slug, visit.slug])) == 2


def test_my_overdue_task_comes_first(client, programme, visit):
    host = MembershipFactory(programme=programme, visit=visit, role=Role.HOST).user
    VisitTaskFactory(
        visit=visit, title="Send the briefing", due_on=timezone.localdate() - datetime.timedelta(2)
    )
    client.force_login(host)
    page = client.get("/en/me/").text
    assert "1 overdue task" in page
    assert "Send the briefing" in page


def test_a_coordinator_sees_each_call_waiting_for_a_step_with_the_step(client, programme):
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    draft = CallFactory(programme=programme, title="Draft", published_at=None)
    open_call = CallFactory(programme=programme, title="Open")
    apply(open_call, "Aino")
    reviewing = CallFactory(programme=programme, title="Reviewing")
    to_review = apply(reviewing, "Bram")
    to_run = CallFactory(programme=programme, title="Reviewed")
    apply(to_run, "Dara")
    close(to_run)
    answering = CallFactory(programme=programme, title="Answering")
    Application.objects.filter(pk=apply(answering, "Cleo").pk).update(outcome=Outcome.SELECTED)
    done = close(CallFactory(programme=programme, title="Done"))
    for call in (reviewing, answering):
        close(call)
    ReviewAssignment.objects.create(application=to_review, reviewer=reviewer(programme))
    for call in (answering, done):
        SelectionRun.objects.create(call=call, number=1, instance={}, published_at=timezone.now())
    CallFactory(title="Another programme's call")
    close(CallFactory(programme=programme, title="Nobody applied"))  # nothing to select
    client.force_login(coordinator)
    page = client.get("/en/me/").text
    steps = {
        draft: ("calls:detail", "Check the draft “Draft” and open it to applications"),
        open_call: ("calls:applications", "Follow the applications to “Open”"),
        reviewing: ("calls:review", "Follow the review of “Reviewing”"),
        to_run: ("calls:selection", "Run the selection of “Reviewed” and publish its decisions"),
        answering: ("calls:selection", "Follow the answers to the places of “Answering”"),
    }
    for call, (url, text) in steps.items():
        item = page.split(f'id="steer-{call.slug}"')[1].split("</li>")[0]
        assert reverse(url, args=[call.slug]) in item and text in item
    assert "1 application sent" in page and "1 review still to do" in page
    assert "1 place waits for an answer" in page
    assert 'id="steer-' + done.slug not in page  # decided, nobody left to answer
    assert "Another programme" not in page and "Nobody applied" not in page


def test_a_coordinator_sees_the_visits_of_their_programmes_coming_up(client, programme):
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    VisitFactory(
        programme=programme,
        title="Pécs 2027",
        starts_on=timezone.localdate() + datetime.timedelta(40),
    )
    VisitFactory(
        title="Someone else's visit", starts_on=timezone.localdate() + datetime.timedelta(40)
    )
    client.force_login(coordinator)
    coming = client.get("/en/me/").text.split("Visits coming up")[1].split("</section>")[0]
    assert "Pécs 2027" in coming
    assert "Someone else" not in coming
