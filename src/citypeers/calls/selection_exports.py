"""The selection as a spreadsheet for coordinators: names, and outcomes and reasons in their
language. The JSON export (`selection.selection_export`) keeps the raw codes for data use."""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from citypeers.calls.models import Application, Call, Outcome
from citypeers.calls.reasons import reason_text
from citypeers.core.http import export_response
from citypeers.people.models import Organisation
from citypeers.places.models import SizeClass


def selection_table(call: Call, run, rows: list[dict], export_format: str) -> HttpResponse:
    """`rows` are the JSON export's, for `run`."""
    applications = call.applications.select_related("applicant")
    by_pk = {application.pk: application for application in applications}
    visits = list(call.visits.all())
    titles = {str(visit.pk): visit.title for visit in visits}
    titles_by_slug = {visit.slug: visit.title for visit in visits}
    decisions = ((run.result or {}) if run else {}).get("decisions", {})
    published = run is not None and run.published_at is not None
    statuses = dict(Outcome.choices) | {
        "ineligible": _("Not eligible"),
        Application.Status.WITHDRAWN: Application.Status.WITHDRAWN.label,
    }
    kinds, sizes = dict(Organisation.Type.choices), dict(SizeClass.choices)
    headers = [
        _("Application"),
        _("Name"),
        _("E-mail address"),
        _("Country"),
        _("Kind of organisation"),
        _("City size"),
        _("Visits, in order"),
        _("Score"),
        _("Outcome"),
        _("Visit"),
        _("Place on the waiting list"),
        _("Reason"),
    ]
    table = []
    for row in rows:
        application = by_pk[row["id"]]
        if published and application.outcome:
            why, fallback = application.outcome_why, application.outcome_reason
        else:
            decision = decisions.get(str(row["id"]), {})
            why, fallback = decision.get("why"), decision.get("reason") or ""
        reason = reason_text(why, titles, fallback, waiting=row["status"] == Outcome.WAITLISTED)
        table.append(
            (
                row["id"],
                str(application.applicant),
                application.applicant.email,
                row["country"] or "",
                kinds.get(row["organisation_type"], ""),
                sizes.get(row["city_size"], ""),
                "; ".join(titles_by_slug.get(slug, slug) for slug in row["preferences"]),
                row["score"],
                statuses.get(row["status"], row["status"]),
                titles_by_slug.get(row["visit"], ""),
                row["waiting_position"] or "",
                reason if row["reason"] is not None else "",
            )
        )
    return export_response(
        headers=headers, rows=table, filename=f"{call.slug}-selection", export_format=export_format
    )
