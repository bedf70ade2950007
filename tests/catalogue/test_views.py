import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

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
