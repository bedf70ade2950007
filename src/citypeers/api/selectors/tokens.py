"""Which token a request carries, and a programme's tokens for its coordinators' page."""

import hashlib

from django.db.models import QuerySet
from django.utils import timezone

from citypeers.api.models import ApiToken
from citypeers.programmes.models import Programme


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_for_secret(secret: str, *, now=None) -> ApiToken | None:
    """The active token with this secret; None for an unknown, revoked or expired one."""
    token = ApiToken.objects.filter(digest=digest_of(secret)).first()
    if token is None or not token.is_active(now or timezone.now()):
        return None
    return token


def tokens_of(*, programme: Programme) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(programme=programme).select_related("created_by")


def token_of(*, programme: Programme, pk: int) -> ApiToken:
    """The programme's token `pk` (ApiToken.DoesNotExist when it is another programme's)."""
    return ApiToken.objects.get(programme=programme, pk=pk)
