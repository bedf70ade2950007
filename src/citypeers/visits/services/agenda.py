"""A visit's agenda: published on its page or hidden."""

from citypeers.core.audit import log_action
from citypeers.programmes.models import Visit
from citypeers.visits.models import VisitPlan


def agenda_publish(*, visit: Visit, by, published: bool) -> None:
    # Saved, not updated in bulk: the feeds, the API and open data learn of it by its signal.
    for plan in VisitPlan.objects.filter(visit=visit):
        plan.agenda_published = published
        plan.save(update_fields=["agenda_published"])
    log_action(visit, "agenda.published" if published else "agenda.hidden", by=by, changes={})
