"""Applicants' pages: calls, applying (participants and hosts), withdrawing, their list."""

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.calls.models import Application, Question
from citypeers.calls.services.applications import application_save
from citypeers.core.files import TooLargeUpload
from citypeers.people.models import Affiliation
from tests.calls.helpers import complete, proposal
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)
from tests.samples import LINUX_EXECUTABLE, PDF, SVG_WITH_SCRIPT, WINDOWS_EXECUTABLE, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(two_visit_call):
    """Two visits, Vantaa and Kortrijk, open since yesterday."""
    return two_visit_call


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


def test_sending_the_changes_with_none_says_so_and_mails_nothing(
    client, call, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory())
    url = reverse("calls:apply", args=[call.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, complete(call))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, complete(call), follow=True).text
    assert "Nothing changed: your application stays as you sent it." in page
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, complete(call, motivation="Peers, and mills."), follow=True).text
    assert "A copy is on its way" in page
    [changed] = mail.outbox
    assert "- Why you want to take part" in changed.body


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


def test_an_organisation_without_a_practice_willing_to_host_is_told_how_to_apply(client, host_call):
    client.force_login(UserFactory(organisation=OrganisationFactory()))
    url = reverse("calls:apply", args=[host_call.slug])
    page = client.get(url).text
    assert "needs a published good practice marked “willing to host”" in page
    assert reverse("catalogue:create") in page
    response = client.post(url, {"action": "submit", "role": "Officer", "consent": "on"})
    assert "This field is required." in response.text
    assert not Application.objects.filter(status="submitted").exists()


def test_a_host_proposes_its_practice_mode_period_and_topic(client, host_call, city):
    person, practice = city
    client.force_login(person)
    url = reverse("calls:apply", args=[host_call.slug])
    page = client.get(url).text
    assert "Adopt a Monument" in page and "What you want to learn" not in page
    assert client.post(url, proposal(practice)).status_code == 302
    application = Application.objects.get()
    assert (application.status, application.practice, application.proposed_mode) == (
        "submitted",
        practice,
        "online",
    )
    assert application.proposed_topic == "Volunteers who adopt a monument"


def test_a_period_that_ends_before_it_starts_is_refused_at_its_field(client, host_call, city):
    person, practice = city
    client.force_login(person)
    start = timezone.localdate() + datetime.timedelta(weeks=10)
    data = proposal(practice, proposed_until=(start - datetime.timedelta(days=1)).isoformat())
    page = client.post(reverse("calls:apply", args=[host_call.slug]), data).text
    assert "The end of the period comes before its start." in page
    assert "Volunteers who adopt a monument" in page  # what was typed is kept
    early = proposal(practice, proposed_from=timezone.localdate().isoformat())
    page = client.post(reverse("calls:apply", args=[host_call.slug]), early).text
    assert "The visit can only start after the call has closed." in page
    assert not Application.objects.exists()


def test_another_organisations_practice_cannot_be_proposed(client, host_call, city):
    _person, practice = city
    client.force_login(UserFactory(organisation=OrganisationFactory()))
    page = client.post(reverse("calls:apply", args=[host_call.slug]), proposal(practice)).text
    assert "Select a valid choice." in page
    assert not Application.objects.exists()


def test_a_draft_call_does_not_exist_for_the_public(client, programme):
    draft = CallFactory(programme=programme, published_at=None, title="A draft call")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "A draft call" not in client.get(reverse("calls:list")).text
    client.force_login(UserFactory())
    assert client.get(reverse("calls:apply", args=[draft.slug])).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_asking_to_join_a_host_city_offers_its_practice_only_once_a_member_approves(
    client, host_call, city
):
    tuula, practice = city  # a member of the City of Tampere
    petra = UserFactory(display_name="Petra")
    client.force_login(petra)
    profile = {"display_name": "Petra", "time_zone": "Europe/Helsinki"}
    organisation = practice.organisations.get()
    client.post(reverse("people:profile"), {**profile, "organisation": organisation.pk})
    url = reverse("calls:apply", args=[host_call.slug])
    assert "Adopt a Monument" not in client.get(url).text
    page = client.post(url, proposal(practice)).text
    assert "Select a valid choice." in page and not Application.objects.exists()

    affiliation = Affiliation.objects.get(user=petra)
    client.force_login(tuula)
    decide = reverse("people:affiliation_decide", args=[affiliation.pk])
    client.post(decide, {"decision": "refuse"})
    client.force_login(petra)
    assert "Adopt a Monument" not in client.get(url).text  # refused: still nothing

    client.post(reverse("people:profile"), {**profile, "organisation": organisation.pk})
    affiliation = Affiliation.objects.get(user=petra, state="pending")
    client.force_login(tuula)
    decide = reverse("people:affiliation_decide", args=[affiliation.pk])
    client.post(decide, {"decision": "approve"})
    client.force_login(petra)
    assert "Adopt a Monument" in client.get(url).text


