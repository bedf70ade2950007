"""Stored files leave the storage with their rows.

Connected by CallsConfig.ready(). A file row is deleted on its own, with its application, its
question or its call (cascades send the signal for each row); the stored file is deleted once
the deleting transaction commits, so a rolled-back delete keeps it. Replacing a file is the
service's job (`calls.services.applications.application_save`), by the same
`core.files.delete_after_commit`.
"""

from django.db.models.signals import post_delete

from citypeers.calls.models import ApplicationFile
from citypeers.core.files import delete_after_commit


def application_file_deleted(sender, instance: ApplicationFile, **kwargs) -> None:
    delete_after_commit(instance.file)


def connect() -> None:
    post_delete.connect(
        application_file_deleted,
        sender=ApplicationFile,
        dispatch_uid="citypeers.calls.application_file_deleted",
    )
