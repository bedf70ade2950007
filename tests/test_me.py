"""A person's home (`/me/`): what needs them now, from each of their roles, then the rest."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, ReviewAssignment
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
    assert "Visits I run: phases and tasks" in page


def test_someone_without_a_role_is_told_where_roles_come_from(client):
    client.force_login(UserFactory())
    page = client.get(reverse("programmes:dashboard")).text
    assert "You have no role in a programme yet." in page
    assert "Nothing waits for you" in page
    assert "Visits I run" not in page  # they run none


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
    assert "Visits I run" not in page


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
