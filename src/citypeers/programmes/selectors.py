from django.db.models import Count, F, Prefetch, QuerySet

from citypeers.core.registry import Sources
from citypeers.programmes.models import (
    VISIT_TEAM_ROLES,
    Membership,
    Programme,
    Role,
    Theme,
    Visit,
)

# Roles in the whole programme (no visit) come before those in a visit, on every database
# (PostgreSQL puts NULLs last and SQLite first when nothing is said).
WHOLE_PROGRAMME_FIRST = F("visit__title").asc(nulls_first=True)


def programmes_list() -> QuerySet[Programme]:
    return (
        Programme.objects.annotate(visit_count=Count("visits", distinct=True))
        .prefetch_related("themes")
        .order_by("-starts_on", "slug")
    )


def programme_detail(*, slug: str) -> Programme:
    visits = Visit.objects.select_related("host_place").prefetch_related("themes")
    coordinators = Membership.objects.filter(role=Role.COORDINATOR, visit=None).select_related(
        "user"
    )
    return Programme.objects.prefetch_related(
        "themes",
        Prefetch("visits", queryset=visits),
        Prefetch("memberships", queryset=coordinators, to_attr="coordinator_memberships"),
    ).get(slug=slug)


def programme_members(*, programme: Programme) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(programme=programme)
        .select_related("user", "user__organisation", "visit")
        .order_by("role", WHOLE_PROGRAMME_FIRST, "user__display_name", "user__email")
    )


def memberships_of(*, user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("programme", "visit", "visit__host_place")
        .order_by("-programme__starts_on", "programme__slug", WHOLE_PROGRAMME_FIRST, "role")
    )


def themes_with_counts() -> list[Theme]:
    """Every theme, with how many programmes and practices use it, by name."""
    themes = Theme.objects.annotate(
        programme_count=Count("programme", distinct=True),
        practice_count=Count("practices", distinct=True),
    )
    return sorted(themes, key=lambda theme: theme.name.casefold())


def programmes_coordinated_by(user) -> QuerySet[Programme]:
    """The programmes a person may add calls or visits to: those they coordinate (all, for
    staff), newest first."""
    programmes = Programme.objects.order_by("-starts_on")
    if user.is_staff:
        return programmes
    return programmes.filter(memberships__user=user, memberships__role=Role.COORDINATOR).distinct()


def where_the_role_starts(*, membership: Membership) -> tuple[str, dict]:
    """The page a new role starts on, as a URL name and its arguments, for the role's e-mail:
    a visit's team its workspace, a participant the visit, a reviewer the review of the
    newest call assigning them applications (read through the relation's name: the calls app
    sits above this one) or else their own page, a coordinator the programme."""
    visit = membership.visit
    if visit is not None and membership.role in VISIT_TEAM_ROLES:
        return "visits:workspace", {"programme": membership.programme.slug, "visit": visit.slug}
    if visit is not None:
        return "visits:visit", {"programme": membership.programme.slug, "visit": visit.slug}
    if membership.role == Role.REVIEWER:
        slug = (
            membership.programme.calls.filter(
                applications__review_assignments__reviewer=membership.user_id
            )
            .order_by("-closes_at")
            .values_list("slug", flat=True)
            .first()
        )
        return ("calls:review", {"slug": slug}) if slug else ("programmes:dashboard", {})
    if membership.role == Role.COORDINATOR:
        return "programmes:detail", {"slug": membership.programme.slug}
    return "programmes:dashboard", {}


# Links the apps above this one add to a programme's page (news: the programme's latest news),
# registered from their `ready()`, so `programmes` imports none of them.
PROGRAMME_LINK_SOURCES: Sources = Sources()

programme_links_register = PROGRAMME_LINK_SOURCES.register


def programme_links(programme: Programme) -> list[tuple[str, str]]:
    return [link for source in PROGRAMME_LINK_SOURCES for link in source(programme)]


# The pages for those who run a programme that apps above add (its news, newsletter, API
# tokens): each source names those `user` may open, as (label, address).
PROGRAMME_TOOL_SOURCES: Sources = Sources()

programme_tools_register = PROGRAMME_TOOL_SOURCES.register


def programme_tools(programme: Programme, user) -> list[tuple[str, str]]:
    return [tool for source in PROGRAMME_TOOL_SOURCES for tool in source(programme, user)]


def coordinates_any(user) -> bool:
    """Whether the person holds a coordinator role in any programme (memberships end by being
    removed, so every one found is current)."""
    return Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
