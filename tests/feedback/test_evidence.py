"""Each format's evidence from visits: its figures equal a recount from the raw answers, and
the public page shows only what visits with a public agenda gave."""

import random
import statistics

import pytest
from django.urls import reverse

from citypeers.feedback.models import Answer, FormatLesson, MethodologyProposal
from citypeers.feedback.selectors.evidence import format_evidence_of, formats_on_visit
from citypeers.methodology.selectors import evidence as registry
from citypeers.visits.models import BreakoutPlan
from tests.factories import ActivityFormatFactory
from tests.feedback.lessons_scene import rate, rate_the_visit, session_in, visit_under_way

pytestmark = pytest.mark.django_db


def _recount(activity, *, published_only: bool) -> tuple[int, float | None]:
    """Independently of the selectors: every answer read in Python, kept when it rates a held
    session of the format (of a visit whose agenda is public, when asked)."""
    numbers = []
    for answer in Answer.objects.all():
        session = answer.session
        if answer.question.kind != "sessions" or session is None or answer.number is None:
            continue
        if session.format_id != activity.pk or session.cancelled_at is not None:
            continue
        if published_only and not session.visit.plan.agenda_published:
            continue
        numbers.append(answer.number)
    return len(numbers), (sum(numbers) / len(numbers) if len(numbers) >= 3 else None)


def test_figures_equal_a_recount_from_the_raw_answers():
    chooser = random.Random(18)
    walk, tables = ActivityFormatFactory(), ActivityFormatFactory()
    published, hidden = visit_under_way(), visit_under_way(published=False)
    for visit in (published, hidden):
        for activity in (walk, tables, walk):
            rate(
                session_in(visit, activity), *chooser.choices(range(1, 6), k=chooser.randint(0, 6))
            )
        rate(session_in(visit, walk, cancelled=True), 1, 1, 1)
        rate_the_visit(visit, 1)

    for activity in (walk, tables):
        evidence = format_evidence_of(activity)
        count, mean = _recount(activity, published_only=True)
        assert evidence.ratings == count
        assert (
            evidence.rating == pytest.approx(mean) if mean is not None else evidence.rating is None
        )
        assert evidence.visit_count == 1
    row = {row.format: row for row in formats_on_visit(hidden)}[walk]
    count, _ = _recount(walk, published_only=False)
    assert row.ratings == count - format_evidence_of(walk).ratings
    assert row.sessions == 2


def test_the_public_page_shows_evidence_from_published_visits_only(client):
    activity = ActivityFormatFactory(name_en="Walk")
    shown = visit_under_way(title="Ghent walks")
    unpublished = visit_under_way(title="Secret walks", published=False)
    for visit, said in ((shown, "Meeting residents"), (unpublished, "Hidden remark")):
        session_in(visit, activity)
        FormatLesson.objects.create(visit=visit, format=activity, did_not_work=said)

    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Evidence from visits" in page
    assert "Ghent walks" in page and "Meeting residents" in page
    assert "Secret walks" not in page and "Hidden remark" not in page
    assert "Too few ratings to show (0 ratings)" in page


def test_a_format_no_visit_used_says_so(client):
    activity = ActivityFormatFactory()
    session_in(visit_under_way(published=False), activity)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "No visit has used this format yet." in page


def test_without_an_app_gathering_evidence_the_page_says_none_yet(client, monkeypatch):
    activity = ActivityFormatFactory()
    session_in(visit_under_way(), activity)
    monkeypatch.setattr(registry, "EVIDENCE_SOURCES", [])
    assert registry.format_evidence(activity) is None
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "No visit has used this format yet." in page


def test_modes_group_size_and_the_latest_visits():
    activity = ActivityFormatFactory()
    sizes = [4, 6, 6, 8, 5]
    visits = []
    for year, (mode, size) in enumerate(zip(["online", "onsite"] * 6, sizes * 3, strict=False)):
        visit = visit_under_way(mode=mode, title=f"Visit of {2010 + year}")
        visit.starts_on = visit.starts_on.replace(year=2010 + year)
        visit.ends_on = visit.starts_on
        visit.save()
        session = session_in(visit, activity)
        BreakoutPlan.objects.create(session=session, rounds=1, size=size, status="done")
        visits.append(visit)

    evidence = format_evidence_of(activity)
    assert evidence.visit_count == 12
    assert [use.title for use in evidence.visits] == [f"Visit of {2021 - n}" for n in range(10)]
    assert evidence.visits[0].year == 2021 and evidence.visits[0].mode == "Onsite"
    assert evidence.modes == ["Onsite", "Online"]
    assert evidence.group_size == statistics.median_low((sizes * 3)[:12])


def test_adopted_changes_show_with_the_visits_that_motivated_them(client):
    activity = ActivityFormatFactory()
    visit = visit_under_way(title="Tartu market")
    session_in(visit, activity)
    lesson = FormatLesson.objects.create(visit=visit, format=activity, worked="Stalls")
    for status, title in (("adopted", "Meet at the stalls"), ("proposed", "Not yet decided")):
        proposal = MethodologyProposal.objects.create(
            format=activity, title=title, rationale="r", change="Start at a stall", status=status
        )
        proposal.lessons.add(lesson)

    page = client.get(activity.get_absolute_url()).content.decode()
    changes = page[page.index("Changes made from visits") :]
    assert "Meet at the stalls" in changes and "Not yet decided" not in changes
    address = reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    assert f'<a href="{address}">Tartu market</a>' in changes


def test_the_format_page_asks_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    activity = ActivityFormatFactory()
    for _ in range(3):
        visit = visit_under_way()
        lesson = FormatLesson.objects.create(
            visit=visit, format=activity, worked="w", did_not_work="d"
        )
        rate(session_in(visit, activity), 3, 4)
        proposal = MethodologyProposal.objects.create(
            format=activity, title="t", rationale="r", change="c", status="adopted"
        )
        proposal.lessons.add(lesson)
    with django_assert_max_num_queries(25):
        assert client.get(activity.get_absolute_url()).status_code == 200
