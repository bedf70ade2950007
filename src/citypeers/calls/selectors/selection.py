"""Reading selection runs: visit settings, the documented export, who moved between runs."""

from citypeers.calls.enums import DEFAULT_CAPACITY
from citypeers.calls.models import Application, Call, SelectionRun
from citypeers.calls.selectors.eligibility import applicant_country, city_size_of
from citypeers.calls.selectors.placements import run_placements


def visit_settings(call: Call, visit) -> dict:
    """Capacity and the quotas coordinators set, with defaults for what they left out."""
    stored = call.selection_settings.get("visits", {}).get(str(visit.pk), {})
    return {
        "capacity": stored.get("capacity", DEFAULT_CAPACITY),
        "max_per_country": stored.get("max_per_country"),
        "min_share_small_medium": stored.get("min_share_small_medium"),
        "min_share_civil_society": stored.get("min_share_civil_society"),
    }


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
