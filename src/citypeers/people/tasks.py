from django_tasks import task

from citypeers.core.notifications import send_templated_mail
from citypeers.people.enums import AffiliationState
from citypeers.people.models import Affiliation
from citypeers.people.selectors import deciders_of


@task()
def notify_affiliation_requested(*, affiliation_id: int) -> None:
    """Tell whoever decides (members, else coordinators, else staff) that a request waits."""
    affiliation = (
        Affiliation.objects.select_related("user", "organisation").filter(pk=affiliation_id).first()
    )
    if affiliation is None or affiliation.state != AffiliationState.PENDING:
        return  # decided or withdrawn before the worker got to it
    for person in deciders_of(organisation=affiliation.organisation):
        send_templated_mail(
            to=person,
            template="people/email/affiliation_requested",
            context={"affiliation": affiliation, "decider": person},
            link=("people:affiliations", {}),
        )


@task()
def notify_affiliation_decided(*, affiliation_id: int) -> None:
    """Tell the person who asked whether they were approved, with the reason if one was given."""
    affiliation = (
        Affiliation.objects.select_related("user", "organisation").filter(pk=affiliation_id).first()
    )
    if affiliation is None:
        return
    send_templated_mail(
        to=affiliation.user,
        template="people/email/affiliation_decided",
        context={"affiliation": affiliation},
        link=("people:profile", {}),
    )
