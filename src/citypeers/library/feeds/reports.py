from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from citypeers.library.feeds.base import EntriesFeed
from citypeers.library.feeds.public import (
    MAX_ENTRIES,
    Entry,
    report_entries,
    reports_published,
    theme_names,
)
from citypeers.library.selectors import REPORT_TYPE


class ReportsFeed(EntriesFeed):
    """Published analytical reports of visits, newest first."""

    title = _("citypeers: visit reports")
    subtitle = _("Analytical reports of peer-learning visits, as they are published.")
    collections = ("reports", "themes")

    def link(self) -> str:
        return f"{reverse('library:search')}?type={REPORT_TYPE}"

    def items(self) -> list[Entry]:
        return report_entries(reports_published()[:MAX_ENTRIES], theme_names())
