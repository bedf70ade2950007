"""What the catalogue tells the apps below it when it loads."""

from citypeers.catalogue.selectors import (
    coordinators_of_practices_by,
    organisations_in_practices_coordinated_by,
)
from citypeers.people.selectors import ProgrammeLink, programme_link_register


def connect() -> None:
    # A practice's organisations take part in its programme: where such an organisation has
    # no member yet, the programme's coordinators decide requests to join it.
    programme_link_register(
        ProgrammeLink(organisations_in_practices_coordinated_by, coordinators_of_practices_by)
    )
