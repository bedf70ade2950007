import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from citypeers.catalogue import services
from citypeers.catalogue.models import Practice
from citypeers.people.models import Organisation
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_signed_in_person_saves_a_draft(client, form_data, people_by_role):
    client.force_login(people_by_role["no_role"])
    response = client.post(reverse("catalogue:create"), form_data)
    practice = Practice.objects.get()
    assert response["Location"] == practice.get_absolute_url()
    assert practice.status == "draft"
    assert [place.name for place in practice.places.all()] == ["Tampere"]
    page = client.get(practice.get_absolute_url()).text
    assert "Submit for review" in page


def test_organisations_start_with_the_authors_and_unknown_ones_are_added(client, form_data):
    author = UserFactory(organisation=OrganisationFactory(name="City of Tampere"))
    client.force_login(author)
    form = client.get(reverse("catalogue:create")).text
    assert "City of Tampere</textarea>" in form
    known = OrganisationFactory(name="Pirkanmaa Museum")
    organisations = "City of Tampere\n  pirkanmaa   museum \nVapriikki Friends\ncity of tampere"
    client.post(reverse("catalogue:create"), form_data | {"organisations": organisations})
    practice = Practice.objects.get()
    linked = list(practice.organisations.all())
    assert {o.name for o in linked} == {"City of Tampere", "Pirkanmaa Museum", "Vapriikki Friends"}
    assert known in linked
    added = Organisation.objects.get(name="Vapriikki Friends")
    assert (added.type, added.place.name) == ("other", "Tampere")
    page = client.get(practice.get_absolute_url()).text
    assert "Vapriikki Friends" in page


def test_an_edit_changes_the_organisations_and_a_too_long_name_is_refused(client, form_data):
    author = UserFactory()
    client.force_login(author)
    client.post(reverse("catalogue:create"), form_data | {"organisations": "Old Partner"})
    practice = Practice.objects.get()
    edit = reverse("catalogue:edit", args=[practice.slug])
    assert "Old Partner</textarea>" in client.get(edit).text
    response = client.post(edit, form_data | {"organisations": "x" * 201})
    assert response.status_code == 200
    assert 'href="#id_organisations"' in response.text
    assert "is longer than 200 characters" in response.text
    client.post(edit, form_data | {"organisations": "New Partner"})
    assert [o.name for o in practice.organisations.all()] == ["New Partner"]


def test_unknown_places_and_bad_links_are_shown_at_their_fields(client, form_data, staff):
    client.force_login(staff)
    form_data |= {"places": "Tampere (FI)\nAtlantis (GR)\nVantaa", "links": "not a link"}
    response = client.post(reverse("catalogue:create"), form_data)
    assert response.status_code == 200
    assert "“Atlantis (GR)” is not in the list of places" in response.text
    assert "“Vantaa”: write it as Name (country code)." in response.text
    assert "“not a link” is not a web address." in response.text
    assert 'href="#id_places"' in response.text and 'href="#id_links"' in response.text
    assert "Adopt a Monument" in response.text  # nothing typed is lost
    assert not Practice.objects.exists()


def test_an_image_needs_a_description_and_a_real_image_type(client, form_data, staff):
    client.force_login(staff)
    fake = SimpleUploadedFile("evil.html", b"<script>alert(1)</script>", content_type="text/html")
    response = client.post(reverse("catalogue:create"), form_data | {"image": fake})
    assert response.status_code == 200
    assert 'href="#id_image"' in response.text
    assert not Practice.objects.exists()


def test_drafts_are_hidden_from_the_public_and_other_people(client, people_by_role):
    draft = PracticeFactory()
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(people_by_role["participant"])
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(draft.submitted_by)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_published_practice_page_has_metadata_and_similar_practices(client):
    theme = ThemeFactory(name="Adaptive re-use")
    tampere = PlaceFactory(name="Tampere", country="FI", latitude=61.5, longitude=23.8)
    practice = PublishedPracticeFactory(
        title="Adopt a Monument",
        summary="**Residents** <script>x()</script>",
        places=[tampere],
        themes=[theme],
    )
    PublishedPracticeFactory(title="Mill reborn", themes=[theme])
    PracticeFactory(title="Secret draft", themes=[theme])
    page = client.get(practice.get_absolute_url()).text
    assert 'itemtype="https://schema.org/CreativeWork"' in page
    assert '<meta itemprop="latitude" content="61.5' in page
    assert "<strong>Residents</strong>" in page
    assert "<script>x()" not in page
    assert "Mill reborn" in page
    assert "Secret draft" not in page


