"""Whom an interpreter interprets for on a visit, set or cleared by the visit's team."""

from django.db import transaction
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.people.models import User
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.models import Interpreting
from citypeers.visits.selectors.roster import roster_of


def interpreting_set(
    *, visit: Visit, interpreter: User, participant: User | None, by
) -> Interpreting | None:
    """The interpreter now interprets for `participant` (None: for nobody in particular). The
    participant must be on the visit's roster as one; the groups then keep the two together."""
    if not Membership.objects.filter(visit=visit, user=interpreter, role=Role.INTERPRETER).exists():
        raise VisitError(_("%(name)s is not an interpreter on this visit.") % {"name": interpreter})
    if participant is not None:
        if participant.pk == interpreter.pk:
            raise VisitError(
                _("An interpreter cannot interpret for themselves."), field="participant"
            )
        on_roster = any(
            entry.user.pk == participant.pk and entry.is_participant for entry in roster_of(visit)
        )
        if not on_roster:
            raise VisitError(
                _("%(name)s is not a participant of this visit.") % {"name": participant},
                field="participant",
            )
    with transaction.atomic():
        before = Interpreting.objects.filter(visit=visit, interpreter=interpreter).first()
        was = before.participant_id if before else None
        if participant is None:
            if before is not None:
                before.delete()
            row = None
        else:
            row, _created = Interpreting.objects.update_or_create(
                visit=visit,
                interpreter=interpreter,
                defaults={"participant": participant, "created_by": by},
            )
        log_action(
            visit,
            "visits.interpreting_set",
            by=by,
            changes={
                "interpreter": interpreter.pk,
                "participant": [was, participant.pk if participant else None],
            },
        )
    return row
