from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "citypeers.calls"
    verbose_name = _("Open calls")

    def ready(self) -> None:
        from citypeers.calls import personal_data, signals  # models are ready only now

        signals.connect()
        personal_data.register()
