"""What the feeds and the widgets publish, read once here so both show the same public things:
published calls (never drafts), visits whose agenda is published, published reports and
practices. Each reader returns plain `Entry` rows, newest first, at most `limit`."""

import datetime
from dataclasses import dataclass, field

from django.db.models import CharField, DateTimeField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from citypeers.calls.models import Call
from citypeers.catalogue.selectors import practices_published
from citypeers.core.models import AuditEntry
from citypeers.core.translated import named_choices
from citypeers.library.models import ReportCard
from citypeers.programmes.models import Programme, Theme, Visit

MAX_ENTRIES = 50


@dataclass
class Entry:
    title: str
    url: str
    summary: str
    published: datetime.datetime
    updated: datetime.datetime
    categories: list[str] = field(default_factory=list)
    kind: str = ""


# ---- calls -------------------------------------------------------------------------------


def public_calls() -> QuerySet[Call]:
    """Published calls (drafts do not exist for the public)."""
    return Call.objects.filter(published_at__isnull=False, opens_at__isnull=False).select_related(
        "programme"
    )


def calls_not_closed(*, now: datetime.datetime | None = None) -> QuerySet[Call]:
    """Published calls open now or opening later, the latest to open first."""
    now = now or timezone.now()
    return public_calls().filter(closes_at__gt=now).order_by("-opens_at", "-pk")


def calls_open(*, now: datetime.datetime | None = None) -> QuerySet[Call]:
    """Published calls taking applications now, closing soonest first."""
    now = now or timezone.now()
    return (
        public_calls()
        .filter(opens_at__lte=now, closes_at__gt=now)
        .order_by("closes_at", "pk")
        .prefetch_related("programme__themes", "visits__themes")
    )


def call_entry_date(call: Call) -> datetime.datetime:
    """When a reader should see the call as new: when it opens, or when it was made public
    if that came later."""
    return max(call.opens_at, call.published_at)


# ---- visits ------------------------------------------------------------------------------


def _agenda_published_at():
    """The time of the visit's latest "agenda published" in the audit log."""
    return Subquery(
        AuditEntry.objects.filter(
            action="agenda.published",
            object_type="programmes.visit",
            object_id=Cast(OuterRef("pk"), CharField()),
        )
        .order_by("-at")
        .values("at")[:1],
        output_field=DateTimeField(),
    )


def visits_announced() -> QuerySet[Visit]:
    """Visits whose agenda is published, with `announced_at` (when it was published, or the
    plan's creation if the log does not say)."""
    return (
        Visit.objects.filter(plan__agenda_published=True)
        .select_related("programme", "host_place")
        .annotate(announced_at=Coalesce(_agenda_published_at(), "plan__created_at"))
    )


def visits_upcoming(*, today: datetime.date | None = None) -> QuerySet[Visit]:
    """Announced visits not yet over, the soonest first."""
    today = today or timezone.localdate()
    return (
        visits_announced()
        .filter(starts_on__isnull=False)
        .exclude(ends_on__lt=today)
        .exclude(ends_on__isnull=True, starts_on__lt=today)
        .order_by("starts_on", "pk")
    )


def visit_url(visit: Visit) -> str:
    return reverse("visits:visit", kwargs={"programme": visit.programme.slug, "visit": visit.slug})


# ---- entries -----------------------------------------------------------------------------


def _newest(entries: list[Entry], limit: int) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.published, reverse=True)[:limit]


def theme_names() -> dict[str, str]:
    return dict(named_choices(Theme.objects.all()))


def report_entries(cards, names: dict[str, str]) -> list[Entry]:
    return [
        Entry(
            # The visit and its host name the report in a reader's list.
            title=gettext("%(report)s (%(visit)s, %(host)s)")
            % {"report": card.title, "visit": card.visit_title, "host": card.host},
            url=reverse(
                "reports:report",
                kwargs={"programme": card.programme_slug, "visit": card.visit_slug},
            ),
            summary=card.excerpt,
            published=card.published_at,
            updated=card.published_at,
            categories=[names.get(slug, slug) for slug in card.themes.split("|") if slug],
            kind="report",
        )
        for card in cards
    ]


def reports_published(*, theme: str = "", programme: str = "") -> QuerySet[ReportCard]:
    cards = ReportCard.objects.order_by("-published_at", "-pk")
    if theme:
        cards = cards.filter(themes__contains=f"|{theme}|")
    if programme:
        cards = cards.filter(programme_slug=programme)
    return cards


def visit_entries(visits) -> list[Entry]:
    return [
        Entry(
            title=visit.title,
            url=visit_url(visit),
            summary=str(visit.host_place),
            published=visit.announced_at,
            updated=visit.announced_at,
            categories=[theme.name for theme in visit.themes.all()],
            kind="visit",
        )
        for visit in visits
    ]


def call_entries(calls) -> list[Entry]:
    return [
        Entry(
            title=call.title,
            url=call.get_absolute_url(),
            summary="",
            published=call_entry_date(call),
            updated=call_entry_date(call),
            categories=[str(call.get_type_display())],
            kind="call",
        )
        for call in calls
    ]


def programme_entries(programme: Programme, *, limit: int = MAX_ENTRIES) -> list[Entry]:
    """What the programme publishes: its public calls, its announced visits, its reports."""
    calls = public_calls().filter(programme=programme).order_by("-opens_at")[:limit]
    visits = (
        visits_announced()
        .filter(programme=programme)
        .prefetch_related("themes")
        .order_by("-announced_at")[:limit]
    )
    reports = reports_published(programme=programme.slug)[:limit]
    entries = call_entries(calls) + visit_entries(visits) + report_entries(reports, theme_names())
    return _newest(entries, limit)


def theme_entries(theme: Theme, *, limit: int = MAX_ENTRIES) -> list[Entry]:
    """What is filed under the theme: published practices, announced visits, reports."""
    practices = (
        practices_published()
        .filter(themes=theme)
        .prefetch_related("themes")
        .order_by("-published_at", "-pk")[:limit]
    )
    visits = (
        visits_announced()
        .filter(themes=theme)
        .prefetch_related("themes")
        .order_by("-announced_at")[:limit]
    )
    reports = reports_published(theme=theme.slug)[:limit]
    practice_rows = [
        Entry(
            title=practice.title,
            url=practice.get_absolute_url(),
            summary=practice.tagline,
            published=practice.published_at,
            updated=practice.updated_at,
            categories=[t.name for t in practice.themes.all()],
            kind="practice",
        )
        for practice in practices
    ]
    entries = practice_rows + visit_entries(visits) + report_entries(reports, theme_names())
    return _newest(entries, limit)
