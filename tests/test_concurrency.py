"""Simultaneous clicks against a live server, on whichever database the suite runs on.

Each request is a real HTTP request on its own thread of the live server, with its own
database connection (SQLite's test database is a file for this; see settings.py), fired at
the same moment from threads here. What a person would notice is checked: no error page, and
afterwards no save lost and none doubled.
"""

import http.client
import secrets
import string
import threading
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from citypeers.calls.models import Application, Preference, SelectionRun
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from citypeers.visits.models import VisitPlan
from tests.calls.helpers import complete
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    TemplateVersionFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


class Browser:
    """A signed-in person's browser: their session and CSRF cookies, no redirects followed."""

    def __init__(self, server, user):
        client = Client()
        client.force_login(user)
        self.host, self.port = urlsplit(server.url).hostname, urlsplit(server.url).port
        self.session = client.cookies["sessionid"].value
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))

    def post(self, path: str, data: dict) -> tuple[int, str]:
        """The status and the redirect's address (or the start of the page)."""
        body = urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True)
        headers = {
            "Cookie": f"sessionid={self.session}; csrftoken={self.csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
            return response.status, response.getheader("Location") or text[:300]
        finally:
            connection.close()


def at_once(posts: list) -> list[tuple[int, str]]:
    """Sends every (browser, path, data) from a thread of its own, all let go together."""
    start = threading.Barrier(len(posts))
    answers: list = [None] * len(posts)

    def send(index: int, browser: Browser, path: str, data: dict) -> None:
        start.wait()
        answers[index] = browser.post(path, data)

    threads = [threading.Thread(target=send, args=(i, *post)) for i, post in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.fixture
def call(db):
    visits = [VisitFactory(title="Vantaa"), VisitFactory(title="Kortrijk")]
    return CallFactory(visits=visits, programme=visits[0].programme)


def applicant(live_server) -> Browser:
    return Browser(live_server, UserFactory(organisation=OrganisationFactory()))


def test_first_submissions_at_once_and_double_clicks_are_each_kept_once(live_server, call):
    """Four people send their first application at the same moment and two more double-click
    "Send": every post is answered with the usual redirect, and each person has exactly one
    application, sent, with the two visits they ranked."""
    path, sent = reverse("calls:apply", args=[call.slug]), complete(call)
    people = [applicant(live_server) for _ in range(6)]
    posts = [(person, path, sent) for person in people] + [(p, path, sent) for p in people[4:]]
    answers = at_once(posts)
    assert answers == [(302, reverse("calls:mine"))] * len(posts)
    applications = Application.objects.filter(call=call)
    assert applications.count() == len(people)
    assert set(applications.values_list("status", flat=True)) == {"submitted"}
    assert Preference.objects.filter(application__call=call).count() == 2 * len(people)
    assert AuditEntry.objects.filter(action="application.submitted").count() == len(posts)


def test_a_double_click_on_run_the_selection_starts_two_numbered_runs(live_server, call):
    """Both clicks are answered with the selection page and the runs are numbered 1 and 2.
    (Over HTTP the clicks rarely meet inside the transaction; the test of `selection_start`
    holds the first there to show the second waits for its number.)"""
    coordinator = MembershipFactory(programme=call.programme, role=Role.COORDINATOR).user
    browser = Browser(live_server, coordinator)
    path = reverse("calls:selection_run", args=[call.slug])
    answers = at_once([(browser, path, {}), (browser, path, {})])
    assert answers == [(302, reverse("calls:selection", args=[call.slug]))] * 2
    numbers = SelectionRun.objects.filter(call=call).values_list("number", flat=True)
    assert sorted(numbers) == [1, 2]


def test_a_double_click_on_give_this_plan_plans_the_visit_once(live_server):
    """Each click is answered with the workspace or the refusal that says the visit has a plan
    (never an error page); the visit has one plan and its tasks once."""
    version = TemplateVersionFactory()
    visit = VisitFactory(starts_on=None)
    coordinator = MembershipFactory(programme=visit.programme, role=Role.COORDINATOR).user
    browser = Browser(live_server, coordinator)
    path = reverse("visits:apply_plan", args=[visit.programme.slug, visit.slug])
    path += f"?mode={version.template.mode}&start=2027-03-22&visit={visit.pk}"
    answers = at_once([(browser, path, {}), (browser, path, {})])
    workspace = reverse("visits:workspace", args=[visit.programme.slug, visit.slug])
    assert (302, workspace) in answers
    assert all(answer == (302, workspace) or answer[0] == 403 for answer in answers)
    assert VisitPlan.objects.filter(visit=visit).count() == 1
    assert visit.tasks.count() == 1  # the template's one step, not twice
