"""The impact figures are counted once per change: the feedback services that change them bump
the programme's version (now and after the commit), and the cache serves every other view."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from citypeers.feedback.enums import Moment, StepStatus
from citypeers.feedback.models import ActionPlan, Survey
from citypeers.feedback.selectors.impact import impact_version, programme_impact, version_key
from citypeers.feedback.services.impact import impact_changed
from citypeers.feedback.services.plans import plan_follow_up
from citypeers.feedback.services.surveys import survey_mark_sent
from tests.factories import VisitFactory
from tests.feedback.factories import survey_of
from tests.feedback.impact_scene import impact_scene

pytestmark = pytest.mark.django_db


def test_a_change_bumps_the_version_now_and_after_the_commit(
    django_capture_on_commit_callbacks,
):
    visit = VisitFactory()
    first = impact_version(visit.programme)
    with django_capture_on_commit_callbacks(execute=True):
        impact_changed(programme_id=visit.programme_id)
    assert impact_version(visit.programme) == first + 2


def test_a_version_lost_from_the_cache_comes_back_as_a_new_number():
    visit = VisitFactory()
    first = impact_version(visit.programme)
    cache.delete(version_key(visit.programme_id))
    impact_changed(programme_id=visit.programme_id)
    assert impact_version(visit.programme) != first


def test_the_figures_are_counted_once_until_something_changes(django_assert_num_queries):
    programme, _visits = impact_scene(people=3, visits=1)
    programme_impact(programme)
    with django_assert_num_queries(1):  # the responses' count in the key, then the cache
        programme_impact(programme)


def test_a_follow_up_shows_its_steps_done_on_the_next_view():
    programme, visits = impact_scene(people=4, visits=1)
    plan = ActionPlan.objects.filter(visit=visits[0], status="submitted").first()
    done_before = programme_impact(programme).whole.plans.steps_done
    step = plan.steps.exclude(status=StepStatus.DONE).first() or plan.steps.first()
    was_done = step.status == StepStatus.DONE
    plan_follow_up(
        plan=plan,
        updates=[{"id": step.pk, "status": StepStatus.DONE if not was_done else "dropped"}],
        new_steps=[],
        by=plan.person,
        now=timezone.now() + datetime.timedelta(days=800),
    )
    expected = done_before - 1 if was_done else done_before + 1
    assert programme_impact(programme).whole.plans.steps_done == expected


def test_a_survey_sent_bumps_the_version():
    visit = VisitFactory()
    survey = survey_of(visit, moment=Moment.END_OF_VISIT)
    Survey.objects.filter(pk=survey.pk).update(sent_at=None)
    before = impact_version(visit.programme)
    assert survey_mark_sent(survey=survey, now=timezone.now())
    assert impact_version(visit.programme) != before
