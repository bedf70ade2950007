from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "citypeers.catalogue"
    label = "catalogue"
    verbose_name = _("Good practices")

    def ready(self) -> None:
        from citypeers.catalogue import personal_data, signals  # models are ready only now

        signals.connect()
        personal_data.register()
