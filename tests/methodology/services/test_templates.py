"""Saving a template: every edit is the next immutable version, nothing is saved when nothing
changed, the texts of other languages and the steps' keys carry over, visits keep theirs."""

import pytest

from citypeers.core.errors import MethodologyError
from citypeers.core.models import AuditEntry
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.models import TemplateVersion
from citypeers.methodology.models.templates import VERSION_FIGURES
from citypeers.methodology.services.templates import template_save_version
from citypeers.visits.models import VisitPlan
from tests.factories import ActivityFormatFactory, TemplateVersionFactory, VisitFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def as_edited(version):
    """What the edit form submits for `version` unchanged: figures, steps and agenda."""
    steps = [
        {
            "key": step.key,
            "phase": step.phase,
            "role": step.role,
            "anchor": step.anchor,
            "offset_days": step.offset_days,
            "title": text_in(step, "title", "en"),
            "deliverable": text_in(step, "deliverable", "en"),
            "checklist": text_in(step, "checklist", "en"),
        }
        for step in version.steps.all()
    ]
    agenda = [
        {"key": item.key, "day": item.day, "format": item.format, "minutes": item.minutes}
        for item in version.agenda.order_by("pk")
    ]
    return {name: getattr(version, name) for name in VERSION_FIGURES}, steps, agenda


def save(version, by, *, language="en", note="An edit", figures=None, steps=None, agenda=None):
    current_figures, current_steps, current_agenda = as_edited(version)
    return template_save_version(
        template=version.template,
        by=by,
        language=language,
        figures=current_figures | (figures or {}),
        note=note,
        steps=current_steps if steps is None else steps,
        agenda=current_agenda if agenda is None else agenda,
    )


def test_an_edit_is_saved_as_the_next_version_and_the_earlier_one_is_untouched(coordinator):
    first = TemplateVersionFactory()
    second = save(first, coordinator, figures={"default_days": 5}, note="Longer visits")
    assert (second.number, second.default_days, second.note) == (2, 5, "Longer visits")
    assert second.created_by == coordinator
    assert TemplateVersion.objects.get(pk=first.pk).default_days == 4
    third = save(second, coordinator, figures={"default_participants": 30})
    assert third.number == 3
    assert list(first.template.versions.values_list("number", flat=True)) == [3, 2, 1]


def test_saving_what_is_already_there_saves_nothing_and_records_nothing(coordinator):
    version = TemplateVersionFactory()
    assert save(version, coordinator, note="Only a note") is None
    assert version.template.versions.count() == 1
    assert not AuditEntry.objects.filter(action="template.version_saved").exists()


def test_a_saved_version_is_recorded_with_its_number_and_note(coordinator):
    version = TemplateVersionFactory()
    save(version, coordinator, figures={"max_days": 6}, note="Room for a sixth day")
    entry = AuditEntry.objects.get(action="template.version_saved")
    assert entry.actor == coordinator
    assert entry.changes == {"version": 2, "note": "Room for a sixth day"}


def test_visits_planned_with_a_version_keep_it_after_an_edit(coordinator):
    version = TemplateVersionFactory()
    plan = VisitPlan.objects.create(
        visit=VisitFactory(), template_version=version, time_zone="UTC", participants=20
    )
    save(version, coordinator, figures={"default_days": 3})
    plan.refresh_from_db()
    assert plan.template_version == version
    assert plan.template_version.default_days == 4


def test_steps_keep_their_key_and_new_ones_get_one_of_their_own(coordinator):
    version = TemplateVersionFactory()
    _figures, steps, _agenda = as_edited(version)
    added = steps[0] | {"key": "", "title": "Send the briefing", "phase": 6, "offset_days": -7}
    new = save(version, coordinator, steps=[*steps, added])
    keys = dict(new.steps.values_list("title__en", "key"))
    assert keys["Close the call"] == "s1"
    assert keys["Send the briefing"].startswith("s") and keys["Send the briefing"] != "s1"


def test_steps_are_numbered_within_their_phase(coordinator):
    version = TemplateVersionFactory()
    _figures, [step], _agenda = as_edited(version)
    steps = [
        step | {"key": "", "title": "Publish the call", "phase": 4},
        step,
        step | {"key": "", "title": "Choose the host", "phase": 2},
    ]
    new = save(version, coordinator, steps=steps)
    assert [(s.phase, s.position, text_in(s, "title", "en")) for s in new.steps.all()] == [
        (2, 0, "Choose the host"),
        (4, 0, "Publish the call"),
        (4, 1, "Close the call"),
    ]


