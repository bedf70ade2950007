"""The decision e-mails coordinators write: placeholders checked at their field."""

import pytest
from django.utils import translation

from citypeers.calls.forms.decisions import OutcomeMessagesForm
from citypeers.calls.texts.decision_mail import standard_text

pytestmark = pytest.mark.django_db


def test_an_unknown_placeholder_is_refused_with_the_list_of_those_allowed(call):
    bound = OutcomeMessagesForm({"selected": "Hi {nom}", "not_selected": "Bye {"}, call=call)
    assert bound.errors["selected"] == [
        "Unknown placeholder {nom}. The ones you can use: {name}, {call}, {visit}, "
        "{preference}, {position}, {respond_by}, {reason}."
    ]
    assert bound.errors["not_selected"][0].startswith("Unknown placeholder {.")
    assert "waitlisted" not in bound.errors


def test_only_texts_that_differ_from_the_standard_are_kept(call):
    data = {
        "selected": "  Welcome, {name}!\r\nSee you.  ",
        "waitlisted": standard_text("waitlisted").replace("\n", "\r\n"),
        "not_selected": "",
    }
    bound = OutcomeMessagesForm(data, call=call)
    assert bound.is_valid(), bound.errors
    assert bound.messages() == {"selected": "Welcome, {name}!\nSee you."}


def test_the_form_starts_from_the_calls_texts_or_the_standard_ones(call):
    call.outcome_messages = {"selected": "Our own {name}"}
    with translation.override("fr"):
        initial = OutcomeMessagesForm(call=call).initial
    assert initial["selected"] == "Our own {name}"
    assert initial["not_selected"].startswith("Bonjour {name}")
