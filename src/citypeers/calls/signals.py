"""What the calls app does when something below it changes; connected by CallsConfig.ready()."""

from citypeers.calls.services.review import review_assignments_end
from citypeers.programmes.models import Role
from citypeers.programmes.signals import membership_ended


def reviewer_role_ended(sender, membership, by, **kwargs) -> None:
    """A reviewer removed from the programme stops reviewing: open assignments end."""
    if membership.role == Role.REVIEWER:
        review_assignments_end(reviewer=membership.user, programme=membership.programme, by=by)


def connect() -> None:
    membership_ended.connect(reviewer_role_ended, dispatch_uid="calls.reviewer_role_ended")
