import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import Application, Question
from citypeers.calls.services.applications import application_save
from citypeers.core.errors import CallError
from tests.factories import CallFactory, OrganisationFactory, UserFactory, VisitFactory

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def call():
    vantaa = VisitFactory(title="Vantaa", starts_on=datetime.date(2027, 3, 22))
    kortrijk = VisitFactory(title="Kortrijk", starts_on=datetime.date(2027, 4, 19))
    return CallFactory(visits=[vantaa, kortrijk], time_zone="Europe/Brussels")


def complete(call, **changes):
    first, second = call.visits.order_by("starts_on")
    data = {
        "role": "Heritage officer",
        "learning_needs": "Participation.",
        "expertise": "Archives.",
        "challenge": "Empty mills.",
        "motivation": "Peers.",
        "languages": ["en", "fr"],
        "preference_1": first.pk,
        "preference_2": second.pk,
        "consent": "on",
        "action": "submit",
    }
    return data | changes


def test_a_draft_may_be_incomplete_and_is_kept(client, call):
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("calls:apply", args=[call.slug]), {"role": "Officer", "action": "draft"}
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.status, application.role) == ("draft", "Officer")
    assert mail.outbox == []
    assert "Officer" in client.get(reverse("calls:apply", args=[call.slug])).text


def test_submitting_asks_for_every_required_answer_at_its_field(client, call):
    client.force_login(UserFactory())
    response = client.post(
        reverse("calls:apply", args=[call.slug]), {"role": "Officer", "action": "submit"}
    )
    assert response.status_code == 200
    for field in ("learning_needs", "preference_1", "consent", "languages"):
        assert f'href="#id_{field}' in response.text, field
    assert "Officer" in response.text  # nothing typed is lost
    assert not Application.objects.exists()


def test_a_submission_sends_a_copy_and_can_be_changed_until_the_close(
    client, call, django_capture_on_commit_callbacks
):
    person = UserFactory(organisation=OrganisationFactory())
    client.force_login(person)
    url = reverse("calls:apply", args=[call.slug])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, complete(call))["Location"] == reverse("calls:mine")
    application = Application.objects.get()
    assert application.status == "submitted" and application.organisation == person.organisation
    assert [p.visit.title for p in application.preferences.all()] == ["Vantaa", "Kortrijk"]
    assert application.consent_version == call.consent_version and application.consented_at
    [copy] = mail.outbox
    assert copy.to == [person.email] and "Empty mills." in copy.body
    client.post(url, complete(call, challenge="Empty churches.", preference_2=""))
    application.refresh_from_db()
    assert Application.objects.count() == 1  # changed, not duplicated
    assert application.challenge == "Empty churches." and application.preferences.count() == 1


def test_each_visit_once_and_choices_in_order(client, call):
    client.force_login(UserFactory())
    first = call.visits.first()
    url = reverse("calls:apply", args=[call.slug])
    response = client.post(url, complete(call, preference_2=first.pk, preference_1=first.pk))
    assert "choose each visit once" in response.text
    response = client.post(url, complete(call, preference_1=""))
    assert 'href="#id_preference_1"' in response.text


def test_after_the_closing_time_the_server_refuses_whatever_the_page_showed(client, call):
    client.force_login(UserFactory())
    url = reverse("calls:apply", args=[call.slug])
    client.get(url)  # the form was open…
    call.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    call.save()  # …and the call closed before the person pressed "Send"
    response = client.post(url, complete(call))
    assert response.status_code == 200
    assert "The call closed on" in response.text and "(Europe/Brussels)" in response.text
    assert not Application.objects.exists()


def submitted(call, person, **options):
    """The service as the form calls it, with a complete submission."""
    return application_save(
        call=call,
        applicant=person,
        fields={"role": "Officer"},
        preferences=list(call.visits.all()),
        answers={},
        files={},
        consent=True,
        submit=True,
        **options,
    )


def test_two_submissions_make_one_application(call):
    person = UserFactory()
    for _ in range(2):
        submitted(call, person)
    assert Application.objects.filter(call=call, applicant=person).count() == 1


def test_a_submission_without_notify_sends_no_copy(call, django_capture_on_commit_callbacks):
    """Demo data about a past call is submitted as it was then, but nobody is mailed today."""
    sent = call.opens_at + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True) as queued:
        application = submitted(call, UserFactory(), now=sent, notify=False)
    assert queued == [] and mail.outbox == []
    assert application.status == "submitted" and application.submitted_at == sent


def test_the_service_refuses_before_the_opening_too(call):
    with pytest.raises(CallError):
        application_save(
            call=call,
            applicant=UserFactory(),
            fields={},
            preferences=[],
            answers={},
            files={},
            consent=False,
            submit=False,
            now=call.opens_at - datetime.timedelta(seconds=1),
        )


