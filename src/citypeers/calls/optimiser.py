"""Where calls meet `optim`: a call as the selection optimiser's JSON instance, its solve,
and the freed-place check.

The instance is built from the call: each visit's capacity and quotas (the call's selection
settings), and every eligible submitted application with its ranked visits, its review score
(1 + the mean out of 100, so 1 before any review) and the attributes quotas use. No other
module of the app imports `citypeers.optim`."""

from citypeers.calls.enums import (
    CIVIL_SOCIETY,
    PINNED_SCORE,
    SMALL_OR_MEDIUM,
    SMALL_OR_MEDIUM_VALUE,
)
from citypeers.calls.models import Application, Call, Preference
from citypeers.calls.selectors.eligibility import applicant_country, city_size_of, is_eligible
from citypeers.calls.selectors.review import review_means
from citypeers.calls.selectors.selection import visit_settings
from citypeers.optim import InstanceError
from citypeers.optim.freed_places import Offer, next_in_line

__all__ = ["InstanceError", "Offer", "freed_place_offer", "selection_instance", "selection_solve"]


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


def selection_solve(instance: dict) -> dict:
    """The optimiser's result for an instance; `InstanceError` names what is wrong with it."""
    from citypeers.optim.selection import solve  # the solver's import is heavy: only when solving

    return solve(instance)


def freed_place_offer(
    *, instance: dict | None, visit_id: str, holders: list[str], candidates: list[str]
) -> Offer:
    """Who of `candidates` (in their order) is offered a place freed on a visit: the first
    whose entry keeps every quota of the published run's `instance`, given who holds a place
    now; without an instance (decisions published before runs were kept), the first in line."""
    if instance is None:
        return Offer(candidates[0], True, "")
    considered = {item["id"] for item in instance.get("applicants", [])}
    return next_in_line(
        instance, visit_id, [key for key in holders if key in considered], candidates
    )
