"""A host call's form: the proposed period, checked at its fields."""

import datetime

import pytest

from citypeers.calls.forms.hosts import HostApplicationForm
from tests.calls.helpers import proposal

pytestmark = pytest.mark.django_db


def form(host_call, city, **changes):
    person, practice = city
    data = proposal(practice, **changes)
    return HostApplicationForm(
        data, call=host_call, submitting=True, organisation=person.organisation
    )


def test_a_proposal_asks_no_ranked_visits_nor_learning_needs(host_call, city):
    bound = form(host_call, city)
    assert bound.is_valid(), bound.errors
    assert not any(name.startswith("preference_") for name in bound.fields)
    assert "learning_needs" not in bound.fields and bound.chosen_visits() == []
    assert list(bound.fields)[:5] == [
        "practice",
        "proposed_mode",
        "proposed_from",
        "proposed_until",
        "proposed_topic",
    ]
    fields = bound.fields_for_model()
    assert (fields["practice"], fields["proposed_mode"]) == (city[1], "online")


def test_a_period_of_more_than_a_year_is_refused_at_its_end(host_call, city):
    start = host_call.closes_at.date() + datetime.timedelta(days=10)
    bound = form(
        host_call,
        city,
        proposed_from=start.isoformat(),
        proposed_until=(start + datetime.timedelta(days=367)).isoformat(),
    )
    assert bound.errors["proposed_until"] == ["Propose a period of at most a year."]


def test_a_visit_starting_on_the_closing_day_is_refused_at_its_start(host_call, city):
    bound = form(host_call, city, proposed_from=host_call.closes_at.date().isoformat())
    assert bound.errors["proposed_from"] == ["The visit can only start after the call has closed."]


def test_a_draft_proposal_may_leave_the_proposal_out(host_call, city):
    person, _practice = city
    bound = HostApplicationForm(
        {"role": "Officer"}, call=host_call, submitting=False, organisation=person.organisation
    )
    assert bound.is_valid(), bound.errors
    assert bound.fields_for_model()["proposed_mode"] == ""
