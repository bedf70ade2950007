"""A call's settings form: times in the call's zone, and its questions."""

import datetime

import pytest

from citypeers.calls.forms.calls import CallForm, QuestionForm
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db


def test_the_times_of_a_stored_call_show_in_its_own_zone(programme, coordinator):
    call = CallFactory(
        programme=programme,
        time_zone="Europe/Helsinki",
        opens_at=datetime.datetime(2027, 1, 4, 7, 0, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2027, 7, 1, 20, 59, tzinfo=datetime.UTC),
    )
    form = CallForm(instance=call, user=coordinator)
    assert form.initial["opens_local"] == datetime.datetime(2027, 1, 4, 9, 0)  # winter: +2
    assert form.initial["closes_local"] == datetime.datetime(2027, 7, 1, 23, 59)  # summer: +3
    assert list(form.fields["programme"].queryset) == [programme]


@pytest.mark.parametrize(
    ("kind", "choices", "valid"),
    [
        ("single_choice", "Only", False),
        ("multiple_choice", "One\n\n  \n", False),
        ("multiple_choice", "One\nTwo", True),
        ("short_text", "", True),
    ],
)
def test_a_choice_question_needs_two_choices(kind, choices, valid):
    bound = QuestionForm(
        {
            "label_en": "Pick",
            "kind": kind,
            "choices_en": choices,
            "max_file_mb": 5,
            "file_types": "pdf",
        }
    )
    assert bound.is_valid() == valid
    if not valid:
        assert bound.errors["choices"] == ["Give at least two choices, one a line."]
