"""Reading affiliations: a person's organisation and requests, and who decides a request.

`User.organisation` is the approved affiliation and nothing else: the services set it only
when a request is approved (or an e-mail domain matches), so everything that acts for an
organisation reads that field. Requests live in `Affiliation`.

Who decides a request: the organisation's approved members; where it has none, the
coordinators of any programme it takes part in; staff always. Which programmes an organisation
takes part in is known above `people` (the catalogue through its practices, calls through
applications), so those apps register a `ProgrammeLink` here when they load and `people`
names no app above it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Q, QuerySet

from citypeers.core.registry import Sources
from citypeers.people.enums import AffiliationState
from citypeers.people.models import Affiliation, Organisation, User


@dataclass(frozen=True)
class ProgrammeLink:
    """How one app ties organisations to programmes and their coordinators."""

    # the organisation ids (a values queryset) in programmes this person coordinates
    organisations_coordinated_by: Callable[[User], QuerySet]
    # the coordinators (a User queryset) of the programmes this organisation takes part in
    coordinators_of: Callable[[Organisation], QuerySet]


PROGRAMME_LINKS: Sources[ProgrammeLink] = Sources()

programme_link_register = PROGRAMME_LINKS.register


def approved_organisation(user) -> Organisation | None:
    """The organisation this person acts for: only an approved affiliation counts."""
    return user.organisation if user.is_authenticated else None


def pending_affiliation(*, user: User) -> Affiliation | None:
    """The request this person is waiting on, if any."""
    return (
        Affiliation.objects.filter(user=user, state=AffiliationState.PENDING)
        .select_related("organisation")
        .first()
    )


def latest_affiliation(*, user: User) -> Affiliation | None:
    """The person's latest request, whatever became of it: what their profile tells them."""
    return (
        Affiliation.objects.filter(user=user)
        .select_related("organisation", "decided_by")
        .order_by("-requested_at", "-pk")
        .first()
    )


def _has_members() -> Exists:
    return Exists(User.objects.filter(organisation=OuterRef("organisation"), is_active=True))


def affiliations_to_decide(*, user: User) -> QuerySet[Affiliation]:
    """Pending requests this person may approve or refuse, oldest first."""
    pending = Affiliation.objects.filter(state=AffiliationState.PENDING).exclude(user=user)
    pending = pending.select_related("user", "organisation__place").order_by("requested_at", "pk")
    if not user.is_authenticated:
        return pending.none()
    if user.is_staff:
        return pending
    mine = Q(organisation_id=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    coordinated = Q()
    for link in PROGRAMME_LINKS:
        coordinated |= Q(organisation_id__in=link.organisations_coordinated_by(user))
    if PROGRAMME_LINKS:
        mine |= Q(~_has_members(), coordinated)
    return pending.filter(mine)


def may_decide(*, user: User, affiliation: Affiliation) -> bool:
    """Whether this person may approve or refuse this request (pending or not)."""
    if not user.is_authenticated or user.pk == affiliation.user_id:
        return False
    if user.is_staff:
        return True
    organisation = affiliation.organisation
    if user.organisation_id == organisation.pk:
        return True
    if organisation.members.filter(is_active=True).exists():
        return False
    coordinated = Q(pk__in=[])
    for link in PROGRAMME_LINKS:
        coordinated |= Q(pk__in=link.organisations_coordinated_by(user))
    return Organisation.objects.filter(coordinated, pk=organisation.pk).exists()


def deciders_of(*, organisation: Organisation) -> list[User]:
    """Whom to tell of a request to join: the members, else the programmes' coordinators,
    else staff."""
    members = list(organisation.members.filter(is_active=True).order_by("pk"))
    if members:
        return members
    coordinators: dict[int, User] = {}
    for link in PROGRAMME_LINKS:
        for person in link.coordinators_of(organisation).filter(is_active=True).distinct():
            coordinators.setdefault(person.pk, person)
    if coordinators:
        return list(coordinators.values())
    return list(User.objects.filter(is_staff=True, is_active=True).order_by("pk"))


def organisations_with_domain(domain: str) -> list[Organisation]:
    """The organisations that list this e-mail domain."""
    domain = domain.strip().lower()
    if not domain:
        return []
    candidates = Organisation.objects.filter(email_domains__icontains=domain)
    return [organisation for organisation in candidates if domain in organisation.domains()]


def verified_domains(*, user: User) -> set[str]:
    """The domains of this person's verified e-mail addresses (allauth's records)."""
    return {
        address.rsplit("@", 1)[-1].lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }
