"""A call's sent applications with their eligibility, for coordinators."""

from citypeers.calls.models import Application, Call
from citypeers.calls.selectors.eligibility import (
    applicant_country,
    hosting_organisations,
    ineligibility_reasons,
    is_eligible,
)


def application_rows(call: Call) -> list[dict]:
    """Each sent application with its country and its eligibility, and why not, oldest first."""
    applications = (
        call.applications.exclude(status=Application.Status.DRAFT)
        .select_related(
            "applicant__organisation",
            "organisation__place",
            "practice",
            "hosted_visit__programme",
        )
        .prefetch_related("preferences__visit")
        .order_by("submitted_at", "pk")
    )
    hosting = hosting_organisations() if call.type == Call.Type.HOSTS else None
    rows = []
    for application in applications:
        reasons = ineligibility_reasons(call, application, hosting=hosting)
        rows.append(
            {
                "application": application,
                "country": applicant_country(application),
                "eligible": is_eligible(call, application, reasons),
                "reasons": reasons,
                # sent with one organisation, approved in another (or none) since
                "affiliation_changed": application.status == Application.Status.SUBMITTED
                and application.applicant.organisation_id != application.organisation_id,
            }
        )
    return rows