def test_the_coordinator_reviews_from_the_queue(client, programme, coordinator):
    submitted = PracticeFactory(programme=programme, status="submitted", title="Budapest100")
    client.force_login(coordinator)
    assert "Budapest100" in client.get(reverse("catalogue:review_queue")).text
    review_url = reverse("catalogue:review", args=[submitted.slug])
    response = client.post(review_url, {"action": "changes", "comment": ""})
    assert 'href="#id_comment"' in response.text
    response = client.post(review_url, {"action": "publish"})
    assert response["Location"] == reverse("catalogue:review_queue")
    submitted.refresh_from_db()
    assert submitted.status == "published"
    assert "Nothing is waiting" in client.get(reverse("catalogue:review_queue")).text


def test_history_lists_who_changed_what(client, programme, coordinator):
    practice = PracticeFactory(programme=programme, title="First")
    practice.title = "Second"
    practice.save()
    client.force_login(coordinator)
    page = client.get(reverse("catalogue:history", args=[practice.slug])).text
    assert "title" in page


def test_the_author_cannot_edit_while_the_practice_is_in_review(client):
    practice = PracticeFactory(status="submitted")
    client.force_login(practice.submitted_by)
    assert client.get(reverse("catalogue:edit", args=[practice.slug])).status_code == 403


def test_an_unknown_practice_is_not_found(client):
    assert client.get(reverse("catalogue:detail", args=["nowhere"])).status_code == 404


@pytest.mark.parametrize("status", ["draft", "submitted", "changes", "declined"])
def test_an_unpublished_practice_is_seen_only_by_its_author_coordinators_and_staff(
    client, programme, people_by_role, status
):
    practice = PracticeFactory(programme=programme, status=status)
    url = practice.get_absolute_url()
    assert client.get(url).status_code == 404
    for role in ["coordinator_elsewhere", "host", "reviewer", "no_role"]:
        client.force_login(people_by_role[role])
        assert client.get(url).status_code == 404, role
    for person in [practice.submitted_by, people_by_role["coordinator"], people_by_role["staff"]]:
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_the_author_edits_and_submits_a_draft_from_its_page_but_not_while_in_review(client):
    practice = PracticeFactory(status="draft")
    client.force_login(practice.submitted_by)
    page = client.get(practice.get_absolute_url()).text
    assert "Status: Draft" in page
    assert "Only you, the programme's coordinators and staff can see this page." in page
    assert reverse("catalogue:edit", args=[practice.slug]) in page
    practice.status = "submitted"
    practice.save()
    page = client.get(practice.get_absolute_url()).text
    assert "Status: Submitted for review" in page
    assert reverse("catalogue:edit", args=[practice.slug]) not in page
    assert "Submit for review" not in page


def test_the_author_reads_the_reviewers_comment_on_a_practice_sent_back(client):
    practice = PracticeFactory(status="changes", review_comment="Add the figures.\nAnd a photo.")
    client.force_login(practice.submitted_by)
    page = client.get(practice.get_absolute_url()).text
    assert "Reviewer's comment:" in page and "Add the figures.<br>And a photo." in page
    assert "Submit for review" in page


def test_the_coordinator_finds_the_review_and_the_history_from_the_page(
    client, programme, coordinator
):
    practice = PracticeFactory(programme=programme, status="submitted")
    client.force_login(coordinator)
    page = client.get(practice.get_absolute_url()).text
    assert reverse("catalogue:review", args=[practice.slug]) in page
    assert reverse("catalogue:history", args=[practice.slug]) in page
    client.force_login(practice.submitted_by)
    page = client.get(practice.get_absolute_url()).text
    assert reverse("catalogue:review", args=[practice.slug]) not in page
    assert reverse("catalogue:history", args=[practice.slug]) not in page


