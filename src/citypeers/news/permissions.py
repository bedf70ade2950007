"""Predicates of the news app: staff write the network's news (no programme); the
coordinators of a programme write that programme's news."""

import rules

from citypeers.news.models import NewsItem
from citypeers.programmes.models import Membership, Programme, Role


def _coordinated(user) -> set[int]:
    """The programmes the person coordinates (asked once per request)."""
    if not user.is_authenticated:
        return set()
    if "_news_coordinated" not in user.__dict__:
        memberships = Membership.objects.filter(
            user=user, role=Role.COORDINATOR, visit__isnull=True
        )
        user.__dict__["_news_coordinated"] = set(memberships.values_list("programme_id", flat=True))
    return user.__dict__["_news_coordinated"]


@rules.predicate
def writes_news_for(user, programme: Programme | None) -> bool:
    """Without a programme: whether the person coordinates any (and so may write some)."""
    coordinated = _coordinated(user)
    return bool(coordinated) if programme is None else programme.pk in coordinated


@rules.predicate
def coordinates_items_programme(user, item: NewsItem) -> bool:
    return item is not None and item.programme_id in _coordinated(user)


def coordinates_now(user, programme_id: int | None) -> bool:
    """As `writes_news_for`, asked afresh (the console, the demo, a role just removed)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return programme_id is not None and (
        Membership.objects.filter(
            user=user, role=Role.COORDINATOR, visit__isnull=True, programme_id=programme_id
        ).exists()
    )
