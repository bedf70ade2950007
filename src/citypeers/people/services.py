from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.saving import lock_name
from citypeers.people.enums import AffiliationSource, AffiliationState
from citypeers.people.erasure import person_erase as person_erase  # its home: erasure.py
from citypeers.people.errors import AffiliationError
from citypeers.people.models import Affiliation, Consent, Organisation, User
from citypeers.people.personal_data import personal_data_export
from citypeers.people.selectors import may_decide, organisations_with_domain, verified_domains

# Sent after a person's approved organisation changed (joined, moved or left), with `user`,
# `before`, `after` (organisations or None) and `by`; the calls app flags sent applications.
organisation_changed = Signal()


def user_update_profile(*, user: User, by: User, data: dict) -> User:
    """Save the profile fields a person may change about themselves (not their organisation:
    that is `affiliation_choose`)."""
    data = {field: value for field, value in data.items() if field != "organisation"}
    changed = {field: str(value) for field, value in data.items() if getattr(user, field) != value}
    for field, value in data.items():
        setattr(user, field, value)
    user.save(update_fields=list(data))
    if changed:
        log_action(user, "profile.updated", by=by, changes=changed)
    return user


def organisations_named(names: list[str], *, places=(), by: User) -> list[Organisation]:
    """The organisations with these names, in order, adding those not known yet.

    Among namesakes, one in `places` wins; a new organisation is placed in the first of them
    and typed "other" until a coordinator knows better. Two practices naming the same new
    organisation at once share it: each name is looked up under a lock on it.
    """
    places = list(places)
    found = []
    with transaction.atomic():
        for name in names:
            lock_name(f"organisation:{name.lower()}")
            namesakes = list(Organisation.objects.filter(name__iexact=name).select_related("place"))
            in_places = [organisation for organisation in namesakes if organisation.place in places]
            if in_places or namesakes:
                found.append((in_places or namesakes)[0])
                continue
            organisation = Organisation.objects.create(
                name=name, type=Organisation.Type.OTHER, place=places[0] if places else None
            )
            log_action(organisation, "organisation.created", by=by, changes={"name": name})
            found.append(organisation)
    return found


# Affiliations ----------------------------------------------------------------------------------


def _organisation_set(*, user: User, organisation: Organisation | None, by) -> None:
    """The one place `User.organisation` changes; ends the approved affiliation it replaces."""
    before = user.organisation
    if before == organisation:
        return
    now = timezone.now()
    Affiliation.objects.filter(user=user, state=AffiliationState.APPROVED).update(
        state=AffiliationState.ENDED, decided_at=now
    )
    user.organisation = organisation
    user.save(update_fields=["organisation"])
    log_action(
        user,
        "affiliation.changed",
        by=by,
        changes={"organisation": f"{before or '—'} → {organisation or '—'}"},
    )
    organisation_changed.send(sender=User, user=user, before=before, after=organisation, by=by)


def _locked_user(user: User) -> User:
    """The person's row, locked, so two decisions about them run one after the other."""
    locked = (
        User.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=user.pk)
    )
    user.organisation = locked.organisation
    return locked


def affiliation_request(*, user: User, organisation: Organisation, by: User) -> Affiliation:
    """Ask to join an organisation; any earlier waiting request is withdrawn. A verified
    e-mail address at one of the organisation's domains approves it at once."""
    with transaction.atomic():
        _locked_user(user)
        if user.organisation_id == organisation.pk:
            raise AffiliationError(
                _("You are already a member of %(organisation)s.") % {"organisation": organisation},
                field="organisation",
            )
        pending = Affiliation.objects.filter(user=user, state=AffiliationState.PENDING).first()
        if pending is not None and pending.organisation_id == organisation.pk:
            return pending
        if pending is not None:
            _close(pending, state=AffiliationState.WITHDRAWN, by=by)
        if verified_domains(user=user) & organisation.domains():
            return _grant(
                user=user, organisation=organisation, by=None, source=AffiliationSource.EMAIL_DOMAIN
            )
        affiliation = Affiliation.objects.create(user=user, organisation=organisation)
        log_action(
            affiliation, "affiliation.requested", by=by, changes={"organisation": str(organisation)}
        )
        from citypeers.people.tasks import notify_affiliation_requested  # tasks import services

        transaction.on_commit(
            lambda: notify_affiliation_requested.enqueue(affiliation_id=affiliation.pk)
        )
    return affiliation


