import pytest

from citypeers.programmes.forms import MembershipAddForm, ThemeForm
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_a_role_can_be_given_only_in_a_visit_of_this_programme(programme):
    ours = VisitFactory(programme=programme, title="Tampere")
    theirs = VisitFactory(title="Kortrijk")
    form = MembershipAddForm(programme=programme)
    assert list(form.fields["visit"].queryset) == [ours]
    refused = MembershipAddForm(
        {"email": "a@example.org", "role": "host", "visit": theirs.pk}, programme=programme
    )
    assert "visit" in refused.errors


def test_a_role_must_be_chosen_and_the_email_well_formed(programme):
    form = MembershipAddForm({"email": "not-an-address", "role": ""}, programme=programme)
    assert set(form.errors) == {"email", "role"}


def test_a_role_without_a_visit_is_for_the_whole_programme(programme):
    form = MembershipAddForm({"email": "a@example.org", "role": "reviewer"}, programme=programme)
    assert form.is_valid()
    assert form.cleaned_data["visit"] is None


def test_a_theme_needs_a_name_but_not_a_description():
    assert ThemeForm({"name_en": "Participation"}).is_valid()
    form = ThemeForm({"name_fr": "Participation"})
    assert form.is_valid() and form.cleaned_data == {
        "name": {"fr": "Participation"},
        "description": {},
    }
    assert "name" in ThemeForm({"description_en": "About"}).errors
