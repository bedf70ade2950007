"""What the report's pages share: the visit and its report from the address, and who reads."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from citypeers.reports.models import Report
from citypeers.reports.selectors.reports import report_of
from citypeers.visits.views.guards import visit_in_address


def report_in_address(**kwargs) -> Report:
    """The report of the visit in the address; 404 when it has none."""
    report = report_of(visit_in_address(**kwargs))
    if report is None:
        raise Http404
    return report


def report_readable(view):
    """A published report for everyone; one in the works for the visit's team (anonymous
    people go to log in, others get 403). The view gets the visit as `obj`."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        visit = visit_in_address(**kwargs)
        if not request.user.has_perm("reports.view_report", visit):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, *args, obj=visit, **kwargs)

    return wrapped
