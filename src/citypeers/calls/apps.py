from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "citypeers.calls"
    verbose_name = _("Open calls")
