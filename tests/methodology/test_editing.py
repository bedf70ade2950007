"""Coordinators edit formats in place and templates as new versions."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.methodology.models import ActivityFormat, TemplateVersion
from citypeers.visits.models import VisitPlan
from tests.factories import ActivityFormatFactory, TemplateVersionFactory, VisitFactory

pytestmark = pytest.mark.django_db


def format_data(activity, **changes):
    data = {
        "name": activity.name_en,
        "summary": activity.summary_en,
        "stage": activity.stage,
        "modes": activity.modes,
        "roles": activity.roles,
        "min_group": activity.min_group,
        "max_group": activity.max_group,
        "min_minutes": activity.min_minutes,
        "max_minutes": activity.max_minutes,
        "default_minutes": activity.default_minutes,
        "purpose": activity.purpose_en,
        "when": activity.when_en,
        "steps-TOTAL_FORMS": 2,
        "steps-INITIAL_FORMS": 2,
        "steps-0-minutes": 15,
        "steps-0-text": "Welcome",
        "steps-1-minutes": 30,
        "steps-1-text": "Talk in pairs",
    }
    return data | changes


def test_a_coordinator_edits_a_format_and_its_steps(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    response = client.post(url, format_data(activity, name="Pair walk"))
    assert response["Location"] == activity.get_absolute_url()
    activity.refresh_from_db()
    assert activity.name_en == "Pair walk"
    assert [s.text for s in activity.steps.all()] == ["Welcome", "Talk in pairs"]


def test_steps_that_do_not_add_up_are_refused_at_the_usual_length(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    response = client.post(url, format_data(activity, name="Changed", default_minutes=60))
    assert 'href="#id_default_minutes"' in response.text
    assert "add up to 45 minutes" in response.text
    assert "Changed" in response.text  # what was typed is still there
    assert ActivityFormat.objects.get(pk=activity.pk).name_en != "Changed"


def test_editing_in_french_leaves_untranslated_texts_untranslated(client, coordinator):
    activity = ActivityFormatFactory(name_fr="Marche en binômes")
    client.force_login(coordinator)
    with translation.override("fr"):
        url = reverse("methodology:format_edit", args=[activity.slug])
        form = client.get(url).text
        assert activity.purpose_en in form  # the English shown as the text to translate
        client.post(url, format_data(activity, name="Marche à deux", summary="Un résumé."))
    activity.refresh_from_db()
    assert (activity.name_fr, activity.summary_fr) == ("Marche à deux", "Un résumé.")
    assert activity.purpose_fr in ("", None)  # left as the English: still untranslated
    assert activity.name_en.startswith("Format")


def version_data(version, **changes):
    step = version.steps.get()
    data = {
        "min_days": 3,
        "max_days": 5,
        "default_days": 4,
        "daily_minutes_max": 120,
        "default_participants": 24,
        "session_start": "10:00",
        "note": "Earlier call",
        "steps-TOTAL_FORMS": 1,
        "steps-INITIAL_FORMS": 1,
        "steps-0-key": step.key,
        "steps-0-phase": 4,
        "steps-0-title": step.title_en,
        "steps-0-role": "coordinator",
        "steps-0-offset_days": -42,
        "steps-0-anchor": "start",
        "steps-0-deliverable": step.deliverable_en,
        "steps-0-checklist": step.checklist_en,
        "agenda-TOTAL_FORMS": 3,
        "agenda-INITIAL_FORMS": 3,
    }
    for number, item in enumerate(version.agenda.order_by("pk")):
        data |= {
            f"agenda-{number}-key": item.key,
            f"agenda-{number}-day": item.day,
            f"agenda-{number}-format": item.format_id,
            f"agenda-{number}-minutes": item.minutes,
        }
    return data | changes


def test_a_template_edit_is_a_new_version_and_planned_visits_keep_theirs(client, coordinator):
    version = TemplateVersionFactory()
    visit = VisitFactory()
    VisitPlan.objects.create(
        visit=visit, template_version=version, time_zone="UTC", participants=20
    )
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    response = client.post(url, version_data(version, **{"steps-0-offset_days": -56}))
    new = TemplateVersion.objects.get(template=version.template, number=2)
    assert response["Location"].endswith("?from=1&to=2")
    assert new.note == "Earlier call" and new.created_by == coordinator
    assert new.steps.get().offset_days == -56 and version.steps.get().offset_days == -42
    assert VisitPlan.objects.get(visit=visit).template_version == version
    changes = client.get(response["Location"]).text
    assert (
        "Close the call" in changes and "<del>-42</del>" in changes and "<ins>-56</ins>" in changes
    )


def test_saving_without_a_change_makes_no_version(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    client.post(
        reverse("methodology:template_edit", args=[version.template.slug]), version_data(version)
    )
    assert version.template.versions.count() == 1


def test_agenda_minutes_outside_the_format_or_the_day_are_refused(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    response = client.post(url, version_data(version, **{"agenda-0-minutes": 200}))
    assert 'href="#id_agenda-0-minutes"' in response.text
    response = client.post(url, version_data(version, daily_minutes_max=40))
    assert 'href="#id_daily_minutes_max"' in response.text
    assert "more than the daily 40" in response.text
    assert version.template.versions.count() == 1


def test_a_coordinator_adds_a_format_that_the_guide_then_lists(client, coordinator):
    ActivityFormatFactory()
    client.force_login(coordinator)
    blank = ActivityFormat(
        stage="exchange",
        modes=["online"],
        roles=["facilitator"],
        min_group=4,
        max_group=12,
        min_minutes=30,
        max_minutes=90,
        default_minutes=45,
        name_en="Story circle",
        summary_en="Stories.",
        purpose_en="To listen.",
        when_en="Day two.",
    )
    response = client.post(reverse("methodology:format_create"), format_data(blank))
    created = ActivityFormat.objects.get(slug="story-circle")
    assert response["Location"] == created.get_absolute_url()
    assert created.position > ActivityFormat.objects.exclude(pk=created.pk).get().position
    assert "Story circle" in client.get(reverse("methodology:formats")).text
