"""Coordinators edit templates as new versions; visits keep the version they were planned with."""

import pytest
from django.urls import reverse

from citypeers.methodology.models import TemplateVersion
from citypeers.visits.models import VisitPlan
from tests.factories import TemplateVersionFactory, VisitFactory

pytestmark = pytest.mark.django_db


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
