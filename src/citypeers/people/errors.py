from citypeers.core.errors import CitypeersError


class AffiliationError(CitypeersError):
    """A request to join an organisation that cannot be made or decided as asked."""


class ErasureRefused(CitypeersError):
    """A person who may not be erased yet (the only coordinator of a running programme)."""
