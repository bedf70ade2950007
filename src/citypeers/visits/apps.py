from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "citypeers.visits"
    verbose_name = _("Visit delivery")

    def ready(self) -> None:
        from citypeers.visits import personal_data  # models are ready only now

        personal_data.register()
