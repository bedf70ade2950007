"""The selection page in words: a run's result with people, visits and reasons by name, and
who two runs place differently."""

from django.utils.translation import gettext as _

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Call, SelectionRun
from citypeers.calls.selectors.placements import (
    Placement,
    placements_changed,
    run_placements,
    waiting_lists,
)
from citypeers.calls.texts.reasons import reason_text

# How a comparison orders people by where the later run puts them; not considered comes last.
OUTCOME_ORDER = [Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED]


def decision_reason(result: dict, application_id: str, titles: dict[str, str], waiting: set) -> str:
    """The reason a run's `result` gives for one application, in the reader's language."""
    decision = result.get("decisions", {}).get(application_id, {})
    fallback = decision.get("reason") or ""
    return reason_text(decision.get("why"), titles, fallback, waiting=application_id in waiting)


def named_result(call: Call, run: SelectionRun | None) -> dict | None:
    """A finished run's result with people and visits by name, for the page."""
    if run is None or not run.result:
        return None
    result = run.result
    applications = {str(a.pk): a for a in call.applications.select_related("applicant")}
    visits = {str(v.pk): v for v in call.visits.all()}
    lists = waiting_lists(run_placements(run))
    waiting = {a for people in lists.values() for a in people}
    titles = {key: visit.title for key, visit in visits.items()}

    def named(keys) -> list[tuple]:
        return [(applications.get(a), decision_reason(result, a, titles, waiting)) for a in keys]

    return {
        "status": result.get("status"),
        "gap": result.get("gap"),
        "infeasible": [
            quota | {"visit_name": getattr(visits.get(str(quota.get("visit"))), "title", "")}
            for quota in result.get("infeasible_quotas", [])
        ],
        "visits": [
            {
                "visit": visits.get(visit_id),
                "selected": named(people),
                "waiting": named(lists.get(visit_id, [])),
            }
            for visit_id, people in result.get("assignments", {}).items()
        ],
        "not_selected": named(
            a
            for a, decision in result.get("decisions", {}).items()
            if not decision.get("visit") and a not in waiting
        ),
    }


def moved_rows(call: Call, before: SelectionRun, after: SelectionRun) -> list[dict]:
    """A row per person placed differently, in the order of where `after` puts them: places
    visit by visit, then waiting lists, then not selected, then not considered."""
    changed = placements_changed(before, after)
    people = call.applications.filter(pk__in=list(changed)).select_related("applicant")
    names = {str(application.pk): application.applicant for application in people}
    titles = {str(visit.pk): visit.title for visit in call.visits.order_by("starts_on", "pk")}
    waiting = {
        key for key, (_old, new) in changed.items() if new and new.outcome == Outcome.WAITLISTED
    }
    rows = [
        {
            "person": names.get(key),
            "before": _placement_text(old, titles),
            "after": _placement_text(new, titles),
            "reason": decision_reason(after.result or {}, key, titles, waiting) if new else "",
            "order": (_placement_order(new, list(titles)), str(names.get(key, "")).casefold()),
        }
        for key, (old, new) in changed.items()
    ]
    return sorted(rows, key=lambda row: row["order"])


def _placement_order(placement: Placement | None, visits: list[str]) -> tuple:
    if placement is None:
        return (len(OUTCOME_ORDER),)
    visit = visits.index(placement.visit) if placement.visit in visits else 0
    return (OUTCOME_ORDER.index(placement.outcome), visit, placement.position or 0)


def _placement_text(placement: Placement | None, titles: dict[str, str]) -> str:
    if placement is None:
        return _("not considered in this run")
    title = titles.get(placement.visit, "")
    if placement.outcome == Outcome.SELECTED:
        return _("a place on “%(visit)s”") % {"visit": title}
    if placement.outcome == Outcome.WAITLISTED:
        return _("waiting list of “%(visit)s”, position %(position)s") % {
            "visit": title,
            "position": placement.position,
        }
    return _("not selected")
