from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "citypeers.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from citypeers.people import signals  # models are ready only now

        signals.connect()
