import datetime
from urllib.parse import parse_qsl, urlencode

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.programmes.models import Role, Visit
from citypeers.visits.models import VisitPlan, VisitTask
from citypeers.visits.selectors.pages import planner_query
from citypeers.visits.services.work import task_set_done
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    TemplateVersionFactory,
    UserFactory,
    VisitFactory,
    VisitPlanFactory,
    VisitTaskFactory,
)

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
    assert "Your time (Europe/Lisbon)" in text and "Mon 22 Mar 2027, 08:00" in text


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
    two_days_ago = today - datetime.timedelta(days=2)
    planned.tasks.filter(title__en="Close the call").update(due_on=two_days_ago)
    text = client.get(reverse("visits:dashboard")).text
    assert "phase 4, Call for participants" in text
    assert "1 overdue task" in text and "Close the call" in text
    assert "Due in the next two weeks" in text and "Brief" in text


def _url(name, visit, *args):
    return reverse(f"visits:{name}", args=[visit.programme.slug, visit.slug, *args])


def test_the_form_sums_up_the_plan_it_turns_into_a_visit(client, coordinator, version, plan_params):
    client.force_login(coordinator)
    page = client.get(reverse("visits:create_from_plan"), plan_params).text
    assert "Turn the plan into a visit" in page
    assert "starting Monday 22 March 2027, 4 days, 24 participants" in page
    assert "times in Europe/Helsinki" in page
    assert 'value="Heritage walks"' in page  # the topic is the first title


def test_without_any_template_the_plan_cannot_become_a_visit(client, coordinator, plan_params):
    client.force_login(coordinator)
    response = client.get(reverse("visits:create_from_plan"), plan_params, follow=True)
    assert "The plan has problems to fix first." in response.text


def test_an_unknown_host_place_is_shown_at_its_field(
    client, programme, coordinator, version, plan_params
):
    client.force_login(coordinator)
    url = reverse("visits:create_from_plan") + "?" + urlencode(plan_params)
    response = client.post(
        url, {"programme": programme.pk, "title": "Walks", "host_place": "Atlantis (GR)"}
    )
    assert "“Atlantis (GR)” is not in the list of places" in response.text
    assert 'href="#id_host_place"' in response.text
    assert not Visit.objects.filter(title="Walks").exists()


def test_planning_a_visit_needs_signing_in(client, version, plan_params):
    response = client.get(reverse("visits:create_from_plan"), plan_params)
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unknown_visit_is_not_found(client, visit):
    assert (
        client.get(reverse("visits:visit", args=[visit.programme.slug, "nowhere"])).status_code
        == 404
    )
    other = VisitFactory()
    url = reverse("visits:visit", args=[other.programme.slug, visit.slug])
    assert client.get(url).status_code == 404


def test_a_visit_without_a_plan_shows_its_host_and_no_agenda(client, visit):
    visit.host_place.name = "Tampere"
    visit.host_place.save()
    page = client.get(_url("visit", visit)).text
    assert "Tampere" in page and "The agenda is not published yet." in page
    assert "Time zone" not in page


@pytest.mark.parametrize(
    ("starts_in", "ends_in", "status"),
    [(10, 12, "In preparation"), (-1, 1, "Under way"), (-5, -3, "Took place")],
)
def test_the_public_page_says_where_the_visit_stands(client, visit, starts_in, ends_in, status):
    today = timezone.localdate()
    visit.starts_on = today + datetime.timedelta(days=starts_in)
    visit.ends_on = today + datetime.timedelta(days=ends_in)
    visit.save()
    assert status in client.get(_url("visit", visit)).text


def test_the_public_page_names_the_practice_topic_and_template(client, visit):
    practice = PublishedPracticeFactory(title="Adopt a Monument")
    plan = VisitPlanFactory(visit=visit, practice=practice, topic="Heritage walks")
    page = client.get(_url("visit", visit)).text
    assert f'<a href="{practice.get_absolute_url()}">Adopt a Monument</a>' in page
    assert "Heritage walks" in page and plan.template_version.template.name in page


