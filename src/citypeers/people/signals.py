"""allauth tells when an address is verified (people of an organisation's e-mail domain join
it) and when a person's second factors change (written to the audit trail)."""

from allauth.account.signals import email_confirmed
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset

from citypeers.core.audit import log_action
from citypeers.people.services import affiliation_join_by_email


def join_by_email_domain(sender, request, email_address, **kwargs) -> None:
    affiliation_join_by_email(user=email_address.user, email=email_address.email)


def _second_factor_logger(verb: str):
    """A receiver writing `mfa.<kind>_<verb>` (kind: totp, webauthn, recovery_codes) to the
    person's audit trail; the secret itself is never written."""

    def receiver(sender, request, user, authenticator, **kwargs) -> None:
        log_action(
            user,
            f"mfa.{authenticator.type}_{verb}",
            by=user,
            changes={"authenticator": authenticator.pk},
        )

    return receiver


log_second_factor_added = _second_factor_logger("added")
log_second_factor_removed = _second_factor_logger("removed")
log_recovery_codes_regenerated = _second_factor_logger("regenerated")


def connect() -> None:
    email_confirmed.connect(join_by_email_domain, dispatch_uid="people.join_by_email_domain")
    authenticator_added.connect(log_second_factor_added, dispatch_uid="people.mfa_added")
    authenticator_removed.connect(log_second_factor_removed, dispatch_uid="people.mfa_removed")
    authenticator_reset.connect(log_recovery_codes_regenerated, dispatch_uid="people.mfa_reset")
