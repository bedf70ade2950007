from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from citypeers.calls.models import Call
from citypeers.core.dates import format_datetime
from citypeers.library.feeds.base import EntriesFeed
from citypeers.library.feeds.public import MAX_ENTRIES, call_entry_date, calls_not_closed


class OpenCallsFeed(EntriesFeed):
    """Published calls not yet closed (open now or opening later), the latest to open first;
    each entry says when the call opens and its deadline."""

    title = _("citypeers: open calls")
    subtitle = _("Calls for applications that are open or about to open.")
    collections = ("calls",)
    time_bound = True  # a call drops out when it closes, with no write

    def link(self) -> str:
        return reverse("calls:list")

    def items(self) -> list[Call]:
        return list(calls_not_closed()[:MAX_ENTRIES])

    def item_title(self, item: Call) -> str:
        return item.title

    def item_link(self, item: Call) -> str:
        return item.get_absolute_url()

    def item_description(self, item: Call) -> str:
        return gettext("%(programme)s. Opens %(opens)s; deadline %(closes)s.") % {
            "programme": item.programme.name,
            "opens": format_datetime(item.opens_at, item.time_zone),
            "closes": format_datetime(item.closes_at, item.time_zone),
        }

    def item_pubdate(self, item: Call):
        return call_entry_date(item)

    def item_updateddate(self, item: Call):
        return call_entry_date(item)

    def item_categories(self, item: Call) -> list[str]:
        return [str(item.get_type_display())]