def test_only_the_team_is_shown_the_way_to_the_workspace(client, visit, people_by_role):
    VisitPlanFactory(visit=visit)
    workspace = _url("workspace", visit)
    client.force_login(people_by_role["host"])
    assert workspace in client.get(_url("visit", visit)).text
    client.force_login(people_by_role["participant"])
    assert workspace not in client.get(_url("visit", visit)).text


def test_a_viewer_in_the_visits_zone_sees_one_time_column(client, visit):
    VisitPlanFactory(visit=visit, agenda_published=True)
    AgendaSessionFactory(visit=visit, groups=3)
    client.force_login(UserFactory(time_zone="Europe/Helsinki"))
    page = client.get(_url("visit", visit)).text
    assert "10:00\N{EN DASH}11:30" in page and "in 3 parallel groups" in page
    assert "Your time" not in page


def test_the_agenda_stays_hidden_from_the_public_until_published(client, visit):
    VisitPlanFactory(visit=visit, agenda_published=False)
    session = AgendaSessionFactory(visit=visit)
    page = client.get(_url("visit", visit)).text
    assert "The agenda is not published yet." in page
    assert str(session.format.name) not in page


def test_the_workspace_shows_tasks_by_phase_with_overdue_and_done_ones_marked(
    client, visit, coordinator
):
    VisitPlanFactory(visit=visit)
    today = timezone.localdate()
    late = VisitTaskFactory(
        visit=visit, phase=4, title="Close the call", due_on=today - datetime.timedelta(days=1)
    )
    done = VisitTaskFactory(
        visit=visit, phase=6, title="Brief", done_at=timezone.now(), done_by=coordinator
    )
    client.force_login(coordinator)
    page = client.get(_url("workspace", visit)).text
    assert "4. Call for participants" in page and "6. Preparation" in page
    assert "1. Catalogue" not in page  # a phase without tasks is left out
    assert f'id="task-{late.pk}" class="task task-overdue"' in page
    assert f'id="task-{done.pk}" class="task task-done"' in page
    assert f"by {coordinator}" in page
    assert "Publish the agenda" in page


def test_the_workspace_shows_what_is_due_now_before_the_phases_and_folds_past_ones(
    client, visit, coordinator
):
    VisitPlanFactory(visit=visit)
    today = timezone.localdate()
    old = VisitTaskFactory(
        visit=visit,
        phase=2,
        title="Choose hosts",
        due_on=today - datetime.timedelta(days=400),
        done_at=timezone.now(),
    )
    late = VisitTaskFactory(
        visit=visit, phase=4, title="Close the call", due_on=today - datetime.timedelta(days=1)
    )
    now = VisitTaskFactory(visit=visit, phase=7, title="Book rooms", due_on=today)
    later = VisitTaskFactory(
        visit=visit, phase=7, title="Print badges", due_on=today + datetime.timedelta(days=30)
    )
    client.force_login(coordinator)
    page = client.get(_url("workspace", visit)).text
    overdue, week = page.index("Overdue: 1 task"), page.index("This week: 1 task")
    assert overdue < page.index(f'id="task-{late.pk}"') < week < page.index(f'id="task-{now.pk}"')
    phase_7 = page.index('id="phase-7"')
    assert page.index(f'id="task-{now.pk}"') < phase_7 < page.index(f'id="task-{later.pk}"')
    assert page.count(f'id="task-{now.pk}"') == 1  # shown once, above, not again in its phase
    folded = page[page.index("Past phases") :]
    assert (
        "<details" in folded and f'id="task-{old.pk}"' in folded and "2. Call for hosts" in folded
    )


