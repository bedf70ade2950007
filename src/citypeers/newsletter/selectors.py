"""Reads for the newsletter: who is subscribed, what a coordinator may put in an issue, what
each subscriber receives, and how the sending goes."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import get_language

from citypeers.news.models import NewsItem, NewsText
from citypeers.news.selectors import published
from citypeers.newsletter.enums import CANDIDATES_PER_KIND, RECENT_DAYS, DeliveryState, ItemKind
from citypeers.newsletter.models import Delivery, Issue, IssueItem, Subscription
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report


def programmes_with_newsletter(*, today: datetime.date | None = None) -> QuerySet[Programme]:
    """The programmes one may subscribe to: those not ended yet, by their name in the reader's
    language (else English)."""
    today = today or timezone.localdate()
    language = get_language() or settings.LANGUAGE_CODE
    name = Lower(Coalesce(KT(f"name__{language}"), KT(f"name__{settings.LANGUAGE_CODE}")))
    return Programme.objects.filter(ends_on__gte=today).order_by(name, "slug")


def has_newsletter(programme: Programme, *, today: datetime.date | None = None) -> bool:
    """The rule of `programmes_with_newsletter`, for one programme already read."""
    return programme.ends_on >= (today or timezone.localdate())


def active_subscriptions(programme: Programme) -> QuerySet[Subscription]:
    return Subscription.objects.filter(
        programme=programme,
        confirmed_at__isnull=False,
        unsubscribed_at__isnull=True,
        suspended_at__isnull=True,
    )


def subscription_by_token(token: str) -> Subscription | None:
    return Subscription.objects.select_related("programme").filter(token=token).first()


@dataclass(frozen=True)
class SubscriberCounts:
    total: int
    by_language: list[tuple[str, int]]  # (language name, count), most first
    by_theme: list[tuple[str, int]]  # (theme name or "everything", count)
    everything: int  # subscribed to every theme


def subscriber_counts(programme: Programme) -> SubscriberCounts:
    """Confirmed, active subscribers, by their first language and by theme."""
    active = active_subscriptions(programme)
    names = dict(settings.LANGUAGES)
    languages = Counter(
        (langs[0] if langs else settings.LANGUAGE_CODE)
        for langs in active.values_list("languages", flat=True)
    )
    through = Subscription.themes.through.objects.filter(subscription__in=active)
    per_theme = Counter(through.values_list("theme_id", flat=True))
    themes = Theme.objects.filter(pk__in=per_theme.keys()).order_by("name")
    return SubscriberCounts(
        total=active.count(),
        by_language=[(str(names.get(code, code)), n) for code, n in languages.most_common()],
        by_theme=[(theme.name, per_theme[theme.pk]) for theme in themes],
        everything=active.filter(themes=None).count(),
    )


def confirmed_addresses(programme: Programme) -> QuerySet:
    """For the coordinators' export: the active subscribers' addresses, languages and date."""
    return (
        active_subscriptions(programme)
        .order_by("email")
        .values_list("email", "languages", "confirmed_at")
    )


def issues_of(programme: Programme) -> QuerySet[Issue]:
    return (
        Issue.objects.filter(programme=programme)
        .annotate(sent=Count("deliveries", filter=Q(deliveries__state=DeliveryState.SENT)))
        .prefetch_related("texts")
    )


def issue_of(programme: Programme, pk: int) -> Issue | None:
    return (
        Issue.objects.filter(programme=programme, pk=pk)
        .select_related("programme", "sent_by")
        .prefetch_related("texts")
        .first()
    )


def _texts() -> Prefetch:
    return Prefetch("texts", queryset=NewsText.objects.order_by("language"))


def news_candidates(programme: Programme, *, now: datetime.datetime) -> QuerySet[NewsItem]:
    """The programme's published news (publish_at <= now) of the last RECENT_DAYS."""
    return (
        NewsItem.objects.filter(
            published(now),
            programme=programme,
            publish_at__gte=now - datetime.timedelta(days=RECENT_DAYS),
        )
        .prefetch_related(_texts())
        .order_by("-publish_at")[:CANDIDATES_PER_KIND]
    )


