"""The shipped methodology loads once, keeps coordinators' edits, and is complete in both
languages."""

import pytest

from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.services.loader import load_methodology

pytestmark = pytest.mark.django_db


def test_the_shipped_methodology_loads_once_and_keeps_edits(methodology):
    assert methodology["formats"] >= 14
    world_cafe = ActivityFormat.objects.get(slug="world-cafe")
    world_cafe.name_en = "Our café"
    world_cafe.save()
    assert load_methodology() == {"formats": 0, "templates": 0}
    assert ActivityFormat.objects.get(slug="world-cafe").name_en == "Our café"


def test_every_format_has_complete_guidance_in_english_and_french(methodology):
    for activity in ActivityFormat.objects.prefetch_related("steps"):
        for language in ("en", "fr"):
            for field in (
                "name",
                "summary",
                "purpose",
                "when",
                "materials",
                "accessibility",
                "pitfalls",
            ):
                assert getattr(activity, f"{field}_{language}"), (activity.slug, field, language)
            assert all(getattr(step, f"text_{language}") for step in activity.steps.all())
        assert sum(step.minutes for step in activity.steps.all()) == activity.default_minutes
        for mode in activity.modes:
            assert activity.variant(mode)
