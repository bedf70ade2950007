"""A stored file leaves the storage with its row: on replace, and when its application, its
question or its call is deleted; not while the deleting transaction may still roll back."""

import pytest
from django.db import transaction

from citypeers.calls.models import Question
from citypeers.calls.services.applications import application_save
from tests.factories import UserFactory
from tests.samples import PDF, upload

pytestmark = pytest.mark.django_db


def save_with_file(call, person, question, name="cv.pdf"):
    return application_save(
        call=call,
        applicant=person,
        fields={},
        preferences=[],
        answers={},
        files={question: upload(name, PDF)},
        consent=False,
        submit=False,
    )


@pytest.fixture
def question(call):
    return Question.objects.create(call=call, kind="file", label="CV")


def test_a_replaced_file_is_deleted_from_the_storage(
    call, question, private_files, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        old = save_with_file(call, person, question, "old.pdf").files.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        application = save_with_file(call, person, question, "new.pdf")
    new = application.files.get()
    assert new.name == "new.pdf"
    assert private_files.exists(new.file.name)
    assert not private_files.exists(old)


@pytest.mark.parametrize("deleted", ["application", "question", "call"])
def test_a_file_is_deleted_from_the_storage_with_what_it_belongs_to(
    call, question, private_files, django_capture_on_commit_callbacks, deleted
):
    application = save_with_file(call, UserFactory(), question)
    stored = application.files.get().file.name
    assert private_files.exists(stored)
    with django_capture_on_commit_callbacks(execute=True):
        {"application": application, "question": question, "call": call}[deleted].delete()
    assert not private_files.exists(stored)


def test_a_delete_rolled_back_keeps_the_file(
    call, question, private_files, django_capture_on_commit_callbacks
):
    application = save_with_file(call, UserFactory(), question)
    stored = application.files.get().file.name
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        application.delete()
        raise RuntimeError("the deleting transaction fails")
    assert private_files.exists(stored)
