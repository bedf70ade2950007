"""Applying as the service does it, whatever page sent it."""

import datetime

import pytest

from citypeers.calls.models import Application
from citypeers.calls.services.applications import application_save
from citypeers.core.errors import CallError
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(two_visit_call):
    """Two visits, Vantaa and Kortrijk, open since yesterday."""
    return two_visit_call


def test_two_submissions_make_one_application(call):
    person = UserFactory()
    for _ in range(2):
        application_save(
            call=call,
            applicant=person,
            fields={"role": "Officer"},
            preferences=list(call.visits.all()),
            answers={},
            files={},
            consent=True,
            submit=True,
        )
    assert Application.objects.filter(call=call, applicant=person).count() == 1


def test_the_service_refuses_before_the_opening_too(call):
    with pytest.raises(CallError):
        application_save(
            call=call,
            applicant=UserFactory(),
            fields={},
            preferences=[],
            answers={},
            files={},
            consent=False,
            submit=False,
            now=call.opens_at - datetime.timedelta(seconds=1),
        )
