"""Template filters for dates, times and numbers: `{% load dates %}` (see core.dates).

{{ visit.starts_on|date_long }}              8 February 2027 / 8 février 2027
{{ task.due_on|date_short }}                 8 Feb 2027 / 8 févr. 2027
{{ visit.starts_on|date_weekday }}           Monday 8 February 2027
{{ call.closes_at|datetime_long:call.time_zone }}  8 February 2027, 17:00 (Europe/Brussels)
{{ message.sent_at|datetime_short }}         in the viewer's zone, named
{{ place.population|number }}                12,500 / 12 500
"""

from django import template

from citypeers.core import dates

register = template.Library()


@register.filter
def date_long(value):
    return dates.format_date(value, "long")


@register.filter
def date_short(value):
    return dates.format_date(value, "short")


@register.filter
def date_weekday(value):
    return dates.format_date(value, "weekday")


@register.filter
def date_short_weekday(value):
    return dates.format_date(value, "short_weekday")


@register.filter
def datetime_long(value, zone=None):
    return dates.format_datetime(value, zone, "long")


@register.filter
def datetime_short(value, zone=None):
    return dates.format_datetime(value, zone, "short")


@register.filter
def datetime_weekday(value, zone=None):
    return dates.format_datetime(value, zone, "weekday")


@register.filter
def time_zoned(value, zone=None):
    return dates.format_time(value, zone)


@register.filter
def number(value, decimal_pos=None):
    return dates.format_number(value, decimal_pos)
