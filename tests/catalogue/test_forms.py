"""The practice form: each mistake a person can make, and the message shown at its field."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from citypeers.catalogue.forms import NamesField, PlacesField, PracticeForm, ReviewForm
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _png(name="monument.png", *, padding=0):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue() + b"\0" * padding, content_type="image/png")


def _errors(form_data, files=None, **kwargs):
    form = PracticeForm(form_data, files, **kwargs)
    assert not form.is_valid()
    return form.errors


def test_a_complete_form_gives_the_services_plain_fields_and_the_related_ones_apart(form_data):
    form = PracticeForm(form_data | {"links": "https://example.org/monuments"})
    assert form.is_valid(), form.errors
    data = form.model_data()
    assert {"places", "themes", "organisations"}.isdisjoint(data)
    assert data["title"] == {"en": "Adopt a Monument"}
    assert data["links"] == "https://example.org/monuments"
    assert [place.name for place in form.cleaned_data["places"]] == ["Tampere"]


def test_places_are_found_whatever_the_case_and_the_largest_namesake_wins():
    PlaceFactory(name="Valencia", country="ES", population=800_000)
    PlaceFactory(name="Valencia", country="VE", population=900_000)
    small = PlaceFactory(name="Springfield", country="US", population=10_000)
    large = PlaceFactory(name="Springfield", country="US", population=150_000)
    field = PlacesField()
    places = field.clean("  valencia (es)\n\nSPRINGFIELD (us)  \n")
    assert [(place.name, place.country.code) for place in places] == [
        ("Valencia", "ES"),
        ("Springfield", "US"),
    ]
    assert large in places and small not in places


def test_every_wrong_place_line_is_named_at_once():
    field = PlacesField()
    with pytest.raises(Exception) as refusal:
        field.clean("Vantaa\nAtlantis (GR)\nTampere (FIN)")
    assert refusal.value.messages == [
        "“Vantaa”: write it as Name (country code).",
        "“Atlantis (GR)” is not in the list of places; ask a coordinator to add it.",
        "“Tampere (FIN)”: write it as Name (country code).",
    ]


def test_a_practice_needs_at_least_one_place(form_data):
    assert _errors(form_data | {"places": "\n  \n"})["places"] == ["This field is required."]


def test_editing_shows_the_places_and_organisations_as_typed_lines():
    vantaa = PlaceFactory(name="Vantaa", country="FI")
    practice = PracticeFactory(places=[vantaa])
    practice.organisations.set([OrganisationFactory(name="City of Vantaa")])
    form = PracticeForm(instance=practice)
    assert "Vantaa (FI)</textarea>" in str(form["places"])
    assert "City of Vantaa</textarea>" in str(form["organisations"])


def test_a_new_practice_starts_with_the_authors_organisation_if_they_have_one():
    author = UserFactory(organisation=OrganisationFactory(name="City of Tampere"))
    assert PracticeForm(author=author).initial["organisations"] == ["City of Tampere"]
    assert "organisations" not in PracticeForm(author=UserFactory()).initial


def test_organisation_names_are_tidied_and_repeats_dropped():
    field = NamesField(max_name_length=20)
    assert field.clean("City  of Tampere\n\n city of tampere \nVapriikki") == [
        "City of Tampere",
        "Vapriikki",
    ]


def test_each_too_long_organisation_name_is_named_shortened():
    field = NamesField(max_name_length=50)
    with pytest.raises(Exception) as refusal:
        field.clean("A" * 51 + "\nShort\n" + "B" * 60)
    assert refusal.value.messages == [
        f"“{'A' * 40}…” is longer than 50 characters.",
        f"“{'B' * 40}…” is longer than 50 characters.",
    ]


def test_the_end_cannot_come_before_the_start(form_data):
    errors = _errors(form_data | {"started_on": "2021-05-01", "ended_on": "2020-12-31"})
    assert errors["ended_on"] == ["The end cannot be before the start."]
    form = PracticeForm(form_data | {"started_on": "2021-05-01", "ended_on": "2021-05-01"})
    assert form.is_valid(), form.errors


def test_every_line_that_is_not_a_web_address_is_named(form_data):
    links = "https://example.org\njavascript:alert(1)\n\nnot a link"
    assert _errors(form_data | {"links": links})["links"] == [
        "“javascript:alert(1)” is not a web address.",
        "“not a link” is not a web address.",
    ]


def test_links_are_kept_one_a_line_without_blank_lines(form_data):
    form = PracticeForm(form_data | {"links": "  https://a.example \n\n\nhttps://b.example\n"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["links"] == "https://a.example\nhttps://b.example"


def test_an_image_needs_its_description(form_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    errors = _errors(form_data, {"image": _png()})
    assert errors["image_alt"] == ["Describe the image for people who cannot see it."]
    form = PracticeForm(form_data | {"image_alt_en": "The old mill at dusk"}, {"image": _png()})
    assert form.is_valid(), form.errors


def test_a_file_that_is_not_an_image_is_refused(form_data):
    fake = SimpleUploadedFile("mill.png", b"<script>alert(1)</script>", content_type="image/png")
    errors = _errors(form_data | {"image_alt_en": "A mill"}, {"image": fake})
    assert "Upload a valid image" in errors["image"][0]


def test_an_image_of_another_type_is_refused(form_data):
    errors = _errors(form_data | {"image_alt_en": "A mill"}, {"image": _png("mill.gif")})
    assert "File extension “gif” is not allowed" in errors["image"][0]


def test_an_image_over_five_megabytes_is_refused(form_data):
    big = _png(padding=5 * 1024 * 1024 + 100_000)
    errors = _errors(form_data | {"image_alt_en": "A mill"}, {"image": big})
    assert errors["image"] == ["The image is 5.1 MB; the most is 5 MB."]


def test_clearing_the_image_empties_it(form_data):
    practice = PracticeFactory(image="practices/2026/mill.png", image_alt="A mill")
    form = PracticeForm(form_data | {"image-clear": "on"}, instance=practice)
    assert form.is_valid(), form.errors
    assert form.model_data()["image"] == ""


def test_programmes_are_offered_newest_first_with_no_empty_choice():
    old = ProgrammeFactory(starts_on="2021-01-01", ends_on="2021-12-31")
    new = ProgrammeFactory(starts_on="2027-01-01", ends_on="2027-12-31")
    choices = [value for value, _label in PracticeForm().fields["programme"].choices]
    assert [choice.value for choice in choices] == [new.pk, old.pk]


def test_a_review_needs_a_decision_but_the_comment_is_optional():
    assert ReviewForm({"comment": "Good"}).errors == {"action": ["This field is required."]}
    assert ReviewForm({"action": "publish"}).is_valid()
    assert not ReviewForm({"action": "delete"}).is_valid()


def test_a_web_address_typed_without_its_scheme_is_kept_as_https(form_data):
    form = PracticeForm(form_data | {"links": "example.org/monuments"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["links"] == "https://example.org/monuments"
