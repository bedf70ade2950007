from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import MembershipError, ThemeError
from citypeers.core.translated import (
    as_translations,
    described_change,
    pick,
    translations_of,
)
from citypeers.people.models import User
from citypeers.programmes.models import Membership, Programme, Role, Theme, Visit
from citypeers.programmes.signals import membership_ended


def membership_add(
    *,
    programme: Programme,
    email: str,
    role: str,
    visit: Visit | None = None,
    by,
    notify: bool = True,
) -> Membership:
    """Give a person with an account a role in a programme or one of its visits; tell them,
    unless `notify` is false (the demo's people are not mailed about roles it gives them)."""
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise MembershipError(
            _("No one has an account with this e-mail address yet. Ask them to sign up first."),
            field="email",
        )
    if visit is not None and visit.programme_id != programme.pk:
        raise MembershipError(_("This visit belongs to another programme."), field="visit")
    already = MembershipError(
        _("%(person)s already has this role here.") % {"person": user}, field="role"
    )
    if Membership.objects.filter(user=user, programme=programme, visit=visit, role=role).exists():
        raise already
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user, programme=programme, visit=visit, role=role
            )
            log_action(
                membership,
                "membership.added",
                by=by,
                changes={"person": user.email, "role": role, "visit": str(visit or "")},
            )
            if notify:
                from citypeers.programmes.tasks import (  # tasks import services
                    notify_membership_added,
                )

                transaction.on_commit(
                    lambda: notify_membership_added.enqueue(membership_id=membership.pk)
                )
    except IntegrityError:  # the same role given a moment ago (a double click)
        raise already from None
    return membership


def membership_remove(*, membership: Membership, by) -> None:
    """Take a role away; a programme always keeps at least one coordinator. Two coordinators
    removing each other at once: the second waits for the first and is refused."""
    with transaction.atomic():
        # The programme's row is the lock under which its coordinators are counted; on SQLite
        # the IMMEDIATE transaction serialises writers already.
        Programme.objects.select_for_update().only("pk").get(pk=membership.programme_id)
        if not Membership.objects.filter(pk=membership.pk).exists():
            return  # removed a moment ago (a double click): what was asked holds
        is_last_coordinator = (
            membership.role == Role.COORDINATOR
            and membership.visit_id is None
            and not Membership.objects.filter(
                programme=membership.programme_id, role=Role.COORDINATOR, visit=None
            )
            .exclude(pk=membership.pk)
            .exists()
        )
        if is_last_coordinator:
            raise MembershipError(
                _(
                    "A programme needs at least one coordinator: add another before removing "
                    "this one."
                )
            )
        log_action(
            membership,
            "membership.removed",
            by=by,
            changes={"person": membership.user.email, "role": membership.role},
        )
        membership.delete()
        # The rights the role gave end with it, in the apps above (a reviewer's assignments).
        membership_ended.send(sender=Membership, membership=membership, by=by)


def theme_save(*, theme: Theme | None = None, name, description, by) -> Theme:
    """Add a theme, or reword one; its slug (used in library addresses) never changes. The same
    name saved twice at once (a double click, two coordinators) is refused the second time.
    `name` and `description` are translations ({language: text}), or a text in the active
    language."""
    name = {code: text.strip() for code, text in as_translations(name, None).items()}
    description = as_translations(description, None)
    clash = ThemeError(_("A theme with this name exists already."), field="name")
    try:
        with transaction.atomic():
            same_name = Q()
            for code, text in name.items():
                same_name |= Q(**{f"name__{code}__iexact": text})
            taken = Theme.objects.filter(same_name).exclude(pk=theme.pk if theme else None)
            if name and taken.exists():
                raise clash
            if theme is None:
                base = slugify(pick(name)[1] or "")[:190] or "theme"
                slug, number = base, 1
                while Theme.objects.filter(slug=slug).exists():
                    number += 1
                    slug = f"{base}-{number}"
                theme = Theme.objects.create(name=name, slug=slug, description=description)
                log_action(theme, "theme.created", by=by, changes={"name": str(theme.name)})
            else:
                before = translations_of(theme, "name")
                changes = {"name": described_change(before, name)} if before != name else {}
                theme.name, theme.description = name, description
                theme.save()
                log_action(theme, "theme.edited", by=by, changes=changes)
    except IntegrityError:  # on PostgreSQL, the same name (or slug) committed a moment ago
        raise clash from None
    return theme