def test_a_30_mb_file_is_refused_at_its_field_and_the_other_answers_are_kept(
    client, call, private_files
):
    client.force_login(UserFactory())
    question = Question.objects.create(call=call, kind="file", label="Your CV", max_file_mb=5)
    huge = SimpleUploadedFile("cv.pdf", PDF + b"0" * (30 * 1024 * 1024))
    data = complete(call, challenge="Empty mills by the river.", **{f"q_{question.pk}": huge})
    response = client.post(reverse("calls:apply", args=[call.slug]), data)
    assert response.status_code == 200
    field = response.context["form"][f"q_{question.pk}"]
    assert field.errors == ["The file is larger than 5 MB."]
    assert "Empty mills by the river." in response.text
    assert not Application.objects.exists()
    assert not private_files.exists("applications")
    # Refused by the request's declared length: not a byte of it was kept in memory or on disk.
    assert isinstance(response.wsgi_request.FILES[f"q_{question.pk}"], TooLargeUpload)


def test_a_file_past_the_upload_limit_is_not_kept_while_it_arrives(
    client, call, settings, tmp_path
):
    """Declared small enough, but larger once it arrives: counted as it comes, refused, and
    what was written to a temporary file so far is deleted at once."""
    settings.UPLOAD_MAX_SIZE = 1024 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100_000  # to a temporary file past 100 kB
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path
    client.force_login(UserFactory())
    question = Question.objects.create(call=call, kind="file", label="Your CV", max_file_mb=5)
    big = SimpleUploadedFile("cv.pdf", PDF + b"0" * (2 * 1024 * 1024))
    data = complete(call, **{f"q_{question.pk}": big})
    response = client.post(reverse("calls:apply", args=[call.slug]), data)
    assert response.context["form"][f"q_{question.pk}"].errors == ["The file is larger than 1 MB."]
    assert not Application.objects.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("cv.pdf", WINDOWS_EXECUTABLE), ("cv.pdf", LINUX_EXECUTABLE), ("cv.svg", SVG_WITH_SCRIPT)],
)
def test_an_executable_renamed_pdf_or_an_svg_is_refused_at_its_field(client, call, name, content):
    client.force_login(UserFactory())
    question = Question.objects.create(
        call=call, kind="file", label="Your CV", file_types="pdf, svg, html"
    )
    data = complete(call, role="Archivist", **{f"q_{question.pk}": upload(name, content)})
    response = client.post(reverse("calls:apply", args=[call.slug]), data)
    errors = response.context["form"][f"q_{question.pk}"].errors
    assert len(errors) == 1 and errors[0].endswith("Send a file of one of these types: pdf.")
    assert "Archivist" in response.text
    assert not Application.objects.exists()


def test_a_good_pdf_is_stored_under_a_random_name_in_the_private_storage(
    client, call, settings, private_files
):
    client.force_login(UserFactory())
    question = Question.objects.create(call=call, kind="file", label="Your CV")
    data = complete(call, **{f"q_{question.pk}": upload("Anna Virtanen CV.pdf", PDF)})
    assert client.post(reverse("calls:apply", args=[call.slug]), data).status_code == 302
    attached = Application.objects.get().files.get()
    assert (attached.name, attached.content_type) == ("Anna Virtanen CV.pdf", "application/pdf")
    assert re.fullmatch(r"applications/\d{4}/[0-9a-f]{32}\.pdf", attached.file.name)
    stored = Path(private_files.path(attached.file.name))
    assert stored.read_bytes() == PDF
    assert not stored.is_relative_to(settings.MEDIA_ROOT)


