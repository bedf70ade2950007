"""Transfer action plans: the participant writes, saves and submits theirs; who else reads it;
comments; the six-month follow-up and its history; the mails, each sent once; the figures."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citypeers.core.audit import AuditEntry
from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import PlanStatus, StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep, PlanComment, StepUpdate
from citypeers.feedback.selectors.plans import add_months, plan_figures
from citypeers.feedback.services.plans import plan_follow_up, plan_save
from citypeers.feedback.tasks import send_plan_mails
from tests.factories import MembershipFactory, VisitFactory
from tests.feedback.conftest import ended

pytestmark = pytest.mark.django_db

TEXTS = {"learnt": "Shops as labs", "challenge": "Empty high street", "adaptation": "Smaller"}


def url(name: str, visit, *pk) -> str:
    return reverse(f"feedback:{name}", args=[visit.programme.slug, visit.slug, *pk])


def post_plan(client, visit, action: str, *, steps=(), **texts):
    data = {
        "action": action,
        "steps-TOTAL_FORMS": str(len(steps) + 1),
        "steps-INITIAL_FORMS": "0",
        **texts,
    }
    for index, (what, owner) in enumerate(steps):
        data[f"steps-{index}-what"], data[f"steps-{index}-owner"] = what, owner
    return client.post(url("plan", visit), data)


def submitted_plan(visit, person, *, steps=("Map the shops", "Talk to owners"), **choices):
    return plan_save(
        visit=visit,
        person=person,
        texts={**TEXTS, **choices},
        steps=[{"what": what, "owner": "Economy unit"} for what in steps],
        submit=True,
    )


# Writing


def test_before_the_last_day_the_page_says_when_it_opens(client, visit, people_by_role):
    visit.starts_on = visit.ends_on = timezone.localdate() + datetime.timedelta(days=3)
    visit.save()
    client.force_login(people_by_role["participant"])
    response = client.get(url("plan", visit))
    assert response.status_code == 200
    assert "this page opens on" in response.text
    assert "<form" not in response.text.split("<main")[-1]


def test_a_participant_saves_a_draft_then_submits_with_two_steps(client, visit, people_by_role):
    ended(visit, days_ago=1)
    participant = people_by_role["participant"]
    client.force_login(participant)
    response = post_plan(client, visit, "draft", learnt="Shops as labs", steps=[("Map", "")])
    assert response.status_code == 302
    plan = ActionPlan.objects.get(visit=visit, person=participant)
    assert plan.status == PlanStatus.DRAFT and plan.learnt == "Shops as labs"
    page = client.get(url("plan", visit)).text
    assert "Your draft is saved" in page and 'value="Map"' in page

    data = {
        "action": "submit",
        "steps-TOTAL_FORMS": "3",
        "steps-INITIAL_FORMS": "1",
        "steps-0-id": str(plan.steps.get().pk),
        "steps-0-what": "Map the shops",
        "steps-1-what": "Talk to owners",
        "steps-1-owner": "Economy unit",
        **TEXTS,
    }
    assert client.post(url("plan", visit), data).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.submitted_at is not None
    assert [s.what for s in plan.steps.all()] == ["Map the shops", "Talk to owners"]
    assert AuditEntry.objects.filter(action="action_plan.submitted").exists()


def test_submitting_an_incomplete_plan_shows_what_is_missing_and_keeps_it(
    client, visit, people_by_role
):
    ended(visit, days_ago=1)
    client.force_login(people_by_role["participant"])
    response = post_plan(client, visit, "submit", learnt="Shops as labs", risks="Rents")
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Fill this in before you submit the plan." in response.text
    assert "Add at least one step before you submit the plan." in response.text
    assert "Shops as labs" in response.text and "Rents" in response.text  # nothing lost
    assert not ActionPlan.objects.exists()


def test_add_a_step_gives_one_more_row_without_saving(client, visit, people_by_role):
    ended(visit, days_ago=1)
    client.force_login(people_by_role["participant"])
    response = post_plan(client, visit, "add_step", learnt="Kept", steps=[("Map", "")])
    assert response.status_code == 200
    assert 'name="steps-2-what"' in response.text and 'value="Map"' in response.text
    assert not ActionPlan.objects.exists()


def test_a_step_with_an_owner_but_no_what_is_refused_at_its_field(client, visit, people_by_role):
    ended(visit, days_ago=1)
    client.force_login(people_by_role["participant"])
    response = post_plan(client, visit, "draft", steps=[("", "Economy unit")])
    assert "Step 1, What: Say what the step is, or clear its row." in response.text


def test_the_service_refuses_a_plan_before_the_visit_ends(visit, people_by_role):
    visit.starts_on = visit.ends_on = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(FeedbackError):
        submitted_plan(visit, people_by_role["participant"])


def test_a_submitted_plans_steps_are_kept_when_left_out(visit, people_by_role):
    ended(visit, days_ago=1)
    plan = submitted_plan(visit, people_by_role["participant"])
    plan_save(visit=visit, person=plan.person, texts=TEXTS, steps=[], submit=False)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.steps.count() == 2


# Who reads a plan


def test_another_participant_cannot_read_it(client, visit, people_by_role, other_participant):
    ended(visit, days_ago=1)
    plan = submitted_plan(visit, people_by_role["participant"], shared_with_host=True)
    client.force_login(other_participant)
    assert client.get(url("plan_read", visit, plan.pk)).status_code == 403
    assert client.get(url("plan_list", visit)).status_code == 403


@pytest.mark.parametrize("role", ["host", "expert"])
def test_the_host_and_the_expert_see_a_plan_only_once_shared_with_them(
    client, visit, people_by_role, role
):
    ended(visit, days_ago=1)
    plan = submitted_plan(visit, people_by_role["participant"])
    client.force_login(people_by_role[role])
    assert "Shops as labs" not in client.get(url("plan_list", visit)).text
    assert client.get(url("plan_read", visit, plan.pk)).status_code == 403
    other = "expert" if role == "host" else "host"
    ActionPlan.objects.filter(pk=plan.pk).update(**{f"shared_with_{other}": True})
    assert client.get(url("plan_read", visit, plan.pk)).status_code == 403
    ActionPlan.objects.filter(pk=plan.pk).update(**{f"shared_with_{role}": True})
    listing = client.get(url("plan_list", visit)).text
    assert str(plan.person) in listing and "0 of 2" in listing
    assert "Shops as labs" in client.get(url("plan_read", visit, plan.pk)).text


def test_a_shared_draft_stays_hidden_from_the_host(client, visit, people_by_role):
    ended(visit, days_ago=1)
    plan = plan_save(
        visit=visit,
        person=people_by_role["participant"],
        texts={"learnt": "Half", "shared_with_host": True},
        steps=[],
    )
    client.force_login(people_by_role["host"])
    assert client.get(url("plan_read", visit, plan.pk)).status_code == 403


def test_coordinators_see_every_plan_and_export_it(client, visit, people_by_role):
    ended(visit, days_ago=1)
    submitted_plan(visit, people_by_role["participant"])
    client.force_login(people_by_role["coordinator"])
    assert str(people_by_role["participant"]) in client.get(url("plan_list", visit)).text
    export = client.get(url("plan_list", visit) + "?export=csv")
    assert export["Content-Type"].startswith("text/csv")
    assert "Shops as labs" in export.content.decode() and "Submitted" in export.content.decode()
    assert client.get(url("plan_list", visit) + "?export=xlsx").status_code == 200


def test_the_plan_list_asks_as_many_queries_for_three_plans_as_for_one(
    client, visit, people_by_role, django_assert_max_num_queries
):

    ended(visit, days_ago=1)
    client.force_login(people_by_role["coordinator"])
    submitted_plan(visit, people_by_role["participant"])
    with django_assert_max_num_queries(12) as one:
        client.get(url("plan_list", visit))
    # The download also records itself in the audit trail: a few queries more, as many.
    with django_assert_max_num_queries(16) as one_download:
        client.get(url("plan_list", visit) + "?export=xlsx")
    for _ in range(2):
        person = MembershipFactory(programme=visit.programme, visit=visit).user
        submitted_plan(visit, person)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url("plan_list", visit))
    with django_assert_max_num_queries(len(one_download.captured_queries)):
        client.get(url("plan_list", visit) + "?export=xlsx")


# Comments


def test_the_host_comments_a_shared_plan_and_its_author_reads_it(client, visit, people_by_role):
    ended(visit, days_ago=1)
    plan = submitted_plan(visit, people_by_role["participant"], shared_with_host=True)
    client.force_login(people_by_role["host"])
    response = client.post(url("plan_read", visit, plan.pk), {"body": ""})
    assert response.status_code == 200 and "This field is required." in response.text
    response = client.post(url("plan_read", visit, plan.pk), {"body": "Start with one street"})
    assert response.status_code == 302
    assert PlanComment.objects.get().author == people_by_role["host"]
    client.force_login(people_by_role["participant"])
    page = client.get(url("plan", visit)).text
    assert "Start with one street" in page
    assert client.post(url("plan_read", visit, plan.pk), {"body": "Me"}).status_code == 403


# Follow-up


def test_the_follow_up_before_six_months_says_when_it_opens(client, visit, people_by_role):
    ended(visit, days_ago=30)
    submitted_plan(visit, people_by_role["participant"])
    client.force_login(people_by_role["participant"])
    response = client.get(url("plan_follow_up", visit))
    assert response.status_code == 200
    assert "The follow-up opens six months after the visit, on" in response.text
    assert response.context["opens_on"] == add_months(visit.ends_on, 6)


def test_the_follow_up_service_refuses_before_six_months(visit, people_by_role):
    ended(visit, days_ago=100)
    plan = submitted_plan(visit, people_by_role["participant"])
    with pytest.raises(FeedbackError):
        plan_follow_up(plan=plan, updates=[], new_steps=[], by=plan.person)


def test_the_follow_up_updates_steps_keeps_history_and_adds_steps(client, visit, people_by_role):
    ended(visit, days_ago=200)
    plan = submitted_plan(visit, people_by_role["participant"])
    first, second = plan.steps.all()
    client.force_login(plan.person)
    data = {
        f"s{first.pk}-status": "done",
        f"s{first.pk}-evidence": "Council decision 12/2027",
        f"s{first.pk}-evidence_url": "https://example.org/decision",
        f"s{second.pk}-status": "planned",
        "new-TOTAL_FORMS": "1",
        "new-INITIAL_FORMS": "0",
        "new-0-what": "Open a pop-up shop",
        "action": "save",
    }
    assert client.post(url("plan_follow_up", visit), data).status_code == 302
    first.refresh_from_db()
    assert first.status == StepStatus.DONE and first.evidence == "Council decision 12/2027"
    assert list(first.updates.values_list("status", flat=True)) == ["done"]
    assert not second.updates.exists()  # unchanged: no history line
    assert plan.steps.count() == 3
    data[f"s{first.pk}-status"] = "dropped"
    data[f"s{plan.steps.last().pk}-status"] = "planned"
    data["new-0-what"] = ""
    assert client.post(url("plan_follow_up", visit), data).status_code == 302
    assert list(first.updates.values_list("status", flat=True)) == ["done", "dropped"]
    plan.refresh_from_db()
    assert plan.followed_up_at is not None


def test_a_bad_evidence_link_is_refused_at_its_field(client, visit, people_by_role):
    ended(visit, days_ago=200)
    plan = submitted_plan(visit, people_by_role["participant"], steps=["Map"])
    step = plan.steps.get()
    client.force_login(plan.person)
    data = {
        f"s{step.pk}-status": "done",
        f"s{step.pk}-evidence_url": "not a link",
        "new-TOTAL_FORMS": "1",
        "new-INITIAL_FORMS": "0",
    }
    response = client.post(url("plan_follow_up", visit), data)
    assert response.status_code == 200 and "Enter a valid URL." in response.text
    assert not StepUpdate.objects.exists()


# /me/


def test_me_asks_for_the_plan_then_for_the_follow_up(client, visit, people_by_role):
    participant = people_by_role["participant"]
    client.force_login(participant)
    ended(visit, days_ago=2)
    assert "Write your transfer action plan" in client.get(reverse("programmes:dashboard")).text
    plan = submitted_plan(visit, participant)
    page = client.get(reverse("programmes:dashboard")).text
    assert "Write your transfer action plan" not in page
    assert "six-month follow-up" not in page
    ended(visit, days_ago=190)
    page = client.get(reverse("programmes:dashboard")).text
    assert "Update your action plan (six-month follow-up)" in page
    plan_follow_up(plan=plan, updates=[], new_steps=[], by=participant)
    assert "six-month follow-up" not in client.get(reverse("programmes:dashboard")).text


# Mails


def test_the_invitation_and_the_follow_up_are_each_mailed_once(
    visit, people_by_role, other_participant, monkeypatch
):
    participant = people_by_role["participant"]
    ended(visit, days_ago=1)
    assert send_plan_mails.call() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [participant.email, other_participant.email]
    )
    assert mail.outbox[0].subject == f"Your transfer action plan for “{visit.title}”"
    assert "/action-plan/" in mail.outbox[0].body
    assert send_plan_mails.call() == 0  # not twice
    submitted_plan(visit, participant)
    mail.outbox.clear()
    today = add_months(visit.ends_on, 6)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    assert send_plan_mails.call() == 1  # only the one who submitted a plan
    assert mail.outbox[0].to == [participant.email]
    assert "/action-plan/follow-up/" in mail.outbox[0].body
    assert send_plan_mails.call() == 0


def test_visits_long_past_are_not_mailed(visit, people_by_role):
    ended(visit, days_ago=40)
    assert send_plan_mails.call() == 0


# Figures


def test_figures_equal_a_recount(visit, people_by_role, other_participant):
    ended(visit, days_ago=200)
    elsewhere = ended(VisitFactory(programme=visit.programme), days_ago=200)
    first = submitted_plan(
        visit, people_by_role["participant"], quote_to_publish="Yes", quote_consent=True
    )
    submitted_plan(elsewhere, other_participant, steps=["One", "Two", "Three"])
    plan_save(visit=visit, person=other_participant, texts=TEXTS, steps=[{"what": "Draft"}])
    step = first.steps.first()
    update = {"id": step.pk, "status": "done", "evidence": "", "evidence_url": ""}
    plan_follow_up(plan=first, updates=[update], new_steps=[], by=first.person)
    later = first.steps.last()
    update = {"id": later.pk, "status": "in_progress", "evidence": "", "evidence_url": ""}
    plan_follow_up(plan=first, updates=[update], new_steps=[], by=first.person)

    figures = plan_figures([visit, elsewhere])
    plans = [p for p in ActionPlan.objects.all() if p.status == "submitted"]
    steps = [s for s in ActionStep.objects.all() if s.plan in plans]
    assert figures.plans_submitted == len(plans) == 2
    assert figures.steps_total == len(steps) == 5
    assert figures.steps_done == sum(s.status == "done" for s in steps) == 1
    assert figures.steps_in_progress == 1 and figures.steps_dropped == 0
    assert figures.steps_updated_at_follow_up == len({u.step_id for u in StepUpdate.objects.all()})
    assert figures.quotes_consented == 1
    assert plan_figures([elsewhere]).steps_total == 3


def test_months_are_added_to_the_last_day_of_a_shorter_month():
    assert add_months(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)
    assert add_months(datetime.date(2027, 1, 15), -6) == datetime.date(2026, 7, 15)
