"""What calls keep about a person (calls.personal_data): their export holds everything the
application form asked them."""

import pytest

from citypeers.calls.forms.applications import ApplicationForm
from citypeers.calls.forms.hosts import HostApplicationForm
from citypeers.calls.models import Application
from citypeers.calls.services.applications import application_save
from citypeers.people.personal_data import personal_data_export
from tests.calls.helpers import complete, proposal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _exported_application(person) -> dict:
    [kind] = [k for k in personal_data_export(user=person) if k["key"] == "calls.applications"]
    [row] = kind["records"]
    return row


def _asked(form) -> list:
    """The application's own fields the form asks (not its ranked visits nor the questions)."""
    columns = {field.name: field for field in Application._meta.concrete_fields}
    return [columns[name] for name in form.fields if name in columns]


def _sent(form, call, person) -> None:
    assert form.is_valid(), form.errors
    application_save(
        call=call,
        applicant=person,
        fields=form.fields_for_model(),
        preferences=form.chosen_visits(),
        answers={},
        files={},
        consent=True,
        submit=True,
    )


def test_the_export_holds_every_field_a_participant_filled_in(two_visit_call):
    person = UserFactory()
    form = ApplicationForm(
        complete(two_visit_call, access_needs="A quiet room."), call=two_visit_call, submitting=True
    )
    _sent(form, two_visit_call, person)
    row = _exported_application(person)
    asked = _asked(form)
    assert {"role", "learning_needs", "access_needs"} <= {field.name for field in asked}
    assert [str(field.verbose_name) for field in asked if str(field.verbose_name) not in row] == []
    assert row[str(Application._meta.get_field("access_needs").verbose_name)] == "A quiet room."


def test_the_export_holds_every_field_of_a_hosts_proposal(host_call, city):
    person, practice = city
    form = HostApplicationForm(
        proposal(practice), call=host_call, submitting=True, organisation=person.organisation
    )
    _sent(form, host_call, person)
    row = _exported_application(person)
    asked = _asked(form)
    assert {"practice", "proposed_topic", "motivation"} <= {field.name for field in asked}
    assert [str(field.verbose_name) for field in asked if str(field.verbose_name) not in row] == []
    topic = str(Application._meta.get_field("proposed_topic").verbose_name)
    assert row[topic] == "Volunteers who adopt a monument"
