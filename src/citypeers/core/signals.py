"""Sign-ins, sign-outs and failed sign-ins in the audit trail (connected in `CoreConfig`)."""

from citypeers.core.audit import log_action, log_sign_in_failure
from citypeers.core.audit_context import origin_of


def _origin(request):
    return origin_of(request) if request is not None else None


def signed_in(sender, request, user, **kwargs) -> None:
    log_action(user, "auth.signed_in", by=user, origin=_origin(request))


def signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:  # an anonymous visitor's sign-out page changes nothing
        log_action(user, "auth.signed_out", by=user, origin=_origin(request))


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    # Django has already masked the password; the address tried is hashed and masked.
    email = credentials.get("email") or credentials.get("username") or ""
    log_sign_in_failure(email=str(email), origin=_origin(request))
