"""The links to a report that other apps' pages show, registered from `ReportsConfig.ready()`:
on the visit's page and workspace, and on the page of the practice the visit was about."""

from django.urls import reverse
from django.utils.translation import gettext as _

from citypeers.catalogue.models import Practice
from citypeers.programmes.models import Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report
from citypeers.reports.permissions import is_report_writer
from citypeers.reports.selectors.reports import report_of
from citypeers.visits.permissions import is_visit_team


def report_address(visit: Visit, name: str = "reports:report") -> str:
    return reverse(name, kwargs={"programme": visit.programme.slug, "visit": visit.slug})


def visit_report_links(visit: Visit, user) -> list[tuple[str, str]]:
    """The published report for everyone; a report in the works for the visit's team; the
    way to start one for its writers."""
    report = report_of(visit)
    if report is not None and report.status == ReportStatus.PUBLISHED:
        return [(_("The visit's report"), report_address(visit))]
    if report is not None and (user.is_staff or is_visit_team(user, visit)):
        label = _("The visit's report (%(status)s)") % {"status": report.get_status_display()}
        return [(label, report_address(visit))]
    if report is None and (user.is_staff or is_report_writer(user, visit)):
        return [(_("Start the visit's report"), report_address(visit))]
    return []


def practice_report_links(practice: Practice) -> list[tuple[str, str]]:
    """The published reports of the visits made about this practice."""
    reports = Report.objects.filter(
        status=ReportStatus.PUBLISHED, visit__plan__practice=practice
    ).select_related("visit__programme")
    return [
        (
            _("Report of the visit: %(visit)s") % {"visit": report.visit.title},
            report_address(report.visit),
        )
        for report in reports.order_by("-published_at")
    ]
