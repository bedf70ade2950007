"""What reports keep about a person: the versions they wrote (the visit's report: kept) and
their review comments (deleted on erasure). Registered by `ReportsConfig.ready()` into
`people.personal_data`."""

from django.utils.translation import gettext_lazy as _

from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import PersonalData, deleted, personal_data_register, records
from citypeers.reports.models import ReportComment, ReportVersion


def _writing(user: User) -> list[dict]:
    versions = ReportVersion.objects.filter(author=user).select_related("report")
    comments = ReportComment.objects.filter(author=user).select_related("report")
    return records(versions, ["report", "note"]) + records(
        comments, ["report", "section_key", "body"]
    )


def _writing_erase(user: User) -> list:
    return deleted(ReportComment.objects.filter(author=user))


WRITING = PersonalData(
    key="reports.writing",
    name=_("Reports you wrote or commented"),
    what=_("The versions of visit reports you wrote, with their notes, and your comments."),
    purpose=_("Writing the visit's report together, and knowing who wrote what."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The visit's team and the programme's coordinators; published reports: everyone."),
    export=_writing,
    erase=_writing_erase,
    retention_text=_(
        "As long as the report; on erasure, versions stay without your name and comments "
        "are deleted."
    ),
)


def register() -> None:
    personal_data_register(WRITING)
