"""A visit's report, its versions and its comments, as the pages read them."""

from django.db.models import QuerySet

from citypeers.programmes.models import Membership, Role, Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report, ReportComment, ReportVersion


def report_of(visit: Visit) -> Report | None:
    """The visit's report, or None (asked once per visit object, however many checks ask)."""
    if "_report" not in visit.__dict__:
        visit.__dict__["_report"] = Report.objects.filter(visit=visit).first()
    return visit.__dict__["_report"]


def forget_report(visit: Visit) -> None:
    """After a write: the next `report_of` reads the report again."""
    visit.__dict__.pop("_report", None)


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


def versions_of(report: Report) -> QuerySet[ReportVersion]:
    return report.versions.select_related("author").order_by("-number")


def version_numbered(report: Report, number: int) -> ReportVersion:
    return report.versions.get(number=number)


def comments_of(report: Report) -> QuerySet[ReportComment]:
    return report.comments.select_related("author", "resolved_by", "version").order_by(
        "created_at", "pk"
    )


def open_comment_count(report: Report) -> int:
    return report.comments.filter(resolved_at=None).count()


def visit_hosts(visit: Visit) -> list:
    """The people holding the host's role on the visit: they check the report's facts."""
    memberships = Membership.objects.filter(visit=visit, role=Role.HOST).select_related("user")
    return [membership.user for membership in memberships]


def published_reports() -> QuerySet[Report]:
    return Report.objects.filter(status=ReportStatus.PUBLISHED).select_related(
        "visit__programme", "visit__host_place"
    )
