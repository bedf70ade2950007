"""Running the selection: runs numbered per call, solved by a task, failures kept; pins and
exclusions recorded for the next run."""

from unittest import mock

import pytest

from citypeers.calls.models import SelectionOverride, SelectionRun
from citypeers.calls.services.selection import (
    selection_execute,
    selection_override_save,
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
