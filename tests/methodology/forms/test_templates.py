"""A template's edit form: figures that make sense, sessions within their format's length,
steps in one language with the text to translate from beside them."""

import pytest

from citypeers.methodology.forms.templates import (
    AgendaItemForm,
    StepForm,
    StepReference,
    VersionForm,
    agenda_initial,
    step_initial,
)
from citypeers.methodology.models import StepTemplate
from tests.factories import ActivityFormatFactory, TemplateVersionFactory

pytestmark = pytest.mark.django_db
FIGURES = {
    "min_days": 3,
    "max_days": 5,
    "default_days": 4,
    "daily_minutes_max": 120,
    "default_participants": 24,
    "session_start": "10:00",
    "note": "Why",
}


def test_the_usual_number_of_days_must_lie_in_the_range():
    form = VersionForm(FIGURES | {"default_days": 6})
    assert form.errors == {
        "default_days": ["The usual number of days must lie between the fewest and the most."]
    }
    assert VersionForm(FIGURES).is_valid()


def test_a_note_is_asked_for_so_others_know_why():
    assert list(VersionForm(FIGURES | {"note": ""}).errors) == ["note"]


def test_a_session_must_last_what_its_format_allows():
    activity = ActivityFormatFactory(name={"en": "World café"}, min_minutes=45, max_minutes=90)
    form = AgendaItemForm({"day": "first", "format": activity.pk, "minutes": 30})
    assert form.errors == {"minutes": ["World café takes 45 to 90 minutes."]}
    assert AgendaItemForm({"day": "first", "format": activity.pk, "minutes": 90}).is_valid()


def test_steps_start_from_the_edited_language_with_the_english_beside_them():
    version = TemplateVersionFactory()
    StepTemplate.objects.filter(version=version).update(
        title={"en": "Close the call", "fr": "Clore l'appel"}
    )
    [step] = step_initial(version, "fr")
    assert step["title"] == "Clore l'appel"
    assert step["deliverable"] == ""  # not translated yet: empty, the English stands beside
    assert step["reference"] == StepReference(
        "en", "English", "Close the call", "Applications", "Every application complete"
    )
    assert (step["key"], step["phase"], step["offset_days"]) == ("s1", 4, -42)
    [english] = step_initial(version, "en")
    assert english["reference"] is None and english["deliverable"] == "Applications"


def test_a_step_without_english_is_translated_from_its_first_language():
    version = TemplateVersionFactory()
    StepTemplate.objects.filter(version=version).update(
        title={"el": "Κλείσιμο", "fr": "Clore l'appel"}, deliverable={}, checklist={}
    )
    [step] = step_initial(version, "de")
    # The first in the platform's order of languages, as in the side-by-side forms.
    assert (step["reference"].language, step["reference"].title) == ("el", "Κλείσιμο")


STEP = {"phase": 4, "role": "coordinator", "offset_days": -42, "anchor": "start"}


def test_a_translation_may_stay_empty_but_a_step_needs_a_title_in_some_language():
    version = TemplateVersionFactory()
    [initial] = step_initial(version, "de")
    posted = {**STEP, "key": initial["key"], "title": ""}
    untranslated = StepForm(posted, initial=initial, language="de")
    assert untranslated.is_valid(), untranslated.errors
    assert 'lang="de"' in str(untranslated["title"])
    [english] = step_initial(version, "en")
    emptied = StepForm(posted, initial=english, language="en")
    assert list(emptied.errors) == ["title"]
    assert list(StepForm({**STEP, "title": ""}, language="de").errors) == ["title"]  # a new step


def test_the_agenda_starts_in_the_order_of_the_days():
    version = TemplateVersionFactory()
    assert [item["day"] for item in agenda_initial(version)] == ["first", "middle", "last"]
    assert [item["key"] for item in agenda_initial(version)] == ["a-first", "a-middle", "a-last"]
