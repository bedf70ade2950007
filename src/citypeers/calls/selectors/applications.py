"""A call's sent applications with their eligibility and files, for coordinators."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from citypeers.calls.models import Application, ApplicationFile, Call, Question
from citypeers.calls.selectors.eligibility import (
    applicant_country,
    hosting_organisations,
    ineligibility_reasons,
    is_eligible,
)


def files_with_questions() -> Prefetch:
    """An application's files, in the order of the call's questions, each with its question."""
    files = ApplicationFile.objects.select_related("question")
    return Prefetch("files", queryset=files.order_by("question__position", "question_id"))


def asks_for_files(call: Call) -> bool:
    return call.questions.filter(kind=Question.Kind.FILE).exists()


def files_of(application: Application) -> list[ApplicationFile]:
    return list(
        application.files.select_related("question").order_by("question__position", "question_id")
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
        .prefetch_related("preferences__visit", files_with_questions())
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


def attached_file(*, slug: str, pk: int, file: int, **_kwargs) -> ApplicationFile:
    """The file of a URL (call, application, file), or 404: what `calls:file` checks."""
    return get_object_or_404(
        ApplicationFile.objects.select_related("application__call"),
        pk=file,
        application_id=pk,
        application__call__slug=slug,
    )
