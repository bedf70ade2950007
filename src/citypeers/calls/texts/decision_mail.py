"""The e-mails that tell applicants the selection's outcome, from texts coordinators can edit.

A call may keep its own text for each outcome (selected, waiting list, not selected) in
`Call.outcome_messages`; otherwise the platform's standard text is used, in each applicant's
language. Texts name the facts of the decision with placeholders such as `{visit}`; only the
placeholders listed here are filled, so a text cannot reach anything else."""

import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.placements import run_placements
from citypeers.calls.texts.reasons import application_reason, reason_text
from citypeers.core.dates import format_date

EDITABLE = [Outcome.SELECTED, Outcome.WAITLISTED, Outcome.NOT_SELECTED]


PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


@dataclass(frozen=True)
class Facts:
    """What one applicant's message says, each fact as text."""

    name: str
    call: str
    visit: str = ""
    preference: str = ""
    position: str = ""
    respond_by: str = ""
    reason: str = ""


PLACEHOLDER_HELP = {
    "name": gettext_lazy("the applicant's name"),
    "call": gettext_lazy("the call's title"),
    "visit": gettext_lazy("the visit of the place or of the waiting list"),
    "preference": gettext_lazy("which of their preferences the visit was (1, 2, …)"),
    "position": gettext_lazy("their number on the waiting list"),
    "respond_by": gettext_lazy("the date by which they confirm or decline"),
    "reason": gettext_lazy("the reason for the decision, in plain words"),
}


def standard_text(outcome: str) -> str:
    """The platform's text for an outcome, in the active language."""
    if outcome == Outcome.SELECTED:
        return _(
            "Dear {name},\n\nGood news: you have a place on the visit “{visit}” (your "
            "preference {preference}). Please confirm or decline by {respond_by}, so that "
            "nobody waits for a place that stays empty.\n\nWhy: {reason}"
        )
    if outcome == Outcome.WAITLISTED:
        return _(
            "Dear {name},\n\nYou are number {position} on the waiting list of the visit "
            "“{visit}”. If a place frees, we offer it to you by e-mail.\n\nWhy: {reason}"
        )
    if outcome != Outcome.NOT_SELECTED:
        raise ValueError(f"no decision e-mail for the outcome {outcome!r}")
    return _(
        "Dear {name},\n\nThank you for applying to “{call}”. We are sorry: you were not "
        "selected this time.\n\nWhy: {reason}"
    )


def unknown_placeholders(text: str) -> list[str]:
    """Every brace that is not a placeholder this module fills, as written: `{visti}`,
    `{ name }`, `{{name}}` or a lone `{`, so a typo never reaches an applicant as is."""
    unknown = {f"{{{name}}}" for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDER_HELP}
    rest = PLACEHOLDER.sub("", text)
    unknown |= set(re.findall(r"\{[^{}]*\}|[{}]", rest))
    return sorted(unknown)


def fill(text: str, facts: Facts) -> str:
    values = asdict(facts)
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def message_text(call: Call, outcome: str) -> str:
    """The call's own text for the outcome, else the standard one."""
    return call.outcome_messages.get(outcome) or standard_text(outcome)


def facts_of(application: Application) -> Facts:
    """The facts of a published outcome."""
    visit = application.outcome_visit
    ranks = {p.visit_id: p.rank for p in application.preferences.all()}
    return Facts(
        name=application.applicant.display_name or application.applicant.email,
        call=application.call.title,
        visit=visit.title if visit else "",
        preference=str(ranks.get(application.outcome_visit_id, "")),
        position=str(application.waiting_position or ""),
        respond_by=format_date(application.respond_by),
        reason=application_reason(application),
    )


def outcome_message(application: Application) -> str:
    return fill(message_text(application.call, application.outcome), facts_of(application))


def run_samples(call: Call, run, respond_by) -> dict[str, Facts]:
    """For each outcome, the facts of its first applicant in `run` (or of an example person
    when the run has none), to preview the messages before they are sent."""
    decisions = ((run.result or {}) if run else {}).get("decisions", {})
    placements = run_placements(run) if run else {}
    firsts: dict[str, str] = {}
    for key, placement in placements.items():
        firsts.setdefault(placement.outcome, key)
    applications = Application.objects.select_related("applicant").in_bulk(
        [int(key) for key in firsts.values()]
    )
    visits = {str(visit.pk): visit.title for visit in call.visits.all()}
    example_visit = next(iter(visits.values()), _("a visit"))
    samples = {}
    for outcome in EDITABLE:
        key = firsts.get(outcome)
        application = applications.get(int(key)) if key else None
        decision = decisions.get(key, {}) if key else {}
        placement = placements.get(key) if key else None
        samples[outcome] = Facts(
            name=application.applicant.display_name if application else _("Alex Example"),
            call=call.title,
            visit=visits.get(str(placement.visit) if placement else "", example_visit),
            preference=str(decision.get("preference") or 1),
            position=str(placement.position if placement and placement.position else 1),
            respond_by=format_date(respond_by),
            reason=reason_text(
                decision.get("why"),
                visits,
                decision.get("reason") or "",
                waiting=outcome == Outcome.WAITLISTED,
            )
            or _example_reason(outcome, example_visit),
        )
    return samples


def _example_reason(outcome: str, visit: str) -> str:
    """A reason as the selection words one, for an outcome the run gave nobody."""
    first = {"preference": 1, "visit": visit}
    if outcome == Outcome.SELECTED:
        why = {"code": "selected", **first}
    else:
        why = {"code": "not_selected", "preferences": [{"code": "full", "capacity": 2, **first}]}
    return reason_text(why, {visit: visit}, waiting=outcome == Outcome.WAITLISTED)
