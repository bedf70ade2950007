"""Links the apps above this one add to a visit's page and workspace (reports: the visit's
report), registered from their `ready()` as confirmed places are (`roster`), so this app
imports none of them."""

from collections.abc import Callable, Iterable

from citypeers.core.registry import Sources
from citypeers.programmes.models import Visit

# A function of (visit, user) giving (label, address) pairs the person may follow.
LinkSource = Callable[[Visit, object], Iterable[tuple[str, str]]]
VISIT_LINK_SOURCES: Sources[LinkSource] = Sources()

visit_links_register = VISIT_LINK_SOURCES.register


def visit_links(visit: Visit, user) -> list[tuple[str, str]]:
    return [link for source in VISIT_LINK_SOURCES for link in source(visit, user)]
