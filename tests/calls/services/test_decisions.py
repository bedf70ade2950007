"""Publishing decisions, the answers of the people selected, and places passed on to those
waiting, quotas kept."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from citypeers.calls.models import Application, SelectionRun
from citypeers.calls.services.decisions import (
    decision_respond,
    decisions_publish,
    pass_on_unanswered,
)
from citypeers.calls.services.selection import (
    selection_execute,
    selection_override_save,
    selection_start,
)
from citypeers.core.errors import CallError
from citypeers.core.models import AuditEntry
from tests.calls.helpers import apply, close, published
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_publishing_tells_everyone_their_outcome(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)
    mail.outbox.clear()
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    outcomes = sorted(a.outcome for a in people.values())
    assert outcomes == ["selected", "waitlisted", "waitlisted"]
    selected = next(a for a in people.values() if a.outcome == "selected")
    # A week from the day the mail went out, where the person it went to is.
    mailed_on = timezone.localdate(timezone=selected.applicant.time_zone)
    assert selected.respond_by == mailed_on + datetime.timedelta(days=7)
    assert {message.to[0] for message in mail.outbox} == {
        a.applicant.email for a in people.values()
    }
    waiting = next(m for m in mail.outbox if "number 1 on the waiting list" in m.body)
    assert "Vantaa" in waiting.body


def test_a_decline_offers_the_place_to_the_first_waiting(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    selected = next(a for a in people.values() if a.outcome == "selected")
    first_waiting = next(a for a in people.values() if a.waiting_position == 1)
    second_waiting = next(a for a in people.values() if a.waiting_position == 2)
    client.force_login(selected.applicant)
    page = client.get(reverse("calls:mine")).text
    assert "Confirm my place" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    for application in (selected, first_waiting, second_waiting):
        application.refresh_from_db()
    assert selected.outcome == "declined"
    assert first_waiting.outcome == "selected" and first_waiting.respond_by
    assert second_waiting.waiting_position == 1
    [offer] = mail.outbox
    assert offer.to == [first_waiting.applicant.email] and "you have a place" in offer.body
    client.force_login(first_waiting.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "confirm"})
    first_waiting.refresh_from_db()
    assert first_waiting.outcome == "confirmed"


def test_only_a_selected_person_can_answer(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    bram = apply(call, "Bram")
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    waiting = next(a for a in people.values() if a.outcome == "waitlisted")
    client.force_login(waiting.applicant)
    response = client.post(
        reverse("calls:respond", args=[call.slug]), {"answer": "confirm"}, follow=True
    )
    assert "There is no place waiting for your answer." in response.text
    waiting.refresh_from_db()
    assert waiting.outcome == "waitlisted" and bram.pk in {a.pk for a in people.values()}


def test_a_new_run_cannot_be_published_over_answers(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    [aino] = people.values()
    client.force_login(aino.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "confirm"})
    run = selection_execute(selection_start(call=call, by=coordinator))
    client.force_login(coordinator)
    response = client.post(
        reverse("calls:selection_publish", args=[call.slug]), {"run": run.number}, follow=True
    )
    assert "would undo their answers" in response.text
    aino.refresh_from_db()
    assert aino.outcome == "confirmed"


def test_a_place_not_confirmed_in_time_goes_to_the_next(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram"):
        apply(call, name)
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    selected = next(a for a in people.values() if a.outcome == "selected")
    waiting = next(a for a in people.values() if a.outcome == "waitlisted")
    assert pass_on_unanswered(today=selected.respond_by) == 0  # the last day still counts
    assert pass_on_unanswered(today=selected.respond_by + datetime.timedelta(days=1)) == 1
    selected.refresh_from_db()
    waiting.refresh_from_db()
    assert (
        selected.outcome == "declined" and selected.outcome_reason == "no answer by the date asked"
    )
    assert waiting.outcome == "selected"


def test_a_freed_place_skips_whoever_would_break_a_quota(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    """At most one person per country: when the Swede declines, the first Finn waiting
    cannot take the place beside the Finn who stays, so the German after her is offered it."""
    visit = call.visits.get()
    call.selection_settings["visits"][str(visit.pk)] = {"capacity": 2, "max_per_country": 1}
    call.save()
    aino, bram = apply(call, "Aino", "FI"), apply(call, "Bram", "SE")
    chloe, dirk = apply(call, "Chloé", "FI"), apply(call, "Dirk", "DE")
    for person in (aino, bram):
        selection_override_save(
            call=call,
            by=coordinator,
            application=person,
            kind="pin",
            visit=visit,
            reason="Speaks at the visit",
        )
    published(client, call, coordinator, django_capture_on_commit_callbacks)
    # Whatever order the optimiser chose, the Finn comes first in this story.
    Application.objects.filter(pk=chloe.pk).update(waiting_position=1, outcome="waitlisted")
    Application.objects.filter(pk=dirk.pk).update(waiting_position=2, outcome="waitlisted")

    client.force_login(bram.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    chloe.refresh_from_db()
    dirk.refresh_from_db()
    assert (dirk.outcome, chloe.outcome, chloe.waiting_position) == ("selected", "waitlisted", 1)

    client.force_login(aino.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    chloe.refresh_from_db()
    assert chloe.outcome == "selected"  # the Finnish place is free again


def test_someone_on_two_waiting_lists_waits_for_the_visit_they_prefer(call, coordinator):
    vantaa = call.visits.get()
    kortrijk = VisitFactory(programme=call.programme, title="Kortrijk", slug="kortrijk")
    call.visits.add(kortrijk)
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    chloe, dirk = apply(call, "Chloé"), apply(call, "Dirk")
    v, k = str(vantaa.pk), str(kortrijk.pk)
    asked = {aino: [v], bram: [k], chloe: [k, v], dirk: [v, k]}
    run = SelectionRun.objects.create(
        call=call,
        number=1,
        status="done",
        instance={
            "visits": [
                {"id": v, "capacity": 1, "quotas": []},
                {"id": k, "capacity": 1, "quotas": []},
            ],
            "applicants": [
                {"id": str(a.pk), "preferences": p, "score": 1} for a, p in asked.items()
            ],
        },
        result={
            "status": "optimal",
            "assignments": {v: [str(aino.pk)], k: [str(bram.pk)]},
            "waiting_lists": {v: [str(chloe.pk), str(dirk.pk)], k: [str(dirk.pk), str(chloe.pk)]},
            "decisions": {
                str(aino.pk): {"visit": v, "reason": "selected"},
                str(bram.pk): {"visit": k, "reason": "selected"},
            },
        },
    )
    close(call)
    decisions_publish(run=run, by=coordinator, notify=False)
    chloe.refresh_from_db()
    dirk.refresh_from_db()
    assert (chloe.outcome_visit, chloe.waiting_position) == (kortrijk, 1)
    assert (dirk.outcome_visit, dirk.waiting_position) == (vantaa, 1)


def test_publishing_another_run_clears_whoever_it_left_out(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)
    published(client, call, coordinator, django_capture_on_commit_callbacks)
    first = Application.objects.get(outcome="selected")
    selection_override_save(
        call=call,
        by=coordinator,
        application=first,
        kind="exclude",
        visit=None,
        reason="Moved to another programme",
    )
    published(client, call, coordinator, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    assert (first.outcome, first.outcome_visit) == ("", None)
    second = Application.objects.get(outcome="selected")
    client.force_login(second.applicant)
    response = client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    assert response.status_code == 302
    assert Application.objects.filter(outcome="selected").count() == 1  # the third person


def test_a_double_decline_frees_one_place_once(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    selected = next(a for a in people.values() if a.outcome == "selected")
    stale = Application.objects.get(pk=selected.pk)  # a second tab, read before the first click
    decision_respond(application=selected, by=selected.applicant, accept=False, notify=False)
    with pytest.raises(CallError, match="no place waiting"):
        decision_respond(application=stale, by=selected.applicant, accept=False, notify=False)
    assert Application.objects.filter(outcome="selected").count() == 1


def test_a_place_freed_on_a_second_choice_goes_to_someone_waiting_for_their_first(
    client, call, coordinator, django_capture_on_commit_callbacks
):
    weimar = VisitFactory(programme=call.programme, title="Weimar", slug="weimar")
    call.visits.add(weimar)
    call.selection_settings["visits"][str(weimar.pk)] = {"capacity": 1}
    call.save()
    for name in ("Aino", "Bram", "Chloé"):
        apply(call, name)  # each asks for both visits
    people = published(client, call, coordinator, django_capture_on_commit_callbacks)
    [waiting] = [a for a in people.values() if a.outcome == "waitlisted"]
    selected = [a for a in people.values() if a.outcome == "selected"]
    [elsewhere] = [a for a in selected if a.outcome_visit_id != waiting.outcome_visit_id]
    client.force_login(elsewhere.applicant)
    client.post(reverse("calls:respond", args=[call.slug]), {"answer": "decline"})
    waiting.refresh_from_db()
    assert (waiting.outcome, waiting.outcome_visit_id, waiting.waiting_position) == (
        "selected",
        elsewhere.outcome_visit_id,
        None,
    )
    assert not Application.objects.filter(outcome="waitlisted").exists()  # left the other list


def hand_published(call, coordinator, people, *, waiting, capacity=1):
    """`people` (selected first, `waiting` of them after, in order) published by a run made
    by hand, so the order is the story's and not the solver's."""
    close(call)
    vantaa = str(call.visits.get().pk)
    keys = [str(p.pk) for p in people]
    chosen, listed = keys[: len(keys) - waiting], keys[len(keys) - waiting :]
    run = SelectionRun.objects.create(
        call=call,
        number=call.selection_runs.count() + 1,
        status="done",
        instance={
            "visits": [{"id": vantaa, "capacity": capacity, "quotas": []}],
            "applicants": [
                {"id": k, "preferences": [vantaa], "score": 1, "attributes": {}} for k in keys
            ],
        },
        result={
            "status": "optimal",
            "assignments": {vantaa: chosen},
            "waiting_lists": {vantaa: listed},
            "decisions": {k: {"visit": vantaa} for k in chosen} | {k: {} for k in listed},
        },
    )
    decisions_publish(run=run, by=coordinator, today=TODAY, notify=False)
    return run


TODAY = datetime.date(2027, 1, 10)


def test_a_run_that_failed_or_found_nothing_cannot_be_published(call, coordinator):
    failed = SelectionRun.objects.create(call=call, number=1, status="failed", instance={})
    empty = SelectionRun.objects.create(
        call=call, number=2, status="done", instance={}, result={"status": "infeasible"}
    )
    close(call)
    for run in (failed, empty):
        with pytest.raises(CallError, match="Only a finished run that found a selection"):
            decisions_publish(run=run, by=coordinator)
    assert not Application.objects.exclude(outcome="").exists()


def test_a_second_run_published_takes_the_place_of_the_first(call, coordinator):
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    first = hand_published(call, coordinator, [aino, bram], waiting=1)
    second = hand_published(call, coordinator, [bram, aino], waiting=1)
    first.refresh_from_db()
    aino.refresh_from_db()
    bram.refresh_from_db()
    assert first.published_at is None and second.published_at is not None
    assert (bram.outcome, aino.outcome, aino.waiting_position) == ("selected", "waitlisted", 1)
    assert bram.respond_by == TODAY + datetime.timedelta(days=7)


def test_answering_after_the_date_asked_is_refused(call, coordinator):
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    hand_published(call, coordinator, [aino, bram], waiting=1)
    aino.refresh_from_db()
    late = aino.respond_by + datetime.timedelta(days=1)
    with pytest.raises(CallError, match="The time to answer has passed"):
        decision_respond(application=aino, by=aino.applicant, accept=True, today=late)
    aino.refresh_from_db()
    assert aino.outcome == "selected"
    decision_respond(application=aino, by=aino.applicant, accept=True, today=aino.respond_by)
    aino.refresh_from_db()
    assert (aino.outcome, aino.respond_by) == ("confirmed", None)


def test_a_decline_with_nobody_waiting_leaves_the_place_open(call, coordinator):
    aino = apply(call, "Aino")
    hand_published(call, coordinator, [aino], waiting=0)
    decision_respond(application=aino, by=aino.applicant, accept=False, today=TODAY, notify=False)
    aino.refresh_from_db()
    assert aino.outcome == "declined"
    assert not Application.objects.filter(outcome="selected").exists()


def test_a_decline_offers_nothing_while_the_visit_is_full(call, coordinator):
    """Places held by more people than the run filled (one added by hand) stay held."""
    aino, bram, chloe = apply(call, "Aino"), apply(call, "Bram"), apply(call, "Chloé")
    hand_published(call, coordinator, [aino, bram, chloe], waiting=1)
    Application.objects.filter(pk=bram.pk).update(
        outcome="confirmed", outcome_visit=call.visits.get()
    )
    decision_respond(application=aino, by=aino.applicant, accept=False, today=TODAY, notify=False)
    chloe.refresh_from_db()
    assert (chloe.outcome, chloe.waiting_position) == ("waitlisted", 1)


def test_when_everyone_waiting_would_break_a_quota_the_place_stays_open_and_is_logged(
    call, coordinator
):
    aino, bram = apply(call, "Aino", "FI"), apply(call, "Bram", "FI")
    chloe = apply(call, "Chloé", "FI")
    vantaa = str(call.visits.get().pk)
    run = hand_published(call, coordinator, [aino, bram, chloe], waiting=1, capacity=2)
    country = [{"attribute": "country", "max_per_value": 1}]
    SelectionRun.objects.filter(pk=run.pk).update(
        instance=run.instance
        | {
            "visits": [{"id": vantaa, "capacity": 2, "quotas": country}],
            "applicants": [
                {
                    "id": str(a.pk),
                    "preferences": [vantaa],
                    "score": 1,
                    "attributes": {"country": "FI"},
                }
                for a in (aino, bram, chloe)
            ],
        }
    )
    decision_respond(application=aino, by=aino.applicant, accept=False, today=TODAY, notify=False)
    chloe.refresh_from_db()
    assert chloe.outcome == "waitlisted"
    assert AuditEntry.objects.filter(action="selection.place_open").exists()


def test_the_daily_pass_skips_places_answered_in_time_and_counts_each_lapse(call, coordinator):
    aino, bram, chloe = apply(call, "Aino"), apply(call, "Bram"), apply(call, "Chloé")
    hand_published(call, coordinator, [aino, bram, chloe], waiting=1, capacity=2)
    decision_respond(application=bram, by=bram.applicant, accept=True, today=TODAY)
    after = TODAY + datetime.timedelta(days=8)
    assert pass_on_unanswered(today=after) == 1
    aino.refresh_from_db()
    chloe.refresh_from_db()
    assert (aino.outcome, aino.outcome_why, aino.respond_by) == (
        "declined",
        {"code": "no_answer"},
        None,
    )
    # Her week to answer starts when the mail offering the place goes out (not sent here).
    assert (chloe.outcome, chloe.respond_by, chloe.outcome_why) == (
        "selected",
        None,
        {"code": "offered"},
    )
    assert pass_on_unanswered(today=after + datetime.timedelta(days=30)) == 0


def test_the_daily_command_passes_places_on_in_the_order_of_the_waiting_list(
    call, coordinator, django_capture_on_commit_callbacks
):
    aino, bram, chloe = apply(call, "Aino"), apply(call, "Bram"), apply(call, "Chloé")
    hand_published(call, coordinator, [aino, chloe, bram], waiting=2)
    Application.objects.filter(pk=aino.pk).update(respond_by=datetime.date(2000, 1, 1))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("pass_on_unanswered_places", stdout=out)
    assert out.getvalue() == "1 unanswered place(s) passed on.\n"
    chloe.refresh_from_db()
    bram.refresh_from_db()
    assert chloe.outcome == "selected" and (bram.outcome, bram.waiting_position) == (
        "waitlisted",
        1,
    )
    [offer] = mail.outbox
    assert offer.to == [chloe.applicant.email]
