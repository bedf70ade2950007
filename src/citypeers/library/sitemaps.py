"""`/sitemap.xml`: every public page, in every language with its alternates (hreflang), so
search engines find the practices, visits, calls, reports, news and the methodology. Only what the
public may read is listed; `robots.txt` points to it."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from citypeers.calls.selectors.calls import calls_visible_to
from citypeers.catalogue.selectors import practices_published
from citypeers.methodology.models import ActivityFormat
from citypeers.news.selectors import news_published
from citypeers.programmes.models import Programme, Visit
from citypeers.reports.selectors.reports import published_reports


class _EveryLanguage(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = 5000  # 5,000 addresses a page, times the languages: under the protocol's 50,000


class PagesSitemap(_EveryLanguage):
    """The public pages that are not records: home, library, methodology, calls, programmes."""

    def items(self) -> list[str]:
        return [
            "core:home",
            "library:search",
            "methodology:guide",
            "methodology:formats",
            "calls:list",
            "programmes:list",
            "news:list",
            "opendata:index",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class PracticesSitemap(_EveryLanguage):
    def items(self):
        return practices_published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, practice):
        return practice.updated_at


class ProgrammesSitemap(_EveryLanguage):
    def items(self):
        return Programme.objects.only("slug").order_by("pk")


class VisitsSitemap(_EveryLanguage):
    def items(self):
        return (
            Visit.objects.select_related("programme").only("slug", "programme__slug").order_by("pk")
        )

    def location(self, visit: Visit) -> str:
        return reverse(
            "visits:visit", kwargs={"programme": visit.programme.slug, "visit": visit.slug}
        )


class CallsSitemap(_EveryLanguage):
    def items(self):
        return calls_visible_to(None).only("slug").order_by("pk")

    def location(self, call) -> str:
        return reverse("calls:detail", kwargs={"slug": call.slug})


class ReportsSitemap(_EveryLanguage):
    def items(self):
        return published_reports().order_by("pk")

    def location(self, report) -> str:
        visit = report.visit
        return reverse(
            "reports:report", kwargs={"programme": visit.programme.slug, "visit": visit.slug}
        )

    def lastmod(self, report):
        return report.published_at


class NewsSitemap(_EveryLanguage):
    """A news item in the languages it is written in: in another it only shows a fallback."""

    def items(self):
        return (
            news_published()
            .select_related(None)
            .prefetch_related(None)
            .prefetch_related("texts")
            .order_by("pk")
        )

    def get_languages_for_item(self, item) -> list[str]:
        written = {text.language for text in item.texts.all()}
        return [code for code in self._languages() if code in written]

    def location(self, item) -> str:
        return reverse("news:detail", kwargs={"slug": item.slug})

    def lastmod(self, item):
        return item.updated_at


class FormatsSitemap(_EveryLanguage):
    def items(self):
        return ActivityFormat.objects.only("slug").order_by("pk")

    def location(self, activity: ActivityFormat) -> str:
        return reverse("methodology:format", kwargs={"slug": activity.slug})


SITEMAPS = {
    "pages": PagesSitemap,
    "practices": PracticesSitemap,
    "programmes": ProgrammesSitemap,
    "visits": VisitsSitemap,
    "calls": CallsSitemap,
    "reports": ReportsSitemap,
    "news": NewsSitemap,
    "formats": FormatsSitemap,
}
