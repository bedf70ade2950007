"""Editing the report (a new version per save that changes something), its versions, and a
readable diff between two of them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import ReportError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.programmes.models import Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.forms import ReportEditForm
from citypeers.reports.selectors.reports import latest_version, report_of, versions_of
from citypeers.reports.services.reports import StaleVersion, report_save
from citypeers.reports.texts.diff import sections_diff
from citypeers.visits.views.guards import visit_in_address


def _form_for(report, version) -> ReportEditForm:
    initial = {"title": report.title, "version": version.number if version else 0}
    return ReportEditForm(initial={**initial, **(version.sections if version else {})})


@permission_required("reports.edit_report", visit_in_address)
def report_edit(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    report = report_of(obj)
    if report.status == ReportStatus.PUBLISHED:
        raise PermissionDenied(_("A published report is not edited: unpublish it first."))
    version = latest_version(report)
    form, stale = _form_for(report, version), None
    if request.method == "POST":
        form = ReportEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = report_save(
                    report=report,
                    sections=form.sections(),
                    edited_version=data["version"],
                    title=data["title"],
                    note=data["note"],
                    by=request.user,
                )
            except StaleVersion as error:
                # Keep everything typed; the next save is made over the latest version,
                # knowingly, after the person has compared the two.
                stale = error
                form = ReportEditForm({**request.POST.dict(), "version": error.latest})
                form.is_valid()
                form.add_error(None, error.message)
            except ReportError as error:
                add_error_to_form(form, error)
            else:
                messages.success(
                    request,
                    _("Saved as version %(number)s.") % {"number": saved.number}
                    if saved
                    else _("Nothing had changed: no new version."),
                )
                return redirect("reports:report", programme=programme, visit=visit)
    context = {"visit": obj, "report": report, "version": version, "form": form, "stale": stale}
    return render(request, "reports/edit.html", context)


@permission_required("reports.view_report_draft", visit_in_address)
def report_versions(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    report = report_of(obj)
    if report is None:
        raise Http404
    versions = list(versions_of(report))
    # Each version beside the one before it, for its "what changed" link.
    rows = list(zip(versions, [*versions[1:], None], strict=True))
    context = {"visit": obj, "report": report, "rows": rows}
    return render(request, "reports/versions.html", context)


@permission_required("reports.view_report_draft", visit_in_address)
def report_diff(
    request: HttpRequest, programme: str, visit: str, a: int, b: int, obj: Visit
) -> HttpResponse:
    report = report_of(obj)
    if report is None:
        raise Http404
    found = {
        v.number: v for v in report.versions.filter(number__in=[a, b]).select_related("author")
    }
    if a not in found or b not in found:
        raise Http404
    older, newer = found[a], found[b]
    context = {
        "visit": obj,
        "report": report,
        "older": older,
        "newer": newer,
        "diffs": sections_diff(older.sections, newer.sections),
    }
    return render(request, "reports/diff.html", context)
