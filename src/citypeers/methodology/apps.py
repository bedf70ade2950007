"""The methodology app's configuration."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodologyConfig(AppConfig):
    name = "citypeers.methodology"
    verbose_name = _("Methodology")
