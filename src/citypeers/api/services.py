"""Making, revoking and noting the use of API tokens."""

import datetime
import secrets

from django.db import transaction
from django.utils import timezone

from citypeers.api.enums import TOKEN_PREFIX, TOKEN_SHOWN_CHARS, TOKEN_TOUCH_EVERY
from citypeers.api.models import ApiToken
from citypeers.api.selectors.tokens import digest_of
from citypeers.core.audit import log_action
from citypeers.programmes.models import Programme


def api_token_create(
    *, programme: Programme, name: str, by, expires_at: datetime.datetime | None = None
) -> tuple[ApiToken, str]:
    """A new token and its secret, which is never stored (only its SHA-256) nor shown again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            programme=programme,
            name=name,
            digest=digest_of(secret),
            shown=secret[:TOKEN_SHOWN_CHARS],
            created_by=by,
            expires_at=expires_at,
        )
        log_action(
            token,
            "api_token.created",
            by=by,
            changes={"programme": programme.slug, "name": name, "expires_at": str(expires_at)},
        )
    return token, secret


def api_token_revoke(*, token: ApiToken, by, now: datetime.datetime | None = None) -> ApiToken:
    """Revoke a token; its next request gets 401. Revoking twice keeps the first time."""
    if token.revoked_at is not None:
        return token
    token.revoked_at = now or timezone.now()
    with transaction.atomic():
        token.save(update_fields=["revoked_at"])
        log_action(token, "api_token.revoked", by=by)
    return token


def api_token_touch(*, token: ApiToken, now: datetime.datetime | None = None) -> None:
    """Note that the token was used, at most once a minute (no write on every request)."""
    now = now or timezone.now()
    if token.last_used_at and (now - token.last_used_at).total_seconds() < TOKEN_TOUCH_EVERY:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
