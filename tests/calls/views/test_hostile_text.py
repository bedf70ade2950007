"""Hostile text typed into every field of a call, an application, a review and a selection is
kept as typed and never becomes markup on any page that shows it."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from citypeers.calls.models import Application, Criterion, Question, ReviewAssignment
from citypeers.calls.services.review import reviewers_assign
from citypeers.calls.services.selection import (
    selection_execute,
    selection_override_save,
    selection_start,
)
from citypeers.programmes.models import Role
from tests.calls.helpers import HOSTILE, complete
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(two_visit_call):
    """Two visits, Vantaa and Kortrijk, open since yesterday."""
    return two_visit_call


TEXT_FIELDS = ["role", "learning_needs", "expertise", "challenge", "motivation", "access_needs"]


class Markup(HTMLParser):
    """What a browser would run: event-handler attributes and script contents."""

    def __init__(self):
        super().__init__()
        self.handlers, self.scripts, self.in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.handlers += [name for name, _value in attrs if name.startswith("on")]
        self.in_script = tag == "script"

    def handle_data(self, data):
        if self.in_script:
            self.scripts.append(data)


def assert_harmless(page: str) -> None:
    markup = Markup()
    markup.feed(page)
    assert markup.handlers == []
    assert not any("alert" in script for script in markup.scripts)


def test_hostile_text_everywhere_is_stored_as_typed_and_shown_as_text(client, programme):
    visit = VisitFactory(programme=programme, title=f"Vantaa {HOSTILE}")
    call = CallFactory(
        programme=programme,
        visits=[visit],
        title=f"Call {HOSTILE}",
        description=f"Come **along** {HOSTILE}",
        eligibility_text=HOSTILE,
        reviewers_per_application=1,
    )
    short = Question.objects.create(call=call, kind="short_text", label=f"Short {HOSTILE}")
    long = Question.objects.create(call=call, kind="long_text", label="Long", help_text=HOSTILE)
    choice = Question.objects.create(
        call=call, kind="single_choice", label="Pick", choices=["Plain", HOSTILE]
    )
    Criterion.objects.create(
        call=call, name=f"Motivation {HOSTILE}", scale_max=5, description=HOSTILE
    )
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    reviewer = MembershipFactory(programme=programme, role=Role.REVIEWER).user
    person = UserFactory(
        display_name=f"Eve {HOSTILE}", organisation=OrganisationFactory(name=f"Org {HOSTILE}")
    )
    client.force_login(person)
    apply_url = reverse("calls:apply", args=[call.slug])
    answers = dict.fromkeys(TEXT_FIELDS, HOSTILE) | {
        f"q_{short.pk}": HOSTILE[:500],
        f"q_{long.pk}": HOSTILE,
        f"q_{choice.pk}": HOSTILE,
        "languages": ["en"],
        "preference_1": visit.pk,
        "preference_2": visit.pk,
        "consent": "on",
        "action": "submit",
    }
    page = client.post(apply_url, answers).text  # the same visit twice: refused, kept
    assert_harmless(page)
    assert "choose each visit once" in page
    answers["preference_2"] = ""
    assert client.post(apply_url, answers).status_code == 302
    application = Application.objects.get()
    assert all(getattr(application, name) == HOSTILE for name in TEXT_FIELDS)
    assert application.answers == {
        str(long.pk): HOSTILE,
        str(short.pk): HOSTILE,
        str(choice.pk): HOSTILE,
    }
    pages = {
        "apply": client.get(apply_url).text,
        "mine": client.get(reverse("calls:mine")).text,
        "detail": client.get(reverse("calls:detail", args=[call.slug])).text,
        "list": client.get(reverse("calls:list")).text,
    }
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get()
    client.force_login(reviewer)
    score_url = reverse("calls:score", args=[call.slug, assignment.pk])
    pages["score"] = client.get(score_url).text
    application_url = reverse("calls:application", args=[call.slug, application.pk])
    pages["application, reviewer"] = client.get(application_url).text
    selection_override_save(
        call=call,
        by=coordinator,
        application=application,
        kind="exclude",
        visit=None,
        reason=HOSTILE,
    )
    selection_execute(selection_start(call=call, by=coordinator))
    client.force_login(coordinator)
    pages |= {
        "applications": client.get(reverse("calls:applications", args=[call.slug])).text,
        "review": client.get(reverse("calls:review", args=[call.slug])).text,
        "application, coordinator": client.get(application_url).text,
        "selection": client.get(reverse("calls:selection", args=[call.slug])).text,
        "messages": client.post(
            reverse("calls:selection_messages", args=[call.slug]),
            {"selected": HOSTILE + " {name}", "preview": "1"},
        ).text,
    }
    for name, page in pages.items():
        assert_harmless(page)
        assert "&lt;script&gt;" in page, name  # shown, as text


def test_hostile_text_is_stored_as_typed_and_shown_harmlessly(client, call):
    person = UserFactory()
    client.force_login(person)
    question = Question.objects.create(
        call=call, kind="long_text", label="Anything else?", required=False
    )
    client.post(
        reverse("calls:apply", args=[call.slug]),
        complete(call, challenge=HOSTILE, **{f"q_{question.pk}": HOSTILE}),
    )
    application = Application.objects.get()
    assert application.challenge == HOSTILE and application.answers[str(question.pk)] == HOSTILE
    page = client.get(reverse("calls:apply", args=[call.slug])).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_a_name_written_as_a_formula_stays_text_in_the_spreadsheets(client, programme):
    visit = VisitFactory(programme=programme)
    call = CallFactory(programme=programme, visits=[visit])
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    formula = '=HYPERLINK("http://evil.example","Click")'
    person = UserFactory(display_name=formula)
    client.force_login(person)
    client.post(
        reverse("calls:apply", args=[call.slug]),
        {
            "role": "@SUM(1+1)",
            "learning_needs": "x",
            "expertise": "x",
            "challenge": "x",
            "motivation": "x",
            "languages": ["en"],
            "preference_1": visit.pk,
            "consent": "on",
            "action": "submit",
        },
    )
    client.force_login(coordinator)
    url = reverse("calls:applications", args=[call.slug])
    csv = client.get(url, {"export": "csv"}).content.decode()
    assert f"'{formula}" in csv.replace('""', '"') and "\n=" not in csv and ",=" not in csv
