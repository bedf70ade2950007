"""A signed-in session ends after SESSION_IDLE_TIMEOUT minutes without a request."""

import time

import pytest
from django.urls import reverse

from citypeers.core.middleware import IDLE_SINCE_KEY
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def idle_for(client, minutes: float) -> None:
    session = client.session
    session[IDLE_SINCE_KEY] = int(time.time() - minutes * 60)
    session.save()


def test_a_session_idle_past_the_timeout_is_signed_out_and_told_why(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 30
    client.force_login(UserFactory())
    client.get(reverse("programmes:dashboard"))
    idle_for(client, 31)
    response = client.get(reverse("programmes:dashboard"), follow=True)
    assert "_auth_user_id" not in client.session
    first_stop = response.redirect_chain[0][0]
    assert first_stop.startswith(reverse("account_login"))
    assert "next=" in first_stop
    assert "signed out after 30 minutes without activity" in response.text


def test_a_session_used_within_the_timeout_stays_signed_in(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 30
    client.force_login(UserFactory())
    client.get(reverse("programmes:dashboard"))
    idle_for(client, 29)
    response = client.get(reverse("programmes:dashboard"))
    assert response.status_code == 200
    assert "_auth_user_id" in client.session


def test_each_request_restarts_the_idle_clock(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 30
    client.force_login(UserFactory())
    idle_for(client, 20)
    client.get(reverse("programmes:dashboard"))
    assert time.time() - client.session[IDLE_SINCE_KEY] < 5


def test_the_timeout_follows_the_setting(client, settings):
    settings.SESSION_IDLE_TIMEOUT = 5
    client.force_login(UserFactory())
    client.get(reverse("programmes:dashboard"))
    idle_for(client, 6)
    client.get(reverse("programmes:dashboard"))
    assert "_auth_user_id" not in client.session


def test_signing_in_starts_the_clock_so_the_first_page_writes_no_session(client):
    client.force_login(UserFactory())
    assert time.time() - client.session[IDLE_SINCE_KEY] < 5
