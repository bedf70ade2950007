from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "citypeers.visits"
    verbose_name = _("Visit delivery")

    def ready(self) -> None:
        from citypeers.visits import personal_data  # models are ready only now

        personal_data.register()

        from citypeers.core.audit import register_programme_paths  # it imports models

        # Which programme the audit entries about this app's objects belong to.
        register_programme_paths(
            {
                "visits.agendasession": "visit.programme_id",
                "visits.attendance": "session.visit.programme_id",
                "visits.visitreminder": "visit.programme_id",
                "visits.agendachange": "visit.programme_id",
                "visits.interpreting": "visit.programme_id",
                "visits.visitplan": "visit.programme_id",
                "visits.questionnaireanswer": "visit.programme_id",
                "visits.recommendation": "visit.programme_id",
                "visits.visittask": "visit.programme_id",
                "visits.breakoutplan": "session.visit.programme_id",
                "visits.sessionresource": "session.visit.programme_id",
            }
        )
