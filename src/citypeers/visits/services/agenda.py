"""A visit's agenda: published on its page or hidden."""

from citypeers.core.audit import log_action
from citypeers.programmes.models import Visit
from citypeers.visits.models import VisitPlan


def agenda_publish(*, visit: Visit, by, published: bool) -> None:
    VisitPlan.objects.filter(visit=visit).update(agenda_published=published)
    log_action(visit, "agenda.published" if published else "agenda.hidden", by=by, changes={})
