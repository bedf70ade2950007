"""Calendars: a person's subscription page and secret feed, and a visit's public `.ics`."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _

from citypeers.visits.selectors.breakouts import my_breakout_notes
from citypeers.visits.selectors.feeds import (
    active_feed,
    calendar_of,
    calendar_version,
    feed_of_token,
    newest_change,
    person_calendar_name,
    sessions_for_person,
    sessions_for_visit,
)
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.selectors.rooms import calendar_rooms
from citypeers.visits.services.feeds import calendar_feed_renew, calendar_feed_stop
from citypeers.visits.texts.calendar import calendar_ics
from citypeers.visits.views.guards import visit_in_address

# Calendar clients poll; a few minutes of reuse spares the server without hiding a change long.
FEED_MAX_AGE = 300


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """The person's subscription address (https and webcal), to copy into a calendar."""
    feed = active_feed(request.user)
    context = {"feed": feed}
    if feed:
        address = settings.SITE_URL + reverse("visits:calendar_feed", args=[feed.token])
        context |= {"https_url": address, "webcal_url": "webcal://" + address.split("://", 1)[1]}
    return render(request, "visits/calendar.html", context)


@login_required
def calendar_renew(request: HttpRequest) -> HttpResponse:
    """GET: what a new address does to the old one; POST: a new address."""
    if request.method == "POST":
        calendar_feed_renew(user=request.user)
        messages.success(request, _("Your calendar has a new address: add it to your calendar."))
        return redirect("visits:calendar")
    context = {"action": "renew", "feed": active_feed(request.user)}
    return render(request, "visits/calendar_confirm.html", context)


@login_required
def calendar_stop(request: HttpRequest) -> HttpResponse:
    """GET: what stopping does; POST: the address stops working."""
    if request.method == "POST":
        if calendar_feed_stop(user=request.user):
            messages.success(request, _("Your calendar's address no longer works."))
        return redirect("visits:calendar")
    context = {"action": "stop", "feed": active_feed(request.user)}
    return render(request, "visits/calendar_confirm.html", context)


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The person's sessions, for calendar clients: no log-in, the secret address is the key."""
    feed = feed_of_token(token)
    if feed is None:
        raise Http404
    sessions = sessions_for_person(feed.user)
    rooms = calendar_rooms(feed.user, sessions)
    notes = my_breakout_notes(feed.user, sessions)
    name = person_calendar_name()
    response = _ics(request, name, sessions, since=feed.created_at, rooms=rooms, notes=notes)
    patch_cache_control(response, private=True, max_age=FEED_MAX_AGE)
    response["X-Robots-Tag"] = "noindex"
    return response


def visit_ics(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    """A visit's published agenda as one `.ics`, for anyone (no room links); 404 before."""
    obj = visit_in_address(programme=programme, visit=visit)
    plan = plan_of(obj)
    if plan is None or not plan.agenda_published:
        raise Http404
    response = _ics(request, obj.title, sessions_for_visit(obj), since=plan.created_at)
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    response["Content-Disposition"] = f'attachment; filename="{obj.slug}.ics"'
    return response


def _ics(
    request,
    name: str,
    sessions: list,
    *,
    since: datetime.datetime,
    rooms: dict | None = None,
    notes: dict | None = None,
) -> HttpResponse:
    """The calendar, or 304 when the client's copy (ETag, Last-Modified) is still right; `rooms`
    and `notes` only in a person's own feed."""
    etag = f'"{calendar_version(sessions, rooms, notes)}"'
    stamp = newest_change(sessions, since=since)
    response = get_conditional_response(request, etag=etag, last_modified=int(stamp.timestamp()))
    if response is None:
        calendar = calendar_of(name=name, sessions=sessions, rooms=rooms, notes=notes)
        body = calendar_ics(calendar, now=stamp)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp.timestamp())
    return response
