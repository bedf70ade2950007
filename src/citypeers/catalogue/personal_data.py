"""What the catalogue keeps about a person: the good practices they submitted. A practice is
its organisation's and the programme's, so it stays on erasure (its versions' history goes:
`people.erasure`). Registered by `CatalogueConfig.ready()` into `people.personal_data`."""

from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice
from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import PersonalData, kept, personal_data_register, records


def _practices(user: User) -> list[dict]:
    return records(Practice.objects.filter(submitted_by=user), ["title", "status"])


PRACTICES = PersonalData(
    key="catalogue.practices",
    name=_("Good practices you submitted"),
    what=_("That you submitted them, and the history of your changes."),
    purpose=_("Knowing whom to ask about a practice while it is reviewed."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The programme's coordinators; published practices: everyone, without your name."),
    export=_practices,
    erase=kept,
    retention_text=_(
        "As long as the practice; on erasure, it stays without your name and its history goes."
    ),
)


def register() -> None:
    personal_data_register(PRACTICES)
