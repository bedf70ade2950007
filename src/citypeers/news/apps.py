from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from citypeers.core.context_processors import feed_link_sources


class NewsConfig(AppConfig):
    name = "citypeers.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        """The news feeds are named by the pages they fit; visits' and practices' pages link
        the news about them."""
        from citypeers.catalogue.selectors import practice_links_register  # models ready now
        from citypeers.news.feeds import news_feed_links  # models are ready only now
        from citypeers.news.texts import (  # models are ready only now
            practice_news_links,
            programme_news_links,
            programme_news_tools,
            visit_news_links,
        )
        from citypeers.programmes.selectors import (  # models are ready only now
            programme_links_register,
            programme_tools_register,
        )
        from citypeers.visits.selectors.links import visit_links_register  # models ready now

        feed_link_sources.register(news_feed_links)
        visit_links_register(visit_news_links)
        practice_links_register(practice_news_links)
        programme_links_register(programme_news_links)
        programme_tools_register(programme_news_tools)
