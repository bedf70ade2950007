"""Text helpers shared by the apps."""

import re

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


# Control characters (C0, DEL, C1: Unicode's category Cc) and the line and paragraph
# separators: a line break in a one-line value would split an e-mail header or an iCalendar line.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_CONTROLS_BUT_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


def one_line(text: str) -> str:
    """`text` on one line: each run of control characters or line breaks becomes one space."""
    return _CONTROLS.sub(" ", text).strip()


def without_controls(text: str) -> str:
    """Multi-line `text` without control characters other than tabs and line breaks."""
    return _CONTROLS_BUT_BREAKS.sub("", text)
