"""The report's page (published: for everyone; in the works: the visit's team, with its
status and the workflow's buttons), starting it, moving it along, and its PDF."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeers.core.errors import ReportError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.forms import ReportStartForm
from citypeers.reports.selectors.reports import latest_version, open_comment_count, report_of
from citypeers.reports.services import reports as services
from citypeers.reports.texts.page import report_sections
from citypeers.reports.texts.pdf import report_pdf
from citypeers.reports.views.guards import report_readable
from citypeers.visits.views.guards import visit_in_address


def _page(request: HttpRequest, visit: Visit, *, start_form=None) -> HttpResponse:
    report = report_of(visit)
    version = latest_version(report) if report is not None else None
    is_team = request.user.has_perm("reports.view_report_draft", visit)
    may_write = request.user.has_perm("reports.write_report", visit)
    language = report.language if report is not None else translation.get_language()
    with translation.override(language):
        sections = report_sections(version, with_empty=is_team)
    context = {
        "visit": visit,
        "report": report,
        "version": version,
        "sections": sections,
        "is_team": is_team,
        "may_write": may_write,
        "may_publish": request.user.has_perm("reports.publish_report", visit),
        "may_comment": request.user.has_perm("reports.comment_report", visit),
        "open_comments": open_comment_count(report) if report is not None and is_team else 0,
        "start_form": (start_form or ReportStartForm()) if may_write and report is None else None,
        "statuses": ReportStatus,
    }
    return render(request, "reports/report.html", context)


@report_readable
def report_page(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    return _page(request, obj)


@require_POST
@permission_required("reports.write_report", visit_in_address)
def report_start(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    form = ReportStartForm(request.POST)
    if form.is_valid():
        try:
            services.report_create(visit=obj, by=request.user, **form.cleaned_data)
        except ReportError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The report is started, drafted from the visit's data."))
            return redirect("reports:edit", programme=programme, visit=visit)
    return _page(request, obj, start_form=form)


# The workflow's steps: the service, who may ask for it, and what the person is told.
STEPS = {
    "check": (
        services.report_send_for_check,
        "reports.edit_report",
        gettext_lazy("Sent to the host for the factual check."),
    ),
    "draft": (
        services.report_back_to_draft,
        "reports.edit_report",
        gettext_lazy("The report is a draft again."),
    ),
    "final": (
        services.report_mark_final,
        "reports.edit_report",
        gettext_lazy("The report is final."),
    ),
    "publish": (
        services.report_publish,
        "reports.publish_report",
        gettext_lazy("The report is published."),
    ),
    "unpublish": (
        services.report_unpublish,
        "reports.publish_report",
        gettext_lazy("The report is no longer public."),
    ),
}


@require_POST
@permission_required("reports.edit_report", visit_in_address)
def report_step(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """One step of the workflow, named by the button pressed; refused with the reason."""
    step = STEPS.get(request.POST.get("step", ""))
    if step is None or not request.user.has_perm(step[1], obj):
        messages.error(request, _("This step is not yours to take."))
    else:
        service, _perm, done = step
        try:
            service(report=report_of(obj), by=request.user)
        except ReportError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
    return redirect("reports:report", programme=programme, visit=visit)


@report_readable
def report_pdf_download(
    request: HttpRequest, programme: str, visit: str, obj: Visit
) -> HttpResponse:
    report = report_of(obj)
    version = latest_version(report) if report is not None else None
    if version is None:
        raise Http404
    pdf = report_pdf(report, version, request.build_absolute_uri("/").rstrip("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="report-{obj.slug}-v{version.number}.pdf"'
    return response
