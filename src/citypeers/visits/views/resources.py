"""A session's resources, as its team keeps them: the list with licences and who sees each,
a resource added (its errors at the field) and one removed after a confirmation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.visits.forms import SessionResourceForm
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.resources import resources_of
from citypeers.visits.services.resources import session_resource_add, session_resource_remove
from citypeers.visits.views.guards import read_only_once_finished, visit_in_address


def _session(visit: Visit, pk: int) -> AgendaSession:
    return get_object_or_404(AgendaSession.objects.select_related("format"), pk=pk, visit=visit)


def _context(visit: Visit, session: AgendaSession, **more) -> dict:
    slugs = [visit.programme.slug, visit.slug]
    return {
        "visit": visit,
        "session": session,
        "agenda_url": reverse("visits:agenda", args=slugs) + f"#session-{session.pk}",
        "page_url": reverse("visits:session_resources", args=[*slugs, session.pk]),
        **more,
    }


@permission_required("visits.run_visit", visit_in_address)
def session_resources(request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit):
    """The team reads the list; it adds to it until the visit is over."""
    session = _session(obj, pk)
    may_edit = request.user.has_perm("visits.edit_agenda", obj)
    form = SessionResourceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(
                _("This visit is over: its workspace is kept as it was, read-only.")
            )
        if form.is_valid():
            try:
                item = session_resource_add(session=session, by=request.user, **form.cleaned_data)
            except VisitError as error:
                add_error_to_form(form, error)
            else:
                messages.success(request, _("“%(title)s” is added.") % {"title": item.title})
                return redirect(_context(obj, session)["page_url"])
    context = _context(obj, session, items=resources_of(session), form=form if may_edit else None)
    return render(request, "visits/session_resources.html", context)


@read_only_once_finished
@permission_required("visits.edit_agenda", visit_in_address)
def session_resource_delete(
    request: HttpRequest, programme: str, visit: str, pk: int, resource: int, obj: Visit
):
    """A confirmation, then, on POST, the resource removed."""
    session = _session(obj, pk)
    item = get_object_or_404(resources_of(session), pk=resource)
    context = _context(obj, session, item=item)
    if request.method == "POST":
        session_resource_remove(resource=item, by=request.user)
        messages.success(request, _("“%(title)s” is removed.") % {"title": item.title})
        return redirect(context["page_url"])
    return render(request, "visits/session_resource_delete.html", context)
