"""The states a news item is in, worked out from its publication time, and list sizes."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

PER_PAGE = 20
FEED_SIZE = 30
# What a slug typed into an address may be before it is looked up (PostgreSQL refuses NUL).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,200}")
# Addresses under /news/ that a slug must not take.
RESERVED_SLUGS = frozenset({"manage", "feed", "new"})


class NewsState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