def test_my_applications_link_the_visits_ranked_and_the_one_given(client):
    vantaa, kortrijk = VisitFactory(title="Vantaa"), VisitFactory(title="Kortrijk")
    call = CallFactory(programme=vantaa.programme, visits=[vantaa, kortrijk])
    person = UserFactory(organisation=OrganisationFactory())
    application = sent_application(call, person, preferences=[kortrijk, vantaa])
    Application.objects.filter(pk=application.pk).update(outcome="confirmed", outcome_visit=vantaa)
    client.force_login(person)
    page = client.get(reverse("calls:mine")).text
    for visit in (vantaa, kortrijk):
        visit_page = reverse("visits:visit", args=[visit.programme.slug, visit.slug])
        assert f'<a href="{visit_page}">{visit.title}</a>' in page
    assert page.count(reverse("visits:visit", args=[vantaa.programme.slug, vantaa.slug])) == 2


def _two_language_question(call) -> Question:
    return Question.objects.create(
        call=call,
        kind="single_choice",
        label={"en": "How big is your city?", "fr": "Quelle taille a votre ville ?"},
        help_text={"en": "Inhabitants.", "fr": "Habitants."},
        choices={"en": ["Small", "Large"], "fr": ["Petite", "Grande"]},
    )


def _apply_url(call, language: str) -> str:
    with translation.override(language):
        return reverse("calls:apply", args=[call.slug])


def test_a_french_applicant_reads_the_form_in_french_and_their_choice_counts_with_english_ones(
    client, call
):
    call.title = {"en": "Call for participants", "fr": "Appel à participants"}
    call.consent_text = {"en": "I agree.", "fr": "J'accepte."}
    call.save()
    question = _two_language_question(call)
    french, english = UserFactory(language="fr"), UserFactory(language="en")
    client.force_login(french)
    page = client.get(_apply_url(call, "fr")).text
    assert "Appel à participants" in page and "Call for participants" not in page
    assert "Quelle taille a votre ville ?" in page and "Habitants." in page
    assert "Grande" in page and "Large</label>" not in page
    assert "J&#x27;accepte." in page
    # The radio button reading "Grande" sends what every language's "Large" sends.
    assert re.search(r'value="Large"[^>]*>\s*Grande', page)
    answer = {f"q_{question.pk}": "Large"}
    assert client.post(_apply_url(call, "fr"), complete(call, **answer)).status_code == 302
    client.force_login(english)
    assert client.post(_apply_url(call, "en"), complete(call, **answer)).status_code == 302
    answers = [a.answers[str(question.pk)] for a in Application.objects.order_by("pk")]
    assert Counter(answers) == {"Large": 2}  # counted together, whoever read which language
    consents = Application.objects.order_by("pk").values_list("consent_text", "consent_language")
    assert list(consents) == [("J'accepte.", "fr"), ("I agree.", "en")]


def test_a_text_written_only_in_english_is_shown_to_a_french_reader_marked_as_english(client, call):
    call.description = "Take part in **visits**."
    call.save()
    question = Question.objects.create(
        call=call, kind="single_choice", label="Your city?", choices=["Small", "Large"]
    )
    client.force_login(UserFactory(language="fr"))
    with translation.override("fr"):
        detail = client.get(reverse("calls:detail", args=[call.slug])).text
    assert f'<h1 lang="en">{call.title}</h1>' in detail
    assert '<div lang="en"><p>Take part in <strong>visits</strong>.</p>' in detail
    page = client.get(_apply_url(call, "fr")).text
    assert "Your city?" in page and "Large" in page
    # An error is still said at its field, in the reader's language.
    response = client.post(_apply_url(call, "fr"), complete(call))
    assert f'href="#id_q_{question.pk}' in response.text
    assert "Ce champ est obligatoire." in response.text
