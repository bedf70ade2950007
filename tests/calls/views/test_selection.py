"""The selection page: settings, runs, reasons, pins and exclusions, comparisons, exports."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.calls.models import Application, ReviewAssignment, SelectionRun
from citypeers.calls.selectors.placements import run_placements
from tests.calls.helpers import apply, close, compared, reviewer, run, settings_data
from tests.factories import CallFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(selection_call):
    """Vantaa and Kortrijk, for Finland, Belgium and France."""
    return selection_call


def test_a_coordinator_sets_places_runs_and_reads_the_reasons(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa, kortrijk])
    apply(call, "Bram", "BE", [vantaa])
    apply(call, "Chloé", "FR", [vantaa, kortrijk])
    client.force_login(coordinator)
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
    call.refresh_from_db()
    assert call.selection_settings["visits"][str(vantaa.pk)]["capacity"] == 1
    selection = run(client, call, django_capture_on_commit_callbacks)
    assert selection.status == "done" and selection.result["status"] == "optimal"
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert "Proven optimal" in page and "selected for preference" in page
    waiting = {key for keys in selection.result["waiting_lists"].values() for key in keys}
    assert ("Waiting list, in the order places are offered:" in page) == bool(waiting)


def test_quotas_hold_and_the_reason_says_which_one_was_full(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa])
    apply(call, "Aada", "FI", [vantaa])
    apply(call, "Bram", "BE", [vantaa])
    client.force_login(coordinator)
    settings = {f"visit_{vantaa.pk}_capacity": 3, f"visit_{vantaa.pk}_max_per_country": 1}
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call, **settings))
    selection = run(client, call, django_capture_on_commit_callbacks)
    assert selection.result["status"] == "optimal"
    chosen = selection.result["assignments"][str(vantaa.pk)]
    assert len(chosen) == 2  # one Finn and Bram: the third place stays free
    [left_out] = {str(a.pk) for a in call.applications.all()} - set(chosen)
    reason = selection.result["decisions"][left_out]["reason"]
    assert "at most 1 per country" in reason
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert (
        "preference 1 (Vantaa): 1 place was left free, but taking it would break the quota "
        "“at most 1 per country (Finland)”" in page
    )


def test_the_json_export_gives_every_sent_applications_outcome(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, kortrijk = call.visits.order_by("pk")
    first = apply(call, "Aino", "FI", [vantaa])
    second = apply(call, "Bram", "BE", [vantaa])
    swiss = apply(call, "Zoë", "CH", [vantaa])
    withdrawn = apply(call, "Wim", "BE", [kortrijk])
    Application.objects.filter(pk=withdrawn.pk).update(status="withdrawn")
    client.force_login(coordinator)
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
    run(client, call, django_capture_on_commit_callbacks)
    export = client.get(reverse("calls:selection", args=[call.slug]), {"export": "json"}).json()
    assert export["visits"][0] == {"slug": "vantaa", "capacity": 1, "quotas": []}
    rows = {row["id"]: row for row in export["applications"]}
    statuses = {rows[a.pk]["status"] for a in (first, second)}
    assert statuses == {"selected", "waitlisted"}
    waiting = next(row for row in rows.values() if row["status"] == "waitlisted")
    assert (waiting["visit"], waiting["waiting_position"]) == ("vantaa", 1)
    assert rows[swiss.pk]["status"] == "ineligible"
    assert rows[withdrawn.pk]["status"] == "withdrawn"
    assert rows[first.pk]["preferences"] == ["vantaa"] and rows[first.pk]["country"] == "FI"
    assert set(rows[first.pk]) == {
        "id",
        "country",
        "organisation_type",
        "city_size",
        "preferences",
        "score",
        "status",
        "visit",
        "waiting_position",
        "reason",
    }


def test_a_lottery_needs_its_lowest_score(client, call, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:selection", args=[call.slug]), settings_data(call, mode="lottery")
    )
    assert 'href="#id_threshold"' in response.text


def test_pins_and_exclusions_apply_to_the_next_run_and_runs_can_be_compared(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, kortrijk = call.visits.order_by("pk")
    aino = apply(call, "Aino", "FI", [vantaa])
    bram = apply(call, "Bram", "BE", [vantaa, kortrijk])
    client.force_login(coordinator)
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
    first = run(client, call, django_capture_on_commit_callbacks)
    url = reverse("calls:selection_override", args=[call.slug])
    response = client.post(url, {"application": bram.pk, "kind": "pin"}, follow=True)
    assert "Choose the visit to pin the person to." in response.text
    client.post(
        url,
        {
            "application": bram.pk,
            "kind": "pin",
            "visit": kortrijk.pk,
            "reason": "Kortrijk asked for a Belgian peer.",
        },
    )
    response = client.post(
        url,
        {"application": aino.pk, "kind": "exclude", "reason": "Withdrew by phone."},
        follow=True,
    )
    assert "Saved; it applies" in response.text, response.text[-3000:]
    second = run(client, call, django_capture_on_commit_callbacks)
    assert second.number == first.number + 1, second.instance
    assert second.result["decisions"][str(bram.pk)]["visit"] == str(kortrijk.pk)
    assert str(aino.pk) not in second.result["decisions"]
    table = compared(client, call, first, second)
    assert '<th scope="row">Aino</th><td>a place on “Vantaa”</td><td>not considered' in table
    assert "Bram" not in table  # pinned where the first run had already put him


def test_the_comparison_shows_where_each_run_put_each_person_who_moved(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa])
    apply(call, "Bram", "BE", [vantaa])
    client.force_login(coordinator)
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
    first = run(client, call, django_capture_on_commit_callbacks)
    placements = run_placements(first)
    names = {str(a.pk): str(a.applicant) for a in call.applications.all()}
    [chosen] = [names[key] for key, p in placements.items() if p.outcome == "selected"]
    [waiting] = [key for key, p in placements.items() if p.outcome == "waitlisted"]
    url = reverse("calls:selection_override", args=[call.slug])
    client.post(url, {"application": waiting, "kind": "pin", "visit": vantaa.pk, "reason": "Host"})
    second = run(client, call, django_capture_on_commit_callbacks)
    table = compared(client, call, first, second)
    assert "From run 1 to run 2: 2 applicants placed differently" in table
    rows = table.split("<tbody>")[1].split("</tr>")[:2]
    assert rows[0].startswith(f'<tr><th scope="row">{names[waiting]}</th>')
    assert "<td>waiting list of “Vantaa”, position 1</td><td>a place on “Vantaa”<br>" in rows[0]
    assert rows[1].startswith(f'<tr><th scope="row">{chosen}</th>')
    assert "<td>a place on “Vantaa”</td><td>waiting list of “Vantaa”, position 1<br>" in rows[1]


def test_the_comparison_says_so_when_nobody_moved(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa])
    apply(call, "Bram", "BE", [kortrijk])
    client.force_login(coordinator)
    first = run(client, call, django_capture_on_commit_callbacks)
    second = run(client, call, django_capture_on_commit_callbacks)
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert '<option value="1" selected>' in page and '<option value="2" selected>' in page
    table = compared(client, call, first, second)
    assert "Nobody moved from run 1 to run 2" in table and "<table" not in table


@pytest.mark.parametrize(
    ("compare", "message"),
    [
        ("foo", "Choose two runs to compare."),
        ("1", "Choose two runs to compare."),
        ("1,2,3", "Choose two runs to compare."),
        ("1,x", "Choose two runs to compare."),
        ("1," + "9" * 5000, "Choose two runs to compare."),
        ("2,2", "Choose two different runs to compare."),
        ("1,3", "This call has no run 3 with a result to compare."),  # still queued
        ("4,1", "This call has no run 4 with a result to compare."),  # another call's
        ("1,5", "This call has no run 5 with a result to compare."),  # failed
    ],
)
def test_a_bad_comparison_says_what_is_wrong_and_shows_the_rest_of_the_page(
    client, call, coordinator, django_capture_on_commit_callbacks, compare, message
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa])
    client.force_login(coordinator)
    run(client, call, django_capture_on_commit_callbacks)
    run(client, call, django_capture_on_commit_callbacks)
    SelectionRun.objects.create(call=call, number=3, instance={})
    SelectionRun.objects.create(call=call, number=5, instance={}, status="failed", error="Boom")
    other = CallFactory(programme=call.programme, visits=[vantaa])
    SelectionRun.objects.create(call=other, number=4, instance={}, status="done", result={})
    table = compared(client, call, compare)
    assert f'<p class="notice" role="alert">{message}</p>' in table
    assert "<table" not in table and 'name="compare"' in table


def test_the_comparison_reads_as_many_queries_for_one_applicant_as_for_three(
    client, programme, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    def queries(people: int) -> int:
        vantaa = VisitFactory(programme=programme)
        call = CallFactory(programme=programme, visits=[vantaa])
        apply(call, "Zoë", "FI", [vantaa])
        leaving = [apply(call, f"Person {n}", "BE", [vantaa]) for n in range(people)]
        client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
        first = run(client, call, django_capture_on_commit_callbacks)
        url = reverse("calls:selection_override", args=[call.slug])
        for application in leaving:
            client.post(url, {"application": application.pk, "kind": "exclude", "reason": "Left."})
        second = run(client, call, django_capture_on_commit_callbacks)
        with CaptureQueriesContext(connection) as captured:
            table = compared(client, call, first, second)
        assert table.count("not considered in this run") == people
        return len(captured)

    assert queries(1) == queries(3)


def test_the_page_offers_the_pin_form_and_lists_the_decisions_by_hand(client, call, coordinator):
    vantaa, _kortrijk = call.visits.order_by("pk")
    bram = apply(call, "Bram", "BE", [vantaa])
    client.force_login(coordinator)
    url = reverse("calls:selection_override", args=[call.slug])
    client.post(
        url, {"application": bram.pk, "kind": "pin", "visit": vantaa.pk, "reason": "Asked."}
    )
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert 'name="application"' in page and f'<option value="{bram.pk}">Bram</option>' in page
    visit_page = reverse("visits:visit", args=[vantaa.programme.slug, vantaa.slug])
    assert f'Bram: Pin to a visit (<a href="{visit_page}">Vantaa</a>) · Asked.' in page


def test_a_wrong_number_of_places_is_shown_in_its_row_and_the_rest_is_kept(
    client, call, coordinator
):
    vantaa, kortrijk = call.visits.order_by("pk")
    client.force_login(coordinator)
    data = settings_data(
        call, **{f"visit_{vantaa.pk}_capacity": 0, f"visit_{kortrijk.pk}_max_per_country": 2}
    )
    page = client.post(reverse("calls:selection", args=[call.slug]), data).text
    assert f'href="#id_visit_{vantaa.pk}_capacity"' in page  # the summary leads to the cell
    assert "Ensure this value is greater than or equal to 1." in page
    assert f'name="visit_{kortrijk.pk}_max_per_country" value="2"' in page
    call.refresh_from_db()
    assert call.selection_settings.get("visits", {}).get(str(kortrijk.pk)) is None


def test_the_selection_downloads_as_a_spreadsheet_with_names(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    aino = apply(call, "Aino", "FI", [vantaa])
    client.force_login(coordinator)
    client.post(reverse("calls:selection", args=[call.slug]), settings_data(call))
    run(client, call, django_capture_on_commit_callbacks)
    response = client.get(reverse("calls:selection", args=[call.slug]), {"export": "csv"})
    assert response["Content-Disposition"].endswith('-selection.csv"')
    header, row = response.content.decode().splitlines()[:2]
    assert header.startswith("Application,Name,E-mail address,Country")
    assert row.startswith(f"{aino.pk},Aino,{aino.applicant.email},FI,")
    assert row.endswith(",Selected,Vantaa,,selected for preference 1 (Vantaa)")
    with translation.override("fr"):
        french = client.get(reverse("calls:selection", args=[call.slug]), {"export": "csv"})
    assert "Sélectionnée" in french.content.decode()
    xlsx = client.get(reverse("calls:selection", args=[call.slug]), {"export": "xlsx"})
    assert xlsx.content[:2] == b"PK"  # a zip: the XLSX container


def test_a_run_whose_worker_died_shows_failed_with_why_and_a_new_run_can_start(
    client, call, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.SELECTION_RUN_TIMEOUT = 1800
    apply(call, "Aino")
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    SelectionRun.objects.create(
        call=call, number=1, instance={}, status="running", started_at=long_ago
    )
    client.force_login(coordinator)
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert "The worker solving this run stopped before it finished" in page
    assert "A run is in progress" not in page  # the page no longer waits for it
    assert run(client, call, django_capture_on_commit_callbacks).status == "done"


def test_running_before_every_review_is_in_asks_for_a_tick_and_says_how_many(
    client, call, programme, coordinator, django_capture_on_commit_callbacks
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    aino = apply(call, "Aino", "FI", [vantaa])
    ReviewAssignment.objects.create(application=aino, reviewer=reviewer(programme))
    client.force_login(coordinator)
    url = reverse("calls:selection", args=[call.slug])
    assert "Run without 1 review not done yet" in client.get(url).text
    refused = client.post(reverse("calls:selection_run", args=[call.slug]), follow=True)
    assert "1 review is not done yet" in refused.text and not SelectionRun.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("calls:selection_run", args=[call.slug]), {"despite_missing_reviews": "yes"}
        )
    assert SelectionRun.objects.get().status == "done"


def test_after_publishing_a_new_run_is_a_new_round_taken_knowingly(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    vantaa, _kortrijk = call.visits.order_by("pk")
    apply(call, "Aino", "FI", [vantaa])
    close(call)
    client.force_login(coordinator)
    first = run(client, call, django_capture_on_commit_callbacks)
    first.published_at = timezone.now()
    first.save()
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert "Start a new selection round" in page and "0 people have already answered" in page
    refused = client.post(reverse("calls:selection_run", args=[call.slug]), follow=True)
    assert "tick that you start a new selection round" in refused.text
    assert SelectionRun.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:selection_run", args=[call.slug]), {"new_round": "yes"})
    assert SelectionRun.objects.count() == 2
