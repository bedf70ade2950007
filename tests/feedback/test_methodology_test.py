"""The per-visit methodology test report: formats used with their figures, the team's lessons,
and the proposals they motivated with their status."""

import pytest
from django.urls import reverse

from citypeers.feedback.models import FormatLesson, MethodologyProposal
from tests.factories import ActivityFormatFactory
from tests.feedback.lessons_scene import rate, session_in, team_member, visit_under_way

pytestmark = pytest.mark.django_db


def test_the_report_shows_formats_figures_lessons_and_the_changes_they_motivated(client):
    visit = visit_under_way(title="Porto markets")
    walk, tables = ActivityFormatFactory(name_en="Walk"), ActivityFormatFactory(name_en="Tables")
    rate(session_in(visit, walk, minutes=90), 5, 4, 4, 3)
    session_in(visit, tables, minutes=30)
    session_in(visit, tables, minutes=30, day=2)
    lesson = FormatLesson.objects.create(
        visit=visit, format=walk, worked="Stalls", did_not_work="Noise"
    )
    proposal = MethodologyProposal.objects.create(
        format=walk, title="Quieter stops", rationale="r", change="c", status="adopted"
    )
    proposal.lessons.add(lesson)
    client.force_login(team_member(visit))

    page = client.get(
        reverse("feedback:methodology_test", args=[visit.programme.slug, visit.slug])
    ).content.decode()
    assert "Methodology test report: Porto markets" in page
    rows = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "Walk" in rows and "<td>1</td><td>90</td>" in rows and "4.0 out of 5 (4 ratings)" in rows
    assert "<td>2</td><td>60</td>" in rows and "Too few ratings to show (0 ratings)" in rows
    assert "Stalls" in page and "Noise" in page
    assert "Quieter stops" in page and "Adopted" in page
    assert "No lesson written yet." in page  # Tables


def test_the_visit_page_links_the_team_to_lessons_and_report(client):
    visit = visit_under_way()
    client.force_login(team_member(visit))
    page = client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug]))
    assert "Lessons for the methodology" in page.content.decode()
    assert "Methodology test report" in page.content.decode()
    client.logout()
    page = client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug]))
    assert "Methodology test report" not in page.content.decode()
