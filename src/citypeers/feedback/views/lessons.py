"""A visit's lessons per format, written by its team, and its methodology test report."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import FeedbackError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.feedback.forms.lessons import LessonForm
from citypeers.feedback.selectors.evidence import formats_on_visit
from citypeers.feedback.services.lessons import lesson_save
from citypeers.programmes.models import Visit
from citypeers.visits.permissions import has_started
from citypeers.visits.views.guards import visit_in_address


def from_first_day(view):
    """Before the visit's first day there is nothing to learn yet: refused (403) with the
    reason; the permission says the same, this says why."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated and not has_started(
            request.user, visit_in_address(**kwargs)
        ):
            raise PermissionDenied(_("Lessons are recorded from the visit's first day."))
        return view(request, *args, **kwargs)

    return wrapped


@from_first_day
@permission_required("feedback.record_lessons", visit_in_address)
def lessons(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    rows = formats_on_visit(obj)
    posted = request.POST.get("format") if request.method == "POST" else None
    cards, refusal = [], None
    for row in rows:
        slug = row.format.slug
        data = request.POST if slug == posted else None
        form = LessonForm(data, instance=row.lesson, prefix=slug)
        if slug == posted and form.is_valid():
            try:
                lesson_save(visit=obj, activity=row.format, by=request.user, **form.cleaned_data)
            except FeedbackError as error:
                add_error_to_form(form, error)
            else:
                messages.success(request, _("The lesson is saved."))
                return redirect(request.path + f"#format-{slug}")
        cards.append((row, form))
    if posted is not None and posted not in {row.format.slug for row in rows}:
        refusal = _("This visit's agenda has no session in this format.")
    context = {"visit": obj, "cards": cards, "refusal": refusal}
    return render(request, "feedback/lessons.html", context)


@permission_required("feedback.view_methodology_test", visit_in_address)
def methodology_test(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """Action 12's "test the methodology on a visit", as a page that prints well."""
    context = {
        "visit": obj,
        "rows": formats_on_visit(obj, with_proposals=True),
        "may_record": request.user.has_perm("feedback.record_lessons", obj),
    }
    return render(request, "feedback/methodology_test.html", context)
