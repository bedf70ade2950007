"""Reading activity formats: the guide's list, filtered, and one format with its steps."""

from citypeers.methodology.models import ActivityFormat


def formats_matching(
    *, mode: str = "", group_size: int | None = None, duration: int | None = None
) -> list[ActivityFormat]:
    """Formats that work in `mode`, for a group of `group_size`, within `duration` minutes."""
    formats = ActivityFormat.objects.all()
    if group_size:
        formats = formats.filter(min_group__lte=group_size, max_group__gte=group_size)
    if duration:
        formats = formats.filter(min_minutes__lte=duration)
    # `modes` is a JSON list; filtering it in Python keeps SQLite and PostgreSQL alike.
    return [activity for activity in formats if not mode or mode in activity.modes]


def format_with_steps(slug: str) -> ActivityFormat:
    return ActivityFormat.objects.prefetch_related("steps").get(slug=slug)
