"""What the 2021 visits left behind in the demo, as `citypeers demo` builds it (once for the
module, in a transaction rolled back after its last test): answered surveys, plans followed up
six months on, lessons and proposals; and a second run adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from citypeers.core.models import OutboxMessage
from citypeers.feedback.enums import Moment, StepStatus
from citypeers.feedback.models import (
    ActionPlan,
    ActionStep,
    Answer,
    FormatLesson,
    Invitation,
    MethodologyProposal,
    Response,
    StepUpdate,
    Survey,
)
from citypeers.feedback.selectors.plans import follow_up_opens_on
from citypeers.people.models import User
from citypeers.programmes.models import Visit

pytestmark = pytest.mark.django_db
CHIA = "cultural-heritage-in-action-2021"


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The demo, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def visits_2021(built):
    return list(Visit.objects.filter(programme__slug=CHIA).order_by("starts_on"))


def end_of_visit_rate(visit) -> float:
    invitations = Invitation.objects.filter(survey__visit=visit, survey__moment=Moment.END_OF_VISIT)
    return invitations.filter(answered=True).count() / invitations.count()


def test_each_2021_visit_has_its_surveys_sent_in_2021_and_mostly_answered(visits_2021):
    rates = []
    for visit in visits_2021:
        surveys = Survey.objects.filter(visit=visit)
        moments = set(surveys.values_list("moment", flat=True))
        assert moments == {Moment.DAILY_PULSE, Moment.END_OF_VISIT, Moment.HOST, Moment.FOLLOW_UP}
        assert not surveys.filter(sent_at=None).exists(), visit.slug
        # Sent in 2021 (the follow-up six months after the last day, still that year).
        assert {survey.sent_at.year for survey in surveys} == {2021}, visit.slug
        rate = end_of_visit_rate(visit)
        assert 0.55 <= rate <= 0.9, (visit.slug, rate)
        rates.append(round(rate, 2))
        # Each answered invitation has its response, and the responses name nobody.
        answered = Invitation.objects.filter(survey__visit=visit, answered=True).count()
        assert Response.objects.filter(survey__visit=visit).count() == answered
    assert len(set(rates)) >= 5  # the numbers vary by visit


def test_the_answers_vary_by_visit_and_speak_of_its_host(visits_2021):
    averages = set()
    for visit in visits_2021:
        ratings = Answer.objects.filter(
            response__survey__visit=visit, question__key="satisfaction"
        ).values_list("number", flat=True)
        averages.add(round(sum(ratings) / len(ratings), 1))
        texts = " ".join(
            Answer.objects.filter(response__survey__visit=visit).values_list("text", flat=True)
        )
        assert visit.host_place.name in texts, visit.slug
        assert "lorem" not in texts.lower()
    assert len(averages) >= 4
    # Session ratings reach the sessions, so their formats.
    assert Answer.objects.filter(question__key="sessions", session__isnull=False).exists()


def test_the_demo_mails_nobody_about_2021(built):
    assert not OutboxMessage.objects.filter(subject__icontains="survey").exists()
    assert Invitation.objects.filter(survey__visit__programme__slug=CHIA, sent_at=None).count() == 0


def test_about_half_the_participants_wrote_a_plan_followed_up_six_months_on(visits_2021):
    for visit in visits_2021:
        plans = ActionPlan.objects.filter(visit=visit)
        assert 8 <= plans.count() <= 16, visit.slug
        assert not plans.filter(submitted_at=None).exists()
        for plan in plans:
            assert 2 <= plan.steps.count() <= 4
        assert plans.filter(shared_with_host=True).exists(), visit.slug
        updates = StepUpdate.objects.filter(step__plan__visit=visit)
        assert updates.exists(), visit.slug
        assert all(update.at.date() >= follow_up_opens_on(visit) for update in updates)
    steps = ActionStep.objects.filter(plan__visit__programme__slug=CHIA)
    done = steps.filter(status=StepStatus.DONE)
    assert done.exists() and not done.filter(evidence="").exists()
    assert steps.filter(status=StepStatus.DROPPED).exists()
    quotes = ActionPlan.objects.filter(visit__programme__slug=CHIA, quote_consent=True)
    assert 1 <= quotes.count() <= 30 and not quotes.filter(quote_to_publish="").exists()


def test_the_demo_participant_finds_their_own_plan_followed_up(built, client):
    petra = User.objects.get(email="participant@example.org")
    plan = ActionPlan.objects.get(person=petra, visit__slug="vantaa")
    assert plan.is_submitted
    client.force_login(petra)
    page = client.get(
        reverse("feedback:plan", args=[plan.visit.programme.slug, plan.visit.slug])
    ).content.decode()
    assert plan.steps.first().what in page


def test_each_visit_has_its_team_lessons_and_a_proposal_was_adopted(visits_2021):
    for visit in visits_2021:
        lessons = FormatLesson.objects.filter(visit=visit)
        assert lessons.count() >= 5, visit.slug
        assert "transfer-lab" in set(lessons.values_list("format__slug", flat=True))
    statuses = sorted(MethodologyProposal.objects.values_list("status", flat=True))
    assert statuses == ["adopted", "proposed"]
    assert all(proposal.lessons.exists() for proposal in MethodologyProposal.objects.all())


def test_the_2027_tampere_visit_has_its_surveys_scheduled_not_sent(built):
    surveys = Survey.objects.filter(visit__slug="tampere-2027")
    assert surveys.filter(moment=Moment.END_OF_VISIT).exists()
    assert not surveys.filter(sent_at__isnull=False).exists()
    assert not Invitation.objects.filter(survey__in=surveys).exists()


def test_running_the_demo_again_adds_nothing(built):
    def counts():
        return (
            Survey.objects.count(),
            Invitation.objects.filter(answered=True).count(),
            Response.objects.count(),
            Answer.objects.count(),
            ActionPlan.objects.count(),
            ActionStep.objects.count(),
            StepUpdate.objects.count(),
            FormatLesson.objects.count(),
            MethodologyProposal.objects.count(),
            OutboxMessage.objects.count(),
        )

    first = counts()
    call_command("demo", stdout=io.StringIO())
    assert counts() == first
