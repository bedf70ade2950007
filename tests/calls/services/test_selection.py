"""Running the selection: runs numbered per call, solved by a task, failures kept; pins and
exclusions recorded for the next run."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from citypeers.calls.models import SelectionOverride, SelectionRun
from citypeers.calls.services.selection import (
    selection_execute,
    selection_override_save,
    selection_run_lost,
    selection_runs_fail_stuck,
    selection_start,
)
from citypeers.core.models import AuditEntry
from tests.calls.helpers import apply
from tests.factories import CallFactory
from tests.races import race

pytestmark = pytest.mark.django_db


def test_runs_are_numbered_per_call_and_solved_after_the_commit(
    call, coordinator, django_capture_on_commit_callbacks
):
    apply(call, "Aino")
    with django_capture_on_commit_callbacks() as queued:
        first = selection_start(call=call, by=coordinator)
    assert (first.number, first.status, first.instance) == (1, "queued", {})
    assert len(queued) == 1  # the task waits for the commit
    for callback in queued:
        callback()
    first.refresh_from_db()
    assert first.status == "done" and first.finished_at and first.instance["applicants"]
    other = CallFactory(programme=call.programme)
    assert selection_start(call=other, by=coordinator).number == 1
    assert selection_start(call=call, by=coordinator).number == 2


def test_a_run_the_optimiser_refuses_fails_with_the_reason(call, coordinator):
    run = SelectionRun.objects.create(
        call=call, number=1, instance={"visits": [{"id": "v", "capacity": -3}], "applicants": []}
    )
    selection_execute(run)
    run.refresh_from_db()
    assert run.status == "failed" and run.error and run.finished_at and run.result is None


def test_a_run_that_crashes_is_never_left_running(call):
    run = SelectionRun.objects.create(call=call, number=1, instance={})
    with (
        mock.patch(
            "citypeers.calls.services.selection.selection_solve", side_effect=RuntimeError("boom")
        ),
        pytest.raises(RuntimeError),
    ):
        selection_execute(run)
    run.refresh_from_db()
    assert (run.status, run.error) == ("failed", "The run stopped on an error.")
    assert run.finished_at is not None


def test_a_run_that_crashes_with_attempts_left_waits_for_its_retry_and_then_succeeds(call):
    apply(call, "Aino")
    run = SelectionRun.objects.create(call=call, number=1, instance={})
    with (
        mock.patch(
            "citypeers.calls.services.selection.selection_solve",
            side_effect=RuntimeError("database went away"),
        ),
        pytest.raises(RuntimeError),
    ):
        selection_execute(run, retry=True)
    run.refresh_from_db()
    assert run.status == "queued" and "tried again" in run.error and run.finished_at is None
    selection_execute(run, retry=True)
    run.refresh_from_db()
    assert (run.status, run.error) == ("done", "") and run.started_at <= run.finished_at


def test_a_run_whose_worker_died_is_marked_failed_with_the_reason_once(call):
    run = SelectionRun.objects.create(call=call, number=1, instance={}, status="running")
    assert selection_run_lost(run=run) is True
    run.refresh_from_db()
    assert run.status == "failed" and "stopped before it finished" in run.error
    assert selection_run_lost(run=run) is False  # not running any more: nothing to do
    assert AuditEntry.objects.filter(action="selection.lost").count() == 1


def test_only_runs_solving_past_the_timeout_are_failed_when_the_page_looks(call, settings):
    settings.SELECTION_RUN_TIMEOUT = 1800
    now = timezone.now()
    started = {1: now - datetime.timedelta(minutes=31), 2: now - datetime.timedelta(minutes=29)}
    for number, at in started.items():
        SelectionRun.objects.create(
            call=call, number=number, instance={}, status="running", started_at=at
        )
    SelectionRun.objects.create(call=call, number=3, instance={}, status="done", started_at=now)
    runs = list(call.selection_runs.all())
    assert [run.number for run in selection_runs_fail_stuck(runs=runs, now=now)] == [1]
    assert {run.number: run.status for run in runs} == {1: "failed", 2: "running", 3: "done"}
    assert dict(call.selection_runs.values_list("number", "status")) == {
        1: "failed",
        2: "running",
        3: "done",
    }


def test_a_pin_replaces_an_exclusion_and_none_removes_it(call, coordinator):
    aino = apply(call, "Aino")
    vantaa = call.visits.get()
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="exclude", visit=vantaa, reason="Left"
    )
    override = SelectionOverride.objects.get()
    assert (override.kind, override.visit, override.created_by) == ("exclude", None, coordinator)
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="pin", visit=vantaa, reason="Back"
    )
    override = SelectionOverride.objects.get()
    assert (override.kind, override.visit, override.reason) == ("pin", vantaa, "Back")
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="none", visit=None, reason=""
    )
    assert not SelectionOverride.objects.exists()
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-3:] == ["selection.exclude", "selection.pin", "selection.none"]


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_run_makes_two_runs_numbered_one_after_the_other(call, coordinator):
    """The second click waits for the first's number instead of taking the same one (which
    failed on the unique number with an error page)."""
    first, second = race(
        lambda: selection_start(call=call, by=coordinator),
        lambda: selection_start(call=call, by=coordinator),
        hold_after="citypeers.calls.services.selection.log_action",
    )
    assert (first.error, second.error) == (None, None)
    assert (first.result.number, second.result.number) == (1, 2)
    assert sorted(call.selection_runs.values_list("number", flat=True)) == [1, 2]
