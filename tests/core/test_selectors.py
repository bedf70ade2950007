import pytest

from citypeers.core.selectors import outbox_messages, platform_health
from tests.core.test_mail import send_through_outbox

pytestmark = pytest.mark.django_db


def test_the_outbox_search_matches_recipient_or_subject_ignoring_case():
    send_through_outbox("Your role in CHiA", to="ana@example.org")
    send_through_outbox("Welcome", to="bo@example.org")
    send_through_outbox("Reminder", to="cy@example.org")
    assert {m.subject for m in outbox_messages(q="chia")} == {"Your role in CHiA"}
    assert {m.subject for m in outbox_messages(q="BO@")} == {"Welcome"}
    assert outbox_messages().count() == 3


def test_health_with_an_empty_task_queue_is_ok(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert platform_health() == {"status": "ok"}
    health = platform_health(details=True)
    assert health["tasks"] == {
        "status": "ok",
        "backend": "django_tasks_db.DatabaseBackend",
        "waiting": 0,
        "running": 0,
        "stuck": 0,
    }


def test_health_names_the_database_failure_without_its_details(monkeypatch):
    def refused(*args, **kwargs):
        raise ConnectionRefusedError("password authentication failed for user admin")

    monkeypatch.setattr("citypeers.core.selectors.connection.cursor", refused)
    assert platform_health() == {"status": "unavailable"}
    health = platform_health(details=True)
    assert health["database"] == {"status": "unavailable", "error": "ConnectionRefusedError"}
    assert "tasks" not in health
    assert "password" not in str(health)
