from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "citypeers.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from citypeers.newsletter import personal_data  # models are ready only now
        from citypeers.newsletter.texts import (  # models are ready only now
            programme_newsletter_links,
            programme_newsletter_tools,
        )
        from citypeers.programmes.selectors import (  # models are ready only now
            programme_links_register,
            programme_tools_register,
        )

        programme_links_register(programme_newsletter_links)
        programme_tools_register(programme_newsletter_tools)
        personal_data.register()