def affiliation_choose(*, user: User, organisation: Organisation | None, by: User) -> str:
    """What picking an organisation in the profile does, named for the page's message:
    "unchanged", "requested", "approved" (by e-mail domain), "withdrawn" or "left"."""
    pending = Affiliation.objects.filter(user=user, state=AffiliationState.PENDING).first()
    if organisation is not None and organisation.pk != user.organisation_id:
        if pending is not None and pending.organisation_id == organisation.pk:
            return "unchanged"
        affiliation = affiliation_request(user=user, organisation=organisation, by=by)
        return "approved" if affiliation.state == AffiliationState.APPROVED else "requested"
    if pending is not None:  # back to the current organisation, or to none
        affiliation_withdraw(affiliation=pending, by=by)
        return "withdrawn"
    if organisation is None and user.organisation_id is not None:
        affiliation_leave(user=user, by=by)
        return "left"
    return "unchanged"


def _close(affiliation: Affiliation, *, state: str, by, reason: str = "") -> None:
    affiliation.state, affiliation.reason = state, reason
    affiliation.decided_at, affiliation.decided_by = timezone.now(), by
    affiliation.save(update_fields=["state", "reason", "decided_at", "decided_by"])
    changes = {"reason": reason} if reason else {}
    log_action(affiliation, f"affiliation.{state}", by=by, changes=changes)


def _grant(
    *, user: User, organisation: Organisation, by, source: str, reason: str = ""
) -> Affiliation:
    """Approved at once; `by` None when the platform did it (an e-mail domain)."""
    _organisation_set(user=user, organisation=organisation, by=by)
    affiliation = Affiliation.objects.create(
        user=user,
        organisation=organisation,
        state=AffiliationState.APPROVED,
        source=source,
        decided_at=timezone.now(),
        decided_by=by,
        reason=reason,
    )
    log_action(
        affiliation,
        "affiliation.approved",
        by=by,
        changes={"organisation": str(organisation), "source": source},
    )
    return affiliation


def affiliation_decide(
    *, affiliation: Affiliation, approve: bool, by: User, reason: str = ""
) -> Affiliation:
    """Approve or refuse a waiting request; the requester is told by e-mail. Refuses anyone
    who may not decide it and a request decided (or withdrawn) in the meantime."""
    with transaction.atomic():
        _locked_user(affiliation.user)
        affiliation = (
            Affiliation.objects.select_for_update(of=("self",))
            .select_related("user__organisation", "organisation")
            .get(pk=affiliation.pk)
        )
        if not may_decide(user=by, affiliation=affiliation):
            raise AffiliationError(
                _("Only the organisation's members, or coordinators where it has none, decide.")
            )
        if affiliation.state != AffiliationState.PENDING:
            raise AffiliationError(
                _("This request was already %(state)s.")
                % {"state": affiliation.get_state_display().lower()}
            )
        if approve:
            _organisation_set(user=affiliation.user, organisation=affiliation.organisation, by=by)
        state = AffiliationState.APPROVED if approve else AffiliationState.REFUSED
        _close(affiliation, state=state, by=by, reason=reason.strip())
        from citypeers.people.tasks import notify_affiliation_decided  # tasks import services

        transaction.on_commit(
            lambda: notify_affiliation_decided.enqueue(affiliation_id=affiliation.pk)
        )
    return affiliation


def affiliation_withdraw(*, affiliation: Affiliation, by: User) -> Affiliation:
    """The requester takes back a waiting request."""
    with transaction.atomic():
        affiliation = Affiliation.objects.select_for_update().get(pk=affiliation.pk)
        if by.pk != affiliation.user_id:
            raise AffiliationError(_("Only the person who asked can withdraw a request."))
        if affiliation.state != AffiliationState.PENDING:
            raise AffiliationError(_("This request is no longer waiting for a decision."))
        _close(affiliation, state=AffiliationState.WITHDRAWN, by=by)
    return affiliation


