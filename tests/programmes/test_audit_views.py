import csv
import datetime
import io
import json
import zoneinfo
from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from citypeers.core.audit import log_action
from citypeers.core.models import AuditEntry
from citypeers.programmes.services import membership_add
from tests.core.test_audit_chain import _raw_update
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def _page(client, programme, query: str = ""):
    return client.get(reverse("programmes:audit", args=[programme.slug]) + query)


def _added(programme, by, name: str):
    person = UserFactory(display_name=name)
    return membership_add(programme=programme, email=person.email, role="host", by=by)


def test_coordinators_read_their_programmes_trail_newest_first_and_nothing_of_others(
    signed_in, programme, coordinator
):
    _added(programme, coordinator, "Aino")
    _added(programme, coordinator, "Bruno")
    _added(ProgrammeFactory(), coordinator, "Chiara")
    page = _page(signed_in, programme).text
    assert page.index("Bruno") < page.index("Aino")
    assert "Chiara" not in page
    assert "membership.added" in page and str(coordinator) in page
    assert "The trail verifies" in page


def test_the_programme_page_links_the_trail_for_its_coordinators_only(
    client, programme, coordinator
):
    address = reverse("programmes:audit", args=[programme.slug])
    detail = reverse("programmes:detail", args=[programme.slug])
    assert address not in client.get(detail).text
    client.force_login(coordinator)
    assert address in client.get(detail).text


def test_an_empty_trail_says_so(signed_in, programme):
    page = _page(signed_in, programme).text
    assert "Nothing has been recorded in this programme yet." in page


def test_filters_by_kind_of_action_and_person(signed_in, programme, coordinator):
    other = UserFactory(display_name="Dora")
    _added(programme, coordinator, "Aino")
    log_action(programme, "export.members", by=other)
    by_kind = _page(signed_in, programme, "?kind=export").text
    assert "export.members" in by_kind and "membership.added" not in by_kind
    by_person = _page(signed_in, programme, f"?person={coordinator.pk}").text
    assert "membership.added" in by_person and "export.members" not in by_person
    nobody = _page(signed_in, programme, "?kind=export&person=" + str(coordinator.pk)).text
    assert "No entry matches these filters." in nobody


def test_dates_are_days_in_the_readers_time_zone(signed_in, programme, coordinator):
    coordinator.time_zone = zoneinfo.ZoneInfo("Pacific/Auckland")  # UTC+13 in March
    coordinator.save()
    # 2026-03-01 11:30 UTC is already 2 March, 00:30, in Auckland.
    moment = datetime.datetime(2026, 3, 1, 11, 30, tzinfo=datetime.UTC)
    with mock.patch("citypeers.core.audit.timezone.now", return_value=moment):
        log_action(programme, "call.published", by=coordinator)
    assert "call.published" in _page(signed_in, programme, "?since=2026-03-02").text
    before = _page(signed_in, programme, "?until=2026-03-01").text
    assert "No entry matches these filters." in before


def test_a_start_after_the_end_is_refused_at_the_field(signed_in, programme):
    page = _page(signed_in, programme, "?since=2026-03-05&until=2026-03-01")
    assert page.status_code == 200
    assert "The end comes before the start." in page.text
    assert "There is a problem" in page.text


@pytest.mark.parametrize(
    "typed",
    [
        "?person=abc",
        "?person=99999999999999999999",
        "?kind=<x>",
        "?kind=nul%00byte",
        "?since=31/31/2026",
        "?since=9999-12-31&until=2100-12-31",
        "?page=999",
    ],
)
def test_anything_typed_into_the_filters_gives_a_page(signed_in, programme, typed):
    assert _page(signed_in, programme, typed).status_code == 200


def test_the_download_holds_the_filtered_entries_and_is_itself_in_the_trail(
    signed_in, programme, coordinator
):
    _added(programme, coordinator, "Aino")
    log_action(programme, "call.published", by=coordinator)
    response = _page(signed_in, programme, "?kind=membership&export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == ["membership.added"]
    entry = AuditEntry.objects.get(action="export.audit")
    assert (entry.actor, entry.programme_id) == (coordinator, programme.pk)
    assert entry.changes == {"format": "csv", "rows": 1}


def test_the_json_download_gives_times_in_the_readers_zone(signed_in, programme, coordinator):
    coordinator.time_zone = zoneinfo.ZoneInfo("Europe/Helsinki")
    coordinator.save()
    log_action(programme, "call.published", by=coordinator)
    rows = json.loads(_page(signed_in, programme, "?export=json").content)
    assert rows[0]["Action"] == "call.published"
    assert rows[0]["When"].endswith("+02:00")


def test_the_page_says_when_the_trail_does_not_verify(signed_in, programme, coordinator):
    entry = log_action(programme, "call.published", by=coordinator)
    _raw_update("UPDATE core_auditentry SET action = %s WHERE id = %s", ["x.y", entry.pk])
    assert "The trail does not verify" in _page(signed_in, programme).text


@pytest.mark.parametrize("count", [1, 3])
def test_the_trail_page_and_download_run_a_fixed_number_of_queries(
    signed_in, programme, coordinator, count, django_assert_max_num_queries
):
    for n in range(count):
        _added(programme, coordinator, f"Person {n}")
    with django_assert_max_num_queries(11):
        assert _page(signed_in, programme).status_code == 200
    # The download is recorded: PostgreSQL takes the chain's lock first (one query more).
    with django_assert_max_num_queries(12 if connection.vendor == "postgresql" else 11):
        assert _page(signed_in, programme, "?export=csv").status_code == 200


def test_the_filters_offer_each_kind_and_person_once(signed_in, programme, coordinator):
    for name in ("Aino", "Bruno", "Chiara"):
        _added(programme, coordinator, name)
    page = _page(signed_in, programme).text
    assert page.count('<option value="membership">Roles</option>') == 1
    assert page.count(f'<option value="{coordinator.pk}">') == 1
