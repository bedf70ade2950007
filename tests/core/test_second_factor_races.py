"""Two clicks on "Turn on the authenticator app" at once: one app, and no server error."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.races import race
from tests.second_factor import totp_code

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_double_click_turning_on_the_app_sets_up_one_app_without_an_error():
    person = UserFactory()
    first = Client(raise_request_exception=False)
    first.force_login(person)
    first.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    first.get(reverse("mfa_activate_totp"))
    second = Client(raise_request_exception=False)
    second.cookies = first.cookies  # the same browser, the same session
    code = {"code": totp_code(first.session["mfa.totp.secret"])}
    url = reverse("mfa_activate_totp")

    outcomes = race(
        lambda: first.post(url, code),
        lambda: second.post(url, code),
        hold_after="allauth.mfa.totp.internal.flows.TOTP.activate",
    )

    assert [o.error for o in outcomes] == [None, None]
    assert all(o.result.status_code < 500 for o in outcomes), [o.result for o in outcomes]
    assert Authenticator.objects.filter(user=person, type="totp").count() == 1
