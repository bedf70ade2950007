"""Tells the impact pages their figures changed (`selectors.impact` caches them per version)."""

import secrets

from django.core.cache import cache
from django.db import transaction

from citypeers.feedback.selectors.impact import version_key


def impact_changed(*, programme_id: int) -> None:
    """Bumps the programme's impact version now and again once the transaction commits: a view
    counting between the two read the rows before the commit and must not stay cached."""

    def bump() -> None:
        key = version_key(programme_id)
        try:
            cache.incr(key)
        except ValueError:  # not in the cache (evicted): any fresh number will do
            cache.set(key, secrets.randbits(48), timeout=None)

    bump()
    transaction.on_commit(bump)