def visit_candidates(programme: Programme, *, now: datetime.datetime) -> QuerySet[Visit]:
    """The programme's visits with dates, from RECENT_DAYS ago onwards, soonest first."""
    since = now.date() - datetime.timedelta(days=RECENT_DAYS)
    return (
        Visit.objects.filter(programme=programme, starts_on__isnull=False, ends_on__gte=since)
        .select_related("host_place")
        .order_by("starts_on")[:CANDIDATES_PER_KIND]
    )


def report_candidates(programme: Programme, *, now: datetime.datetime) -> QuerySet[Report]:
    """The programme's reports published in the last RECENT_DAYS."""
    return (
        Report.objects.filter(
            visit__programme=programme,
            status=ReportStatus.PUBLISHED,
            published_at__lte=now,
            published_at__gte=now - datetime.timedelta(days=RECENT_DAYS),
        )
        .select_related("visit")
        .order_by("-published_at")[:CANDIDATES_PER_KIND]
    )


def issue_items(issue: Issue) -> list[IssueItem]:
    """The issue's items in order, with what the mail shows of each (texts, themes, host)."""
    return list(
        IssueItem.objects.filter(issue=issue)
        .select_related("news", "visit__host_place", "visit__programme", "report__visit")
        .prefetch_related(
            Prefetch("news__texts", queryset=NewsText.objects.order_by("language")),
            "news__themes",
            "visit__themes",
            "report__visit__themes",
            "report__visit__programme",
        )
    )


def item_theme_ids(item: IssueItem) -> set[int]:
    """What the item is about: a news item's themes, a visit's, a report's visit's."""
    if item.kind == ItemKind.NEWS:
        return {t.pk for t in item.news.themes.all()}
    visit = item.visit if item.kind == ItemKind.VISIT else item.report.visit
    return {t.pk for t in visit.themes.all()}


def audience_count(issue: Issue) -> int:
    return active_subscriptions(issue.programme).count()


@dataclass(frozen=True)
class DeliveryCounts:
    queued: int
    sent: int
    failed: int
    skipped: int
    bounced_hard: int
    bounced_soft: int
    preparing: bool = False  # sent, but its deliveries not queued yet

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.failed + self.skipped

    @property
    def done(self) -> bool:
        return not self.preparing and self.queued == 0

    @property
    def percent(self) -> int:
        if self.preparing:
            return 0
        return 100 if not self.total else round(100 * (self.total - self.queued) / self.total)


def delivery_counts(issue: Issue) -> DeliveryCounts:
    counts = Delivery.objects.filter(issue=issue).aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in DeliveryState.values},
        bounced_hard=Count("pk", filter=Q(bounce="hard")),
        bounced_soft=Count("pk", filter=Q(bounce="soft")),
    )
    preparing = issue.sent_at is not None and issue.recipients is None
    return DeliveryCounts(**counts, preparing=preparing)


def latest_delivery_to(email: str) -> Delivery | None:
    """The last mail sent to this address, where a bounce reported by address is counted."""
    return (
        Delivery.objects.filter(subscription__email__iexact=email, state=DeliveryState.SENT)
        .select_related("subscription")
        .order_by("-sent_at", "-pk")
        .first()
    )


CONFIRM_SALT = "citypeers.newsletter.confirm"


def confirm_key(subscription: Subscription) -> str:
    """The signed key of the confirmation link: the subscription and part of its secret token,
    so a key made for an address is worthless once it resubscribed with a new token."""
    return signing.dumps([subscription.pk, subscription.token[:12]], salt=CONFIRM_SALT)


def subscription_from_confirm_key(key: str, *, max_age: int) -> Subscription | None:
    """The subscription a confirmation key names; None when tampered, expired or stale."""
    try:
        pk, prefix = signing.loads(key, salt=CONFIRM_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(prefix, str):
        return None
    subscription = Subscription.objects.select_related("programme").filter(pk=pk).first()
    if subscription is None or subscription.token[:12] != prefix:
        return None
    return subscription
