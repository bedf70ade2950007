"""The walk of every shipped template's steps against the guide's chapter "Evaluation and
follow-up": the feedback survey is filled in during the wrap-up, not sent afterwards; the main
templates schedule the six-week buddy call, the six-month reunion and the twelve-month check of
the host's recommendations, whose results go to the public report; the learning objectives and
the before self-rating come before the visit; and the facilitator and the technical host the
cards need each have their tasks."""

import re
import tomllib

import pytest
from django.utils import translation

from citypeers.methodology.enums import ROLES
from citypeers.methodology.selectors.planner import current_versions, plan_template
from citypeers.methodology.services.loader import CONTENT_DIR

pytestmark = pytest.mark.django_db

MAIN = ("online", "onsite", "hybrid")
SHIPPED = sorted(path.stem for path in (CONTENT_DIR / "templates").glob("*.toml"))
FEEDBACK = re.compile(r"feedback (survey|form)", re.IGNORECASE)


@pytest.fixture
def steps(methodology):
    """Each shipped template's steps, in English, with its mode."""
    with translation.override("en"):
        return {
            slug: (version.template.mode, plan_template(version).steps)
            for slug, version in current_versions().items()
        }


def _text(step) -> str:
    return " ".join((step.title, step.deliverable, *step.checklist))


def test_every_shipped_template_is_walked(steps):
    assert sorted(steps) == SHIPPED and set(MAIN) <= set(SHIPPED)


@pytest.mark.parametrize("slug", SHIPPED)
def test_the_feedback_survey_is_filled_in_at_the_wrap_up_and_never_sent_afterwards(steps, slug):
    _, template_steps = steps[slug]
    surveys = [s for s in template_steps if FEEDBACK.search(f"{s.title} {s.deliverable}")]
    assert surveys, slug
    for step in surveys:
        assert step.offset_days <= 0, (slug, step.title, step.anchor, step.offset_days)
    assert any((step.phase, step.anchor, step.offset_days) == (7, "end", 0) for step in surveys), (
        slug
    )  # during the last session


@pytest.mark.parametrize("slug", MAIN)
def test_each_main_template_schedules_the_follow_up_of_the_chapter(steps, slug):
    _, template_steps = steps[slug]
    after = [s for s in template_steps if s.anchor == "end" and s.offset_days > 0]

    def one(words: str, low: int, high: int):
        [step] = [s for s in after if low <= s.offset_days <= high and words in s.title.lower()]
        return step

    buddy = one("buddy", 35, 49)  # six weeks
    assert "action-plan check" in buddy.deliverable
    reunion = one("reunion", 170, 195)  # six months
    check = one("recommendations the host adopted", 350, 380)  # twelve months
    for step in (reunion, check):  # their results go to the public report
        assert re.search(r"(public|published) .*report", step.deliverable), (slug, step.title)
    local = [s for s in after if "local stakeholder group" in _text(s)]
    assert local and min(s.offset_days for s in local) <= 31, slug  # within a month
    report = [s for s in after if s.phase == 9 and "Publish" in s.title]
    assert [s.offset_days for s in report] == [14], slug  # about two weeks after, not six
    communication = " ".join(_text(s) for s in after if s.phase == 9)
    for part in ("two-page brief", "translated", "report-back kit"):
        assert part in communication, (slug, part)


@pytest.mark.parametrize("slug", MAIN)
def test_the_objectives_and_the_before_self_rating_come_before_the_visit(steps, slug):
    _, template_steps = steps[slug]
    [design] = [s for s in template_steps if s.phase == 3 and "design meeting" in s.title]
    assert "learning-objectives worksheet" in _text(design)
    before = [s for s in template_steps if s.phase == 6 and "self-rating worksheet" in _text(s)]
    assert before and all(s.anchor == "start" and s.offset_days < 0 for s in before), slug
    [wrap_up] = [s for s in template_steps if FEEDBACK.search(s.title)]
    assert "after self-rating" in wrap_up.deliverable, slug


@pytest.mark.parametrize("slug", SHIPPED)
def test_the_facilitator_and_the_technical_host_have_their_steps(steps, slug):
    mode, template_steps = steps[slug]
    roles = {step.role_key for step in template_steps}
    assert roles <= {role.key for role in ROLES}, slug
    assert "facilitator" in roles, slug
    if mode in ("online", "hybrid"):
        assert "technical_host" in roles, slug
    if slug in ("online", "hybrid"):  # tests the room with every speaker a week before, runs it
        technical = [s for s in template_steps if s.role_key == "technical_host"]
        assert any(
            (s.anchor, s.offset_days) == ("start", -7) and "every speaker" in s.title
            for s in technical
        ), slug
        assert any(s.phase == 7 for s in technical), slug
    if slug in MAIN:  # designs the sessions with the host, then leads them
        facilitated = {s.phase for s in template_steps if s.role_key == "facilitator"}
        assert facilitated == {6, 7}, slug


@pytest.mark.parametrize("slug", SHIPPED)
def test_each_step_has_the_same_shape_in_french(slug):
    data = tomllib.loads((CONTENT_DIR / "templates" / f"{slug}.toml").read_text("utf-8"))
    for step in data["steps"]:
        en, fr = step["en"], step["fr"]
        assert fr["title"] and fr["deliverable"] and fr["title"] != en["title"], en["title"]
        assert len(fr["checklist"]) == len(en["checklist"]), en["title"]