def test_a_french_edit_keeps_the_english_and_a_text_left_empty_stays_untranslated(coordinator):
    version = TemplateVersionFactory()
    _figures, [step], _agenda = as_edited(version)
    # The French form shows each text in French, empty where there is none yet: the title is
    # translated, the deliverable and the checklist are left empty.
    french = step | {"title": "Clore l'appel", "deliverable": "", "checklist": ""}
    new = save(version, coordinator, language="fr", steps=[french | {"offset_days": -49}])
    saved = new.steps.get()
    assert (text_in(saved, "title", "en"), text_in(saved, "title", "fr")) == (
        "Close the call",
        "Clore l'appel",
    )
    assert (
        text_in(saved, "deliverable", "en") == "Applications"
        and text_in(saved, "deliverable", "fr") == ""
    )
    assert text_in(saved, "checklist", "fr") == ""


def test_a_german_edit_alone_is_a_new_version_and_changes_only_the_german(coordinator):
    version = TemplateVersionFactory()
    version.steps.update(title={"en": "Close the call", "fr": "Clore l'appel", "is": "Loka"})
    _figures, [step], _agenda = as_edited(version)
    german = step | {"title": "Aufruf schließen", "deliverable": "Bewerbungen", "checklist": ""}
    new = save(version, coordinator, language="de", steps=[german])
    assert new is not None and new.number == 2
    saved = new.steps.get()
    assert translations_of(saved, "title") == {
        "en": "Close the call",
        "fr": "Clore l'appel",
        "is": "Loka",
        "de": "Aufruf schließen",
    }
    assert translations_of(saved, "deliverable") == {"en": "Applications", "de": "Bewerbungen"}
    assert translations_of(saved, "checklist") == {"en": "Every application complete"}


def test_an_english_edit_keeps_the_french_of_the_version_before(coordinator):
    version = TemplateVersionFactory()
    version.steps.update(title={"en": "Close the call", "fr": "Clore l'appel"})
    _figures, [step], _agenda = as_edited(version)
    new = save(version, coordinator, steps=[step | {"title": "Close the call for participants"}])
    saved = new.steps.get()
    assert text_in(saved, "title", "en") == "Close the call for participants"
    assert text_in(saved, "title", "fr") == "Clore l'appel"


def test_a_day_whose_sessions_exceed_the_daily_limit_is_refused_and_nothing_is_saved(
    coordinator,
):
    version = TemplateVersionFactory()
    _figures, _steps, agenda = as_edited(version)
    extra = {"key": "", "day": "middle", "format": ActivityFormatFactory(), "minutes": 90}
    with pytest.raises(MethodologyError) as refused:
        save(version, coordinator, agenda=[*agenda, extra])
    assert refused.value.field == "daily_minutes_max"
    assert "Each day in between: the sessions add up to 135 minutes" in refused.value.message
    assert version.template.versions.count() == 1


def test_no_daily_limit_allows_long_days(coordinator):
    version = TemplateVersionFactory()
    _figures, _steps, agenda = as_edited(version)
    extra = {"key": "", "day": "middle", "format": ActivityFormatFactory(), "minutes": 90}
    new = save(version, coordinator, figures={"daily_minutes_max": 0}, agenda=[*agenda, extra])
    assert new.agenda.filter(day="middle").count() == 2


def test_agenda_items_are_ordered_within_their_day_and_keep_their_keys(coordinator):
    version = TemplateVersionFactory()
    _figures, _steps, agenda = as_edited(version)
    opener = {"key": "", "day": "first", "format": ActivityFormatFactory(), "minutes": 30}
    new = save(version, coordinator, agenda=[opener, *agenda])
    first_day = list(new.agenda.filter(day="first").order_by("position"))
    assert [item.minutes for item in first_day] == [30, 45]
    assert first_day[1].key == "a-first" and first_day[0].key.startswith("a")


def test_the_first_version_of_a_template_without_versions_is_number_one(coordinator):
    version = TemplateVersionFactory()
    figures, steps, agenda = as_edited(version)
    template = version.template
    version.delete()
    new = template_save_version(
        template=template,
        by=coordinator,
        language="en",
        figures=figures,
        note="From scratch",
        steps=steps,
        agenda=agenda,
    )
    assert new.number == 1 and new.steps.count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_edit_saved_twice_at_once_makes_one_version(coordinator):
    """The second save (a double click) builds on the first's version, finds nothing changed
    and saves nothing (it took the same number and failed with an error page)."""
    first = TemplateVersionFactory()
    edit = as_edited(first)

    def save_edit():
        figures, steps, agenda = edit
        return template_save_version(
            template=first.template,
            by=coordinator,
            language="en",
            figures=figures | {"default_days": 5},
            note="Longer visits",
            steps=steps,
            agenda=agenda,
        )

    saved, again = race(
        save_edit, save_edit, hold_after="citypeers.methodology.services.templates.log_action"
    )
    assert (saved.error, again.error) == (None, None)
    assert saved.result.number == 2 and again.result is None
    assert list(first.template.versions.values_list("number", flat=True)) == [2, 1]
