"""A practice from draft to publication, as its author and the coordinators live it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from citypeers.catalogue import services
from citypeers.catalogue.models import Practice
from citypeers.core.errors import PracticeError
from citypeers.core.models import AuditEntry
from citypeers.programmes.models import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.races import race

pytestmark = pytest.mark.django_db


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


def _create(by, *, title="Adopt a Monument", **kwargs):
    data = {"programme": ProgrammeFactory(), "title": title, "tagline": "t", "type": "project"}
    return services.practice_create(
        by=by, data=data | {"summary": "s"}, places=[], themes=[], **kwargs
    )


def test_a_title_without_letters_or_a_reserved_address_still_gets_a_slug(author):
    assert _create(author, title="!!!").slug == "practice"
    assert _create(author, title="Review").slug == "review-2"


def test_a_draft_names_the_authors_organisation_unless_told_otherwise():
    organisation = OrganisationFactory(name="City of Tampere")
    author = UserFactory(organisation=organisation)
    assert list(_create(author).organisations.all()) == [organisation]
    assert list(_create(UserFactory()).organisations.all()) == []
    named = _create(author, organisations=["Vapriikki Friends"])
    assert [o.name for o in named.organisations.all()] == ["Vapriikki Friends"]


def test_creating_is_kept_in_the_history_and_the_audit_log(draft, author):
    [record] = draft.history.all()
    assert (record.history_user, record.history_change_reason) == (author, "created")
    entry = AuditEntry.objects.get(object_id=str(draft.pk), action="practice.created")
    assert (entry.actor, entry.changes) == (author, {"title": "Adopt a Monument"})
    assert draft.submitted_by == author and draft.status == Practice.Status.DRAFT


def test_an_edit_logs_only_what_changed(draft, author):
    services.practice_update(
        practice=draft,
        by=author,
        data={"title": "Adopt a Monument", "tagline": "Residents care for sites"},
        places=draft.places.all(),
        themes=draft.themes.all(),
        organisations=["Vapriikki Friends"],
    )
    entry = AuditEntry.objects.get(object_id=str(draft.pk), action="practice.edited")
    assert entry.changes == {
        "tagline": "en: Communities care for sites -> Residents care for sites",
        "organisations": "Vapriikki Friends",
    }
    assert draft.history.latest().history_change_reason == "edited"


def test_an_edit_without_organisations_leaves_them_as_they_are(draft, author):
    services.practice_update(
        practice=draft, by=author, data={}, places=[], themes=[], organisations=["Partner"]
    )
    services.practice_update(practice=draft, by=author, data={"tagline": "x"}, places=[], themes=[])
    assert [o.name for o in draft.organisations.all()] == ["Partner"]


def test_a_renamed_draft_follows_its_new_title(draft, author):
    services.practice_update(
        practice=draft, by=author, data={"title": "Monument Friends"}, places=[], themes=[]
    )
    assert Practice.objects.get(pk=draft.pk).slug == "monument-friends"


def test_a_practice_sent_back_for_changes_can_be_submitted_again(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    services.practice_request_changes(practice=draft, by=coordinator, comment="Add figures.")
    assert draft.review_comment == "Add figures."
    services.practice_submit(practice=draft, by=author)
    assert draft.status == Practice.Status.SUBMITTED
    assert draft.review_comment == ""  # the old comment no longer applies


@pytest.mark.parametrize("status", ["submitted", "published", "declined"])
def test_only_a_draft_or_a_practice_sent_back_can_be_submitted(
    status, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(status=status, published_at="2026-01-01T00:00Z")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PracticeError) as refusal:
        services.practice_submit(practice=practice, by=practice.submitted_by)
    label = Practice.Status(status).label.lower()
    assert refusal.value.message == f"This practice is {label}, so this step is not possible now."
    assert Practice.objects.get(pk=practice.pk).status == status
    assert mail.outbox == []


@pytest.mark.parametrize(
    "review",
    [
        services.practice_publish,
        services.practice_request_changes,
        services.practice_decline,
    ],
)
@pytest.mark.parametrize("status", ["draft", "changes", "published", "declined"])
def test_only_a_submitted_practice_can_be_reviewed(review, status, coordinator):
    practice = PracticeFactory(status=status, published_at="2026-01-01T00:00Z")
    with pytest.raises(PracticeError):
        review(practice=practice, by=coordinator, comment="Fine.")
    assert Practice.objects.get(pk=practice.pk).status == status


def test_publishing_stamps_the_time_and_keeps_an_optional_comment(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    before = timezone.now()
    services.practice_publish(practice=draft, by=coordinator, comment="  Well told.  ")
    draft.refresh_from_db()
    assert before <= draft.published_at <= timezone.now()
    assert draft.review_comment == "Well told."


def test_a_declined_practice_keeps_the_reason_and_cannot_come_back(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    with pytest.raises(PracticeError) as refusal:
        services.practice_decline(practice=draft, by=coordinator, comment=" \n ")
    assert refusal.value.field == "comment"
    assert refusal.value.message == "Give the reason, so the author understands."
    services.practice_decline(practice=draft, by=coordinator, comment=" Out of scope. ")
    draft.refresh_from_db()
    assert (draft.status, draft.review_comment) == ("declined", "Out of scope.")
    with pytest.raises(PracticeError):
        services.practice_submit(practice=draft, by=author)


def test_each_review_step_is_audited_with_the_move(coordinator, draft, author):
    services.practice_submit(practice=draft, by=author)
    services.practice_decline(practice=draft, by=coordinator, comment="Out of scope.")
    entry = AuditEntry.objects.get(object_id=str(draft.pk), action="practice.declined")
    assert (entry.actor, entry.changes) == (coordinator, {"status": "submitted -> declined"})


def test_a_practice_of_the_past_is_published_on_its_date_and_mails_nobody(
    coordinator, draft, author, django_capture_on_commit_callbacks
):
    on = datetime.datetime(2021, 6, 4, 9, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        services.practice_submit(practice=draft, by=author, notify=False)
        services.practice_publish(practice=draft, by=coordinator, now=on, notify=False)
    # Nothing queued but the marks that tell the feeds and the API the practices changed.
    assert [c for c in queued if c.__module__ != "citypeers.core.changes"] == []
    assert mail.outbox == []
    assert (draft.status, draft.published_at) == (Practice.Status.PUBLISHED, on)


@pytest.mark.django_db(transaction=True)
def test_a_publish_and_a_decline_clicked_at_once_leave_one_outcome(coordinator, draft, author):
    """The second sees the first's outcome and is refused (both went through: the author was
    told both, and the practice ended declined with a publication date)."""
    services.practice_submit(practice=draft, by=author)
    mail.outbox.clear()
    first, second = race(
        lambda: services.practice_publish(
            practice=Practice.objects.get(pk=draft.pk), by=coordinator
        ),
        lambda: services.practice_decline(
            practice=Practice.objects.get(pk=draft.pk), by=coordinator, comment="Out of scope."
        ),
        hold_after="citypeers.catalogue.services.log_action",
    )
    assert first.error is None
    assert isinstance(second.error, PracticeError)
    assert "published" in second.error.message
    assert Practice.objects.get(pk=draft.pk).status == "published"
    assert len(mail.outbox) == 1  # the author hears one outcome


@pytest.mark.django_db(transaction=True)
def test_two_practices_of_one_title_created_at_once_each_get_an_address(programme):
    """The second takes the next free address (it failed on the unique one with an error
    page on PostgreSQL)."""

    def create(name):
        return services.practice_create(
            by=UserFactory(display_name=name),
            data={"programme": programme, "title": "Adopt a Monument", "type": "project"},
            places=[],
            themes=[],
        )

    first, second = race(
        lambda: create("Aino"),
        lambda: create("Bram"),
        hold_after="citypeers.catalogue.services.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert (first.result.slug, second.result.slug) == ("adopt-a-monument", "adopt-a-monument-2")
    assert Practice.objects.count() == 2
