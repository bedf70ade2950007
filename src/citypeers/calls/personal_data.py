"""What calls keep about a person: their applications (with files) and the reviews they wrote.
Registered by `CallsConfig.ready()` into `people.personal_data`.

An erased or expired application keeps what the selection's figures need (status, outcome,
organisation, languages, preferences, scores) and loses every text its author wrote and every
file; reviews keep their scores and lose their comments."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.calls.enums import PROPOSAL_FIELDS, STANDARD_FIELDS, Outcome
from citypeers.calls.models import Application, ApplicationFile, Conflict, ReviewAssignment, Score
from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import (
    PersonalData,
    files_delete,
    personal_data_register,
    records,
    refs,
)

APPLICATION_FIELDS = [
    "call",
    "status",
    "organisation",
    *STANDARD_FIELDS,
    "answers",
    *PROPOSAL_FIELDS,
    "consent_text",
    "consent_language",
    "consented_at",
    "submitted_at",
    "outcome",
    "outcome_visit",
    "outcome_reason",
]
# What the applicant wrote: gone on erasure and after the retention period.
WRITTEN = {
    "role": "",
    "learning_needs": "",
    "expertise": "",
    "challenge": "",
    "motivation": "",
    "access_needs": "",
    "answers": {},
    "proposed_topic": "",
    "consent_text": "",
    "eligibility_reason": "",
}


def _applications(user: User) -> list[dict]:
    found = []
    queryset = Application.objects.filter(applicant=user).select_related(
        "call", "organisation", "practice", "outcome_visit"
    )
    for application in queryset.prefetch_related("preferences__visit", "files"):
        (row,) = records([application], APPLICATION_FIELDS)
        row[str(_("preferences"))] = [str(p.visit) for p in application.preferences.all()]
        row[str(_("files"))] = [file.name for file in application.files.all()]
        found.append(row)
    return found


def _anonymise(applications) -> int:
    """Clears what the applicants wrote and deletes their files; how many applications."""
    applications = list(applications)
    files = ApplicationFile.objects.filter(application__in=applications)
    files_delete([file.file for file in files])
    files.delete()
    Score.objects.filter(assignment__application__in=applications).update(comment="")
    Conflict.objects.filter(application__in=applications).update(note="")
    return Application.objects.filter(pk__in=[a.pk for a in applications]).update(**WRITTEN)


def _applications_erase(user: User) -> list:
    applications = list(Application.objects.filter(applicant=user))
    _anonymise(applications)
    return refs(applications)


def _not_anonymised():
    return Application.objects.exclude(Q(**WRITTEN) & Q(files__isnull=True))


def _applications_prune(now: datetime.datetime) -> int:
    """Applications that led to no place: anonymised once their call closed long enough ago."""
    kept = [Outcome.SELECTED, Outcome.CONFIRMED]
    expired = (
        _not_anonymised()
        .filter(call__closes_at__lt=APPLICATIONS.cutoff(now))
        .exclude(outcome__in=kept, status=Application.Status.SUBMITTED)
        .distinct()
    )
    return _anonymise(expired)


def _reviews(user: User) -> list[dict]:
    assignments = ReviewAssignment.objects.filter(reviewer=user).select_related("application__call")
    scores = Score.objects.filter(assignment__reviewer=user).select_related(
        "criterion", "assignment__application__call"
    )
    conflicts = Conflict.objects.filter(reviewer=user).select_related("call", "organisation")
    return (
        records(assignments, ["application__call", "created_at", "completed_at"])
        + records(scores, ["assignment__application__call", "criterion", "value", "comment"])
        + records(conflicts, ["call", "organisation", "note", "created_at"])
    )


def _reviews_erase(user: User) -> list:
    Score.objects.filter(assignment__reviewer=user).update(comment="")
    Conflict.objects.filter(reviewer=user).update(note="")
    return refs(ReviewAssignment.objects.filter(reviewer=user))


APPLICATIONS = PersonalData(
    key="calls.applications",
    name=_("Applications to calls"),
    what=_(
        "Your role, organisation, what you want to learn and can share, your challenge, "
        "motivation, languages, access needs, answers and files, the visits you prefer, "
        "the consent you gave, and the outcome."
    ),
    purpose=_("Selecting the participants and hosts of visits fairly, and telling you why."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_(
        "You, the reviewers assigned to your application, the programme's coordinators and "
        "staff; the host of the visit you are placed in sees your access needs."
    ),
    export=_applications,
    erase=_applications_erase,
    retention_setting="APPLICATION_RETENTION_DAYS",
    retention_from=_(
        "the call closes, for applications that led to no place; your texts and files are "
        "deleted, the selection's figures stay without your name"
    ),
    prune=_applications_prune,
)

REVIEWS = PersonalData(
    key="calls.reviews",
    name=_("Reviews you wrote"),
    what=_("The applications assigned to you, your scores, comments and declared conflicts."),
    purpose=_("Selecting participants on their merits, with reasons that can be checked."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The programme's coordinators and staff."),
    export=_reviews,
    erase=_reviews_erase,
    retention_text=_(
        "As long as the call's selection is kept; on erasure, scores stay "
        "without your name and comments are deleted."
    ),
)


def register() -> None:
    personal_data_register(APPLICATIONS)
    personal_data_register(REVIEWS)
