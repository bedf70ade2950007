from citypeers.core.errors import CitypeersError


class AffiliationError(CitypeersError):
    """A request to join an organisation that cannot be made or decided as asked."""
