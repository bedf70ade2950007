from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "citypeers.calls"
    verbose_name = _("Open calls")

    def ready(self) -> None:
        from citypeers.calls import personal_data, signals  # models are ready only now

        signals.connect()
        personal_data.register()

        from citypeers.core.audit import register_programme_paths  # it imports models

        # Which programme the audit entries about this app's objects belong to.
        register_programme_paths(
            {
                "calls.application": "call.programme_id",
                "calls.question": "call.programme_id",
                "calls.criterion": "call.programme_id",
                "calls.conflict": "call.programme_id",
                "calls.selectionrun": "call.programme_id",
                "calls.selectionoverride": "call.programme_id",
                "calls.reviewassignment": "application.call.programme_id",
                "calls.applicationfile": "application.call.programme_id",
                "calls.preference": "application.call.programme_id",
            }
        )
