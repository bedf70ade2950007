import rules

from citypeers.programmes.models import Membership, Programme, Role


def _roles_in_programme(user, programme: Programme) -> set[str]:
    """The roles a person holds in a programme or any of its visits (cached per request)."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_programme_roles", {})
    if programme.pk not in cache:
        cache[programme.pk] = set(
            Membership.objects.filter(user=user, programme=programme).values_list("role", flat=True)
        )
    return cache[programme.pk]


@rules.predicate
def is_programme_coordinator(user, programme: Programme) -> bool:
    return Role.COORDINATOR in _roles_in_programme(user, programme)


@rules.predicate
def is_any_coordinator(user) -> bool:
    return user.is_authenticated and user.memberships.filter(role=Role.COORDINATOR).exists()
