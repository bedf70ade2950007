"""Saving a row whose address (slug) is made from its title, when two saves meet."""

from collections.abc import Callable

from django.db import IntegrityError, models, transaction

ATTEMPTS = 3


def save_with_free_slug(
    instance: models.Model, *, make_slug: Callable[[], str], save: Callable[[], object]
) -> None:
    """Gives `instance` the slug `make_slug()` finds free and runs `save()`. On PostgreSQL two
    saves of one title at once both find the same slug free, and the unique index refuses the
    second (SQLite's IMMEDIATE transactions take turns, so there it cannot happen): that one
    then takes the next free slug. Any other integrity error is raised as it is."""
    for attempt in range(ATTEMPTS):
        instance.slug = make_slug()
        try:
            with transaction.atomic():
                save()
            return
        except IntegrityError:
            taken_meanwhile = make_slug() != instance.slug
            if not taken_meanwhile or attempt == ATTEMPTS - 1:
                raise
