from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "citypeers.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from citypeers.newsletter.texts import programme_newsletter_links  # models ready now
        from citypeers.programmes.selectors import programme_links_register  # models ready now

        programme_links_register(programme_newsletter_links)
