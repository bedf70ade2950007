"""allauth tells when an address is verified: people of an organisation's e-mail domain join it."""

from allauth.account.signals import email_confirmed

from citypeers.people.services import affiliation_join_by_email


def join_by_email_domain(sender, request, email_address, **kwargs) -> None:
    affiliation_join_by_email(user=email_address.user, email=email_address.email)


def connect() -> None:
    email_confirmed.connect(join_by_email_domain, dispatch_uid="people.join_by_email_domain")
