"""Saving rows when two saves meet: addresses made from titles, and "no second one" checks."""

import hashlib
from collections.abc import Callable

from django.db import IntegrityError, connection, models, transaction

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


def lock_name(name: str) -> None:
    """Inside a transaction, waits until no other transaction holds the lock on `name`, and
    holds it until this one ends: for a check that no row exists yet, where there is no row to
    lock. PostgreSQL: a transaction-level advisory lock; SQLite's IMMEDIATE transactions hold
    the whole database's write lock already."""
    if connection.vendor == "postgresql":
        key = int.from_bytes(
            hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True
        )
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
