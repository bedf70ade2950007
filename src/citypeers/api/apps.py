from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from citypeers.api.texts import programme_api_tools


class ApiConfig(AppConfig):
    name = "citypeers.api"
    label = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from citypeers.api import personal_data  # models are ready only now
        from citypeers.programmes.selectors import programme_tools_register  # models ready now

        programme_tools_register(programme_api_tools)
        personal_data.register()
