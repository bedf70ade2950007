import zoneinfo

from django.utils import timezone


class UserTimeZoneMiddleware:
    """Shows times in the signed-in person's own time zone (stored in UTC regardless)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = getattr(request.user, "time_zone", None) if request.user.is_authenticated else None
        if isinstance(zone, zoneinfo.ZoneInfo):
            timezone.activate(zone)
        else:
            timezone.deactivate()
        return self.get_response(request)
