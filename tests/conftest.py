import os
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.utils import translation

from citypeers.core.files import private_storage
from citypeers.programmes.models import Role
from citypeers.programmes.services import membership_remove
from tests.factories import MembershipFactory, ProgrammeFactory, UserFactory, VisitFactory


def pytest_configure(config):
    # Hashing passwords the production way costs ~0.3 s each; tests create hundreds of people.
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests sign people in with force_login, which gives no second factor and no recent
    # password: the rules asking for them are on in production and in the tests that test them
    # (tests/core/test_second_factor.py, tests/core/test_reauthentication.py), off elsewhere.
    settings.MFA_REQUIRED_FOR_STAFF = False
    settings.ACCOUNT_REAUTHENTICATION_REQUIRED = False
    # whitenoise expects collected files; tests serve static files through the finders.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite's test database is a file of this session (of this worker, under xdist), not
    Django's in-memory one: the live server's threads would share that one's single connection,
    whereas on a file each request has its own and IMMEDIATE transactions take turns, as in
    production (tests/test_concurrency.py)."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        name = tmp_path_factory.mktemp("database") / "test.sqlite3"
        default.setdefault("TEST", {})["NAME"] = str(name)


@pytest.fixture(autouse=True)
def _english():
    """Each test starts in English, whatever language an earlier request left active."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters, cached values and kept pages never leak from one test into the
    next."""
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def visit(programme):
    return VisitFactory(programme=programme)


@pytest.fixture
def coordinator(programme):
    return MembershipFactory(programme=programme, role=Role.COORDINATOR).user


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, display_name="Staff Member")


@pytest.fixture
def people_by_role(programme, visit, coordinator, staff) -> dict:
    """One signed-in person per role in `programme`, plus outsiders, keyed by a label."""
    people = {"coordinator": coordinator, "staff": staff}
    roles = [Role.HOST, Role.REVIEWER, Role.PARTICIPANT, Role.EXPERT, Role.RAPPORTEUR]
    for role in [*roles, Role.TECHNICAL_HOST]:
        on_visit = role != Role.REVIEWER
        people[role.value] = MembershipFactory(
            programme=programme, visit=visit if on_visit else None, role=role
        ).user
    people["coordinator_elsewhere"] = MembershipFactory(role=Role.COORDINATOR).user
    people["no_role"] = UserFactory()
    # Rights that end or stop at a border: a reviewer the coordinators removed, and the
    # rapporteur of another visit of the programme.
    removed = MembershipFactory(programme=programme, role=Role.REVIEWER)
    membership_remove(membership=removed, by=coordinator)
    people["removed_reviewer"] = removed.user
    elsewhere = VisitFactory(programme=programme)
    people["rapporteur_elsewhere"] = MembershipFactory(
        programme=programme, visit=elsewhere, role=Role.RAPPORTEUR
    ).user
    return people


@pytest.fixture
def assert_matches_snapshot(request):
    """Compares a text with `snapshots/<name>` beside the test module.

    A change to an e-mail's wording or layout shows up as a failing diff; after checking it,
    refresh the snapshots with UPDATE_SNAPSHOTS=1.
    """
    folder = request.path.parent / "snapshots"

    def check(text: str, name: str) -> None:
        snapshot = folder / name
        if os.environ.get("UPDATE_SNAPSHOTS") == "1":
            folder.mkdir(exist_ok=True)
            snapshot.write_text(text)
        assert snapshot.is_file(), f"no snapshot {name}: run with UPDATE_SNAPSHOTS=1, review it"
        assert text == snapshot.read_text()

    return check


@pytest.fixture
def private_files(settings, tmp_path):
    """The private storage (application files) in a folder of the test's own; returns it."""
    storages = {name: dict(config) for name, config in settings.STORAGES.items()}
    storages["private"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "private"},
    }
    settings.STORAGES = storages
    return private_storage()
