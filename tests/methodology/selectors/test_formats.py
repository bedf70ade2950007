"""The guide's list of formats, filtered by mode, group size and the time available."""

import pytest

from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.formats import format_with_steps, formats_matching
from tests.factories import ActivityFormatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def formats():
    return {
        "tour": ActivityFormatFactory(
            slug="tour", modes=["online"], min_group=2, max_group=100, min_minutes=30
        ),
        "walk": ActivityFormatFactory(
            slug="walk",
            modes=["onsite"],
            min_group=6,
            max_group=20,
            min_minutes=60,
            max_minutes=120,
            default_minutes=90,
            steps=[90],
        ),
        "cafe": ActivityFormatFactory(
            slug="cafe",
            modes=["onsite", "online", "hybrid"],
            min_group=12,
            max_group=48,
            min_minutes=45,
        ),
    }


def slugs(**filters):
    return {activity.slug for activity in formats_matching(**filters)}


def test_no_filter_lists_every_format_in_the_guides_order(formats):
    ActivityFormat.objects.filter(slug="cafe").update(position=0)
    ActivityFormat.objects.filter(slug="tour").update(position=5)
    ActivityFormat.objects.filter(slug="walk").update(position=9)
    assert [a.slug for a in formats_matching()] == ["cafe", "tour", "walk"]


def test_mode_keeps_the_formats_that_work_in_it(formats):
    assert slugs(mode="online") == {"tour", "cafe"}
    assert slugs(mode="hybrid") == {"cafe"}
    assert slugs(mode="onsite") == {"walk", "cafe"}


@pytest.mark.parametrize(
    ("size", "expected"),
    [(2, {"tour"}), (6, {"tour", "walk"}), (12, {"tour", "walk", "cafe"}), (48, {"tour", "cafe"})],
)
def test_group_size_keeps_formats_whose_range_includes_it_at_both_ends(formats, size, expected):
    assert slugs(group_size=size) == expected


def test_duration_keeps_formats_that_can_be_run_in_that_time(formats):
    assert slugs(duration=30) == {"tour"}
    assert slugs(duration=45) == {"tour", "cafe"}
    assert slugs(duration=60) == {"tour", "cafe", "walk"}


def test_filters_combine(formats):
    assert slugs(mode="online", group_size=20, duration=45) == {"tour", "cafe"}
    assert slugs(mode="onsite", group_size=8, duration=45) == set()


def test_one_format_comes_with_its_steps_in_order_or_not_at_all(formats):
    walk = format_with_steps("walk")
    assert [step.minutes for step in walk.steps.all()] == [90]
    with pytest.raises(ActivityFormat.DoesNotExist):
        format_with_steps("nothing-here")
