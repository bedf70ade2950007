"""Attached files: downloaded by those who may read the application, with headers that keep
a browser from running them; linked from where coordinators and reviewers read applications."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from citypeers.calls.models import Question, ReviewAssignment
from citypeers.calls.services.applications import application_save
from tests.calls.helpers import reviewer
from tests.factories import UserFactory
from tests.samples import PDF

pytestmark = pytest.mark.django_db


def attach(call, person, name="cv.pdf", content=PDF, question=None):
    """`person`'s application to `call`, sent with `name` answering the file question."""
    question = question or Question.objects.create(call=call, kind="file", label="Your CV")
    application = application_save(
        call=call,
        applicant=person,
        fields={"role": "Officer"},
        preferences=[],
        answers={},
        files={question: SimpleUploadedFile(name, content)},
        consent=True,
        submit=True,
        notify=False,
    )
    return application.files.get()


def address(attached) -> str:
    application = attached.application
    return reverse("calls:file", args=[application.call.slug, application.pk, attached.pk])


def test_the_coordinator_downloads_the_file_as_sent_with_headers_that_keep_it_inert(
    client, call, coordinator
):
    attached = attach(call, UserFactory())
    client.force_login(coordinator)
    response = client.get(address(attached))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == 'attachment; filename="cv.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_reviewer_assigned_the_application_downloads_it_and_others_do_not(
    client, call, programme
):
    attached = attach(call, UserFactory())
    assigned, other = reviewer(programme), reviewer(programme)
    ReviewAssignment.objects.create(application=attached.application, reviewer=assigned)
    client.force_login(assigned)
    assert client.get(address(attached)).status_code == 200
    client.force_login(other)
    assert client.get(address(attached)).status_code == 403


def test_a_reviewer_no_longer_in_the_programme_cannot_download(client, call, programme):
    attached = attach(call, UserFactory())
    former = reviewer(programme)
    ReviewAssignment.objects.create(application=attached.application, reviewer=former)
    former.memberships.all().delete()
    client.force_login(former)
    assert client.get(address(attached)).status_code == 403


def test_the_applicant_downloads_their_own_file_and_another_applicant_cannot(client, call):
    applicant, other = UserFactory(), UserFactory()
    attached = attach(call, applicant)
    attach(call, other, question=attached.question)
    client.force_login(applicant)
    assert client.get(address(attached)).status_code == 200
    client.force_login(other)
    assert client.get(address(attached)).status_code == 403


def test_the_public_is_sent_to_log_in_and_gets_nothing(client, call):
    response = client.get(address(attach(call, UserFactory())))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_file_is_found_only_under_its_own_call_and_application(client, call, coordinator):
    attached = attach(call, UserFactory())
    client.force_login(coordinator)
    application = attached.application
    wrong = [
        [call.slug, application.pk + 1, attached.pk],
        ["another-call", application.pk, attached.pk],
    ]
    for args in wrong:
        assert client.get(reverse("calls:file", args=args)).status_code == 404


def test_a_file_gone_from_the_storage_is_a_404_not_an_error(client, call, coordinator):
    attached = attach(call, UserFactory())
    attached.file.storage.delete(attached.file.name)
    client.force_login(coordinator)
    assert client.get(address(attached)).status_code == 404


@pytest.mark.parametrize(
    ("name", "disposition"),
    [
        ("Lebenslauf Müller.pdf", "attachment; filename*=utf-8''Lebenslauf%20M%C3%BCller.pdf"),
        ('cv "final".pdf', 'attachment; filename="cv \\"final\\".pdf"'),
    ],
)
def test_the_download_keeps_the_original_name_safely_encoded(
    client, call, coordinator, name, disposition
):
    attached = attach(call, UserFactory(), name=name)
    assert attached.name == name
    client.force_login(coordinator)
    assert client.get(address(attached))["Content-Disposition"] == disposition


def test_coordinators_open_attachments_from_the_list_of_applications(
    client, call, coordinator, settings
):
    attached = attach(call, UserFactory())
    client.force_login(coordinator)
    page = client.get(reverse("calls:applications", args=[call.slug])).text
    assert f'href="{address(attached)}"' in page and "cv.pdf" in page and "Your CV" in page
    export = client.get(reverse("calls:applications", args=[call.slug]) + "?export=csv").text
    assert settings.SITE_URL + address(attached) in export


def test_the_assigned_reviewer_opens_attachments_from_the_review_page(client, call, programme):
    attached = attach(call, UserFactory())
    assigned = reviewer(programme)
    assignment = ReviewAssignment.objects.create(
        application=attached.application, reviewer=assigned
    )
    client.force_login(assigned)
    page = client.get(reverse("calls:score", args=[call.slug, assignment.pk])).text
    assert f'href="{address(attached)}"' in page and "Your CV" in page


def test_the_applicant_sees_the_file_sent_and_may_keep_it(client, call):
    applicant = UserFactory()
    attached = attach(call, applicant)
    client.force_login(applicant)
    page = client.get(reverse("calls:apply", args=[call.slug])).text
    assert f'<a href="{address(attached)}">cv.pdf</a>' in page
    assert "Choose a file only to replace it." in page