def test_hostile_text_is_stored_as_typed_and_shown_harmlessly(client, call):
    person = UserFactory()
    client.force_login(person)
    question = Question.objects.create(
        call=call, kind="long_text", label="Anything else?", required=False
    )
    client.post(
        reverse("calls:apply", args=[call.slug]),
        complete(call, challenge=HOSTILE, **{f"q_{question.pk}": HOSTILE}),
    )
    application = Application.objects.get()
    assert application.challenge == HOSTILE and application.answers[str(question.pk)] == HOSTILE
    page = client.get(reverse("calls:apply", args=[call.slug])).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_a_files_type_and_size_are_checked(client, call):
    client.force_login(UserFactory())
    question = Question.objects.create(
        call=call, kind="file", label="Your CV", file_types="pdf", max_file_mb=1
    )
    url = reverse("calls:apply", args=[call.slug])
    wrong = SimpleUploadedFile("cv.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(url, complete(call, **{f"q_{question.pk}": wrong}))
    assert "Send a file of one of these types: pdf." in response.text
    big = SimpleUploadedFile("cv.pdf", b"%PDF" + b"0" * (1024 * 1024 + 1))
    response = client.post(url, complete(call, **{f"q_{question.pk}": big}))
    assert "larger than 1 MB" in response.text
    good = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 a cv")
    client.post(url, complete(call, **{f"q_{question.pk}": good}))
    assert Application.objects.get().files.get().name == "cv.pdf"


def test_people_see_only_their_own_applications(client, call):
    mine, theirs = UserFactory(), UserFactory()
    for person, role in ((mine, "Mine"), (theirs, "Theirs")):
        application_save(
            call=call,
            applicant=person,
            fields={"role": role},
            preferences=[],
            answers={},
            files={},
            consent=False,
            submit=False,
        )
    client.force_login(mine)
    page = client.get(reverse("calls:mine")).text
    assert page.count(call.title) == 1
    client.get(reverse("calls:apply", args=[call.slug]))
    assert "Theirs" not in client.get(reverse("calls:apply", args=[call.slug])).text


def test_calls_are_listed_open_first_then_upcoming_then_closed(client):
    now = timezone.now()
    CallFactory(
        title="Closed call",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
    )
    CallFactory(
        title="Upcoming call",
        opens_at=now + datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=30),
    )
    CallFactory(title="Open call")
    page = client.get(reverse("calls:list")).text
    assert page.index("Open call") < page.index("Upcoming call") < page.index("Closed call")


def test_the_closing_time_shows_in_the_calls_zone_and_the_viewers(client, call):
    call.closes_at = datetime.datetime(2027, 2, 8, 23, 0, tzinfo=datetime.UTC)
    call.save()
    viewer = UserFactory(time_zone="Europe/Helsinki")
    client.force_login(viewer)
    page = client.get(call.get_absolute_url()).text
    assert "Tuesday 9 February 2027, 00:00 (Europe/Brussels)" in page
    assert "Tuesday 9 February 2027, 01:00 in your time (Europe/Helsinki)" in page


def test_withdrawing_until_the_close(client, call):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("calls:apply", args=[call.slug]), complete(call))
    client.post(reverse("calls:withdraw", args=[call.slug]))
    assert Application.objects.get().status == "withdrawn"


def test_a_new_application_starts_from_what_the_person_wrote_last_time(client, call):
    person = UserFactory(languages=[])
    client.force_login(person)
    earlier = complete(call, role="Archivist", access_needs="Captions", expertise="Mills.")
    client.post(reverse("calls:apply", args=[call.slug]), earlier)
    later = CallFactory(visits=list(call.visits.all()))
    form = client.get(reverse("calls:apply", args=[later.slug])).context["form"]
    assert form.initial["role"] == "Archivist" and form.initial["access_needs"] == "Captions"
    assert form.initial["languages"] == ["en", "fr"]
    assert "challenge" not in form.initial and "motivation" not in form.initial


def test_a_sent_application_cannot_be_emptied_by_saving_it_as_a_draft(client, call):
    client.force_login(UserFactory())
    url = reverse("calls:apply", args=[call.slug])
    client.post(url, complete(call))
    page = client.get(url).text
    assert "Save as a draft" not in page and "Send the changes" in page
    page = client.post(url, {"action": "draft"}).text  # an old tab, or a crafted request
    assert "This field is required." in page
    application = Application.objects.get()
    assert application.status == "submitted" and application.motivation == "Peers."
    assert application.preferences.count() == 2
