from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext

from citypeers.library.feeds.base import EntriesFeed
from citypeers.library.feeds.public import Entry, programme_entries, theme_entries
from citypeers.programmes.models import Programme, Theme


class ProgrammeFeed(EntriesFeed):
    """What a programme publishes: its calls, its visits once their agenda is published, and
    the reports of its visits; 404 for an unknown programme."""

    collections = ("programmes", "calls", "visits", "reports", "themes")

    def get_object(self, request, slug: str) -> Programme:
        return get_object_or_404(Programme, slug=slug)

    def title(self, obj: Programme) -> str:
        return gettext("citypeers: %(programme)s") % {"programme": obj.name}

    def subtitle(self, obj: Programme) -> str:
        return gettext("Calls, visits and reports of the programme %(programme)s.") % {
            "programme": obj.name
        }

    def link(self, obj: Programme) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Programme) -> list[Entry]:
        return programme_entries(obj)


class ThemeFeed(EntriesFeed):
    """Practices, visits and reports filed under a theme; 404 for an unknown theme."""

    collections = ("practices", "visits", "reports", "themes")

    def get_object(self, request, slug: str) -> Theme:
        return get_object_or_404(Theme, slug=slug)

    def title(self, obj: Theme) -> str:
        return gettext("citypeers: theme %(theme)s") % {"theme": obj.name}

    def subtitle(self, obj: Theme) -> str:
        return gettext("Good practices, visits and reports about %(theme)s.") % {"theme": obj.name}

    def link(self, obj: Theme) -> str:
        return f"{reverse('library:search')}?theme={obj.slug}"

    def items(self, obj: Theme) -> list[Entry]:
        return theme_entries(obj)
