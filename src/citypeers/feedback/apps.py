from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "citypeers.feedback"
    verbose_name = _("Feedback and impact")

    def ready(self) -> None:
        from citypeers.feedback import personal_data, signals  # models are ready only now

        signals.connect()
        personal_data.register()
