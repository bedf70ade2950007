"""What calls does when something below it changes (connected by CallsConfig.ready()):

- it tells the visits app which visits a person has a place in (for "My visits");
- it tells the apps below which programmes an organisation takes part in; and, when a
  person's approved organisation changed, their sent applications are flagged. An
  application keeps the organisation it was sent with (eligibility, quotas and conflicts read
  it); the coordinators see the change on the call's applications page (read from the
  applicant's organisation now) and here, in the audit trail of each application concerned;
- a reviewer removed from a programme stops reviewing: their open assignments end;
- stored files leave the storage with their rows. A file row is deleted on its own, with its
  application, its question or its call (cascades send the signal for each row); the stored
  file is deleted once the deleting transaction commits, so a rolled-back delete keeps it.
  Replacing a file is the service's job (`calls.services.applications.application_save`), by
  the same `core.files.delete_after_commit`.
"""

from django.db.models.signals import post_delete

from citypeers.calls.models import Application, ApplicationFile
from citypeers.calls.selectors.eligibility import (
    coordinators_of_applications_by,
    organisations_applying_to_programmes_of,
)
from citypeers.calls.selectors.personal import people_given_places_in, visits_given_to
from citypeers.calls.services.review import review_assignments_end
from citypeers.core.audit import log_action
from citypeers.core.files import delete_after_commit
from citypeers.people.selectors import ProgrammeLink, programme_link_register
from citypeers.people.services import organisation_changed
from citypeers.programmes.models import Role
from citypeers.programmes.signals import membership_ended
from citypeers.visits.selectors.agenda import visit_people_register
from citypeers.visits.selectors.mine import visit_places_register


def flag_sent_applications(sender, user, before, after, by, **kwargs) -> None:
    sent = Application.objects.filter(applicant=user, status=Application.Status.SUBMITTED)
    for application in sent.select_related("call", "organisation"):
        log_action(
            application,
            "application.affiliation_changed",
            by=by,
            changes={
                "organisation": f"{before or '—'} → {after or '—'}",
                "sent_with": str(application.organisation or "—"),
            },
        )


def application_file_deleted(sender, instance: ApplicationFile, **kwargs) -> None:
    delete_after_commit(instance.file)


def reviewer_role_ended(sender, membership, by, **kwargs) -> None:
    """A reviewer removed from the programme stops reviewing: open assignments end."""
    if membership.role == Role.REVIEWER:
        review_assignments_end(reviewer=membership.user, programme=membership.programme, by=by)


def connect() -> None:
    # A selected or confirmed applicant takes part in the visit they were given a place in.
    visit_places_register(visits_given_to)
    visit_people_register(people_given_places_in)
    # An applicant's organisation takes part in the call's programme: where it has no member,
    # the programme's coordinators decide requests to join it.
    programme_link_register(
        ProgrammeLink(organisations_applying_to_programmes_of, coordinators_of_applications_by)
    )
    organisation_changed.connect(flag_sent_applications, dispatch_uid="calls.flag_affiliation")
    post_delete.connect(
        application_file_deleted,
        sender=ApplicationFile,
        dispatch_uid="citypeers.calls.application_file_deleted",
    )
    membership_ended.connect(reviewer_role_ended, dispatch_uid="calls.reviewer_role_ended")
