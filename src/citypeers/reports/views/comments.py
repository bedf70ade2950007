"""The host's comments on the report's sections: written during the factual check, read by
the visit's team, resolved by the writers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import ReportError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.reports.enums import SECTIONS
from citypeers.reports.forms import ReportCommentForm
from citypeers.reports.selectors.reports import comments_of, latest_version, report_of
from citypeers.reports.services.reports import report_comment_add, report_comment_resolve
from citypeers.reports.texts.page import report_sections
from citypeers.visits.views.guards import visit_in_address


def _by_section(comments) -> list[tuple]:
    """Each section with its comments (sections without any left out)."""
    grouped = {section.key: [] for section in SECTIONS}
    for comment in comments:
        grouped.setdefault(comment.section_key, []).append(comment)
    return [(section, grouped[section.key]) for section in SECTIONS if grouped[section.key]]


@permission_required("reports.view_report_draft", visit_in_address)
def report_comments(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    report = report_of(obj)
    if report is None:
        raise Http404
    may_comment = request.user.has_perm("reports.comment_report", obj)
    chosen = {"section_key": request.GET.get("section", "")}
    form = ReportCommentForm(initial=chosen) if may_comment else None
    if request.method == "POST":
        if not may_comment:
            raise PermissionDenied(_("The host comments while the report is in the factual check."))
        form = ReportCommentForm(request.POST)
        if form.is_valid():
            try:
                report_comment_add(report=report, by=request.user, **form.cleaned_data)
            except ReportError as error:
                add_error_to_form(form, error)
            else:
                messages.success(request, _("Your comment is saved."))
                return redirect("reports:comments", programme=programme, visit=visit)
    with translation.override(report.language):
        sections = report_sections(latest_version(report))
    context = {
        "visit": obj,
        "report": report,
        "form": form,
        "grouped": _by_section(comments_of(report)),
        "sections": sections,
        "may_resolve": request.user.has_perm("reports.edit_report", obj),
    }
    return render(request, "reports/comments.html", context)


@require_POST
@permission_required("reports.edit_report", visit_in_address)
def report_comment_resolved(
    request: HttpRequest, programme: str, visit: str, pk: int, obj: Visit
) -> HttpResponse:
    comment = get_object_or_404(comments_of(report_of(obj)), pk=pk)
    report_comment_resolve(comment=comment, by=request.user)
    messages.success(request, _("The comment is marked resolved."))
    return redirect("reports:comments", programme=programme, visit=visit)
