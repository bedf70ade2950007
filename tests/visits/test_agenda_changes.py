"""Changing sessions so calendars follow: SEQUENCE, cancellation, and the mail of what changed."""

import datetime
import re

import pytest
from django.core import mail

from citypeers.core.models import AuditEntry
from citypeers.visits.models import AgendaChange, AgendaSession
from citypeers.visits.services.agenda_changes import session_cancel, session_change
from citypeers.visits.tasks import notify_agenda_changes
from tests.factories import UserFactory
from tests.races import race
from tests.visits.feeds_scene import build_scene

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def scene(programme):
    return build_scene(programme)


def test_a_move_raises_the_sequence_each_time(scene):
    session = scene.before_change
    assert session_change(session=session, by=None, starts_at=session.starts_at + HOUR) == (
        "starts",
        "ends",
    )
    assert session_change(session=session, by=None, minutes=60) == ("ends",)
    session.refresh_from_db()
    assert session.sequence == 2
    assert session.starts_at == datetime.datetime(2027, 3, 26, 10, tzinfo=datetime.UTC)


def test_a_change_no_calendar_shows_keeps_the_sequence_but_is_recorded(scene):
    coordinator = UserFactory()
    assert session_change(session=scene.before_change, by=coordinator, groups=4) == ()
    scene.before_change.refresh_from_db()
    assert (scene.before_change.groups, scene.before_change.sequence) == (4, 0)
    entry = AuditEntry.objects.get(action="session.changed")
    assert entry.changes == {"groups": "1 → 4"}
    assert entry.actor == coordinator
    assert not AgendaChange.objects.exists()


def test_saving_the_same_values_changes_nothing(scene):
    session = scene.before_change
    assert session_change(session=session, by=None, starts_at=session.starts_at) == ()
    assert not AuditEntry.objects.filter(action="session.changed").exists()


def test_a_new_format_renames_the_session_in_calendars(scene):
    other = scene.after_change.format
    assert session_change(session=scene.before_change, by=None, format=other) == ("summary",)
    assert scene.before_change.sequence == 1


def test_the_services_own_fields_are_refused(scene):
    with pytest.raises(TypeError, match="sequence"):
        session_change(session=scene.before_change, by=None, sequence=7)
    with pytest.raises(TypeError, match="cancelled_at"):
        session_change(session=scene.before_change, by=None, cancelled_at=None)


def test_cancelling_keeps_the_session_and_raises_its_sequence_once(scene):
    assert session_cancel(session=scene.after_change, by=None) == ("cancelled",)
    assert session_cancel(session=scene.after_change, by=None) == ()
    scene.after_change.refresh_from_db()
    assert scene.after_change.cancelled_at is not None
    assert scene.after_change.sequence == 1
    assert AuditEntry.objects.filter(action="session.cancelled").count() == 1


def test_changes_to_an_unpublished_agenda_mail_nobody(
    programme, django_capture_on_commit_callbacks
):
    scene = build_scene(programme, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        session_change(session=scene.before_change, by=None, minutes=60)
        session_cancel(session=scene.after_change, by=None)
    assert not AgendaChange.objects.exists()
    assert mail.outbox == []


def test_changes_saved_together_make_one_mail_per_person(scene, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        session_change(
            session=scene.before_change, by=None, starts_at=scene.before_change.starts_at + HOUR
        )
        session_cancel(session=scene.after_change, by=None)
    # A task runs after each change (TASK_BACKEND=immediate in tests): the first tells both
    # changes, the second finds none left, so each person gets one mail.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [scene.lisbon.email, scene.helsinki.email]
    )
    assert all("Site visit" in m.body and "Peer review" in m.body for m in mail.outbox)
    assert not AgendaChange.objects.filter(notified_at=None).exists()
    assert notify_agenda_changes.call(visit_id=scene.visit.pk) == 0


def test_the_mail_lists_each_change_in_the_readers_language_and_zone(
    scene, assert_matches_snapshot
):
    session_change(
        session=scene.before_change, by=None, starts_at=scene.before_change.starts_at + HOUR
    )
    session_cancel(session=scene.after_change, by=None)
    mail.outbox.clear()
    notify_agenda_changes.call(visit_id=scene.visit.pk)
    to = {message.to[0]: message for message in mail.outbox}
    english, french = to[scene.lisbon.email], to[scene.helsinki.email]
    # Lisbon: the walk moved from 09:00 to 10:00 their time; Helsinki reads 11:00 to 12:00.
    assert "Now: Friday 26 March 2027, 10:00 (Europe/Lisbon)" in english.body
    assert "Was: Friday 26 March 2027, 09:00 (Europe/Lisbon)" in english.body
    assert "Cancelled" in english.body and "Peer review" in english.body
    assert "12:00 (Europe/Helsinki)" in french.body
    for message, name in [(english, "agenda_changed_en.txt"), (french, "agenda_changed_fr.txt")]:
        body = re.sub(r"https?://\S+", "<the visit's page>", message.body)
        assert_matches_snapshot(f"{message.subject}\n\n{body}", name)


@pytest.mark.django_db(transaction=True)
def test_two_moves_at_once_each_raise_the_sequence(programme):
    """Both read the session after the other's lock: neither overwrites the other's SEQUENCE,
    so a calendar holding the first move still takes the second."""
    scene = build_scene(programme)

    def move(minutes):
        session = AgendaSession.objects.get(pk=scene.before_change.pk)
        return session_change(session=session, by=None, minutes=minutes)

    first, second = race(
        lambda: move(60),
        lambda: move(30),
        hold_after="citypeers.visits.services.agenda_changes.log_action",
    )
    assert (first.error, second.error) == (None, None)
    session = AgendaSession.objects.get(pk=scene.before_change.pk)
    assert (session.sequence, session.minutes) == (2, 30)
