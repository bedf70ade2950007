"""The team's lessons per format: saved per format of the agenda, refused for others and before
the visit's first day, with the format's figures beside each form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.core.errors import FeedbackError
from citypeers.core.models import AuditEntry
from citypeers.feedback.models import FormatLesson
from citypeers.feedback.services.lessons import lesson_save
from citypeers.programmes.models import Role
from tests.factories import ActivityFormatFactory, MembershipFactory
from tests.feedback.lessons_scene import rate, session_in, team_member, visit_under_way

pytestmark = pytest.mark.django_db


def _address(visit) -> str:
    return reverse("feedback:lessons", args=[visit.programme.slug, visit.slug])


def _post(client, visit, activity, **texts):
    data = {"format": activity.slug}
    data.update({f"{activity.slug}-{name}": text for name, text in texts.items()})
    return client.post(_address(visit), data)


def test_the_team_saves_one_lesson_per_format_of_the_agenda(client):
    visit = visit_under_way()
    walk, tables = ActivityFormatFactory(name_en="Walk"), ActivityFormatFactory(name_en="Tables")
    session_in(visit, walk)
    session_in(visit, tables)
    client.force_login(team_member(visit, Role.EXPERT))

    response = _post(client, visit, walk, worked="Seeing the streets", did_not_work="Rain")
    assert response.status_code == 302
    _post(client, visit, tables, would_change="Fewer tables")
    _post(client, visit, walk, worked="Seeing the streets together")

    lessons = {lesson.format: lesson for lesson in FormatLesson.objects.filter(visit=visit)}
    assert set(lessons) == {walk, tables}
    assert lessons[walk].worked == "Seeing the streets together"
    assert lessons[walk].did_not_work == ""  # the form's fields are the lesson, as sent
    assert lessons[tables].would_change == "Fewer tables"
    page = client.get(_address(visit)).content.decode()
    assert "Seeing the streets together" in page and "Fewer tables" in page
    assert "public page once the visit" in page


def test_a_format_not_in_the_agenda_is_refused(client):
    visit = visit_under_way()
    session_in(visit)
    elsewhere = ActivityFormatFactory()
    cancelled = session_in(visit, cancelled=True).format
    client.force_login(team_member(visit))

    for activity in (elsewhere, cancelled):
        response = _post(client, visit, activity, worked="Nice")
        assert response.status_code == 200
        assert "no session in this format" in response.content.decode()
        with pytest.raises(FeedbackError):
            lesson_save(
                visit=visit,
                activity=activity,
                worked="Nice",
                did_not_work="",
                would_change="",
                by=None,
            )
    assert not FormatLesson.objects.exists()
    assert cancelled.name not in client.get(_address(visit)).content.decode()


def test_lessons_wait_for_the_visits_first_day(client):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    visit = visit_under_way(starts_on=tomorrow, ends_on=tomorrow)
    session = session_in(visit)
    client.force_login(team_member(visit))

    response = client.get(_address(visit))
    assert response.status_code == 403
    with pytest.raises(FeedbackError, match="first day"):
        lesson_save(
            visit=visit,
            activity=session.format,
            worked="x",
            did_not_work="",
            would_change="",
            by=None,
        )


def test_participants_and_other_visits_teams_may_not_write_lessons(client):
    visit = visit_under_way()
    session = session_in(visit)
    participant = MembershipFactory(programme=visit.programme, visit=visit).user
    other_host = team_member(visit_under_way())
    for person in (participant, other_host):
        client.force_login(person)
        assert _post(client, visit, session.format, worked="Sneaky").status_code == 403
    assert not FormatLesson.objects.exists()


def test_an_empty_lesson_is_refused_at_its_field(client):
    visit = visit_under_way()
    session = session_in(visit)
    client.force_login(team_member(visit))
    page = _post(client, visit, session.format, worked=" ", did_not_work="").content.decode()
    assert "There is a problem" in page
    assert "Write at least one of the three." in page
    assert not FormatLesson.objects.exists()


def test_a_saved_lesson_is_in_the_audit_trail_with_what_changed():
    visit = visit_under_way()
    session = session_in(visit)
    host = team_member(visit)
    texts = {"worked": "Maps", "did_not_work": "", "would_change": ""}
    lesson = lesson_save(visit=visit, activity=session.format, by=host, **texts)
    lesson_save(visit=visit, activity=session.format, by=host, **{**texts, "did_not_work": "Time"})
    lesson_save(visit=visit, activity=session.format, by=host, **{**texts, "did_not_work": "Time"})
    entries = AuditEntry.objects.filter(object_id=str(lesson.pk), action="lesson.saved")
    assert [entry.changes for entry in entries.order_by("pk")] == [
        texts,
        {"did_not_work": "Time"},
    ]


def test_each_card_shows_its_formats_figures_and_hides_an_average_of_too_few(client):
    visit = visit_under_way()
    walk, tables = ActivityFormatFactory(name_en="Walk"), ActivityFormatFactory(name_en="Tables")
    rate(session_in(visit, walk, minutes=90), 4, 5)
    rate(session_in(visit, walk, minutes=30, day=2), 3)
    rate(session_in(visit, tables, minutes=45), 5, 4)
    client.force_login(team_member(visit))

    page = client.get(_address(visit)).content.decode()
    walk_card = page[page.index(f'id="format-{walk.slug}"') :]
    walk_card = walk_card[: walk_card.index("</section>")]
    assert "<dd>2</dd>" in walk_card and "<dd>120</dd>" in walk_card
    assert "4.0 out of 5 (3 ratings)" in walk_card
    tables_card = page[page.index(f'id="format-{tables.slug}"') :]
    assert "Too few ratings to show (2 ratings)" in tables_card[: tables_card.index("</section>")]
