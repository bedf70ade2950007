"""Reading news: what is published (publish_at has come: no job publishes anything), the text
a reader gets (their language, else the original, said to be a fallback), the items about a
programme, visit, practice, report or theme, and what a person may edit."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from citypeers.core.languages import offered_languages, own_name
from citypeers.news.enums import NewsState
from citypeers.news.models import NewsItem, NewsText
from citypeers.programmes.models import Membership, Role

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class Shown:
    """An item with the text a reader gets and what else there is."""

    item: NewsItem
    text: NewsText
    is_fallback: bool  # the reader's language has no text: the original's is shown
    languages: list[str]  # the languages it has, original first

    @property
    def language_name(self) -> str:
        return local_name(self.text.language)

    @property
    def other_languages(self) -> list[tuple[str, str]]:
        return [(code, local_name(code)) for code in self.languages if code != self.text.language]


def local_name(code: str) -> str:
    """A language named in itself ("Français"), as the language switcher names it."""
    return dict(offered_languages()).get(code) or own_name(code) or code


def news_state(item: NewsItem, *, now: datetime.datetime | None = None) -> str:
    if item.publish_at is None:
        return NewsState.DRAFT
    return (
        NewsState.PUBLISHED if item.publish_at <= (now or timezone.now()) else NewsState.SCHEDULED
    )


def _with_texts(items: QuerySet) -> QuerySet:
    return items.select_related("programme").prefetch_related(
        Prefetch("texts", queryset=NewsText.objects.order_by("language"))
    )


def published(now: datetime.datetime | None = None, *, via: str = "") -> Q:
    """What the public may read: items whose time has come (a draft has no time, a scheduled
    one a later time). `via` is the way to the item from another model, e.g. "item__"."""
    return Q(**{f"{via}publish_at__lte": now or timezone.now()})


def news_published(*, now: datetime.datetime | None = None) -> QuerySet[NewsItem]:
    """Items whose time has come, newest first."""
    items = NewsItem.objects.filter(published(now))
    return _with_texts(items).order_by("-publish_at", "-pk")


def news_list(*, programme=None, theme=None, now=None) -> QuerySet[NewsItem]:
    items = news_published(now=now)
    if programme is not None:
        items = items.filter(programme=programme)
    if theme is not None:
        items = items.filter(themes=theme)
    return items


def news_item(*, slug: str) -> NewsItem | None:
    """The item at this address, published or not (the view decides who sees it)."""
    items = _with_texts(NewsItem.objects.filter(slug=slug)).prefetch_related(
        "visits__programme", "practices", "reports__visit__programme", "themes"
    )
    return items.first()


def text_for(item: NewsItem, language: str) -> Shown | None:
    """The text in `language`, else in the item's original language, else any (from the
    prefetched texts: no query)."""
    texts = {text.language: text for text in item.texts.all()}
    if not texts:
        return None
    languages = sorted(texts, key=lambda code: (code != item.original_language, code))
    if language in texts:
        return Shown(item, texts[language], False, languages)
    return Shown(item, texts.get(item.original_language) or texts[languages[0]], True, languages)


def shown_in(items, language: str) -> list[Shown]:
    return [shown for item in items if (shown := text_for(item, language)) is not None]


def news_about_visit(visit, *, now=None) -> QuerySet[NewsItem]:
    return news_published(now=now).filter(visits=visit)


def news_about_practice(practice, *, now=None) -> QuerySet[NewsItem]:
    return news_published(now=now).filter(practices=practice)


def news_about_report(report, *, now=None) -> QuerySet[NewsItem]:
    return news_published(now=now).filter(reports=report)


def news_about_programme(programme, *, now=None) -> QuerySet[NewsItem]:
    return news_published(now=now).filter(programme=programme)


def news_about_theme(theme, *, now=None) -> QuerySet[NewsItem]:
    return news_published(now=now).filter(themes=theme)


def news_editable_by(user) -> QuerySet[NewsItem]:
    """Every item for staff; a coordinator's programmes' items for a coordinator."""
    items = _with_texts(NewsItem.objects.all()).order_by("-updated_at", "-pk")
    if not user.is_authenticated:
        return items.none()
    if user.is_staff:
        return items
    coordinated = Membership.objects.filter(
        user=user, role=Role.COORDINATOR, visit__isnull=True
    ).values("programme")
    return items.filter(Q(programme__in=coordinated))


def slug_taken(slug: str) -> bool:
    return NewsItem.objects.filter(slug=slug).exists()
