"""Who may open each coordinator's page of a call: its programme's coordinators and staff;
a reviewer the review page once assigned; nobody else, signed in or not."""

import pytest
from django.urls import reverse

from citypeers.calls.services.review import reviewers_assign
from tests.factories import UserFactory, sent_application

pytestmark = pytest.mark.django_db
PAGES = ["edit", "questions", "preview", "applications", "selection", "selection_messages"]
MAY = {"coordinator", "staff"}


@pytest.mark.parametrize("page", PAGES)
def test_each_coordinators_page_as_each_role(client, call, people_by_role, page):
    url = reverse(f"calls:{page}", args=[call.slug])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    for role, person in people_by_role.items():
        client.force_login(person)
        expected = 200 if role in MAY else 403
        assert client.get(url).status_code == expected, role


def test_a_reviewer_opens_the_review_page_once_assigned(client, call, people_by_role):
    url = reverse("calls:review", args=[call.slug])
    reviewer = people_by_role["reviewer"]
    client.force_login(reviewer)
    assert client.get(url).status_code == 403
    call.reviewers_per_application = 1
    call.save()
    sent_application(call, UserFactory())
    reviewers_assign(call=call, by=people_by_role["coordinator"])
    assert client.get(url).status_code == 200
    for role in ("participant", "coordinator_elsewhere", "no_role"):
        client.force_login(people_by_role[role])
        assert client.get(url).status_code == 403, role


@pytest.mark.parametrize("page", ["copy", "selection_run", "assign"])
def test_actions_that_write_are_refused_to_everyone_but_coordinators(
    client, call, people_by_role, page
):
    url = reverse(f"calls:{page}", args=[call.slug])
    for role in ("participant", "reviewer", "coordinator_elsewhere", "no_role"):
        client.force_login(people_by_role[role])
        assert client.post(url).status_code == 403, role
    assert call.selection_runs.count() == 0 and call.programme.calls.count() == 1


def test_anyone_may_read_the_calls_and_only_coordinators_make_one(client, call, people_by_role):
    assert client.get(reverse("calls:list")).status_code == 200
    assert client.get(reverse("calls:detail", args=[call.slug])).status_code == 200
    assert client.get(reverse("calls:detail", args=["no-such-call"])).status_code == 404
    for role, person in people_by_role.items():
        client.force_login(person)
        may = role in MAY | {"coordinator_elsewhere"}
        assert client.get(reverse("calls:create")).status_code == (200 if may else 403), role
