"""Every protected view against every role: allowed roles get the page, others get 403,
anonymous visitors are sent to the log-in page."""

import pytest
from django.core import mail
from django.urls import reverse

from citypeers.calls.models import SelectionRun
from citypeers.core.models import OutboxMessage
from citypeers.programmes.models import Membership
from tests.factories import (
    ActivityFormatFactory,
    CallFactory,
    PracticeFactory,
    TemplateVersionFactory,
    ThemeFactory,
)

SIGNED_IN = [
    "coordinator",
    "coordinator_elsewhere",
    "host",
    "reviewer",
    "participant",
    "expert",
    "rapporteur",
    "no_role",
    "staff",
]
EVERYONE_SIGNED_IN = set(SIGNED_IN)


def _outbox_message():
    return OutboxMessage.objects.create(from_email="a@example.org", to="b@example.org", subject="S")


def _finished_run(call):
    result = {"status": "optimal", "assignments": {}, "waiting_lists": {}, "decisions": {}}
    instance = {"visits": [], "applicants": []}
    return SelectionRun.objects.get_or_create(
        call=call, number=1, defaults={"status": "done", "instance": instance, "result": result}
    )[0]


def _any_membership(programme):
    return Membership.objects.filter(programme=programme).first()


PROTECTED_VIEWS = {
    "outbox": (lambda ctx: reverse("core:outbox"), {"staff"}),
    "outbox message": (
        lambda ctx: reverse("core:outbox_message", args=[_outbox_message().pk]),
        {"staff"},
    ),
    "programme members": (
        lambda ctx: reverse("programmes:members", args=[ctx["programme"].slug]),
        {"coordinator", "staff"},
    ),
    "programme members export": (
        lambda ctx: reverse("programmes:members", args=[ctx["programme"].slug]) + "?export=csv",
        {"coordinator", "staff"},
    ),
    "remove a member": (
        lambda ctx: reverse(
            "programmes:member_remove",
            args=[ctx["programme"].slug, _any_membership(ctx["programme"]).pk],
        ),
        {"coordinator", "staff"},
    ),
    "add a place": (
        lambda ctx: reverse("places:create"),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "my page": (lambda ctx: reverse("programmes:dashboard"), EVERYONE_SIGNED_IN),
    "share a practice": (lambda ctx: reverse("catalogue:create"), EVERYONE_SIGNED_IN),
    "my practices": (lambda ctx: reverse("catalogue:mine"), EVERYONE_SIGNED_IN),
    "practices to review": (lambda ctx: reverse("catalogue:review_queue"), EVERYONE_SIGNED_IN),
    "edit someone's draft": (
        lambda ctx: reverse("catalogue:edit", args=[ctx["practice"].slug]),
        {"staff"},
    ),
    "review a practice": (
        lambda ctx: reverse("catalogue:review", args=[ctx["practice"].slug]),
        {"coordinator", "staff"},
    ),
    "themes": (
        lambda ctx: reverse("programmes:themes"),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "edit a theme": (
        lambda ctx: reverse("programmes:theme_edit", args=[ctx["theme"].slug]),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "history of a practice": (
        lambda ctx: reverse("catalogue:history", args=[ctx["practice"].slug]),
        {"coordinator", "staff"},
    ),
    "my profile": (lambda ctx: reverse("people:profile"), EVERYONE_SIGNED_IN),
    "edit a template": (
        lambda ctx: reverse("methodology:template_edit", args=[ctx["template"].slug]),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "turn a plan into a visit": (
        lambda ctx: reverse("visits:create_from_plan"),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "visits I run": (lambda ctx: reverse("visits:dashboard"), EVERYONE_SIGNED_IN),
    "apply to a call": (
        lambda ctx: reverse("calls:apply", args=[ctx["call"].slug]),
        EVERYONE_SIGNED_IN,
    ),
    "my applications": (lambda ctx: reverse("calls:mine"), EVERYONE_SIGNED_IN),
    "new call": (
        lambda ctx: reverse("calls:create"),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "edit a call": (
        lambda ctx: reverse("calls:edit", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a call's questions": (
        lambda ctx: reverse("calls:questions", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "review a call (assigned reviewers only, none here)": (
        lambda ctx: reverse("calls:review", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a call's applications": (
        lambda ctx: reverse("calls:applications", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a call's selection": (
        lambda ctx: reverse("calls:selection", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a call's selection as JSON": (
        lambda ctx: reverse("calls:selection", args=[ctx["call"].slug]) + "?export=json",
        {"coordinator", "staff"},
    ),
    "checking a run before publishing it": (
        lambda ctx: (
            reverse("calls:selection_publish", args=[ctx["call"].slug])
            + f"?run={_finished_run(ctx['call']).number}"
        ),
        {"coordinator", "staff"},
    ),
    "a call's decision e-mails": (
        lambda ctx: reverse("calls:selection_messages", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a call's rubric": (
        lambda ctx: reverse("calls:rubric", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "preview a call's form": (
        lambda ctx: reverse("calls:preview", args=[ctx["call"].slug]),
        {"coordinator", "staff"},
    ),
    "a visit's workspace": (
        lambda ctx: reverse("visits:workspace", args=[ctx["programme"].slug, ctx["visit"].slug]),
        {"coordinator", "host", "expert", "rapporteur", "staff"},
    ),
    "add a format": (
        lambda ctx: reverse("methodology:format_create"),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
    "edit a format": (
        lambda ctx: reverse("methodology:format_edit", args=[ctx["format"].slug]),
        {"coordinator", "coordinator_elsewhere", "staff"},
    ),
}


@pytest.fixture
def context(programme, visit, people_by_role):
    practice = PracticeFactory(programme=programme, status="submitted")
    return {
        "programme": programme,
        "people": people_by_role,
        "practice": practice,
        "theme": ThemeFactory(),
        "format": ActivityFormatFactory(),
        "template": TemplateVersionFactory().template,
        "visit": visit,
        "call": CallFactory(programme=programme, visits=[visit]),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("view", PROTECTED_VIEWS)
@pytest.mark.parametrize("role", SIGNED_IN)
def test_signed_in_roles_get_the_page_or_403(client, context, view, role):
    url_for, allowed = PROTECTED_VIEWS[view]
    client.force_login(context["people"][role])
    response = client.get(url_for(context))
    assert response.status_code == (200 if role in allowed else 403)


@pytest.mark.django_db
@pytest.mark.parametrize("view", PROTECTED_VIEWS)
def test_anonymous_visitors_are_sent_to_log_in(client, context, view):
    url_for, _allowed = PROTECTED_VIEWS[view]
    url = url_for(context)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(set(SIGNED_IN) - {"coordinator", "staff"}))
def test_only_coordinators_can_give_roles(client, context, role):
    """A POST is refused as firmly as a GET: nothing is created, nobody is e-mailed."""
    client.force_login(context["people"][role])
    before = Membership.objects.count()
    response = client.post(
        reverse("programmes:members", args=[context["programme"].slug]),
        {"email": context["people"]["no_role"].email, "role": "reviewer"},
    )
    assert response.status_code == 403
    assert Membership.objects.count() == before
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["host", "participant", "no_role", "staff"])
def test_admin_site_is_for_staff_only(client, context, role):
    client.force_login(context["people"][role])
    response = client.get("/admin/", follow=True)
    assert response.status_code == (200 if role == "staff" else 403)


@pytest.mark.django_db
def test_the_admin_sends_anonymous_visitors_to_the_rate_limited_log_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200