def test_a_published_practice_shows_its_facts_to_the_public(client):
    practice = PublishedPracticeFactory(
        links="https://example.org/monuments",
        started_on="2019-03-01",
        willing_to_host=True,
        contact_name="Aino Virtanen",
        contact_email="aino@example.org",
        is_generated=True,
        image="practices/2026/mill.png",
        image_alt="The old mill at dusk",
        results="3,000 *residents* took part.",
    )
    page = client.get(practice.get_absolute_url()).text
    assert '<a href="https://example.org/monuments" rel="nofollow noopener noreferrer">' in page
    assert "2019 \N{EN DASH} ongoing" in page
    assert "Yes, willing to host a peer-learning visit" in page
    assert 'Aino Virtanen <a href="mailto:aino@example.org">' in page
    assert "Demo data: made up for the demo" in page
    assert 'alt="The old mill at dusk" itemprop="image"' in page
    assert "3,000 <em>residents</em> took part." in page
    assert 'itemprop="name">' + practice.title in page
    assert "Status:" not in page


def test_sharing_a_practice_needs_signing_in(client):
    response = client.get(reverse("catalogue:create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_saving_a_draft_says_what_comes_next(client, form_data):
    client.force_login(UserFactory())
    response = client.post(reverse("catalogue:create"), form_data, follow=True)
    assert "Draft saved. Submit it for review when it is ready." in response.text


def test_the_author_edits_a_draft(client, form_data):
    practice = PracticeFactory(title="Old title")
    client.force_login(practice.submitted_by)
    edit = reverse("catalogue:edit", args=[practice.slug])
    assert "Edit a good practice" in client.get(edit).text
    response = client.post(edit, form_data | {"title_en": "Adopt a Monument"}, follow=True)
    assert "Your changes are saved." in response.text
    practice.refresh_from_db()
    assert (practice.title, practice.slug) == ("Adopt a Monument", "adopt-a-monument")
    assert response.redirect_chain[-1][0] == practice.get_absolute_url()


def test_a_published_practice_cannot_be_edited_by_its_author_or_a_coordinator(
    client, programme, coordinator
):
    practice = PublishedPracticeFactory(programme=programme)
    edit = reverse("catalogue:edit", args=[practice.slug])
    for person in [practice.submitted_by, coordinator]:
        client.force_login(person)
        assert client.get(edit).status_code == 403


def test_staff_correct_a_published_practice_which_keeps_its_address(client, form_data, staff):
    practice = PublishedPracticeFactory(slug="adopt-a-monument")
    client.force_login(staff)
    edit = reverse("catalogue:edit", args=[practice.slug])
    client.post(edit, form_data | {"title_en": "Adopt a Monument, Tampere"})
    practice.refresh_from_db()
    assert (practice.title, practice.slug) == ("Adopt a Monument, Tampere", "adopt-a-monument")


def test_submitting_is_a_button_not_a_link(client):
    practice = PracticeFactory()
    client.force_login(practice.submitted_by)
    assert client.get(reverse("catalogue:submit", args=[practice.slug])).status_code == 405


def test_the_author_submits_and_the_coordinators_are_told(
    client, programme, coordinator, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(programme=programme)
    client.force_login(practice.submitted_by)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("catalogue:submit", args=[practice.slug]), follow=True)
    assert "Submitted. The coordinators will review it." in response.text
    practice.refresh_from_db()
    assert practice.status == "submitted"
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_submitting_a_published_practice_again_is_refused_with_a_message(client, staff):
    practice = PublishedPracticeFactory()
    client.force_login(staff)
    response = client.post(reverse("catalogue:submit", args=[practice.slug]), follow=True)
    assert "This practice is published, so this step is not possible now." in response.text
    assert Practice.objects.get(pk=practice.pk).status == "published"


def test_an_author_cannot_publish_their_own_practice(client, programme, people_by_role):
    practice = PracticeFactory(programme=programme, status="submitted")
    review = reverse("catalogue:review", args=[practice.slug])
    for person in [practice.submitted_by, people_by_role["coordinator_elsewhere"]]:
        client.force_login(person)
        assert client.post(review, {"action": "publish"}).status_code == 403
    client.logout()
    assert client.post(review, {"action": "publish"})["Location"].startswith(
        reverse("account_login")
    )
    assert Practice.objects.get(pk=practice.pk).status == "submitted"


def test_declining_needs_a_reason_and_tells_the_author(
    client, programme, coordinator, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(programme=programme, status="submitted", title="Budapest100")
    client.force_login(coordinator)
    review = reverse("catalogue:review", args=[practice.slug])
    page = client.get(review).text
    assert "Review: Budapest100" in page and "Send the decision" in page
    response = client.post(review, {"action": "decline", "comment": "  "})
    assert "Give the reason, so the author understands." in response.text
    assert 'href="#id_comment"' in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review, {"action": "decline", "comment": "Out of scope."}, follow=True
        )
    assert "The practice has been declined." in response.text
    [message] = mail.outbox
    assert message.to == [practice.submitted_by.email]
    assert message.subject == "Not published: Budapest100"


def test_asking_for_changes_from_the_review_page(client, programme, coordinator):
    practice = PracticeFactory(programme=programme, status="submitted")
    client.force_login(coordinator)
    review = reverse("catalogue:review", args=[practice.slug])
    response = client.post(review, {"action": "changes", "comment": "Add figures."}, follow=True)
    assert "The author has been asked for changes." in response.text
    practice.refresh_from_db()
    assert (practice.status, practice.review_comment) == ("changes", "Add figures.")


def test_the_decision_is_confirmed_in_the_reviewers_language_whatever_came_first(
    client, programme, coordinator
):
    client.force_login(coordinator)
    for language, said in [
        ("fr", "La pratique a été refusée."),
        ("en", "The practice has been declined."),
    ]:
        practice = PracticeFactory(programme=programme, status="submitted")
        with translation.override(language):
            review = reverse("catalogue:review", args=[practice.slug])
        decided = {"action": "decline", "comment": "Out of scope."}
        assert said in client.post(review, decided, follow=True).text


def test_a_practice_not_waiting_for_review_offers_no_decision_and_takes_none(
    client, programme, coordinator
):
    practice = PublishedPracticeFactory(programme=programme)
    client.force_login(coordinator)
    review = reverse("catalogue:review", args=[practice.slug])
    page = client.get(review).text
    assert "This practice is not waiting for review (status: Published)." in page
    assert "Send the decision" not in page
    draft = PracticeFactory(programme=programme, status="draft")
    response = client.post(reverse("catalogue:review", args=[draft.slug]), {"action": "publish"})
    assert "This practice is not waiting for review (status: Draft)." in response.text
    assert Practice.objects.get(pk=draft.pk).status == "draft"


def test_history_shows_each_step_who_took_it_and_what_changed(
    client, programme, coordinator, draft, author
):
    services.practice_submit(practice=draft, by=author)
    services.practice_request_changes(practice=draft, by=coordinator, comment="Add figures.")
    client.force_login(coordinator)
    page = client.get(reverse("catalogue:history", args=[draft.slug])).text
    assert "History of changes" in page
    rows = page.split("<tbody>")[1].split("</tr>")[:3]
    assert "changes" in rows[0] and str(coordinator) in rows[0]
    assert "status, review_comment" in rows[0] or "review_comment, status" in rows[0]
    assert "submitted" in rows[1] and "Aino" in rows[1]
    assert "created" in rows[2] and "<td>\N{EN DASH}</td>" in rows[2]


def test_history_is_for_reviewers_only(client, draft, author):
    history = reverse("catalogue:history", args=[draft.slug])
    client.force_login(author)
    assert client.get(history).status_code == 403
    client.logout()
    assert client.get(history)["Location"].startswith(reverse("account_login"))


def test_my_practices_lists_mine_with_their_status(client):
    author = UserFactory()
    PracticeFactory(submitted_by=author, title="Adopt a Monument", status="changes")
    PracticeFactory(title="Someone else's")
    client.force_login(author)
    page = client.get(reverse("catalogue:mine")).text
    assert "Adopt a Monument" in page and "Changes requested" in page
    assert "Someone else's" not in page


def test_my_practices_invites_a_first_one(client):
    client.force_login(UserFactory())
    page = client.get(reverse("catalogue:mine")).text
    assert "You have not shared a practice yet." in page
    assert reverse("catalogue:create") in page