def test_a_visit_not_made_from_a_plan_has_an_empty_workspace(client, visit, coordinator):
    client.force_login(coordinator)
    page = client.get(_url("workspace", visit)).text
    assert "This visit was not made from a plan, so it has no tasks yet." in page


def test_the_team_publishes_and_hides_the_agenda(client, visit, people_by_role):
    plan = VisitPlanFactory(visit=visit)
    client.force_login(people_by_role["expert"])
    response = client.post(_url("agenda_publish", visit), {"published": "yes"}, follow=True)
    assert "The agenda is public." in response.text and "Hide the agenda" in response.text
    plan.refresh_from_db()
    assert plan.agenda_published
    response = client.post(_url("agenda_publish", visit), {"published": "no"}, follow=True)
    assert "The agenda is hidden." in response.text
    plan.refresh_from_db()
    assert not plan.agenda_published


def test_only_the_team_publishes_the_agenda_and_only_by_a_button(client, visit, people_by_role):
    plan = VisitPlanFactory(visit=visit)
    url = _url("agenda_publish", visit)
    client.force_login(people_by_role["participant"])
    assert client.post(url, {"published": "yes"}).status_code == 403
    client.force_login(people_by_role["coordinator"])
    assert client.get(url).status_code == 405
    client.logout()
    assert client.post(url, {"published": "yes"})["Location"].startswith(reverse("account_login"))
    plan.refresh_from_db()
    assert not plan.agenda_published


def test_a_task_is_changed_only_through_its_own_visit(client, visit, coordinator):
    task = VisitTaskFactory(visit=VisitFactory(programme=visit.programme))
    client.force_login(coordinator)
    assert client.post(_url("task_update", visit, task.pk), {"action": "done"}).status_code == 404
    task.refresh_from_db()
    assert not task.is_done


def test_marking_done_says_so_and_returns_to_the_task(client, visit, coordinator):
    task = VisitTaskFactory(visit=visit, title="Book the rooms")
    client.force_login(coordinator)
    response = client.post(_url("task_update", visit, task.pk), {"action": "done"})
    assert response["Location"] == _url("workspace", visit) + f"#task-{task.pk}"
    response = client.post(_url("task_update", visit, task.pk), {"action": "reopen"}, follow=True)
    assert "“Book the rooms” is open again." in response.text


def test_a_task_cannot_go_to_someone_outside_the_team(client, visit, people_by_role):
    task = VisitTaskFactory(visit=visit)
    client.force_login(people_by_role["coordinator"])
    url = _url("task_update", visit, task.pk)
    client.post(url, {"action": "assign", "owner": people_by_role["participant"].pk})
    task.refresh_from_db()
    assert task.owner is None
    response = client.post(
        url, {"action": "assign", "owner": people_by_role["rapporteur"].pk}, follow=True
    )
    assert f"The owner of “{task.title}” is saved." in response.text
    task.refresh_from_db()
    assert task.owner == people_by_role["rapporteur"]


def test_my_visits_tells_someone_without_a_visit_how_visits_come(client):
    client.force_login(UserFactory())
    page = client.get(reverse("visits:dashboard")).text
    assert "Visits come from open calls" in page and reverse("calls:list") in page
    assert reverse("planner:plan") not in page


def test_my_visits_invites_a_coordinator_without_a_visit_to_plan_one(client, programme):
    coordinator = MembershipFactory(programme=programme, role=Role.COORDINATOR).user
    client.force_login(coordinator)
    page = client.get(reverse("visits:dashboard")).text
    assert "No visit of your programmes yet." in page and reverse("planner:plan") in page


def test_the_dashboard_needs_signing_in(client):
    assert client.get(reverse("visits:dashboard"))["Location"].startswith(reverse("account_login"))


def test_the_dashboard_shows_a_visit_whose_tasks_are_all_done(client, visit, coordinator):
    VisitPlanFactory(visit=visit)
    VisitTaskFactory(visit=visit, done_at=timezone.now())
    client.force_login(coordinator)
    page = client.get(reverse("visits:dashboard")).text
    assert visit.title in page and "every task done" in page and "1 of 1 tasks done" in page


