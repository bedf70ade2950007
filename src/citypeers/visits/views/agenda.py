"""The team's agenda editor: days and sessions, each session changed in a plain form (htmx
swaps it in place), sessions added and deleted, and the daily time chosen for everyone."""

import datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.visits.enums import ResourceVisibility
from citypeers.visits.forms import DailyTimeForm, SessionForm
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.agenda import (
    agenda_days,
    agenda_sessions,
    daily_times,
    day_of,
    formats_for,
    local_moment,
    people_zones,
    visit_zone,
)
from citypeers.visits.selectors.pages import plan_of
from citypeers.visits.selectors.resources import with_resources
from citypeers.visits.selectors.workspace import team_of
from citypeers.visits.services.agenda_edit import (
    agenda_shift_daily_start,
    session_add,
    session_delete,
    session_update,
)
from citypeers.visits.views.guards import read_only_once_finished, visit_in_address

DEFAULT_START = datetime.time(10)
TEAM_SEES = ResourceVisibility.TEAM  # the editor is the team's: every resource, with its badge


def _page(request: HttpRequest, visit: Visit, **more) -> dict:
    zone = visit_zone(visit)
    viewer = str(getattr(request.user, "time_zone", "") or "")
    return {
        "visit": visit,
        "zone": zone,
        "viewer_zone": viewer if viewer and viewer != zone else "",
        "agenda_url": reverse("visits:agenda", args=[visit.programme.slug, visit.slug]),
        **more,
    }


def _session_form(request: HttpRequest, visit: Visit, zone: str, **kwargs) -> SessionForm:
    data = request.POST if request.method == "POST" else None
    return SessionForm(data, formats=formats_for(visit), team=team_of(visit), zone=zone, **kwargs)


def _fields(form: SessionForm, zone: str, date: datetime.date) -> dict:
    data = dict(form.cleaned_data)
    data["starts_at"] = local_moment(zone, date, data.pop("starts"))
    return data


@permission_required("visits.run_visit", visit_in_address)
def agenda(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    context = _page(request, obj)
    context |= {
        "days": agenda_days(
            obj, context["zone"], with_resources(agenda_sessions(obj), reach=TEAM_SEES)
        ),
        "plan": plan_of(obj),
        "may_edit": request.user.has_perm("visits.edit_agenda", obj),
    }
    return render(request, "visits/agenda.html", context)


@read_only_once_finished
@permission_required("visits.edit_agenda", visit_in_address)
def session_edit(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    session = get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=obj)
    zone = visit_zone(obj)
    form = _session_form(request, obj, zone, initial=SessionForm.initial_for(session, zone))
    if request.method == "POST" and form.is_valid():
        date = day_of(obj, zone, session.day).date  # the session's own day: it has a date
        try:
            session_update(session=session, by=request.user, **_fields(form, zone, date))
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            if request.headers.get("HX-Request"):
                with_resources([session], reach=TEAM_SEES)
                context = _page(request, obj, session=session, may_edit=True)
                return render(request, "visits/_agenda_session.html", context)
            messages.success(request, _("“%(title)s” is saved.") % {"title": session.shown_title})
            return redirect(f"{_page(request, obj)['agenda_url']}#session-{session.pk}")
    context = _page(request, obj, session=session, form=form)
    if request.headers.get("HX-Request"):
        return render(request, "visits/_agenda_session_form.html", context)
    return render(request, "visits/agenda_session.html", context)


@read_only_once_finished
@permission_required("visits.edit_agenda", visit_in_address)
def session_new(request: HttpRequest, programme: str, visit: str, day: int, obj: Visit):
    zone = visit_zone(obj)
    found = day_of(obj, zone, day)
    if found is None or found.date is None:
        raise Http404
    last = found.sessions[-1] if found.sessions else None
    starts = last.ends_at.astimezone(ZoneInfo(zone)).time() if last else DEFAULT_START
    initial = {"starts": starts, "minutes": 60}
    form = _session_form(request, obj, zone, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session = session_add(
                visit=obj, by=request.user, day=day, **_fields(form, zone, found.date)
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("“%(title)s” is added.") % {"title": session.shown_title})
            return redirect(f"{_page(request, obj)['agenda_url']}#session-{session.pk}")
    context = _page(request, obj, day=found, form=form)
    return render(request, "visits/agenda_session.html", context)


@read_only_once_finished
@permission_required("visits.edit_agenda", visit_in_address)
def session_remove(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    """A confirmation, then, on POST, the session deleted (cancelled once the agenda is public)."""
    session = get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=obj)
    if request.method == "POST":
        if session_delete(session=session, by=request.user) == "cancelled":
            text = _("“%(title)s” is cancelled: calendars show it so and its people are told.")
        else:
            text = _("“%(title)s” is deleted.")
        messages.success(request, text % {"title": session.shown_title})
        return redirect(_page(request, obj)["agenda_url"])
    context = _page(request, obj, session=session, published=_published(obj))
    return render(request, "visits/agenda_session_delete.html", context)


@read_only_once_finished
@permission_required("visits.edit_agenda", visit_in_address)
def daily_time(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """The best daily start times for the visit's people; one chosen is confirmed, then, on
    POST, every day's sessions move to it."""
    form = DailyTimeForm(request.POST if request.method == "POST" else request.GET or None)
    if request.method == "POST" and form.is_valid():
        time = form.cleaned_data["time"]
        moved = agenda_shift_daily_start(visit=obj, by=request.user, time=time)
        messages.success(
            request,
            ngettext(
                "Every day now starts at %(time)s (%(zone)s); %(count)s session moved.",
                "Every day now starts at %(time)s (%(zone)s); %(count)s sessions moved.",
                moved,
            )
            % {"time": time.strftime("%H:%M"), "zone": visit_zone(obj), "count": moved},
        )
        return redirect(_page(request, obj)["agenda_url"])
    chosen = form.cleaned_data["time"] if form.is_bound and form.is_valid() else None
    people = people_zones(obj)
    context = _page(request, obj, times=daily_times(obj, people), chosen=chosen, form=form)
    return render(request, "visits/agenda_daily_time.html", context)


def _published(visit: Visit) -> bool:
    plan = plan_of(visit)
    return bool(plan and plan.agenda_published)
