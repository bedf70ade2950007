"""Running the selection: a run is recorded, queued, and solved by a task."""

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


def selection_execute(run: SelectionRun) -> SelectionRun:
    """Runs the optimiser on the recorded instance; a problem is kept as the run's error."""
    SelectionRun.objects.filter(pk=run.pk).update(status=SelectionRun.Status.RUNNING)
    try:
        if not run.instance:
            run.instance = selection_instance(run.call)
            run.save(update_fields=["instance"])
        run.result, run.status = selection_solve(run.instance), SelectionRun.Status.DONE
    except InstanceError as error:
        run.error, run.status = str(error), SelectionRun.Status.FAILED
    except Exception:
        # Never a run left "running" for ever: the page would poll it without end.
        run.error, run.status = _("The run stopped on an error."), SelectionRun.Status.FAILED
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        raise
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "status", "error", "finished_at"])
    return run


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
