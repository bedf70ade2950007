"""A visit's tasks in every language of the template they come from: each of the team reads
them in their own, ticks the checklist there, and a tick is the same item in every language."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from citypeers.core.models import AuditEntry
from citypeers.core.translated import translations_of
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.methodology.selectors.planner import current_versions
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Role
from citypeers.visits.services.plans import visit_create_from_plan
from citypeers.visits.services.work import task_checklist_tick
from tests.factories import MembershipFactory, PlaceFactory, VisitTaskFactory

pytestmark = pytest.mark.django_db
REQUEST = PlanRequest(
    mode="online",
    start=datetime.date(2027, 3, 22),
    days=4,
    participants=24,
    host_tz="Europe/Paris",
    countries=("FR", "BE"),
    topic="Heritage walks",
)


@pytest.fixture
def shipped_visit(programme, coordinator):
    """A visit planned (in English) from the shipped online template."""
    load_methodology()
    return visit_create_from_plan(
        programme=programme,
        by=coordinator,
        title="Heritage walks",
        host_place=PlaceFactory(name="Lille", country="FR"),
        practice=None,
        version=current_versions()["online"],
        request=REQUEST,
        today=datetime.date(2026, 6, 1),
    )


@pytest.fixture
def host(programme, shipped_visit):
    return MembershipFactory(programme=programme, visit=shipped_visit, role=Role.HOST).user


def _url(name: str, visit, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"visits:{name}", args=[visit.programme.slug, visit.slug, *args])


def _host_task_with_a_checklist(visit):
    return next(
        task
        for task in visit.tasks.filter(role=Role.HOST).order_by("due_on", "position")
        if len(task.checklist_items) >= 2
    )


def _ticked_on(page: str, task) -> list[int]:
    return [
        int(n) for n in re.findall(rf'value="(\d+)" id="task-{task.pk}-item-\d+" checked', page)
    ]


def test_a_visit_planned_from_a_shipped_template_has_its_tasks_in_every_language(
    shipped_visit,
):
    template_steps = {
        step.title: step for step in current_versions()["online"].steps.all()
    }  # by English title: the visit was planned in English
    assert shipped_visit.tasks.count() == len(template_steps)
    for task in shipped_visit.tasks.all():
        step = template_steps[task.title]
        for name in ("title", "deliverable", "checklist"):
            assert translations_of(task, name) == translations_of(step, name), task.title
    assert len(translations_of(task, "title")) == 25  # every offered language


def test_a_french_host_reads_the_tasks_and_their_checklists_in_french(client, shipped_visit, host):
    task = _host_task_with_a_checklist(shipped_visit)
    client.force_login(host)
    page = client.get(_url("workspace", shipped_visit, language="fr")).text
    with translation.override("fr"):
        title, items = str(task.title), task.checklist_items
        deliverable = str(task.deliverable)
    assert title != translations_of(task, "title")["en"]
    assert escape(title) in page and escape(deliverable) in page
    for item in items:
        assert escape(item) in page
    assert escape(translations_of(task, "title")["en"]) not in page


def test_an_item_ticked_on_the_french_page_is_ticked_on_the_english_page(
    client, shipped_visit, host
):
    task = _host_task_with_a_checklist(shipped_visit)
    client.force_login(host)
    shown = list(range(len(task.checklist_items)))
    response = client.post(
        _url("task_update", shipped_visit, task.pk, language="fr"),
        {"action": "checklist", "shown": shown, "ticked": [1]},
        follow=True,
    )
    assert _ticked_on(response.text, task) == [1]  # back on the French page, ticked

    english = client.get(_url("workspace", shipped_visit)).text
    assert _ticked_on(english, task) == [1]
    label = task.checklist_items[1]  # the English item
    assert re.search(
        rf'id="task-{task.pk}-item-1" checked> <label for="task-{task.pk}-item-1">'
        + re.escape(escape(label)),
        english,
    )
    task.refresh_from_db()
    assert task.ticked == [1]


def test_unticking_leaves_the_items_the_page_did_not_show_ticked(visit, coordinator):
    """Two people ticking different items at once each keep theirs."""
    task = VisitTaskFactory(visit=visit, checklist="Main hall\nBreakout rooms\nCatering")
    task_checklist_tick(task=task, by=coordinator, ticked={0}, shown={0})
    task = task_checklist_tick(task=task, by=coordinator, ticked={2}, shown={1, 2})
    assert task.ticked == [0, 2]
    task = task_checklist_tick(task=task, by=coordinator, ticked=set(), shown={0, 1, 2, 7})
    assert task.ticked == []
    assert [entry.changes["ticked"] for entry in AuditEntry.objects.order_by("pk")] == [
        [[], [0]],
        [[0], [0, 2]],
        [[0, 2], []],
    ]


def test_a_tick_is_kept_in_a_language_whose_checklist_is_shorter(visit, coordinator):
    task = VisitTaskFactory(
        visit=visit, checklist={"en": "Main hall\nBreakout rooms", "fr": "Grande salle"}
    )
    task = task_checklist_tick(task=task, by=coordinator, ticked={1, 5}, shown={0, 1, 5})
    assert task.ticked == [1]  # a position no language has is not kept
    with translation.override("fr"):
        assert task.checklist_rows == [(0, "Grande salle", False)]
    assert task.checklist_rows == [(0, "Main hall", False), (1, "Breakout rooms", True)]


def test_someone_who_may_not_change_the_task_sees_the_ticks_but_cannot_tick(
    client, visit, people_by_role
):
    task = VisitTaskFactory(visit=visit, role=Role.HOST, checklist="Main hall\nBreakout rooms")
    task_checklist_tick(task=task, by=people_by_role["host"], ticked={0}, shown={0, 1})
    client.force_login(people_by_role["expert"])
    page = client.get(_url("workspace", visit)).text
    assert f'id="task-{task.pk}-item-0" disabled checked>' in page
    assert f'id="task-{task.pk}-item-1" disabled>' in page
    response = client.post(
        _url("task_update", visit, task.pk), {"action": "checklist", "shown": [0], "ticked": []}
    )
    assert response.status_code == 403
    task.refresh_from_db()
    assert task.ticked == [0]


def test_the_task_editor_shows_the_languages_side_by_side_and_keeps_the_ticks(client, visit, staff):
    task = VisitTaskFactory(
        visit=visit,
        title={"en": "Book the rooms", "fr": "Réserver les salles"},
        checklist={"en": "Main hall\nBreakout rooms", "fr": "Grande salle\nSalles annexes"},
    )
    task_checklist_tick(task=task, by=staff, ticked={1}, shown={0, 1})
    staff.is_superuser = True  # the admin's rights
    staff.save()
    client.force_login(staff)
    url = reverse("admin:visits_visittask_change", args=[task.pk])
    page = client.get(url).text
    assert 'class="translated-first"' in page
    assert 'name="title_en" value="Book the rooms"' in page
    assert 'name="title_fr" value="Réserver les salles"' in page

    response = client.post(
        url,
        {
            "visit": visit.pk,
            "phase": 6,
            "position": task.position,
            "role": Role.HOST,
            "title_en": "Book the rooms",
            "title_fr": "Réserver les salles",
            "checklist_en": "Main hall\nBreakout rooms",
            "checklist_fr": "Grande salle\nSalles de travail",  # reworded in French only
            "due_on": task.due_on.isoformat(),
        },
    )
    assert response.status_code == 302, response.text
    task.refresh_from_db()
    assert translations_of(task, "checklist") == {
        "en": "Main hall\nBreakout rooms",
        "fr": "Grande salle\nSalles de travail",
    }
    assert task.ticked == [1]  # the edit leaves the ticks alone
    with translation.override("fr"):
        assert task.checklist_rows[1] == (1, "Salles de travail", True)