def affiliation_leave(*, user: User, by: User) -> None:
    """The person stops acting for their organisation, at once."""
    with transaction.atomic():
        _locked_user(user)
        _organisation_set(user=user, organisation=None, by=by)


def affiliation_grant(
    *, user: User, organisation: Organisation, by, reason: str = ""
) -> Affiliation:
    """Record an approved affiliation without a request: staff, the console and the demo."""
    with transaction.atomic():
        _locked_user(user)
        Affiliation.objects.filter(user=user, state=AffiliationState.PENDING).update(
            state=AffiliationState.WITHDRAWN, decided_at=timezone.now()
        )
        return _grant(
            user=user,
            organisation=organisation,
            by=by,
            source=AffiliationSource.GRANTED,
            reason=reason,
        )


def affiliations_grant_many(
    *, grants: Iterable[tuple[User, Organisation]], by, reason: str = ""
) -> int:
    """`affiliation_grant` for many people who have no organisation yet, in a few queries (the
    demo's hundreds of applicants); nothing is sent, as nothing changed for anyone's rights."""
    grants = [(user, organisation) for user, organisation in grants if user.organisation_id is None]
    now = timezone.now()
    with transaction.atomic():
        for user, organisation in grants:
            user.organisation = organisation
        User.objects.bulk_update([user for user, _ in grants], ["organisation"], batch_size=500)
        Affiliation.objects.bulk_create(
            [
                Affiliation(
                    user=user,
                    organisation=organisation,
                    state=AffiliationState.APPROVED,
                    source=AffiliationSource.GRANTED,
                    requested_at=user.date_joined,
                    decided_at=now,
                    decided_by=by,
                    reason=reason,
                )
                for user, organisation in grants
            ],
            batch_size=500,
        )
    return len(grants)


def affiliation_join_by_email(*, user: User, email: str) -> Affiliation | None:
    """After an address is verified: a waiting request to an organisation of its domain is
    approved; a person with no organisation joins the one organisation listing the domain."""
    domain = email.rsplit("@", 1)[-1].lower()
    organisations = organisations_with_domain(domain)
    if not organisations:
        return None
    with transaction.atomic():
        _locked_user(user)
        pending = Affiliation.objects.filter(user=user, state=AffiliationState.PENDING).first()
        if pending is not None and pending.organisation in organisations:
            _organisation_set(user=user, organisation=pending.organisation, by=None)
            pending.source = AffiliationSource.EMAIL_DOMAIN
            pending.save(update_fields=["source"])
            _close(pending, state=AffiliationState.APPROVED, by=None)
            return pending
        if user.organisation_id is None and pending is None and len(organisations) == 1:
            return _grant(
                user=user,
                organisation=organisations[0],
                by=None,
                source=AffiliationSource.EMAIL_DOMAIN,
            )
    return None


# Consents ---------------------------------------------------------------------------------------


def consent_record(
    *,
    purpose: str,
    text: str,
    language: str = "",
    user: User | None = None,
    email: str = "",
    reference: str = "",
    now=None,
) -> Consent:
    """Keeps what a person agreed to, with the exact text shown; an earlier consent to the same
    purpose and record is replaced (asking again restarts it)."""
    email = (email or (user.email if user else "")).strip().lower()
    with transaction.atomic():
        Consent.objects.filter(
            user=user, email=email, purpose=purpose, reference=reference
        ).delete()
        return Consent.objects.create(
            user=user,
            email=email,
            purpose=purpose,
            reference=reference,
            text=text,
            language=language,
            given_at=now or timezone.now(),
        )


def consent_withdraw(*, purpose: str, reference: str, email: str, now=None) -> int:
    """Marks the consents given for this purpose and record as withdrawn; how many were."""
    return Consent.objects.filter(
        email=email.strip().lower(), purpose=purpose, reference=reference, withdrawn_at=None
    ).update(withdrawn_at=now or timezone.now())


def person_data_export(*, user: User, by: User, download: bool = False) -> list[dict]:
    """Everything held about the person, grouped by kind; the audit trail records who read it."""
    exported = personal_data_export(user=user)
    action = "personal_data.downloaded" if download else "personal_data.viewed"
    log_action(user, action, by=by)
    return exported
