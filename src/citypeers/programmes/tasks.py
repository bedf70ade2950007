from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from citypeers.programmes.models import Membership


def preferred_language(user) -> str:
    shipped = {code for code, _name in settings.LANGUAGES}
    return next((code for code in user.languages if code in shipped), settings.LANGUAGE_CODE)


@task()
def notify_membership_added(*, membership_id: int) -> None:
    """Tell a person, in their language, that they were given a role."""
    membership = (
        Membership.objects.select_related("user", "programme", "visit")
        .filter(pk=membership_id)
        .first()
    )
    if membership is None:  # removed again before the worker got to it
        return
    with translation.override(preferred_language(membership.user)):
        context = {
            "membership": membership,
            "programme_url": settings.SITE_URL
            + reverse("programmes:detail", kwargs={"slug": membership.programme.slug}),
        }
        subject = render_to_string("programmes/email/membership_added_subject.txt", context).strip()
        body = render_to_string("programmes/email/membership_added_body.txt", context)
    send_mail(subject, body, None, [membership.user.email])
