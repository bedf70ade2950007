"""Text helpers shared by the apps."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(
    text: str, *, taken: QuerySet, max_length: int, fallback: str, reserved=frozenset()
) -> str:
    """The slug of `text`, numbered (-2, -3…) until no row of `taken` has it and it is not
    `reserved` (addresses such as "new" that a slug must never shadow)."""
    base = slugify(text)[:max_length] or fallback
    slug, number = base, 1
    while slug in reserved or taken.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
