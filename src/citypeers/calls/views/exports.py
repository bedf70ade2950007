"""Coordinators' downloads (CSV, Excel) of applications, reviews and selections."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Application, Call
from citypeers.calls.texts.reasons import reason_text
from citypeers.core.http import export_response
from citypeers.people.models import Organisation
from citypeers.places.models import SizeClass


def applications_table(
    call: Call, rows: list[dict], export_format: str, *, files: bool = False
) -> HttpResponse:
    """The coordinators' list of applications (`selectors.applications.application_rows`);
    with `files`, the download address of each attached file."""
    headers = [
        _("Application"),
        _("Name"),
        _("E-mail address"),
        _("Organisation"),
        _("Country"),
        _("Status"),
        _("Eligible"),
        _("Visits, in order"),
        _("Sent"),
    ]
    hosts = call.type == Call.Type.HOSTS
    if hosts:
        headers += [_("Good practice"), _("Mode"), _("From"), _("Until"), _("Topic")]
    if files:
        headers.append(_("Files"))
    data = []
    for row in rows:
        application = row["application"]
        sent = application.submitted_at
        data.append(
            (
                application.pk,
                str(application.applicant),
                application.applicant.email,
                str(application.organisation or ""),
                row["country"],
                application.get_status_display(),
                _("yes") if row["eligible"] else _("no"),
                "; ".join(p.visit.title for p in application.preferences.all()),
                sent.isoformat() if sent else "",
            )
            + (_proposal(application) if hosts else ())
            + ((_file_addresses(call, application),) if files else ())
        )
    return export_response(
        headers=headers,
        rows=data,
        filename=f"{call.slug}-applications",
        export_format=export_format,
    )


def _file_addresses(call: Call, application: Application) -> str:
    """Where each attached file downloads (for those allowed to), one a line."""
    return "\n".join(
        settings.SITE_URL + reverse("calls:file", args=[call.slug, application.pk, file.pk])
        for file in application.files.all()
    )


def _proposal(application: Application) -> tuple:
    """A host application's proposal, as export cells."""
    dates = (application.proposed_from, application.proposed_until)
    return (
        str(application.practice or ""),
        application.get_proposed_mode_display(),
        *(date.isoformat() if date else "" for date in dates),
        application.proposed_topic,
    )


def review_results_table(results, export_format: str) -> HttpResponse:
    """Each application's mean, spread and every reviewer's total."""
    rows = [
        (
            r.application.pk,
            str(r.application.applicant),
            str(r.application.organisation or ""),
            r.mean,
            r.spread,
            "yes" if r.disagreement else "no",
            "; ".join(f"{reviewer}: {total}" for reviewer, total in r.totals),
        )
        for r in results
    ]
    headers = [
        _("Application"),
        _("Applicant"),
        _("Organisation"),
        _("Mean score"),
        _("Spread"),
        _("Disagreement"),
        _("Reviews"),
    ]
    return export_response(
        headers=headers, rows=rows, filename="citypeers-reviews", export_format=export_format
    )


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
