"""The e-mail asking the visit's hosts to check a report's facts, and the PDF of a report just
published, done by the task worker."""

from django.conf import settings

from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report
from citypeers.reports.selectors.reports import latest_version, visit_hosts
from citypeers.reports.texts.pdf import report_pdf


@retrying_task
def notify_report_check(*, report_id: int) -> int:
    """Mails each host of the report's visit; returns how many were mailed."""
    report = Report.objects.select_related("visit__programme").filter(pk=report_id).first()
    if report is None:
        return 0
    visit = report.visit
    hosts = visit_hosts(visit)
    for host in hosts:
        send_templated_mail(
            to=host,
            template="reports/email/check",
            context={"report": report, "visit": visit, "person": host},
            link=("reports:comments", {"programme": visit.programme.slug, "visit": visit.slug}),
        )
    return len(hosts)


@retrying_task
def render_report_pdf(*, report_id: int) -> bool:
    """Lays out a just-published report's PDF into the cache, so no reader waits for it
    (a 16-page report takes WeasyPrint over a second); False when it is gone or unpublished."""
    report = Report.objects.select_related("visit__programme", "visit__host_place").filter(
        pk=report_id, status=ReportStatus.PUBLISHED
    )
    report = report.first()
    version = latest_version(report) if report is not None else None
    if version is None:
        return False
    report_pdf(report, version, settings.SITE_URL)
    return True
