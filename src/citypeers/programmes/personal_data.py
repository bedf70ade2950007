"""What programmes keep about a person: their roles (memberships). Registered by
`ProgrammesConfig.ready()` into `people.personal_data`. Roles stay on erasure, held by the
erased person, so the programme's counts hold; the only coordinator of a running programme
cannot be erased until someone else coordinates it."""

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import PersonalData, kept, personal_data_register, records
from citypeers.programmes.models import Membership, Role


def _roles(user: User) -> list[dict]:
    memberships = Membership.objects.filter(user=user).select_related("programme", "visit")
    return records(memberships, ["programme", "visit", "role", "created_at"])


def _sole_coordination(user: User) -> str:
    """The running programmes this person alone coordinates, named in a sentence."""
    today = timezone.localdate()
    coordinated = Membership.objects.filter(
        user=user, role=Role.COORDINATOR, visit=None, programme__ends_on__gte=today
    ).select_related("programme")
    alone = [
        str(m.programme)
        for m in coordinated
        if not Membership.objects.filter(programme=m.programme, role=Role.COORDINATOR, visit=None)
        .exclude(user=user)
        .filter(user__is_active=True)
        .exists()
    ]
    if not alone:
        return ""
    return gettext(
        "You are the only coordinator of %(programmes)s, which is still running: ask a "
        "colleague to become its coordinator first, so someone can still run it."
    ) % {"programmes": ", ".join(sorted(alone))}


ROLES = PersonalData(
    key="programmes.roles",
    name=_("Your roles in programmes"),
    what=_("Which programmes and visits you take part in, in which role, since when."),
    purpose=_("Giving you access to what your role needs, and nothing more."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_("The programme's coordinators and the people of the same visits."),
    export=_roles,
    erase=kept,
    retention_text=_(
        "As long as the programme's record; on erasure, the role stays without your name."
    ),
    blocks_erasure=_sole_coordination,
)


def register() -> None:
    personal_data_register(ROLES)
