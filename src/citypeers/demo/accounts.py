"""The demo's log-ins: one account per role, each given its role through `membership_add`.

Accounts are made as sign-up leaves them (an address already verified, so allauth lets them
log in); there is no service for signing up, which allauth does.
"""

from functools import cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from citypeers.people.models import Organisation, User
from citypeers.people.services import affiliation_grant
from citypeers.programmes.models import Membership, Programme, Role, Visit
from citypeers.programmes.services import membership_add

DEMO_PASSWORD = "citypeers-demo"  # noqa: S105 - the documented demo password, not a secret
DEMO_ACCOUNTS = [
    ("coordinator@example.org", "coordinator"),
    ("host@example.org", "host"),
    ("reviewer@example.org", "reviewer"),
    ("participant@example.org", "participant"),
    ("expert@example.org", "expert"),
    ("rapporteur@example.org", "rapporteur"),
    ("admin@example.org", "staff (admin site and outbox)"),
]
# key: (name, role, whether the role is in the first visit rather than the programme)
ROLES = {
    "coordinator": ("Camille Coordinator", Role.COORDINATOR, False),
    "host": ("Hanna Host", Role.HOST, True),
    "reviewer": ("Rui Reviewer", Role.REVIEWER, False),
    "participant": ("Petra Participant", Role.PARTICIPANT, True),
    "expert": ("Eamon Expert", Role.EXPERT, True),
    "rapporteur": ("Rosa Rapporteur", Role.RAPPORTEUR, True),
}


@cache
def demo_password_hash() -> str:
    """The demo password hashed once: a hash costs a third of a second on purpose, and the
    demo's accounts share their (published) password anyway."""
    return make_password(DEMO_PASSWORD)


def account(email: str, name: str, *, staff: bool = False, **profile) -> User:
    """The account with this address, made with the demo password if it does not exist."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, None, display_name=name, **profile)
        user.password = demo_password_hash()
        user.is_staff = user.is_superuser = staff
        user.save()
    # allauth refuses log-in until the address is verified; demo addresses are verified.
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def role_give(*, user: User, programme: Programme, role: str, visit: Visit | None = None, by):
    """`membership_add` unless the person has the role already; nobody is mailed."""
    if not Membership.objects.filter(user=user, programme=programme, visit=visit, role=role):
        membership_add(
            programme=programme, email=user.email, role=role, visit=visit, by=by, notify=False
        )


def accounts_load(*, programme: Programme, first_visit: Visit, host_organisation: Organisation):
    """One account per role in `programme` (the visit roles in its first visit), and staff."""
    people = {}
    for key, (name, _role, _in_visit) in ROLES.items():
        country = host_organisation.place.country if key == "host" else ""
        user = account(f"{key}@example.org", name, country=country)
        if key == "host" and user.organisation_id is None:
            affiliation_grant(
                user=user, organisation=host_organisation, by=None, reason="The demo's host."
            )
        people[key] = user
    for key, (_name, role, in_visit) in ROLES.items():
        visit = first_visit if in_visit else None
        role_give(
            user=people[key], programme=programme, role=role, visit=visit, by=people["coordinator"]
        )
    account("admin@example.org", "Ada Admin", staff=True)
    return people
