import rules

from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.enums import TEAM_ROLES


@rules.predicate
def is_visit_team(user, visit: Visit) -> bool:
    """The programme's coordinators and the visit's host, experts and rapporteurs."""
    if not user.is_authenticated or visit is None:
        return False
    memberships = Membership.objects.filter(user=user, programme_id=visit.programme_id)
    return (
        memberships.filter(role=Role.COORDINATOR).exists()
        or memberships.filter(visit=visit, role__in=TEAM_ROLES).exists()
    )
