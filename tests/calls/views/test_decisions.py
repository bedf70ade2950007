"""The decision e-mails coordinators edit and preview, the check before publishing, and what
the selection page and its export show once applicants answer."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from citypeers.calls.models import Application
from citypeers.calls.services.selection import selection_execute, selection_start
from tests.calls.helpers import apply, close, messages_url, published
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_the_same_run_is_published_once(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    client.force_login(coordinator)
    url = reverse("calls:selection_publish", args=[call.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"run": run.number})
    mail.outbox.clear()
    response = client.post(url, {"run": run.number}, follow=True)
    assert "These decisions are published already." in response.text and mail.outbox == []


def test_an_answer_must_say_confirm_or_decline(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    [aino] = published(client, call, coordinator, django_capture_on_commit_callbacks).values()
    client.force_login(aino.applicant)
    page = client.post(reverse("calls:respond", args=[call.slug]), {}, follow=True).text
    assert "Choose to confirm or to decline your place." in page
    aino.refresh_from_db()
    assert aino.outcome == "selected"


def test_an_unknown_placeholder_is_refused_at_its_field_and_the_text_kept(
    client, call, coordinator
):
    client.force_login(coordinator)
    text = "Dear {name}, welcome to {visti}! <script>alert(1)</script>"
    page = client.post(
        messages_url(call), {"selected": text, "waitlisted": "", "not_selected": ""}
    ).text
    assert "Unknown placeholder {visti}" in page
    spaced = client.post(
        messages_url(call),
        {"selected": "", "waitlisted": "Hi { name }", "not_selected": "Hi {{name}}"},
    ).text
    assert "Unknown placeholder { name }" in spaced and "Unknown placeholder {}" in spaced
    assert "welcome to {visti}! &lt;script&gt;" in page  # kept, and shown as text
    call.refresh_from_db()
    assert call.outcome_messages == {}


def test_preview_fills_in_the_latest_run_without_saving(client, call, coordinator):
    apply(call, "Aino")
    apply(call, "Bram")
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    [[first]] = run.result["assignments"].values()
    client.force_login(coordinator)
    text = "Hello {name}: {visit} is yours."
    page = client.post(
        messages_url(call),
        {"selected": text, "waitlisted": "", "not_selected": "", "preview": "1"},
    ).text
    selected = Application.objects.get(pk=first)
    assert f"Hello {selected.applicant.display_name}: Vantaa is yours." in page
    call.refresh_from_db()
    assert call.outcome_messages == {}


def test_saved_texts_are_what_applicants_receive(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    apply(call, "Bram")
    client.force_login(coordinator)
    form = client.get(messages_url(call)).context["form"]
    standard_waiting = form.initial["waitlisted"]
    client.post(
        messages_url(call),
        {
            "selected": "Welcome aboard, {name}! Answer by {respond_by}.",
            "waitlisted": standard_waiting,  # left as it was: stays the standard text
            "not_selected": "",
        },
    )
    call.refresh_from_db()
    assert set(call.outcome_messages) == {"selected"}
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:selection_publish", args=[call.slug]), {"run": run.number})
    selected = Application.objects.get(outcome="selected")
    [welcome] = [m for m in mail.outbox if m.to == [selected.applicant.email]]
    assert welcome.body.startswith(f"Welcome aboard, {selected.applicant.display_name}! Answer by")
    [waiting] = [m for m in mail.outbox if m is not welcome]
    assert "You are number 1 on the waiting list" in waiting.body


def test_publishing_is_checked_on_a_page_that_sends_nothing(client, call, coordinator):
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    client.force_login(coordinator)
    mail.outbox.clear()
    url = reverse("calls:selection_publish", args=[call.slug])
    page = client.get(url, {"run": run.number}).text
    assert "Publish and send 3 e-mails" in page
    assert "Good news: you have a place on the visit “Vantaa”" in page
    assert mail.outbox == [] and not Application.objects.exclude(outcome="").exists()
    assert client.get(url, {"run": "x"}).status_code == 404


def test_the_page_and_export_follow_the_answers(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram"):
        apply(call, name)
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    client.force_login(coordinator)
    client.post(reverse("calls:selection_publish", args=[call.slug]), {"run": run.number})
    selected = Application.objects.get(outcome="selected")
    waiting = Application.objects.get(outcome="waitlisted")
    client.force_login(selected.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    client.force_login(coordinator)
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert "Published decisions (run 1) as they stand" in page
    export = json.loads(
        client.get(reverse("calls:selection", args=[call.slug]), {"export": "json"}).text
    )
    statuses = {row["id"]: (row["status"], row["visit"]) for row in export["applications"]}
    assert statuses == {selected.pk: ("declined", "vantaa"), waiting.pk: ("selected", "vantaa")}


def test_a_call_without_applications_says_so_instead_of_offering_a_run(client, call, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("calls:selection", args=[call.slug])).text
    assert "No application has been sent to this call yet" in page
    assert "Run the selection" not in page


def test_only_the_calls_coordinators_check_or_edit_the_decisions(client, call, coordinator):
    applicant = apply(call, "Aino")
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    client.force_login(applicant.applicant)
    publish = reverse("calls:selection_publish", args=[call.slug])
    assert client.get(publish, {"run": run.number}).status_code == 403
    assert client.post(publish, {"run": run.number}).status_code == 403
    assert client.post(messages_url(call), {"selected": "Hi"}).status_code == 403
    call.refresh_from_db()
    assert call.outcome_messages == {} and not Application.objects.exclude(outcome="").exists()


def test_the_check_counts_each_person_once_though_they_wait_on_two_lists(client, call, coordinator):
    weimar = VisitFactory(programme=call.programme, title="Weimar", slug="weimar")
    call.visits.add(weimar)
    call.selection_settings["visits"][str(weimar.pk)] = {"capacity": 1}
    call.save()
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)  # each asks for both visits
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    listed = [key for keys in run.result["waiting_lists"].values() for key in keys]
    assert len(listed) == 2 and len(set(listed)) == 1  # the optimiser lists them on both
    client.force_login(coordinator)
    page = client.get(reverse("calls:selection_publish", args=[call.slug]), {"run": run.number})
    counts = page.context["counts"]
    assert sorted(counts.values()) == [0, 1, 2] and sum(counts.values()) == 3
    selection = client.get(reverse("calls:selection", args=[call.slug])).text
    assert selection.count("1 waiting") == 1  # the third person waits on one list only


def test_the_check_page_of_a_published_run_offers_no_second_sending(client, call, coordinator):
    apply(call, "Aino")
    run = selection_execute(selection_start(call=call, by=coordinator))
    close(call)
    client.force_login(coordinator)
    url = reverse("calls:selection_publish", args=[call.slug])
    client.post(url, {"run": run.number})
    page = client.get(url, {"run": run.number}).text
    assert "These decisions are published already." in page and "Publish and send" not in page


@pytest.mark.parametrize("number", ["²", "٣", "99999999999999999999", "-1", "1e309"])
def test_a_run_number_that_is_not_one_finds_no_run(client, call, coordinator, number):
    client.force_login(coordinator)
    response = client.get(reverse("calls:selection_publish", args=[call.slug]), {"run": number})
    assert response.status_code == 404
