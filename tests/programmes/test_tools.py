"""A programme's page leads those who run it to the tools other apps give them (news, the
newsletter, API tokens), and shows them to nobody else."""

import pytest
from django.urls import reverse

from citypeers.programmes.models import Role
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _tools(client, programme) -> str:
    return client.get(reverse("programmes:detail", args=[programme.slug])).content.decode()


def test_a_coordinator_finds_the_news_editor_the_newsletter_and_the_api_tokens(
    client, programme, coordinator
):
    client.force_login(coordinator)
    page = _tools(client, programme)
    assert f'href="{reverse("news:manage")}"' in page
    assert f'href="{reverse("newsletter:programme", args=[programme.slug])}"' in page
    assert f'href="{reverse("api_tokens:list", args=[programme.slug])}"' in page


@pytest.mark.parametrize("who", ["anonymous", "participant", "another programme's coordinator"])
def test_nobody_else_is_shown_them(client, programme, who):
    if who == "participant":
        client.force_login(MembershipFactory(programme=programme, role=Role.PARTICIPANT).user)
    elif who != "anonymous":
        client.force_login(MembershipFactory(role=Role.COORDINATOR).user)
    page = _tools(client, programme)
    assert reverse("newsletter:programme", args=[programme.slug]) not in page
    assert reverse("api_tokens:list", args=[programme.slug]) not in page
    assert reverse("news:manage") not in page


def test_staff_find_them_too(client, programme):
    client.force_login(UserFactory(is_staff=True))
    assert reverse("api_tokens:list", args=[programme.slug]) in _tools(client, programme)
