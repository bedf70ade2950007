"""Reading activity formats: the guide's list, filtered, and one format with its steps."""

from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.placement import rule_text
from citypeers.methodology.selectors.plan_data import Placement


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


def format_placement_texts(activity: ActivityFormat) -> list[str]:
    """The format's placement rules in plain words, in the active language."""
    rules = [
        Placement(rule["rule"], rule.get("format", ""), tuple(rule.get("modes", ())))
        for rule in activity.placement or ()
    ]
    after = {rule.after for rule in rules if rule.after}
    names = {
        other.slug: other.name
        for other in ActivityFormat.objects.filter(slug__in=after).only("slug", "name")
    }
    return [rule_text(rule, names) for rule in rules]