def test_a_rapporteur_can_neither_tick_nor_reopen_nor_reassign_the_hosts_task(
    client, visit, people_by_role
):
    VisitPlanFactory(visit=visit)
    task = VisitTaskFactory(visit=visit, role=Role.HOST, title="Brief the speakers")
    own = VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR, owner=people_by_role["rapporteur"])
    url = _url("task_update", visit, task.pk)
    client.force_login(people_by_role["rapporteur"])
    page = client.get(_url("workspace", visit)).text
    assert url not in page and _url("task_update", visit, own.pk) in page
    assert "Brief the speakers" in page  # seen, not changed
    for data in [
        {"action": "done"},
        {"action": "assign", "owner": people_by_role["rapporteur"].pk},
    ]:
        assert client.post(url, data).status_code == 403
    task.refresh_from_db()
    assert not task.is_done and task.owner is None
    task_set_done(task=task, by=people_by_role["host"], done=True)
    assert client.post(url, {"action": "reopen"}).status_code == 403
    task.refresh_from_db()
    assert task.is_done


def test_a_rapporteur_of_another_visit_is_refused_this_visits_tasks(client, visit, programme):
    other = VisitFactory(programme=programme)
    elsewhere = MembershipFactory(programme=programme, visit=other, role=Role.RAPPORTEUR).user
    task = VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR)
    client.force_login(elsewhere)
    assert client.post(_url("task_update", visit, task.pk), {"action": "done"}).status_code == 403
    task.refresh_from_db()
    assert not task.is_done


def test_the_host_team_ticks_reopens_and_reassigns_a_task_given_to_someone_else(
    client, visit, people_by_role
):
    rapporteur = people_by_role["rapporteur"]
    task = VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR, owner=rapporteur)
    url = _url("task_update", visit, task.pk)
    client.force_login(people_by_role["host"])
    client.post(url, {"action": "done"})
    task.refresh_from_db()
    assert task.done_by == people_by_role["host"]
    client.post(url, {"action": "reopen"})
    client.post(url, {"action": "assign", "owner": people_by_role["expert"].pk})
    task.refresh_from_db()
    assert not task.is_done and task.owner == people_by_role["expert"]


def test_whoever_holds_a_tasks_role_takes_it_while_nobody_owns_it(client, visit, people_by_role):
    rapporteur = people_by_role["rapporteur"]
    task = VisitTaskFactory(visit=visit, role=Role.RAPPORTEUR)
    client.force_login(rapporteur)
    client.post(_url("task_update", visit, task.pk), {"action": "assign", "owner": rapporteur.pk})
    client.post(_url("task_update", visit, task.pk), {"action": "done"})
    task.refresh_from_db()
    assert task.owner == rapporteur and task.done_by == rapporteur


def test_a_finished_visits_workspace_is_read_only_and_refuses_every_change(
    client, visit, people_by_role
):
    visit.starts_on = datetime.date(2021, 5, 10)
    visit.ends_on = datetime.date(2021, 5, 12)
    visit.save()
    plan = VisitPlanFactory(visit=visit)
    task = VisitTaskFactory(visit=visit, due_on=datetime.date(2021, 5, 1))
    over = "This visit is over: its workspace is kept as it was, read-only."
    for role in ["coordinator", "host", "staff"]:
        client.force_login(people_by_role[role])
        page = client.get(_url("workspace", visit)).text
        assert over in page and task.title in page
        assert _url("task_update", visit, task.pk) not in page
        assert f'action="{_url("agenda_publish", visit)}"' not in page  # no publish button
        refused = client.post(_url("task_update", visit, task.pk), {"action": "done"})
        assert refused.status_code == 403 and over in refused.text
        assert "not allowed to see this page" not in refused.text
        agenda = client.post(_url("agenda_publish", visit), {"published": "yes"})
        assert agenda.status_code == 403 and over in agenda.text
    task.refresh_from_db()
    plan.refresh_from_db()
    assert not task.is_done and not plan.agenda_published
    client.logout()
    anonymous = client.post(_url("task_update", visit, task.pk), {"action": "done"})
    assert anonymous["Location"].startswith(reverse("account_login"))


