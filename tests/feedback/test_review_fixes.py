"""Fixes from review: Enter in a plan's text field saves (the save button comes first in the
form), the visit page links its feedback pages to whoever may open them, and staff read the
feedback models in the admin without being able to change them."""

import re

import pytest
from django.urls import reverse

from citypeers.feedback.models import Answer, Response
from citypeers.feedback.services.answering import AnswerDraft, response_submit
from citypeers.feedback.services.plans import plan_save
from tests.feedback.conftest import ended
from tests.feedback.factories import invitation_for, survey_of

pytestmark = pytest.mark.django_db
TEXTS = {"learnt": "Shops as labs", "challenge": "Empty high street", "adaptation": "Smaller"}


def url(name: str, visit) -> str:
    return reverse(f"feedback:{name}", args=[visit.programme.slug, visit.slug])


def submit_buttons(html: str) -> list[str]:
    """The labels of the page's main form's submit buttons, in the order of the page."""
    form = re.search(r'<form method="post" class="stack-form wide-form".*?</form>', html, re.S)
    buttons = re.findall(r'<button type="submit"[^>]*>([^<]+)</button>', form.group(0))
    return [label.strip() for label in buttons]


def test_enter_in_a_draft_plan_saves_the_draft_not_add_a_step(client, visit, people_by_role):
    ended(visit, days_ago=1)
    client.force_login(people_by_role["participant"])
    buttons = submit_buttons(client.get(url("plan", visit)).text)
    # A browser's Enter presses the form's first submit button.
    assert buttons == ["Save as draft", "Submit the plan", "Add a step"]


def test_enter_in_a_submitted_plan_or_its_follow_up_saves(client, visit, people_by_role):
    ended(visit, days_ago=200)
    person = people_by_role["participant"]
    steps = [{"what": "Map the shops"}]
    plan_save(visit=visit, person=person, texts=TEXTS, steps=steps, submit=True)
    client.force_login(person)
    assert submit_buttons(client.get(url("plan", visit)).text)[0] == "Save the plan"
    follow_up = submit_buttons(client.get(url("plan_follow_up", visit)).text)
    assert follow_up == ["Save the follow-up", "Add a step"]


def visit_page(client, visit) -> str:
    return client.get(
        reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    ).content.decode()


def test_the_visit_page_links_the_teams_feedback_pages(client, visit, people_by_role):
    ended(visit, days_ago=1)
    client.force_login(people_by_role["coordinator"])
    page = visit_page(client, visit)
    assert f'href="{url("surveys", visit)}"' in page
    assert f'href="{url("plan_list", visit)}"' in page
    assert f'href="{url("lessons", visit)}"' in page
    # The rapporteur runs the surveys but reads no one's plan.
    client.force_login(people_by_role["rapporteur"])
    page = visit_page(client, visit)
    assert f'href="{url("surveys", visit)}"' in page
    assert f'href="{url("plan_list", visit)}"' not in page


def test_the_visit_page_links_a_participants_own_plan_once_it_opens(client, visit, people_by_role):
    client.force_login(people_by_role["participant"])
    ended(visit, days_ago=-5)  # still to come
    assert f'href="{url("plan", visit)}"' not in visit_page(client, visit)
    ended(visit, days_ago=1)
    page = visit_page(client, visit)
    assert f'href="{url("plan", visit)}"' in page and "Your transfer action plan" in page
    assert f'href="{url("surveys", visit)}"' not in page
    client.logout()
    assert f'href="{url("plan", visit)}"' not in visit_page(client, visit)


def test_staff_read_answers_in_the_admin_but_cannot_change_them(client, visit, people_by_role):
    survey = survey_of(visit)
    person = people_by_role["participant"]
    question = survey.version.questions.get(key="will-apply")
    response_submit(
        invitation=invitation_for(survey, person),
        answers=[AnswerDraft(question=question, text="Guided walks")],
    )
    client.force_login(people_by_role["staff"])
    response = Response.objects.get()
    page = client.get(reverse("admin:feedback_response_change", args=[response.pk]))
    assert page.status_code == 200 and "Guided walks" in page.text
    assert person.email not in page.text and str(person) not in page.text
    assert 'name="_save"' not in page.text  # nothing to save: read only
    assert client.get(reverse("admin:feedback_answer_changelist")).status_code == 200
    assert client.get(reverse("admin:feedback_answer_add")).status_code == 403
    assert (
        client.post(reverse("admin:feedback_response_delete", args=[response.pk])).status_code
        == 403
    )
    assert Answer.objects.count() == 1
    invitations = client.get(reverse("admin:feedback_invitation_changelist"))
    assert invitations.status_code == 200


@pytest.mark.parametrize(
    "model",
    [
        "survey",
        "actionplan",
        "stepupdate",
        "plancomment",
        "planmailsent",
        "formatlesson",
        "methodologyproposal",
    ],
)
def test_every_feedback_model_has_an_admin_list(client, staff, model):
    client.force_login(staff)
    assert client.get(reverse(f"admin:feedback_{model}_changelist")).status_code == 200
