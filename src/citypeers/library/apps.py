from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "citypeers.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from citypeers.library import signals  # models are ready only now

        signals.connect()
        signals.connect_reports()
