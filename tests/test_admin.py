"""Every model registered in the admin shows its list and its add or change page to staff."""

import pytest
from django.contrib import admin
from django.urls import reverse

from citypeers.methodology.models import ActivityFormat, TemplateVersion
from citypeers.methodology.services.loader import load_methodology

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
