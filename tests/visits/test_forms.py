import pytest

from citypeers.visits.forms import TaskOwnerForm, VisitFromPlanForm
from tests.factories import (
    PlaceFactory,
    PracticeFactory,
    ProgrammeFactory,
    PublishedPracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_visit_goes_only_to_a_programme_the_person_coordinates(programme, coordinator):
    ProgrammeFactory()
    form = VisitFromPlanForm(user=coordinator)
    assert list(form.fields["programme"].queryset) == [programme]
    assert form.fields["programme"].empty_label is None


def test_the_practice_shown_is_a_published_one_whose_city_will_host(coordinator):
    willing = PublishedPracticeFactory(willing_to_host=True)
    PublishedPracticeFactory(willing_to_host=False)
    PracticeFactory(willing_to_host=True)  # a draft
    form = VisitFromPlanForm(user=coordinator)
    assert list(form.fields["practice"].queryset) == [willing]


def test_a_visit_has_exactly_one_host_place(programme, coordinator):
    tampere = PlaceFactory(name="Tampere", country="FI")
    PlaceFactory(name="Vantaa", country="FI")
    data = {"programme": programme.pk, "title": "Heritage walks"}
    form = VisitFromPlanForm(data | {"host_place": "Tampere (FI)"}, user=coordinator)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["host_place"] == tampere
    form = VisitFromPlanForm(data | {"host_place": "Tampere (FI)\nVantaa (FI)"}, user=coordinator)
    assert form.errors["host_place"] == ["Give one place."]
    form = VisitFromPlanForm(data | {"host_place": "Atlantis (GR)"}, user=coordinator)
    assert "“Atlantis (GR)” is not in the list of places" in form.errors["host_place"][0]


def test_a_task_goes_to_someone_of_the_team_or_to_nobody():
    helmi, ada = UserFactory(display_name="Helmi"), UserFactory(display_name="Ada")
    form = TaskOwnerForm({"owner": str(ada.pk)}, team=[helmi, ada])
    assert [label for _value, label in form.fields["owner"].choices] == [
        "Nobody yet",
        "Helmi",
        "Ada",
    ]
    assert form.is_valid() and form.chosen_owner() == ada
    form = TaskOwnerForm({"owner": ""}, team=[helmi])
    assert form.is_valid() and form.chosen_owner() is None
    assert not TaskOwnerForm({"owner": str(UserFactory().pk)}, team=[helmi]).is_valid()
