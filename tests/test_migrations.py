import importlib
import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from citypeers.calls.models import ApplicationFile, Question
from tests.factories import AgendaSessionFactory, CallFactory, UserFactory, sent_application
from tests.samples import PDF


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """A model change without its migration would break the next deploy."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_files_sent_before_move_from_media_root_to_the_private_storage(
    settings, tmp_path, private_files, django_capture_on_commit_callbacks
):
    """calls 0008: a file stored publicly under its own name moves under a random one."""
    settings.MEDIA_ROOT = tmp_path / "media"
    public = storages["default"]
    public.save("applications/2025/Anna CV.pdf", ContentFile(PDF))
    call = CallFactory()
    question = Question.objects.create(call=call, kind="file", label="CV")
    application = sent_application(call, UserFactory())
    ApplicationFile.objects.bulk_create(  # as the old code left it, without the storage's save
        [
            ApplicationFile(
                application=application,
                question=question,
                file="applications/2025/Anna CV.pdf",
                name="Anna CV.pdf",
            )
        ]
    )
    migration = importlib.import_module("citypeers.calls.migrations.0009_private_application_files")
    with django_capture_on_commit_callbacks(execute=True):
        migration.move_to_private_storage(apps, None)
    moved = ApplicationFile.objects.get()
    assert re.fullmatch(r"applications/2025/[0-9a-f]{32}\.pdf", moved.file.name)
    assert private_files.open(moved.file.name).read() == PDF
    assert not public.exists("applications/2025/Anna CV.pdf")


@pytest.fixture
def back_to_the_latest_migrations():
    """A test that migrates back leaves the database as the other tests expect it."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_session_resources_lines_become_rows_and_back(back_to_the_latest_migrations):
    """visits 0010: each link of the old `resources` text becomes a row (titled after its host
    and path, licence unknown, seen by the visit's people); words without a link are dropped;
    going back writes the links as lines again."""
    made = AgendaSessionFactory()  # by today's models, with the visit and format it needs
    executor = MigrationExecutor(connection)
    before, after = ("visits", "0009_interpreting"), ("visits", "0010_session_resources")
    executor.migrate([before])
    old = executor.loader.project_state([before]).apps
    session = old.get_model("visits", "AgendaSession").objects.get(pk=made.pk)
    session.resources = (
        "https://docslib.org/doc/6981022/online-peer-learning-visit\n\n"
        "see the host's notes\n"
        "example.org/photos\n"
        "Recording: http://video.example.org/v/1 (ask first)\n"
    )
    session.save()

    executor = MigrationExecutor(connection)
    executor.migrate([after])
    new = executor.loader.project_state([after]).apps
    rows = list(
        new.get_model("visits", "SessionResource")
        .objects.filter(session_id=session.pk)
        .order_by("position")
        .values_list("title", "url", "licence", "visibility")
    )
    assert rows == [
        (
            "docslib.org/doc/6981022/online-peer-learning-visit",
            "https://docslib.org/doc/6981022/online-peer-learning-visit",
            "unknown",
            "visit",
        ),
        ("example.org/photos", "https://example.org/photos", "unknown", "visit"),
        ("video.example.org/v/1", "http://video.example.org/v/1", "unknown", "visit"),
    ]

    executor = MigrationExecutor(connection)
    executor.migrate([before])
    back = executor.loader.project_state([before]).apps.get_model("visits", "AgendaSession")
    assert back.objects.get(pk=session.pk).resources.splitlines() == [url for _t, url, *_ in rows]
