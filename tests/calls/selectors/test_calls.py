"""Calls as pages list them, a person's applications, and published places as they stand."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from citypeers.calls.enums import Outcome
from citypeers.calls.models import SelectionRun
from citypeers.calls.selectors.calls import (
    application_of,
    applications_of,
    call_by_slug,
    calls_by_state,
    calls_visible_to,
    published_places,
    published_run,
)
from tests.factories import CallFactory, UserFactory, VisitFactory, sent_application

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def days(n: int) -> datetime.datetime:
    return NOW + datetime.timedelta(days=n)


def test_open_calls_close_soonest_first_then_upcoming_open_soonest_first_then_closed():
    late = CallFactory(title="Closes late", closes_at=days(30))
    soon = CallFactory(title="Closes soon", closes_at=days(2))
    later = CallFactory(title="Opens later", opens_at=days(20), closes_at=days(40))
    next_week = CallFactory(title="Opens next week", opens_at=days(7), closes_at=days(40))
    recent = CallFactory(title="Closed yesterday", opens_at=days(-30), closes_at=days(-1))
    old = CallFactory(title="Closed long ago", opens_at=days(-90), closes_at=days(-60))
    groups = dict(calls_by_state(NOW))
    assert list(groups) == ["open", "upcoming", "closed"]
    assert groups["open"] == [soon, late]
    assert groups["upcoming"] == [next_week, later]
    assert groups["closed"] == [recent, old]


def test_a_call_opens_at_its_opening_time_and_closes_at_its_closing_time():
    call = CallFactory(opens_at=days(1), closes_at=days(2))
    assert call.state(days(1) - datetime.timedelta(seconds=1)) == "upcoming"
    assert call.state(days(1)) == "open" and call.is_open(days(1))
    assert call.state(days(2)) == "closed" and not call.is_open(days(2))


def test_an_unknown_address_is_not_found():
    with pytest.raises(Http404):
        call_by_slug(slug="no-such-call")
    call = CallFactory()
    assert call_by_slug(slug=call.slug, pk=3) == call


def test_a_persons_applications_latest_closing_call_first(call):
    person = UserFactory()
    later = CallFactory(closes_at=days(60))
    mine = [sent_application(call, person), sent_application(later, person)]
    sent_application(call, UserFactory())
    assert applications_of(person) == mine[::-1]
    assert application_of(call, person) == mine[0]
    assert application_of(later, UserFactory()) is None


def test_before_publishing_there_are_no_places_to_show(call):
    assert published_run(call) is None
    assert published_places(call, None) == []


def test_published_places_show_who_holds_awaits_declined_and_waits(call):
    vantaa = call.visits.get()
    weimar = VisitFactory(programme=call.programme, title="Weimar")
    call.visits.add(weimar)
    run = SelectionRun.objects.create(
        call=call,
        number=1,
        status="done",
        published_at=NOW,
        instance={"visits": [{"id": str(vantaa.pk), "capacity": 3, "quotas": []}]},
    )
    SelectionRun.objects.create(call=call, number=2, status="done", instance={})
    outcomes = {
        "Aino": (Outcome.CONFIRMED, None),
        "Bram": (Outcome.SELECTED, None),
        "Chloé": (Outcome.DECLINED, None),
        "Dirk": (Outcome.WAITLISTED, 2),
        "Eeva": (Outcome.WAITLISTED, 1),
    }
    people = {}
    for name, (outcome, position) in outcomes.items():
        application = sent_application(call, UserFactory(display_name=name))
        application.outcome, application.outcome_visit = outcome, vantaa
        application.waiting_position = position
        application.save()
        people[name] = application
    sent_application(call, UserFactory(display_name="Not told"))
    assert published_run(call) == run
    first, second = published_places(call, run)
    assert (first["visit"], first["places"], first["open"]) == (vantaa, 3, 1)
    assert first["confirmed"] == [people["Aino"]] and first["selected"] == [people["Bram"]]
    assert first["declined"] == [people["Chloé"]]
    assert first["waitlisted"] == [people["Eeva"], people["Dirk"]]
    assert (second["visit"], second["places"], second["open"], second["selected"]) == (
        weimar,
        0,
        0,
        [],
    )


def test_a_draft_is_listed_only_for_the_coordinators_of_its_programme(coordinator, programme):
    draft = CallFactory(programme=programme, published_at=None, title="Not yet")
    public = CallFactory(programme=programme)
    CallFactory(published_at=None, title="Another programme's draft")

    def listed(viewer):
        return {state: [c.title for c in calls] for state, calls in calls_by_state(viewer=viewer)}

    assert listed(coordinator)["draft"] == ["Not yet"]
    assert "draft" not in listed(UserFactory()) and "draft" not in listed(None)
    assert listed(None)["open"] == [public.title]
    assert set(calls_visible_to(UserFactory(is_staff=True))) >= {draft, public}
