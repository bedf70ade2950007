"""Errors a person can cause in the newsletter (a sent issue edited, an expired link)."""

from citypeers.core.errors import CitypeersError


class NewsletterError(CitypeersError):
    pass
