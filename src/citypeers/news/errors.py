from citypeers.core.errors import CitypeersError


class NewsError(CitypeersError):
    """A news item or text the services refuse: a missing text, an image without its
    description, a publication time in the past, the original language removed."""
