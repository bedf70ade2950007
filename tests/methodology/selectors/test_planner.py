"""What the planner reads from the database: each mode's current version, as plain data in the
reader's language."""

import datetime

import pytest
from django.utils import translation

from citypeers.methodology.forms.planner import default_start
from citypeers.methodology.models import AgendaItemTemplate, StepTemplate
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.methodology.selectors.planner import (
    current_versions,
    current_versions_by_mode,
    main_versions,
    plan_template,
)
from citypeers.methodology.selectors.planning import make_plan
from tests.factories import ActivityFormatFactory, TemplateVersionFactory, VisitTemplateFactory

pytestmark = pytest.mark.django_db


def test_each_mode_plans_with_the_latest_version_of_its_first_template():
    online = TemplateVersionFactory(template__slug="a-online")
    latest = TemplateVersionFactory(template=online.template, number=2)
    TemplateVersionFactory(template__slug="b-online")  # a second online template: not used
    onsite = TemplateVersionFactory(template__mode="onsite")
    VisitTemplateFactory(mode="hybrid")  # no version yet: nothing to plan hybrid visits with
    versions = current_versions_by_mode()
    assert versions == {"online": latest, "onsite": onsite}
    assert versions["online"].template.slug == "a-online"


def test_no_template_means_nothing_to_plan_with():
    assert current_versions_by_mode() == {}


def test_the_plan_template_carries_the_versions_figures_steps_and_agenda():
    version = TemplateVersionFactory(daily_minutes_max=90, session_start=datetime.time(9, 30))
    opener = ActivityFormatFactory(name={"en": "Ice-breaker"}, min_minutes=10, stage="opening")
    AgendaItemTemplate.objects.filter(version=version, key="a-first").update(position=1)
    AgendaItemTemplate.objects.create(  # saved last, placed first
        version=version, key="a0", day="first", position=0, format=opener, minutes=15
    )
    StepTemplate.objects.filter(version=version).update(checklist={"en": "One\n\n  Two  \n"})
    template = plan_template(version)
    assert (template.mode, template.min_days, template.max_days) == ("online", 3, 5)
    assert (template.daily_minutes_max, template.session_start) == (90, datetime.time(9, 30))
    [step] = template.steps
    assert (step.phase, step.phase_name, step.role, step.role_key) == (
        4,
        "Call for participants",
        "Coordinator",
        "coordinator",
    )
    assert (step.anchor, step.offset_days, step.checklist) == ("start", -42, ("One", "Two"))
    first_day = template.agenda["first"]
    assert (first_day[0][0].name, first_day[0][1]) == ("Ice-breaker", 15)
    assert len(first_day) == 2 and set(template.agenda) == {"first", "middle", "last"}
    assert {f.slug for f in template.formats} >= {opener.slug}
    info = next(f for f in template.formats if f.slug == opener.slug)
    assert (info.stage, info.modes, info.min_minutes) == (
        "opening",
        ("onsite", "online", "hybrid"),
        10,
    )


def test_the_plan_template_reads_in_the_active_language_with_english_where_untranslated():
    version = TemplateVersionFactory()
    StepTemplate.objects.filter(version=version).update(
        title={"en": "Close the call", "fr": "Clore l'appel"}
    )
    with translation.override("fr"):
        [step] = plan_template(version).steps
    assert step.title == "Clore l'appel"
    assert step.phase_name == "Appel à participants"
    assert step.deliverable == "Applications"  # no French yet: the English


def test_a_modes_main_template_is_the_one_named_after_the_mode_and_light_ones_come_last():
    clinic = TemplateVersionFactory(template__slug="clinic")  # added first, but light
    online = TemplateVersionFactory(template__slug="online")
    assert list(current_versions()) == ["online", "clinic"]
    assert current_versions_by_mode() == {"online": online}
    assert main_versions({"clinic": clinic}) == {"online": clinic}  # no main one: the first


LIGHT = ("bilateral-study-visit", "expert-mission", "online-clinic")


@pytest.mark.parametrize("slug", LIGHT)
def test_each_light_template_plans_without_a_call_and_without_warnings(methodology, slug):
    version = current_versions()[slug]
    assert version.template.is_light
    template = plan_template(version)
    assert {step.phase for step in template.steps} <= {3, 6, 7, 8, 9}  # no call, no selection
    today = datetime.date(2027, 7, 12)
    request = PlanRequest(
        mode=version.template.mode,
        start=default_start(today),
        days=version.default_days,
        participants=version.default_participants,
        host_tz="Europe/Brussels",
    )
    plan = make_plan(template, request, today=today)
    assert plan.warnings == ()
    assert min(milestone.date for milestone in plan.milestones) > today


def test_the_bilateral_study_visit_sees_the_sites_first_and_plans_for_home_before_lunch(
    methodology,
):
    version = current_versions()["bilateral-study-visit"]
    start = datetime.date(2027, 10, 4)
    request = PlanRequest("onsite", start, 2, 3, "Europe/Brussels")
    first, last = make_plan(plan_template(version), request, today=start).days
    assert [s.format.slug for s in first.sessions].count("site-visit") == 2
    formats = [s.format.slug for s in last.sessions]
    assert formats == ["peer-review-clinic", "transfer-lab", "action-planning", "wrap-up"]
    assert last.sessions[-1].starts.time() < datetime.time(12, 30)  # not after lunch


def test_the_online_clinic_is_one_session_of_90_minutes(methodology):
    version = current_versions()["online-clinic"]
    request = PlanRequest("online", datetime.date(2027, 10, 4), 1, 8, "Europe/Brussels")
    [day] = make_plan(plan_template(version), request, today=request.start).days
    assert day.minutes == 90 == version.daily_minutes_max
    assert [s.format.slug for s in day.sessions][-1] == "action-planning"
