"""Erasing a person (GDPR art. 17): `person_erase` is re-exported by `people.services`.

The account row stays as a tombstone so the records the programme keeps (scores, selection
figures, attendance, reports they wrote) point to "an erased person"; every registered kind
of personal data erases or anonymises its own records; what no app owns (history rows of
their records, the admin's log, the audit trail) is cleared here.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from simple_history.models import registered_models

from citypeers.core.audit import log_action, redact_about_person
from citypeers.people.errors import ErasureRefused
from citypeers.people.models import User
from citypeers.people.personal_data import PERSONAL_DATA, ObjectRef, erasure_blockers


def erased_email(user: User) -> str:
    return f"erased-{user.pk}@invalid"


def is_erased(user: User) -> bool:
    return user.email == erased_email(user)


def person_erase(*, user: User, by: User | None) -> User:
    """Erases everything about the person but what the programme must keep, anonymised, in one
    transaction; refused while they are the only coordinator of a running programme."""
    if reasons := erasure_blockers(user=user):
        raise ErasureRefused(" ".join(reasons))
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if is_erased(user):
            return user
        erased: list[ObjectRef] = [(user._meta.label_lower, str(user.pk))]
        for kind in PERSONAL_DATA:
            erased += kind.erase(user) or []
        _history_delete(user)
        _admin_log_delete(user)
        # Before the tombstone: the audit finds failed sign-ins by the address in use.
        redact_about_person(user=user, object_refs=erased, by=by)
        _tombstone(user)
        log_action(user, "person.erased", by=by if by is not None and by != user else None)
    return user


def _tombstone(user: User) -> None:
    user.email = erased_email(user)
    user.display_name = ""
    user.languages, user.language, user.country = [], "", ""
    user.organisation = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _history_delete(user: User) -> None:
    """simple_history copies every version of a record: the versions of records about or by
    this person go (the kept record's present state is anonymised by its app)."""
    people = get_user_model()
    for model in registered_models.values():
        history = model.history.model
        about = [
            field.attname
            for field in history._meta.concrete_fields
            if getattr(field, "related_model", None) is people and field.name != "history_user"
        ]
        for attname in about:
            history.objects.filter(**{attname: user.pk}).delete()
        history.objects.filter(history_user=user).update(history_user=None)


def _admin_log_delete(user: User) -> None:
    """The admin's log names the person (their edits, and edits of their account)."""
    LogEntry.objects.filter(user=user).delete()
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).delete()
