"""Who may apply (and host), and the applicant's attributes quotas use."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django_countries import countries

from citypeers.calls.models import Application, Call
from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import by_title, practices_willing_to_host
from citypeers.people.models import Organisation
from citypeers.programmes.models import Role


def applicant_country(application: Application) -> str:
    organisation = application.organisation
    if organisation and organisation.place_id:
        return organisation.place.country.code
    return application.applicant.country.code or ""


def city_size_of(application: Application) -> str:
    organisation = application.organisation
    place = organisation.place if organisation else None
    return place.size_class.value if place and place.size_class else "unknown"


def ineligibility_reasons(
    call: Call, application: Application, *, hosting: set[int] | None = None
) -> list[str]:
    """Why the application falls outside the call's rules; empty when it fits them.
    `hosting` (from `hosting_organisations` below) saves a query per application on long lists."""
    reasons = []
    country = applicant_country(application)
    if call.eligible_countries and country not in call.eligible_countries:
        reasons.append(
            _("%(country)s is not among the call's countries.")
            % {"country": countries.name(country) or _("An unknown country")}
        )
    kinds = call.eligible_organisation_types
    organisation = application.organisation
    if kinds and (organisation is None or organisation.type not in kinds):
        names = dict(Organisation.Type.choices)
        reasons.append(
            _("The call is for: %(kinds)s.") % {"kinds": ", ".join(str(names[k]) for k in kinds)}
        )
    if call.type == Call.Type.HOSTS and not _can_host(organisation, hosting):
        reasons.append(
            _(
                "Host calls are open to organisations with a published good practice marked "
                "“willing to host”; %(organisation)s has none yet."
            )
            % {"organisation": organisation or _("your organisation")}
        )
    return reasons


def _can_host(organisation, hosting: set[int] | None) -> bool:
    if hosting is None:
        return hostable_practices(organisation).exists()
    return organisation is not None and organisation.pk in hosting


def is_eligible(call: Call, application: Application, reasons: list[str] | None = None) -> bool:
    """The rules' verdict (`reasons`, if already known), unless a coordinator decided
    otherwise (with a recorded reason)."""
    if application.eligibility_override is not None:
        return application.eligibility_override
    return not (ineligibility_reasons(call, application) if reasons is None else reasons)


def hostable_practices(organisation):
    """The organisation's published practices whose city is willing to host a visit."""
    if organisation is None:
        return Practice.objects.none()
    return by_title(practices_willing_to_host().filter(organisations=organisation))


def hosting_organisations() -> set[int]:
    """Ids of the organisations with such a practice: for checking many at once."""
    return set(practices_willing_to_host().values_list("organisations", flat=True)) - {None}


def organisations_applying_to_programmes_of(user):
    """Ids of the organisations named by applications to calls of the programmes this person
    coordinates: they decide requests to join such an organisation while it has no member."""
    return Application.objects.filter(
        call__programme__memberships__user=user, call__programme__memberships__role=Role.COORDINATOR
    ).values("organisation")


def coordinators_of_applications_by(organisation):
    """The coordinators of the programmes whose calls have an application naming it."""
    programmes = Application.objects.filter(organisation=organisation).values("call__programme")
    return get_user_model().objects.filter(
        memberships__role=Role.COORDINATOR, memberships__programme__in=programmes
    )
