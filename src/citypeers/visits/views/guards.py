"""What the visit pages share: the visit from the address, and refusals with their reason."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from citypeers.programmes.models import Visit
from citypeers.visits.permissions import has_a_plan, is_finished_visit


def visit_in_address(*, programme: str, visit: str, **_kwargs) -> Visit:
    return get_object_or_404(Visit, programme__slug=programme, slug=visit)


def read_only_once_finished(view):
    """A finished visit's workspace is its record: a change is refused (403) with the reason,
    for everyone; the permissions say the same, this says why."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated and is_finished_visit(
            request.user, visit_in_address(**kwargs)
        ):
            raise PermissionDenied(
                _("This visit is over: its workspace is kept as it was, read-only.")
            )
        return view(request, *args, **kwargs)

    return wrapped


def plannable(view):
    """A visit gets one plan, before it is over: past that, giving it one is refused (403) with
    the reason; the permission says the same, this says why."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated:
            visit = visit_in_address(**kwargs)
            if has_a_plan(request.user, visit):
                raise PermissionDenied(
                    _("This visit has a plan already: its tasks are in its workspace.")
                )
            if is_finished_visit(request.user, visit):
                raise PermissionDenied(_("This visit is over: it can no longer get a plan."))
        return view(request, *args, **kwargs)

    return wrapped
