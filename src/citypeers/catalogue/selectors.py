from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import get_language

from citypeers.catalogue.models import Practice
from citypeers.core.registry import Sources
from citypeers.core.translated import fallback_order
from citypeers.programmes.models import Membership, Role


def practices_published() -> QuerySet[Practice]:
    return Practice.objects.filter(status=Practice.Status.PUBLISHED)


def by_title(practices: QuerySet[Practice], language: str | None = None) -> QuerySet[Practice]:
    """`practices` by the title a reader of `language` (else the active one) sees: its own,
    else the first the fallbacks find (core.translated), ignoring case; then by address."""
    titles = [KT(f"title__{code}") for code in fallback_order(language or get_language())]
    shown = Coalesce(*titles) if len(titles) > 1 else titles[0]
    return practices.order_by(Lower(shown), "slug")


def practices_willing_to_host() -> QuerySet[Practice]:
    """Published practices whose city is willing to host a peer-learning visit."""
    return practices_published().filter(willing_to_host=True)


def practice_for_page(*, slug: str) -> Practice:
    return (
        Practice.objects.select_related("programme", "submitted_by")
        .prefetch_related("places", "themes", "organisations")
        .get(slug=slug)
    )


def practices_similar(*, practice: Practice, limit: int = 4) -> list[Practice]:
    """Published practices sharing the most themes with this one, newest first among equals."""
    theme_ids = [theme.pk for theme in practice.themes.all()]
    return list(
        practices_published()
        .exclude(pk=practice.pk)
        .filter(themes__in=theme_ids)
        .annotate(shared=Count("themes", filter=Q(themes__in=theme_ids)))
        .order_by("-shared", "-published_at", "slug")
        .prefetch_related("places")[:limit]
    )


def practices_of(*, user) -> QuerySet[Practice]:
    return Practice.objects.filter(submitted_by=user).order_by("-updated_at")


def practices_to_review(*, user) -> QuerySet[Practice]:
    """Submitted practices of the programmes this person coordinates (all of them for staff)."""
    practices = Practice.objects.filter(status=Practice.Status.SUBMITTED)
    if not user.is_staff:
        programmes = Membership.objects.filter(user=user, role=Role.COORDINATOR).values("programme")
        practices = practices.filter(programme__in=programmes)
    return practices.select_related("programme", "submitted_by").order_by("updated_at")


def organisations_in_practices_coordinated_by(user) -> QuerySet:
    """Ids of the organisations named by practices of the programmes this person coordinates:
    they decide requests to join such an organisation while it has no member."""
    return Practice.objects.filter(
        programme__memberships__user=user, programme__memberships__role=Role.COORDINATOR
    ).values("organisations")


def coordinators_of_practices_by(organisation) -> QuerySet:
    """The coordinators of the programmes whose practices name this organisation."""
    programmes = Practice.objects.filter(organisations=organisation).values("programme")
    return get_user_model().objects.filter(
        memberships__role=Role.COORDINATOR, memberships__programme__in=programmes
    )


# Links the apps above this one add to a practice's page (reports: the reports of the visits
# to it), registered from their `ready()`, so the catalogue imports none of them.
PRACTICE_LINK_SOURCES: Sources = Sources()

practice_links_register = PRACTICE_LINK_SOURCES.register


def practice_links(practice: Practice) -> list[tuple[str, str]]:
    return [link for source in PRACTICE_LINK_SOURCES for link in source(practice)]
