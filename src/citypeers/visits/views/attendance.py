"""Attendance of a session: a participant checks in through the session's link; the team
marks everyone on a sheet and downloads it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.core.http import (
    export_recorded,
    export_response,
    permission_required,
    requested_export,
)
from citypeers.programmes.models import Visit
from citypeers.visits.forms import AttendanceMarkForm
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.agenda import visit_zone
from citypeers.visits.selectors.attendance import (
    attendance_of,
    attendance_sheet,
    check_in_signature,
    check_in_signature_valid,
    check_in_window,
)
from citypeers.visits.services.attendance import attendance_check_in, attendance_mark
from citypeers.visits.texts.attendance import attendance_export
from citypeers.visits.views.guards import visit_in_address

ATTENDANCE_EXPORTS = {"csv", "xlsx"}


def _session(visit: Visit, pk: int) -> AgendaSession:
    return get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=visit)


def _zones(request: HttpRequest, visit: Visit) -> dict:
    zone = visit_zone(visit)
    viewer = str(getattr(request.user, "time_zone", "") or "")
    return {"zone": zone, "viewer_zone": viewer if viewer and viewer != zone else ""}


@permission_required("visits.check_in", visit_in_address)
def check_in(
    request: HttpRequest, programme: str, visit: str, pk: int, signature: str, obj: Visit
) -> HttpResponse:
    """The session's link: during its window a press marks the person present (or late)."""
    session = _session(obj, pk)
    if not check_in_signature_valid(session, signature):
        raise Http404
    if request.method == "POST":
        try:
            attendance_check_in(session=session, person=request.user)
        except VisitError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You are checked in. Welcome!"))
        return redirect(request.path)
    context = {
        "visit": obj,
        "session": session,
        "state": check_in_window(session).state(timezone.now()),
        "window": check_in_window(session),
        "attendance": attendance_of(session, request.user),
        **_zones(request, obj),
    }
    return render(request, "visits/check_in.html", context)


@permission_required("visits.run_visit", visit_in_address)
def attendance(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit
) -> HttpResponse:
    """The team's sheet: everyone on the visit with their mark, a form per person, exports."""
    session = _session(obj, pk)
    rows = attendance_sheet(session)
    if export_format := requested_export(request):
        if export_format not in ATTENDANCE_EXPORTS:
            raise Http404
        headers, table = attendance_export(rows, zone=visit_zone(obj))
        name = f"{obj.slug}-session-{session.pk}-attendance"
        export_recorded(request, session, what="attendance", rows=len(table))
        return export_response(
            headers=headers, rows=table, filename=name, export_format=export_format
        )
    may_mark = request.user.has_perm("visits.mark_attendance", obj)
    if request.method == "POST":
        if not may_mark:
            raise PermissionDenied(_("This visit is over: its attendance is kept as it was."))
        form = AttendanceMarkForm(request.POST, people=[row.entry.user for row in rows])
        if form.is_valid():
            attendance_mark(session=session, by=request.user, **form.cleaned_data)
            person = form.cleaned_data["person"]
            messages.success(request, _("Attendance of %(person)s saved.") % {"person": person})
        else:
            messages.error(request, _("Choose a person of the visit and their attendance."))
        return redirect(request.path)
    link = reverse("visits:check_in", args=[programme, visit, pk, check_in_signature(session)])
    context = {
        "visit": obj,
        "session": session,
        "rows": rows,
        "may_mark": may_mark,
        "statuses": AttendanceMarkForm.base_fields["status"].choices,
        "check_in_url": request.build_absolute_uri(link),
        **_zones(request, obj),
    }
    return render(request, "visits/attendance.html", context)
