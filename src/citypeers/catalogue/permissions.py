import rules

from citypeers.catalogue.models import Practice
from citypeers.programmes.permissions import is_programme_coordinator


@rules.predicate
def is_published(user, practice: Practice) -> bool:
    return practice.status == Practice.Status.PUBLISHED


@rules.predicate
def is_submitter(user, practice: Practice) -> bool:
    return user.is_authenticated and practice.submitted_by_id == user.pk


@rules.predicate
def is_editable_stage(user, practice: Practice) -> bool:
    return practice.status in {Practice.Status.DRAFT, Practice.Status.CHANGES_REQUESTED}


@rules.predicate
def is_practice_coordinator(user, practice: Practice) -> bool:
    return is_programme_coordinator(user, practice.programme)
