import datetime

import pytest
from django.utils import timezone

from tests.factories import AgendaSessionFactory, VisitTaskFactory

TODAY = datetime.date(2027, 3, 1)


def test_an_open_task_past_its_date_is_overdue_and_a_done_one_never():
    task = VisitTaskFactory.build(due_on=TODAY - datetime.timedelta(days=1))
    assert task.is_overdue(TODAY) and not task.is_done
    assert not VisitTaskFactory.build(due_on=TODAY).is_overdue(TODAY)
    task.done_at = timezone.now()
    assert task.is_done and not task.is_overdue(TODAY)


def test_a_tasks_checklist_is_read_one_item_a_line():
    task = VisitTaskFactory.build(checklist="Main hall\n\n  Breakout rooms \n")
    assert task.checklist_items == ["Main hall", "Breakout rooms"]


@pytest.mark.django_db
def test_a_session_ends_its_minutes_after_it_starts():
    session = AgendaSessionFactory(minutes=90)
    assert session.ends_at == datetime.datetime(2027, 3, 22, 9, 30, tzinfo=datetime.UTC)
    assert str(session).endswith("(2027-03-22 08:00)")
