"""Every model registered in the admin shows its list and its add or change page to staff."""

import pytest
from django.contrib import admin
from django.urls import reverse

from citypeers.methodology.models import ActivityFormat, TemplateVersion
from citypeers.methodology.services.loader import load_methodology
from tests.factories import ActivityFormatFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_every_admin_list_opens_for_staff(client, staff):
    staff.is_superuser = True
    staff.save()
    load_methodology()
    client.force_login(staff)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
    version = TemplateVersion.objects.first()
    assert (
        client.get(
            reverse("admin:methodology_templateversion_change", args=[version.pk])
        ).status_code
        == 200
    )
    activity = ActivityFormat.objects.first()
    page = client.get(reverse("admin:methodology_activityformat_change", args=[activity.pk]))
    assert page.status_code == 200 and "Ice-breaker" in page.text


def test_the_admin_finds_translated_texts_by_their_accented_words(client, staff):
    staff.is_superuser = True
    staff.save()
    ThemeFactory(name={"en": "Adaptive reuse", "fr": "Réemploi adaptatif"})
    ThemeFactory(name={"en": "Participation"})
    ActivityFormatFactory(name={"en": "Walk", "de": "Stadtspaziergang über Brücken"})
    client.force_login(staff)

    themes = client.get(reverse("admin:programmes_theme_changelist"), {"q": "réemploi"})
    formats = client.get(reverse("admin:methodology_activityformat_changelist"), {"q": "über"})

    assert "Adaptive reuse" in themes.text and "Participation" not in themes.text
    assert "Walk" in formats.text


def test_a_new_theme_gets_no_slug_made_from_one_of_its_languages(client, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    page = client.get(reverse("admin:programmes_theme_add"))
    assert page.status_code == 200 and 'data-prepopulated-fields="[]"' in page.text
