from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "citypeers.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        """The visits' pages and the practices' pages link the reports."""
        from citypeers.catalogue.selectors import practice_links_register  # models ready now
        from citypeers.reports import personal_data  # models are ready only now
        from citypeers.reports.texts import links  # models are ready only now
        from citypeers.visits.selectors.links import visit_links_register  # models ready now

        visit_links_register(links.visit_report_links)
        practice_links_register(links.practice_report_links)
        personal_data.register()

        from citypeers.core.audit import register_programme_paths  # it imports models

        # Which programme the audit entries about this app's objects belong to.
        register_programme_paths(
            {
                "reports.report": "visit.programme_id",
                "reports.reportversion": "report.visit.programme_id",
                "reports.reportcomment": "report.visit.programme_id",
            }
        )
