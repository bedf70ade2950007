import datetime

import pytest
from django.db.utils import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from citypeers.core.models import OutboxMessage
from citypeers.programmes.tasks import notify_membership_added
from tests.core.test_mail import send_through_outbox
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_healthz_tells_the_public_only_that_all_is_well(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    notify_membership_added.enqueue(membership_id=1)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}


def test_healthz_gives_staff_the_database_and_the_task_queue(client, settings, staff):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    notify_membership_added.enqueue(membership_id=1)
    notify_membership_added.enqueue(membership_id=2)
    running = notify_membership_added.enqueue(membership_id=3)
    DBTaskResult.objects.filter(pk=running.id).update(
        status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=2)
    )
    client.force_login(staff)
    health = client.get("/healthz").json()
    assert health["status"] == "ok"
    assert health["database"]["status"] == "ok"
    assert health["tasks"] | {"backend": ""} == {
        "status": "ok",
        "backend": "",
        "waiting": 2,
        "running": 1,
        "stuck": 1,  # running for two hours: its worker died
    }


def test_healthz_gives_a_probe_with_the_token_the_details_and_no_one_else(client, settings):
    settings.HEALTHZ_TOKEN = "s3cret-probe-token"
    with_token = client.get("/healthz", headers={"Authorization": "Bearer s3cret-probe-token"})
    assert with_token.json()["database"]["status"] == "ok"
    for wrong in ["Bearer nope", "Bearer s3cret-probe-tokeé", "s3cret-probe-token", ""]:
        response = client.get("/healthz", headers={"Authorization": wrong})
        assert response.json() == {"status": "ok"}, wrong
    client.force_login(UserFactory())
    assert client.get("/healthz").json() == {"status": "ok"}  # signed in is not staff


def test_healthz_answers_503_when_the_database_is_unreachable(client, monkeypatch, settings):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    settings.HEALTHZ_TOKEN = "s3cret-probe-token"
    monkeypatch.setattr("citypeers.core.selectors.connection.cursor", unreachable)
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (503, {"status": "unavailable"})
    response = client.get("/healthz", headers={"Authorization": "Bearer s3cret-probe-token"})
    assert response.status_code == 503
    assert response.json()["database"]["status"] == "unavailable"


def test_healthz_counts_no_task_rows_for_the_public(client, settings, django_assert_num_queries):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_assert_num_queries(1):  # SELECT 1
        assert client.get("/healthz").status_code == 200


def test_healthz_is_not_cached_and_not_language_prefixed(client):
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/en/healthz").status_code == 404


def test_staff_read_the_outbox_newest_first_and_open_a_message(client, staff):
    send_through_outbox("First")
    send_through_outbox("Second", "Confirm at https://example.org/confirm/abc/")
    client.force_login(staff)
    listing = client.get(reverse("core:outbox")).text
    assert listing.index("Second") < listing.index("First")
    second = OutboxMessage.objects.get(subject="Second")
    page = client.get(reverse("core:outbox_message", args=[second.pk])).text
    assert '<a href="https://example.org/confirm/abc/"' in page


def test_outbox_search_by_recipient(client, staff):
    send_through_outbox("For Ana", to="ana@example.org")
    send_through_outbox("For Bo", to="bo@example.org")
    client.force_login(staff)
    page = client.get(reverse("core:outbox"), {"q": "ana@"}).text
    assert "For Ana" in page
    assert "For Bo" not in page


def test_empty_outbox_says_so(client, staff):
    client.force_login(staff)
    assert "No e-mail has been sent yet." in client.get(reverse("core:outbox")).text


def test_outbox_pages_keep_the_search(client, staff):
    for number in range(30):
        send_through_outbox(f"Message {number}", to="ana@example.org")
    client.force_login(staff)
    page = client.get(reverse("core:outbox"), {"q": "ana"}).text
    assert "?q=ana&amp;page=2" in page
    assert "Page 1 of 2" in page


def test_a_mistyped_page_number_shows_a_page_not_an_error(client, staff):
    client.force_login(staff)
    assert client.get(reverse("core:outbox"), {"page": "abc"}).status_code == 200
    assert client.get(reverse("core:outbox"), {"page": "999"}).status_code == 200


def test_healthz_only_answers_reads(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize("page", ["outbox", "message"])
def test_the_outbox_is_for_staff_only(client, page):
    send_through_outbox("Private")
    url = (
        reverse("core:outbox")
        if page == "outbox"
        else reverse("core:outbox_message", args=[OutboxMessage.objects.get().pk])
    )
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


def test_an_unknown_outbox_message_is_a_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("core:outbox_message", args=[424242])).status_code == 404


def test_an_outbox_search_without_match_says_so(client, staff):
    send_through_outbox("Welcome")
    client.force_login(staff)
    page = client.get(reverse("core:outbox"), {"q": "  nothing-like-it  "}).text
    assert "No e-mail matches this search." in page
    assert 'value="nothing-like-it"' in page