def _unplanned(programme, **fields):
    """A visit made without a plan, eight weeks ahead, three days long, hosted in Tampere."""
    start = timezone.localdate() + datetime.timedelta(weeks=8)
    return VisitFactory(
        programme=programme,
        title="Tampere: industrial heritage",
        host_place=PlaceFactory(name="Tampere", country="FI"),
        starts_on=start,
        ends_on=start + datetime.timedelta(days=3),
        **fields,
    )


def _apply_url(visit, **params):
    query = dict(parse_qsl(planner_query(visit))) | params
    return _url("apply_plan", visit) + "?" + urlencode(query)


def test_my_visits_shows_a_visit_without_a_plan_with_a_link_to_give_it_one(
    client, programme, coordinator, version
):
    visit = _unplanned(programme)
    client.force_login(coordinator)
    page = client.get(reverse("visits:dashboard")).text
    assert "This visit has no plan yet, so it has no tasks." in page
    assert f"{reverse('planner:plan')}?{planner_query(visit)}".replace("&", "&amp;") in page


def test_my_visits_shows_the_host_a_visit_without_a_plan_but_no_link_to_plan_it(
    client, programme, version
):
    visit = _unplanned(programme)
    host = MembershipFactory(programme=programme, visit=visit, role=Role.HOST).user
    client.force_login(host)
    page = client.get(reverse("visits:dashboard")).text
    assert visit.title in page and "This visit has no plan yet" in page
    assert "Give this visit a plan" not in page


def test_my_visits_lists_a_participants_visits_and_past_ones_under_their_heading(client, programme):
    person = UserFactory()
    coming = _unplanned(programme)
    past = VisitFactory(
        programme=programme, title="Vantaa 2021", starts_on=datetime.date(2021, 3, 22)
    )
    undated = VisitFactory(programme=programme, title="Somewhere, some day")
    for visit in (coming, past, undated):
        MembershipFactory(user=person, programme=programme, visit=visit, role=Role.PARTICIPANT)
    client.force_login(person)
    page = client.get(reverse("visits:dashboard")).text
    assert page.index(coming.title) < page.index(undated.title) < page.index("Past visits")
    assert page.index("Past visits") < page.index("Vantaa 2021")
    assert "dates to be set" in page and "You take part in this visit." in page
    assert _url("workspace", coming) not in page  # they do not run it


def test_the_workspace_of_a_visit_without_a_plan_links_to_the_planner_filled_in(
    client, programme, people_by_role
):
    visit = _unplanned(programme)
    client.force_login(people_by_role["coordinator"])
    page = client.get(_url("workspace", visit)).text
    assert "Give this visit a plan" in page
    assert "mode=online&amp;topic=Tampere" in page and f"visit={visit.pk}" in page
    MembershipFactory(programme=programme, visit=visit, role=Role.HOST, user=people_by_role["host"])
    client.force_login(people_by_role["host"])
    assert "Give this visit a plan" not in client.get(_url("workspace", visit)).text


def test_the_planner_offers_to_give_the_plan_to_the_visit_it_names(
    client, programme, coordinator, version
):
    visit = _unplanned(programme)
    url = f"{reverse('planner:plan')}?{planner_query(visit)}"
    client.force_login(coordinator)
    page = client.get(url).text
    assert f"Give this plan to {visit.title}" in page
    assert "Turn this plan into a visit" not in page
    assert _url("apply_plan", visit) in page
    client.force_login(UserFactory())  # may not plan it: the public planner
    page = client.get(url).text
    assert "Give this plan to" not in page and _url("apply_plan", visit) not in page


