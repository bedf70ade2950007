"""Running the selection: a run is recorded, queued, and solved by a task."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.calls.models import Application, Call, SelectionRun
from citypeers.calls.optimiser import InstanceError, selection_instance, selection_solve
from citypeers.core.audit import log_action


def selection_start(*, call: Call, by) -> SelectionRun:
    """Records a run and queues it; the task builds its instance (for a call of thousands that
    takes seconds, which the coordinator's click should not wait for) and solves it."""
    from citypeers.calls.tasks import run_selection  # tasks import services

    with transaction.atomic():
        # The call's row is the lock: a second click waits here, then reads the first's number
        # (on SQLite the IMMEDIATE transaction already serialises writers).
        Call.objects.select_for_update().only("pk").get(pk=call.pk)
        last = call.selection_runs.aggregate(last=Max("number"))["last"] or 0
        run = SelectionRun.objects.create(call=call, number=last + 1, created_by=by, instance={})
        log_action(call, "selection.started", by=by, changes={"run": run.number})
    transaction.on_commit(lambda: run_selection.enqueue(run_id=run.pk))
    return run


def selection_execute(run: SelectionRun, *, retry: bool = False) -> SelectionRun:
    """Runs the optimiser on the recorded instance; a problem is kept as the run's error. On an
    unexpected error the run goes back to the queue when `retry` (the task will try again),
    else it fails: never a run left "running" for ever, the page would poll it without end."""
    run.started_at, run.error = timezone.now(), ""
    SelectionRun.objects.filter(pk=run.pk).update(
        status=SelectionRun.Status.RUNNING, started_at=run.started_at, error=""
    )
    try:
        if not run.instance:
            run.instance = selection_instance(run.call)
            run.save(update_fields=["instance"])
        run.result, run.status = selection_solve(run.instance), SelectionRun.Status.DONE
    except InstanceError as error:
        run.error, run.status = str(error), SelectionRun.Status.FAILED
    except BaseException:  # a forced shutdown too
        if retry:
            run.status, run.error = (
                SelectionRun.Status.QUEUED,
                _("The run stopped on an error; it will be tried again in a moment."),
            )
        else:
            run.error, run.status = _("The run stopped on an error."), SelectionRun.Status.FAILED
            run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        raise
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "status", "error", "finished_at"])
    return run


def _lost_message() -> str:
    return _(
        "The worker solving this run stopped before it finished (it was restarted or ran out "
        "of memory). Start a new run."
    )


def selection_run_lost(*, run: SelectionRun) -> bool:
    """Marks a run failed whose worker stopped mid-solve (its task was handed back to the
    queue): the page stops waiting and says so, and the coordinator can run it again."""
    failed = SelectionRun.objects.filter(pk=run.pk, status=SelectionRun.Status.RUNNING).update(
        status=SelectionRun.Status.FAILED, error=_lost_message(), finished_at=timezone.now()
    )
    if failed:
        log_action(run.call, "selection.lost", by=None, changes={"run": run.number})
    return bool(failed)


def selection_runs_fail_stuck(
    *, runs: list[SelectionRun], now: datetime.datetime | None = None
) -> list[SelectionRun]:
    """Of these runs (the page's list, so no extra query), those still running
    SELECTION_RUN_TIMEOUT seconds after they started lost their worker: each is marked failed
    with the reason, here and in the database. Returns them."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.SELECTION_RUN_TIMEOUT)
    stuck = [
        run
        for run in runs
        if run.status == SelectionRun.Status.RUNNING and (run.started_at or run.created_at) < cutoff
    ]
    for run in stuck:
        if selection_run_lost(run=run):
            run.status, run.error = SelectionRun.Status.FAILED, _lost_message()
            run.finished_at = now
    return stuck


def selection_override_save(
    *, call: Call, by, application: Application, kind: str, visit, reason: str
):
    """Records (or replaces) a pin or an exclusion; `kind` "none" removes it."""
    with transaction.atomic():
        call.selection_overrides.filter(application=application).delete()
        if kind != "none":
            call.selection_overrides.create(
                application=application,
                kind=kind,
                reason=reason,
                visit=visit if kind == "pin" else None,
                created_by=by,
            )
        log_action(
            application,
            f"selection.{kind}",
            by=by,
            changes={"visit": str(visit or ""), "reason": reason},
        )
