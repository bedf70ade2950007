from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.programmes.models import Membership
from citypeers.programmes.selectors import where_the_role_starts


@retrying_task(atomic=True)
def notify_membership_added(*, membership_id: int) -> None:
    """Tell a person, in their language, that they were given a role."""
    membership = (
        Membership.objects.select_related("user", "programme", "visit")
        .filter(pk=membership_id)
        .first()
    )
    if membership is None:  # removed again before the worker got to it
        return
    link = where_the_role_starts(membership=membership)
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership, "page": link[0]},
        link=link,
    )
