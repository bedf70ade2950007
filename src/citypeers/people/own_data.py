"""What the people app itself keeps about a person: the account, e-mail addresses, requests to
join organisations, consents, sign-in sessions and the copies of mails sent to them.
Registered by `PeopleConfig.ready()`; the account row itself becomes a tombstone in
`people.services.person_erase`."""

import datetime
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.core.models import OutboxMessage
from citypeers.people.enums import AffiliationState, LegalBasis
from citypeers.people.models import Affiliation, Consent, User
from citypeers.people.personal_data import (
    PersonalData,
    deleted,
    personal_data_register,
    pruned,
    records,
    refs,
)

PROFILE_FIELDS = [
    "email",
    "display_name",
    "languages",
    "language",
    "time_zone",
    "country",
    "organisation",
    "date_joined",
    "last_login",
]


def _account(user: User) -> list[dict]:
    addresses = EmailAddress.objects.filter(user=user).order_by("email")
    return records([user], PROFILE_FIELDS) + records(addresses, ["email", "verified", "primary"])


def _account_erase(user: User) -> list:
    return deleted(EmailAddress.objects.filter(user=user))


def _affiliations(user: User) -> list[dict]:
    found = Affiliation.objects.filter(user=user).select_related("organisation")
    return records(
        found, ["organisation", "state", "source", "requested_at", "decided_at", "reason"]
    )


def _affiliations_erase(user: User) -> list:
    return deleted(Affiliation.objects.filter(user=user))


CLOSED_AFFILIATIONS = [AffiliationState.REFUSED, AffiliationState.WITHDRAWN, AffiliationState.ENDED]


def _affiliations_prune(now: datetime.datetime) -> int:
    before = AFFILIATIONS.cutoff(now)
    return pruned(Affiliation.objects.filter(state__in=CLOSED_AFFILIATIONS, decided_at__lt=before))


def _second_factors(user: User) -> list[dict]:
    """Which second factors the person set up, never their secrets."""
    return [
        {
            str(_("kind")): str(factor),
            str(_("set up")): factor.created_at.isoformat(),
            str(_("last used")): factor.last_used_at.isoformat() if factor.last_used_at else None,
        }
        for factor in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


def _second_factors_erase(user: User) -> list:
    return deleted(Authenticator.objects.filter(user=user))


def consents_of(user: User):
    return Consent.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def _consents(user: User) -> list[dict]:
    fields = ["purpose", "reference", "text", "language", "given_at", "withdrawn_at"]
    return records(consents_of(user), fields)


def _consents_erase(user: User) -> list:
    return deleted(consents_of(user))


def _consents_prune(now: datetime.datetime) -> int:
    return pruned(Consent.objects.filter(withdrawn_at__lt=CONSENTS.cutoff(now)))


def sessions_of(user: User) -> list[Session]:
    """The person's sign-in sessions: the session table is keyed by a secret, so each is read."""
    user_id = str(user.pk)
    return [
        session
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]


def _sessions(user: User) -> list[dict]:
    return [{str(_("expires")): s.expire_date.isoformat()} for s in sessions_of(user)]


def _sessions_erase(user: User) -> list:
    """Each ended by the session engine, which (SESSION_ENGINE=cached_db) also drops the copy
    kept in the cache: deleting the rows alone would leave that copy to be read."""
    keys = [session.pk for session in sessions_of(user)]
    found = refs(Session.objects.filter(pk__in=keys))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()
    return found


def _sessions_prune(now: datetime.datetime) -> int:
    return pruned(Session.objects.filter(expire_date__lt=now))


def mails_to(user: User) -> list[OutboxMessage]:
    """The copies of mails sent to this address (`to` holds one address a line)."""
    email = user.email.lower()
    candidates = OutboxMessage.objects.filter(to__icontains=email).order_by("sent_at")
    return [mail for mail in candidates if email in mail.to.lower().split("\n")]


def _mails(user: User) -> list[dict]:
    return records(mails_to(user), ["sent_at", "subject", "body"])


def _mails_erase(user: User) -> list:
    return deleted(OutboxMessage.objects.filter(pk__in=[mail.pk for mail in mails_to(user)]))


ACCOUNT = PersonalData(
    key="people.account",
    name=_("Your account"),
    what=_(
        "Your e-mail addresses, name, the languages you speak, the language of your pages, "
        "time zone, country, organisation, when you joined and last signed in; your password "
        "only as a one-way hash."
    ),
    purpose=_("Signing you in, showing you to the people you work with, writing to you."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_(
        "You; the people of the programmes and visits you take part in see your name and "
        "organisation; coordinators and staff see your e-mail address."
    ),
    export=_account,
    erase=_account_erase,
)

SECOND_FACTORS = PersonalData(
    key="people.second_factors",
    name=_("Two-factor sign-in"),
    what=_(
        "Which second factors you set up (an authenticator app, security keys with the names "
        "you gave them, recovery codes), when, and when each was last used; their secrets "
        "only to check your codes."
    ),
    purpose=_("Signing you in securely."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_("You; staff see only whether you set one up."),
    export=_second_factors,
    erase=_second_factors_erase,
    retention_text=_("Until you remove them or erase your account."),
)

AFFILIATIONS = PersonalData(
    key="people.affiliations",
    name=_("Requests to join an organisation"),
    what=_("Which organisation you asked to join, when, what was decided, by whom and why."),
    purpose=_("Letting only its verified members act for an organisation."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("You, the organisation's members who decide, coordinators and staff."),
    export=_affiliations,
    erase=_affiliations_erase,
    retention_setting="AFFILIATION_RETENTION_DAYS",
    retention_from=_("a refused, withdrawn or ended request was closed"),
    prune=_affiliations_prune,
)

CONSENTS = PersonalData(
    key="people.consents",
    name=_("Your consents"),
    what=_(
        "What you agreed to, the exact text you were shown, its language, when, and when "
        "you withdrew it."
    ),
    purpose=_("Showing what you consented to, as the law asks us to be able to."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("You and staff."),
    export=_consents,
    erase=_consents_erase,
    retention_setting="CONSENT_RETENTION_DAYS",
    retention_from=_("you withdrew the consent"),
    prune=_consents_prune,
)

SESSIONS = PersonalData(
    key="people.sessions",
    name=_("Sign-in sessions"),
    what=_("A cookie's secret key per browser you signed in with, and when it expires."),
    purpose=_("Keeping you signed in, securely."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_("Nobody: the platform only."),
    export=_sessions,
    erase=_sessions_erase,
    retention_text=_("Deleted when you sign out or when the session expires (two weeks)."),
    prune=_sessions_prune,
)

MAILS = PersonalData(
    key="people.mails",
    name=_("Copies of e-mails sent to you"),
    what=_("The subject and text of each e-mail the platform sent you."),
    purpose=_("Showing staff that a mail went out when someone says it did not arrive."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("Staff."),
    export=_mails,
    erase=_mails_erase,
    retention_setting="OUTBOX_RETENTION_DAYS",
    retention_from=_("it was sent"),
    # pruned by `core.background.records_prune`, which the same command runs
)


def register() -> None:
    for kind in (ACCOUNT, SECOND_FACTORS, AFFILIATIONS, CONSENTS, SESSIONS, MAILS):
        personal_data_register(kind)
