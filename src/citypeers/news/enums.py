"""The states a news item is in, worked out from its publication time, and list sizes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PER_PAGE = 20
FEED_SIZE = 30
# Addresses under /news/ that a slug must not take.
RESERVED_SLUGS = frozenset({"manage", "feed", "new"})


class NewsState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
