import importlib
import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command

from citypeers.calls.models import ApplicationFile, Question
from tests.factories import CallFactory, UserFactory, sent_application
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
