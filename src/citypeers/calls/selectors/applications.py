"""A call's sent applications with their eligibility and files, for coordinators; one
application's page: its history, its reviews, its neighbours in the list."""

from django.db.models import F, Prefetch, Q
from django.shortcuts import get_object_or_404

from citypeers.calls.models import (
    Application,
    ApplicationFile,
    Call,
    Conflict,
    Question,
    ReviewAssignment,
    Score,
)
from citypeers.calls.selectors.eligibility import (
    applicant_country,
    hosting_organisations,
    ineligibility_reasons,
    is_eligible,
)
from citypeers.core.models import AuditEntry


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
        .prefetch_related("preferences__visit__programme", files_with_questions())
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


def sent_application(*, slug: str, pk: int, **_kwargs) -> Application:
    """The sent (or withdrawn) application of a URL (call, application), or 404: a draft is
    nobody's to read but its author's."""
    return get_object_or_404(
        Application.objects.exclude(status=Application.Status.DRAFT)
        .select_related(
            "call__programme",
            "applicant__organisation",
            "organisation__place",
            "practice",
            "hosted_visit__programme",
            "outcome_visit__programme",
        )
        .prefetch_related("preferences__visit__programme"),
        pk=pk,
        call__slug=slug,
    )


def application_neighbours(
    application: Application, *, reviewer=None
) -> tuple[int | None, int | None]:
    """The applications before and after this one, in the order of the list it was opened
    from: the coordinators' list (oldest sent first) or, for a `reviewer`, their own list."""
    if reviewer is not None:
        assignments = ReviewAssignment.objects.filter(
            application__call_id=application.call_id, reviewer=reviewer
        ).order_by(F("completed_at").asc(nulls_first=True), "pk")
        order = list(assignments.values_list("application_id", flat=True))
    else:
        sent = application.call.applications.exclude(status=Application.Status.DRAFT)
        order = list(sent.order_by("submitted_at", "pk").values_list("pk", flat=True))
    if application.pk not in order:
        return None, None
    at = order.index(application.pk)
    before = order[at - 1] if at > 0 else None
    after = order[at + 1] if at + 1 < len(order) else None
    return before, after


def application_history(application: Application) -> list:
    """What happened to the application, oldest first: its own audit entries and the
    publishing of its call's decisions once it has an outcome."""
    own = Q(object_type="calls.application", object_id=str(application.pk))
    if application.outcome:
        own |= Q(
            object_type="calls.call",
            object_id=str(application.call_id),
            action="selection.published",
        )
    return list(AuditEntry.objects.filter(own).select_related("actor").order_by("at", "pk"))


def application_reviews(application: Application) -> list[ReviewAssignment]:
    """The application's review assignments with their reviewers and scores (comments too)."""
    return list(
        application.review_assignments.select_related("reviewer")
        .prefetch_related(Prefetch("scores", queryset=_scores_in_rubric_order()))
        .order_by("pk")
    )


def _scores_in_rubric_order():
    return Score.objects.select_related("criterion").order_by("criterion__position", "criterion_id")


def application_conflicts(application: Application) -> list[Conflict]:
    """Conflicts of interest reviewers declared with this application or its organisation."""
    about = Q(application=application)
    if application.organisation_id:
        about |= Q(organisation_id=application.organisation_id)
    return list(
        Conflict.objects.filter(about, call_id=application.call_id)
        .select_related("reviewer")
        .order_by("created_at", "pk")
    )
