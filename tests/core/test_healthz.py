import pytest
from django.db.utils import OperationalError
from django_tasks_db.models import DBTaskResult

from citypeers.programmes.tasks import notify_membership_added


@pytest.mark.django_db
def test_healthz_reports_database_and_task_queue(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    notify_membership_added.enqueue(membership_id=1)
    notify_membership_added.enqueue(membership_id=2)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    health = response.json()
    assert health["status"] == "ok"
    assert health["database"]["status"] == "ok"
    assert health["tasks"]["by_status"] == {"READY": 2}
    assert DBTaskResult.objects.count() == 2


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("citypeers.core.selectors.connection.cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"]["status"] == "unavailable"


@pytest.mark.django_db
def test_healthz_is_not_cached_and_not_language_prefixed(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/en/healthz").status_code == 404