def test_giving_a_plan_shows_what_will_happen_then_applies_it(
    client, programme, coordinator, version
):
    visit = _unplanned(programme)
    url = _apply_url(visit, start="2027-03-22")
    client.force_login(coordinator)
    page = client.get(url).text
    assert "gets 1 task, with its due date" in page
    assert "gets a draft agenda of 4 days" in page
    assert "runs from Monday 22 March 2027 to Thursday 25 March 2027" in page
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == _url("workspace", visit)
    assert "The visit is planned: its tasks and agenda are ready." in response.text
    assert "Close the call" in response.text
    visit.refresh_from_db()
    assert (visit.starts_on, visit.ends_on) == (
        datetime.date(2027, 3, 22),
        datetime.date(2027, 3, 25),
    )
    assert visit.plan.created_by == coordinator and visit.tasks.count() == 1


def test_a_visit_with_a_plan_or_over_is_refused_another_with_the_reason(
    client, programme, coordinator, version
):
    planned = VisitPlanFactory(visit=_unplanned(programme)).visit
    client.force_login(coordinator)
    response = client.post(_apply_url(planned))
    assert response.status_code == 403 and "has a plan already" in response.text
    over = VisitFactory(programme=programme, starts_on=datetime.date(2021, 5, 10))
    response = client.get(_apply_url(over))
    assert response.status_code == 403 and "This visit is over" in response.text
    assert not VisitPlan.objects.filter(visit=over).exists()


def test_a_plan_from_a_chosen_template_becomes_a_visit_planned_with_that_template(
    client, programme, coordinator, plan_params
):
    main = TemplateVersionFactory(template__slug="online")
    clinic = TemplateVersionFactory(
        template__slug="clinic", template__name_en="Clinic", min_days=1, default_days=1, max_days=1
    )
    PlaceFactory(name="Tampere", country="FI")
    client.force_login(coordinator)
    params = plan_params | {"template": "clinic", "days": "1", "participants": "8"}
    url = reverse("visits:create_from_plan") + "?" + urlencode(params)
    assert "Clinic" in client.get(url).text
    client.post(
        url, {"programme": programme.pk, "title": "One question", "host_place": "Tampere (FI)"}
    )
    visit = Visit.objects.get(title="One question")
    assert visit.plan.template_version == clinic != main
    assert visit.starts_on == visit.ends_on == datetime.date(2027, 3, 22)


def test_a_visit_without_a_plan_is_given_the_template_chosen_in_the_planner(
    client, programme, coordinator, plan_params
):
    TemplateVersionFactory(template__slug="online")
    clinic = TemplateVersionFactory(
        template__slug="clinic", template__name_en="Clinic", min_days=1, default_days=1, max_days=1
    )
    visit = _unplanned(programme)
    client.force_login(coordinator)
    url = _apply_url(visit, template="clinic", days="1", participants="8")
    assert client.get(url).status_code == 200
    client.post(url, {})
    visit.refresh_from_db()
    assert visit.plan.template_version == clinic  # not the online mode's main template


def test_a_plan_of_another_mode_is_refused_before_and_on_confirming(
    client, programme, coordinator, plan_params
):
    TemplateVersionFactory(template__slug="online")
    TemplateVersionFactory(template__slug="onsite", template__mode="onsite")
    visit = _unplanned(programme, mode="online")  # a call may advertise it as online
    client.force_login(coordinator)
    url = _apply_url(visit, template="onsite", mode="onsite")
    page = client.get(url).text
    assert "This visit is online and this template plans onsite visits" in page
    assert '<form method="post"' not in page.split("<main")[1]  # nothing to confirm
    client.post(url, {})
    visit.refresh_from_db()
    assert visit.mode == "online" and not VisitPlan.objects.filter(visit=visit).exists()
