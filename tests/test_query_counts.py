"""List pages run a fixed number of queries, however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeers.core.models import OutboxMessage
from citypeers.programmes.models import Role
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    ProgrammeFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db


def test_places_list(client, django_assert_max_num_queries):
    PlaceFactory.create_batch(60)
    with django_assert_max_num_queries(4):
        client.get(reverse("places:list"))


def test_programmes_list_and_detail(client, django_assert_max_num_queries):
    programme = ProgrammeFactory()
    for _ in range(20):
        VisitFactory(programme=programme)
        MembershipFactory(programme=programme, role=Role.COORDINATOR)
    ProgrammeFactory.create_batch(15)
    with django_assert_max_num_queries(5):
        client.get(reverse("programmes:list"))
    with django_assert_max_num_queries(6):
        client.get(reverse("programmes:detail", args=[programme.slug]))


def test_outbox(client, staff, django_assert_max_num_queries):
    for number in range(40):
        OutboxMessage.objects.create(
            from_email="a@example.org", to="b@example.org", subject=f"{number}"
        )
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        client.get(reverse("core:outbox"))


def test_my_page(client, django_assert_max_num_queries):
    member = MembershipFactory(role=Role.PARTICIPANT).user
    for _ in range(15):
        visit = VisitFactory()
        MembershipFactory(user=member, programme=visit.programme, visit=visit, role=Role.HOST)
    client.force_login(member)
    with django_assert_max_num_queries(8):
        client.get(reverse("programmes:dashboard"))


def test_a_host_calls_applications_and_a_calls_selection(client):
    programme = ProgrammeFactory()
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    hosts = CallFactory(programme=programme, type="hosts")
    participants = CallFactory(programme=programme, visits=[VisitFactory(programme=programme)])
    client.force_login(coordinator)

    def counted(url, people: int) -> int:
        for _ in range(people):
            person = UserFactory(organisation=OrganisationFactory())
            for call in (hosts, participants):
                sent_application(call, person, preferences=call.visits.all())
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    for url in (
        reverse("calls:applications", args=[hosts.slug]),
        reverse("calls:selection", args=[participants.slug]),
    ):
        assert counted(url, 3) == counted(url, 12), url  # the same, however many rows
