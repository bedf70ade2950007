from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from citypeers.catalogue.models import Practice
from citypeers.programmes.models import Membership, Role
from citypeers.programmes.tasks import preferred_language


def _send(template: str, *, to, context: dict) -> None:
    with translation.override(preferred_language(to)):
        context = {**context, "site_url": settings.SITE_URL}
        subject = render_to_string(f"catalogue/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"catalogue/email/{template}_body.txt", context)
    send_mail(subject, body, None, [to.email])


@task()
def notify_coordinators_of_submission(*, practice_id: int) -> None:
    """Tell each coordinator of the programme, in their language, that a practice awaits review."""
    practice = (
        Practice.objects.select_related("programme", "submitted_by").filter(pk=practice_id).first()
    )
    if practice is None or practice.status != Practice.Status.SUBMITTED:
        return
    coordinators = Membership.objects.filter(
        programme=practice.programme, role=Role.COORDINATOR, visit=None
    ).select_related("user")
    for membership in coordinators:
        with translation.override(preferred_language(membership.user)):
            url = reverse("catalogue:review", kwargs={"slug": practice.slug})
        _send("submitted", to=membership.user, context={"practice": practice, "path": url})


@task()
def notify_submitter_of_review(*, practice_id: int) -> None:
    """Tell the author the outcome of the review, with the reviewer's comment."""
    practice = Practice.objects.select_related("submitted_by").filter(pk=practice_id).first()
    if practice is None or practice.submitted_by is None:
        return
    with translation.override(preferred_language(practice.submitted_by)):
        url = reverse("catalogue:detail", kwargs={"slug": practice.slug})
    _send("reviewed", to=practice.submitted_by, context={"practice": practice, "path": url})
