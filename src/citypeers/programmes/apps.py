from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "citypeers.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from citypeers.programmes import personal_data  # models are ready only now

        personal_data.register()
