from citypeers.catalogue.models import Practice
from citypeers.core.background import retrying_task
from citypeers.core.notifications import send_templated_mail
from citypeers.programmes.models import Membership, Role


@retrying_task(atomic=True)
def notify_coordinators_of_submission(*, practice_id: int) -> None:
    """Tell each coordinator of the programme, in their language, that a practice awaits review."""
    practices = Practice.objects.select_related("programme", "submitted_by")
    practice = practices.filter(pk=practice_id).first()
    if practice is None or practice.status != Practice.Status.SUBMITTED:
        return
    coordinators = Membership.objects.filter(
        programme=practice.programme, role=Role.COORDINATOR, visit=None
    ).select_related("user")
    for membership in coordinators:
        send_templated_mail(
            to=membership.user,
            template="catalogue/email/submitted",
            context={"practice": practice},
            link=("catalogue:review", {"slug": practice.slug}),
        )


@retrying_task(atomic=True)
def notify_submitter_of_review(*, practice_id: int) -> None:
    """Tell the author the outcome of the review, with the reviewer's comment."""
    practice = Practice.objects.select_related("submitted_by").filter(pk=practice_id).first()
    if practice is None or practice.submitted_by is None:
        return
    send_templated_mail(
        to=practice.submitted_by,
        template="catalogue/email/reviewed",
        context={"practice": practice},
        link=("catalogue:detail", {"slug": practice.slug}),
    )
