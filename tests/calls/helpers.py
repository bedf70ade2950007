"""What the calls tests share: applicants from a country, a complete application, a host's
proposal, selection runs and published decisions driven as coordinators drive them."""

import datetime

from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import Application, SelectionRun
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.programmes.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    UserFactory,
    sent_application,
)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def apply(call, name, country="FI", visits=None, *, organisation_type="local", population=80_000):
    """`name`'s application from an organisation in `country`, ranking `visits` (default: every
    visit of the call)."""
    organisation = OrganisationFactory(
        type=organisation_type, place=PlaceFactory(country=country, population=population)
    )
    person = UserFactory(display_name=name, organisation=organisation)
    return sent_application(
        call, person, preferences=call.visits.all() if visits is None else visits
    )


def complete(call, **changes):
    """What the apply page posts for a complete application to a call of two visits."""
    first, second = call.visits.order_by("starts_on")
    data = {
        "role": "Heritage officer",
        "learning_needs": "Participation.",
        "expertise": "Archives.",
        "challenge": "Empty mills.",
        "motivation": "Peers.",
        "languages": ["en", "fr"],
        "preference_1": first.pk,
        "preference_2": second.pk,
        "consent": "on",
        "action": "submit",
    }
    return data | changes


def proposal(practice, **changes):
    """What a host posts: its practice, an online visit in ten weeks for six weeks."""
    start = timezone.localdate() + datetime.timedelta(weeks=10)
    data = {
        "practice": practice.pk,
        "proposed_mode": "online",
        "proposed_from": start.isoformat(),
        "proposed_until": (start + datetime.timedelta(weeks=6)).isoformat(),
        "proposed_topic": "Volunteers who adopt a monument",
        "role": "Heritage officer",
        "motivation": "We have ten years of adoptions to share.",
        "languages": ["en"],
        "consent": "on",
        "action": "submit",
    }
    return data | changes


def reviewer(programme, **user):
    return MembershipFactory(programme=programme, role=Role.REVIEWER, user=UserFactory(**user)).user


def close(call):
    """Moves the call's closing time a second into the past, as decisions are published after
    it: the call's own (stale) copy, too."""
    call.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    call.opens_at = min(call.opens_at, call.closes_at - datetime.timedelta(days=1))
    type(call).objects.filter(pk=call.pk).update(opens_at=call.opens_at, closes_at=call.closes_at)
    return call


def published(client, call, coordinator, django_capture_on_commit_callbacks):
    """Runs the selection and publishes it as the coordinator, once the call has closed; each
    application by name."""
    close(call)
    run = selection_execute(selection_start(call=call, by=coordinator))
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:selection_publish", args=[call.slug]), {"run": run.number})
    return {a.applicant.display_name: a for a in Application.objects.select_related("applicant")}


def settings_data(call, **changes):
    """The selection settings form: merit, one place a visit, no quota."""
    data = {"mode": "merit"}
    for visit in call.visits.all():
        data |= {f"visit_{visit.pk}_capacity": 1, f"visit_{visit.pk}_max_per_country": ""}
    return data | changes


def run(client, call, django_capture_on_commit_callbacks):
    """A run started from the page (the client's coordinator), solved by its task."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:selection_run", args=[call.slug]))
    return SelectionRun.objects.filter(call=call).first()


def compared(client, call, *numbers) -> str:
    """The comparison part of the selection page for runs (or run numbers) `numbers`."""
    compare = ",".join(str(getattr(number, "number", number)) for number in numbers)
    page = client.get(reverse("calls:selection", args=[call.slug]), {"compare": compare})
    assert page.status_code == 200
    assert "Runs</h2>" in page.text and "Pin a person to a visit" in page.text  # the rest
    return page.text.split('id="comparison"')[1].split("</section>")[0]


def messages_url(call):
    return reverse("calls:selection_messages", args=[call.slug])
