"""What changed between two template versions: an edited step is a change, matched by its key,
between any two versions, in either direction."""

import pytest

from citypeers.core.translated import text_in
from citypeers.methodology.models import TemplateVersion
from citypeers.methodology.models.templates import VERSION_FIGURES
from citypeers.methodology.selectors.changes import FieldChange, RowChange, version_changes
from citypeers.methodology.services.templates import template_save_version
from tests.factories import ActivityFormatFactory, TemplateVersionFactory

pytestmark = pytest.mark.django_db


def steps_of(version):
    return [
        {
            "key": s.key,
            "phase": s.phase,
            "role": s.role,
            "anchor": s.anchor,
            "offset_days": s.offset_days,
            "title": text_in(s, "title", "en"),
            "deliverable": text_in(s, "deliverable", "en"),
            "checklist": text_in(s, "checklist", "en"),
        }
        for s in version.steps.all()
    ]


def agenda_of(version):
    return [
        {"key": a.key, "day": a.day, "format": a.format, "minutes": a.minutes}
        for a in version.agenda.order_by("pk")
    ]


def next_version(version, *, figures=None, steps=None, agenda=None):
    return template_save_version(
        template=version.template,
        by=None,
        language="en",
        figures={name: getattr(version, name) for name in VERSION_FIGURES} | (figures or {}),
        note="",
        steps=steps_of(version) if steps is None else steps,
        agenda=agenda_of(version) if agenda is None else agenda,
    )


def changes(before, after):
    versions = TemplateVersion.objects.filter(pk__in=[before.pk, after.pk])
    loaded = {v.pk: v for v in versions.prefetch_related("steps", "agenda__format")}
    return version_changes(loaded[before.pk], loaded[after.pk])


def test_an_edited_step_is_one_change_named_by_its_new_title_not_a_removal_and_an_addition():
    first = TemplateVersionFactory()
    [step] = steps_of(first)
    edited = step | {"title": "Close the call for participants", "offset_days": -56}
    second = next_version(first, steps=[edited])
    result = changes(first, second)
    assert result.steps == (
        RowChange(
            "changed",
            "Close the call for participants",
            (
                FieldChange("days from it", "-42", "-56"),
                FieldChange("step", "Close the call", "Close the call for participants"),
            ),
        ),
    )
    assert result.settings == () and result.agenda == ()


def test_a_step_with_a_new_key_is_an_addition_and_a_dropped_one_a_removal():
    first = TemplateVersionFactory()
    [step] = steps_of(first)
    second = next_version(first, steps=[step | {"key": "", "title": "Publish the call"}])
    assert changes(first, second).steps == (
        RowChange("added", "Publish the call"),
        RowChange("removed", "Close the call"),
    )


def test_choices_are_shown_by_their_names():
    first = TemplateVersionFactory()
    [step] = steps_of(first)
    second = next_version(first, steps=[step | {"role": "host", "anchor": "end"}])
    [row] = changes(first, second).steps
    assert row.fields == (
        FieldChange("responsible", "Coordinator", "Host"),
        FieldChange("counted from", "the first day of the visit", "the last day of the visit"),
    )


def test_figures_and_agenda_changes_are_listed_with_their_labels():
    first = TemplateVersionFactory()
    agenda = agenda_of(first)
    other = ActivityFormatFactory(name={"en": "World café"})
    agenda[0] |= {"minutes": 60}
    agenda[2] |= {"format": other}
    second = next_version(first, figures={"default_days": 5, "max_days": 6}, agenda=agenda)
    result = changes(first, second)
    assert result.settings == (
        FieldChange("most days", "5", "6"),
        FieldChange("usual number of days", "4", "5"),
    )
    first_day, last_day = result.agenda
    assert first_day.kind == "changed" and first_day.name.startswith("First day: Format")
    assert first_day.fields == (FieldChange("minutes", "45", "60"),)
    assert last_day.name == "Last day: World café"
    assert [change.label for change in last_day.fields] == ["format"]
    assert last_day.fields[0].after == "World café"


def test_versions_far_apart_show_every_change_and_backwards_the_reverse():
    first = TemplateVersionFactory()
    [step] = steps_of(first)
    second = next_version(first, steps=[step | {"offset_days": -49}])
    third = next_version(second, steps=[step | {"offset_days": -56}], figures={"max_days": 6})
    forwards = changes(first, third)
    assert forwards.steps[0].fields == (FieldChange("days from it", "-42", "-56"),)
    assert forwards.settings == (FieldChange("most days", "5", "6"),)
    backwards = changes(third, first)
    assert backwards.steps[0].fields == (FieldChange("days from it", "-56", "-42"),)
    assert backwards.settings == (FieldChange("most days", "6", "5"),)
    assert changes(second, third).steps[0].fields == (FieldChange("days from it", "-49", "-56"),)


def test_a_version_compared_with_itself_has_no_change():
    version = TemplateVersionFactory()
    assert changes(version, version).is_empty
    assert not changes(version, next_version(version, figures={"max_days": 6})).is_empty


def test_a_text_changed_only_in_a_language_the_reader_does_not_see_is_a_change_in_that_language():
    first = TemplateVersionFactory()
    first.steps.update(title={"en": "Close the call", "is": "Loka"})
    second = TemplateVersionFactory(template=first.template, number=2)
    second.steps.update(title={"en": "Close the call", "de": "Aufruf schließen"})
    [step] = changes(first, second).steps
    assert step.fields == (
        FieldChange("step", "Loka", "", "is", "Íslenska"),
        FieldChange("step", "", "Aufruf schließen", "de", "Deutsch"),
    )
    assert changes(first, first).is_empty
