"""Online rooms and the printable agenda: a programme's room settings (named
`programmes:rooms`, wired by the project's urls, since the rooms core lives here), joining a
session's room or a breakout group's, and the agenda on paper."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Programme, Visit
from citypeers.visits.enums import ResourceVisibility
from citypeers.visits.forms import RoomSettingsForm
from citypeers.visits.models import AgendaSession
from citypeers.visits.permissions import resource_reach
from citypeers.visits.rooms import RoomLinks
from citypeers.visits.selectors.breakouts import breakout_group_indexes
from citypeers.visits.selectors.pages import plan_of, visit_for_page
from citypeers.visits.selectors.resources import with_resources
from citypeers.visits.selectors.rooms import group_links, session_links
from citypeers.visits.services.rooms import bbb_meeting_open, programme_rooms_save
from citypeers.visits.views.guards import visit_in_address


def _programme(*, slug: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=slug)


@permission_required("programmes.change_rooms", _programme)
def programme_rooms(request: HttpRequest, slug: str, obj: Programme) -> HttpResponse:
    """The programme's coordinators choose where its online sessions meet."""
    form = RoomSettingsForm(request.POST or None, programme=obj)
    if request.method == "POST" and form.is_valid():
        try:
            programme_rooms_save(programme=obj, by=request.user, **form.cleaned_data)
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The online rooms are saved."))
            return redirect("programmes:rooms", slug=obj.slug)
    return render(request, "visits/programme_rooms.html", {"programme": obj, "form": form})


@permission_required("visits.join_room", visit_in_address)
def join(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit) -> HttpResponse:
    """Into the session's room: on BigBlueButton the meeting is created first; a server that
    fails sends the person back to the visit's page with the reason."""
    session = get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=obj)
    return _enter(request, session_links(session, request.user), programme, visit)


@permission_required("visits.join_room", visit_in_address)
def join_group(
    request: HttpRequest, programme: str, visit: str, pk: int, group: int, obj: Visit
) -> HttpResponse:
    """Into a breakout group's room (the group shown from 1), as `join` does for a session;
    404 while the session's groups are not made, or for a group it does not have."""
    session = get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=obj)
    if group - 1 not in breakout_group_indexes(session):
        raise Http404(_("This session has no such group."))
    return _enter(request, group_links(session, group - 1, request.user), programme, visit)


def _enter(request: HttpRequest, links: RoomLinks | None, programme: str, visit: str):
    if links is None:
        raise Http404(_("This session has no online room."))
    if links.create_url is not None:
        try:
            bbb_meeting_open(links=links)
        except VisitError as error:
            messages.error(request, error.message)
            return redirect("visits:visit", programme=programme, visit=visit)
    return redirect(links.join_url)


def agenda_print(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    """The published agenda on paper, in the visit's zone and the reader's; the team reads it
    before it is published, nobody else does."""
    try:
        obj = visit_for_page(programme, visit)
    except Visit.DoesNotExist:
        raise Http404 from None
    plan = plan_of(obj)
    if plan is None:
        raise Http404
    if not plan.agenda_published and not request.user.has_perm("visits.run_visit", obj):
        raise Http404
    reach = resource_reach(request.user, obj)
    sessions = [s for s in obj.sessions.all() if s.cancelled_at is None]
    context = {
        "visit": obj,
        "plan": plan,
        "sessions": with_resources(sessions, reach=reach),
        "sees_every_resource": reach == ResourceVisibility.TEAM,
        "viewer_zone": getattr(request.user, "time_zone", None),
    }
    return render(request, "visits/agenda_print.html", context)
