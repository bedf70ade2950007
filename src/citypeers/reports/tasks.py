"""The e-mail asking the visit's hosts to check a report's facts, sent by the task worker."""

from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.reports.models import Report
from citypeers.reports.selectors.reports import visit_hosts


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
