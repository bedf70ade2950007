"""Selecting participants for a call's visits with `optim/selection.py`, run by a task.

The instance the optimiser gets is built from the call: each visit's capacity and quotas (the
call's selection settings), and every eligible submitted application with its ranked visits,
its review score (1 + the mean out of 100, so 1 before any review) and the attributes quotas use.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.calls.eligibility import applicant_country, is_eligible
from citypeers.calls.models import Application, Call, Preference, SelectionRun
from citypeers.calls.placements import run_placements
from citypeers.calls.review import review_means
from citypeers.core.audit import log_action
from citypeers.optim import InstanceError

DEFAULT_CAPACITY = 24
PINNED_SCORE = 1_000_000
SMALL_OR_MEDIUM = {"small", "medium"}
# (attribute, value) of the two share quotas coordinators set, as the optimiser gets them.
SMALL_OR_MEDIUM_VALUE = ("city_size_group", "small_or_medium")
CIVIL_SOCIETY = ("organisation_type", "civil")


def visit_settings(call: Call, visit) -> dict:
    """Capacity and the quotas coordinators set, with defaults for what they left out."""
    stored = call.selection_settings.get("visits", {}).get(str(visit.pk), {})
    return {
        "capacity": stored.get("capacity", DEFAULT_CAPACITY),
        "max_per_country": stored.get("max_per_country"),
        "min_share_small_medium": stored.get("min_share_small_medium"),
        "min_share_civil_society": stored.get("min_share_civil_society"),
    }


def _quotas(settings: dict) -> list[dict]:
    quotas = []
    if settings["max_per_country"]:
        quotas.append({"attribute": "country", "max_per_value": settings["max_per_country"]})
    if settings["min_share_small_medium"]:
        quotas.append(
            {
                "attribute": SMALL_OR_MEDIUM_VALUE[0],
                "value": SMALL_OR_MEDIUM_VALUE[1],
                "min_share": settings["min_share_small_medium"],
            }
        )
    if settings["min_share_civil_society"]:
        quotas.append(
            {
                "attribute": CIVIL_SOCIETY[0],
                "value": CIVIL_SOCIETY[1],
                "min_share": settings["min_share_civil_society"],
            }
        )
    return quotas


def city_size_of(application: Application) -> str:
    organisation = application.organisation
    place = organisation.place if organisation else None
    return place.size_class.value if place and place.size_class else "unknown"


def selection_instance(call: Call) -> dict:
    scores = review_means(call)
    visits = list(call.visits.order_by("starts_on", "pk"))
    applications = (
        call.applications.filter(status=Application.Status.SUBMITTED)
        .select_related("applicant", "organisation__place")
        .order_by("pk")
    )
    asked: dict[int, list[int]] = {}  # read as values: thousands of Preference objects cost
    ranked = Preference.objects.filter(application__call=call).order_by("application", "rank")
    for application_id, visit_id in ranked.values_list("application_id", "visit_id"):
        asked.setdefault(application_id, []).append(visit_id)
    offered = {visit.pk for visit in visits}
    overrides = {o.application_id: o for o in call.selection_overrides.all()}
    applicants = []
    for application in applications:
        preferences = [str(pk) for pk in asked.get(application.pk, []) if pk in offered]
        override = overrides.get(application.pk)
        if override and override.kind == "exclude":
            continue
        if override and override.kind == "pin" and override.visit_id in offered:
            preferences = [str(override.visit_id)]  # the only visit they may get
        if not preferences or (not is_eligible(call, application) and not override):
            continue
        size = city_size_of(application)
        applicants.append(
            {
                "id": str(application.pk),
                "preferences": preferences,
                # 1 + the review mean (0-100): a free place never stays empty for want of a score;
                # a pinned person outweighs anyone, so they are placed unless a quota forbids it.
                "score": PINNED_SCORE if override else 1 + (scores.get(application.pk) or 0),
                "attributes": {
                    "country": applicant_country(application) or "unknown",
                    "city_size": size,
                    SMALL_OR_MEDIUM_VALUE[0]: SMALL_OR_MEDIUM_VALUE[1]
                    if size in SMALL_OR_MEDIUM
                    else "other",
                    "organisation_type": application.organisation.type
                    if application.organisation
                    else "none",
                },
            }
        )
    selection = call.selection_settings
    options = {
        "mode": selection.get("mode", "merit"),
        "waiting_list": 10,
        "seed": call.pk,
        "preference_weights": [1.0, 0.8, 0.6, 0.4, 0.2][: call.max_preferences],
        "time_limit_s": 30,
    }
    if options["mode"] == "lottery" and selection.get("threshold") is not None:
        options["threshold"] = selection["threshold"]
    return {
        "visits": [
            {"id": str(v.pk), "capacity": settings["capacity"], "quotas": _quotas(settings)}
            for v in visits
            for settings in [visit_settings(call, v)]
        ],
        "applicants": applicants,
        "options": options,
    }


def selection_start(*, call: Call, by) -> SelectionRun:
    """Records a run and queues it; the task builds its instance (for a call of thousands that
    takes seconds, which the coordinator's click should not wait for) and solves it."""
    from citypeers.calls.tasks import run_selection  # tasks import this module

    with transaction.atomic():
        last = call.selection_runs.aggregate(last=Max("number"))["last"] or 0
        run = SelectionRun.objects.create(call=call, number=last + 1, created_by=by, instance={})
        log_action(call, "selection.started", by=by, changes={"run": run.number})
    transaction.on_commit(lambda: run_selection.enqueue(run_id=run.pk))
    return run


def selection_execute(run: SelectionRun) -> SelectionRun:
    """Runs the optimiser on the recorded instance; a problem is kept as the run's error."""
    from citypeers.optim.selection import solve  # the solver's import is heavy: only here

    SelectionRun.objects.filter(pk=run.pk).update(status=SelectionRun.Status.RUNNING)
    try:
        if not run.instance:
            run.instance = selection_instance(run.call)
            run.save(update_fields=["instance"])
        run.result, run.status = solve(run.instance), SelectionRun.Status.DONE
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


def _placement(
    application: Application, key: str, result: dict, waiting: dict, considered, published: bool
) -> tuple[str, str | None, int | None, str | None]:
    """Status, visit id, waiting position and reason of one application in the export."""
    if application.status == Application.Status.WITHDRAWN:
        return "withdrawn", None, None, None
    if key not in considered:
        return "ineligible", None, None, None
    if published and application.outcome:
        # What applicants were told, after their answers and the waiting lists' moves.
        visit_id = str(application.outcome_visit_id) if application.outcome_visit_id else None
        return (
            application.outcome,
            visit_id,
            application.waiting_position,
            application.outcome_reason,
        )
    decision = result.get("decisions", {}).get(key, {})
    if decision.get("visit"):
        return "selected", decision["visit"], None, decision.get("reason")
    if key in waiting:
        return "waitlisted", *waiting[key], decision.get("reason")
    return "not_selected", None, None, decision.get("reason")


def selection_export(call: Call, run: SelectionRun | None) -> dict:
    """Visits with their capacity and quotas, and every sent application's outcome in `run`
    (once `run` is published, as it stands after applicants' answers)."""
    instance = (run.instance if run else None) or {"visits": [], "applicants": []}
    result = (run.result or {}) if run else {}
    waiting = {
        key: (placement.visit, placement.position)
        for key, placement in (run_placements(run) if run else {}).items()
        if placement.outcome == "waitlisted"
    }
    published = run is not None and run.published_at is not None
    considered = {item["id"]: item["score"] for item in instance["applicants"]}
    visits = {str(visit.pk): visit for visit in call.visits.all()}
    applications = (
        call.applications.exclude(status=Application.Status.DRAFT)
        .select_related("organisation__place", "applicant")
        .prefetch_related("preferences__visit")
        .order_by("pk")
    )
    rows = []
    for application in applications:
        key = str(application.pk)
        status, visit_id, position, reason = _placement(
            application, key, result, waiting, considered, published
        )
        rows.append(
            {
                "id": application.pk,
                "country": applicant_country(application) or None,
                "organisation_type": application.organisation.type
                if application.organisation
                else None,
                "city_size": city_size_of(application),
                "preferences": [p.visit.slug for p in application.preferences.all()],
                "score": considered.get(key),
                "status": status,
                "visit": visits[visit_id].slug if visit_id in visits else None,
                "waiting_position": position,
                "reason": reason,
            }
        )
    return {
        "visits": [
            {
                "slug": visits[item["id"]].slug,
                "capacity": item["capacity"],
                "quotas": item["quotas"],
            }
            for item in instance["visits"]
            if item["id"] in visits
        ],
        "applications": rows,
    }


def override_save(*, call: Call, by, application: Application, kind: str, visit, reason: str):
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


def runs_compared(before: SelectionRun, after: SelectionRun) -> list[dict]:
    """Who moved between two runs: where they were, where they are, and why, in each run."""
    old = (before.result or {}).get("decisions", {})
    new = (after.result or {}).get("decisions", {})
    moved = []
    for key in sorted(set(old) | set(new), key=int):
        was, now = old.get(key, {}), new.get(key, {})
        if was.get("visit") != now.get("visit"):
            moved.append(
                {
                    "application": key,
                    "before": was.get("visit"),
                    "after": now.get("visit"),
                    "reason_before": was.get("reason"),
                    "reason_after": now.get("reason"),
                }
            )
    return moved
