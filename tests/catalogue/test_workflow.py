"""A practice from draft to publication, as its author and the coordinators live it."""

import datetime

import pytest
from django.core import mail

from citypeers.catalogue import services
from citypeers.catalogue.models import Practice
from citypeers.core.errors import PracticeError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from tests.factories import (
    MembershipFactory,
    PlaceFactory,
    PracticeFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(db):
    return UserFactory(display_name="Aino", languages=["en"])


@pytest.fixture
def draft(programme, author):
    return services.practice_create(
        by=author,
        data={
            "programme": programme,
            "title": "Adopt a Monument",
            "tagline": "Communities care for sites",
            "type": "project",
            "summary": "Residents adopt a monument.",
        },
        places=[PlaceFactory(name="Tampere", country="FI")],
        themes=[ThemeFactory()],
    )


def test_a_draft_gets_a_unique_slug_and_never_a_reserved_one(programme, author, draft):
    assert draft.slug == "adopt-a-monument"
    second = services.practice_create(
        by=author,
        data={
            "programme": programme,
            "title": "Adopt a monument!",
            "tagline": "t",
            "type": "project",
            "summary": "s",
        },
        places=[],
        themes=[],
    )
    assert second.slug == "adopt-a-monument-2"
    reserved = services.practice_create(
        by=author,
        data={
            "programme": programme,
            "title": "New",
            "tagline": "t",
            "type": "event",
            "summary": "s",
        },
        places=[],
        themes=[],
    )
    assert reserved.slug == "new-2"


def test_submitting_tells_every_coordinator(
    programme, coordinator, draft, author, django_capture_on_commit_callbacks
):
    other = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_submit(practice=draft, by=author)
    assert draft.status == Practice.Status.SUBMITTED
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [coordinator.email, other.email]
    )
    assert "Practice to review: Adopt a Monument" in mail.outbox[0].subject
    assert f"/practices/{draft.slug}/review/" in mail.outbox[0].body


def test_a_practice_of_the_past_is_published_on_its_date_and_mails_nobody(
    coordinator, draft, author, django_capture_on_commit_callbacks
):
    on = datetime.datetime(2021, 6, 4, 9, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        services.practice_submit(practice=draft, by=author, notify=False)
        services.practice_publish(practice=draft, by=coordinator, now=on, notify=False)
    assert queued == [] and mail.outbox == []
    assert (draft.status, draft.published_at) == (Practice.Status.PUBLISHED, on)


def test_asking_for_changes_needs_a_comment_and_tells_the_author(
    coordinator, draft, author, django_capture_on_commit_callbacks
):
    services.practice_submit(practice=draft, by=author)
    with pytest.raises(PracticeError) as refusal:
        services.practice_request_changes(practice=draft, by=coordinator, comment="  ")
    assert refusal.value.field == "comment"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_request_changes(practice=draft, by=coordinator, comment="Add figures.")
    assert draft.status == Practice.Status.CHANGES_REQUESTED
    [message] = mail.outbox
    assert message.to == [author.email]
    assert "Add figures." in message.body


def test_resubmitted_and_published_practice_keeps_its_history(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    services.practice_request_changes(practice=draft, by=coordinator, comment="Add figures.")
    services.practice_update(
        practice=draft,
        by=author,
        data={"results": "3,000 residents took part."},
        places=draft.places.all(),
        themes=draft.themes.all(),
    )
    services.practice_submit(practice=draft, by=author)
    services.practice_publish(practice=draft, by=coordinator)
    draft.refresh_from_db()
    assert draft.status == Practice.Status.PUBLISHED
    assert draft.published_at is not None
    reasons = list(
        draft.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons == ["created", "submitted", "changes", "edited", "submitted", "published"]
    assert draft.history.first().history_user == coordinator
    actions = set(
        AuditEntry.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True)
    )
    assert {"practice.created", "practice.published", "practice.changes"} <= actions


def test_steps_out_of_order_are_refused(coordinator, draft):
    with pytest.raises(PracticeError):
        services.practice_publish(practice=draft, by=coordinator)
    assert Practice.objects.get(pk=draft.pk).status == Practice.Status.DRAFT


def test_declining_needs_a_reason(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    with pytest.raises(PracticeError):
        services.practice_decline(practice=draft, by=coordinator, comment="")
    services.practice_decline(practice=draft, by=coordinator, comment="Out of scope.")
    assert draft.status == Practice.Status.DECLINED


def test_a_published_practice_keeps_its_address_when_edited(coordinator, author):
    practice = PracticeFactory(status="published", published_at="2026-01-01T00:00Z", title="Old")
    services.practice_update(
        practice=practice, by=author, data={"title": "New name"}, places=[], themes=[]
    )
    assert practice.slug.startswith("practice-")
