"""The feedback pages a person may open from a visit's page and workspace (registered with
`visits.selectors.links` by `signals.connect`, since visits cannot import this app)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit
from citypeers.visits.permissions import visit_last_day

# (permission, label, URL name), in the order shown; the own plan waits for the visit's end.
VISIT_PAGES = (
    ("feedback.write_plan", _("Your transfer action plan"), "feedback:plan"),
    ("feedback.run_surveys", _("Surveys"), "feedback:surveys"),
    ("feedback.view_plans", _("Transfer action plans"), "feedback:plan_list"),
    ("feedback.record_lessons", _("Lessons for the methodology"), "feedback:lessons"),
    ("feedback.view_methodology_test", _("Methodology test report"), "feedback:methodology_test"),
)


def visit_feedback_links(visit: Visit, user) -> list[tuple[str, str]]:
    """The pages the person may open, then, once the visit is over, its impact (public)."""
    args = [visit.programme.slug, visit.slug]
    last_day = visit_last_day(visit)
    over = last_day is not None and last_day <= timezone.localdate()
    links = [
        (str(label), reverse(name, args=args))
        for permission, label, name in VISIT_PAGES
        if user.is_authenticated
        and (name != "feedback:plan" or over)
        and user.has_perm(permission, visit)
    ]
    if over:
        links.append((str(_("The visit's impact")), reverse("feedback:visit_impact", args=args)))
    return links
