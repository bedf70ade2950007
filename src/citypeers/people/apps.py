from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "citypeers.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from citypeers.core.background import RECORD_PRUNERS  # models are ready only now
        from citypeers.people import own_data, signals  # models are ready only now
        from citypeers.people.personal_data import personal_data_prune  # models ready now

        signals.connect()
        own_data.register()
        RECORD_PRUNERS.register(personal_data_prune)
