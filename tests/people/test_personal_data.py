"""The registry of personal data: a person's export holds every kind and nothing about others;
erasure leaves nothing of them but anonymised records."""

import json
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore as CachedSessionStore
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.test import Client
from django.urls import reverse

from citypeers.calls.models import Application, ApplicationFile, ReviewAssignment, Score
from citypeers.core.audit import log_action
from citypeers.core.audit_chain import REDACTED, REDACTED_CHANGES
from citypeers.core.models import AuditEntry, OutboxMessage
from citypeers.people.enums import ConsentPurpose
from citypeers.people.models import User
from citypeers.people.personal_data import PERSONAL_DATA, personal_data_export
from citypeers.people.services import consent_record, person_erase
from citypeers.visits.models import Attendance
from tests.factories import PASSWORD, CallFactory, UserFactory, sent_application
from tests.people.privacy_scene import someone_everywhere
from tests.races import race
from tests.second_factor import TEST_SECRET, give_authenticator_app, totp_code

TEXT_COLUMNS = (models.CharField, models.TextField, models.JSONField, models.FileField)


@pytest.fixture
def two_people(private_files, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    anna = someone_everywhere(word="Quokkatext", name="Annelie Vaskonen")
    ben = someone_everywhere(word="Wombatnote", name="Bertil Oxenstierna")
    return anna, ben


def _dump(user) -> str:
    return json.dumps(personal_data_export(user=user), cls=DjangoJSONEncoder, ensure_ascii=False)


@pytest.mark.django_db
def test_the_export_holds_every_kind_of_data_about_the_person(client, two_people):
    anna, _ben = two_people
    client.force_login(anna.user)  # a sign-in session: one more kind
    exported = {kind["key"]: kind["records"] for kind in personal_data_export(user=anna.user)}
    assert set(exported) == {kind.key for kind in PERSONAL_DATA}
    empty = [key for key, found in exported.items() if not found]
    assert empty == []
    dump = _dump(anna.user)
    for text in ["Quokkatext learning", "Quokkatext vegan", "Quokkatext comments", anna.file_name]:
        assert text in dump
    assert "Annelie Vaskonen" in dump and anna.user.email in dump


@pytest.mark.django_db
def test_the_export_says_nothing_about_anyone_else(client, two_people):
    """Ben's application is one Anna reviews, his plan one she comments: still none of him."""
    anna, ben = two_people
    others = ReviewAssignment.objects.filter(reviewer=anna.user).select_related("application")
    assert others.exists()
    dump = _dump(anna.user).lower()
    for trace in ben.traces:
        assert trace.lower() not in dump
    for assignment in others:
        assert assignment.application.applicant.email not in dump
        assert assignment.application.applicant.display_name.lower() not in dump


def _remains(traces: list[str]) -> list[str]:
    """Every text or JSON column of every table of every installed app (history, allauth,
    sessions, the admin's log included) where one of the traces still shows."""
    traces = [trace.lower() for trace in traces]
    found = []
    for model in apps.get_models():
        columns = [f.attname for f in model._meta.concrete_fields if isinstance(f, TEXT_COLUMNS)]
        if model is Session:
            rows = [(s.pk, json.dumps(s.get_decoded())) for s in Session.objects.all()]
        else:
            rows = model._default_manager.values_list("pk", *columns) if columns else []
        for pk, *values in rows:
            text = json.dumps(values, cls=DjangoJSONEncoder, ensure_ascii=False).lower()
            found += [f"{model._meta.label} #{pk}: {t}" for t in traces if t in text]
    return found


def _files(root: Path, name: str) -> list[Path]:
    return [path for path in Path(root).rglob("*") if name in path.name.lower()]


@pytest.mark.django_db(transaction=True)
def test_erasure_leaves_nothing_of_the_person_but_anonymised_records(
    client, two_people, private_files
):
    anna, ben = two_people
    # Signing in, once mistyped, writes the audit trail and a session.
    sign_in = reverse("account_login")
    client.post(sign_in, {"login": anna.user.email, "password": "wrong"}, REMOTE_ADDR="203.0.113.7")
    client.post(
        sign_in, {"login": anna.user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )
    client.post(
        reverse("mfa_authenticate"), {"code": totp_code(TEST_SECRET)}, REMOTE_ADDR="203.0.113.7"
    )
    assert Session.objects.exists()
    assert AuditEntry.objects.filter(ip_address="203.0.113.7").count() == 2
    assert _remains(anna.traces) and anna.stored_files
    assert all(private_files.exists(name) for name in anna.stored_files)
    kept = {
        "scores": Score.objects.filter(assignment__reviewer=anna.user).count(),
        "attendance": Attendance.objects.filter(person=anna.user).count(),
        "applications": Application.objects.filter(applicant=anna.user).count(),
    }

    person_erase(user=anna.user, by=anna.user)

    assert _remains(anna.traces) == []
    assert not any(private_files.exists(name) for name in anna.stored_files)
    for folder in [private_files.location, settings.MEDIA_ROOT]:
        assert _files(folder, anna.word.lower()) == []
    tombstone = User.objects.get(pk=anna.user.pk)
    assert tombstone.email == f"erased-{tombstone.pk}@invalid"
    assert not tombstone.is_active and not tombstone.has_usable_password()
    assert tombstone.display_name == "" and tombstone.organisation is None
    assert not EmailAddress.objects.filter(user=tombstone).exists()
    assert not Authenticator.objects.filter(user=tombstone).exists()
    assert not AuditEntry.objects.filter(ip_address="203.0.113.7").exists()  # sign-ins too
    assert kept == {
        "scores": Score.objects.filter(assignment__reviewer=tombstone).count(),
        "attendance": Attendance.objects.filter(person=tombstone).count(),
        "applications": Application.objects.filter(applicant=tombstone).count(),
    }
    assert AuditEntry.objects.filter(action="person.erased", object_id=str(tombstone.pk)).exists()
    # Ben is untouched.
    assert len(_remains(ben.traces)) > 5
    assert ApplicationFile.objects.filter(application__applicant=ben.user).exists()


@pytest.mark.django_db
def test_erasure_ends_a_session_kept_in_the_cache_too(settings):
    """SESSION_ENGINE=cached_db (`make cluster`) reads a session from the cache first."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    person = UserFactory(display_name="Cecilia Cached")
    session = CachedSessionStore()
    session["_auth_user_id"] = str(person.pk)
    session.save()
    assert CachedSessionStore(session_key=session.session_key).load()

    person_erase(user=person, by=None)

    assert not Session.objects.filter(pk=session.session_key).exists()
    assert CachedSessionStore(session_key=session.session_key).load() == {}


@pytest.mark.django_db
def test_erasing_twice_changes_nothing_more(two_people):
    anna, _ben = two_people
    person_erase(user=anna.user, by=None)
    entries = AuditEntry.objects.count()
    person_erase(user=anna.user, by=None)
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db(transaction=True)
def test_two_erasures_at_once_erase_once_and_neither_fails():
    """A double click, or staff and the person together: the second waits, then finds it done."""
    person = UserFactory(display_name="Dora Double")
    first, second = race(
        lambda: person_erase(user=person, by=None),
        lambda: person_erase(user=person, by=None),
        hold_after="citypeers.people.erasure._history_delete",
    )
    assert first.error is None and second.error is None
    assert AuditEntry.objects.filter(action="person.erased", object_id=str(person.pk)).count() == 1
    assert User.objects.get(pk=person.pk).display_name == ""


def _second_address(person):
    return EmailAddress.objects.create(user=person, email="dora.home@example.net")


def _authenticator_app(person):
    give_authenticator_app(person)
    return Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).get()


def _consent(person):
    return consent_record(purpose=ConsentPurpose.NEWSLETTER, text="Yes, news.", user=person)


def _session(person):
    client = Client()
    client.force_login(person)
    return Session.objects.get(pk=client.session.session_key)


def _mail(person):
    return OutboxMessage.objects.create(
        from_email="noreply@example.org", to=person.email, subject=f"Welcome, {person}", body="Hi"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "own_record", [_second_address, _authenticator_app, _consent, _session, _mail]
)
def test_erasure_redacts_what_staff_did_to_the_persons_own_records(own_record):
    """The people app's own kinds (addresses, second factors, consents, sessions, mail copies)
    were deleted without saying which records they were, so an entry a staff member left about
    one (a mail's subject with the person's name, a second address) outlived the erasure."""
    person = UserFactory(display_name="Dora Marsh")
    staff = UserFactory(is_staff=True)
    record = own_record(person)
    entry = log_action(record, "support.looked_at", by=staff, changes={"note": "asked by phone"})
    assert entry.object_repr != REDACTED

    person_erase(user=person, by=staff)

    entry.refresh_from_db()
    assert entry.redacted_at is not None and entry.actor == staff
    assert (entry.object_repr, entry.changes) == (REDACTED, REDACTED_CHANGES)


@pytest.mark.django_db
@pytest.mark.parametrize("applications", [1, 3])
def test_the_export_page_takes_as_many_queries_for_one_application_as_for_three(
    client, django_assert_max_num_queries, private_files, applications
):
    person = UserFactory()
    for _ in range(applications):
        sent_application(CallFactory(), person, learning_needs="Adaptive re-use")
    # A few queries per kind (30 for the 17 kinds), however many records each holds.
    with django_assert_max_num_queries(30):
        assert len(personal_data_export(user=person)) == len(PERSONAL_DATA)
