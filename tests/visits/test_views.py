import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import VisitPlan, VisitTask
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_plan_becomes_a_visit_with_dated_tasks_and_an_agenda(planned, coordinator, version):
    assert (planned.starts_on, planned.ends_on) == (
        datetime.date(2027, 3, 22),
        datetime.date(2027, 3, 25),
    )
    assert planned.plan.template_version == version
    [task] = planned.tasks.all()
    expected = ("Close the call", datetime.date(2027, 2, 8), coordinator)
    assert (task.title, task.due_on, task.owner) == expected
    sessions = list(planned.sessions.all())
    assert len(sessions) == 4  # one session on each of the four days
    # 10:00 in Helsinki, stored in UTC (Helsinki is UTC+2 in March before the 28th).
    assert sessions[0].starts_at == datetime.datetime(2027, 3, 22, 8, tzinfo=datetime.UTC)


def test_only_a_programmes_coordinators_add_visits_to_it(
    client, programme, people_by_role, version
):
    client.force_login(people_by_role["coordinator_elsewhere"])
    url = reverse("visits:create_from_plan") + "?mode=online&days=4"
    response = client.post(url, {"programme": programme.pk, "title": "T", "host_place": "X (FI)"})
    assert response.status_code == 200
    assert 'href="#id_programme"' in response.text
    assert not Visit.objects.filter(title="T").exists()


def test_a_plan_with_problems_goes_back_to_the_planner(client, coordinator, version):
    client.force_login(coordinator)
    response = client.get(reverse("visits:create_from_plan"), {"start": "soon"})
    assert response["Location"].startswith(reverse("planner:plan"))


def test_the_team_completes_reopens_and_assigns_tasks(client, planned, people_by_role):
    task = planned.tasks.get()
    url = reverse("visits:task_update", args=[planned.programme.slug, planned.slug, task.pk])
    host = MembershipFactory(programme=planned.programme, visit=planned, role=Role.HOST).user
    client.force_login(host)
    client.post(url, {"action": "done"})
    task.refresh_from_db()
    assert task.is_done and task.done_by == host
    client.post(url, {"action": "reopen"})
    client.post(url, {"action": "assign", "owner": host.pk})
    task.refresh_from_db()
    assert not task.is_done and task.owner == host
    client.force_login(people_by_role["participant"])
    assert client.post(url, {"action": "done"}).status_code == 403


def test_the_public_page_shows_the_agenda_once_published_in_both_time_zones(client, planned):
    page = reverse("visits:visit", args=[planned.programme.slug, planned.slug])
    client.logout()
    assert "The agenda is not published yet." in client.get(page).text
    VisitPlan.objects.filter(visit=planned).update(agenda_published=True)
    viewer = MembershipFactory(programme=planned.programme, role=Role.PARTICIPANT).user
    viewer.time_zone = "Europe/Lisbon"
    viewer.save()
    client.force_login(viewer)
    text = client.get(page).text
    assert "Time (Europe/Helsinki)" in text and "10:00" in text
    assert "Your time (Europe/Lisbon)" in text and "Mon 08:00" in text


def test_the_dashboard_shows_the_phase_overdue_and_upcoming_tasks(client, planned, coordinator):
    today = timezone.localdate()
    VisitTask.objects.create(
        visit=planned,
        phase=6,
        position=1,
        role="host",
        title="Brief",
        due_on=today + datetime.timedelta(days=3),
    )
    planned.tasks.filter(title="Close the call").update(due_on=today - datetime.timedelta(days=2))
    text = client.get(reverse("visits:dashboard")).text
    assert "phase 4, Call for participants" in text
    assert "1 overdue task" in text and "Close the call" in text
    assert "Due in the next two weeks" in text and "Brief" in text
