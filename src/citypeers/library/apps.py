from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from citypeers.core.context_processors import feed_link_sources


class LibraryConfig(AppConfig):
    name = "citypeers.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from citypeers.library import signals  # models are ready only now
        from citypeers.library.changes import connect_changes  # models are ready only now
        from citypeers.library.feeds import feed_links, practice_feed_links  # models are ready

        feed_link_sources.register(practice_feed_links)
        feed_link_sources.register(feed_links)
        signals.connect()
        signals.connect_reports()
        connect_changes()
